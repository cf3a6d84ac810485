"""The demo's year of needs and reach (demo/figures.py): after seeding, the needs and reach pages
of Kalmthout and of the regional house show real figures, most cells released (5 or more) and
some hidden ("< 5"); never a count of 1 to 4; one house's figures hold nothing of the other's;
seeding again adds nothing."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from huisvanhetkind.activities.models import Registration
from huisvanhetkind.childcare.models import ChildcareRequest
from huisvanhetkind.guidance.models import PolicySignal
from huisvanhetkind.network.models import House
from huisvanhetkind.participation.figures import SMALL
from huisvanhetkind.participation.selectors_needs import needs_overview
from huisvanhetkind.participation.selectors_reach import reach_table
from huisvanhetkind.questions.models import Question
from huisvanhetkind.referrals.models import Referral

pytestmark = pytest.mark.django_db

in_the_demo = override_settings(DEMO_MODE=True, DEBUG=True)
REGIONAL = "zoersel-brecht-zandhoven-wijnegem-schilde"


def seed() -> None:
    call_command("seed_demo", stdout=StringIO())


def needs_cells(house: House) -> list:
    """Every count of the needs page that is not zero (zeros single out nobody)."""
    cells = []
    for source in needs_overview(house).sources:
        cells += source.trend.counts
        for table in source.tables:
            cells += table.counts
    return [c for c in cells if c.value]


def reach_cells(house: House) -> list:
    reach = reach_table(house)
    cells = [c for _name, counts, _population in reach.rows() for c in counts if c is not None]
    cells += [c for t in reach.trends for c in t.counts] + list(reach.totals.values())
    return [c for c in cells if c.value]


def assert_protected(cells: list) -> None:
    assert all(not 0 < c.value < SMALL for c in cells if c.shown), "a shown count of 1 to 4"


def stored() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Question, Registration, PolicySignal, Referral, ChildcareRequest)
    }


@in_the_demo
def test_the_needs_and_reach_of_the_demo_houses_show_figures_and_hide_small_ones(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        seed()
    assert mail.outbox == []  # no parent, family or partner is mailed
    kalmthout = House.objects.get(slug="kalmthout")
    regional = House.objects.get(slug=REGIONAL)

    needs = {source.key: source for source in needs_overview(kalmthout).sources}
    for key in ("vragen", "verwijzingen", "signalen"):
        assert any(c.value for c in needs[key].trend.counts), f"no {key} in the last 12 months"
    other = {source.key: source for source in needs_overview(regional).sources}
    for key in ("vragen", "kinderopvang"):
        assert any(c.value for c in other[key].trend.counts), f"no {key} in the last 12 months"
    months_with_questions = [c for c in needs["vragen"].trend.counts if c.shown and c.value]
    assert len(months_with_questions) >= 11  # this month counts from its second day

    for house, released in ((kalmthout, 35), (regional, 30)):
        cells = needs_cells(house)
        assert_protected(cells)
        assert sum(c.shown for c in cells) >= released
        assert any(c.hidden for c in cells)
    for house, released in ((kalmthout, 30), (regional, 30)):
        cells = reach_cells(house)
        assert_protected(cells)
        assert sum(c.shown for c in cells) >= released
        assert any(c.hidden for c in cells)

    reach = reach_table(regional)
    social = dict(zip(reach.municipalities, reach.cells["sociaal-tarief"], strict=True))
    assert social["Brecht"].shown and social["Brecht"].value >= SMALL
    assert any(c.hidden for c in social.values())

    # One house's figures hold nothing of the other's: the regional house has no referrals or
    # signals of its own, Kalmthout no childcare requests wished to start in the past year.
    for key in ("verwijzingen", "signalen"):
        assert not any(c.value for c in other[key].trend.counts)
    assert not any(c.value for c in needs["kinderopvang"].trend.counts)

    before = stored()
    seed()
    assert stored() == before
