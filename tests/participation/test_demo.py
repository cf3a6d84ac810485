"""The demo's surveys: a closed one in Kalmthout whose results release most cells, an open one
in child mode; a second seed run changes nothing."""

import pytest
from django.utils import timezone

from huisvanhetkind.demo.participation import seed_participation
from huisvanhetkind.demo.services import load
from huisvanhetkind.participation import selectors
from huisvanhetkind.participation.models import Answer, Response, Survey

pytestmark = pytest.mark.django_db


def test_the_demo_surveys_are_written_once_and_release_most_cells(house):
    data = load("participation")
    today = timezone.localdate()
    seed_participation(data=data, houses={"kalmthout": house}, organisations={}, today=today)
    closed = Survey.objects.get(title__startswith="Hoe vinden gezinnen")
    child = Survey.objects.get(title="Wat vind jij leuk in Kalmthout?")
    assert closed.status == "closed" and child.status == "open" and child.child_mode
    assert closed.responses.count() == 120
    assert closed.responses.filter(channel="paper").count() == 12
    results = selectors.survey_results(closed)
    rows = [r.row for r in results if r.row]
    released = sum(len([c for c in row.cells if c.count is not None]) for row in rows)
    suppressed = sum(len([c for c in row.cells if c.count is None]) for row in rows)
    assert released > 3 * suppressed and suppressed >= 1
    assert all(c.count >= 5 for row in rows for c in row.released)
    texts = next(r for r in results if r.question.kind == "text")
    assert len(texts.texts) == 5 and texts.pending == 2
    counts = (Survey.objects.count(), Response.objects.count(), Answer.objects.count())
    seed_participation(data=data, houses={"kalmthout": house}, organisations={}, today=today)
    assert (Survey.objects.count(), Response.objects.count(), Answer.objects.count()) == counts
