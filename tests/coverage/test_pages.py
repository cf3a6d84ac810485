"""The heat map page, the marks of gaps and who sees them: the house's coordinator, steering
group and partners read; the coordinator marks; everybody else gets a 404."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.coverage import selectors
from huisvanhetkind.coverage.models import GapStatus
from huisvanhetkind.network.models import Group, Role
from tests.conftest import logged_in
from tests.coverage.conftest import overlap_services, person
from tests.factories import GroupFactory, GroupMembershipFactory, OrganisationFactory

GAP = "gap-gezondheid-0-3-11022"


def _url(house, name="coverage:heat_map", **kwargs):
    return reverse(name, kwargs={"house_slug": house.slug, **kwargs})


def test_the_coordinator_sees_the_svg_heat_map_with_a_table_and_the_gaps(
    duo, catalogue, duo_coordinator
):
    response = logged_in(duo_coordinator).get(_url(duo))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html and 'role="img"' in html and "<title" in html
    assert "<table" in html and "<caption" in html
    # Numbers in the cells (colour is not the only carrier) and a legend.
    assert ">2</text>" in html
    assert "Legende" in html
    assert "<script" not in html
    assert GAP in html
    assert reverse("coverage:gap_mark", kwargs={"house_slug": duo.slug, "gap_id": GAP}) in html


def test_a_municipality_is_chosen_with_a_plain_form(duo, catalogue, duo_coordinator):
    client = logged_in(duo_coordinator)
    html = client.get(_url(duo) + "?gemeente=11053").content.decode()
    assert "Aantal aanbod in Wuustwezel" in html
    # An unknown code falls back to the first municipality.
    assert (
        "Aantal aanbod in Kalmthout" in client.get(_url(duo) + "?gemeente=99999").content.decode()
    )


def test_overlaps_are_listed_with_links_to_the_services(duo, partners, duo_coordinator):
    first, second = overlap_services(duo, partners)
    html = logged_in(duo_coordinator).get(_url(duo)).content.decode()
    for service in (first, second):
        assert (
            reverse("catalogue:service", kwargs={"house_slug": duo.slug, "pk": service.pk}) in html
        )


def test_a_partner_worker_and_a_steering_member_read_but_do_not_mark(
    duo, catalogue, duo_worker, partners
):
    steering = GroupFactory(house=duo, kind=Group.Kind.STEERING, name="Stuurgroep")
    member = person(
        "schepen@duo.example.be",
        kind=Role.Kind.ORGANISATION_WORKER,
        organisation=OrganisationFactory(),
    )
    GroupMembershipFactory(group=steering, user=member)
    for user in (duo_worker, member):
        client = logged_in(user)
        response = client.get(_url(duo))
        assert response.status_code == 200
        assert "Markeren" not in response.content.decode()
        assert client.get(_url(duo, "coverage:gap_mark", gap_id=GAP)).status_code == 404
        assert client.get(_url(duo, "coverage:population")).status_code == 404


@pytest.mark.parametrize("who", ["other_coordinator", "other_partner", "outsider_of_no_house"])
def test_people_of_another_house_see_nothing(duo, catalogue, other_house, who):
    if who == "other_coordinator":
        user = person("c@other.example.be", kind=Role.Kind.COORDINATOR, house=other_house)
    elif who == "other_partner":
        user = person(
            "w@other.example.be",
            kind=Role.Kind.ORGANISATION_WORKER,
            organisation=OrganisationFactory(houses=[other_house]),
        )
    else:
        user = person(
            "x@nowhere.example.be",
            kind=Role.Kind.ORGANISATION_WORKER,
            organisation=OrganisationFactory(),
        )
    client = logged_in(user)
    for url in (
        _url(duo),
        _url(duo, "coverage:gap_mark", gap_id=GAP),
        _url(duo, "coverage:population"),
        _url(duo, "coverage:population_import"),
    ):
        assert client.get(url).status_code == 404
    assert (
        client.post(
            _url(duo, "coverage:gap_mark", gap_id=GAP), {"gap_id": GAP, "status": "known"}
        ).status_code
        == 404
    )
    assert not GapStatus.objects.exists()


def test_an_anonymous_visitor_is_sent_to_log_in(duo, catalogue):
    response = Client().get(_url(duo))
    assert response.status_code == 302 and "login" in response["Location"]


def test_an_ended_partner_sees_nothing(duo, catalogue):
    ended = catalogue["ended"].organisation
    user = person("oud@partner.example.be", kind=Role.Kind.ORGANISATION_WORKER, organisation=ended)
    assert logged_in(user).get(_url(duo)).status_code == 404


def test_the_coordinator_marks_a_gap_and_the_trail_records_it(duo, catalogue, duo_coordinator):
    client = logged_in(duo_coordinator)
    url = _url(duo, "coverage:gap_mark", gap_id=GAP)
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"gap_id": GAP, "status": "in_progress", "note": "Overleg met de vroedvrouwen."}
    )
    assert response.status_code == 302
    mark = GapStatus.objects.get(house=duo, gap_id=GAP)
    assert (mark.status, mark.note, mark.marked_by) == (
        "in_progress",
        "Overleg met de vroedvrouwen.",
        duo_coordinator,
    )
    assert AuditEvent.objects.filter(target_type="coverage.gapstatus", action="create").count() == 1
    client.post(url, {"gap_id": GAP, "status": "accepted", "note": ""})
    mark.refresh_from_db()
    assert mark.status == "accepted"
    assert AuditEvent.objects.filter(target_type="coverage.gapstatus", action="update").count() == 1
    gap = next(g for g in selectors.coverage_matrix(duo)["gaps"] if g["id"] == GAP)
    assert gap["status"] == "accepted"


@pytest.mark.parametrize(
    "data, message",
    [
        ({"gap_id": GAP, "status": ""}, "Kies of het hiaat gekend is"),
        ({"gap_id": GAP, "status": "opgelost"}, "Kies een van de drie statussen"),
        ({"gap_id": GAP, "status": "known", "note": "x" * 2001}, "te lang"),
        ({"gap_id": "gap-gezondheid-0-3-11053", "status": "known"}, "ander hiaat"),
    ],
)
def test_a_bad_mark_changes_nothing_and_says_why(duo, catalogue, duo_coordinator, data, message):
    response = logged_in(duo_coordinator).post(_url(duo, "coverage:gap_mark", gap_id=GAP), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not GapStatus.objects.exists()


def test_an_unknown_gap_id_is_not_found(duo, catalogue, duo_coordinator):
    client = logged_in(duo_coordinator)
    assert (
        client.get(_url(duo, "coverage:gap_mark", gap_id="gap-gezondheid-0-3-99999")).status_code
        == 404
    )
    assert client.get(_url(duo, "coverage:gap_mark", gap_id=GAP)).status_code == 200


def test_the_page_takes_as_many_queries_with_more_data(duo, catalogue, partners, duo_coordinator):
    client = logged_in(duo_coordinator)
    client.get(_url(duo))  # the matrix in memory

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(_url(duo)).status_code == 200
        return len(captured)

    before = queries()
    overlap_services(duo, partners)
    client.get(_url(duo))
    GapStatus.objects.create(house=duo, gap_id=GAP, status="known", marked_at=timezone.now())
    assert queries() == before


def test_the_coordinators_dashboard_links_to_the_heat_map(duo, duo_coordinator, duo_worker):
    link = _url(duo)
    assert link in logged_in(duo_coordinator).get(reverse("network:dashboard")).content.decode()
    # A partner's dashboard has no house card (they reach the page by its address).
    assert link not in logged_in(duo_worker).get(reverse("network:dashboard")).content.decode()
