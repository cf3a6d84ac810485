"""Allocation rounds: a round built from the database gives exactly the engine's result and
stores it; the desk's report counts what happened and why; providers confirm or refuse (with a
reason) and place outside the rounds within their quota; families accept or decline before the
deadline, or the offer expires; every page refuses bad input in Dutch and shows nothing to an
outsider."""

import json
from datetime import date, datetime, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.childcare import selectors_rounds, services_rounds, tasks_rounds
from huisvanhetkind.childcare.allocation import allocate
from huisvanhetkind.childcare.models import (
    AllocationRound,
    ChildcareRequest,
    FreePlaces,
    Placement,
    PlacementStatus,
    RequestStatus,
    RequestWish,
)
from huisvanhetkind.childcare.months import add_months, first_of_month
from huisvanhetkind.childcare.todo_rounds import placements_to_confirm
from huisvanhetkind.core.tokens import new_token, token_digest
from huisvanhetkind.families.models import Child, Family
from huisvanhetkind.network.models import Municipality, Role
from tests.childcare.conftest import make_location
from tests.conftest import logged_in, with_second_factor
from tests.factories import OrganisationFactory, RoleFactory, UserFactory

pytestmark = pytest.mark.django_db

MONTH = add_months(first_of_month(date.today()), 2)


def rounds_url(house="kalmthout") -> str:
    return f"/beheer/huis/{house}/kinderopvang/rondes/"


def report_url(allocation_round, house="kalmthout") -> str:
    return f"{rounds_url(house)}{allocation_round.pk}/"


PLACEMENTS = "/beheer/kinderopvang/plaatsingen/"


def offer_url(childcare_request, token, placement) -> str:
    return f"/kalmthout/kinderopvang/aanvraag/{token}/aanbod/{placement.pk}/"


def make_request(house, wishes, *, working=False, foster=False, minutes=0, siblings=(), lang="nl"):
    """An open request of a new family, made ``minutes`` after a fixed moment; returns it with
    the token of its private link."""
    family = Family.objects.create(
        name="Gezin Peeters", email=f"gezin{Family.objects.count()}@example.be", language=lang
    )
    child = Child.objects.create(family=family, first_name="Lotte", birth_date=date(2026, 1, 5))
    token = new_token()
    childcare_request = ChildcareRequest.objects.create(
        house=house,
        family=family,
        child=child,
        municipality=Municipality.objects.get(name="Kalmthout"),
        token_hash=token_digest(token),
        token=token,
        language=lang,
        wished_start=MONTH,
        half_days=6,
        working=working,
        foster=foster,
        sworn=True,
        social_tariff=False,
        requested_at=timezone.make_aware(datetime(2026, 9, 1, 9, 0)) + timedelta(minutes=minutes),
    )
    for rank, location in enumerate(wishes, start=1):
        RequestWish.objects.create(
            request=childcare_request, location=location, rank=rank, sibling=location in siblings
        )
    return childcare_request, token


def places(location, n, month=MONTH):
    FreePlaces.objects.update_or_create(location=location, month=month, defaults={"places": n})


@pytest.fixture
def zonnedauw(house, provider):
    return make_location(
        house=house,
        organisation=provider,
        name="Kinderdagverblijf Zonnedauw",
        dossier_number="900002",
    )


@pytest.fixture
def scene(house, kabouters, zonnedauw):
    """Kabouters 1 place, Zonnedauw 1 place; three families."""
    places(kabouters, 1)
    places(zonnedauw, 1)
    early, early_token = make_request(house, [kabouters, zonnedauw], minutes=0)
    working, working_token = make_request(house, [kabouters], working=True, minutes=10)
    late, late_token = make_request(house, [kabouters, zonnedauw], minutes=20)
    return {
        "early": (early, early_token),
        "working": (working, working_token),
        "late": (late, late_token),
    }


def run(house, actor=None, **kwargs):
    return services_rounds.round_run(house=house, month=MONTH, actor=actor, **kwargs)


# --- the round from the database ----------------------------------------------------------------


def test_round_input_is_built_from_the_database_in_the_standard_format(
    house, kabouters, zonnedauw, scene
):
    data = selectors_rounds.round_input(house, MONTH)
    early = scene["early"][0]
    assert data["round"] == f"kalmthout-{MONTH:%Y-%m}"
    assert {p["id"]: p["capacity"] for p in data["providers"]} == {
        f"l-{kabouters.pk}": 1,
        f"l-{zonnedauw.pk}": 1,
    }
    assert data["providers"][0]["priority_order"] == ["working", "sibling", "foster"]
    assert data["children"][0] == {
        "id": f"r-{early.pk}",
        "wishes": [f"l-{kabouters.pk}", f"l-{zonnedauw.pk}"],
        "requested_at": "2026-09-01T09:00:00",  # local time, no time zone
        "working": False,
        "foster": False,
        "siblings_at": [],
    }


