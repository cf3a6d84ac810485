"""A meeting of the steering group in the browser: the lead plans it, a member adds an agenda
point, the lead records attendance and a decision whose follow-up becomes an action of the
annual plan. axe checks every page on the way, at the width of a cheap phone."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from huisvanhetkind.network.models import Domain, Group, Role
from huisvanhetkind.steering import services
from huisvanhetkind.steering.models import Action, AgendaItem, Attendance, Decision, Meeting
from tests.browser.conftest import assert_accessible, assert_fits_phone, log_in, phone_context
from tests.conftest import with_second_factor
from tests.factories import (
    GroupFactory,
    GroupMembershipFactory,
    RoleFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def check(page):
    assert_accessible(page)
    assert_fits_phone(page)


@pytest.fixture
def steering(house, organisation, settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"
    settings.PRIVATE_FILES_ROOT = settings.VAR_DIR / "private"
    year = timezone.localdate().year
    period = services.period_create(
        actor=None,
        house=house,
        data={"title": "Strategische nota", "start_year": year - 1, "end_year": year + 4},
    )
    goal = services.goal_create(
        actor=None,
        period=period,
        data={
            "domain": Domain.objects.get(slug="opvoedingsondersteuning"),
            "code": "2.8.1",
            "title": "Het aanbod opvoedingsondersteuning is breed bekend.",
            "description": "",
            "indicators": "",
            "policy_objective_code": "",
            "action_plan_code": "",
            "weight": 1,
        },
    )
    plan = services.annual_plan_create(actor=None, house=house, year=year)
    group = GroupFactory(house=house, kind=Group.Kind.STEERING, name="Stuurgroep")
    people = []
    for first, last, email, is_lead in (
        ("Tine", "Trekker", "trekker@opvoedingspunt.example.be", True),
        ("Lien", "Lid", "lid@opvoedingspunt.example.be", False),
    ):
        user = with_second_factor(UserFactory(email=email, first_name=first, last_name=last))
        RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=organisation)
        GroupMembershipFactory(group=group, user=user, organisation=organisation, is_lead=is_lead)
        people.append(user)
    return group, goal, plan, *people


def test_the_lead_plans_a_member_adds_a_point_the_lead_records_a_decision(
    live_server, browser, house, steering
):
    group, goal, plan, lead, member = steering
    start = timezone.localtime() + timedelta(days=7)
    start = start.replace(hour=19, minute=30)

    # 1. The lead plans a meeting.
    page = phone_context(browser).new_page()
    log_in(page, live_server.url, lead)
    page.goto(live_server.url + "/beheer/huis/kalmthout/vergaderingen/")
    check(page)
    page.get_by_role("link", name="Vergadering plannen").click()
    check(page)
    page.locator("#id_title").fill("Stuurgroep: stand van het jaarplan")
    page.locator("#id_starts_at").fill(start.strftime("%Y-%m-%dT%H:%M"))
    # Bad input first: the end before the start.
    page.locator("#id_ends_at").fill((start - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"))
    page.locator("#id_place").fill("Huis van het Kind, vergaderzaal")
    page.get_by_role("button", name="Bewaren").click()
    page.get_by_text("Het einde moet na het begin liggen.").first.wait_for()
    check(page)
    page.locator("#id_ends_at").fill((start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Bewaren").click()
    page.wait_for_url(re.compile(r"/vergaderingen/\d+/$"))
    check(page)
    meeting = Meeting.objects.get()
    assert meeting.group == group
    meeting_url = page.url

    # 2. A member adds an agenda point.
    other = phone_context(browser).new_page()
    log_in(other, live_server.url, member)
    other.goto(meeting_url)
    check(other)
    other.locator("#id_agenda-title").fill("Vormingen voor partners")
    other.get_by_role("button", name="Agendapunt toevoegen").click()
    other.get_by_text("Het agendapunt is toegevoegd.").wait_for()
    check(other)
    assert AgendaItem.objects.get().author == member
    other.context.close()

    # 3. The lead records attendance and a decision that becomes an action of the plan.
    page.goto(meeting_url)
    page.locator(f"#id_attendance-member_{lead.pk}").select_option("present")
    page.locator(f"#id_attendance-member_{member.pk}").select_option("excused")
    page.get_by_role("button", name="Aanwezigheden bewaren").click()
    page.get_by_text("De aanwezigheden zijn bewaard.").wait_for()
    check(page)
    due = min(timezone.localdate() + timedelta(days=40), date(plan.year, 12, 31))
    due = max(due, start.date())
    page.locator("#id_decision-text").fill("Een vorming rond ouderbetrokkenheid.")
    page.locator("#id_decision-goal").select_option(str(goal.pk))
    page.locator("#id_decision-owner").select_option(str(member.pk))
    page.locator("#id_decision-due_on").fill(due.isoformat())
    page.get_by_role("button", name="Beslissing bewaren").click()
    page.get_by_text("De beslissing is bewaard.").wait_for()
    check(page)
    assert dict(Attendance.objects.values_list("user__email", "status")) == {
        lead.email: "present",
        member.email: "excused",
    }
    decision = Decision.objects.get()
    action = Action.objects.get()
    assert decision.action == action and decision.owner == member
    assert action.plan == plan and action.ends_on == due

    # The consultation page of this year, as a member of the steering group.
    page.goto(live_server.url + f"/beheer/huis/kalmthout/partneroverleg/{plan.year}/")
    check(page)
    page.context.close()
