"""The referrer's journey: one page (safeguarding, to whom, consent, the family, the child, why),
a check page that stores nothing, then "Verstuur"; the family's code and link shown once. Every
bad input gets a Dutch message and changes nothing."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from huisvanhetkind.families.models import Family
from huisvanhetkind.network.models import Role
from huisvanhetkind.referrals.codes import ALPHABET
from huisvanhetkind.referrals.forms import add_months
from huisvanhetkind.referrals.models import Consent, Referral
from tests.conftest import logged_in
from tests.factories import OrganisationFactory, RoleFactory, ServiceFactory

NEW = "/beheer/doorverwijzingen/nieuw/"


def years_ago(years: int) -> date:
    today = timezone.localdate()
    return today.replace(year=today.year - years, day=min(today.day, 28))


def journey(house, organisation, service, **overrides) -> dict:
    """What a referrer fills in on the page, as the browser posts it."""
    data = {
        "on_behalf": f"{house.pk}-{organisation.pk}",
        "recipient": f"dienst-{service.pk}",
        "given_by": "parent",
        "obtained_via": "in_person",
        "purpose": "Kraamzorg aan huis na de geboorte",
        "data_categories": ["contact", "reason"],
        "expires_on": (timezone.localdate() + timedelta(days=90)).isoformat(),
        "family_agreed": "on",
        "name": "Sarah Janssens",
        "email": "sarah.janssens@example.be",
        "phone": "0470 12 34 56",
        "language": "nl",
        "contact_preference": "phone",
        "contact_note": "Liefst na 17 u.",
        "child_first_name": "",
        "child_birth_date": "",
        "child_due_date": "",
        "reason": "Mama voelt zich erg moe na de bevalling en wil hulp thuis.",
        "stap": "controleren",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def hidden_fields(html: str) -> dict:
    """The hidden fields of the check page, as a client posts them again."""
    data = {}
    for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', html):
        if name != "csrfmiddlewaretoken":
            data.setdefault(name, []).append(value.replace("&#x27;", "'").replace("&amp;", "&"))
    return data


def nothing_stored():
    return not Referral.objects.exists() and not Consent.objects.exists()


@pytest.fixture
def setting(house, organisation, worker, receiving_service, receiver):
    return house, organisation, receiving_service


def test_the_page_opens_from_the_service_page_with_its_sections_in_order(
    setting, worker, receiving_service
):
    page = logged_in(worker).get(f"{NEW}?dienst={receiving_service.pk}").content.decode()
    order = [
        "112",
        "1712",
        "Dit formulier is daar niet voor",
        "Naar wie verwijs je door?",
        "Toestemming van het gezin",
        "Wie geeft toestemming?",
        "Welke gegevens mag je delen?",
        "Toestemming geldig tot",
        "gaat akkoord",
        "Hoe bereikt de partner het gezin?",
        "Wanneer is het gezin het best bereikbaar?",
        "Over welk kind gaat het?",
        "Waarom verwijs je door?",
        "Alleen de ontvangende partner leest dit",
    ]
    positions = [page.index(text) for text in order]
    assert positions == sorted(positions)
    assert f'<option value="dienst-{receiving_service.pk}" selected>' in page
    default_end = add_months(timezone.localdate(), 3).isoformat()
    assert f'name="expires_on" value="{default_end}"' in page
    assert "<script" not in page
    assert "Je verwijst door namens Opvoedingspunt Kalmthout" in page


def test_the_page_opens_from_the_workspace_without_a_service(setting, worker, receiving_service):
    page = logged_in(worker).get(NEW).content.decode()
    assert f'<option value="dienst-{receiving_service.pk}">' in page
    assert '<option value="" selected>Kies een partner of aanbod</option>' in page


def test_check_then_send_stores_only_on_send_and_shows_the_code_once(
    setting, worker, mailoutbox, on_commit
):
    house, organisation, service = setting
    client = logged_in(worker)
    check = client.post(NEW, journey(house, organisation, service))
    assert check.status_code == 200
    html = check.content.decode()
    assert "Controleer de doorverwijzing" in html
    assert "Sarah Janssens" in html and "Kraamzorg aan huis" in html
    assert "Verstuur" in html and "Wijzig" in html
    assert nothing_stored() and not Family.objects.exists()

    # "Wijzig" shows the filled-in form again, still without storing anything.
    data = hidden_fields(html)
    change = client.post(NEW, {**data, "stap": "wijzigen"})
    assert change.status_code == 200
    assert 'value="Sarah Janssens"' in change.content.decode()
    assert nothing_stored()

    with on_commit():
        sent = client.post(NEW, {**data, "stap": "versturen"})
    referral = Referral.objects.get()
    assert (
        sent.status_code == 302 and sent["Location"] == f"/beheer/doorverwijzingen/{referral.pk}/"
    )
    assert referral.from_organisation == organisation and referral.service == service
    assert referral.referrer == worker and referral.status == "sent"
    assert referral.reason.startswith("Mama voelt zich")
    assert referral.consent.data_categories == ["contact", "reason"]
    assert referral.family.name == "Sarah Janssens"

    page = client.get(sent["Location"])
    shown = page.content.decode()
    code = re.search(rf"<strong>([{ALPHABET}]{{5}}-[{ALPHABET}]{{5}})</strong>", shown)
    assert code, "the short code is shown"
    link = re.search(r"http://testserver/kalmthout/doorverwijzing/([^/<]+)/", shown)
    assert link and page["Cache-Control"] == "private, no-store"
    assert "sarah.janssens@example.be" in shown  # the link went out by e-mail too
    assert f'action="/beheer/doorverwijzingen/{referral.pk}/briefje.pdf"' in shown
    family_mail = [m for m in mailoutbox if m.to == ["sarah.janssens@example.be"]]
    assert family_mail and link.group(1) in family_mail[0].body
    # Once: the next visit shows neither.
    again = client.get(sent["Location"]).content.decode()
    assert code.group(1) not in again and link.group(1) not in again
    # The referrer's page keeps the reason off ("shown only to the receiving organisation").
    assert "Mama voelt zich" not in again


def test_a_young_person_of_twelve_or_older_consents_for_themselves(setting, worker):
    house, organisation, service = setting
    client = logged_in(worker)
    data = journey(
        house,
        organisation,
        service,
        given_by="young_person",
        obtained_via="young_person",
        data_categories=["contact", "child", "reason"],
        child_first_name="Noor",
        child_birth_date=years_ago(14).isoformat(),
    )
    check = client.post(NEW, data)
    assert check.status_code == 200 and "Controleer de doorverwijzing" in check.content.decode()
    client.post(NEW, {**hidden_fields(check.content.decode()), "stap": "versturen"})
    referral = Referral.objects.get()
    assert referral.consent.given_by == "young_person" and referral.child.first_name == "Noor"


def _other_house_service(other_house):
    elsewhere = OrganisationFactory(name="Kraamzorg Zoersel", houses=[other_house])
    return ServiceFactory(organisation=elsewhere, name="Kraamzorg elders")


BAD_INPUT = {
    "no consent checkbox": (
        {"family_agreed": None},
        "Zonder toestemming van het gezin kan je niet doorverwijzen.",
    ),
    "no data category": ({"data_categories": None}, "Kies welke gegevens het gezin laat delen."),
    "an unknown data category": (
        {"data_categories": ["contact", "bank"]},
        "Kies welke gegevens het gezin laat delen.",
    ),
    "no contact details shared": (
        {"data_categories": ["reason"]},
        "Zonder toestemming om de contactgegevens te delen",
    ),
    "a consent that ended yesterday": (
        {"expires_on": (date.today() - timedelta(days=1)).isoformat()},
        "Een toestemming loopt tot een datum in de toekomst.",
    ),
    "a consent of two years": (
        {"expires_on": (date.today() + timedelta(days=730)).isoformat()},
        "Een toestemming loopt hoogstens een jaar.",
    ),
    "no purpose": ({"purpose": "  "}, "Zeg waarvoor het gezin toestemming geeft."),
    "a tampered service id": (
        {"recipient": "dienst-99999999"},
        "Kies een partner of aanbod uit de lijst.",
    ),
    "a service id that is no number": (
        {"recipient": "dienst-١٢"},
        "Kies een partner of aanbod uit de lijst.",
    ),
    "no recipient": ({"recipient": ""}, "Kies naar welke partner of welk aanbod je doorverwijst."),
    "a 501-character reason": ({"reason": "x" * 501}, "Schrijf de reden in hoogstens 500 tekens."),
    "a reason the family did not agree to share": (
        {"data_categories": ["contact"]},
        "Het gezin gaf geen toestemming om de reden te delen",
    ),
    "a young person under 12 consenting": (
        {
            "given_by": "young_person",
            "data_categories": ["contact", "child", "reason"],
            "child_birth_date": years_ago(9).isoformat(),
        },
        "Alleen een jongere van 12 jaar of ouder geeft zelf toestemming",
    ),
    "a parent consenting for a young person of 14": (
        {"data_categories": ["contact", "child", "reason"], "child_birth_date": years_ago(14)},
        "Een jongere van 12 jaar of ouder geeft zelf toestemming, niet de ouder.",
    ),
    "a birth date in the future": (
        {
            "data_categories": ["contact", "child", "reason"],
            "child_birth_date": (date.today() + timedelta(days=30)).isoformat(),
        },
        "Een geboortedatum ligt niet in de toekomst.",
    ),
    "no e-mail and no phone": ({"email": "", "phone": ""}, "Geef een e-mailadres of een"),
    "a bad e-mail address": ({"email": "sarah@"}, "Vul een geldig e-mailadres in."),
    "no way of contact": (
        {"contact_preference": None},
        "Kies hoe het gezin liefst gecontacteerd wordt.",
    ),
}


@pytest.mark.parametrize("step", ["controleren", "versturen"])
@pytest.mark.parametrize("case", BAD_INPUT, ids=list(BAD_INPUT))
def test_bad_input_gets_a_dutch_message_and_changes_nothing(setting, worker, case, step):
    house, organisation, service = setting
    overrides, message = BAD_INPUT[case]
    client = logged_in(worker)
    response = client.post(NEW, journey(house, organisation, service, stap=step, **overrides))
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'class="error-summary"' in html and "Controleer je invoer" in html
    assert nothing_stored() and not Family.objects.exists()
    # Positive control: the same page without the mistake goes through.
    good = client.post(NEW, journey(house, organisation, service))
    assert good.status_code == 200 and "Controleer de doorverwijzing" in good.content.decode()


def test_the_error_summary_links_to_the_fields(setting, worker):
    house, organisation, service = setting
    html = (
        logged_in(worker)
        .post(NEW, journey(house, organisation, service, family_agreed=None, data_categories=None))
        .content.decode()
    )
    assert 'href="#id_family_agreed"' in html
    assert 'href="#id_data_categories_0"' in html


@pytest.mark.parametrize("step", ["controleren", "versturen"])
def test_a_service_of_another_house_is_refused(setting, worker, other_house, step):
    house, organisation, service = setting
    elsewhere = _other_house_service(other_house)
    client = logged_in(worker)
    response = client.post(
        NEW, journey(house, organisation, service, recipient=f"dienst-{elsewhere.pk}", stap=step)
    )
    assert response.status_code == 400
    assert "tussen partners van hetzelfde Huis van het Kind" in response.content.decode()
    assert nothing_stored()
    # The service page's link to it does not offer it either.
    page = client.get(f"{NEW}?dienst={elsewhere.pk}").content.decode()
    assert "Naar dit aanbod kan je niet doorverwijzen" in page
    # Positive control: the partner of the same house.
    assert client.post(NEW, journey(house, organisation, service)).status_code == 200


@pytest.mark.parametrize("step", ["controleren", "versturen"])
def test_a_service_of_the_users_own_organisation_is_refused(setting, worker, step):
    house, organisation, service = setting
    own = ServiceFactory(organisation=organisation, name="Opvoedingsondersteuning thuis")
    client = logged_in(worker)
    response = client.post(
        NEW, journey(house, organisation, service, recipient=f"dienst-{own.pk}", stap=step)
    )
    assert response.status_code == 400
    assert "Verwijs door naar een andere partner dan je eigen organisatie." in (
        response.content.decode()
    )
    assert nothing_stored()
    page = client.get(f"{NEW}?dienst={own.pk}").content.decode()
    assert "Dit aanbod is van je eigen organisatie" in page
    assert f'value="dienst-{own.pk}"' not in page
    # Positive control: the other partner's service is offered and selected.
    page = client.get(f"{NEW}?dienst={service.pk}").content.decode()
    assert f'<option value="dienst-{service.pk}" selected>' in page


def test_a_referral_on_behalf_of_an_organisation_the_user_does_not_work_for_is_refused(
    setting, worker, third_organisation
):
    house, organisation, service = setting
    client = logged_in(worker)
    response = client.post(
        NEW,
        journey(house, organisation, service, on_behalf=f"{house.pk}-{third_organisation.pk}"),
    )
    assert response.status_code == 400
    assert "Je werkt niet voor de partner die doorverwijst." in response.content.decode()
    assert nothing_stored()
    response = client.post(NEW, journey(house, organisation, service, on_behalf="1-x"))
    assert "Kies namens welke partner je doorverwijst." in response.content.decode()
    assert client.post(NEW, journey(house, organisation, service)).status_code == 200


def test_a_worker_of_two_organisations_picks_on_whose_behalf(
    setting, worker, third_organisation, receiving_service
):
    house, organisation, service = setting
    RoleFactory(user=worker, kind=Role.Kind.ORGANISATION_WORKER, organisation=third_organisation)
    client = logged_in(worker)
    page = client.get(NEW).content.decode()
    assert f'<option value="{house.pk}-{organisation.pk}">' in page
    assert f'<option value="{house.pk}-{third_organisation.pk}">' in page
    # Neither of their own organisations is a recipient.
    assert f'value="partner-{organisation.pk}"' not in page
    assert f'value="partner-{third_organisation.pk}"' not in page
    check = client.post(
        NEW, journey(house, organisation, service, on_behalf=f"{house.pk}-{third_organisation.pk}")
    )
    client.post(NEW, {**hidden_fields(check.content.decode()), "stap": "versturen"})
    assert Referral.objects.get().from_organisation == third_organisation


def test_a_referral_to_an_organisation_without_a_service(setting, worker, receiving_organisation):
    house, organisation, service = setting
    client = logged_in(worker)
    check = client.post(
        NEW, journey(house, organisation, service, recipient=f"partner-{receiving_organisation.pk}")
    )
    assert "geen bepaald aanbod" in check.content.decode()
    client.post(NEW, {**hidden_fields(check.content.decode()), "stap": "versturen"})
    referral = Referral.objects.get()
    assert referral.to_organisation == receiving_organisation and referral.service is None


def test_someone_without_an_active_partner_cannot_refer(setting, coordinator, parent_client):
    page = logged_in(coordinator).get(NEW)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Daarom kan je (nog) niet doorverwijzen" in html and 'name="recipient"' not in html
    assert logged_in(coordinator).post(NEW, {"stap": "versturen"}).status_code == 200
    assert nothing_stored()
    response = parent_client.get(NEW)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
