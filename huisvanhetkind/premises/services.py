"""Every write of the premises app: rooms, the house's terms, accepting the usage agreement, and
requesting, approving, declining and cancelling bookings; the secret links at which a calendar
program subscribes to a room or to an organisation's bookings.

A booking's category gives the house's priority order (``CATEGORY_PRIORITY``): the house's own
services first, then partners, then the municipality, then others. It is derived from the
requesting organisation (``category_for``): a public body (lokaal bestuur of OCMW) is the
municipality, an active partner of the house is a partner, anything else is other; the
coordinator may set another category (e.g. "eigen werking" for the house's own activities).

Approving locks the room's row (``select_for_update``) and checks for an overlap with every
approved booking of the room; the database refuses an overlap as well (migration 0002), so two
approvals at the same moment never both succeed.
"""

import uuid
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.core.mail import send_templated_mail_on_commit
from huisvanhetkind.core.services import model_update
from huisvanhetkind.core.tokens import new_token, token_digest
from huisvanhetkind.network.access import is_coordinator
from huisvanhetkind.network.models import House, OpeningHours, Organisation, Partnership
from huisvanhetkind.premises.access import partner_organisations
from huisvanhetkind.premises.models import (
    AgreementAcceptance,
    Booking,
    CalendarLink,
    Room,
    RoomTerms,
)
from huisvanhetkind.premises.workflow import BookingStatus as S
from huisvanhetkind.premises.workflow import ensure_transition

A = AuditEvent.Action
C = Booking.Category
CATEGORY_PRIORITY = {C.HOUSE: 0, C.PARTNER: 1, C.MUNICIPALITY: 2, C.OTHER: 3}
MAX_WEEKS = 26
MAX_BUFFER = 240
ROOM_FIELDS = (
    "name",
    "capacity",
    "facilities",
    "accessibility",
    "wheelchair_accessible",
    "divisible",
    "usage_rules",
    "bookable_from",
    "bookable_until",
    "is_active",
)


# --- Rooms and terms ---------------------------------------------------------------------------


@transaction.atomic
def room_create(*, actor, house: House, data: dict) -> Room:
    room = Room(house=house, **{k: v for k, v in data.items() if k in ROOM_FIELDS})
    room.full_clean()
    room.save()
    audit_record(
        actor=actor,
        action=A.CREATE,
        target=room,
        house=house,
        changes={k: [None, str(getattr(room, k))] for k in ROOM_FIELDS},
    )
    return room


@transaction.atomic
def room_update(*, actor, room: Room, data: dict) -> dict:
    name = data.get("name", room.name)
    if Room.objects.filter(house=room.house, name=name).exclude(pk=room.pk).exists():
        raise ValidationError({"name": _("Dit huis heeft al een zaal met die naam.")}, code="name")
    changes = model_update(instance=room, data={k: v for k, v in data.items() if k in ROOM_FIELDS})
    if changes:
        audit_record(
            actor=actor,
            action=A.UPDATE,
            target=room,
            house=room.house,
            changes={k: [str(b), str(a)] for k, (b, a) in changes.items()},
        )
    return changes


def terms_for(house: House) -> RoomTerms:
    return RoomTerms.objects.filter(house=house).first() or RoomTerms(house=house)


@transaction.atomic
def terms_save(*, actor, house: House, data: dict) -> dict:
    terms, created = RoomTerms.objects.get_or_create(house=house)
    fields = ("cancellation_terms", "cancellation_cutoff_hours", "usage_agreement")
    changes = model_update(instance=terms, data={k: v for k, v in data.items() if k in fields})
    if changes:
        audit_record(
            actor=actor,
            action=A.UPDATE,
            target=terms,
            house=house,
            changes={k: [str(b), str(a)] for k, (b, a) in changes.items()},
        )
    return changes


def has_accepted(house: House, organisation: Organisation) -> bool:
    return AgreementAcceptance.objects.filter(house=house, organisation=organisation).exists()


@transaction.atomic
def agreement_accept(*, actor, house: House, organisation: Organisation) -> AgreementAcceptance:
    """The organisation accepts the house's usage agreement: once, by ``actor``, now."""
    acceptance, created = AgreementAcceptance.objects.get_or_create(
        house=house, organisation=organisation, defaults={"accepted_by": actor}
    )
    if created:
        audit_record(
            actor=actor,
            action=A.CREATE,
            target=acceptance,
            house=house,
            organisation=organisation,
            changes={"accepted_by": [None, str(actor)]},
        )
    return acceptance


