"""The bridge worker's pages: a new family with its consent, the family's page with its help
questions, contacts and referrals, ending and withdrawing; signals to policy. Bad input answers
with a Dutch message linked to its field and changes nothing."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from huisvanhetkind.families.models import Family
from huisvanhetkind.guidance import services
from huisvanhetkind.guidance.models import CaseloadEntry, Contact, HelpQuestion, PolicySignal
from huisvanhetkind.guidance.selectors import policy_signals
from huisvanhetkind.network.models import AgeGroup, Domain, Municipality
from huisvanhetkind.referrals import services as referral_services
from huisvanhetkind.referrals.models import Consent, Referral
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def new_family_post(**overrides):
    data = {
        "name": "Familie Vermeulen",
        "email": "vermeulen@example.be",
        "phone": "",
        "address": "",
        "language": "nl",
        "given_by": "parent",
        "obtained_via": "in_person",
        "data_categories": ["contact", "situation"],
        "expires_on": str(TODAY() + timedelta(days=200)),
        "agreed": "on",
        "next_contact_on": str(TODAY() + timedelta(days=5)),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def new_url(house):
    return reverse("guidance:new", kwargs={"house_slug": house.slug})


def action(entry, name):
    return reverse("guidance:action", kwargs={"pk": entry.pk, "action": name})


def detail(entry):
    return reverse("guidance:detail", kwargs={"pk": entry.pk})


def test_the_new_family_page_has_a_consent_fieldset(house, bridge_worker):
    page = logged_in(bridge_worker).get(new_url(house)).content.decode()
    assert "<legend>Toestemming van het gezin</legend>" in page
    assert "<legend>Het gezin</legend>" in page
    for label in ("Wie geeft toestemming?", "Hoe kreeg je de toestemming?", "Geldig tot"):
        assert label in page or label.lower() in page.lower()
    assert 'name="agreed"' in page and 'type="date"' in page


def test_a_bridge_worker_adds_a_family_with_its_consent(house, organisation, bridge_worker):
    response = logged_in(bridge_worker).post(new_url(house), new_family_post())
    entry = CaseloadEntry.objects.get()
    assert response.status_code == 302 and response["Location"] == detail(entry)
    assert entry.family.name == "Familie Vermeulen" and entry.organisation == organisation
    assert entry.next_contact_on == TODAY() + timedelta(days=5)
    assert entry.consent.purpose == "begeleiding door een brugfiguur"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"agreed": None}, "Zonder toestemming van het gezin"),
        ({"data_categories": None}, "Kies welke gegevens"),
        ({"obtained_via": None}, "Kies hoe de toestemming"),
        ({"expires_on": ""}, "Geef de datum tot wanneer"),
        ({"expires_on": "31-02-2025"}, "Vul een geldige datum in"),
        ({"expires_on": str(timezone.localdate() + timedelta(days=500))}, "hoogstens een jaar"),
        ({"email": "", "phone": ""}, "Geef een e-mailadres of een telefoonnummer"),
        ({"email": "geen-adres"}, "Vul een geldig e-mailadres in"),
        ({"phone": "bel me"}, "Vul een telefoonnummer in"),
        ({"name": ""}, "Vul de naam van het gezin in"),
        ({"given_by": "young_person"}, "Alleen een jongere van 12 jaar"),
        ({"next_contact_on": str(timezone.localdate() - timedelta(days=3))}, "vandaag of later"),
    ],
)
def test_a_new_family_with_bad_input_is_refused_and_nothing_is_stored(
    house, bridge_worker, overrides, message
):
    client = logged_in(bridge_worker)
    response = client.post(new_url(house), new_family_post(**overrides))
    page = response.content.decode()
    assert response.status_code == 400
    assert 'class="error-summary"' in page and message in page
    assert not CaseloadEntry.objects.exists() and not Consent.objects.exists()
    assert not Family.objects.exists()
    # The control: the same form filled in well is accepted.
    assert client.post(new_url(house), new_family_post()).status_code == 302


@pytest.fixture
def referral(house, entry, bridge_worker, organisation, other_organisation):
    """A referral the bridge worker's organisation made for the guided family."""
    referral, _token, _code = referral_services.referral_send(
        actor=bridge_worker,
        house=house,
        from_organisation=organisation,
        to_organisation=other_organisation,
        family={"email": entry.family.email, "name": entry.family.name},
        consent={
            "given_by": "parent",
            "obtained_via": "in_person",
            "purpose": "Kraamzorg",
            "data_categories": ["contact"],
            "expires_on": TODAY() + timedelta(days=30),
        },
        contact_preference=Referral.ContactPreference.PHONE,
        reason="Hulp thuis",
    )
    return referral