def test_a_round_from_database_rows_gives_the_engines_result_and_stores_it(
    house, desk_worker, kabouters, zonnedauw, scene, on_commit
):
    data = selectors_rounds.round_input(house, MONTH)
    expected = allocate(data)
    with on_commit():
        allocation_round = run(house, desk_worker)

    allocation_round.refresh_from_db()
    assert allocation_round.input == data
    assert allocation_round.result == expected
    assert allocation_round.run_by == desk_worker
    assert allocation_round.blocking_pairs == 0
    early, working, late = (scene[k][0] for k in ("early", "working", "late"))
    # The working family has priority at Kabouters; the early one then gets Zonnedauw.
    assert expected["assignments"] == {
        f"r-{early.pk}": f"l-{zonnedauw.pk}",
        f"r-{working.pk}": f"l-{kabouters.pk}",
        f"r-{late.pk}": None,
    }
    placements = {p.request_id: p for p in Placement.objects.all()}
    assert set(placements) == {early.pk, working.pk}
    assert placements[early.pk].wish_rank == 2 and placements[working.pk].wish_rank == 1
    assert {p.status for p in placements.values()} == {PlacementStatus.PROPOSED}
    for r in (early, working, late):
        r.refresh_from_db()
    assert (early.status, working.status, late.status) == ("offered", "offered", "open")
    assert allocation_round.offer_deadline > timezone.localdate()
    assert AuditEvent.objects.filter(
        target_type="childcare.allocationround", target_id=str(allocation_round.pk)
    ).exists()
    # One summary to the provider, without a child's name.
    assert len(mail.outbox) == 1
    assert "Kinderdagverblijf Zonnedauw: 1 plaatsing" in mail.outbox[0].body
    assert "Lotte" not in mail.outbox[0].body and "Peeters" not in mail.outbox[0].body


@pytest.fixture(autouse=True)
def provider_admin(provider):
    """Round summaries go to the provider's admins."""
    return RoleFactory(
        kind=Role.Kind.ORGANISATION_ADMIN,
        organisation=provider,
        user__email="beheer@stekelbees.example.be",
    ).user


def test_places_already_held_are_not_handed_out_again_and_refused_ones_are(
    house, kabouters, zonnedauw, scene
):
    run(house)
    assert selectors_rounds.capacities(house, MONTH) == {kabouters.pk: 0, zonnedauw.pk: 0}
    placement = Placement.objects.get(location=kabouters)
    services_rounds.placement_refuse(placement=placement, actor=None, reason="Volzet")
    assert selectors_rounds.capacities(house, MONTH)[kabouters.pk] == 1
    # The next round hands the refused place to the next child in line.
    second = run(house, expected_last=AllocationRound.objects.get().pk)
    late = scene["late"][0]
    working = scene["working"][0]
    # The refused request is open again, but not proposed to the provider that refused it.
    assert second.result["assignments"] == {f"r-{late.pk}": f"l-{kabouters.pk}"}
    working.refresh_from_db()
    assert working.status == RequestStatus.OPEN


def test_a_request_whose_wishes_have_no_place_still_goes_in(house, kabouters, zonnedauw):
    places(kabouters, 0)
    waiting, _token = make_request(house, [kabouters])
    data = selectors_rounds.round_input(house, MONTH)
    assert [c["id"] for c in data["children"]] == [f"r-{waiting.pk}"]
    allocation_round = run(house)
    assert allocation_round.result["assignments"] == {f"r-{waiting.pk}": None}
    report = selectors_rounds.round_report(allocation_round)
    assert report.unplaced == [
        (f"r-{waiting.pk}", "Geen enkele gewenste opvang had een vrije plaats.")
    ]


def test_the_sibling_wish_becomes_siblings_at_and_later_months_are_left_out(
    house, kabouters, zonnedauw
):
    with_sibling, _ = make_request(house, [kabouters, zonnedauw], siblings=[zonnedauw])
    later, _ = make_request(house, [kabouters])
    ChildcareRequest.objects.filter(pk=later.pk).update(wished_start=add_months(MONTH, 1))
    data = selectors_rounds.round_input(house, MONTH)
    assert [c["id"] for c in data["children"]] == [f"r-{with_sibling.pk}"]
    assert data["children"][0]["siblings_at"] == [f"l-{zonnedauw.pk}"]


def test_a_round_with_a_blocking_pair_is_stored_flagged_and_places_nobody(
    house, kabouters, scene, monkeypatch, desk_worker
):
    real = services_rounds.allocate

    def faulty(data):
        result = real(data)
        result["blocking_pairs"] = [[data["children"][0]["id"], data["providers"][0]["id"]]]
        return result

    monkeypatch.setattr(services_rounds, "allocate", faulty)
    allocation_round = run(house)
    assert allocation_round.blocking_pairs == 1
    assert not Placement.objects.exists()
    assert not ChildcareRequest.objects.filter(status=RequestStatus.OFFERED).exists()
    desk = logged_in(desk_worker)
    assert "Er werd niemand geplaatst" in desk.get(report_url(allocation_round)).text
    assert "1 blokkerend paar: niemand geplaatst" in desk.get(rounds_url()).text


