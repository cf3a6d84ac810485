"""The demo's coverage data: population figures written once, and the mark "being worked on"
only on a cell that is a gap of the offer."""

from datetime import date

from huisvanhetkind.coverage.models import GapStatus, PopulationFigure
from huisvanhetkind.demo.coverage import seed_coverage
from huisvanhetkind.demo.services import load
from tests.factories import OrganisationFactory, ServiceFactory

TODAY = date(2026, 3, 2)


def test_the_demo_marks_its_gap_and_writes_its_figures_once(house, other_house):
    houses = {house.slug: house, other_house.slug: other_house}
    seed_coverage(data=load("coverage"), houses=houses, organisations={}, today=TODAY)
    assert PopulationFigure.objects.count() == 6 * 6
    mark = GapStatus.objects.get(house=house)
    assert (mark.gap_id, mark.status) == ("gap-gezondheid-18-25-11022", "in_progress")
    assert "JAC" in mark.note
    seed_coverage(data=load("coverage"), houses=houses, organisations={}, today=TODAY)
    assert PopulationFigure.objects.count() == 6 * 6
    assert GapStatus.objects.count() == 1


def test_the_mark_goes_to_a_real_gap_when_the_offer_fills_the_chosen_cell(house, other_house):
    ServiceFactory(
        organisation=OrganisationFactory(houses=[house]),
        domains=["gezondheid"],
        age_groups=["18-25"],
        is_free=True,
    )
    houses = {house.slug: house, other_house.slug: other_house}
    seed_coverage(data=load("coverage"), houses=houses, organisations={}, today=TODAY)
    mark = GapStatus.objects.get(house=house)
    assert mark.gap_id != "gap-gezondheid-18-25-11022"
    assert mark.gap_id.startswith("gap-") and mark.gap_id.endswith("-11022")
    assert "JAC" not in mark.note
