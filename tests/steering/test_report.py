"""The annual report (jaarverslag) of a house for one plan year: its figures (progress per
domain, actions done, meetings held per group kind with their decisions, growth of the
network, questions per month and released surveys) count that year only; the readers of the
plan see it, another house's people and anonymous visitors do not; a year without a plan gets
a Dutch message; the PDF is the same report; the queries do not grow with the data."""

import io
from datetime import date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.network.models import Group, Partnership
from huisvanhetkind.participation.models import Survey
from huisvanhetkind.questions.models import Question
from huisvanhetkind.steering import services, services_meetings
from huisvanhetkind.steering.models import Meeting
from huisvanhetkind.steering.workflow import ActionStatus
from tests.conftest import logged_in
from tests.factories import (
    GroupFactory,
    OrganisationFactory,
    QuestionFactory,
    ServiceFactory,
)
from tests.steering.conftest import action_data, meeting_data

pytestmark = pytest.mark.django_db


def url(house, year, pdf=False):
    name = "steering:report_pdf" if pdf else "steering:report"
    return reverse(name, kwargs={"house_slug": house.slug, "year": year})


def index_url(house):
    return reverse("steering:report_index", kwargs={"house_slug": house.slug})


def at(year, month, day=10):
    return timezone.make_aware(datetime(year, month, day, 19, 30))


