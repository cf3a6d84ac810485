"""The plan's pages: who edits (coordinator, steering group), who reads (partners of the house),
who gets a 404 (a partner of another house only, anonymous on the management pages), what the
public page shows (goals and progress, no budgets, no notes) and the Dutch messages of bad
input on each form."""

from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from huisvanhetkind.network.models import Domain
from huisvanhetkind.steering import services
from huisvanhetkind.steering.models import Action, Goal, PlanPeriod, ProgressNote
from tests.conftest import logged_in
from tests.steering.conftest import action_data


def url(name, house, **kwargs):
    return reverse(f"steering:{name}", kwargs={"house_slug": house.slug, **kwargs})


@pytest.fixture
def action(plan, goal, year, organisation):
    action = services.action_create(
        actor=None,
        plan=plan,
        data=action_data(
            goal,
            year,
            title="Opvoedingspunt op de schoolpoort",
            lead_organisation=organisation,
            budget=Decimal("2750"),
            progress=40,
        ),
    )
    services.progress_note_add(actor=None, action=action, text="Geheime interne notitie")
    return action


def _post_action(client, house, plan, goal, **overrides):
    data = {
        "goal": goal.pk,
        "title": "Nieuwe actie",
        "starts_on": f"{plan.year}-02-01",
        "ends_on": f"{plan.year}-11-30",
        "weight": "1",
        "progress": "10",
        "indicator": "",
        **overrides,
    }
    return client.post(url("annual_plan", house, year=plan.year), data)


def test_the_coordinator_adds_an_action_to_the_annual_plan(coordinator, house, plan, goal):
    response = _post_action(logged_in(coordinator), house, plan, goal)
    assert response.status_code == 302
    assert Action.objects.get().title == "Nieuwe actie"


def test_a_steering_group_member_edits_the_plan(member, house, plan, goal):
    client = logged_in(member)
    assert _post_action(client, house, plan, goal).status_code == 302
    response = client.post(
        url("period", house, pk=plan.period.pk),
        {
            "form": "goal",
            "domain": Domain.objects.get(slug="huis").pk,
            "title": "Het huis is bekend bij alle gezinnen.",
            "weight": "2",
        },
    )
    assert response.status_code == 302
    assert Goal.objects.filter(domain__slug="huis", weight=2).exists()


def test_a_partner_reads_the_whole_plan_but_cannot_change_it(worker, house, plan, action):
    client = logged_in(worker)
    page = client.get(url("annual_plan", house, year=plan.year))
    assert page.status_code == 200
    assert "Opvoedingspunt op de schoolpoort" in page.text and "2750" in page.text
    assert "Actie toevoegen" not in page.text
    detail = client.get(url("action", house, pk=action.pk))
    assert "Geheime interne notitie" in detail.text
    assert _post_action(client, house, plan, action.goal).status_code == 404
    assert (
        client.post(url("action_status", house, pk=action.pk), {"status": "running"}).status_code
        == 404
    )
    assert client.post(url("action_note", house, pk=action.pk), {"text": "x"}).status_code == 404
    assert Action.objects.count() == 1


@pytest.mark.parametrize("name", ["manage", "annual_plan", "action", "period", "goal"])
def test_a_partner_of_another_house_and_anonymous_get_404_or_login(
    name, far_outsider, other_coordinator, coordinator, house, plan, action
):
    kwargs = {
        "manage": {},
        "annual_plan": {"year": plan.year},
        "action": {"pk": action.pk},
        "period": {"pk": plan.period.pk},
        "goal": {"pk": action.goal.pk},
    }[name]
    address = url(name, house, **kwargs)
    assert logged_in(coordinator).get(address).status_code == 200  # the positive control
    assert logged_in(far_outsider).get(address).status_code == 404
    assert logged_in(other_coordinator).get(address).status_code == 404
    anonymous = Client().get(address)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]


def test_another_house_url_does_not_show_this_houses_action(other_coordinator, other_house, action):
    client = logged_in(other_coordinator)
    assert client.get(url("action", other_house, pk=action.pk)).status_code == 404


def test_the_public_page_shows_goals_and_progress_without_budgets_or_notes(
    client, house, plan, action
):
    page = client.get(url("public_plan", house))
    assert page.status_code == 200
    text = page.text
    assert "Het aanbod opvoedingsondersteuning is breed bekend." in text
    assert "Opvoedingspunt op de schoolpoort" in text
    assert '<progress max="100" value="40"' in text and "40 %" in text
    assert "2750" not in text and "Geheime interne notitie" not in text
    assert "budget" not in text.lower()


def test_the_public_page_of_a_house_without_plan_says_so(client, other_house):
    page = client.get(url("public_plan", other_house))
    assert page.status_code == 200 and "nog niet gepubliceerd" in page.text


def test_the_public_page_speaks_french_and_english(client, house, plan, action):
    for language in ("fr", "en"):
        client.cookies["django_language"] = language
        assert client.get(url("public_plan", house)).status_code == 200


def test_status_change_on_the_page_and_a_move_not_allowed(coordinator, house, action):
    client = logged_in(coordinator)
    address = url("action_status", house, pk=action.pk)
    assert client.post(address, {"status": "running", "note": "Start"}).status_code == 302
    assert client.post(address, {"status": "done"}).status_code == 302
    response = client.post(address, {"status": "postponed"})
    assert response.status_code == 400
    assert "Een actie met status “afgerond” kan niet “uitgesteld” worden." in response.text
    action.refresh_from_db()
    assert action.status == "done"
    history = client.get(url("action", house, pk=action.pk)).text
    assert "Start" in history


