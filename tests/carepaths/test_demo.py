"""The demo's care paths: the "Eerste 1000 dagen" template for Kalmthout with a medical and a
mental-wellbeing track from pregnancy to the second birthday, and one family in the middle of
it (steps done, one handed over, one offered, one overdue), written once."""

import pytest
from django.utils import timezone

from huisvanhetkind.carepaths import selectors
from huisvanhetkind.carepaths.models import CarePath, PathTemplate, StepHandover
from huisvanhetkind.carepaths.workflow import HandoverStatus, PathStatus, StepStatus
from huisvanhetkind.demo.services import demo_seed
from huisvanhetkind.network.models import House, Organisation

pytestmark = pytest.mark.django_db


def test_the_demo_has_the_first_1000_days_path_in_progress_written_once():
    demo_seed()
    house = House.objects.get(slug="kalmthout")
    today = timezone.localdate()
    template = PathTemplate.objects.get(house=house, name="Eerste 1000 dagen")
    steps = list(template.steps.all())
    assert {s.track for s in steps} == {"medical", "mental"}
    assert steps[0].offset_days < 0 and steps[-1].offset_days >= 2 * 365 - 7
    path = CarePath.objects.get(house=house)
    assert path.status == PathStatus.RUNNING and path.family.name == "Lotte Wouters"
    statuses = {s.title: s for s in path.steps.all()}
    assert sum(s.status == StepStatus.DONE for s in statuses.values()) == 5
    overdue = [s.title for s in statuses.values() if s.is_overdue(today)]
    assert overdue == ["Screening perinatale depressie"]
    kraamzorg = statuses["Kraamzorg aan huis"]
    assert kraamzorg.organisation.name == "Kraamzorg Landelijke Thuiszorg"
    assert StepHandover.objects.filter(step=kraamzorg, status=HandoverStatus.ACCEPTED).exists()
    punt = Organisation.objects.get(name="Opvoedingspunt Kalmthout")
    offers = list(selectors.offers_to({punt.pk}, today))
    assert len(offers) == 1 and offers[0].step.path_id == path.pk
    # The Opvoedingspunt (offered a step, with the family's consent) sees the path.
    assert selectors.visible_organisation_ids({punt.pk}, path, today) == {punt.pk}
    rows = selectors.template_figures(house, today)
    assert [(r.name, r.started.value, r.overdue.value) for r in rows] == [
        ("Eerste 1000 dagen", 1, 1)
    ]
    demo_seed()
    assert CarePath.objects.filter(house=house).count() == 1
    assert PathTemplate.objects.filter(house=house).count() == 1
