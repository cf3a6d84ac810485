"""The database itself refuses an item reserved or lent twice for overlapping periods."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction

from huisvanhetkind.babytheek.models import Item, Loan
from tests.babytheek.conftest import loan_of, today

pytestmark = pytest.mark.django_db


def test_overlapping_loans_of_one_item_are_refused_by_the_database(item, member):
    start = today() + timedelta(days=3)
    loan_of(item, member, start)
    with pytest.raises(IntegrityError), transaction.atomic():
        loan_of(item, member, start + timedelta(days=7))
    with pytest.raises(IntegrityError), transaction.atomic():
        loan_of(item, member, start - timedelta(days=7), status="lent")
    # Positive controls: back to back, cancelled or returned, another item.
    loan_of(item, member, start + timedelta(weeks=4))
    loan_of(item, member, start, status="cancelled")
    loan_of(item, member, start, status="returned")
    other = Item.objects.create(house=item.house, name="Autostoeltje")
    loan_of(other, member, start)
    assert Loan.objects.filter(status__in=["reserved", "lent"]).count() == 3


def test_reopening_a_cancelled_overlapping_loan_is_refused_by_the_database(item, member):
    start = today() + timedelta(days=3)
    loan_of(item, member, start)
    cancelled = loan_of(item, member, start, status="cancelled")
    cancelled.status = "reserved"
    with pytest.raises(IntegrityError), transaction.atomic():
        cancelled.save(update_fields=["status"])
    cancelled.refresh_from_db()
    assert cancelled.status == "cancelled"
