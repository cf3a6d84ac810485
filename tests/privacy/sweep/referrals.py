"""Referrals: a referral closed longer than its retention ago, sent as the journey sends it (so
its family record and consent are made as well)."""

from huisvanhetkind.referrals.models import Referral
from tests.factories import OrganisationFactory
from tests.referrals.helpers import send

REFERRAL = "referrals.Referral"


def family_data(sweep) -> dict:
    """A family's contact details for the services, its markers under ``families.Family``."""
    return {
        "name": sweep.marker("families.Family"),
        "email": sweep.email("families.Family"),
        "phone": sweep.phone("families.Family"),
        "address": f"{sweep.marker('families.Family')}straat 1, 2920 Kalmthout",
        "language": "nl",
    }


def seed_referral(sweep):
    receiver = OrganisationFactory(houses=[sweep.house], domains=[])
    referral, _token, _code = send(
        sweep.house,
        sweep.worker,
        sweep.organisation,
        receiver,
        family=family_data(sweep),
        child={"first_name": sweep.marker("families.Child"), "birth_date": sweep.date_ago(400)},
        contact_note=f"Bel {sweep.marker(REFERRAL)} na 17 u.",
        reason=f"{sweep.marker(REFERRAL)} is erg moe.",
        notify=False,
    )
    Referral.objects.filter(pk=referral.pk).update(
        status="closed",
        closed_at=sweep.days_ago(),
        decline_note=f"Niet voor {sweep.marker(REFERRAL)}",
    )


SEEDERS = {REFERRAL: seed_referral}

KEPT = {
    "referrals.Consent": (
        "holds no text of the family: its link to the family record is erased with the "
        "referral (the seeder of referrals.Referral makes one); purpose, recipient and dates stay "
        "as proof of the consent"
    ),
    "referrals.ReferralEvent": (
        "never holds family data: statuses and the professional, kept as long as the referral"
    ),
}