def test_a_round_with_bad_input_is_refused_with_the_engines_lines(house, kabouters, scene):
    type(kabouters).objects.filter(pk=kabouters.pk).update(priority_order=["working"])
    with pytest.raises(ValidationError) as error:
        run(house)
    assert any("priority_order" in line for line in error.value.messages)
    assert not AllocationRound.objects.exists() and not Placement.objects.exists()


def test_a_second_run_with_the_same_preview_is_refused(house, kabouters, scene):
    first = run(house, expected_last=0)
    with pytest.raises(ValidationError) as error:
        run(house, expected_last=0)
    assert "Intussen liep er al een ronde" in error.value.messages[0]
    assert list(AllocationRound.objects.values_list("pk", flat=True)) == [first.pk]
    assert Placement.objects.count() == 2


def test_a_round_without_open_requests_is_refused(house, kabouters):
    places(kabouters, 3)
    with pytest.raises(ValidationError) as error:
        run(house)
    assert "geen open opvangvragen" in error.value.messages[0]


# --- the report and the reasons -----------------------------------------------------------------


def test_the_report_counts_per_wish_rank_and_says_why_a_child_was_not_placed(
    house, kabouters, zonnedauw, scene
):
    allocation_round = run(house)
    report = selectors_rounds.round_report(allocation_round)
    assert (report.children, report.placed, report.first_wish) == (3, 2, 1)
    assert report.per_rank[:3] == [(1, 1), (2, 1), (3, 0)]
    assert len(report.per_rank) == 12
    late = scene["late"][0]
    assert report.unplaced == [
        (
            f"r-{late.pk}",
            "Alle plaatsen gingen naar kinderen met een hogere voorrang of een vroegere aanvraag.",
        )
    ]
    assert report.blocking_pairs == 0


def test_each_unmet_wish_gets_a_plain_reason(house, kabouters, zonnedauw, scene):
    allocation_round = run(house)
    early, late = scene["early"][0], scene["late"][0]
    assert selectors_rounds.wish_reasons(early, allocation_round) == [
        (kabouters, "Alle plaatsen gingen naar kinderen met voorrang (werk of studie).")
    ]
    assert selectors_rounds.wish_reasons(late, allocation_round) == [
        (kabouters, "Alle plaatsen gingen naar kinderen met voorrang (werk of studie)."),
        (zonnedauw, "Alle plaatsen gingen naar kinderen met een vroegere aanvraag."),
    ]


def test_a_lower_wish_and_a_full_location_have_their_own_reason(house, kabouters, zonnedauw):
    places(kabouters, 1)
    places(zonnedauw, 0)
    first, _ = make_request(house, [kabouters, zonnedauw])
    second, _ = make_request(house, [zonnedauw, kabouters], minutes=5)
    allocation_round = run(house)
    assert selectors_rounds.wish_reasons(first, allocation_round) == [
        (zonnedauw, "Je kreeg een plaats bij een opvang die je hoger plaatste.")
    ]
    assert selectors_rounds.wish_reasons(second, allocation_round)[0] == (
        zonnedauw,
        "Deze opvang had geen vrije plaats voor die maand.",
    )


# --- the desk's pages ---------------------------------------------------------------------------


def test_the_desk_previews_and_runs_a_round_and_reads_its_report(
    house, desk_worker, kabouters, zonnedauw, scene
):
    client = logged_in(desk_worker)
    page = client.get(rounds_url())
    assert page.status_code == 200 and "Verdeelrondes" in page.text
    preview = client.get(rounds_url(), {"maand": f"{MONTH:%Y-%m}"})
    assert preview.status_code == 200
    assert "3 open opvangvragen" in preview.text and "2 vrije plaatsen" in preview.text
    response = client.post(rounds_url(), {"maand": f"{MONTH:%Y-%m}", "vorige": "0"})
    allocation_round = AllocationRound.objects.get()
    assert response.status_code == 302 and response.url == report_url(allocation_round)
    report = client.get(response.url)
    assert report.status_code == 200
    assert "Blokkerende paren: 0" in report.text
    assert f"r-{scene['late'][0].pk}" in report.text
    assert "Mag buiten de rondes" in report.text  # the quota table
    assert "Lotte" not in report.text  # request numbers only


def test_the_downloads_are_the_rounds_input_and_result_exactly(house, desk_worker, scene):
    allocation_round = run(house)
    client = logged_in(desk_worker)
    for name, stored in (("invoer", allocation_round.input), ("uitkomst", allocation_round.result)):
        response = client.get(f"{report_url(allocation_round)}{name}.json")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/json")
        assert json.loads(response.content) == stored
    assert (
        AuditEvent.objects.filter(action="read", target_type="childcare.allocationround").count()
        == 2
    )


