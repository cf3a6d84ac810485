"""The childcare figures for the desk and the coordinator: open requests, placements and the
median wait per municipality, age and start month; unmet demand per month; the social-tariff
box among the placed; urgent requests answered in time. Counts of 1 to 4 are hidden ("< 5"),
nothing names a family, the queries do not grow with the data, and only the house's desk and
coordinator see the page."""

from datetime import date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import date_format

from huisvanhetkind.childcare.models import (
    ChildcareRequest,
    Placement,
    PlacementStatus,
    RequestStatus,
    UrgentReason,
    UrgentRequest,
    UrgentStatus,
)
from huisvanhetkind.childcare.months import add_months
from huisvanhetkind.childcare.selectors_figures import (
    HIDDEN_MARK,
    SHOWN,
    SMALL_MARK,
    childcare_figures,
    protect_group,
    unmet_demand,
)
from huisvanhetkind.families.models import Child, Family
from huisvanhetkind.network.models import Municipality, Role
from tests.conftest import logged_in, with_second_factor
from tests.factories import DesignationFactory, OrganisationFactory, RoleFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = "/beheer/huis/kalmthout/kinderopvang/cijfers/"


def this_month() -> date:
    return timezone.localdate().replace(day=1)


def moment(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, datetime.min.time()) + timedelta(hours=hour))


def make_request(
    house,
    *,
    municipality="Kalmthout",
    wished=None,
    born=None,
    due=None,
    status=RequestStatus.OPEN,
    requested=None,
    social=False,
    ended=None,
):
    wished = wished or add_months(this_month(), 2)
    family = Family.objects.create(name="Gezin Peeters", email="")
    if due is None and born is None:
        born = add_months(wished, -5)
    child = Child.objects.create(family=family, first_name="Mila", birth_date=born, due_date=due)
    return ChildcareRequest.objects.create(
        house=house,
        family=family,
        child=child,
        municipality=Municipality.objects.get(name=municipality),
        wished_start=wished,
        half_days=10,
        social_tariff=social,
        status=status,
        requested_at=requested or moment(add_months(this_month(), -3)),
        ended_at=ended,
    )


def place(request, location, *, month, answered, status=PlacementStatus.ACCEPTED):
    return Placement.objects.create(
        request=request,
        location=location,
        month=month,
        status=status,
        family_answered_at=answered,
    )


def placed_request(house, location, *, wait_days, social=False, municipality="Kalmthout"):
    """A request accepted ``wait_days`` after it was filed, for a start two months ago."""
    start = add_months(this_month(), -2)
    answered = moment(add_months(this_month(), -1))
    request = make_request(
        house,
        municipality=municipality,
        wished=start,
        born=add_months(start, -14),
        status=RequestStatus.PLACED,
        requested=answered - timedelta(days=wait_days),
        social=social,
    )
    place(request, location, month=start, answered=answered)
    return request


def table(figures, key):
    return next(t for t in figures.tables if t.key == key)


def row(tab, label):
    return next(r for r in tab.rows if r.label == label)


# --- Suppression ----------------------------------------------------------------------------


def test_a_count_of_one_to_four_is_hidden_and_one_more_beside_it():
    cells = protect_group([12, 3, 7, 0])
    # the 3 is hidden; the smallest other count (the 0) is hidden too, as "< 5"
    assert [c.mark for c in cells] == [SHOWN, SMALL_MARK, SHOWN, SMALL_MARK]
    assert [str(c) for c in cells] == ["12", "< 5", "7", "< 5"]


def test_a_complementary_count_of_five_or_more_shows_as_a_cross():
    cells = protect_group([2, 9, 30])
    assert [c.mark for c in cells] == [SMALL_MARK, HIDDEN_MARK, SHOWN]
    assert str(cells[0]) == "< 5"
    assert str(cells[1]) == "×"
    assert str(cells[2]) == "30"


def test_two_small_counts_protect_each_other_and_nothing_small_is_shown():
    assert [c.mark for c in protect_group([1, 2, 40])] == [SMALL_MARK, SMALL_MARK, SHOWN]
    assert [c.mark for c in protect_group([0, 5, 6])] == [SHOWN, SHOWN, SHOWN]
    assert [str(c) for c in protect_group([4])] == ["< 5"]


# --- The tables -----------------------------------------------------------------------------


@pytest.fixture
def data(house, kabouters):
    """Kalmthout: 6 open requests (children 5 months old at their start); Essen: 2 open;
    Kalmthout: 5 placed after 10 to 50 days, 3 of them with the social-tariff box."""
    for _ in range(6):
        make_request(house)
    for _ in range(2):
        make_request(house, municipality="Essen")
    for index, wait in enumerate((10, 20, 30, 40, 50)):
        placed_request(house, kabouters, wait_days=wait, social=index < 3)
    return house


