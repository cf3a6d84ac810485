"""Every write of the babytheek: items, memberships, reserving, lending, returning and cancelling
loans, the waitlist, the overdue reminders and the erasure after the retention period.

Reserving locks the item's row (``select_for_update``) and checks that no reserved or lent loan
of the item overlaps the new period and that no overdue loan still holds it; the database
refuses an overlap as well (migration 0002), so two reservations at the same moment never both
succeed.
"""

from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from huisvanhetkind.activities.models import delete_photo_on_commit
from huisvanhetkind.activities.photos import reencode
from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.babytheek.models import Item, Loan, Membership, WaitlistEntry
from huisvanhetkind.babytheek.signing import new_link_token
from huisvanhetkind.babytheek.workflow import HOLDS_ITEM, ensure_transition
from huisvanhetkind.babytheek.workflow import LoanStatus as S
from huisvanhetkind.core.digests import EMAIL, contact_digest, contact_digests
from huisvanhetkind.core.mail import send_templated_mail_on_commit
from huisvanhetkind.core.services import model_update
from huisvanhetkind.core.tokens import token_digest
from huisvanhetkind.network.models import House

A = AuditEvent.Action
ITEM_FIELDS = (
    "name",
    "category",
    "description",
    "photo",
    "photo_alt",
    "condition",
    "deposit",
    "loan_weeks",
    "is_active",
)
MAX_DAYS_AHEAD = 90  # how far ahead a family can reserve
REMIND_EVERY_DAYS = 7  # an overdue loan is reminded of once a week
WAITLIST_DAYS = 14  # a notified waitlist entry is kept this long, then erased
HEAD_START_DAYS = 3  # the family told first has this long before the next one is told


def retention_months() -> int:
    """How long memberships and loans are kept after the membership ended and the last loan
    came back."""
    return getattr(settings, "BABYTHEEK_RETENTION_MONTHS", 12)


def waitlist_retention_months() -> int:
    return getattr(settings, "BABYTHEEK_WAITLIST_RETENTION_MONTHS", 6)


# --- Items -------------------------------------------------------------------------------------


def reencode_photo(upload):
    """A clean photo from an upload (``activities.photos.reencode``): checked by its content,
    encoded again without metadata; a ValidationError in Dutch otherwise."""
    return reencode(upload)


def _shown(value) -> str:
    return value.name if hasattr(value, "name") and hasattr(value, "url") else str(value)


@transaction.atomic
def item_create(*, actor, house: House, data: dict) -> Item:
    item = Item(house=house, **{k: v for k, v in data.items() if k in ITEM_FIELDS})
    item.full_clean()
    item.save()
    audit_record(
        actor=actor,
        action=A.CREATE,
        target=item,
        house=house,
        changes={k: [None, _shown(getattr(item, k))] for k in ITEM_FIELDS},
    )
    return item


@transaction.atomic
def item_update(*, actor, item: Item, data: dict) -> dict:
    old_photo = item.photo.name if item.photo else ""
    fields = {k: v for k, v in data.items() if k in ITEM_FIELDS}
    if "photo" in fields and fields["photo"] is None:
        fields.pop("photo")  # no new upload: keep the photo
    changes = model_update(instance=item, data=fields)
    if "photo" in changes and old_photo:
        delete_photo_on_commit(type(item.photo)(item, item.photo.field, old_photo))
    if changes:
        audit_record(
            actor=actor,
            action=A.UPDATE,
            target=item,
            house=item.house,
            changes={k: [_shown(b), _shown(a)] for k, (b, a) in changes.items()},
        )
    return changes


# --- Memberships -------------------------------------------------------------------------------


def membership_end(valid_from: date) -> date:
    return valid_from + relativedelta(years=1) - timedelta(days=1)


def find_membership(house: House, email: str, day: date) -> Membership | None:
    """The family's membership of the house's babytheek that covers ``day``, found by the
    e-mail address's digest."""
    return (
        Membership.objects.filter(
            house=house,
            email_digest__in=contact_digests(email, EMAIL),
            valid_from__lte=day,
            valid_until__gte=day,
            erased_at__isnull=True,
            erase_requested_at__isnull=True,
        )
        .order_by("-valid_until")
        .first()
    )