@pytest.mark.parametrize(
    "data, message",
    [
        ({"maand": ""}, "Kies de startmaand van de ronde."),
        ({"maand": "2020-01"}, "Kies een startmaand uit de lijst."),
        ({"maand": "september"}, "Kies een startmaand uit de lijst."),
        ({"maand": f"{MONTH:%Y-%m}", "vorige": "x"}, "Laad de pagina opnieuw"),
    ],
)
def test_the_round_form_refuses_bad_input_and_runs_nothing(desk_worker, scene, data, message):
    response = logged_in(desk_worker).post(rounds_url(), data)
    assert response.status_code == 400
    assert message in response.text
    assert not AllocationRound.objects.exists()


def test_a_run_after_another_one_is_refused_on_the_page(house, desk_worker, scene):
    run(house)
    response = logged_in(desk_worker).post(rounds_url(), {"maand": f"{MONTH:%Y-%m}", "vorige": "0"})
    assert response.status_code == 400
    assert "Intussen liep er al een ronde" in response.text
    assert AllocationRound.objects.count() == 1


def test_a_bad_month_in_the_preview_is_refused(desk_worker):
    response = logged_in(desk_worker).get(rounds_url(), {"maand": "2020-13"})
    assert response.status_code == 400 and "Kies een startmaand uit de lijst." in response.text


def test_outsiders_see_no_round_page(
    house, scene, provider_worker, outsider, other_coordinator, client
):
    allocation_round = run(house)
    urls = [
        rounds_url(),
        report_url(allocation_round),
        f"{report_url(allocation_round)}invoer.json",
        f"{report_url(allocation_round)}uitkomst.json",
    ]
    for user in (provider_worker, outsider, other_coordinator):
        other = logged_in(user)
        for url in urls:
            assert other.get(url).status_code == 404, (user, url)
        assert other.post(rounds_url(), {"maand": f"{MONTH:%Y-%m}"}).status_code == 404
    # Another house's desk, on its own house's address, does not see this house's round.
    regional = report_url(allocation_round, "zoersel-brecht-zandhoven-wijnegem-schilde")
    assert logged_in(other_coordinator).get(regional).status_code == 404
    for url in urls:
        assert client.get(url).status_code == 302  # anonymous: to the log-in
    assert AllocationRound.objects.count() == 1


def test_the_coordinator_may_run_the_desk(house, coordinator, scene):
    assert logged_in(coordinator).get(rounds_url()).status_code == 200


# --- providers ----------------------------------------------------------------------------------


@pytest.fixture
def proposed(house, kabouters, zonnedauw, scene):
    run(house)
    return Placement.objects.get(location=kabouters)


def test_the_provider_lists_and_confirms_a_placement_and_the_family_is_told(
    provider_worker, proposed, scene, on_commit
):
    client = logged_in(provider_worker)
    page = client.get(PLACEMENTS)
    assert page.status_code == 200 and f"Bevestig plaatsing #{proposed.pk}" in page.text
    assert "Lotte" not in page.text
    mail.outbox.clear()
    with on_commit():
        response = client.post(f"{PLACEMENTS}{proposed.pk}/bevestigen/")
    assert response.status_code == 302
    proposed.refresh_from_db()
    assert proposed.status == PlacementStatus.CONFIRMED and proposed.provider_answered_at
    assert [m.to for m in mail.outbox] == [[proposed.request.family.email]]
    assert scene["working"][1] in mail.outbox[0].body  # the private link
    assert "Lotte" not in mail.outbox[0].body


def test_the_offer_e_mail_is_in_the_familys_language(house, kabouters, monkeypatch):
    places(kabouters, 1)
    make_request(house, [kabouters], lang="fr")
    run(house)
    placement = Placement.objects.get()
    sent = []
    monkeypatch.setattr(
        services_rounds, "send_templated_mail_on_commit", lambda **kwargs: sent.append(kwargs)
    )
    services_rounds.placement_confirm(placement=placement, actor=None)
    assert [(m["template"], m["language"]) for m in sent] == [
        ("childcare/rounds/email/offer_waiting", "fr")
    ]
    assert sent[0]["to"] == [placement.request.family.email]


