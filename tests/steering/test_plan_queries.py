"""The plan pages at two sizes: the same number of queries whether the plan has a few goals and
actions or many (every live indicator computed once, never once per action), with an empty
cache and with the rendering cached; and the cached rendering follows every change the pages
show (docs/performance.md, *The plan*). An outsider's view of the staff page is covered by
test_pages.py; here the public page and the readers."""

from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from huisvanhetkind.network.models import Domain
from huisvanhetkind.steering import indicators, services
from tests.conftest import logged_in
from tests.factories import OrganisationFactory
from tests.steering.conftest import action_data, goal_data

pytestmark = pytest.mark.django_db


def url(name, house, **kwargs):
    return reverse(f"steering:{name}", kwargs={"house_slug": house.slug, **kwargs})


def grow(plan, period, organisations, goals: int, actions: int):
    """``goals`` goals over the domains and ``actions`` actions under them, every third one
    measured by a live indicator (each indicator of the registry in turn)."""
    domains = list(Domain.objects.order_by("position"))
    names = list(indicators.REGISTRY)
    made = [
        services.goal_create(
            actor=None,
            period=period,
            data=goal_data(code=f"9.{n}", title=f"Doel {n}", domain=domains[n % len(domains)]),
        )
        for n in range(goals)
    ]
    for n in range(actions):
        measured = n % 3 == 0
        services.action_create(
            actor=None,
            plan=plan,
            data=action_data(
                made[n % goals],
                plan.year,
                title=f"Actie {n}",
                lead_organisation=organisations[n % len(organisations)],
                participants=organisations[: n % 3],
                budget=Decimal(100 * n) if n % 2 else None,
                progress=(n * 7) % 100,
                indicator=names[(n // 3) % len(names)] if measured else "",
                baseline=Decimal(0) if measured else None,
                target=Decimal(10) if measured else None,
                target_on=timezone.localdate() if measured else None,
            ),
        )


@pytest.fixture
def pages(client, coordinator, worker, house, plan):
    address = url("annual_plan", house, year=plan.year)
    return {
        "public": (client, url("public_plan", house)),
        "partner": (logged_in(worker), address),
        "coordinator": (logged_in(coordinator), address),
    }


def queries_of(pages) -> dict:
    """Each page's queries with an empty cache and then with its rendering cached."""
    result = {}
    for name, (who, address) in pages.items():
        cache.clear()
        counts = []
        for _ in range(2):
            with CaptureQueriesContext(connection) as queries:
                response = who.get(address)
            assert response.status_code == 200
            counts.append(len(queries))
        result[name] = counts
    return result


def test_the_plan_pages_take_as_many_queries_for_a_large_plan_as_for_a_small_one(
    pages, plan, period, organisation, other_organisation
):
    organisations = [organisation, other_organisation]
    grow(plan, period, organisations, goals=2, actions=18)  # every indicator used once
    queries_of(pages)  # what a process reads once
    small = queries_of(pages)
    grow(plan, period, organisations, goals=14, actions=60)
    large = queries_of(pages)
    assert large == small, (small, large)
    for cold, warm in small.values():
        assert warm < cold  # a cached rendering reads neither the goals nor the actions


def test_the_cached_plan_follows_every_change_it_shows(
    client, coordinator, house, plan, goal, organisation, year
):
    public = url("public_plan", house)
    staff = logged_in(coordinator)
    address = url("annual_plan", house, year=plan.year)
    action = services.action_create(
        actor=None,
        plan=plan,
        data=action_data(goal, year, title="Babbelbox", lead_organisation=organisation),
    )
    measured = services.action_create(
        actor=None,
        plan=plan,
        data=action_data(
            goal,
            year,
            title="Het netwerk groeit",
            indicator="partners_in_network",
            baseline=Decimal(0),
            target=Decimal(10),
            target_on=timezone.localdate(),
        ),
    )
    assert "Babbelbox (gepland)" in client.get(public).text
    assert "Opvoedingspunt Kalmthout" in staff.get(address).text

    services.action_status_change(actor=None, action=action, status="running")
    assert "Babbelbox (lopend)" in client.get(public).text

    services.action_update(
        actor=None, action=action, data=action_data(goal, year, title="Babbelbox XL")
    )
    assert "Babbelbox XL" in client.get(public).text

    organisation.name = "Opvoedingspunt Noord"
    organisation.save()
    services.action_update(
        actor=None,
        action=action,
        data=action_data(goal, year, title="Babbelbox XL", lead_organisation=organisation),
    )
    assert "Opvoedingspunt Noord" in staff.get(address).text
    organisation.name = "Opvoedingspunt Zuid"
    organisation.save()  # only the lead partner changes
    assert "Opvoedingspunt Zuid" in staff.get(address).text

    # A live indicator moves without any change to the plan: a partner joins. Its value is
    # kept a few minutes (indicators.CACHE_SECONDS), then the page shows the new one.
    assert "Aantal partners in het netwerk: 1" in client.get(public).text
    OrganisationFactory(name="Bibliotheek Kalmthout", houses=[house])
    assert "Aantal partners in het netwerk: 1" in client.get(public).text
    cache.clear()  # as CACHE_SECONDS later
    assert "Aantal partners in het netwerk: 2" in client.get(public).text

    services.goal_create(
        actor=None,
        period=plan.period,
        data=goal_data(code="9.9", title="Een nieuw doel voor iedereen."),
    )
    assert "Een nieuw doel voor iedereen." in client.get(public).text

    measured.delete()
    assert "Het netwerk groeit" not in client.get(public).text
    assert "Het netwerk groeit" not in staff.get(address).text


def test_the_cached_plan_speaks_the_readers_language(client, house, plan, goal, year):
    services.action_create(actor=None, plan=plan, data=action_data(goal, year, title="Babbelbox"))
    public = url("public_plan", house)
    assert "Babbelbox (gepland)" in client.get(public).text
    client.cookies["django_language"] = "fr"
    assert "Babbelbox (planifiée)" in client.get(public).text


def test_the_public_rendering_never_shows_what_the_partners_read(
    client, coordinator, house, plan, goal, organisation, year, far_outsider
):
    services.action_create(
        actor=None,
        plan=plan,
        data=action_data(
            goal, year, title="Babbelbox", lead_organisation=organisation, budget=Decimal(2750)
        ),
    )
    address = url("annual_plan", house, year=plan.year)
    assert "2750" in logged_in(coordinator).get(address).text  # cached for the readers
    public = client.get(url("public_plan", house)).text
    assert "Babbelbox" in public and "2750" not in public and "trekker" not in public
    assert logged_in(far_outsider).get(address).status_code == 404