def pdf_text(content: bytes) -> str:
    pages = PdfReader(io.BytesIO(content)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


@pytest.fixture
def last_year(year):
    return year - 1


@pytest.fixture
def last_plan(house, period, last_year):
    return services.annual_plan_create(actor=None, house=house, year=last_year)


def held_meeting(group, when, title, decisions=0):
    meeting = services_meetings.meeting_save(
        actor=None,
        group=group,
        data=meeting_data(
            title=title,
            starts_at=when,
            ends_at=when + timedelta(hours=2),
            agenda_deadline=when - timedelta(days=1),
        ),
    )
    for n in range(decisions):
        services_meetings.decision_add(actor=None, meeting=meeting, text=f"Beslissing {n + 1}")
    return meeting


def joined(house, name, since):
    organisation = OrganisationFactory(name=name, houses=[house])
    Partnership.objects.filter(organisation=organisation).update(since=since)
    return organisation


def service_of(organisation, created, status="published"):
    service = ServiceFactory(organisation=organisation, status=status)
    Service.objects.filter(pk=service.pk).update(created_at=created)
    return service


def questions(house, when, n):
    for _ in range(n):
        question = QuestionFactory(house=house)
        Question.objects.filter(pk=question.pk).update(created_at=when)


def survey(house, title, closes, published=True):
    return Survey.objects.create(
        house=house,
        slug=title.lower().replace(" ", "-"),
        title=title,
        opens_at=closes - timedelta(days=30),
        closes_at=closes,
        published=published,
    )


@pytest.fixture
def scene(house, other_house, goal, other_goal, last_plan, last_year, year, steering_group):
    """Last year's plan with a done, a running and a dropped action; meetings last year and this
    year; partners and services joined before, during and after last year; questions and
    surveys in and out of the year, and of another house."""
    done = services.action_create(
        actor=None, plan=last_plan, data=action_data(goal, last_year, title="Speelbabbel")
    )
    for status in (ActionStatus.RUNNING, ActionStatus.DONE):
        services.action_status_change(actor=None, action=done, status=status)
    running = services.action_create(
        actor=None,
        plan=last_plan,
        data=action_data(other_goal, last_year, title="Ontmoetingsdag", progress=40),
    )
    services.action_status_change(actor=None, action=running, status=ActionStatus.RUNNING)
    dropped = services.action_create(
        actor=None,
        plan=last_plan,
        data=action_data(other_goal, last_year, title="Geschrapte actie", progress=0),
    )
    services.action_status_change(actor=None, action=dropped, status=ActionStatus.DROPPED)

    working = GroupFactory(house=house, kind=Group.Kind.WORKING, name="Werkgroep armoede")
    intervision = GroupFactory(house=house, kind=Group.Kind.INTERVISION, name="Intervisie")
    held_meeting(steering_group, at(last_year, 2), "Stuurgroep februari", decisions=2)
    held_meeting(steering_group, at(last_year, 9), "Stuurgroep september", decisions=1)
    held_meeting(working, at(last_year, 5), "Werkgroep mei")
    held_meeting(intervision, at(last_year, 6), "Intervisie juni", decisions=1)
    held_meeting(steering_group, at(year - 2, 11), "Stuurgroep van eerder", decisions=3)
    held_meeting(steering_group, timezone.now() - timedelta(minutes=5), "Stuurgroep dit jaar")
    other_group = GroupFactory(house=other_house, kind=Group.Kind.STEERING, name="Stuurgroep")
    held_meeting(other_group, at(last_year, 3), "Stuurgroep elders", decisions=4)

    older = joined(house, "Kind en Gezin", date(year - 3, 1, 1))
    new = joined(house, "JAC-punt", date(last_year, 4, 1))
    joined(house, "CLB", date(last_year, 8, 1))
    ended = joined(house, "Gestopte partner", date(last_year, 2, 1))
    Partnership.objects.filter(organisation=ended).update(status=Partnership.Status.ENDED)
    joined(house, "Nieuw dit jaar", date(year, 1, 2))
    joined(other_house, "Elders", date(last_year, 5, 1))
    service_of(older, at(year - 3, 1))
    service_of(new, at(last_year, 4))
    service_of(new, at(last_year, 6))
    service_of(new, at(last_year, 7), status="draft")
    service_of(older, at(year, 1, 2))

    questions(house, at(last_year, 3), 6)
    questions(house, at(last_year, 5), 5)
    questions(house, at(year - 2, 5), 7)
    questions(other_house, at(last_year, 3), 9)

    survey(house, "Tevredenheid", at(last_year, 6))
    survey(house, "Nog niet gepubliceerd", at(last_year, 7), published=False)
    survey(house, "Oudere bevraging", at(year - 2, 7))
    survey(other_house, "Elders", at(last_year, 6))


def test_the_report_counts_the_figures_of_its_year_only(
    scene, house, coordinator, last_year, goal, other_goal
):
    response = logged_in(coordinator).get(url(house, last_year))
    assert response.status_code == 200
    report = response.context["report"]
    assert report.year == last_year
    # Actions: one done, the running one at 40 %, the dropped one left out of the roll-up.
    assert [row.action.title for row, _goal in report.done] == ["Speelbabbel"]
    assert [goal for _row, goal in report.done] == [goal]
    statuses = {cell.label: cell.count for cell in report.status_chart.cells}
    assert statuses == {
        "gepland": 0,
        "lopend": 1,
        "afgerond": 1,
        "uitgesteld": 0,
        "geschrapt": 1,
    }
    domains = {row.domain.slug: row.progress for row in report.tree.domains}
    assert domains == {"opvoedingsondersteuning": 100, "vrije-tijd-ontmoeting": 40}
    assert report.tree.progress == 70
    # Meetings held that year in this house, per group kind, with their decisions.
    lines = {line.kind: (line.meetings, line.decisions) for line in report.meetings}
    assert lines == {"steering": (2, 3), "working": (1, 0), "intervision": (1, 1)}
    assert (report.meetings_total, report.decisions_total) == (4, 4)
    # Network: two joined last year and are active (the ended one joined too: it counts as
    # joined, not in the total); services added last year (a draft is no offer yet).
    growth = report.growth
    assert (growth.partners_joined, growth.partners_total) == (3, 3)
    assert (growth.services_added, growth.services_total) == (2, 3)
    # Questions per month (this house, that year), surveys released that year.
    per_month = dict(report.questions.rows)
    assert len(per_month) == 12
    assert [c.value for c in report.questions.counts] == [0, 0, 6, 0, 5, 0, 0, 0, 0, 0, 0, 0]
    assert report.questions_total.value == 11 and report.questions_total.shown
    assert [s.title for s in report.surveys] == ["Tevredenheid"]

    content = response.content.decode()
    assert f"Jaarverslag {last_year} van Huis van het Kind Kalmthout" in content
    assert "intervisiegroep" in content
    main = content.split("<main", 1)[1]
    assert main.count("<svg") == 5  # domains, statuses, meetings, growth, questions
    assert "<script" not in main
    assert "Stuurgroep elders" not in content


def test_the_chart_tables_carry_the_figures(scene, house, coordinator, last_year):
    content = logged_in(coordinator).get(url(house, last_year)).content.decode()
    assert '<caption id="meetings-caption">Vergaderingen per soort groep</caption>' in content
    assert '<th scope="row">intervisiegroep</th><td>1</td>' in content
    assert '<th scope="row">Nieuwe partners</th><td>3</td>' in content
    assert '<th scope="row">Opvoedingsondersteuning</th><td>100 %</td>' in content


def test_small_question_counts_are_hidden(house, coordinator, last_plan, last_year):
    questions(house, at(last_year, 3), 3)
    report = logged_in(coordinator).get(url(house, last_year)).context["report"]
    assert [c.value for c in report.questions.counts if c.shown] == [0] * 11
    assert not report.questions_total.shown
    assert "&lt; 5" in logged_in(coordinator).get(url(house, last_year)).content.decode()


def test_this_years_report_shows_the_months_so_far(house, coordinator, plan, year):
    report = logged_in(coordinator).get(url(house, year)).context["report"]
    assert len(report.questions.rows) == timezone.localdate().month
    assert report.meetings == [] and report.done == []


def test_the_readers_of_the_plan_see_the_report(
    scene, house, last_year, coordinator, member, worker, outsider
):
    # The coordinator, the steering group and the house's partners (the plan's readers).
    for user in (coordinator, member, worker, outsider):
        assert logged_in(user).get(url(house, last_year)).status_code == 200


def test_another_houses_people_do_not_see_the_report(
    scene, house, last_year, far_outsider, other_coordinator, coordinator
):
    for user in (far_outsider, other_coordinator):
        client = logged_in(user)
        assert client.get(url(house, last_year)).status_code == 404
        assert client.get(url(house, last_year, pdf=True)).status_code == 404
        assert client.get(index_url(house)).status_code == 404
    assert logged_in(coordinator).get(index_url(house)).status_code == 200


def test_an_anonymous_visitor_is_sent_to_log_in(parent_client, house, last_plan, last_year):
    for address in (url(house, last_year), url(house, last_year, pdf=True), index_url(house)):
        response = parent_client.get(address)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_year_without_a_plan_gets_a_dutch_message(house, coordinator, last_plan, last_year):
    client = logged_in(coordinator)
    response = client.get(url(house, 2011))
    assert response.status_code == 404
    content = response.content.decode()
    assert "Voor 2011 is er geen jaarplan, en dus geen jaarverslag." in content
    assert url(house, last_year) in content  # the years that do have one
    assert client.get(url(house, 2011, pdf=True)).status_code == 404
    assert client.get(url(house, 99999)).status_code == 404
    assert client.get(url(house, 0)).status_code == 404


def test_the_year_chooser_leads_to_the_report_and_refuses_a_wrong_year(
    house, coordinator, last_plan, last_year
):
    client = logged_in(coordinator)
    page = client.get(index_url(house))
    assert page.status_code == 200
    assert f'<option value="{last_year}"' in page.content.decode()
    response = client.get(index_url(house), {"jaar": last_year})
    assert response.status_code == 302 and response["Location"] == url(house, last_year)
    for wrong in ("2011", "abc", ""):
        response = client.get(index_url(house), {"jaar": wrong})
        assert response.status_code == 400
        content = response.content.decode()
        assert "Voor dat jaar is er geen jaarplan" in content or "Kies een jaar." in content


def test_the_report_is_a_pdf_too(scene, house, coordinator, last_year):
    response = logged_in(coordinator).get(url(house, last_year, pdf=True))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith(
        f'attachment; filename="jaarverslag-{house.slug}-{last_year}.pdf"'
    )
    text = pdf_text(response.content)
    assert f"Jaarverslag {last_year}" in text
    assert "Vergaderingen per soort groep" in text
    assert "Download als PDF" not in text


def test_the_plan_pages_link_to_the_report(house, coordinator, last_plan, last_year):
    client = logged_in(coordinator)
    plan_page = reverse(
        "steering:annual_plan", kwargs={"house_slug": house.slug, "year": last_year}
    )
    assert url(house, last_year) in client.get(plan_page).content.decode()
    manage = reverse("steering:manage", kwargs={"house_slug": house.slug})
    assert index_url(house) in client.get(manage).content.decode()
    assert index_url(house) in client.get(reverse("network:dashboard")).content.decode()


def test_the_report_queries_do_not_grow_with_the_data(
    house, coordinator, goal, other_goal, last_plan, last_year, steering_group
):
    client = logged_in(coordinator)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url(house, last_year)).status_code == 200
        return len(queries)

    def grow(n):
        for i in range(n):
            action = services.action_create(
                actor=None,
                plan=last_plan,
                data=action_data(goal if i % 2 else other_goal, last_year, title=f"Actie {n}-{i}"),
            )
            services.action_status_change(actor=None, action=action, status=ActionStatus.RUNNING)
            group = GroupFactory(house=house, kind=Group.Kind.WORKING, name=f"Werkgroep {n}-{i}")
            held_meeting(group, at(last_year, 1 + i % 12), f"Werkgroep {n}-{i}", decisions=2)
            organisation = joined(house, f"Partner {n}-{i}", date(last_year, 1 + i % 12, 1))
            service_of(organisation, at(last_year, 1 + i % 12))
            questions(house, at(last_year, 1 + i % 12), 2)
            survey(house, f"Bevraging {n}-{i}", at(last_year, 1 + i % 12))

    grow(1)
    few = count()
    grow(8)
    assert Meeting.objects.count() == 9
    assert count() == few


def test_the_report_shows_the_reach_of_its_year(house, coordinator, last_plan, last_year):
    questions(house, at(last_year, 5), 6)
    questions(house, at(last_year - 1, 5), 7)  # a year earlier: not in this report
    response = logged_in(coordinator).get(url(house, last_year))
    reach = response.context["report"].reach
    assert reach.months[0] == date(last_year, 1, 1) and reach.months[-1] == date(last_year, 12, 1)
    assert reach.totals["vragen"].value == 6 and reach.totals["vragen"].shown
    assert '<caption id="bereik-caption">' in response.content.decode()