# --- Bookings ----------------------------------------------------------------------------------


def category_for(house: House, organisation: Organisation) -> str:
    """The priority category of a booking by ``organisation`` (see the module's docstring)."""
    if organisation.kind == Organisation.Kind.PUBLIC:
        return C.MUNICIPALITY
    if Partnership.objects.filter(
        house=house, organisation=organisation, status=Partnership.Status.ACTIVE
    ).exists():
        return C.PARTNER
    return C.OTHER


def opening_hours_of(house: House) -> list[OpeningHours] | None:
    """The opening hours of the house's own location, or None when it has none."""
    hours = list(OpeningHours.objects.filter(location__house=house).order_by("weekday", "opens"))
    return hours or None


def _check_hours(room: Room, starts_at: datetime, ends_at: datetime, hours) -> None:
    start, end = timezone.localtime(starts_at), timezone.localtime(ends_at)
    if start.date() != end.date():
        raise ValidationError(
            {"ends_at": _("Een reservatie begint en eindigt op dezelfde dag.")}, code="day"
        )
    if hours is None:
        if not (room.bookable_from <= start.time() and end.time() <= room.bookable_until):
            raise ValidationError(
                {
                    "starts_at": _(
                        "Deze zaal is alleen te reserveren tussen %(opens)s en %(closes)s."
                    )
                    % {
                        "opens": f"{room.bookable_from:%H:%M}",
                        "closes": f"{room.bookable_until:%H:%M}",
                    }
                },
                code="hours",
            )
        return
    if not any(
        h.weekday == start.weekday() and h.opens <= start.time() and end.time() <= h.closes
        for h in hours
    ):
        day = [h for h in hours if h.weekday == start.weekday()]
        if day:
            text = ", ".join(f"{h.opens:%H:%M}-{h.closes:%H:%M}" for h in day)
            message = _("Het huis is op die dag open van %(hours)s: kies een tijd daarbinnen.") % {
                "hours": text
            }
        else:
            message = _("Het huis is op die dag gesloten.")
        raise ValidationError({"starts_at": message}, code="hours")


def overlapping(room: Room, blocked_from, blocked_until, statuses=(S.APPROVED,), exclude=None):
    """The bookings of ``room`` in ``statuses`` whose blocked time (buffers included) overlaps."""
    found = Booking.objects.filter(
        room=room,
        status__in=statuses,
        blocked_from__lt=blocked_until,
        blocked_until__gt=blocked_from,
    )
    if exclude is not None:
        found = found.exclude(pk=exclude.pk)
    return found


def _overlap_error() -> ValidationError:
    return ValidationError(
        {
            "starts_at": _(
                "De zaal is dan al bezet (buffers inbegrepen): kies een ander tijdstip of een "
                "andere zaal."
            )
        },
        code="overlap",
    )