def test_a_progress_note_on_the_page(member, house, action):
    client = logged_in(member)
    address = url("action_note", house, pk=action.pk)
    today = timezone.localdate().isoformat()
    assert client.post(address, {"written_on": today, "text": "Goed bezig"}).status_code == 302
    bad = client.post(address, {"written_on": today, "text": ""})
    assert bad.status_code == 400 and "Schrijf kort hoe de actie loopt." in bad.text
    assert ProgressNote.objects.filter(action=action).count() == 2


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"starts_on": "2026-06-01", "ends_on": "2026-05-01"},
            "De einddatum ligt voor de startdatum.",
        ),
        ({"weight": "0"}, "Het gewicht is een geheel getal van 1 tot 100."),
        ({"indicator": "verzonnen"}, "Deze indicator bestaat niet; kies er een uit de lijst."),
        (
            {
                "indicator": "partners_in_network",
                "baseline": "3",
                "target": "3",
                "target_on": "2026-12-31",
            },
            "De streefwaarde moet verschillen van de beginwaarde.",
        ),
        ({"gap_ids": "lacune kinderopvang"}, "is geen geldige lacune"),
    ],
)
def test_bad_action_input_on_the_page_gets_a_dutch_message(
    coordinator, house, plan, goal, overrides, message
):
    if "starts_on" in overrides:
        overrides = {"starts_on": f"{plan.year}-06-01", "ends_on": f"{plan.year}-05-01"}
    if "target_on" in overrides:
        overrides["target_on"] = f"{plan.year}-12-31"
    response = _post_action(logged_in(coordinator), house, plan, goal, **overrides)
    assert response.status_code == 400
    assert message in response.text
    assert 'class="error-summary"' in response.text
    assert not Action.objects.exists()


def test_bad_period_and_plan_input_gets_a_dutch_message(coordinator, house, period):
    client = logged_in(coordinator)
    response = client.post(
        url("manage", house),
        {"form": "period", "title": "X", "start_year": "2031", "end_year": "2030"},
    )
    assert response.status_code == 400 and "Het eindjaar ligt voor het beginjaar." in response.text
    response = client.post(url("manage", house), {"form": "plan", "year": "2090"})
    assert (
        response.status_code == 400 and "Geen beleidsperiode omvat het jaar 2090" in response.text
    )
    assert PlanPeriod.objects.count() == 1


def test_bad_goal_input_gets_a_dutch_message(coordinator, house, goal):
    response = logged_in(coordinator).post(
        url("goal", house, pk=goal.pk),
        {"domain": goal.domain.pk, "title": goal.title, "weight": "-2"},
    )
    assert response.status_code == 400
    assert "Het gewicht is een geheel getal van 1 tot 100." in response.text


def test_the_dashboard_links_to_the_plans_the_user_reads(coordinator, worker, far_outsider, house):
    dashboard = reverse("network:dashboard")
    address = url("manage", house)
    assert address in logged_in(coordinator).get(dashboard).text
    assert address in logged_in(worker).get(dashboard).text
    assert address not in logged_in(far_outsider).get(dashboard).text


def test_the_house_home_page_links_to_the_public_plan(client, house):
    assert url("public_plan", house) in client.get(f"/{house.slug}/").text


def test_editing_a_period_with_its_end_before_its_start_gets_a_dutch_message(
    coordinator, house, period
):
    response = logged_in(coordinator).post(
        url("period", house, pk=period.pk),
        {
            "form": "period",
            "period-title": "Nota",
            "period-start_year": str(period.start_year),
            "period-end_year": str(period.start_year - 1),
        },
    )
    assert response.status_code == 400
    assert "Het eindjaar ligt voor het beginjaar." in response.text
    period.refresh_from_db()
    assert period.title == "Strategische nota"


def test_the_plan_pages_take_a_fixed_number_of_queries(
    coordinator, client, house, plan, goal, other_goal, organisation, other_organisation
):
    def add(n):
        for i in range(n):
            services.action_create(
                actor=None,
                plan=plan,
                data=action_data(
                    goal if i % 2 else other_goal,
                    plan.year,
                    lead_organisation=organisation,
                    participants=[organisation, other_organisation],
                    indicator=["partners_in_network", "sessions_held", ""][i % 3],
                    baseline=Decimal(0),
                    target=Decimal(10),
                    target_on=timezone.localdate(),
                ),
            )

    coordinating = logged_in(coordinator)
    pages = [
        (coordinating, url("annual_plan", house, year=plan.year)),
        (client, url("public_plan", house)),
    ]

    def counts():
        """Each page's queries with an empty cache, then with its rendering cached."""
        result = []
        for who, address in pages:
            cache.clear()
            for _ in range(2):
                with CaptureQueriesContext(connection) as queries:
                    assert who.get(address).status_code == 200
                result.append(len(queries))
        return result

    add(3)
    counts()
    few = counts()
    assert all(few), few
    add(15)
    assert counts() == few


def test_odd_years_and_ids_in_the_address_are_harmless(coordinator, client, house, plan, action):
    public = url("public_plan", house)
    for year in ("abc", "99999999", "²", "-1"):
        response = client.get(public, {"jaar": year})
        assert response.status_code == 200 and "Opvoedingspunt op de schoolpoort" in response.text
    coordinating = logged_in(coordinator)
    assert coordinating.get(url("annual_plan", house, year=99999)).status_code == 404
    assert coordinating.get(url("action", house, pk=2**40)).status_code == 404
