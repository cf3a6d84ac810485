"""A professional's caseload page (the organisation's signals with who else is involved) in a
number of queries that does not grow with the number of signals; each listed signal's read is
still audited, with the acting organisation. The matches it shows are those of ``matches``
(the same child, or a sibling through a parent's number), and nobody else sees the list."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.care import selectors
from huisvanhetkind.care.numbers import fictitious_number
from tests.care.conftest import PARENT, record
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db


def child(n: int) -> str:
    return fictitious_number(date(2015, 1, 1) + timedelta(days=n), 1 + n % 900)


def signal_children(house, worker, organisation, nurse, other_organisation, start, count):
    """``count`` children signalled by the worker's organisation; every other one also by the
    nurse's (a match), every third one with a parent's number (siblings of each other)."""
    for n in range(start, start + count):
        parent = PARENT if n % 3 == 0 else ""
        record(
            house,
            worker,
            organisation,
            number=child(n),
            child_name=f"Kind {n}",
            parent_number=parent,
            notify=False,
        )
        if n % 2 == 0:
            record(house, nurse, other_organisation, number=child(n), notify=False)


def queries_of_list(client) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("care:index"))
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_caseload_page_takes_as_many_queries_for_50_signals_as_for_5(
    house, worker, organisation, nurse, other_organisation
):
    client = logged_in(worker)
    signal_children(house, worker, organisation, nurse, other_organisation, 0, 5)
    few, page = queries_of_list(client)
    assert page.count("Signaal #") == 5 and "Kraamzorg Landelijke Thuiszorg" in page
    signal_children(house, worker, organisation, nurse, other_organisation, 5, 45)
    reads_before = AuditEvent.objects.filter(action=AuditEvent.Action.READ).count()
    many, page = queries_of_list(client)
    assert page.count("Signaal #") == 50
    assert many == few, f"{few} queries for 5 signals, {many} for 50"
    # Every listed signal's read is in the trail, with the acting organisation.
    reads = AuditEvent.objects.filter(action=AuditEvent.Action.READ, target_type="care.signal")
    assert reads.count() - reads_before == 50
    assert set(reads.values_list("organisation", "actor")) == {(organisation.pk, worker.pk)}


def test_the_list_shows_the_same_matches_as_one_signal_does(
    house, worker, organisation, nurse, other_organisation
):
    signal_children(house, worker, organisation, nurse, other_organisation, 0, 7)
    # Siblings: a child of the nurse's organisation with the same parent's number.
    record(house, nurse, other_organisation, number=child(100), parent_number=PARENT, notify=False)
    today = date.today()
    mine = list(selectors.organisation_signals({organisation.pk}, today))
    together = selectors.matches_of_many(mine, today)
    for signal in mine:
        one = selectors.matches(signal, today)
        assert [(o.pk, o.is_sibling) for o in together[signal.pk]] == [
            (o.pk, o.is_sibling) for o in one
        ]
    assert any(o.is_sibling for found in together.values() for o in found)  # positive control
    assert selectors.matches_of_many([], today) == {}


@pytest.mark.parametrize("who", ["third_party", "other_coordinator", "coordinator", "anonymous"])
def test_nobody_else_sees_the_caseload(
    request, house, worker, organisation, nurse, other_organisation, who
):
    signal_children(house, worker, organisation, nurse, other_organisation, 0, 3)
    client = Client() if who == "anonymous" else logged_in(request.getfixturevalue(who))
    response = client.get(reverse("care:index"))
    body = response.content.decode()
    assert "Kind 0" in logged_in(worker).get(reverse("care:index")).content.decode()  # control
    assert "Kind 0" not in body and "Signaal #" not in body
    assert (
        not AuditEvent.objects.filter(
            action=AuditEvent.Action.READ, target_type="care.signal", actor__isnull=False
        )
        .exclude(actor=worker)
        .exists()
    )
