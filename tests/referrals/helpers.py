"""Making referrals in tests: the consent and the referral as the journey sends them."""

from datetime import timedelta

from django.utils import timezone

from huisvanhetkind.referrals import services
from huisvanhetkind.referrals.models import Consent, Referral


def consent_data(**overrides) -> dict:
    data = {
        "given_by": Consent.GivenBy.PARENT,
        "obtained_via": Consent.ObtainedVia.IN_PERSON,
        "purpose": "Kraamzorg aan huis na de geboorte",
        "data_categories": [Consent.DataCategory.CONTACT, Consent.DataCategory.REASON],
        "expires_on": timezone.localdate() + timedelta(days=90),
    }
    return {**data, **overrides}


def send(house, referrer, from_organisation, to_organisation, service=None, **overrides):
    """A referral as the journey sends it; returns (referral, token, short code)."""
    data = {
        "actor": referrer,
        "house": house,
        "from_organisation": from_organisation,
        "to_organisation": to_organisation,
        "service": service,
        "family": {
            "name": "Sarah Janssens",
            "email": "sarah.janssens@example.be",
            "phone": "0470 12 34 56",
            "language": "nl",
        },
        "child": None,
        "consent": consent_data(),
        "contact_preference": Referral.ContactPreference.PHONE,
        "contact_note": "Liefst na 17 u.",
        "reason": "Mama voelt zich erg moe na de bevalling en wil hulp thuis.",
    }
    data.update(overrides)
    return services.referral_send(**data)