def test_open_requests_placements_and_the_median_wait_per_municipality(data):
    figures = childcare_figures(data)
    municipalities = table(figures, "municipality")
    kalmthout, essen = row(municipalities, "Kalmthout"), row(municipalities, "Essen")
    assert kalmthout.open.value == 6 and essen.open.value == 2
    assert str(essen.open) == "< 5"
    assert str(kalmthout.open) == "×"  # else 8 open requests in all would give Essen's 2 away
    assert str(kalmthout.placed) == "5"
    assert str(kalmthout.median) == "30"
    # 3 of the 5 ticked the social-tariff box: 3 and the 2 others are both small
    assert kalmthout.social.value == 3
    assert str(kalmthout.social) == "< 5"
    assert str(essen.placed) == "0"


def test_the_tables_per_age_and_per_start_month(data):
    figures = childcare_figures(data)
    ages = table(figures, "age")
    babies = row(ages, "0 tot 11 maanden")
    toddlers = row(ages, "12 tot 23 maanden")
    assert (babies.open.value, babies.placed.value) == (8, 0)
    assert (toddlers.open.value, toddlers.placed.value) == (0, 5)
    assert str(babies.open) == "8" and str(toddlers.placed) == "5"
    months = table(figures, "month")
    assert [r.label for r in months.rows] == [
        date_label(add_months(this_month(), -2)),
        date_label(add_months(this_month(), 2)),
    ]
    assert months.rows[0].placed.value == 5 and months.rows[1].open.value == 8


def date_label(month: date) -> str:
    return date_format(month, "F Y")


def test_an_expected_child_counts_from_its_due_date(house):
    wished = add_months(this_month(), 3)
    for _ in range(5):
        make_request(house, wished=wished, due=add_months(wished, -1))
    for _ in range(5):
        make_request(house, wished=wished, born=add_months(wished, -40))
    ages = table(childcare_figures(house), "age")
    assert row(ages, "0 tot 11 maanden").open.value == 5
    assert row(ages, "36 maanden of ouder").open.value == 5


def test_a_median_needs_five_placements_and_other_statuses_do_not_count(house, kabouters):
    for wait in (10, 20, 30, 40):
        placed_request(house, kabouters, wait_days=wait)
    refused = make_request(house, status=RequestStatus.OPEN)
    place(refused, kabouters, month=this_month(), answered=None, status=PlacementStatus.REFUSED)
    municipalities = table(childcare_figures(house), "municipality")
    kalmthout = row(municipalities, "Kalmthout")
    assert kalmthout.placed.value == 4
    assert str(kalmthout.placed) == "< 5"
    assert str(kalmthout.median) == "–"


def test_withdrawn_closed_and_erased_requests_are_not_open(house):
    for _ in range(5):
        make_request(house)
    make_request(house, status=RequestStatus.WITHDRAWN, ended=moment(this_month()))
    make_request(house, status=RequestStatus.CLOSED, ended=moment(this_month()))
    erased = make_request(house)
    ChildcareRequest.objects.filter(pk=erased.pk).update(erased_at=timezone.now())
    offered = make_request(house, status=RequestStatus.OFFERED)
    assert offered.is_active
    kalmthout = row(table(childcare_figures(house), "municipality"), "Kalmthout")
    assert kalmthout.open.value == 6


def test_another_house_s_requests_are_not_counted(house, other_house):
    for _ in range(5):
        make_request(other_house, municipality="Zoersel")
    make_request(house)
    figures = childcare_figures(house)
    assert [r.label for r in table(figures, "municipality").rows] == ["Kalmthout"]
    assert unmet_demand(house) == []


# --- Unmet demand ---------------------------------------------------------------------------


def test_unmet_demand_per_month_and_municipality(house, other_house, kabouters):
    m = this_month()
    # waiting since M-2, still open: unmet in M-2, M-1 and M
    make_request(house, wished=add_months(m, -2), requested=moment(add_months(m, -5)))
    # wished M-3, placed from M-1: unmet in M-3 and M-2 only
    placed = make_request(
        house,
        wished=add_months(m, -3),
        status=RequestStatus.PLACED,
        requested=moment(add_months(m, -6)),
    )
    place(placed, kabouters, month=add_months(m, -1), answered=moment(add_months(m, -2)))
    # wished M-2, withdrawn during M-1: unmet in M-2 and M-1
    make_request(
        house,
        municipality="Essen",
        wished=add_months(m, -2),
        status=RequestStatus.WITHDRAWN,
        requested=moment(add_months(m, -4)),
        ended=moment(add_months(m, -1) + timedelta(days=10)),
    )
    # filed in M-1 for a start in M-4: unmet from M-1 on
    make_request(house, wished=add_months(m, -4), requested=moment(add_months(m, -1)))
    # a start still to come, and another house: never
    make_request(house, wished=add_months(m, 2))
    make_request(other_house, municipality="Zoersel", wished=add_months(m, -2))
    found = {(item.month, item.municipality.name): item.count for item in unmet_demand(house)}
    assert found == {
        (add_months(m, -3), "Kalmthout"): 1,
        (add_months(m, -2), "Kalmthout"): 2,
        (add_months(m, -2), "Essen"): 1,
        (add_months(m, -1), "Kalmthout"): 2,
        (add_months(m, -1), "Essen"): 1,
        (m, "Kalmthout"): 2,
    }
    # the items read as (month, municipality, count)
    month, municipality, count = unmet_demand(house, [m])[0]
    assert (month, municipality.name, count) == (m, "Kalmthout", 2)


