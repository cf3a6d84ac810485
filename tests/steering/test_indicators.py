"""The live indicators on fixture data, and the roll-up of progress from actions to goals to
domains (equal weights by default, the steering group's weights when set)."""

from datetime import timedelta
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from huisvanhetkind.referrals.workflow import ReferralStatus
from huisvanhetkind.steering import indicators, selectors, services
from tests.factories import (
    ActivityFactory,
    OrganisationFactory,
    QuestionFactory,
    ServiceFactory,
    SessionFactory,
)
from tests.referrals.helpers import send
from tests.steering.conftest import action_data


def _ago(days):
    return timezone.now() - timedelta(days=days)


def test_speelbabbel_sessions_count_the_held_sessions_of_this_year(house, other_house, year):
    speelbabbel = ActivityFactory(house=house, title="Speelbabbel in de bib")
    SessionFactory(activity=speelbabbel, starts_at=_ago(1))
    SessionFactory(activity=speelbabbel, starts_at=_ago(2))
    SessionFactory(activity=speelbabbel, starts_at=_ago(3), is_cancelled=True)
    SessionFactory(activity=speelbabbel)  # still to come
    SessionFactory(activity=ActivityFactory(house=house, title="Babymassage"), starts_at=_ago(1))
    SessionFactory(
        activity=ActivityFactory(house=other_house, title="Speelbabbel"), starts_at=_ago(1)
    )
    values = indicators.indicator_values(house, year, ["speelbabbel_sessions", "sessions_held"])
    assert values == {"speelbabbel_sessions": Decimal(2), "sessions_held": Decimal(3)}


def test_offer_verified_share_counts_the_published_offer_checked_in_a_year(house, organisation):
    fresh = ServiceFactory(organisation=organisation)
    fresh.last_verified_at = _ago(10)
    stale = ServiceFactory(organisation=organisation)
    stale.last_verified_at = _ago(400)
    stale.created_at = _ago(800)
    for service in (fresh, stale):
        service.save()
    ServiceFactory(organisation=organisation, status="draft")
    value = indicators.indicator_values(house, 2026, ["offer_verified_share"])
    assert value["offer_verified_share"] == Decimal("50.0")


def test_questions_answered_in_three_working_days(house, year):
    today = timezone.localdate()
    QuestionFactory(house=house, due_on=today - timedelta(days=1), first_answered_at=_ago(5))
    QuestionFactory(house=house, due_on=today - timedelta(days=10), first_answered_at=_ago(2))
    QuestionFactory(house=house, due_on=today - timedelta(days=1))  # open and late
    QuestionFactory(house=house, due_on=today + timedelta(days=2))  # still in time: not counted
    value = indicators.indicator_values(house, year, ["questions_answered_in_3_working_days"])
    assert value["questions_answered_in_3_working_days"] == Decimal("33.3")


def test_partners_in_network_counts_active_partnerships(house, organisation, other_organisation):
    paused = OrganisationFactory(houses=[house])
    paused.partnerships.update(status="paused")
    assert indicators.indicator_values(house, 2026, ["partners_in_network"]) == {
        "partners_in_network": Decimal(2)
    }


def test_referrals_got_help_and_small_counts_are_hidden(
    house, year, worker, organisation, receiving_organisation, receiving_service
):
    referral, _token, _code = send(
        house, worker, organisation, receiving_organisation, receiving_service
    )
    referral.status = ReferralStatus.GOT_HELP
    referral.save(update_fields=["status"])
    value = indicators.indicator_values(house, year, ["referrals_got_help"])["referrals_got_help"]
    assert value == Decimal(1)
    assert indicators.shown_value("referrals_got_help", value) == "< 5"
    assert indicators.shown_value("partners_in_network", Decimal(3)) == "3"


def test_an_unknown_indicator_is_left_out():
    assert indicators.indicator_values(None, 2026, ["bestaat_niet"]) == {}


def test_progress_is_where_the_value_stands_between_baseline_and_target():
    assert indicators.progress_between(Decimal(15), Decimal(10), Decimal(20)) == 50
    assert indicators.progress_between(Decimal(30), Decimal(10), Decimal(20)) == 100
    assert indicators.progress_between(Decimal(5), Decimal(10), Decimal(20)) == 0
    # A target below the baseline (fewer late questions): going down is progress.
    assert indicators.progress_between(Decimal(8), Decimal(10), Decimal(6)) == 50
    assert indicators.progress_between(None, Decimal(10), Decimal(6)) is None


def test_progress_rolls_up_with_equal_weights_by_default(plan, goal, other_goal, year):
    services.action_create(actor=None, plan=plan, data=action_data(goal, year, progress=20))
    services.action_create(actor=None, plan=plan, data=action_data(goal, year, progress=60))
    services.action_create(actor=None, plan=plan, data=action_data(other_goal, year, progress=100))
    tree = selectors.plan_tree(plan.period, plan)
    goals = {row.goal.pk: row.progress for d in tree.domains for row in d.goals}
    assert goals == {goal.pk: 40, other_goal.pk: 100}
    assert [d.progress for d in tree.domains] == [100, 40]  # by the domains' order
    assert tree.progress == 70


def test_progress_rolls_up_with_the_steering_groups_weights(plan, goal, year):
    services.action_create(
        actor=None, plan=plan, data=action_data(goal, year, progress=20, weight=3)
    )
    services.action_create(actor=None, plan=plan, data=action_data(goal, year, progress=60))
    dropped = services.action_create(
        actor=None, plan=plan, data=action_data(goal, year, progress=0)
    )
    services.action_status_change(actor=None, action=dropped, status="dropped")
    tree = selectors.plan_tree(plan.period, plan)
    assert tree.domains[0].goals[0].progress == 30  # (20*3 + 60*1) / 4; dropped left out


def test_a_measured_action_takes_its_progress_from_the_indicator(
    plan, goal, year, organisation, other_organisation
):
    services.action_create(
        actor=None,
        plan=plan,
        data=action_data(
            goal,
            year,
            indicator="partners_in_network",
            baseline=Decimal(0),
            target=Decimal(4),
            target_on=timezone.localdate(),
        ),
    )
    tree = selectors.plan_tree(plan.period, plan)
    row = tree.domains[0].goals[0].actions[0]
    assert (row.value, row.progress) == (Decimal(2), 50)


def test_the_plan_tree_computes_each_indicator_once_whatever_the_number_of_actions(
    plan, goal, year
):
    def add(n):
        for _ in range(n):
            services.action_create(
                actor=None,
                plan=plan,
                data=action_data(
                    goal,
                    year,
                    indicator="partners_in_network",
                    baseline=Decimal(0),
                    target=Decimal(10),
                    target_on=timezone.localdate(),
                ),
            )

    def count():
        with CaptureQueriesContext(connection) as queries:
            selectors.plan_tree(plan.period, plan)
        return len(queries)

    add(2)
    count()  # the period's house, read once
    few = count()
    add(20)
    assert count() == few