@transaction.atomic
def booking_request(
    *,
    actor,
    house: House,
    organisation: Organisation,
    room: Room,
    title: str,
    attendees: int,
    starts_at: datetime,
    ends_at: datetime,
    buffer_before: int = 0,
    buffer_after: int = 0,
    weeks: int = 1,
    category: str | None = None,
    now: datetime | None = None,
) -> list[Booking]:
    """Request a booking of ``room`` for ``organisation``; with ``weeks`` > 1 the same time
    every week, one booking per week (a series). Every occurrence is checked; nothing is saved
    when one is refused."""
    now = now or timezone.now()
    if room.house_id != house.pk:
        raise ValidationError({"room": _("Deze zaal hoort niet bij dit huis.")}, code="house")
    if not room.is_active:
        raise ValidationError({"room": _("Deze zaal is niet meer in gebruik.")}, code="inactive")
    if not Partnership.objects.filter(
        house=house, organisation=organisation, status=Partnership.Status.ACTIVE
    ).exists():
        raise ValidationError(
            _("Alleen actieve partners van het huis kunnen een zaal reserveren."), code="partner"
        )
    if not has_accepted(house, organisation):
        raise ValidationError(
            _("Je organisatie aanvaardde de gebruiksovereenkomst van het huis nog niet."),
            code="agreement",
        )
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("Het einde ligt na het begin.")}, code="order")
    if starts_at <= now:
        raise ValidationError({"starts_at": _("Dit tijdstip ligt in het verleden.")}, code="past")
    if attendees > room.capacity:
        raise ValidationError(
            {
                "attendees": _("Deze zaal biedt plaats aan %(capacity)s personen.")
                % {"capacity": room.capacity}
            },
            code="capacity",
        )
    if not 1 <= weeks <= MAX_WEEKS:
        raise ValidationError(
            {"weeks": _("Herhaal hoogstens %(max)s weken.") % {"max": MAX_WEEKS}}, code="weeks"
        )
    if not (0 <= buffer_before <= MAX_BUFFER and 0 <= buffer_after <= MAX_BUFFER):
        raise ValidationError(
            _("Een buffer is hoogstens %(max)s minuten.") % {"max": MAX_BUFFER}, code="buffer"
        )
    hours = opening_hours_of(house)
    Room.objects.select_for_update().filter(pk=room.pk).first()
    series = uuid.uuid4() if weeks > 1 else None
    category = category or category_for(house, organisation)
    created = []
    for week in range(weeks):
        start = timezone.localtime(starts_at) + timedelta(weeks=week)
        end = timezone.localtime(ends_at) + timedelta(weeks=week)
        _check_hours(room, start, end, hours)
        if overlapping(
            room, start - timedelta(minutes=buffer_before), end + timedelta(minutes=buffer_after)
        ).exists():
            raise _overlap_error()
        booking = Booking.objects.create(
            room=room,
            organisation=organisation,
            requested_by=actor,
            title=title,
            attendees=attendees,
            starts_at=start,
            ends_at=end,
            buffer_before=buffer_before,
            buffer_after=buffer_after,
            category=category,
            series=series,
        )
        audit_record(
            actor=actor,
            action=A.CREATE,
            target=booking,
            house=house,
            organisation=organisation,
            changes={
                "status": [None, S.REQUESTED],
                "starts_at": [None, booking.starts_at.isoformat()],
                "ends_at": [None, booking.ends_at.isoformat()],
            },
        )
        created.append(booking)
    return created


def _locked(booking: Booking) -> Booking:
    Room.objects.select_for_update().filter(pk=booking.room_id).first()
    return Booking.objects.select_for_update().select_related("room__house").get(pk=booking.pk)


def _set_status(booking: Booking, new: str, *, actor, action, reason="", decided=True) -> None:
    old = booking.status
    ensure_transition(old, new)
    booking.status = new
    fields = ["status"]
    if decided:
        booking.decided_by, booking.decided_at = actor, timezone.now()
        fields += ["decided_by", "decided_at"]
    if reason:
        booking.reason = reason
        fields.append("reason")
    booking.save(update_fields=fields)
    audit_record(
        actor=actor,
        action=action,
        target=booking,
        house=booking.room.house,
        organisation=booking.organisation,
        reason=reason,
        changes={"status": [old, new]},
    )


def _notify_decision(booking: Booking, template: str) -> None:
    """E-mail the professional who requested ``booking`` the coordinator's decision (room, day,
    hours and, on a decline, the reason), once the decision is saved."""
    requester = booking.requested_by
    if requester is None or not requester.email:
        return
    house = booking.room.house
    starts, ends = timezone.localtime(booking.starts_at), timezone.localtime(booking.ends_at)
    send_templated_mail_on_commit(
        to=[requester.email],
        template=f"premises/email/{template}",
        context={
            "booking": booking,
            "room": booking.room,
            "house": house,
            "day": starts.date(),
            "hours": f"{starts:%H:%M}–{ends:%H:%M}",
            "url": reverse("premises:index", kwargs={"house_slug": house.slug}),
        },
    )


def booking_approve(*, actor, booking: Booking) -> Booking:
    """Approve a request, unless the room is taken then (checked under the room's lock, and by
    the database)."""
    try:
        with transaction.atomic():
            booking = _locked(booking)
            if (
                booking.status == S.REQUESTED
                and overlapping(
                    booking.room, booking.blocked_from, booking.blocked_until, exclude=booking
                ).exists()
            ):
                raise _overlap_error()
            _set_status(booking, S.APPROVED, actor=actor, action=A.APPROVE)
            _notify_decision(booking, "approved")
    except IntegrityError as error:
        raise _overlap_error() from error
    return booking


@transaction.atomic
def booking_decline(*, actor, booking: Booking, reason: str) -> Booking:
    if not reason.strip():
        raise ValidationError({"reason": _("Geef een reden.")}, code="reason")
    booking = _locked(booking)
    _set_status(booking, S.DECLINED, actor=actor, action=A.DECLINE, reason=reason.strip())
    _notify_decision(booking, "declined")
    return booking