def test_unmet_demand_on_the_page_hides_small_counts(house):
    for _ in range(7):
        make_request(house, wished=add_months(this_month(), -1))
    make_request(house, municipality="Essen", wished=add_months(this_month(), -1))
    unmet = childcare_figures(house).unmet
    assert {(r.municipality.name, str(r.count)) for r in unmet if r.month == this_month()} == {
        ("Essen", "< 5"),
        ("Kalmthout", "×"),
    }


# --- Urgent requests ------------------------------------------------------------------------


def make_urgent(house, *, due, answered=None, status=UrgentStatus.PLACED):
    family = Family.objects.create(name="Gezin Janssens", email="")
    child = Child.objects.create(family=family, birth_date=date(2025, 3, 1))
    return UrgentRequest.objects.create(
        house=house,
        family=family,
        child=child,
        municipality=Municipality.objects.get(name="Kalmthout"),
        reason=UrgentReason.WORK,
        needed_from=due,
        half_days=6,
        answer_due=due,
        answered_at=answered,
        status=status,
    )


def test_urgent_requests_answered_in_time_per_month(house):
    due = add_months(this_month(), -1) + timedelta(days=9)
    for _ in range(6):
        make_urgent(house, due=due, answered=moment(due - timedelta(days=1)))
    make_urgent(house, due=due, answered=moment(due + timedelta(days=2)))
    make_urgent(house, due=due, status=UrgentStatus.NEW)  # still waiting past its term
    make_urgent(house, due=due, status=UrgentStatus.WITHDRAWN)  # not counted
    rows = childcare_figures(house).urgent
    assert len(rows) == 1
    urgent = rows[0]
    assert urgent.month == add_months(this_month(), -1)
    assert (urgent.due.value, urgent.in_time.value, urgent.late.value) == (8, 6, 2)
    assert (str(urgent.due), str(urgent.in_time), str(urgent.late)) == ("8", "×", "< 5")


# --- The page -------------------------------------------------------------------------------


def test_the_desk_sees_the_figures_and_no_family(desk_worker, data):
    response = logged_in(desk_worker).get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Kinderopvang in cijfers" in page
    assert "Kalmthout" in page and "Essen" in page
    assert "&lt; 5" in page
    assert "Peeters" not in page and "Mila" not in page


def test_the_csv_holds_the_same_tables(coordinator, data):
    response = logged_in(coordinator).get(URL, {"formaat": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    assert "Per gemeente" in text
    assert "Essen;< 5;0;< 5;–" in text
    assert "Kalmthout;×;5;< 5;30" in text
    assert "Peeters" not in text


@pytest.fixture
def other_desk_worker(other_house):
    organisation = OrganisationFactory(
        name="Lokaal Loket Kinderopvang Zoersel", houses=[other_house], domains=["kinderopvang"]
    )
    DesignationFactory(house=other_house, organisation=organisation)
    user = with_second_factor(UserFactory(email="loket@zoersel.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=organisation)
    return user


def test_outsiders_cannot_see_the_figures(
    client,
    desk_worker,
    coordinator,
    other_desk_worker,
    other_coordinator,
    outsider,
    provider_worker,
    data,
):
    for person in (other_desk_worker, other_coordinator, outsider, provider_worker):
        someone = logged_in(person)
        assert someone.get(URL).status_code == 404
        assert someone.get(URL, {"formaat": "csv"}).status_code == 404
    anonymous = client.get(URL, {"formaat": "csv"})
    assert anonymous.status_code == 302
    assert "/accounts/login/" in anonymous["Location"]
    # the positive controls
    assert logged_in(desk_worker).get(URL).status_code == 200
    assert logged_in(coordinator).get(URL).status_code == 200


def test_the_page_reads_a_fixed_number_of_queries(desk_worker, house, kabouters):
    client = logged_in(desk_worker)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL).status_code == 200
        return len(queries)

    make_request(house)
    placed_request(house, kabouters, wait_days=3)
    few = count()
    for index in range(10):
        make_request(house, municipality="Essen" if index % 2 else "Kalmthout")
        placed_request(house, kabouters, wait_days=index, municipality="Wuustwezel")
    assert count() == few