@transaction.atomic
def membership_create(
    *,
    actor,
    house: House,
    name: str,
    email: str,
    phone: str = "",
    postcode: str = "",
    social_tariff: bool = False,
    fee_paid: bool = False,
    valid_from: date,
    valid_until: date | None = None,
) -> Membership:
    name, email = name.strip(), email.strip()
    if not name:
        raise ValidationError({"name": _("Vul een naam in.")}, code="name")
    if not email:
        raise ValidationError({"email": _("Vul een e-mailadres in.")}, code="email")
    postcode = postcode.strip()
    if postcode and not (len(postcode) == 4 and postcode.isdigit()):
        raise ValidationError(
            {"postcode": _("Een Belgische postcode heeft vier cijfers.")}, code="postcode"
        )
    valid_until = valid_until or membership_end(valid_from)
    if valid_until < valid_from:
        raise ValidationError(
            {"valid_until": _("Het einde van het lidmaatschap ligt na het begin.")}, code="period"
        )
    membership = Membership.objects.create(
        house=house,
        name=name,
        email=email,
        email_digest=contact_digest(email, EMAIL),
        phone=phone.strip(),
        postcode=postcode,
        social_tariff=social_tariff,
        fee_paid=fee_paid,
        valid_from=valid_from,
        valid_until=valid_until,
    )
    audit_record(
        actor=actor,
        action=A.CREATE,
        target=membership,
        house=house,
        changes={
            "valid_from": [None, valid_from.isoformat()],
            "valid_until": [None, valid_until.isoformat()],
            "fee_paid": [None, fee_paid],
        },
    )
    return membership


@transaction.atomic
def membership_set_paid(*, actor, membership: Membership, fee_paid: bool) -> Membership:
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.fee_paid != fee_paid:
        old = membership.fee_paid
        membership.fee_paid = fee_paid
        membership.save(update_fields=["fee_paid"])
        audit_record(
            actor=actor,
            action=A.UPDATE,
            target=membership,
            house=membership.house,
            changes={"fee_paid": [old, fee_paid]},
        )
    return membership


# --- Availability ------------------------------------------------------------------------------


def holding(item: Item, start: date, end: date, today: date, exclude=None):
    """The loans that hold ``item`` somewhere in [start, end): reserved or lent loans that
    overlap, and lent loans past their due date (overdue: they hold it until they come back)."""
    found = Loan.objects.filter(item=item).filter(
        Q(status__in=HOLDS_ITEM, pickup_date__lt=end, due_date__gt=start)
        | Q(status=S.LENT, due_date__lt=today)
    )
    if exclude is not None:
        found = found.exclude(pk=exclude.pk)
    return found


def available_from(item: Item, today: date, loans=None) -> date | None:
    """The first day from ``today`` on which ``item`` can be picked up for a whole loan period;
    None while an overdue loan still holds it. ``loans`` are the item's reserved and lent
    loans when the caller fetched them already."""
    if loans is None:
        loans = list(Loan.objects.filter(item=item, status__in=HOLDS_ITEM))
    period = timedelta(weeks=item.loan_weeks)
    day = today
    for loan in sorted(loans, key=lambda loan: loan.pickup_date):
        if loan.status == S.LENT and loan.due_date < today:
            return None  # overdue: free once it is back
        if loan.pickup_date < day + period and day < loan.due_date:
            day = max(day, loan.due_date)
    return day


def _taken_error() -> ValidationError:
    return ValidationError(
        {
            "pickup_date": _(
                "Dit artikel is dan al gereserveerd of uitgeleend: kies een latere ophaaldatum "
                "of zet je op de wachtlijst."
            )
        },
        code="taken",
    )


# --- Loans -------------------------------------------------------------------------------------


