"""The annual report in the browser: the coordinator goes from the plan to the reports, chooses
a year and reads it at the width of a cheap phone (axe on every page); printed, the menu and
the links that only the screen needs fall away and the charts and their tables stay."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from huisvanhetkind.network.models import Domain, Group
from huisvanhetkind.steering import services, services_meetings
from huisvanhetkind.steering.workflow import ActionStatus
from tests.browser.conftest import assert_accessible, assert_fits_phone, log_in, phone_context
from tests.factories import GroupFactory
from tests.steering.conftest import action_data, goal_data, meeting_data

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def check(page):
    assert_accessible(page)
    assert_fits_phone(page)


@pytest.fixture
def report_year(house, organisation):
    """Last year's plan with a done action, and a meeting of an intervision group held then."""
    year = timezone.localdate().year - 1
    period = services.period_create(
        actor=None,
        house=house,
        data={"title": "Strategische nota", "start_year": year, "end_year": year + 5},
    )
    goal = services.goal_create(
        actor=None,
        period=period,
        data=goal_data(domain=Domain.objects.get(slug="opvoedingsondersteuning")),
    )
    plan = services.annual_plan_create(actor=None, house=house, year=year)
    action = services.action_create(
        actor=None,
        plan=plan,
        data=action_data(goal, year, title="Speelbabbel in elke deelgemeente"),
    )
    for status in (ActionStatus.RUNNING, ActionStatus.DONE):
        services.action_status_change(actor=None, action=action, status=status)
    group = GroupFactory(house=house, kind=Group.Kind.INTERVISION, name="Intervisie")
    start = timezone.make_aware(timezone.datetime(year, 6, 10, 19, 30))
    meeting = services_meetings.meeting_save(
        actor=None,
        group=group,
        data=meeting_data(
            title="Intervisie juni",
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            agenda_deadline=start - timedelta(days=2),
        ),
    )
    services_meetings.decision_add(actor=None, meeting=meeting, text="Samen doorverwijzen.")
    return year


def test_the_coordinator_reads_and_prints_the_annual_report(
    live_server, browser, house, coordinator, report_year
):
    page = phone_context(browser).new_page()
    log_in(page, live_server.url, coordinator)
    page.goto(live_server.url + f"/beheer/huis/{house.slug}/plan/")
    page.get_by_role("link", name="Jaarverslagen").click()
    expect(page.get_by_role("heading", name="Jaarverslag", exact=True)).to_be_visible()
    check(page)

    page.get_by_role("combobox", name=re.compile(r"^Jaar\b")).select_option(str(report_year))
    page.get_by_role("button", name="Toon het jaarverslag").click()
    heading = f"Jaarverslag {report_year} van {house.name}"
    expect(page.get_by_role("heading", name=heading)).to_be_visible()
    expect(page.get_by_role("table", name="Vergaderingen per soort groep")).to_be_visible()
    expect(page.get_by_role("img", name="Vergaderingen per soort groep")).to_be_visible()
    expect(page.get_by_role("rowheader", name="Speelbabbel in elke deelgemeente")).to_be_visible()
    check(page)

    # Printed: no menu, no PDF link; the report, its charts and tables stay.
    pdf_link = page.get_by_role("link", name="Download als PDF")
    expect(pdf_link).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".site-header nav")).to_be_hidden()
    expect(pdf_link).to_be_hidden()
    expect(page.get_by_role("heading", name=heading)).to_be_visible()
    expect(
        page.get_by_role("table", name="Groei van het netwerk in " + str(report_year))
    ).to_be_visible()
    page.emulate_media(media="screen")
    expect(page.locator(".site-header nav")).to_be_visible()
    page.context.close()
