"""The demo data loads, twice, and fills both houses; its helpers refuse to run outside the demo."""

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.network.models import House, Organisation, Role
from huisvanhetkind.search.selectors import apply_search

pytestmark = pytest.mark.django_db


def test_seed_demo_refuses_without_demo_mode():
    with pytest.raises(CommandError):
        call_command("seed_demo")


def test_demo_code_refuses_without_demo_mode():
    with pytest.raises(CommandError):
        call_command("demo_code", "coordinator@kalmthout.example.be")


@override_settings(DEMO_MODE=True)
def test_the_demo_fills_both_houses_and_can_be_loaded_twice(capsys):
    call_command("seed_demo")
    call_command("seed_demo")
    assert set(House.objects.values_list("slug", flat=True)) == {
        "kalmthout",
        "zoersel-brecht-zandhoven-wijnegem-schilde",
    }
    kalmthout = House.objects.get(slug="kalmthout")
    names = set(
        Organisation.objects.filter(partnerships__house=kalmthout).values_list("name", flat=True)
    )
    for named in (
        "Kind en Gezin",
        "Kind en Preventie",
        "Opvoedingspunt Kalmthout",
        "Kraamzorg Landelijke Thuiszorg",
    ):
        assert named in names
    assert Role.objects.filter(kind="coordinator").count() == 2
    published = Service.objects.published()
    assert published.in_house(kalmthout).count() >= 20
    first = apply_search(published.in_house(kalmthout), "zindelijkhied", house=kalmthout).first()
    assert first is not None and "zindelijk" in (first.name + first.summary).lower()
    assert "Demo-Huis-2026!" in capsys.readouterr().out
    from huisvanhetkind.questions.models import RoutingRule

    assert RoutingRule.objects.filter(
        house=kalmthout, organisation__name="JAC-punt Kalmthout"
    ).exists()
    from huisvanhetkind.activities.models import Activity, NewsItem, Session

    speelbabbel = Activity.objects.get(house=kalmthout, title="Speelbabbel")
    assert (
        Session.objects.filter(activity=speelbabbel).count() >= 10
    )  # weekly, three months, no duplicates
    assert Session.objects.filter(activity=speelbabbel).count() <= 14
    assert NewsItem.objects.filter(house=kalmthout, is_published=True).count() == 2
