"""The family plan's services: made at the round table with the family's consent, one plan per
family per house, partners only with consent, goals seen only by the partners the family chose
(and a young person's agreement), agreements with a status history, the family's comments and
erasure request, the to-do list, handover and retention. Bad input gets a Dutch message and
changes nothing."""

from datetime import timedelta

import pytest
from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.core import handover
from huisvanhetkind.families.models import Family
from huisvanhetkind.familyplans import access, selectors, services
from huisvanhetkind.familyplans.models import (
    Action,
    ActionEvent,
    Comment,
    FamilyPlan,
    Goal,
    PlanPartner,
    SetVia,
)
from huisvanhetkind.familyplans.todo import family_plan_items
from huisvanhetkind.familyplans.workflow import ActionStatus, PlanStatus
from huisvanhetkind.network.models import Role
from huisvanhetkind.referrals.models import Consent
from huisvanhetkind.referrals.services import consent_withdraw
from tests.factories import RoleFactory, UserFactory
from tests.familyplans.conftest import TEENAGER_BORN, consent, make_plan

pytestmark = pytest.mark.django_db


def counts():
    return (
        FamilyPlan.objects.count(),
        PlanPartner.objects.count(),
        Goal.objects.count(),
        Action.objects.count(),
        Consent.objects.count(),
        Comment.objects.count(),
    )


def test_a_plan_is_made_with_the_familys_consent_and_a_review_in_four_months(
    plan, worker, organisation, house
):
    today = timezone.localdate()
    assert plan.review_on == today + relativedelta(months=4)
    part = plan.partners.get()
    assert part.organisation == organisation
    assert part.consent.recipient == organisation and part.consent.family == plan.family
    assert "gezinsplan" in part.consent.purpose.lower()
    assert plan.family.name == "Gezin Peeters"
    event = AuditEvent.objects.get(target_type="familyplans.familyplan", action="create")
    assert event.organisation == organisation and event.reason


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"family_present": False}, "family_present", "gezin erbij"),
        ({"family_name": "  "}, "family_name", "naam van het gezin"),
        ({"email": "", "phone": ""}, "email", "e-mailadres of een telefoonnummer"),
        ({"consent": consent(expires_on=None)}, "expires_on", "toekomst"),
        ({"consent": consent(given_by="")}, "given_by", "wie de toestemming"),
        ({"review_on": timezone.localdate()}, "review_on", "na vandaag"),
    ],
)
def test_bad_input_for_a_new_plan_gets_a_dutch_message_and_changes_nothing(
    house, worker, organisation, overrides, field, message
):
    before = counts()
    families = Family.objects.count()
    with pytest.raises(ValidationError) as error:
        make_plan(house, worker, organisation, **overrides)
    assert message in " ".join(error.value.message_dict[field])
    assert counts() == before and Family.objects.count() == families


def test_one_plan_per_family_per_house(plan, house, worker, organisation):
    before = counts()
    with pytest.raises(ValidationError, match="al een gezinsplan"):
        make_plan(house, worker, organisation, email="GEZIN.PEETERS@example.be")
    assert counts() == before


def test_only_an_organisation_one_works_for_makes_a_plan(house, outsider, organisation):
    with pytest.raises(ValidationError, match="waarvoor u werkt"):
        make_plan(house, outsider, organisation)
    assert not FamilyPlan.objects.exists()