def loan_reserve(
    *,
    actor,
    house: House,
    item: Item,
    pickup_date: date,
    name: str,
    email: str,
    phone: str = "",
    postcode: str = "",
    new_membership: bool,
    social_tariff: bool = False,
    today: date | None = None,
) -> tuple[Loan, str]:
    """Reserve ``item`` for a family from ``pickup_date`` for the item's loan period, with the
    family's existing membership (found by e-mail) or a new one starting today. Returns the
    loan and the signed token of its link, and e-mails the link."""
    today = today or timezone.localdate()
    if item.house_id != house.pk:
        raise ValidationError({"item": _("Dit artikel hoort niet bij deze babytheek.")}, "house")
    if not item.is_active:
        raise ValidationError({"item": _("Dit artikel wordt niet meer uitgeleend.")}, "inactive")
    if pickup_date < today:
        raise ValidationError({"pickup_date": _("Deze datum ligt in het verleden.")}, code="past")
    if pickup_date > today + timedelta(days=MAX_DAYS_AHEAD):
        raise ValidationError(
            {
                "pickup_date": _("Je kunt hoogstens %(days)s dagen vooraf reserveren.")
                % {"days": MAX_DAYS_AHEAD}
            },
            code="ahead",
        )
    due_date = pickup_date + timedelta(weeks=item.loan_weeks)
    try:
        with transaction.atomic():
            if new_membership:
                membership = membership_create(
                    actor=actor,
                    house=house,
                    name=name,
                    email=email,
                    phone=phone,
                    postcode=postcode,
                    social_tariff=social_tariff,
                    valid_from=today,
                )
            else:
                membership = find_membership(house, email.strip(), today) or find_membership(
                    house, email.strip(), pickup_date
                )
                if membership is None:
                    raise ValidationError(
                        {
                            "email": _(
                                "We vinden geen geldig lidmaatschap met dit e-mailadres. Kies "
                                "“nieuw lid” of gebruik het adres van je lidmaatschap."
                            )
                        },
                        code="membership",
                    )
            if not membership.covers(pickup_date):
                raise ValidationError(
                    {
                        "pickup_date": _(
                            "Je lidmaatschap loopt tot %(until)s: kies een ophaaldatum daarvoor, "
                            "of vernieuw eerst je lidmaatschap."
                        )
                        % {"until": membership.valid_until.strftime("%d/%m/%Y")}
                    },
                    code="membership_validity",
                )
            Item.objects.select_for_update().filter(pk=item.pk).first()
            if holding(item, pickup_date, due_date, today).exists():
                raise _taken_error()
            token, signed = new_link_token()
            loan = Loan.objects.create(
                item=item,
                membership=membership,
                pickup_date=pickup_date,
                due_date=due_date,
                token_hash=token_digest(token),
            )
            audit_record(
                actor=actor,
                action=A.CREATE,
                target=loan,
                house=house,
                changes={
                    "status": [None, S.RESERVED],
                    "pickup_date": [None, pickup_date.isoformat()],
                    "due_date": [None, due_date.isoformat()],
                },
            )
            send_templated_mail_on_commit(
                to=[membership.email],
                template="babytheek/email/reserved",
                context={
                    "loan": loan,
                    "item": item,
                    "house": house,
                    "url": reverse(
                        "babytheek:reservation",
                        kwargs={"house_slug": house.slug, "signed": signed},
                    ),
                },
            )
    except IntegrityError as error:
        raise _taken_error() from error
    return loan, signed


def _locked(loan: Loan) -> Loan:
    Item.objects.select_for_update().filter(pk=loan.item_id).first()
    return (
        Loan.objects.select_for_update().select_related("item__house", "membership").get(pk=loan.pk)
    )


def _set_status(loan: Loan, new: str, *, actor, extra: dict | None = None, reason="") -> None:
    old = loan.status
    ensure_transition(old, new)
    loan.status = new
    changes = {"status": [old, new]}
    for field, value in (extra or {}).items():
        if field == "return_note":
            # Whether a note was written, not the note: the trail keeps no free text.
            changes["has_return_note"] = [False, bool(value)]
        else:
            changes[field] = [str(getattr(loan, field) or ""), str(value)]
        setattr(loan, field, value)
    if new in (S.RETURNED, S.CANCELLED):
        loan.token_hash = None  # the link only ever shows an open loan
    loan.save(update_fields=["status", "token_hash", *(extra or {})])
    audit_record(
        actor=actor,
        action=A.UPDATE,
        target=loan,
        house=loan.item.house,
        reason=reason,
        changes=changes,
    )


@transaction.atomic
def loan_cancel(*, actor, loan: Loan) -> Loan:
    loan = _locked(loan)
    _set_status(loan, S.CANCELLED, actor=actor)
    transaction.on_commit(lambda: waitlist_notify(item=loan.item))
    return loan


@transaction.atomic
def loan_lend(*, actor, loan: Loan, now: datetime | None = None) -> Loan:
    """The volunteer hands the item over; the loan runs its period from today."""
    now = now or timezone.now()
    loan = _locked(loan)
    if loan.status == S.RESERVED and loan.pickup_date > timezone.localdate(now):
        raise ValidationError(
            _("Deze reservatie start pas op %(day)s.")
            % {"day": loan.pickup_date.strftime("%d/%m/%Y")},
            code="early",
        )
    _set_status(loan, S.LENT, actor=actor, extra={"lent_at": now})
    return loan


