"""The plan's services: goals, annual plans and actions, every bad input refused with a Dutch
message (nothing changes), the status workflow with its history, the trail."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.steering import services
from huisvanhetkind.steering.models import Action, ActionEvent, AnnualPlan, Goal, PlanPeriod
from huisvanhetkind.steering.workflow import ActionStatus
from tests.factories import GroupFactory
from tests.steering.conftest import action_data, goal_data


def _refused(call, field, text):
    with pytest.raises(ValidationError) as error:
        call()
    assert text in " ".join(error.value.message_dict[field])


def test_the_coordinator_creates_a_goal_and_the_trail_says_so(coordinator, period):
    goal = services.goal_create(actor=coordinator, period=period, data=goal_data(weight=3))
    assert goal.weight == 3 and goal.policy_objective_code == "BD3"
    event = AuditEvent.objects.get(target_type="steering.goal", target_id=str(goal.pk))
    assert event.action == "create" and event.actor == coordinator
    assert event.house == period.house


def test_a_period_whose_end_is_before_its_start_is_refused(house, year):
    _refused(
        lambda: services.period_create(
            actor=None, house=house, data={"title": "x", "start_year": year, "end_year": year - 1}
        ),
        "end_year",
        "Het eindjaar ligt voor het beginjaar.",
    )
    assert not PlanPeriod.objects.exists()


def test_overlapping_periods_are_refused(house, period, year):
    _refused(
        lambda: services.period_create(
            actor=None, house=house, data={"title": "x", "start_year": year, "end_year": year + 1}
        ),
        "start_year",
        "overlappen",
    )


def test_a_weight_of_zero_is_refused(period):
    _refused(
        lambda: services.goal_create(actor=None, period=period, data=goal_data(weight=0)),
        "weight",
        "Het gewicht is een geheel getal van 1 tot 100.",
    )
    assert not Goal.objects.exists()


def test_an_annual_plan_needs_a_period_that_covers_its_year(house, period, year):
    _refused(
        lambda: services.annual_plan_create(actor=None, house=house, year=year + 10),
        "year",
        "Geen beleidsperiode omvat",
    )
    services.annual_plan_create(actor=None, house=house, year=year)
    _refused(
        lambda: services.annual_plan_create(actor=None, house=house, year=year),
        "year",
        "Er is al een jaarplan",
    )
    assert AnnualPlan.objects.count() == 1


def test_an_action_is_created_with_its_first_history_and_the_trail(
    coordinator, plan, goal, year, organisation, other_organisation
):
    action = services.action_create(
        actor=coordinator,
        plan=plan,
        data=action_data(
            goal,
            year,
            lead_organisation=organisation,
            participants=[other_organisation],
            budget=Decimal("1500"),
            gap_ids=["gap-opvoedingsondersteuning-3-6-11022"],
        ),
    )
    assert list(action.participants.all()) == [other_organisation]
    assert action.events.get().to_status == ActionStatus.PLANNED
    event = AuditEvent.objects.get(target_type="steering.action")
    assert event.action == "create" and event.changes["budget"] == [None, "1500"]


@pytest.mark.parametrize(
    ("overrides", "field", "text"),
    [
        ({"ends_on": date(2000, 1, 1)}, "ends_on", "De einddatum ligt voor de startdatum."),
        ({"weight": 0}, "weight", "Het gewicht is een geheel getal van 1 tot 100."),
        (
            {"indicator": "onbekend", "baseline": 1, "target": 2, "target_on": date(2030, 1, 1)},
            "indicator",
            "Deze indicator bestaat niet",
        ),
        (
            {
                "indicator": "partners_in_network",
                "baseline": Decimal(5),
                "target": Decimal(5),
                "target_on": date(2030, 1, 1),
            },
            "target",
            "moet verschillen van de beginwaarde",
        ),
        (
            {"indicator": "partners_in_network"},
            "baseline",
            "Een gemeten actie heeft een beginwaarde.",
        ),
        ({"gap_ids": ["kinderopvang 0-3"]}, "gap_ids", "is geen geldige lacune"),
        ({"progress": 120}, "progress", "De voortgang is een percentage van 0 tot 100."),
        ({"budget": Decimal(-1)}, "budget", "Het budget kan niet negatief zijn."),
    ],
)
def test_bad_action_input_is_refused_and_nothing_is_saved(plan, goal, year, overrides, field, text):
    if "ends_on" in overrides:
        overrides = {**overrides, "starts_on": date(year, 6, 1), "ends_on": date(year, 5, 1)}
    _refused(
        lambda: services.action_create(
            actor=None, plan=plan, data=action_data(goal, year, **overrides)
        ),
        field,
        text,
    )
    assert not Action.objects.exists()


def test_an_end_date_outside_the_plan_year_is_refused(plan, goal, year):
    _refused(
        lambda: services.action_create(
            actor=None, plan=plan, data=action_data(goal, year, ends_on=date(year + 1, 3, 1))
        ),
        "ends_on",
        "buiten het planjaar",
    )


def test_a_lead_or_group_of_another_house_is_refused(plan, goal, year, other_house, far_outsider):
    stranger = far_outsider.roles.get().organisation
    _refused(
        lambda: services.action_create(
            actor=None, plan=plan, data=action_data(goal, year, lead_organisation=stranger)
        ),
        "lead_organisation",
        "actieve partner",
    )
    group = GroupFactory(house=other_house)
    _refused(
        lambda: services.action_create(
            actor=None, plan=plan, data=action_data(goal, year, working_group=group)
        ),
        "working_group",
        "groep van dit huis",
    )


def test_status_moves_follow_the_workflow_and_keep_their_history(coordinator, plan, goal, year):
    action = services.action_create(actor=coordinator, plan=plan, data=action_data(goal, year))
    services.action_status_change(
        actor=coordinator, action=action, status="running", note="Gestart"
    )
    services.action_status_change(actor=coordinator, action=action, status="done")
    with pytest.raises(
        ValidationError, match="Een actie met status “afgerond” kan niet “uitgesteld” worden."
    ):
        services.action_status_change(actor=coordinator, action=action, status="postponed")
    action.refresh_from_db()
    assert action.status == "done"
    assert [(e.from_status, e.to_status) for e in ActionEvent.objects.filter(action=action)] == [
        ("", "planned"),
        ("planned", "running"),
        ("running", "done"),
    ]
    changes = [
        e.changes for e in AuditEvent.objects.filter(target_type="steering.action", action="update")
    ]
    assert {"status": ["running", "done"]} in changes


def test_a_progress_note_is_dated_and_audited(member, plan, goal, year):
    action = services.action_create(actor=member, plan=plan, data=action_data(goal, year))
    note = services.progress_note_add(
        actor=member, action=action, text="Eerste schoolpoort gedaan."
    )
    assert note.author == member
    assert AuditEvent.objects.filter(target_type="steering.progressnote", actor=member).exists()
    _refused(
        lambda: services.progress_note_add(actor=member, action=action, text="  "),
        "text",
        "Schrijf kort hoe de actie loopt.",
    )


def test_an_update_is_audited_with_what_changed(coordinator, plan, goal, year):
    action = services.action_create(actor=None, plan=plan, data=action_data(goal, year))
    services.action_update(
        actor=coordinator, action=action, data=action_data(goal, year, progress=40, weight=2)
    )
    event = AuditEvent.objects.get(target_type="steering.action", action="update")
    assert event.changes == {"weight": [1, 2], "progress": [0, 40]}


def test_a_partner_who_is_not_in_the_steering_group_cannot_edit(worker, period):
    with pytest.raises(ValidationError, match="Alleen de coördinator en de stuurgroep"):
        services.goal_create(actor=worker, period=period, data=goal_data())


def test_a_goal_with_actions_is_not_deleted(coordinator, plan, goal, year):
    services.action_create(actor=None, plan=plan, data=action_data(goal, year))
    with pytest.raises(ValidationError, match="Aan deze doelstelling hangen acties"):
        services.goal_delete(actor=coordinator, goal=goal)
    assert Goal.objects.filter(pk=goal.pk).exists()


def test_a_gap_id_must_name_a_cell_of_the_house(plan, goal, year):
    # Well formed, but 11057 is not one of Kalmthout's municipalities.
    _refused(
        lambda: services.action_create(
            actor=None,
            plan=plan,
            data=action_data(goal, year, gap_ids=["gap-kinderopvang-0-3-11057"]),
        ),
        "gap_ids",
        "is geen lacune van dit huis",
    )
    action = services.action_create(
        actor=None, plan=plan, data=action_data(goal, year, gap_ids=["gap-kinderopvang-0-3-11022"])
    )
    assert action.gap_ids == ["gap-kinderopvang-0-3-11022"]
