"""The demo's population figures and the status of known gaps, read from ``data/coverage.toml``
and written through the services of the coverage app. Written once: what the demo's visitors
change is left alone.

The gaps are computed from the demo's offer (``coverage.selectors.coverage_matrix``); the data
file only says which cell the coordinator of Kalmthout works on, and the mark is written only
when that cell is a gap of the offer (else the heaviest gap of the house gets it).
"""

from datetime import date, datetime, time

from django.utils import timezone

from huisvanhetkind.coverage import selectors, services
from huisvanhetkind.coverage.models import GapStatus, PopulationFigure
from huisvanhetkind.network.models import AgeGroup, House, Municipality

AT = time(10, 0)


def seed_coverage(
    *, data: dict, houses: dict[str, House], organisations: dict, today: date
) -> None:
    """Write the demo's population figures and the status of known gaps once."""
    year = data["year"]
    age_groups = {group.slug: group for group in AgeGroup.objects.all()}
    names = [row["municipality"] for row in data.get("figures", [])]
    municipalities = {m.name: m for m in Municipality.objects.filter(name__in=names)}
    for row in data.get("figures", []):
        municipality = municipalities[row["municipality"]]
        house = next(h for h in houses.values() if h.municipalities.filter(pk=municipality.pk))
        for slug, count in row["counts"].items():
            if PopulationFigure.objects.filter(
                municipality=municipality, age_group=age_groups[slug], year=year
            ).exists():
                continue
            services.population_figure_set(
                actor=None,
                house=house,
                municipality=municipality,
                age_group=age_groups[slug],
                year=year,
                count=count,
            )
    for row in data.get("marks", []):
        house = houses[row["house"]]
        if GapStatus.objects.filter(house=house).exists():
            continue
        municipality = Municipality.objects.get(name=row["municipality"])
        wanted = selectors.gap_id(row["domain"], row["age_group"], municipality.nis_code)
        gaps = selectors.coverage_matrix(house, today=today)["gaps"]
        if not gaps:
            continue
        chosen = next((gap for gap in gaps if gap["id"] == wanted), None)
        note = row["note"] if chosen else row["fallback_note"]
        chosen = chosen or gaps[0]
        services.gap_status_set(
            actor=None,
            house=house,
            gap_id=chosen["id"],
            status=row["status"],
            note=note.strip(),
            now=timezone.make_aware(datetime.combine(today, AT)),
        )
