"""Urgent requests (dringende opvangvragen): the family's form and private page, the
professional's form, the desk's list and answer, the providers' anonymised list and offers, the
figure "answered in time", the to-do list and retention. Bad input changes nothing; outsiders
(anonymous, another house's desk, a partner of another house, a wrong link) see nothing."""

import re
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.childcare import (
    selectors_urgent,
    services_urgent,
    tasks_urgent,
    todo_urgent,
)
from huisvanhetkind.childcare.models import (
    FreePlaces,
    UrgentOffer,
    UrgentRequest,
    UrgentStatus,
)
from huisvanhetkind.childcare.months import add_months, first_of_month
from huisvanhetkind.core.workdays import add_working_days
from huisvanhetkind.families.models import Child, Family
from huisvanhetkind.network.models import Municipality, Role
from tests.childcare.conftest import make_location
from tests.conftest import logged_in, with_second_factor
from tests.factories import (
    DesignationFactory,
    OrganisationFactory,
    RoleFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PARENT = "Sara Peeters"
CHILD = "Lotte"
SITUATION = "Mama begint maandag te werken in de nachtploeg."


def today():
    return timezone.localdate()


def soon():
    return today() + timedelta(days=10)


def form_data(for_house, **changes):
    data = {
        "name": PARENT,
        "email": "sara@example.be",
        "phone": "",
        "language": "nl",
        "municipality": str(Municipality.objects.get(name="Kalmthout").pk),
        "child_first_name": CHILD,
        "child_birth_date": (today() - timedelta(days=400)).isoformat(),
        "child_due_date": "",
        "reason": "work",
        "needed_from": soon().isoformat(),
        "half_days": "6",
        "situation": SITUATION,
        "consent": "on",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def new_url(house):
    return reverse("childcare:urgent_new", kwargs={"house_slug": house.slug})


def desk_url(house):
    return reverse("childcare:urgent_desk", kwargs={"house_slug": house.slug})


def detail_url(urgent):
    return reverse(
        "childcare:urgent_detail", kwargs={"house_slug": urgent.house.slug, "pk": urgent.pk}
    )


def place_url(urgent):
    return reverse(
        "childcare:urgent_place", kwargs={"house_slug": urgent.house.slug, "pk": urgent.pk}
    )


def no_place_url(urgent):
    return reverse(
        "childcare:urgent_no_place", kwargs={"house_slug": urgent.house.slug, "pk": urgent.pk}
    )


def offer_url(urgent, location):
    return reverse("childcare:urgent_offer", kwargs={"pk": urgent.pk, "location_pk": location.pk})


def file_urgent(house, *, language="nl", email="sara@example.be", **changes):
    values = {
        "house": house,
        "family": {"name": PARENT, "email": email, "phone": "03 123 45 67", "language": language},
        "child": {"first_name": CHILD, "birth_date": today() - timedelta(days=400)},
        "municipality": Municipality.objects.get(name="Kalmthout"),
        "reason": "work",
        "needed_from": soon(),
        "half_days": 6,
        "situation": SITUATION,
    }
    values.update(changes)
    return services_urgent.urgent_submit(**values)


@pytest.fixture
def desk(desk_organisation, desk_worker):
    return desk_worker


@pytest.fixture
def other_desk(other_house):
    organisation = OrganisationFactory(name="Loket Regio", houses=[other_house])
    DesignationFactory(house=other_house, organisation=organisation)
    user = with_second_factor(UserFactory(email="loket@regio.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=organisation)
    return user


@pytest.fixture
def other_provider_worker(other_house):
    organisation = OrganisationFactory(name="Opvang De Sterrenpluk", houses=[other_house])
    make_location(
        house=other_house,
        organisation=organisation,
        name="De Sterrenpluk",
        municipality="Zoersel",
        street="Kerkstraat 1",
        postcode="2980",
        dossier_number="900099",
    )
    user = with_second_factor(UserFactory(email="onthaal@sterrenpluk.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=organisation)
    return user


def free_place(location, day=None, places=2):
    return FreePlaces.objects.create(
        location=location, month=first_of_month(day or soon()), places=places
    )


@pytest.fixture
def urgent(house, desk_organisation):
    return file_urgent(house)[0]


# --- The family's form ------------------------------------------------------------------------


def test_a_family_files_an_urgent_request_and_gets_its_private_link(
    house, desk_organisation, parent_client, on_commit
):
    with on_commit():
        response = parent_client.post(new_url(house), form_data(house))
    assert response.status_code == 302
    urgent = UrgentRequest.objects.get()
    assert urgent.status == UrgentStatus.NEW
    assert urgent.answer_due == add_working_days(today(), 5)
    assert urgent.family.name == PARENT and urgent.child.first_name == CHILD
    assert urgent.situation == SITUATION and urgent.filed_by is None
    assert response["Location"].startswith("/kalmthout/kinderopvang/dringend/")
    [message] = mail.outbox
    assert message.to == ["sara@example.be"]
    assert response["Location"].split("?")[0] in message.body
    page = parent_client.get(response["Location"])
    assert page.status_code == 200
    assert "Jouw dringende opvangvraag" in page.text
    assert "no-store" in page["Cache-Control"]
    # Only the digest of the link is searchable.
    token = response["Location"].split("/")[-2]
    assert urgent.token_hash != token and len(urgent.token_hash) == 64


def test_the_form_says_when_it_is_answered_and_where_to_go_in_acute_danger(
    house, desk_organisation, parent_client
):
    page = parent_client.get(new_url(house)).text
    assert "binnen 5 werkdagen" in page
    assert 'href="tel:112"' in page and 'href="tel:1712"' in page


def test_a_house_without_a_desk_has_no_urgent_form(other_house, parent_client):
    assert parent_client.get(new_url(other_house)).status_code == 404


BAD_INPUT = [
    ({"name": ""}, "Vul de naam van de ouder in."),
    ({"email": "", "phone": ""}, "Geef een e-mailadres of een telefoonnummer."),
    ({"email": "geen-adres"}, "Vul een geldig e-mailadres in"),
    ({"phone": "abc"}, "Vul een telefoonnummer in"),
    ({"language": "xx"}, "Kies een taal uit de lijst."),
    ({"municipality": ""}, "Kies de gemeente waar het gezin woont."),
    ({"child_first_name": ""}, "Vul de voornaam van het kind in."),
    ({"child_birth_date": ""}, "Geef de geboortedatum, of voor een kindje op komst"),
    ({"child_due_date": "2026-01-01"}, "Geef de geboortedatum, of voor een kindje op komst"),
    ({"child_birth_date": "gisteren"}, "Vul een datum in"),
    ({"reason": ""}, "Kies waarom de opvang dringend is."),
    ({"reason": "boredom"}, "Kies de reden uit de lijst."),
    ({"needed_from": ""}, "Vul in vanaf wanneer opvang nodig is."),
    ({"half_days": "0"}, "Geef een geheel getal van 1 tot 10."),
    ({"half_days": "11"}, "Geef een geheel getal van 1 tot 10."),
    ({"half_days": "twee"}, "Geef een geheel getal van 1 tot 10."),
    ({"situation": "   "}, "Vertel kort waarom je dringend opvang nodig hebt."),
    ({"situation": "x" * 1001}, "Schrijf hoogstens 1000 tekens."),
    ({"consent": None}, "Zonder je akkoord kunnen we je vraag niet behandelen."),
    ({"website_url": "http://spam.example"}, "Dit formulier kon niet verstuurd worden."),
]


@pytest.mark.parametrize(("changes", "message"), BAD_INPUT)
def test_bad_input_on_the_family_form_is_refused_and_nothing_is_saved(
    house, desk_organisation, parent_client, changes, message, on_commit
):
    with on_commit():
        response = parent_client.post(new_url(house), form_data(house, **changes))
    assert response.status_code == 400
    assert message in response.text
    assert not UrgentRequest.objects.exists()
    assert not Family.objects.exists() and not Child.objects.exists()
    assert not mail.outbox


def test_dates_in_the_past_or_too_far_or_another_houses_municipality_are_refused(
    house, desk_organisation, parent_client
):
    zoersel = str(Municipality.objects.get(name="Zoersel").pk)
    cases = [
        ({"needed_from": (today() - timedelta(days=1)).isoformat()}, "ligt niet voorbij"),
        ({"child_birth_date": (today() + timedelta(days=3)).isoformat()}, "niet in de toekomst"),
        (
            {"child_birth_date": "", "child_due_date": (today() + timedelta(weeks=50)).isoformat()},
            "hoogstens 42 weken",
        ),
        (
            {
                "child_birth_date": "",
                "child_due_date": (today() + timedelta(days=60)).isoformat(),
                "needed_from": (today() + timedelta(days=30)).isoformat(),
            },
            "na de uitgerekende datum",
        ),
        ({"municipality": zoersel}, "Kies een gemeente van dit Huis van het Kind."),
    ]
    for changes, message in cases:
        cache.clear()  # each try as a new visitor: the hourly limit is tested apart
        response = parent_client.post(new_url(house), form_data(house, **changes))
        assert response.status_code == 400, changes
        assert message in response.text, changes
    assert not UrgentRequest.objects.exists() and not Family.objects.exists()
    # Positive control: the same form with good dates is saved.
    cache.clear()
    assert parent_client.post(new_url(house), form_data(house)).status_code == 302


def test_an_expected_child_can_be_filed_with_its_due_date(house, desk_organisation, parent_client):
    due = today() + timedelta(days=20)
    data = form_data(
        house,
        child_birth_date="",
        child_due_date=due.isoformat(),
        needed_from=(due + timedelta(days=90)).isoformat(),
    )
    assert parent_client.post(new_url(house), data).status_code == 302
    assert UrgentRequest.objects.get().child.due_date == due


# --- Working days -----------------------------------------------------------------------------


def test_the_answer_is_due_five_working_days_later_skipping_weekends_and_holidays(
    house, desk_organisation
):
    # Thursday 24 December 2026: Christmas, a weekend and New Year's Day do not count.
    urgent, _token = file_urgent(house, today=date(2026, 12, 24), needed_from=date(2027, 1, 4))
    assert urgent.answer_due == date(2027, 1, 4)
    # A Monday without holidays: the Monday after.
    assert services_urgent.answer_due_for(date(2027, 3, 1)) == date(2027, 3, 8)


# --- The family's private page ----------------------------------------------------------------


def other_desk_house_slug():
    return "zoersel-brecht-zandhoven-wijnegem-schilde"


def private_url(urgent, token):
    return services_urgent.private_url(urgent, token)


def test_the_family_withdraws_its_request(house, desk_organisation, parent_client):
    urgent, token = file_urgent(house)
    url = reverse("childcare:urgent_withdraw", kwargs={"house_slug": house.slug, "token": token})
    refused = parent_client.post(url, {})
    assert refused.status_code == 400
    assert "Vink aan dat je de vraag wil intrekken." in refused.text
    urgent.refresh_from_db()
    assert urgent.status == UrgentStatus.NEW
    response = parent_client.post(url, {"confirm": "on"})
    assert response.status_code == 302
    urgent.refresh_from_db()
    assert urgent.status == UrgentStatus.WITHDRAWN and urgent.ended_at
    page = parent_client.get(private_url(urgent, token))
    assert "Je hebt deze vraag ingetrokken." in page.text
    # Twice: refused with a message, nothing changes.
    again = parent_client.post(url, {"confirm": "on"})
    assert again.status_code == 400 and "al beantwoord of ingetrokken" in again.text


def test_a_wrong_link_or_another_house_shows_nothing(house, other_house, desk_organisation):
    urgent, token = file_urgent(house)
    client = logged_in(UserFactory())
    assert client.get(private_url(urgent, token)).status_code == 200  # positive control
    wrong = private_url(urgent, token[:-2] + "xx")
    assert client.get(wrong).status_code == 404
    elsewhere = reverse(
        "childcare:urgent_private", kwargs={"house_slug": other_house.slug, "token": token}
    )
    assert client.get(elsewhere).status_code == 404
    withdraw = reverse(
        "childcare:urgent_withdraw", kwargs={"house_slug": house.slug, "token": "x" * 43}
    )
    assert client.post(withdraw, {"confirm": "on"}).status_code == 404
    urgent.refresh_from_db()
    assert urgent.status == UrgentStatus.NEW


# --- A professional files for a family --------------------------------------------------------


def pro_data(for_house, **changes):
    data = form_data(for_house, consent=None, family_agreed="on", house=str(for_house.pk))
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_a_partner_professional_files_for_a_family_who_gets_the_link(
    house, desk_organisation, worker, organisation, on_commit
):
    client = logged_in(worker)
    page = client.get(reverse("childcare:urgent_file"))
    assert page.status_code == 200 and house.name in page.text
    with on_commit():
        response = client.post(reverse("childcare:urgent_file"), pro_data(house))
    assert response.status_code == 302
    urgent = UrgentRequest.objects.get()
    assert urgent.filed_by == worker and urgent.filed_by_organisation == organisation
    [message] = mail.outbox
    assert message.to == ["sara@example.be"] and "/kinderopvang/dringend/" in message.body


def test_bad_input_on_the_professional_form_saves_nothing(
    house, other_house, desk_organisation, worker, other_desk
):
    client = logged_in(worker)
    zoersel = str(Municipality.objects.get(name="Zoersel").pk)
    cases = [
        ({"house": str(other_house.pk)}, "Kies een Huis van het Kind uit de lijst."),
        ({"municipality": zoersel}, "Kies een gemeente van het gekozen Huis van het Kind."),
        ({"family_agreed": None}, "Zonder akkoord van het gezin"),
        ({"half_days": "0"}, "Geef een geheel getal van 1 tot 10."),
        ({"email": "", "phone": ""}, "Geef een e-mailadres of een telefoonnummer."),
    ]
    for changes, message in cases:
        response = client.post(reverse("childcare:urgent_file"), pro_data(house, **changes))
        assert response.status_code == 400, changes
        assert message in response.text, changes
    assert not UrgentRequest.objects.exists() and not Family.objects.exists()


def test_only_partners_of_a_house_with_a_desk_may_file(
    client, house, other_house, other_coordinator, desk_organisation, worker
):
    url = reverse("childcare:urgent_file")
    assert client.get(url).status_code == 302  # anonymous: to the log-in
    # The other house has no desk: its coordinator has nowhere to file.
    assert logged_in(other_coordinator).get(url).status_code == 404
    assert logged_in(worker).get(url).status_code == 200  # positive control


# --- The desk ---------------------------------------------------------------------------------


def test_the_desk_lists_open_requests_first_by_deadline_and_marks_the_late_ones(
    house, desk, kabouters
):
    late, _t = file_urgent(house, email="laat@example.be")
    UrgentRequest.objects.filter(pk=late.pk).update(answer_due=today() - timedelta(days=1))
    fresh, _t = file_urgent(house, email="vers@example.be")
    done, _t = file_urgent(house, email="klaar@example.be")
    services_urgent.urgent_no_place(urgent=done, actor=desk, message="Probeer de lijst.")
    UrgentOffer.objects.create(urgent=fresh, location=kabouters)
    page = logged_in(desk).get(desk_url(house))
    assert page.status_code == 200
    text = page.text
    assert text.index(f"Vraag #{late.pk}") < text.index(f"Vraag #{fresh.pk}")
    assert text.index(f"Vraag #{fresh.pk}") < text.index(f"Vraag #{done.pk}")
    assert "te laat!" in text
    assert kabouters.service.name in text
    assert PARENT not in text and SITUATION not in text  # the list names nobody


def test_the_desk_home_counts_the_open_urgent_requests(house, desk, urgent):
    page = logged_in(desk).get(reverse("childcare:desk", kwargs={"house_slug": house.slug}))
    assert page.status_code == 200
    assert "1 dringende vraag wacht op een antwoord" in page.text
    assert desk_url(house) in page.text


def test_the_desk_reads_a_request_and_the_read_is_audited(house, desk, urgent):
    page = logged_in(desk).get(detail_url(urgent))
    assert page.status_code == 200
    assert PARENT in page.text and SITUATION in page.text and CHILD in page.text
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.READ, target_id=str(urgent.pk), actor=desk
    ).exists()


def capture_languages(monkeypatch):
    sent = []
    original = services_urgent.send_templated_mail_on_commit

    def spy(**kwargs):
        sent.append((kwargs["template"], kwargs["language"]))
        return original(**kwargs)

    monkeypatch.setattr(services_urgent, "send_templated_mail_on_commit", spy)
    return sent


def test_the_desk_places_the_child_at_a_location_that_offered_and_tells_the_family(
    house, desk, kabouters, monkeypatch, on_commit
):
    urgent, _token = file_urgent(house, language="fr", email="marie@example.be")
    free_place(kabouters)
    UrgentOffer.objects.create(urgent=urgent, location=kabouters)
    client = logged_in(desk)
    assert "bood een plaats aan" in client.get(detail_url(urgent)).text
    sent = capture_languages(monkeypatch)
    with on_commit():
        response = client.post(
            place_url(urgent), {"location": kabouters.pk, "message": "De opvang belt je."}
        )
    assert response.status_code == 302
    urgent.refresh_from_db()
    assert urgent.status == UrgentStatus.PLACED and urgent.placed_at == kabouters
    assert urgent.answered_by == desk and urgent.answered_at and urgent.ended_at
    assert sent == [("childcare/urgent/email/answered", "fr")]
    [message] = mail.outbox
    assert message.to == ["marie@example.be"]
    assert kabouters.service.name in message.body and "De opvang belt je." in message.body
    # The family's page shows the outcome.
    page = logged_in(UserFactory()).get(services_urgent.private_url(urgent, urgent.token))
    assert kabouters.service.name in page.text and "De opvang belt je." in page.text


def test_the_desk_answers_no_place_with_a_message_in_the_familys_language(
    house, desk, monkeypatch, on_commit
):
    urgent, _token = file_urgent(house, language="en", email="john@example.be")
    client = logged_in(desk)
    refused = client.post(no_place_url(urgent), {"message": "  "})
    assert refused.status_code == 400
    assert "Schrijf het gezin wat het nu kan doen" in refused.text
    urgent.refresh_from_db()
    assert urgent.status == UrgentStatus.NEW
    sent = capture_languages(monkeypatch)
    with on_commit():
        response = client.post(no_place_url(urgent), {"message": "Kijk bij Kind en Gezin."})
    assert response.status_code == 302
    urgent.refresh_from_db()
    assert urgent.status == UrgentStatus.NO_PLACE and urgent.outcome == "Kijk bij Kind en Gezin."
    assert sent == [("childcare/urgent/email/answered", "en")]
    assert "Kijk bij Kind en Gezin." in mail.outbox[0].body


def test_the_desk_cannot_place_at_another_houses_location_or_answer_twice(
    house, other_house, desk, urgent, kabouters, other_provider_worker
):
    client = logged_in(desk)
    elsewhere = other_house.childcare_locations.get()
    response = client.post(place_url(urgent), {"location": elsewhere.pk})
    assert response.status_code == 400 and "Kies een opvanglocatie van dit huis." in response.text
    response = client.post(place_url(urgent), {"location": ""})
    assert response.status_code == 400
    urgent.refresh_from_db()
    assert urgent.status == UrgentStatus.NEW and urgent.placed_at is None
    assert client.post(place_url(urgent), {"location": kabouters.pk}).status_code == 302
    again = client.post(no_place_url(urgent), {"message": "Toch niet."})
    assert again.status_code == 400
    urgent.refresh_from_db()
    assert urgent.status == UrgentStatus.PLACED and urgent.outcome == ""


def test_outsiders_see_none_of_the_desks_pages(
    client, house, desk, urgent, other_desk, outsider, provider_worker, other_provider_worker
):
    pages = [desk_url(house), detail_url(urgent)]
    posts = [
        (place_url(urgent), {"location": ""}),
        (no_place_url(urgent), {"message": "Nee."}),
    ]
    for url in pages:
        assert logged_in(desk).get(url).status_code == 200  # positive control
        assert client.get(url).status_code == 302  # anonymous: to the log-in
        for user in (other_desk, outsider, provider_worker, other_provider_worker):
            assert logged_in(user).get(url).status_code == 404, (url, user)
    for url, data in posts:
        assert client.post(url, data).status_code == 302
        for user in (other_desk, outsider, provider_worker, other_provider_worker):
            assert logged_in(user).post(url, data).status_code == 404
    # Another house's desk on its own house's address sees nothing of this one.
    other_detail = reverse(
        "childcare:urgent_detail", kwargs={"house_slug": other_desk_house_slug(), "pk": urgent.pk}
    )
    assert logged_in(other_desk).get(other_detail).status_code == 404
    urgent.refresh_from_db()
    assert urgent.status == UrgentStatus.NEW
    assert (
        not AuditEvent.objects.filter(action=AuditEvent.Action.READ, target_id=str(urgent.pk))
        .exclude(actor=desk)
        .exists()
    )


# --- The providers ----------------------------------------------------------------------------


def test_a_provider_sees_only_anonymised_requests_that_fit_its_places(
    house, desk_organisation, provider_worker, kabouters
):
    free_place(kabouters)
    fits, _t = file_urgent(house)
    too_old, _t = file_urgent(
        house,
        email="groot@example.be",
        child={"first_name": "Groot", "birth_date": today() - timedelta(days=365 * 5)},
    )
    no_place, _t = file_urgent(
        house, email="later@example.be", needed_from=add_months(first_of_month(soon()), 4)
    )
    page = logged_in(provider_worker).get(reverse("childcare:urgent_provider"))
    assert page.status_code == 200
    text = page.text
    assert f"Dringende vraag #{fits.pk}" in text
    assert f"Dringende vraag #{too_old.pk}" not in text
    assert f"Dringende vraag #{no_place.pk}" not in text
    assert "Ik kan dit kind opvangen" in text
    assert "werk of opleiding gevonden" in text and "Kalmthout" in text
    for secret in (PARENT, CHILD, SITUATION, "sara@example.be", "03 123 45 67"):
        assert secret not in text


def test_the_free_place_of_the_next_month_counts_too(house, desk_organisation, kabouters):
    free_place(kabouters, add_months(first_of_month(soon()), 1))
    urgent, _t = file_urgent(house)
    assert [row.pk for row in selectors_urgent.provider_urgent_list([kabouters])] == [urgent.pk]
    FreePlaces.objects.update(places=0)
    assert selectors_urgent.provider_urgent_list([kabouters]) == []


def test_a_provider_offers_a_place_once(house, desk_organisation, provider_worker, kabouters):
    free_place(kabouters)
    urgent, _t = file_urgent(house)
    client = logged_in(provider_worker)
    response = client.post(offer_url(urgent, kabouters))
    assert response.status_code == 302
    assert UrgentOffer.objects.filter(urgent=urgent, location=kabouters).count() == 1
    again = client.post(offer_url(urgent, kabouters), follow=True)
    assert "Deze opvang bood al een plaats aan voor deze vraag." in again.text
    assert UrgentOffer.objects.count() == 1
    assert "je bood een plaats aan" in client.get(reverse("childcare:urgent_provider")).text


def test_an_offer_for_a_request_no_longer_open_is_refused(house, desk, provider_worker, kabouters):
    free_place(kabouters)
    urgent, _t = file_urgent(house)
    services_urgent.urgent_no_place(urgent=urgent, actor=desk, message="Geen plaats.")
    response = logged_in(provider_worker).post(offer_url(urgent, kabouters), follow=True)
    assert "al beantwoord of ingetrokken" in response.text
    assert not UrgentOffer.objects.exists()


def test_outsiders_cannot_offer_or_see_the_providers_list(
    client,
    house,
    other_house,
    desk,
    provider_worker,
    kabouters,
    outsider,
    other_provider_worker,
    other_desk,
):
    free_place(kabouters)
    urgent, _t = file_urgent(house)
    url = reverse("childcare:urgent_provider")
    assert client.get(url).status_code == 302
    assert client.post(offer_url(urgent, kabouters)).status_code == 302
    for user in (outsider, other_provider_worker, other_desk, desk):
        page = logged_in(user).get(url)
        assert page.status_code == 200 and f"#{urgent.pk}" not in page.text
        assert logged_in(user).post(offer_url(urgent, kabouters)).status_code == 404
    # A provider of another house, with its own location: not this house's request.
    theirs = other_house.childcare_locations.get()
    assert logged_in(other_provider_worker).post(offer_url(urgent, theirs)).status_code == 404
    assert not UrgentOffer.objects.exists()
    assert f"#{urgent.pk}" in logged_in(provider_worker).get(url).text  # positive control


# --- Figures, to-do list, retention -----------------------------------------------------------


def test_answered_in_time_counts_in_time_late_and_overdue(house, desk):
    in_time, _t = file_urgent(house, email="a@example.be")
    late, _t = file_urgent(house, email="b@example.be")
    waiting, _t = file_urgent(house, email="c@example.be")
    withdrawn, _t = file_urgent(house, email="d@example.be")
    services_urgent.urgent_no_place(urgent=in_time, actor=desk, message="Nee.")
    services_urgent.urgent_no_place(urgent=late, actor=desk, message="Nee.")
    services_urgent.urgent_withdraw(urgent=withdrawn)
    yesterday = today() - timedelta(days=1)
    UrgentRequest.objects.filter(pk__in=[late.pk, waiting.pk]).update(
        answer_due=yesterday - timedelta(days=1)
    )
    figure = selectors_urgent.urgent_answered_in_time(
        house, today() - timedelta(days=30), today() + timedelta(days=30)
    )
    assert figure == {"answered_in_time": 1, "answered_late": 1, "open_overdue": 1}
    empty = selectors_urgent.urgent_answered_in_time(
        house, today() + timedelta(days=60), today() + timedelta(days=90)
    )
    assert empty == {"answered_in_time": 0, "answered_late": 0, "open_overdue": 0}


def test_the_desks_to_do_list_has_the_open_requests_late_first(house, desk, outsider):
    fresh, _t = file_urgent(house, email="a@example.be")
    late, _t = file_urgent(house, email="b@example.be")
    UrgentRequest.objects.filter(pk=late.pk).update(answer_due=today() - timedelta(days=2))
    items = todo_urgent.urgent_items(desk)
    assert {item.url for item in items} == {detail_url(fresh), detail_url(late)}
    assert [i.urgent for i in items if i.url == detail_url(late)] == [True]
    assert all(PARENT not in item.title and CHILD not in item.title for item in items)
    assert todo_urgent.urgent_items(outsider) == []


def test_urgent_requests_are_erased_twelve_months_after_they_end(house, desk):
    old, _t = file_urgent(house, email="oud@example.be")
    recent, _t = file_urgent(house, email="recent@example.be")
    services_urgent.urgent_no_place(urgent=old, actor=desk, message="Geen plaats.")
    services_urgent.urgent_no_place(urgent=recent, actor=desk, message="Geen plaats.")
    UrgentRequest.objects.filter(pk=old.pk).update(ended_at=timezone.now() - timedelta(days=366))
    assert list(selectors_urgent.urgent_due(timezone.now())) == [old]
    assert tasks_urgent.erase_ended_urgent_requests.call() == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.erased_at and old.situation == "" and old.outcome == "" and old.token_hash is None
    assert recent.erased_at is None and recent.situation == SITUATION
    assert AuditEvent.objects.filter(action=AuditEvent.Action.ERASE, target_id=str(old.pk)).exists()
    assert tasks_urgent.erase_ended_urgent_requests.call() == 0
    # An erased request is gone for the desk.
    assert logged_in(desk).get(detail_url(old)).status_code == 404


# --- Pages read a fixed number of queries -----------------------------------------------------


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_desks_list_and_the_providers_list_read_a_fixed_number_of_queries(
    house, desk, provider_worker, kabouters
):
    free_place(kabouters)
    desk_client, provider_client = logged_in(desk), logged_in(provider_worker)

    def add(n):
        for i in range(n):
            urgent, _t = file_urgent(
                house, email=f"gezin{UrgentRequest.objects.count()}@example.be"
            )
            UrgentOffer.objects.create(urgent=urgent, location=kabouters)
            if i % 2:
                services_urgent.urgent_no_place(urgent=urgent, actor=desk, message="Nee.")

    add(2)
    few_desk = count_queries(desk_client, desk_url(house))
    few_provider = count_queries(provider_client, reverse("childcare:urgent_provider"))
    add(6)
    assert count_queries(desk_client, desk_url(house)) == few_desk
    assert count_queries(provider_client, reverse("childcare:urgent_provider")) == few_provider
    page = provider_client.get(reverse("childcare:urgent_provider")).text
    assert page.count("je bood een plaats aan") == 4  # positive control: the rows are there


def test_the_detail_page_has_unique_ids_for_its_two_forms(house, desk, urgent):
    page = logged_in(desk).get(detail_url(urgent)).text
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    assert 'for="place_message"' in page and 'for="no_place_message"' in page