def test_a_refusal_needs_a_reason_and_then_frees_the_place(
    house, provider_worker, proposed, kabouters, desk_worker
):
    client = logged_in(provider_worker)
    url = f"{PLACEMENTS}{proposed.pk}/weigeren/"
    assert client.get(url).status_code == 200
    for bad in ("", "   ", "x" * 501):
        response = client.post(url, {"reason": bad})
        assert response.status_code == 400
        assert "reden" in response.text
        proposed.refresh_from_db()
        assert proposed.status == PlacementStatus.PROPOSED
    response = client.post(url, {"reason": "Geen plaats meer in de babygroep"})
    assert response.status_code == 302
    report = logged_in(desk_worker).get(report_url(proposed.round))
    assert "Geen plaats meer in de babygroep" in report.text
    proposed.refresh_from_db()
    assert proposed.status == PlacementStatus.REFUSED
    assert proposed.refusal_reason == "Geen plaats meer in de babygroep"
    proposed.request.refresh_from_db()
    assert proposed.request.status == RequestStatus.OPEN
    assert selectors_rounds.capacities(house, MONTH)[kabouters.pk] == 1


def test_a_refusal_without_reason_is_refused_by_the_service_too(proposed):
    with pytest.raises(ValidationError):
        services_rounds.placement_refuse(placement=proposed, actor=None, reason=" ")


def test_a_confirmed_placement_cannot_be_confirmed_or_refused_again(provider_worker, proposed):
    client = logged_in(provider_worker)
    client.post(f"{PLACEMENTS}{proposed.pk}/bevestigen/")
    response = client.post(f"{PLACEMENTS}{proposed.pk}/bevestigen/", follow=True)
    assert "wacht niet (meer) op je bevestiging" in response.text
    response = client.post(f"{PLACEMENTS}{proposed.pk}/weigeren/", {"reason": "Toch niet"})
    proposed.refresh_from_db()
    assert proposed.status == PlacementStatus.CONFIRMED


def test_another_partner_cannot_see_or_answer_a_placement(
    house, proposed, outsider, other_coordinator, desk_worker, client
):
    for user in (outsider, other_coordinator, desk_worker):
        other = logged_in(user)
        assert f"#{proposed.pk}" not in other.get(PLACEMENTS).text
        assert other.post(f"{PLACEMENTS}{proposed.pk}/bevestigen/").status_code == 404
        assert other.get(f"{PLACEMENTS}{proposed.pk}/weigeren/").status_code == 404
        assert (
            other.post(f"{PLACEMENTS}{proposed.pk}/weigeren/", {"reason": "Nee"}).status_code == 404
        )
        assert (
            other.get(f"/beheer/kinderopvang/{proposed.location_id}/buiten-ronde/").status_code
            == 404
        )
    assert client.get(PLACEMENTS).status_code == 302
    assert client.post(f"{PLACEMENTS}{proposed.pk}/bevestigen/").status_code == 302
    proposed.refresh_from_db()
    assert proposed.status == PlacementStatus.PROPOSED


def test_the_provider_sees_placements_to_confirm_on_its_to_do_list(provider_worker, proposed):
    items = placements_to_confirm(provider_worker)
    other = Placement.objects.exclude(pk=proposed.pk).get()
    assert sorted(i.title for i in items) == [
        f"Plaatsing #{other.pk} bevestigen: Kinderdagverblijf Zonnedauw",
        f"Plaatsing #{proposed.pk} bevestigen: Kinderdagverblijf De Kabouters",
    ]
    assert {i.due for i in items} == {proposed.round.offer_deadline}
    services_rounds.placement_confirm(placement=proposed, actor=None)
    assert len(placements_to_confirm(provider_worker)) == 1


def test_another_partner_has_no_placements_on_its_to_do_list(outsider, proposed):
    assert placements_to_confirm(outsider) == []


# --- out-of-round placements --------------------------------------------------------------------


def outside_url(location) -> str:
    return f"/beheer/kinderopvang/{location.pk}/buiten-ronde/"


def outside_data(childcare_request, **changes):
    return {
        "request_number": str(childcare_request.pk),
        "month": f"{MONTH:%Y-%m}",
        "advice_by": "Kind en Gezin",
        "advice_reference": "KG-2026-114",
        **changes,
    }


def test_a_provider_places_outside_the_rounds_within_its_quota(
    house, provider_worker, kabouters, on_commit
):
    places(kabouters, 3)  # 18 licensed places: 1 outside the rounds per year
    first, _ = make_request(house, [kabouters])
    second, _ = make_request(house, [kabouters], minutes=3)
    client = logged_in(provider_worker)
    assert client.get(outside_url(kabouters)).status_code == 200
    with on_commit():
        response = client.post(outside_url(kabouters), outside_data(first))
    assert response.status_code == 302
    placement = Placement.objects.get()
    assert placement.outside_round and placement.status == PlacementStatus.CONFIRMED
    assert (placement.advice_by, placement.advice_reference) == ("Kind en Gezin", "KG-2026-114")
    first.refresh_from_db()
    assert first.status == RequestStatus.OFFERED
    assert AuditEvent.objects.filter(
        target_type="childcare.placement", target_id=str(placement.pk), action="create"
    ).exists()
    assert len(mail.outbox) == 1  # the family may accept it

    response = client.post(outside_url(kabouters), outside_data(second))
    assert response.status_code == 400
    assert "al 1 van de 1 kinderen" in response.text
    assert Placement.objects.count() == 1
    rows = selectors_rounds.house_quota_table(house, timezone.localdate().year)
    assert [(r.licensed, r.quota, r.used, r.left) for r in rows] == [(18, 1, 1, 0)]