def test_a_partner_joins_only_with_consent_and_sees_only_the_goals_chosen_for_it(
    full_plan, nurse, social_worker, outsider_worker, other_organisation, third_organisation
):
    today = timezone.localdate()
    seen = access.get_plan_for_user(nurse, full_plan.pk)
    assert seen.organisation == other_organisation
    view = selectors.plan_read(
        actor=nurse, plan=full_plan, organisation=seen.organisation, today=today
    )
    assert [g.text for g in view.goals] == ["We willen dat Noor beter slaapt"]
    assert view.hidden == 1
    social = selectors.plan_read(
        actor=social_worker, plan=full_plan, organisation=third_organisation, today=today
    )
    assert len(social.goals) == 2
    # The outsider takes no part: the same 404 as a plan that does not exist.
    with pytest.raises(Http404):
        access.get_plan_for_user(outsider_worker, full_plan.pk)
    with pytest.raises(Http404):
        access.get_plan_for_user(outsider_worker, full_plan.pk + 1000)
    read = AuditEvent.objects.filter(action="read", target_id=str(full_plan.pk))
    assert read.filter(organisation=other_organisation).exists()


def test_an_expired_consent_hides_the_plan_at_once(full_plan, nurse, other_organisation):
    assert access.get_plan_for_user(nurse, full_plan.pk)
    part = full_plan.partners.get(organisation=other_organisation)
    Consent.objects.filter(pk=part.consent_id).update(
        expires_on=timezone.localdate() - timedelta(days=1)
    )
    with pytest.raises(Http404):
        access.get_plan_for_user(nurse, full_plan.pk)
    # No job ran: the check is at every read. Nor does it see it in its list or its to-do.
    assert full_plan not in selectors.plans_for_organisations(
        {other_organisation.pk}, timezone.localdate()
    )
    with pytest.raises(ValidationError):
        services.action_transition(
            actor=nurse, action=full_plan.actions.get(), status=ActionStatus.DONE
        )


def test_a_withdrawn_consent_hides_the_plan_and_a_new_one_lets_the_partner_back(
    full_plan, worker, nurse, other_organisation
):
    part = full_plan.partners.get(organisation=other_organisation)
    consent_withdraw(consent=part.consent, reason="het gezin wil het niet meer")
    with pytest.raises(Http404):
        access.get_plan_for_user(nurse, full_plan.pk)
    services.plan_partner_add(
        actor=worker,
        plan=full_plan,
        organisation=other_organisation,
        consent=consent(),
        family_present=True,
    )
    assert access.get_plan_for_user(nurse, full_plan.pk).organisation == other_organisation
    assert full_plan.partners.filter(organisation=other_organisation).count() == 1


def test_adding_a_partner_refuses_bad_input_and_changes_nothing(
    full_plan, worker, nurse, outsider_worker, other_organisation, fourth_organisation, other_house
):
    before = counts()
    cases = [
        (worker, other_organisation, True, "neemt al deel"),
        (worker, fourth_organisation, False, "gezin erbij"),
        (worker, None, True, "partner van dit huis"),
        (outsider_worker, fourth_organisation, True, "niet (meer) deel"),
    ]
    for actor, organisation, present, message in cases:
        with pytest.raises(
            ValidationError, match=r".*" + message.replace("(", r"\(").replace(")", r"\)")
        ):
            services.plan_partner_add(
                actor=actor,
                plan=full_plan,
                organisation=organisation,
                consent=consent(),
                family_present=present,
            )
    with pytest.raises(ValidationError):
        services.plan_partner_add(
            actor=worker,
            plan=full_plan,
            organisation=fourth_organisation,
            consent=consent(expires_on=timezone.localdate() + timedelta(days=800)),
            family_present=True,
        )
    assert counts() == before