@transaction.atomic
def booking_set_category(*, actor, booking: Booking, category: str) -> Booking:
    if category not in C.values:
        raise ValidationError({"category": _("Kies een categorie uit de lijst.")}, code="category")
    booking = _locked(booking)
    old = booking.category
    if old != category:
        booking.category = category
        booking.save(update_fields=["category"])
        audit_record(
            actor=actor,
            action=A.UPDATE,
            target=booking,
            house=booking.room.house,
            changes={"category": [old, category]},
        )
    return booking


@transaction.atomic
def booking_cancel(
    *, actor, booking: Booking, by_coordinator: bool = False, now: datetime | None = None
) -> Booking:
    """Cancel a booking: the partner that requested it until the house's cut-off before the
    start, the coordinator at any time."""
    now = now or timezone.now()
    booking = _locked(booking)
    if not by_coordinator:
        cutoff = terms_for(booking.room.house).cutoff
        if booking.starts_at - cutoff < now:
            raise ValidationError(
                _("Annuleren kan tot %(hours)s uur voor het begin; neem contact op met het huis.")
                % {"hours": int(cutoff.total_seconds() // 3600)},
                code="cutoff",
            )
    _set_status(booking, S.CANCELLED, actor=actor, action=A.UPDATE, decided=by_coordinator)
    return booking


# --- Subscribable calendars --------------------------------------------------------------------


def _revoke(*, actor, link: CalendarLink, now: datetime) -> None:
    link.revoked_at = now
    link.save(update_fields=["revoked_at"])
    audit_record(
        actor=actor,
        action=A.UPDATE,
        target=link,
        house=link.house,
        changes={"revoked_at": [None, now.isoformat()]},
    )


@transaction.atomic
def calendar_link_create(
    *, actor, house: House, room: Room | None = None, organisation: Organisation | None = None
) -> tuple[CalendarLink, str]:
    """A new secret link at which a calendar program subscribes to ``room`` (its taken times)
    or to ``organisation`` (its bookings in the house's rooms), made by ``actor``. The actor's
    working link for the same room or organisation is revoked: "a new link" is how a leaked or
    lost link is replaced. Returns the link and its token, which is shown once and never
    stored (only its digest)."""
    if (room is None) == (organisation is None):
        raise ValidationError(_("Kies een zaal of een organisatie."), code="target")
    if room is not None and (
        room.house_id != house.pk
        or not (is_coordinator(actor, house) or partner_organisations(actor, house))
    ):
        raise ValidationError(_("Kies een zaal van dit huis."), code="room")
    if organisation is not None and organisation.pk not in {
        o.pk for o in partner_organisations(actor, house)
    }:
        raise ValidationError(
            _("Je maakt een agendalink alleen voor je eigen organisatie."), code="organisation"
        )
    now = timezone.now()
    # One link at a time per person: a double click waits here for the first one, then revokes
    # the link it made (otherwise both would insert and the second would break the constraint).
    get_user_model().objects.select_for_update().filter(pk=actor.pk).first()
    # "of self": the joined room or organisation may be NULL (PostgreSQL locks no outer join)
    previous = CalendarLink.objects.select_for_update(of=("self",)).filter(
        created_by=actor,
        house=house,
        room=room,
        organisation=organisation,
        revoked_at__isnull=True,
    )
    for link in previous.select_related("house", "room", "organisation"):
        _revoke(actor=actor, link=link, now=now)
    token = new_token()
    link = CalendarLink.objects.create(
        house=house,
        room=room,
        organisation=organisation,
        created_by=actor,
        digest=token_digest(token),
    )
    target = {"room": [None, room.name]} if room else {"organisation": [None, organisation.name]}
    audit_record(actor=actor, action=A.CREATE, target=link, house=house, changes=target)
    return link, token


@transaction.atomic
def calendar_link_revoke(*, actor, link: CalendarLink) -> CalendarLink:
    """Revoke a link: it opens nothing from now on. Revoking twice changes nothing."""
    link = (
        CalendarLink.objects.select_for_update(of=("self",))
        .select_related("house", "room", "organisation")
        .get(pk=link.pk)
    )
    if link.revoked_at is None:
        _revoke(actor=actor, link=link, now=timezone.now())
    return link