def test_a_small_location_has_no_quota(house, provider, provider_worker):
    small = make_location(
        house=house, organisation=provider, name="Onthaalouder An", licensed_places=8
    )
    places(small, 1)
    childcare_request, _ = make_request(house, [small])
    response = logged_in(provider_worker).post(outside_url(small), outside_data(childcare_request))
    assert response.status_code == 400
    assert "al 0 van de 0 kinderen" in response.text
    assert selectors_rounds.quota_of(8) == 0 and selectors_rounds.quota_of(29) == 2
    assert not Placement.objects.exists()


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"request_number": ""}, "Geef het nummer van de opvangvraag."),
        ({"request_number": "abc"}, "Het nummer van een opvangvraag is een geheel getal"),
        ({"request_number": "999999"}, "Er is geen opvangvraag met nummer 999999"),
        ({"advice_by": ""}, "Noem de gezinsdienst die schriftelijk advies gaf."),
        ({"advice_reference": ""}, "Geef het kenmerk"),
        ({"month": "2020-01"}, "Kies een startmaand uit de lijst."),
    ],
)
def test_the_out_of_round_form_refuses_bad_input(
    house, provider_worker, kabouters, changes, message
):
    places(kabouters, 2)
    childcare_request, _ = make_request(house, [kabouters])
    response = logged_in(provider_worker).post(
        outside_url(kabouters), outside_data(childcare_request, **changes)
    )
    assert response.status_code == 400
    assert message in response.text
    assert not Placement.objects.exists()


def test_a_request_that_does_not_wish_the_location_cannot_be_placed_there(
    house, provider_worker, kabouters, zonnedauw
):
    places(kabouters, 2)
    elsewhere, _ = make_request(house, [zonnedauw])
    response = logged_in(provider_worker).post(outside_url(kabouters), outside_data(elsewhere))
    assert response.status_code == 400
    assert f"geen opvangvraag met nummer {elsewhere.pk} die deze opvang kiest" in response.text


def test_an_out_of_round_placement_needs_a_free_place(house, provider_worker, kabouters):
    places(kabouters, 0)
    childcare_request, _ = make_request(house, [kabouters])
    response = logged_in(provider_worker).post(
        outside_url(kabouters), outside_data(childcare_request)
    )
    assert response.status_code == 400 and "geen vrije plaats meer" in response.text


# --- the family ---------------------------------------------------------------------------------


@pytest.fixture
def confirmed(proposed):
    services_rounds.placement_confirm(placement=proposed, actor=None)
    proposed.refresh_from_db()
    return proposed


def test_withdrawing_a_request_through_its_link_ends_its_waiting_offers(
    house, kabouters, confirmed, scene, parent_client
):
    childcare_request, token = scene["working"]
    url = f"/kalmthout/kinderopvang/aanvraag/{token}/intrekken/"
    response = parent_client.post(url, {"confirm": "on"})
    assert response.status_code == 302
    confirmed.refresh_from_db()
    childcare_request.refresh_from_db()
    assert childcare_request.status == RequestStatus.WITHDRAWN
    assert confirmed.status == PlacementStatus.EXPIRED
    assert AuditEvent.objects.filter(
        target_type="childcare.placement", target_id=str(confirmed.pk), action="update"
    ).exists()
    # The place counts as free again for the next round.
    assert selectors_rounds.capacities(house, MONTH, [kabouters])[kabouters.pk] == 1


def test_the_family_accepts_after_a_confirmation_step(confirmed, scene, parent_client):
    childcare_request, token = scene["working"]
    url = offer_url(childcare_request, token, confirmed)
    step = parent_client.post(url, {"answer": "accept"})
    assert step.status_code == 200 and "Ja, ik aanvaard de plaats" in step.text
    assert step["Cache-Control"] == "private, no-store"
    confirmed.refresh_from_db()
    assert confirmed.status == PlacementStatus.CONFIRMED  # nothing yet
    done = parent_client.post(url, {"answer": "accept", "confirmed": "on"})
    assert done.status_code == 302
    confirmed.refresh_from_db()
    childcare_request.refresh_from_db()
    assert confirmed.status == PlacementStatus.ACCEPTED and confirmed.family_answered_at
    assert childcare_request.status == RequestStatus.PLACED and childcare_request.ended_at