def test_the_family_sets_who_sees_a_goal_and_it_is_recorded_how(
    full_plan, nurse, worker, other_organisation, organisation
):
    goal = full_plan.private_goal
    services.goal_visibility_set(
        goal=goal, organisations=[organisation, other_organisation], via=SetVia.FAMILY_LINK
    )
    goal.refresh_from_db()
    assert goal.visibility_set_via == SetVia.FAMILY_LINK and goal.visibility_set_by is None
    view = selectors.plan_read(
        actor=nurse, plan=full_plan, organisation=other_organisation, today=timezone.localdate()
    )
    assert len(view.goals) == 2
    services.goal_visibility_set(
        goal=goal,
        organisations=[organisation],
        via=SetVia.WITH_FAMILY,
        actor=worker,
        family_present=True,
    )
    goal.refresh_from_db()
    assert goal.visibility_set_by == worker and goal.visibility_set_via == SetVia.WITH_FAMILY
    event = (
        AuditEvent.objects.filter(target_type="familyplans.goal", action="update")
        .order_by("pk")
        .last()
    )
    assert event.changes["visible_to"][1] == [organisation.pk]
    # A professional without the family present, or an organisation outside the plan: refused.
    with pytest.raises(ValidationError, match="gezin erbij"):
        services.goal_visibility_set(
            goal=goal, organisations=[organisation], via=SetVia.WITH_FAMILY, actor=worker
        )
    with pytest.raises(ValidationError):
        services.goal_visibility_set(goal=goal, organisations=[], via=SetVia.WITH_FAMILY)


def test_visibility_only_for_partners_of_the_plan(full_plan, fourth_organisation):
    goal = full_plan.shared_goal
    before = sorted(goal.visible_to.values_list("pk", flat=True))
    with pytest.raises(ValidationError, match="deelnemen aan het plan"):
        services.goal_visibility_set(
            goal=goal, organisations=[fourth_organisation], via=SetVia.FAMILY_LINK
        )
    assert sorted(goal.visible_to.values_list("pk", flat=True)) == before


def test_a_goal_about_a_child_of_12_or_older_needs_the_childs_agreement(
    full_plan, worker, nurse, organisation, other_organisation
):
    teenager = services.plan_child_add(
        actor=worker, plan=full_plan, first_name="Lars", birth_date=TEENAGER_BORN
    )
    goal = services.goal_add(
        actor=worker,
        plan=full_plan,
        text="Lars wil weer naar de voetbal",
        child=teenager,
        visible_to=[organisation, other_organisation],
        family_present=True,
    )
    today = timezone.localdate()
    assert services.child_needs_agreement(goal, today)
    view = selectors.plan_read(
        actor=nurse, plan=full_plan, organisation=other_organisation, today=today
    )
    assert goal not in view.goals and goal in view.awaiting_agreement
    # No agreement on an action for it either.
    with pytest.raises(ValidationError):
        services.action_add(
            actor=worker,
            plan=full_plan,
            goal=goal,
            what="Inschrijven",
            organisation=organisation,
        )
    services.goal_child_agree(goal=goal, via=SetVia.FAMILY_LINK)
    goal.refresh_from_db()
    assert goal.child_agreed_via == SetVia.FAMILY_LINK and goal.child_agreed_at
    view = selectors.plan_read(
        actor=nurse, plan=full_plan, organisation=other_organisation, today=today
    )
    assert goal in view.goals
    with pytest.raises(ValidationError, match="geen akkoord"):
        services.goal_child_agree(goal=goal, via=SetVia.FAMILY_LINK)


def test_a_young_persons_agreement_at_the_table_is_recorded_with_the_professional(
    plan, worker, organisation
):
    teenager = services.plan_child_add(
        actor=worker, plan=plan, first_name="Lars", birth_date=TEENAGER_BORN
    )
    goal = services.goal_add(
        actor=worker,
        plan=plan,
        text="Lars wil weer naar de voetbal",
        child=teenager,
        visible_to=[organisation],
        family_present=True,
        child_agrees=True,
    )
    assert goal.child_agreed_by == worker and goal.child_agreed_via == SetVia.WITH_FAMILY


def test_a_goal_refuses_bad_input_and_changes_nothing(
    plan, worker, organisation, fourth_organisation
):
    before = counts()
    for kwargs, message in [
        ({"text": " "}, "woorden van het gezin"),
        ({"text": "x" * 1001}, "Hoogstens"),
        ({"family_present": False}, "gezin erbij"),
        ({"visible_to": [fourth_organisation]}, "deelnemen aan het plan"),
    ]:
        data = {
            "actor": worker,
            "plan": plan,
            "text": "Rust in huis",
            "visible_to": [organisation],
            "family_present": True,
            **kwargs,
        }
        with pytest.raises(ValidationError, match=message):
            services.goal_add(**data)
    assert counts() == before


