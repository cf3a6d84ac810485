"""A family files one childcare request for the whole house without an account, follows it,
changes it, confirms it and withdraws it through its private link; bad input is refused in Dutch
and saves nothing; the desk and the wished providers see it, nobody else does."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.childcare import selectors_requests, services_requests
from huisvanhetkind.childcare.models import ChildcareRequest, RequestStatus, RequestWish
from huisvanhetkind.childcare.months import add_months, first_of_month
from huisvanhetkind.childcare.services_requests import Wish
from huisvanhetkind.families.models import Child, Family
from huisvanhetkind.network.models import Municipality
from tests.childcare.request_fixtures import (  # noqa: F401 (fixtures)
    baby_birth_date,
    far_away,
    file_request,
    filed,
    next_month,
    other_desk_worker,
    school_care,
    speelvogel,
    speelvogel_organisation,
    speelvogel_worker,
)
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db

NEW = "/kalmthout/kinderopvang/aanvraag/"


def step_one(**changes) -> dict:
    data = {
        "stap": "1",
        "municipality": "11022",
        "child_first_name": "Lotte",
        "birth_date": baby_birth_date().isoformat(),
        "due_date": "",
        "wished_start": f"{next_month():%Y-%m}",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def step_two(kabouters, speelvogel, **changes) -> dict:  # noqa: F811
    data = {
        **step_one(),
        "stap": "2",
        f"rank_{kabouters.pk}": "2",
        f"sibling_{kabouters.pk}": "on",
        f"rank_{speelvogel.pk}": "5",
        "half_days": "6",
        "days_note": "maandag tot woensdag",
        "working": "on",
        "sworn": "on",
        "social_tariff": "on",
        "care_needs": "",
        "note": "",
        "name": "Sara Peeters",
        "email": "sara@example.be",
        "phone": "03 123 45 67",
        "language": "fr",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def private_url(house, token) -> str:
    return f"/{house.slug}/kinderopvang/aanvraag/{token}/"


# --- Neighbours -------------------------------------------------------------------------------


def test_the_neighbours_of_kalmthout_are_read_from_the_data_file_both_ways():
    assert {"11016", "11053", "11009", "11023", "11044"} <= selectors_requests.neighbour_codes(
        "11022"
    )
    assert "11022" in selectors_requests.neighbour_codes("11016")  # Essen borders Kalmthout
    assert "11055" not in selectors_requests.neighbour_codes("11022")  # Zoersel does not
    assert selectors_requests.neighbour_codes("99999") == frozenset()


def test_every_code_in_the_neighbours_file_is_a_known_municipality():
    codes = set(selectors_requests._borders())
    assert codes <= set(Municipality.objects.values_list("nis_code", flat=True))


# --- The journey ----------------------------------------------------------------------------


def test_a_family_files_a_request_in_two_steps_and_gets_its_link_by_e_mail(
    client,
    house,
    kabouters,
    speelvogel,  # noqa: F811
    far_away,  # noqa: F811
    school_care,  # noqa: F811
    on_commit,
):
    assert client.get(NEW).status_code == 200
    second = client.post(NEW, step_one())
    assert second.status_code == 200
    # The locations near enough and for the child's age, not the far one or the school care.
    assert "De Kabouters" in second.text and "De Speelvogel" in second.text
    assert "Verweg" not in second.text and "De Krekel" not in second.text
    assert "op eer" in second.text
    # Step 1 travels along in hidden fields (twice: with step 2 and with "Stap 1 wijzigen").
    assert second.text.count('type="hidden" name="municipality" value="11022"') == 2
    assert "nooit mee" in second.text  # the social tariff box never ranks
    with on_commit():
        response = client.post(NEW, step_two(kabouters, speelvogel))
    assert response.status_code == 302
    childcare_request = ChildcareRequest.objects.get()
    assert response["Location"].startswith("/kalmthout/kinderopvang/aanvraag/")
    assert childcare_request.status == RequestStatus.OPEN
    assert childcare_request.wished_start == next_month()
    assert childcare_request.half_days == 6 and childcare_request.working
    assert childcare_request.sworn and childcare_request.social_tariff
    assert childcare_request.language == "fr"
    # Ranks 2 and 5 become 1 and 2, in the same order.
    assert list(
        RequestWish.objects.values_list("location_id", "rank", "sibling").order_by("rank")
    ) == [(kabouters.pk, 1, True), (speelvogel.pk, 2, False)]
    assert childcare_request.family.email == "sara@example.be"
    assert childcare_request.child.first_name == "Lotte"
    event = AuditEvent.objects.get(target_type="childcare.childcarerequest", action="create")
    assert event.changes["status"] == [None, "open"]
    assert "sara" not in str(event.changes)
    # The e-mail carries the private link (in the family's language).
    assert len(mail.outbox) == 1
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert page["Cache-Control"] == "private, no-store"
    link = response["Location"].split("?")[0]
    assert link in mail.outbox[0].body
    assert "Kinderdagverblijf De Kabouters" in page.text


def test_an_expected_child_can_be_filed_with_its_due_date(
    client,
    house,
    kabouters,
    speelvogel,  # noqa: F811
):
    due = timezone.localdate() + timezone.timedelta(days=20)
    start = add_months(first_of_month(due), 3)
    data = step_two(
        kabouters,
        speelvogel,
        birth_date="",
        due_date=due.isoformat(),
        wished_start=f"{start:%Y-%m}",
    )
    response = client.post(NEW, data)
    assert response.status_code == 302
    child = Child.objects.get()
    assert child.due_date == due and child.birth_date is None


def test_back_to_step_one_keeps_what_was_filled_in(client, house, kabouters, speelvogel):  # noqa: F811
    response = client.post(NEW, {**step_two(kabouters, speelvogel), "terug": "1"})
    assert response.status_code == 200
    assert "Stap 1 van 2" in response.text
    assert 'value="Lotte"' in response.text
    assert not ChildcareRequest.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"municipality": ""}, "Kies de gemeente waar je gezin woont."),
        ({"municipality": "12345"}, "Kies een gemeente uit de lijst."),
        ({"birth_date": ""}, "Vul de geboortedatum in, of voor een kindje op komst"),
        ({"due_date": "2030-01-01"}, "niet allebei"),
        ({"birth_date": "2099-01-01"}, "Een geboortedatum ligt niet in de toekomst."),
        ({"birth_date": "gisteren"}, "Vul een datum in"),
        ({"wished_start": "2001-01"}, "Kies een startmaand uit de lijst"),
        ({"wished_start": ""}, "Kies de maand waarin de opvang moet beginnen."),
    ],
)
def test_bad_input_in_step_one_is_refused_in_dutch(client, house, kabouters, changes, message):
    response = client.post(NEW, step_one(**changes))
    assert response.status_code == 400
    assert message in response.text
    assert "Controleer je invoer" in response.text
    assert not ChildcareRequest.objects.exists()


def test_a_start_before_the_due_date_is_refused(client, house, kabouters):
    due = add_months(first_of_month(timezone.localdate()), 3).replace(day=15)
    response = client.post(
        NEW, step_one(birth_date="", due_date=due.isoformat(), wished_start=f"{next_month():%Y-%m}")
    )
    assert response.status_code == 400
    assert "De startmaand ligt voor de geboorte van je kind" in response.text


def test_bad_input_in_step_one_sent_with_step_two_goes_back_to_step_one(
    client,
    house,
    kabouters,
    speelvogel,  # noqa: F811
):
    response = client.post(NEW, step_two(kabouters, speelvogel, municipality="nee"))
    assert response.status_code == 400
    assert "Stap 1 van 2" in response.text
    assert not ChildcareRequest.objects.exists()


def _bad_step_two_cases(kabouters, speelvogel):  # noqa: F811
    k, s = kabouters.pk, speelvogel.pk
    return [
        ({f"rank_{k}": "", f"rank_{s}": "", f"sibling_{k}": None}, "Kies minstens één opvang"),
        ({f"rank_{s}": "2"}, "Geef elke opvang een ander nummer"),
        ({f"rank_{k}": "13"}, "Kies een nummer van 1 tot 12."),
        ({f"rank_{s}": "", f"sibling_{s}": "on"}, "geef deze opvang ook een nummer"),
        ({"sworn": None}, "Vink aan dat je dit op eer verklaart"),
        ({"email": ""}, "Vul je e-mailadres in"),
        ({"email": "sara@"}, "Vul een geldig e-mailadres in"),
        ({"name": "<b></b>"}, "Vul je naam in."),
        ({"phone": "bel me"}, "Vul een telefoonnummer in"),
        ({"half_days": "11"}, "Kies 1 tot 10 halve dagen per week."),
        ({"half_days": ""}, "Kies hoeveel halve dagen per week"),
        ({"language": "xx"}, "Kies een taal uit de lijst."),
    ]


@pytest.mark.parametrize("case", range(12))
def test_bad_input_in_step_two_is_refused_in_dutch_and_saves_nothing(
    client,
    house,
    kabouters,
    speelvogel,  # noqa: F811
    case,
):
    changes, message = _bad_step_two_cases(kabouters, speelvogel)[case]
    response = client.post(NEW, step_two(kabouters, speelvogel, **changes))
    assert response.status_code == 400, message
    assert message in response.text
    assert "Controleer je invoer" in response.text
    assert not ChildcareRequest.objects.exists()
    assert not Family.objects.exists()


def test_a_location_that_is_not_offered_cannot_be_wished(
    client,
    house,
    kabouters,
    speelvogel,  # noqa: F811
    far_away,  # noqa: F811
):
    # A rank for a location outside the list is no field of the form: the wish is not made.
    data = step_two(
        kabouters,
        speelvogel,
        **{
            f"rank_{kabouters.pk}": "",
            f"sibling_{kabouters.pk}": None,
            f"rank_{speelvogel.pk}": "",
        },
    )
    data[f"rank_{far_away.pk}"] = "1"
    response = client.post(NEW, data)
    assert response.status_code == 400
    assert not ChildcareRequest.objects.exists()
    # The service refuses it too.
    with pytest.raises(Exception, match="kan je niet kiezen"):
        file_request(house, [Wish(location=far_away, rank=1)], working=False, sworn=False)
    assert not ChildcareRequest.objects.exists()


def test_the_honeypot_saves_nothing(client, house, kabouters, speelvogel):  # noqa: F811
    response = client.post(NEW, step_two(kabouters, speelvogel, website_url="http://spam"))
    assert response.status_code == 400
    assert not ChildcareRequest.objects.exists()


# --- The private link ----------------------------------------------------------------------


def test_the_link_shows_the_status_and_the_wishes(client, house, filed):  # noqa: F811
    childcare_request, token = filed
    page = client.get(private_url(house, token))
    assert page.status_code == 200
    assert "wacht op een plaats" in page.text
    assert "Kinderdagverblijf De Kabouters" in page.text
    assert "broer of zus gaat hier al" in page.text
    assert page["X-Robots-Tag"] == "noindex, nofollow"


def test_a_wrong_token_or_another_house_shows_nothing(client, house, other_house, filed):  # noqa: F811
    _childcare_request, token = filed
    assert client.get(private_url(house, "x" * 43)).status_code == 404
    assert client.get(private_url(other_house, token)).status_code == 404
    for action in ("wijzigen/", "intrekken/"):
        assert client.get(private_url(house, "x" * 43) + action).status_code == 404
    assert client.post(private_url(house, "x" * 43) + "bevestigen/").status_code == 404


def change_data(childcare_request, kabouters, speelvogel, **changes):  # noqa: F811
    data = {
        "wished_start": f"{childcare_request.wished_start:%Y-%m}",
        "half_days": "4",
        "days_note": "maandag en dinsdag",
        f"rank_{speelvogel.pk}": "1",
        f"rank_{kabouters.pk}": "2",
        f"sibling_{kabouters.pk}": "on",
        "working": "on",
        "sworn": "on",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_the_family_changes_its_wishes_and_days_and_keeps_its_place(
    client,
    house,
    kabouters,
    speelvogel,  # noqa: F811
    filed,  # noqa: F811
):
    childcare_request, token = filed
    requested_at = childcare_request.requested_at
    url = private_url(house, token) + "wijzigen/"
    assert client.get(url).status_code == 200
    response = client.post(url, change_data(childcare_request, kabouters, speelvogel))
    assert response.status_code == 302
    childcare_request.refresh_from_db()
    assert childcare_request.half_days == 4
    assert childcare_request.requested_at == requested_at
    assert list(
        childcare_request.wishes.order_by("rank").values_list("location_id", flat=True)
    ) == [speelvogel.pk, kabouters.pk]
    event = AuditEvent.objects.filter(
        target_type="childcare.childcarerequest", action="update"
    ).latest("id")
    assert event.changes["half_days"] == [6, 4]
    assert event.changes["days_note"] == ["<present>", "<present>"]
    assert "wishes" in event.changes


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"sworn": None}, "op eer verklaart"),
        ({"half_days": "0"}, "Kies 1 tot 10 halve dagen per week."),
        ({"wished_start": "1999-01"}, "Kies een startmaand uit de lijst"),
        ({"rank_SP": "2"}, "Geef elke opvang een ander nummer"),
    ],
)
def test_a_bad_change_is_refused_and_changes_nothing(
    client,
    house,
    kabouters,
    speelvogel,  # noqa: F811
    filed,  # noqa: F811
    changes,
    message,
):
    childcare_request, token = filed
    if "rank_SP" in changes:
        changes = {f"rank_{speelvogel.pk}": changes.pop("rank_SP")}
    response = client.post(
        private_url(house, token) + "wijzigen/",
        change_data(childcare_request, kabouters, speelvogel, **changes),
    )
    assert response.status_code == 400
    assert message in response.text
    childcare_request.refresh_from_db()
    assert childcare_request.half_days == 6
    assert not AuditEvent.objects.filter(
        target_type="childcare.childcarerequest", action="update"
    ).exists()


def test_withdrawing_asks_for_confirmation_then_ends_the_request(
    client,
    house,
    filed,  # noqa: F811
    on_commit,
):
    childcare_request, token = filed
    url = private_url(house, token) + "intrekken/"
    page = client.get(url)
    assert page.status_code == 200 and "Vraag intrekken" in page.text
    refused = client.post(url, {})
    assert refused.status_code == 400
    assert "Vink aan dat je je vraag wil intrekken." in refused.text
    childcare_request.refresh_from_db()
    assert childcare_request.status == RequestStatus.OPEN
    mail.outbox.clear()
    with on_commit():
        response = client.post(url, {"confirm": "on"})
    assert response.status_code == 302
    childcare_request.refresh_from_db()
    assert childcare_request.status == RequestStatus.WITHDRAWN
    assert childcare_request.ended_at is not None
    assert len(mail.outbox) == 1
    # A withdrawn request no longer changes.
    assert client.get(private_url(house, token) + "wijzigen/").status_code == 302
    assert client.post(url, {"confirm": "on"}).status_code == 302
    confirm = client.post(private_url(house, token) + "bevestigen/", follow=True)
    assert "afgesloten" in confirm.text


def test_still_needed_answers_the_reminders(client, house, filed):  # noqa: F811
    childcare_request, token = filed
    before = timezone.now() - timezone.timedelta(days=100)
    ChildcareRequest.objects.filter(pk=childcare_request.pk).update(
        confirmed_at=before, confirm_reminders_sent=1
    )
    assert client.get(private_url(house, token) + "bevestigen/").status_code == 405
    response = client.post(private_url(house, token) + "bevestigen/")
    assert response.status_code == 302
    childcare_request.refresh_from_db()
    assert childcare_request.confirm_reminders_sent == 0
    assert childcare_request.confirmed_at > before


# --- The desk ------------------------------------------------------------------------------


def desk_url(house) -> str:
    return f"/beheer/huis/{house.slug}/kinderopvang/aanvragen/"


def test_the_desk_lists_the_requests_with_filters(desk_worker, house, filed):  # noqa: F811
    childcare_request, _token = filed
    client = logged_in(desk_worker)
    page = client.get(desk_url(house))
    assert page.status_code == 200
    assert f"#{childcare_request.pk}" in page.text
    assert "Kinderdagverblijf De Kabouters" in page.text  # the first wish
    assert "broer/zus" in page.text and "werk" in page.text
    assert "Lotte" not in page.text  # no names in the list
    assert f"#{childcare_request.pk}" not in client.get(desk_url(house) + "?status=withdrawn").text
    assert f"#{childcare_request.pk}" in client.get(desk_url(house) + "?status=alle").text
    assert f"#{childcare_request.pk}" not in client.get(desk_url(house) + "?gemeente=11016").text
    other_month = add_months(next_month(), 1)
    assert (
        f"#{childcare_request.pk}"
        not in client.get(desk_url(house) + f"?start={other_month:%Y-%m}").text
    )
    bad = client.get(desk_url(house) + "?status=kapot&start=morgen")
    assert bad.status_code == 200
    assert "Die status kennen we niet" in bad.text and "JJJJ-MM" in bad.text


def test_the_desk_list_takes_the_same_queries_for_more_requests(
    desk_worker,
    house,
    kabouters,
    speelvogel,  # noqa: F811
):
    client = logged_in(desk_worker)
    file_request(house, [Wish(location=kabouters, rank=1)], email="een@example.be")
    client.get(desk_url(house))
    with CaptureQueriesContext(connection) as few:
        client.get(desk_url(house))
    for n in range(5):
        file_request(
            house,
            [Wish(location=speelvogel, rank=1), Wish(location=kabouters, rank=2)],
            email=f"ouder{n}@example.be",
        )
    with CaptureQueriesContext(connection) as many:
        client.get(desk_url(house))
    assert len(many) == len(few)


def test_the_desk_reads_a_request_and_the_read_is_audited(desk_worker, house, filed):  # noqa: F811
    childcare_request, _token = filed
    client = logged_in(desk_worker)
    page = client.get(desk_url(house) + f"{childcare_request.pk}/")
    assert page.status_code == 200
    assert "sara@example.be" in page.text and "allergie voor noten" in page.text
    event = AuditEvent.objects.get(target_type="childcare.childcarerequest", action="read")
    assert event.actor == desk_worker
    assert event.organisation.name == "Lokaal Loket Kinderopvang Kalmthout"


def test_the_coordinator_may_use_the_desk_pages(coordinator, house, filed):  # noqa: F811
    childcare_request, _token = filed
    client = logged_in(coordinator)
    assert client.get(desk_url(house)).status_code == 200
    assert client.get(desk_url(house) + f"{childcare_request.pk}/").status_code == 200


def test_outsiders_do_not_see_the_desk_pages(
    client,
    house,
    other_house,
    filed,  # noqa: F811
    other_desk_worker,  # noqa: F811
    provider_worker,
    worker,
):
    childcare_request, _token = filed
    detail = desk_url(house) + f"{childcare_request.pk}/"
    # Anonymous: to the log-in page.
    assert client.get(desk_url(house)).status_code == 302
    assert client.get(detail).status_code == 302
    for user in (other_desk_worker, provider_worker, worker):
        outsider = logged_in(user)
        assert outsider.get(desk_url(house)).status_code == 404
        assert outsider.get(detail).status_code == 404
    # Another house's desk does not reach it through its own house either.
    other = logged_in(other_desk_worker)
    assert other.get(desk_url(other_house)).status_code == 200
    assert f"#{childcare_request.pk}" not in other.get(desk_url(other_house) + "?status=alle").text
    assert other.get(desk_url(other_house) + f"{childcare_request.pk}/").status_code == 404
    assert not AuditEvent.objects.filter(action="read").exists()


# --- Providers ---------------------------------------------------------------------------------

PROVIDER = "/beheer/kinderopvang/aanvragen/"


def test_a_provider_sees_the_requests_that_wish_it_with_their_rank(
    provider_worker,
    speelvogel_worker,  # noqa: F811
    filed,  # noqa: F811
):
    childcare_request, _token = filed
    page = logged_in(provider_worker).get(PROVIDER)
    assert page.status_code == 200
    assert f"#{childcare_request.pk}" in page.text
    assert "1 van 2" in page.text
    other = logged_in(speelvogel_worker).get(PROVIDER)
    assert "2 van 2" in other.text
    detail = logged_in(provider_worker).get(f"{PROVIDER}{childcare_request.pk}/")
    assert detail.status_code == 200
    assert "keuze 1" in detail.text and "broer of zus gaat hier al" in detail.text
    assert "sara@example.be" not in detail.text  # no contact details before a placement
    assert "De Speelvogel" not in detail.text  # nor the other providers the family chose
    event = AuditEvent.objects.get(target_type="childcare.childcarerequest", action="read")
    assert event.organisation.name == "Landelijke Kinderopvang Stekelbees"


def test_a_partner_that_was_not_wished_sees_nothing(
    client,
    house,
    kabouters,
    filed,  # noqa: F811
    worker,
    desk_worker,
    speelvogel_worker,  # noqa: F811
):
    childcare_request, _token = filed
    # A request that wishes only De Kabouters.
    only_kabouters, _ = file_request(
        house, [Wish(location=kabouters, rank=1)], email="ander@example.be"
    )
    other = logged_in(speelvogel_worker)
    assert f"#{only_kabouters.pk}" not in other.get(PROVIDER).text
    assert other.get(f"{PROVIDER}{only_kabouters.pk}/").status_code == 404
    assert other.get(f"{PROVIDER}{childcare_request.pk}/").status_code == 200  # control
    for user in (worker, desk_worker):
        assert f"#{only_kabouters.pk}" not in logged_in(user).get(PROVIDER).text
        assert logged_in(user).get(f"{PROVIDER}{only_kabouters.pk}/").status_code == 404
    assert client.get(PROVIDER).status_code == 302
    assert client.get(f"{PROVIDER}{only_kabouters.pk}/").status_code == 302


def test_a_provider_no_longer_sees_a_withdrawn_request(provider_worker, filed, client, house):  # noqa: F811
    childcare_request, token = filed
    client.post(private_url(house, token) + "intrekken/", {"confirm": "on"})
    provider = logged_in(provider_worker)
    assert f"#{childcare_request.pk}" not in provider.get(PROVIDER).text
    assert provider.get(f"{PROVIDER}{childcare_request.pk}/").status_code == 404


def test_the_provider_list_takes_the_same_queries_for_more_requests(
    provider_worker,
    house,
    kabouters,
    speelvogel,  # noqa: F811
):
    client = logged_in(provider_worker)
    file_request(house, [Wish(location=kabouters, rank=1)], email="een@example.be")
    client.get(PROVIDER)
    with CaptureQueriesContext(connection) as few:
        assert client.get(PROVIDER).status_code == 200
    for n in range(5):
        file_request(
            house,
            [Wish(location=speelvogel, rank=1), Wish(location=kabouters, rank=2)],
            email=f"ouder{n}@example.be",
        )
    with CaptureQueriesContext(connection) as many:
        page = client.get(PROVIDER)
    assert page.text.count("van 2") == 5
    assert len(many) == len(few)


def test_the_lists_page_without_counting_when_the_start_month_is_filtered(
    house,
    kabouters,
    speelvogel,  # noqa: F811
):
    for n in range(3):
        file_request(house, [Wish(location=kabouters, rank=1)], email=f"p{n}@example.be")
    requests = ChildcareRequest.objects.order_by("requested_at", "id")
    first = selectors_requests.list_page(requests, "1", size=2)
    assert len(first.rows) == 2 and first.has_next and not first.has_previous
    assert first.count == 3
    second = selectors_requests.list_page(requests, "2", size=2, count=False)
    assert len(second.rows) == 1 and not second.has_next and second.has_previous
    assert second.count is None
    assert selectors_requests.list_page(requests, "nul", size=2).number == 1
    assert selectors_requests.list_page(requests, "99999999", size=2).number == 1


def test_a_second_request_for_the_same_child_does_not_add_the_child_twice(
    house,
    kabouters,
    speelvogel,  # noqa: F811
):
    first, _ = file_request(house, [Wish(location=kabouters, rank=1)])
    second, _ = file_request(house, [Wish(location=speelvogel, rank=1)], child_first_name="lotte")
    assert second.child_id == first.child_id and second.family_id == first.family_id
    third, _ = file_request(house, [Wish(location=kabouters, rank=1)], child_first_name="Mats")
    assert third.child_id != first.child_id
    assert Child.objects.count() == 2


def test_the_e_mails_go_in_the_family_language(house, kabouters, monkeypatch):
    sent = []
    monkeypatch.setattr(
        services_requests,
        "send_templated_mail_on_commit",
        lambda **kwargs: sent.append((kwargs["template"], kwargs["language"], kwargs["to"])),
    )
    file_request(house, [Wish(location=kabouters, rank=1)], language="fr", email="fr@example.be")
    file_request(house, [Wish(location=kabouters, rank=1)], language="tr", email="tr@example.be")
    assert sent == [
        ("childcare/email/request_received", "fr", ["fr@example.be"]),
        ("childcare/email/request_received", "nl", ["tr@example.be"]),  # not spoken: Dutch
    ]


def test_an_erased_request_stays_in_the_desk_list_without_a_link(desk_worker, house, filed):  # noqa: F811
    childcare_request, _token = filed
    ChildcareRequest.objects.filter(pk=childcare_request.pk).update(
        status="withdrawn", erased_at=timezone.now()
    )
    page = logged_in(desk_worker).get(desk_url(house) + "?status=withdrawn")
    assert f"#{childcare_request.pk}" in page.text and "gewist" in page.text
    assert f'href="{desk_url(house)}{childcare_request.pk}/"' not in page.text
    assert (
        logged_in(desk_worker).get(desk_url(house) + f"{childcare_request.pk}/").status_code == 404
    )