@transaction.atomic
def loan_return(*, actor, loan: Loan, note: str = "", now: datetime | None = None) -> Loan:
    """The item comes back (with a note on its condition); the first family on the waitlist is
    told."""
    now = now or timezone.now()
    loan = _locked(loan)
    _set_status(
        loan,
        S.RETURNED,
        actor=actor,
        extra={"returned_at": now, "return_note": note.strip()[:300]},
    )
    transaction.on_commit(lambda: waitlist_notify(item=loan.item))
    return loan


# --- Waitlist ----------------------------------------------------------------------------------


@transaction.atomic
def waitlist_join(*, actor, house: House, item: Item, name: str, email: str) -> WaitlistEntry:
    if item.house_id != house.pk or not item.is_active:
        raise ValidationError({"item": _("Dit artikel hoort niet bij deze babytheek.")}, "house")
    name, email = name.strip(), email.strip()
    if not name:
        raise ValidationError({"name": _("Vul een naam in.")}, code="name")
    if not email:
        raise ValidationError({"email": _("Vul een e-mailadres in.")}, code="email")
    entry = WaitlistEntry.objects.create(
        item=item, name=name, email=email, email_digest=contact_digest(email, EMAIL)
    )
    audit_record(
        actor=actor, action=A.CREATE, target=entry, house=house, changes={"item": [None, item.pk]}
    )
    return entry


def waitlist_notify(*, item: Item, today: date | None = None) -> int:
    """E-mail the first family waiting for ``item`` when it can be picked up now (once each).
    A family told gets HEAD_START_DAYS to reserve it before the next one is told."""
    today = today or timezone.localdate()
    with transaction.atomic():
        Item.objects.select_for_update().filter(pk=item.pk).first()
        if not item.is_active or available_from(item, today) != today:
            return 0
        if WaitlistEntry.objects.filter(
            item=item, notified_at__gt=timezone.now() - timedelta(days=HEAD_START_DAYS)
        ).exists():
            return 0
        entry = (
            WaitlistEntry.objects.select_for_update()
            .filter(item=item, notified_at__isnull=True)
            .exclude(email="")
            .order_by("created_at", "pk")
            .first()
        )
        if entry is None:
            return 0
        entry.notified_at = timezone.now()
        entry.save(update_fields=["notified_at"])
        send_templated_mail_on_commit(
            to=[entry.email],
            template="babytheek/email/waitlist",
            context={
                "entry": entry,
                "item": item,
                "house": item.house,
                "url": reverse(
                    "babytheek:reserve", kwargs={"house_slug": item.house.slug, "pk": item.pk}
                ),
            },
        )
    return 1


def waitlists_notify(*, today: date | None = None) -> int:
    """Every item with a family waiting that can be picked up today: tell the first one."""
    items = Item.objects.filter(is_active=True, waitlist__notified_at__isnull=True).select_related(
        "house"
    )
    return sum(waitlist_notify(item=item, today=today) for item in items.distinct())


# --- Overdue reminders -------------------------------------------------------------------------


def loans_remind_overdue(*, today: date | None = None) -> int:
    """E-mail every family whose loan is overdue, once a week. Each loan is claimed by a
    conditional update first, so two runs at once send one e-mail."""
    today = today or timezone.localdate()
    last = today - timedelta(days=REMIND_EVERY_DAYS)
    due = (
        Loan.objects.filter(status=S.LENT, due_date__lt=today)
        .filter(Q(reminded_on__isnull=True) | Q(reminded_on__lte=last))
        .select_related("item__house", "membership")
    )
    sent = 0
    for loan in due:
        with transaction.atomic():
            claimed = Loan.objects.filter(
                pk=loan.pk, reminded_on=loan.reminded_on, status=S.LENT
            ).update(reminded_on=today)
            if not claimed or not loan.membership.email:
                continue
            send_templated_mail_on_commit(
                to=[loan.membership.email],
                template="babytheek/email/overdue",
                context={"loan": loan, "item": loan.item, "house": loan.item.house},
            )
            sent += 1
    return sent


# --- Retention ---------------------------------------------------------------------------------