def test_accepting_one_offer_ends_the_requests_other_offers(house, kabouters, zonnedauw):
    places(kabouters, 2)
    places(zonnedauw, 1)
    childcare_request, _ = make_request(house, [kabouters, zonnedauw])
    run(house)
    first = Placement.objects.get()
    services_rounds.placement_confirm(placement=first, actor=None)
    ChildcareRequest.objects.filter(pk=childcare_request.pk).update(status=RequestStatus.OPEN)
    other = services_rounds.placement_outside_round(
        childcare=zonnedauw,
        request_number=childcare_request.pk,
        month=MONTH,
        advice_by="OCMW",
        advice_reference="A1",
        actor=None,
    )
    services_rounds.placement_accept(placement=first)
    other.refresh_from_db()
    assert other.status == PlacementStatus.EXPIRED


def test_the_family_declines_and_the_request_waits_for_the_next_round(
    house, kabouters, confirmed, scene, parent_client
):
    childcare_request, token = scene["working"]
    url = offer_url(childcare_request, token, confirmed)
    step = parent_client.post(url, {"answer": "decline"})
    assert "Ja, ik wil deze plaats niet" in step.text
    parent_client.post(url, {"answer": "decline", "confirmed": "on"})
    confirmed.refresh_from_db()
    childcare_request.refresh_from_db()
    assert confirmed.status == PlacementStatus.DECLINED
    assert childcare_request.status == RequestStatus.OPEN
    assert selectors_rounds.capacities(house, MONTH)[kabouters.pk] == 1


def test_the_family_may_decline_and_withdraw(confirmed, scene, parent_client):
    childcare_request, token = scene["working"]
    parent_client.post(
        offer_url(childcare_request, token, confirmed),
        {"answer": "decline", "withdraw": "on", "confirmed": "on"},
    )
    childcare_request.refresh_from_db()
    assert childcare_request.status == RequestStatus.WITHDRAWN and childcare_request.ended_at


@pytest.mark.parametrize("data", [{}, {"answer": "misschien"}, {"confirmed": "on"}])
def test_the_answer_form_refuses_bad_input(confirmed, scene, parent_client, data):
    childcare_request, token = scene["working"]
    response = parent_client.post(offer_url(childcare_request, token, confirmed), data)
    assert response.status_code == 400
    assert "Kies of je de plaats aanvaardt of niet." in response.text
    confirmed.refresh_from_db()
    assert confirmed.status == PlacementStatus.CONFIRMED


def test_an_offer_cannot_be_answered_after_its_deadline(confirmed, scene, parent_client):
    AllocationRound.objects.update(offer_deadline=timezone.localdate() - timedelta(days=1))
    childcare_request, token = scene["working"]
    response = parent_client.post(
        offer_url(childcare_request, token, confirmed), {"answer": "accept", "confirmed": "on"}
    )
    assert response.status_code == 400 and "Die dag is voorbij" in response.text
    confirmed.refresh_from_db()
    assert confirmed.status == PlacementStatus.CONFIRMED


def test_a_proposed_offer_cannot_be_answered_by_the_family(proposed, scene, parent_client):
    childcare_request, token = scene["working"]
    response = parent_client.post(
        offer_url(childcare_request, token, proposed), {"answer": "accept", "confirmed": "on"}
    )
    assert response.status_code == 400
    proposed.refresh_from_db()
    assert proposed.status == PlacementStatus.PROPOSED


def test_a_wrong_token_or_another_familys_offer_is_not_found(confirmed, scene, parent_client):
    childcare_request, token = scene["working"]
    early, early_token = scene["early"]
    for url in (
        offer_url(childcare_request, "x" * 43, confirmed),
        offer_url(early, early_token, confirmed),  # a real link, another family's offer
        f"/zoersel-brecht-zandhoven-wijnegem-schilde/kinderopvang/aanvraag/{token}/aanbod/{confirmed.pk}/",
    ):
        assert parent_client.post(url, {"answer": "accept", "confirmed": "on"}).status_code == 404
        assert parent_client.get(url).status_code == 404
    confirmed.refresh_from_db()
    assert confirmed.status == PlacementStatus.CONFIRMED


def test_the_family_offers_block_shows_the_offer_and_the_reasons(house, confirmed, scene):
    early, _ = scene["early"]
    working, token = scene["working"]
    html = render_to_string("childcare/rounds/_family_offers.html", {"request": working})
    assert "Kinderdagverblijf De Kabouters" in html
    assert f"/aanvraag/{token}/aanbod/{confirmed.pk}/" in html
    html = render_to_string("childcare/rounds/_family_offers.html", {"request": early})
    assert "Alle plaatsen gingen naar kinderen met voorrang (werk of studie)." in html


# --- expiry -------------------------------------------------------------------------------------