def test_the_family_page_shows_help_questions_contacts_and_referrals(
    entry, bridge_worker, referral, other_organisation
):
    services.help_question_add(
        entry=entry, actor=bridge_worker, domain="paperwork", text="Hulp bij de belastingbrief"
    )
    services.contact_add(
        entry=entry, actor=bridge_worker, happened_on=TODAY(), kind="visit", note="Koffie gedronken"
    )
    page = logged_in(bridge_worker).get(detail(entry)).content.decode()
    assert "Hulp bij de belastingbrief" in page and "Papieren en administratie" in page
    assert "Koffie gedronken" in page and "huisbezoek" in page
    assert other_organisation.name in page and referral.get_status_display() in page
    assert reverse("guidance:refer", kwargs={"pk": entry.pk}) in page and "Doorverwijzen" in page
    # Only the referrals of the bridge worker's organisation for this family: not what was shared.
    assert "Hulp thuis" not in page


def test_help_questions_are_added_and_answered_from_the_page(entry, bridge_worker):
    client = logged_in(bridge_worker)
    response = client.post(
        action(entry, "hulpvraag"),
        {"hulpvraag-domain": "leisure", "hulpvraag-text": "Zwemles voor de oudste"},
    )
    assert response.status_code == 302
    question = HelpQuestion.objects.get()
    response = client.post(action(entry, "hulpvraag-beantwoord"), {"vraag": question.pk})
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == "answered"
    client.post(action(entry, "hulpvraag-heropenen"), {"vraag": question.pk})
    question.refresh_from_db()
    assert question.status == "open"
    # Another entry's question by this entry's address: not found.
    assert client.post(action(entry, "hulpvraag-beantwoord"), {"vraag": "x"}).status_code == 404


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("hulpvraag", {"hulpvraag-domain": "", "hulpvraag-text": "Iets"}, "Kies een levensdomein"),
        ("hulpvraag", {"hulpvraag-domain": "school", "hulpvraag-text": "x" * 301}, "hoogstens 300"),
        (
            "contact",
            {
                "contact-happened_on": str(timezone.localdate() + timedelta(days=1)),
                "contact-kind": "phone",
            },
            "vandaag of vroeger",
        ),
        ("contact", {"contact-happened_on": str(timezone.localdate())}, "Kies het soort contact"),
        (
            "contact",
            {
                "contact-happened_on": str(timezone.localdate()),
                "contact-kind": "phone",
                "contact-note": "x" * 501,
            },
            "hoogstens 500",
        ),
        (
            "volgend-contact",
            {"volgend-next_contact_on": str(timezone.localdate() - timedelta(days=1))},
            "vandaag of later",
        ),
        ("afsluiten", {"einde-reason": ""}, "Kies waarom de begeleiding stopt"),
        ("afsluiten", {"einde-reason": "consent_expired"}, "Kies een reden uit de lijst"),
        ("toestemming-intrekken", {}, "Bevestig dat het gezin"),
        ("toestemming-verlengen", {"verlengen-given_by": "parent"}, "Kies hoe de toestemming"),
    ],
)
def test_the_family_page_refuses_bad_input_and_changes_nothing(
    entry, bridge_worker, name, data, message
):
    before = (entry.next_contact_on, entry.consent_id, entry.status)
    response = logged_in(bridge_worker).post(action(entry, name), data)
    page = response.content.decode()
    assert response.status_code == 400, page[:200]
    assert message in page and 'class="error-summary"' in page
    entry.refresh_from_db()
    assert (entry.next_contact_on, entry.consent_id, entry.status) == before
    assert not HelpQuestion.objects.exists() and not Contact.objects.exists()
    assert entry.consent.withdrawn_at is None and entry.family_id


