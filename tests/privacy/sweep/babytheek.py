"""Babytheek: a membership with a returned loan and a waitlist entry past their retention."""

from datetime import timedelta

from huisvanhetkind.babytheek import services
from huisvanhetkind.babytheek.models import Item, Loan, WaitlistEntry
from huisvanhetkind.babytheek.workflow import LoanStatus as S

MEMBERSHIP = "babytheek.Membership"
LOAN = "babytheek.Loan"
WAITLIST = "babytheek.WaitlistEntry"


def _ended_membership(sweep, label):
    start = sweep.date_ago()
    return services.membership_create(
        actor=None,
        house=sweep.house,
        name=sweep.marker(label),
        email=sweep.email(label),
        phone=sweep.phone(label),
        postcode="2920",
        social_tariff=True,
        valid_from=start,
        valid_until=start + timedelta(days=364),
    )


def seed_membership(sweep):
    _ended_membership(sweep, MEMBERSHIP)


def seed_loan(sweep):
    """Reserved, lent and returned through the services, then moved far into the past."""
    membership = _ended_membership(sweep, LOAN)
    item = Item.objects.create(house=sweep.house, name="Kinderwagen (sweep)")
    start = sweep.date_ago()
    loan = Loan.objects.create(
        item=item,
        membership=membership,
        pickup_date=start,
        due_date=start + timedelta(weeks=4),
        status=S.LENT,
    )
    services.loan_return(actor=None, loan=loan, note=f"Vlek, zei {sweep.marker(LOAN)}")
    Loan.objects.filter(pk=loan.pk).update(returned_at=sweep.days_ago())


def seed_waitlist(sweep):
    item = Item.objects.create(house=sweep.house, name="Box (sweep)")
    entry = services.waitlist_join(
        actor=None,
        house=sweep.house,
        item=item,
        name=sweep.marker(WAITLIST),
        email=sweep.email(WAITLIST),
    )
    WaitlistEntry.objects.filter(pk=entry.pk).update(
        created_at=sweep.days_ago(), notified_at=sweep.days_ago()
    )


SEEDERS = {MEMBERSHIP: seed_membership, LOAN: seed_loan, WAITLIST: seed_waitlist}
