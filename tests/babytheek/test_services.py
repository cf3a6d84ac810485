"""Reserving, lending, returning and cancelling, the waitlist, the overdue reminders and the
erasure after the retention period; bad input gets a Dutch message and changes nothing."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.babytheek import services
from huisvanhetkind.babytheek.models import Loan, Membership, WaitlistEntry
from huisvanhetkind.babytheek.workflow import LoanStatus as S
from huisvanhetkind.core.digests import EMAIL, contact_digest
from huisvanhetkind.core.tokens import token_digest
from tests.babytheek.conftest import loan_of, reserve, today

pytestmark = pytest.mark.django_db


def message_of(error) -> str:
    return " ".join(error.value.messages)


def test_a_member_reserves_an_item_and_gets_a_signed_link(house, item, member, on_commit):
    with on_commit():
        loan, signed = reserve(house, item, today() + timedelta(days=2))
    assert loan.status == S.RESERVED
    assert loan.membership == member
    assert loan.due_date == loan.pickup_date + timedelta(weeks=4)
    assert loan.token_hash == token_digest(signed.split(":")[0])
    assert [m.to for m in mail.outbox] == [["sara@example.be"]]
    assert f"/kalmthout/babytheek/reservatie/{signed}/" in mail.outbox[0].body
    assert AuditEvent.objects.filter(target_type="babytheek.loan", action="create").exists()


def test_a_new_family_becomes_member_for_a_year_when_reserving(house, item):
    loan, _signed = reserve(
        house, item, email="nieuw@example.be", new=True, postcode="2920", social_tariff=True
    )
    membership = loan.membership
    assert membership.valid_from == today()
    assert membership.valid_until.year == today().year + 1
    assert membership.social_tariff is True
    assert membership.email == "nieuw@example.be"


@pytest.mark.parametrize(
    ("pickup_days", "expected"),
    [(-1, "in het verleden"), (200, "hoogstens 90 dagen vooraf")],
)
def test_a_pickup_date_out_of_range_is_refused(house, item, member, pickup_days, expected):
    with pytest.raises(ValidationError) as error:
        reserve(house, item, today() + timedelta(days=pickup_days))
    assert expected in message_of(error)
    assert not Loan.objects.exists()


def test_an_item_of_another_house_is_refused(house, other_item, member):
    with pytest.raises(ValidationError) as error:
        reserve(house, other_item)
    assert "hoort niet bij deze babytheek" in message_of(error)
    assert not Loan.objects.exists()


def test_a_taken_item_is_refused_and_the_new_membership_is_not_kept(house, item, member):
    reserve(house, item, today() + timedelta(days=5))
    with pytest.raises(ValidationError) as error:
        reserve(house, item, today() + timedelta(days=10), email="ander@example.be", new=True)
    assert "al gereserveerd of uitgeleend" in message_of(error)
    assert Loan.objects.count() == 1
    assert Membership.objects.count() == 1
    # Positive control: after the loan period it is free.
    reserve(house, item, today() + timedelta(days=5, weeks=4))
    assert Loan.objects.count() == 2


def test_an_overdue_loan_holds_the_item_until_it_comes_back(house, item, member):
    overdue = loan_of(item, member, today() - timedelta(weeks=5), status=S.LENT)
    assert services.available_from(item, today()) is None
    with pytest.raises(ValidationError):
        reserve(house, item, today() + timedelta(weeks=8))
    services.loan_return(actor=None, loan=overdue)
    assert services.available_from(item, today()) == today()
    reserve(house, item, today() + timedelta(weeks=8))


def test_a_pickup_after_the_membership_ends_is_refused(house, item):
    services.membership_create(
        actor=None,
        house=house,
        name="Kort lid",
        email="kort@example.be",
        valid_from=today() - timedelta(days=300),
        valid_until=today() + timedelta(days=10),
    )
    with pytest.raises(ValidationError) as error:
        reserve(house, item, today() + timedelta(days=20), email="kort@example.be")
    assert "Je lidmaatschap loopt tot" in message_of(error)
    assert not Loan.objects.exists()
    reserve(house, item, today() + timedelta(days=5), email="kort@example.be")


def test_an_unknown_member_is_asked_to_join(house, item, member, other_house):
    # A membership of another house does not count here.
    services.membership_create(
        actor=None, house=other_house, name="Elders", email="elders@example.be", valid_from=today()
    )
    with pytest.raises(ValidationError) as error:
        reserve(house, item, email="elders@example.be")
    assert "geen geldig lidmaatschap" in message_of(error)


def test_a_bad_postcode_is_refused(house, item):
    with pytest.raises(ValidationError) as error:
        reserve(house, item, email="x@example.be", new=True, postcode="29")
    assert "vier cijfers" in message_of(error)
    assert not Membership.objects.exists()


def test_lend_and_return_with_a_note_then_the_link_is_spent(house, item, member, coordinator):
    loan, _signed = reserve(house, item)
    services.loan_lend(actor=coordinator, loan=loan)
    loan.refresh_from_db()
    assert loan.status == S.LENT and loan.lent_at is not None
    services.loan_return(actor=coordinator, loan=loan, note="Vlekje op de kap")
    loan.refresh_from_db()
    assert loan.status == S.RETURNED
    assert loan.return_note == "Vlekje op de kap"
    assert loan.token_hash is None
    with pytest.raises(ValidationError) as error:
        services.loan_return(actor=coordinator, loan=loan)
    assert "kan niet" in message_of(error)


def test_lending_before_the_pickup_date_is_refused(house, item, member, coordinator):
    loan, _signed = reserve(house, item, today() + timedelta(days=3))
    with pytest.raises(ValidationError) as error:
        services.loan_lend(actor=coordinator, loan=loan)
    assert "start pas op" in message_of(error)


def test_the_first_on_the_waitlist_hears_when_the_item_comes_back(
    house, item, member, coordinator, on_commit
):
    lent = loan_of(item, member, today() - timedelta(days=7), status=S.LENT)
    first = services.waitlist_join(
        actor=None, house=house, item=item, name="Eerste", email="eerste@example.be"
    )
    services.waitlist_join(
        actor=None, house=house, item=item, name="Tweede", email="tweede@example.be"
    )
    assert services.waitlists_notify() == 0  # still lent
    with on_commit():
        services.loan_return(actor=coordinator, loan=lent)
    assert [m.to for m in mail.outbox] == [["eerste@example.be"]]
    first.refresh_from_db()
    assert first.notified_at is not None
    assert services.waitlists_notify() == 0  # once: the first has a head start
    assert WaitlistEntry.objects.filter(notified_at__isnull=True).count() == 1
    # The first did not reserve within the head start: the next one hears.
    WaitlistEntry.objects.filter(pk=first.pk).update(
        notified_at=timezone.now() - timedelta(days=services.HEAD_START_DAYS + 1)
    )
    with on_commit():
        assert services.waitlists_notify() == 1
    assert mail.outbox[-1].to == ["tweede@example.be"]


def test_overdue_reminders_go_once_a_week(house, item, member, on_commit):
    loan_of(item, member, today() - timedelta(weeks=5), status=S.LENT)
    loan_of(item, member, today() - timedelta(weeks=1), status=S.LENT, weeks=1)  # due today
    with on_commit():
        assert services.loans_remind_overdue() == 1
        assert services.loans_remind_overdue() == 0
        # A week later: the first again, and the second is overdue by now too.
        assert services.loans_remind_overdue(today=today() + timedelta(days=7)) == 2
    assert [m.to for m in mail.outbox] == [["sara@example.be"]] * 3


def test_memberships_are_erased_after_the_retention_period(house, item, member, settings):
    settings.BABYTHEEK_RETENTION_MONTHS = 12
    old = services.membership_create(
        actor=None,
        house=house,
        name="Oud lid",
        email="oud@example.be",
        valid_from=today() - timedelta(days=900),
        valid_until=today() - timedelta(days=500),
    )
    loan = loan_of(item, old, today() - timedelta(days=600), status=S.RETURNED)
    Loan.objects.filter(pk=loan.pk).update(
        returned_at=timezone.now() - timedelta(days=560), return_note="Kapot wieltje"
    )
    assert list(services.memberships_due(timezone.now())) == [old]
    assert services.memberships_erase_expired() == 1
    old.refresh_from_db()
    assert (old.name, old.email, old.email_digest) == ("", "", "")
    assert old.erased_at is not None
    assert old.postcode == "" and Loan.objects.get(pk=loan.pk).return_note == ""
    member.refresh_from_db()
    assert member.name == "Sara Peeters"  # current member kept
    assert services.memberships_erase_expired() == 0
    assert AuditEvent.objects.filter(action="erase", target_id=str(old.pk)).count() == 1


def test_an_open_loan_keeps_an_ended_membership(house, item):
    old = services.membership_create(
        actor=None,
        house=house,
        name="Oud lid",
        email="oud@example.be",
        valid_from=today() - timedelta(days=900),
        valid_until=today() - timedelta(days=500),
    )
    loan_of(item, old, today() - timedelta(days=520), status=S.LENT)
    assert services.memberships_erase_expired() == 0


def test_waitlist_entries_are_removed_after_notification(house, item):
    entry = services.waitlist_join(
        actor=None, house=house, item=item, name="An", email="an@example.be"
    )
    WaitlistEntry.objects.filter(pk=entry.pk).update(
        notified_at=timezone.now() - timedelta(days=20)
    )
    assert services.waitlist_erase_expired() == 1
    assert not WaitlistEntry.objects.exists()
    assert services.waitlist_erase_expired() == 0


def test_the_waitlist_keeps_the_keyed_digest_and_the_family_leaves_it(house, item):
    entry = services.waitlist_join(
        actor=None, house=house, item=item, name="An", email="An@Example.be"
    )
    assert entry.email_digest == contact_digest("an@example.be", EMAIL)
    services.waitlist_entry_erase(entry=entry, reason="het gezin vroeg het")
    assert not WaitlistEntry.objects.exists()
    assert AuditEvent.objects.filter(action="erase", target_type="babytheek.waitlistentry").exists()


def test_the_family_s_erasure_cancels_its_reservations_and_erases_at_once(house, item, member):
    loan, _signed = reserve(house, item, today() + timedelta(days=2))
    assert services.membership_erase(membership=member, reason="het gezin vroeg het") is True
    loan.refresh_from_db()
    member.refresh_from_db()
    assert loan.status == S.CANCELLED and loan.token_hash is None
    assert (member.name, member.email, member.email_digest) == ("", "", "")
    assert member.erased_at is not None and member.erase_requested_at is None


def test_an_item_at_home_keeps_the_member_until_it_is_back(house, item, member, coordinator):
    lent = loan_of(item, member, today() - timedelta(days=3), status=S.LENT)
    assert services.membership_erase(membership=member, reason="het gezin vroeg het") is False
    member.refresh_from_db()
    assert member.erased_at is None and member.name == "Sara Peeters"
    assert member.erase_requested_at is not None
    assert services.find_membership(house, "sara@example.be", today()) is None
    assert services.memberships_erase_expired() == 0  # the item is still at home
    services.loan_return(actor=coordinator, loan=lent, note="Vlekje")
    assert list(services.memberships_due(timezone.now())) == [member]
    assert services.memberships_erase_expired() == 1
    member.refresh_from_db()
    assert member.erased_at is not None and member.name == ""
    event = AuditEvent.objects.get(action="erase", target_id=str(member.pk))
    assert event.reason == "het gezin vroeg het wissen"