def test_contacts_and_the_next_contact_from_the_page(entry, bridge_worker):
    client = logged_in(bridge_worker)
    later = TODAY() + timedelta(days=10)
    response = client.post(
        action(entry, "contact"),
        {
            "contact-happened_on": str(TODAY()),
            "contact-kind": "meeting",
            "contact-note": "Gesprek op school",
            "contact-next_contact_on": str(later),
        },
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.contacts.get().note == "Gesprek op school" and entry.next_contact_on == later
    client.post(action(entry, "volgend-contact"), {"volgend-next_contact_on": ""})
    entry.refresh_from_db()
    assert entry.next_contact_on is None


def test_ending_the_guidance_from_the_page(entry, bridge_worker):
    client = logged_in(bridge_worker)
    assert client.post(action(entry, "afsluiten"), {"einde-reason": "done"}).status_code == 302
    entry.refresh_from_db()
    assert entry.status == "ended"
    page = client.get(detail(entry)).content.decode()
    assert "Hulpvraag bewaren" not in page  # no more changes
    assert "Toestemming intrekken en gegevens wissen" in page  # but the family can still withdraw
    response = client.post(
        action(entry, "hulpvraag"), {"hulpvraag-domain": "school", "hulpvraag-text": "x"}
    )
    assert response.status_code == 302  # refused with a message, nothing saved
    assert not HelpQuestion.objects.exists()
    assert "beëindigd" in client.get(detail(entry)).content.decode()


def test_withdrawing_the_consent_from_the_page_erases_the_family(entry, bridge_worker):
    client = logged_in(bridge_worker)
    response = client.post(action(entry, "toestemming-intrekken"), {"intrekken-confirm": "on"})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.erased_at and entry.family is None and entry.consent.withdrawn_at


def test_renewing_the_consent_from_the_page(entry, bridge_worker):
    old = entry.consent_id
    response = logged_in(bridge_worker).post(
        action(entry, "toestemming-verlengen"),
        {
            "verlengen-given_by": "parent",
            "verlengen-obtained_via": "phone",
            "verlengen-data_categories": ["contact"],
            "verlengen-expires_on": str(TODAY() + timedelta(days=300)),
            "verlengen-agreed": "on",
        },
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.consent_id != old and entry.consent.obtained_via == "phone"


def test_an_unknown_action_is_not_found(entry, bridge_worker):
    assert logged_in(bridge_worker).post(action(entry, "wissen"), {}).status_code == 404


# --- Signals to policy ---------------------------------------------------------------------------


def signal_post(**overrides):
    data = {
        "domain": Domain.objects.get(slug="vrije-tijd-ontmoeting").pk,
        "age_group": AgeGroup.objects.get(slug="6-12").pk,
        "municipality": Municipality.objects.get(name="Kalmthout").pk,
        "text": "Geen betaalbare zwemlessen voor 6-12 in Kalmthout",
        "observed_on": str(TODAY()),
    }
    data.update(overrides)
    return data


def test_a_bridge_worker_records_a_signal_from_the_page(house, bridge_worker):
    url = reverse("guidance:signal_new", kwargs={"house_slug": house.slug})
    response = logged_in(bridge_worker).post(url, signal_post())
    assert response.status_code == 302
    assert PolicySignal.objects.get().text.startswith("Geen betaalbare zwemlessen")


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"text": ""}, "Beschrijf kort wat ontbreekt"),
        ({"text": "x" * 301}, "hoogstens 300 tekens"),
        ({"domain": ""}, "Kies een beleidsdomein"),
        ({"age_group": "999999"}, "Kies een leeftijdsgroep uit de lijst"),
        ({"municipality": "", "observed_on": ""}, "Kies een gemeente"),
        ({"observed_on": str(timezone.localdate() + timedelta(days=2))}, "vandaag of vroeger"),
    ],
)
def test_a_bad_signal_is_refused_on_the_page(house, bridge_worker, overrides, message):
    url = reverse("guidance:signal_new", kwargs={"house_slug": house.slug})
    response = logged_in(bridge_worker).post(url, signal_post(**overrides))
    assert response.status_code == 400 and message in response.content.decode()
    assert not PolicySignal.objects.exists()


def test_a_municipality_of_another_house_is_refused(house, bridge_worker):
    url = reverse("guidance:signal_new", kwargs={"house_slug": house.slug})
    brecht = Municipality.objects.get(name="Brecht").pk
    response = logged_in(bridge_worker).post(url, signal_post(municipality=brecht))
    assert (
        response.status_code == 400
        and "Kies een gemeente van dit Huis" in response.content.decode()
    )
    assert not PolicySignal.objects.exists()


def test_the_selector_for_the_participation_figures(house, other_house, bridge_worker):
    url = reverse("guidance:signal_new", kwargs={"house_slug": house.slug})
    logged_in(bridge_worker).post(url, signal_post(observed_on=str(TODAY() - timedelta(days=40))))
    logged_in(bridge_worker).post(url, signal_post(text="Te weinig opvang op woensdag"))
    assert policy_signals(house).count() == 2
    assert [s.text for s in policy_signals(house, since=TODAY() - timedelta(days=7))] == [
        "Te weinig opvang op woensdag"
    ]
    assert not policy_signals(other_house).exists()


def test_the_workspace_links_to_the_caseload_signals_and_counts(
    house, bridge_worker, coordinator, worker
):
    page = logged_in(bridge_worker).get(reverse("network:dashboard")).content.decode()
    assert reverse("guidance:caseload") in page
    assert reverse("guidance:signals", kwargs={"house_slug": house.slug}) in page
    page = logged_in(coordinator).get(reverse("network:dashboard")).content.decode()
    assert reverse("guidance:figures", kwargs={"house_slug": house.slug}) in page
    assert reverse("guidance:caseload") not in page
    # A worker who is no bridge worker gets no link to a caseload.
    page = logged_in(worker).get(reverse("network:dashboard")).content.decode()
    assert reverse("guidance:caseload") not in page
