"""Reads of the appointments: the slots of a desk (its office hours by appointment cut into
slot lengths, closures left out by the office-hours engine, the past and the minimum notice
left out, with how many counters are taken), the desks and topics a family can choose, and the
professional's day list, whose read of the families' data is written to the audit trail here.

A week of slots is four queries whatever the number of appointments: the desk's rules, its
closures, the taken counters per slot (one grouped query) and the caller's desk and topic.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Prefetch
from django.utils import timezone

from huisvanhetkind.appointments.models import Appointment, AppointmentSettings, Topic
from huisvanhetkind.appointments.workflow import TAKES_SLOT
from huisvanhetkind.appointments.workflow import AppointmentStatus as S
from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_event, audit_record_many
from huisvanhetkind.network.models import House
from huisvanhetkind.premises import recurrence
from huisvanhetkind.premises.models import Desk, OfficeHourRule
from huisvanhetkind.premises.selectors_hours import desk_occurrences


@dataclass(frozen=True)
class Slot:
    starts_at: datetime
    ends_at: datetime
    taken: int
    counters: int
    open: bool  # within the booking window (not past, after the notice, within the horizon)

    @property
    def free(self) -> int:
        return max(0, self.counters - self.taken)

    @property
    def bookable(self) -> bool:
        return self.open and self.free > 0


@dataclass
class Day:
    day: date
    slots: list[Slot]

    @property
    def bookable(self) -> list[Slot]:
        return [slot for slot in self.slots if slot.bookable]


def local_midnight(day: date) -> datetime:
    return recurrence.wall_clock(day, time.min, timezone.get_current_timezone())


def window(settings: AppointmentSettings, now: datetime) -> tuple[datetime, date]:
    """The first moment a slot may start (now plus the notice) and the first day past the
    horizon."""
    today = timezone.localtime(now).date()
    return (
        now + timedelta(hours=settings.notice_hours),
        today + timedelta(days=settings.horizon_days + 1),
    )


def cut(occurrence: recurrence.Occurrence, minutes: int) -> list[tuple[datetime, datetime]]:
    """``occurrence`` cut into whole slots of ``minutes`` from its start."""
    length = timedelta(minutes=minutes)
    found, start = [], occurrence.starts_at
    while start + length <= occurrence.ends_at:
        found.append((start, start + length))
        start += length
    return found


def taken_counts(desk: Desk, start: datetime, end: datetime, exclude=None) -> dict:
    """How many counters are taken per slot start in [start, end)."""
    found = Appointment.objects.filter(
        desk=desk, status__in=TAKES_SLOT, starts_at__gte=start, starts_at__lt=end
    )
    if exclude is not None:
        found = found.exclude(pk=exclude.pk)
    return {
        row["starts_at"]: row["n"]
        for row in found.order_by().values("starts_at").annotate(n=Count("pk"))
    }


def desk_slots(
    desk: Desk,
    settings: AppointmentSettings,
    start: date,
    end: date,
    *,
    now: datetime | None = None,
    exclude=None,
) -> list[Day]:
    """The days with ``start <= day < end`` on which ``desk`` has office hours by appointment,
    each with its slots (``exclude``: an appointment whose counter counts as free, the one a
    family moves)."""
    now = now or timezone.now()
    earliest, beyond = window(settings, now)
    occurrences = desk_occurrences(desk, start, end, modes=(recurrence.APPOINTMENT,))
    taken = taken_counts(desk, local_midnight(start), local_midnight(end), exclude)
    days: dict[date, list[Slot]] = {}
    for occurrence in occurrences:
        for starts_at, ends_at in cut(occurrence, settings.slot_minutes):
            days.setdefault(occurrence.day, []).append(
                Slot(
                    starts_at=starts_at,
                    ends_at=ends_at,
                    taken=taken.get(starts_at, 0),
                    counters=settings.counters,
                    open=starts_at >= earliest and occurrence.day < beyond,
                )
            )
    return [Day(day, sorted(set(slots), key=lambda s: s.starts_at)) for day, slots in days.items()]


def find_slot(desk: Desk, settings: AppointmentSettings, starts_at: datetime, **extra):
    """The slot of ``desk`` that starts at ``starts_at``, or None when there is none."""
    day = timezone.localtime(starts_at).date()
    for found in desk_slots(desk, settings, day, day + timedelta(days=1), **extra):
        for slot in found.slots:
            if slot.starts_at == starts_at:
                return slot
    return None


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


# --- The family's pages ------------------------------------------------------------------------


def bookable_desks(house: House) -> list[Desk]:
    """The active desks of ``house`` that take appointments online: open settings, an active
    topic and office hours by appointment."""
    return list(
        Desk.objects.filter(
            house=house,
            is_active=True,
            appointment_settings__is_open=True,
            appointment_topics__is_active=True,
            rules__mode=OfficeHourRule.Mode.APPOINTMENT,
        )
        .distinct()
        .order_by("name")
    )


def public_desk(house: House, slug: str) -> Desk | None:
    if house is None:
        return None
    return (
        Desk.objects.filter(
            house=house, slug=slug, is_active=True, appointment_settings__is_open=True
        )
        .select_related("house", "appointment_settings", "room", "location")
        .prefetch_related(
            Prefetch("appointment_topics", queryset=Topic.objects.filter(is_active=True))
        )
        .first()
    )


# --- The professional's pages ------------------------------------------------------------------


def day_list(actor, desk: Desk, day: date, *, organisation=None) -> list[Appointment]:
    """The appointments of ``desk`` on ``day`` (cancelled ones too, last); the read of the
    families' data is audited."""
    start = local_midnight(day)
    appointments = list(
        Appointment.objects.filter(
            desk=desk, starts_at__gte=start, starts_at__lt=local_midnight(day + timedelta(days=1))
        )
        .select_related("topic")
        .order_by("starts_at", "counter", "pk")
    )
    appointments.sort(key=lambda a: (a.status == S.CANCELLED, a.starts_at, a.counter))
    audit_record_many(
        [
            audit_event(
                actor=actor,
                action=AuditEvent.Action.READ,
                target=appointment,
                house=desk.house,
                organisation=organisation,
                reason="afspraken: daglijst",
            )
            for appointment in appointments
        ]
    )
    return appointments


def topics_of(desk: Desk) -> list[Topic]:
    return list(Topic.objects.filter(desk=desk).order_by("position", "title"))


# --- A family's own appointments ("Mijn gegevens") ---------------------------------------------


def appointments_by_email_digests(digests: list[str]) -> list[Appointment]:
    """The appointments not erased yet whose e-mail address has one of ``digests`` (the keyed
    digests of one address, ``core.digests.contact_digests``), in every house, latest first."""
    if not digests:
        return []
    return list(
        Appointment.objects.filter(email_digest__in=digests, erased_at__isnull=True)
        .select_related("desk__house", "topic")
        .order_by("-starts_at", "-pk")
    )