def test_an_action_moves_through_its_states_with_an_append_only_history(full_plan, nurse):
    action = full_plan.actions.get()
    services.action_transition(actor=nurse, action=action, status=ActionStatus.IN_PROGRESS)
    services.action_transition(actor=nurse, action=action, status=ActionStatus.DONE)
    with pytest.raises(ValidationError, match="kan niet"):
        services.action_transition(actor=nurse, action=action, status=ActionStatus.DROPPED)
    with pytest.raises(ValidationError, match="status uit de lijst"):
        services.action_transition(actor=nurse, action=action, status="vergeten")
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE
    steps = [(e.from_status, e.to_status) for e in action.events.all()]
    assert steps == [("", "open"), ("open", "in_progress"), ("in_progress", "done")]
    event = action.events.first()
    with pytest.raises(ValueError):
        event.save()
    assert ActionEvent.objects.count() == 3


def test_an_action_is_only_for_a_partner_that_sees_the_goal(
    full_plan, worker, other_organisation, fourth_organisation, social_worker
):
    before = counts()
    for goal, organisation, person, message in [
        (full_plan.private_goal, other_organisation, None, "mag dit doel niet zien"),
        (full_plan.shared_goal, fourth_organisation, None, "met toestemming deelneemt"),
        (full_plan.shared_goal, other_organisation, social_worker, "voor deze organisatie werkt"),
        (None, other_organisation, None, "doel van dit plan"),
    ]:
        with pytest.raises(ValidationError, match=message):
            services.action_add(
                actor=worker,
                plan=full_plan,
                goal=goal,
                what="Iets doen",
                organisation=organisation,
                person=person,
            )
    with pytest.raises(ValidationError, match="Zeg wat"):
        services.action_add(
            actor=worker,
            plan=full_plan,
            goal=full_plan.shared_goal,
            what="",
            organisation=other_organisation,
        )
    assert counts() == before


def test_the_nurse_cannot_move_an_action_of_a_goal_she_does_not_see(
    full_plan, worker, social_worker, third_organisation, nurse
):
    action = services.action_add(
        actor=worker,
        plan=full_plan,
        goal=full_plan.private_goal,
        what="Budgetbegeleiding starten",
        organisation=third_organisation,
        person=social_worker,
    )
    with pytest.raises(ValidationError):
        services.action_transition(actor=nurse, action=action, status=ActionStatus.DONE)
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN


def test_the_familys_comment_and_erase_request(full_plan):
    with pytest.raises(ValidationError, match="Schrijf je opmerking"):
        services.comment_add(plan=full_plan, text="  ")
    services.comment_add(plan=full_plan, text="Dank jullie", goal=full_plan.shared_goal)
    assert Comment.objects.count() == 1
    services.plan_erase_request(plan=full_plan)
    full_plan.refresh_from_db()
    assert full_plan.status == PlanStatus.CLOSED and full_plan.erase_requested_at
    assert services.plans_erase_expired() == 1
    assert not FamilyPlan.objects.exists() and not Goal.objects.exists()
    assert not Action.objects.exists() and not Comment.objects.exists()
    assert AuditEvent.objects.filter(action="erase", target_type="familyplans.familyplan").exists()


def test_retention_erases_a_plan_twelve_months_after_it_closed(full_plan, worker, house):
    services.plan_close(actor=worker, plan=full_plan)
    now = timezone.now()
    assert services.plans_erase_expired(now + timedelta(days=364)) == 0
    assert FamilyPlan.objects.exists()
    assert services.plans_erase_expired(now + timedelta(days=366)) == 1
    assert not FamilyPlan.objects.exists()


