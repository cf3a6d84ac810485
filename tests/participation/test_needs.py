"""The needs page of a house: every source in one place, counts of 1 to 4 hidden with their
complements, only for the coordinator and the steering group of the house."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from huisvanhetkind.participation import figures, selectors_needs
from huisvanhetkind.referrals.models import Referral
from huisvanhetkind.referrals.workflow import DeclineReason, ReferralStatus
from tests.conftest import logged_in
from tests.factories import PolicySignalFactory, QuestionFactory
from tests.participation.figures_helpers import numbers_in_cells, steering_member  # noqa: F401

pytestmark = pytest.mark.django_db


def url(house):
    return reverse("participation:needs", kwargs={"house_slug": house.slug})


# The protection of one row -------------------------------------------------------------------


def shown(counts):
    return [c.value for c in counts if c.shown]


def test_protect_hides_small_counts_and_a_complement():
    counts, total = figures.protect([12, 3, 9, 0])
    assert [str(c) for c in counts] == ["12", "< 5", "×", "0"]
    assert str(total) == "24"


def test_protect_two_small_counts_that_are_not_both_four_protect_each_other():
    counts, total = figures.protect([12, 3, 2])
    assert [str(c) for c in counts] == ["12", "< 5", "< 5"]
    assert total.shown


def test_protect_two_fours_need_a_complement():
    counts, _total = figures.protect([12, 4, 4])
    assert [c.shown for c in counts] == [False, False, False]


def test_protect_a_small_total_hides_everything_but_zeros():
    counts, total = figures.protect([3, 0, 1])
    assert [str(c) for c in counts] == ["< 5", "0", "< 5"] and str(total) == "< 5"


@pytest.mark.parametrize(
    "values",
    [[1], [4, 5], [1, 1, 1, 1, 1], [5, 4, 4, 4], [0, 4, 0, 7], [30, 2, 40, 1, 5], [4, 4]],
)
def test_protect_never_shows_one_to_four_and_never_lets_the_total_give_one_back(values):
    counts, total = figures.protect(values)
    assert not [v for v in shown(counts) + shown([total]) if 0 < v < 5]
    hidden = [c for c in counts if c.hidden]
    assert len(hidden) != 1 or not total.shown


# The page ------------------------------------------------------------------------------------


@pytest.fixture
def sources(house, organisation):
    for _ in range(7):
        QuestionFactory(house=house)
    QuestionFactory(house=house, created_at=timezone.now() - timedelta(days=40))
    for _ in range(6):
        PolicySignalFactory(house=house, organisation=organisation)
    PolicySignalFactory(
        house=house, organisation=organisation, observed_on=timezone.localdate() - timedelta(60)
    )
    return house


def test_needs_brings_the_sources_together(sources, coordinator):
    overview = selectors_needs.needs_overview(sources)
    keys = [source.key for source in overview.sources]
    assert keys == ["vragen", "verwijzingen", "kinderopvang", "signalen"]
    questions = overview.sources[0]
    assert len(questions.trend.counts) == 12
    assert str(questions.trend.counts[-1]) == "×"  # 7 this month, hidden with last month's 1
    assert str(questions.tables[0].total) == "8"


def test_needs_page_for_the_coordinator_without_small_numbers(sources, coordinator):
    response = logged_in(coordinator).get(url(sources))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Noden en behoeften" in page and "<svg" in page and "<script" not in page
    assert "&lt; 5" in page
    assert not [n for n in numbers_in_cells(page) if 0 < n < 5]
    assert response["Cache-Control"] == "private, no-store"


def test_needs_counts_referrals_without_capacity_and_without_help(house, referral):
    months = selectors_needs.months_of()
    assert sum(c.value for c in selectors_needs._referrals(house, months).trend.counts) == 0
    Referral.objects.filter(pk=referral.pk).update(
        status=ReferralStatus.DECLINED, decline_reason=DeclineReason.NO_CAPACITY
    )
    source = selectors_needs._referrals(house, months)
    assert sum(c.value for c in source.trend.counts) == 1
    assert [str(c) for c in source.trend.counts if c.value] == ["< 5"]
    Referral.objects.filter(pk=referral.pk).update(
        status=ReferralStatus.DECLINED, decline_reason=DeclineReason.OUTSIDE_AREA
    )
    assert sum(c.value for c in selectors_needs._referrals(house, months).trend.counts) == 0
    Referral.objects.filter(pk=referral.pk).update(status=ReferralStatus.NO_HELP)
    assert sum(c.value for c in selectors_needs._referrals(house, months).trend.counts) == 1


def test_needs_page_for_the_steering_group(sources, steering_member):  # noqa: F811
    assert logged_in(steering_member).get(url(sources)).status_code == 200


def test_needs_page_refuses_outsiders(sources, other_coordinator, worker, outsider):
    for user in (other_coordinator, worker, outsider):
        assert logged_in(user).get(url(sources)).status_code == 404
    anonymous = Client().get(url(sources))
    assert anonymous.status_code == 302 and "Noden" not in anonymous.content.decode()


def test_needs_of_another_house_shows_nothing_of_this_one(sources, other_house, other_coordinator):
    page = logged_in(other_coordinator).get(url(other_house)).content.decode()
    assert "Noden en behoeften" in page
    overview = selectors_needs.needs_overview(other_house)
    assert all(c.value == 0 for s in overview.sources for c in s.trend.counts)