def memberships_due(now):
    """The memberships to erase: those that ended more than the retention period ago, without
    an open loan (reserved or lent) and whose last loan came back (or was cancelled) more than
    that period ago; and those whose family asked their erasure ("Mijn gegevens") while an item
    was lent, once no loan holds an item any more."""
    cutoff = timezone.localdate(now) - relativedelta(months=retention_months())
    open_loan = Loan.objects.filter(membership=OuterRef("pk"), status__in=HOLDS_ITEM)
    recent_return = Loan.objects.filter(membership=OuterRef("pk"), returned_at__date__gte=cutoff)
    return (
        Membership.objects.filter(erased_at__isnull=True)
        .alias(open_loan=Exists(open_loan), recent_return=Exists(recent_return))
        .filter(open_loan=False)
        .filter(
            Q(valid_until__lt=cutoff, recent_return=False) | Q(erase_requested_at__isnull=False)
        )
    )


def _anonymise_membership(membership: Membership, now) -> None:
    """Erase the name and contact of a membership and the notes and links of its loans; the
    anonymous counts (social tariff, postcode, loans) stay."""
    membership.name = membership.email = membership.phone = ""
    membership.email_digest = ""
    membership.erased_at = now
    membership.save(update_fields=["name", "email", "phone", "email_digest", "erased_at"])
    membership.loans.update(return_note="", token_hash=None)


def memberships_erase_expired(*, now=None) -> int:
    """Erase the memberships due (``memberships_due``): their name and contact, and the notes
    and links of their loans; the anonymous counts (social tariff, postcode, loans) stay."""
    now = now or timezone.now()
    count = 0
    with transaction.atomic():
        due = Membership.objects.filter(pk__in=memberships_due(now).values("pk"))
        for membership in due.select_for_update().select_related("house"):
            _anonymise_membership(membership, now)
            audit_record(
                actor=None,
                action=A.ERASE,
                target=membership,
                house=membership.house,
                reason=_("het gezin vroeg het wissen")
                if membership.erase_requested_at
                else _("bewaartermijn verstreken"),
            )
            count += 1
    return count


@transaction.atomic
def membership_erase(*, membership: Membership, reason: str, now=None) -> bool:
    """The family asks its data erased ("Mijn gegevens"). Its reservations are cancelled (the
    items are free again and the waitlist is told). While the family still has an item at
    home, the babytheek must know who has it and how to ask it back: the name and contact stay
    (``erase_requested_at`` is set, and ``find_membership`` no longer finds the membership),
    and the nightly rule erases them once the last item is back (``memberships_due``).
    Otherwise they are erased now. Returns whether the membership was erased now."""
    now = now or timezone.now()
    for loan in Loan.objects.filter(membership=membership, status=S.RESERVED):
        loan_cancel(actor=None, loan=loan)
    membership = (
        Membership.objects.select_for_update().select_related("house").get(pk=membership.pk)
    )
    if membership.erased_at is not None:
        return True
    if membership.loans.filter(status__in=HOLDS_ITEM).exists():
        if membership.erase_requested_at is None:
            membership.erase_requested_at = now
            membership.save(update_fields=["erase_requested_at"])
            audit_record(
                actor=None,
                action=A.UPDATE,
                target=membership,
                house=membership.house,
                reason=reason,
                changes={"erase_requested_at": [None, now.isoformat()]},
            )
        return False
    _anonymise_membership(membership, now)
    audit_record(
        actor=None, action=A.ERASE, target=membership, house=membership.house, reason=reason
    )
    return True


def waitlist_due(now):
    """Waitlist entries notified more than WAITLIST_DAYS ago, or waiting longer than the
    waitlist's retention period."""
    return WaitlistEntry.objects.filter(
        Q(notified_at__lt=now - timedelta(days=WAITLIST_DAYS))
        | Q(created_at__lt=now - relativedelta(months=waitlist_retention_months()))
    )


@transaction.atomic
def waitlist_entry_erase(*, entry: WaitlistEntry, reason: str) -> None:
    """The family leaves the waitlist and its name and address are deleted ("Mijn gegevens")."""
    audit_record(actor=None, action=A.ERASE, target=entry, house=entry.item.house, reason=reason)
    entry.delete()


def waitlist_erase_expired(*, now=None) -> int:
    now = now or timezone.now()
    count = 0
    with transaction.atomic():
        for entry in waitlist_due(now).select_related("item__house"):
            audit_record(
                actor=None,
                action=A.ERASE,
                target=entry,
                house=entry.item.house,
                reason=_("bewaartermijn verstreken"),
            )
            entry.delete()
            count += 1
    return count