def test_retention_erases_an_open_plan_nobody_may_see_for_twelve_months(full_plan, house, worker):
    other = make_plan(house, worker, full_plan.organisation, email="ander.gezin@example.be")
    Consent.objects.filter(family_plan_parts__plan=full_plan).update(
        expires_on=timezone.localdate() - timedelta(days=400)
    )
    Consent.objects.filter(family_plan_parts__plan=other).update(
        expires_on=timezone.localdate() - timedelta(days=100)
    )
    assert set(services.erasure_due(timezone.now())) == {full_plan}
    assert services.plans_erase_expired() == 1
    assert list(FamilyPlan.objects.all()) == [other]


def test_a_closed_plan_does_not_change(full_plan, worker, nurse):
    services.plan_close(actor=worker, plan=full_plan)
    with pytest.raises(ValidationError, match="afgesloten"):
        services.goal_add(
            actor=worker,
            plan=full_plan,
            text="Nog iets",
            visible_to=[],
            family_present=True,
        )
    with pytest.raises(ValidationError, match="afgesloten"):
        services.comment_add(plan=full_plan, text="Hallo")
    with pytest.raises(ValidationError):
        services.plan_close(actor=worker, plan=full_plan)


def test_the_review_date_and_late_actions_in_the_to_do(full_plan, worker, nurse):
    assert family_plan_items(worker) == []
    FamilyPlan.objects.filter(pk=full_plan.pk).update(
        made_on=timezone.localdate() - timedelta(days=120), review_on=timezone.localdate()
    )
    Action.objects.update(due_on=timezone.localdate() - timedelta(days=2))
    titles = [item.title for item in family_plan_items(worker)]
    assert titles == [f"Gezinsplan #{full_plan.pk}: tijd voor de evaluatie"]
    late = [item.title for item in family_plan_items(nurse)]
    assert late == [
        f"Afspraak #{full_plan.actions.get().pk} in gezinsplan #{full_plan.pk} is te laat"
    ]
    # No family data in the items; and the review is done with a new date.
    services.plan_review(
        actor=worker, plan=full_plan, review_on=timezone.localdate() + timedelta(days=90)
    )
    assert family_plan_items(worker) == []
    with pytest.raises(ValidationError, match="na vandaag"):
        services.plan_review(actor=worker, plan=full_plan, review_on=timezone.localdate())


def test_handover_moves_the_plans_and_actions_a_person_holds(
    full_plan, worker, nurse, other_organisation, org_admin
):
    colleague = UserFactory(email="collega@kraamzorg.example.be")
    RoleFactory(user=colleague, kind=Role.Kind.ORGANISATION_WORKER, organisation=other_organisation)
    held = {h.label: h.count for h in handover.holdings(nurse, other_organisation)}
    assert held["Afspraken in gezinsplannen die deze persoon uitvoert"] == 1
    services.plans_hand_over(
        actor=org_admin, from_user=nurse, to_user=colleague, organisation=other_organisation
    )
    assert full_plan.actions.get().person == colleague
    with pytest.raises(ValidationError, match="collega"):
        services.plans_hand_over(
            actor=org_admin, from_user=colleague, to_user=worker, organisation=other_organisation
        )


def test_the_coordinator_sees_counts_only(full_plan, house, coordinator, other_coordinator):
    figures = selectors.house_counts(house, timezone.localdate())
    assert figures.active == 1 and figures.partners == 3
    assert figures.actions[ActionStatus.OPEN] == 1
    with pytest.raises(Http404):
        access.get_plan_for_user(coordinator, full_plan.pk)
    with pytest.raises(Http404):
        access.get_plan_for_user(other_coordinator, full_plan.pk)
    with pytest.raises(Http404):
        access.get_house_for_counts(other_coordinator, house)
    assert access.get_house_for_counts(coordinator, house) == house