def test_unanswered_offers_expire_after_the_deadline_and_the_request_reopens(
    confirmed, scene, on_commit
):
    AllocationRound.objects.update(offer_deadline=timezone.localdate() - timedelta(days=1))
    mail.outbox.clear()
    with on_commit():
        assert tasks_rounds.expire_offers.call() == 2  # the confirmed and the proposed one
    assert set(Placement.objects.values_list("status", flat=True)) == {PlacementStatus.EXPIRED}
    working = scene["working"][0]
    working.refresh_from_db()
    assert working.status == RequestStatus.OPEN
    # Only the family that knew of its offer (confirmed) is told.
    assert [m.to for m in mail.outbox] == [[working.family.email]]
    assert tasks_rounds.expire_offers.call() == 0


def test_offers_before_their_deadline_do_not_expire(confirmed):
    assert tasks_rounds.expire_offers.call() == 0
    confirmed.refresh_from_db()
    assert confirmed.status == PlacementStatus.CONFIRMED


# --- retention ----------------------------------------------------------------------------------


def test_rounds_are_deleted_12_months_after_their_month_and_placements_stay(house, scene):
    allocation_round = run(house)
    AllocationRound.objects.update(month=add_months(first_of_month(date.today()), -13))
    recent = run(house)  # nothing open any more except one request: still a round
    assert list(tasks_rounds.rounds_due(timezone.now())) == [allocation_round]
    assert tasks_rounds.erase_old_rounds.call() == 1
    assert list(AllocationRound.objects.all()) == [recent]
    assert Placement.objects.filter(round__isnull=True).count() == 2


def test_a_user_without_role_sees_nothing(house, scene):
    nobody = UserFactory(email="niemand@example.be")
    assert logged_in(nobody).get(PLACEMENTS).status_code == 404
    assert logged_in(nobody).get(rounds_url()).status_code == 404


def test_a_partner_without_locations_sees_an_empty_list(house):
    partner = OrganisationFactory(name="Sportdienst", houses=[house], domains=[])
    user = UserFactory(email="sport@example.be")
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=partner)
    response = logged_in(with_second_factor(user)).get(PLACEMENTS)
    assert response.status_code == 200 and "Nog geen plaatsingen" in response.text


def test_the_familys_private_page_shows_its_offer_and_the_desk_and_provider_pages_link_here(
    confirmed, scene, parent_client, desk_worker, provider_worker
):
    working, token = scene["working"]
    page = parent_client.get(f"/kalmthout/kinderopvang/aanvraag/{token}/")
    assert page.status_code == 200
    assert "Aangeboden plaatsen" in page.text
    assert f"/aanvraag/{token}/aanbod/{confirmed.pk}/" in page.text
    desk = logged_in(desk_worker).get("/beheer/huis/kalmthout/kinderopvang/")
    assert rounds_url() in desk.text
    provider = logged_in(provider_worker).get("/beheer/kinderopvang/")
    assert PLACEMENTS in provider.text


def test_the_pages_use_a_fixed_number_of_queries(
    house, provider, kabouters, zonnedauw, desk_worker, provider_worker
):
    def counted(client, url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    desk = logged_in(desk_worker)
    worker = logged_in(provider_worker)
    places(kabouters, 1)
    places(zonnedauw, 1)
    make_request(house, [kabouters, zonnedauw])
    first = run(house)
    before = [
        counted(desk, rounds_url()),
        counted(desk, report_url(first)),
        counted(worker, PLACEMENTS),
    ]
    places(kabouters, 4)
    places(zonnedauw, 4)
    for minutes in range(6):
        make_request(house, [zonnedauw, kabouters], minutes=minutes, working=minutes % 2 == 0)
    second = run(house, expected_last=first.pk)
    after = [
        counted(desk, rounds_url()),
        counted(desk, report_url(second)),
        counted(worker, PLACEMENTS),
    ]
    assert after == before


def test_a_placement_cannot_be_confirmed_after_the_deadline(provider_worker, proposed):
    AllocationRound.objects.update(offer_deadline=timezone.localdate() - timedelta(days=1))
    response = logged_in(provider_worker).post(
        f"{PLACEMENTS}{proposed.pk}/bevestigen/", follow=True
    )
    assert "Je kon deze plaatsing bevestigen tot en met" in response.text
    proposed.refresh_from_db()
    assert proposed.status == PlacementStatus.PROPOSED


def test_places_shared_by_priority_and_earlier_requests_name_both(house, kabouters):
    places(kabouters, 2)
    working, _ = make_request(house, [kabouters], working=True, minutes=30)
    early, _ = make_request(house, [kabouters], minutes=0)
    late, _ = make_request(house, [kabouters], minutes=10)
    allocation_round = run(house)
    assert allocation_round.result["assignments"] == {
        f"r-{early.pk}": f"l-{kabouters.pk}",
        f"r-{working.pk}": f"l-{kabouters.pk}",
        f"r-{late.pk}": None,
    }
    assert selectors_rounds.wish_reasons(late, allocation_round) == [
        (
            kabouters,
            "Alle plaatsen gingen naar kinderen met voorrang (werk of studie) of met een "
            "vroegere aanvraag.",
        )
    ]
