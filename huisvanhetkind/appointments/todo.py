"""What the appointments add to a professional's to-do list (``core.todo``), for the desks they
staff: the desks of their organisations and, for a coordinator, the house's own desks (without
an organisation). A coordinator may open every desk of the house, but a partner's desk is the
partner's to do (as the activities' attendance).

- Today: one item per desk with the booked appointments of today (how many, the first time).
- Not marked yet: one item per desk and day with booked appointments of earlier days that are
  neither "geweest" nor "niet gekomen" (late, first, marked), within the days the family's
  data is kept (``services.retention_days``): after that the appointment is anonymous.

Titles name the desk, the day and a count, never a family (the daily digest e-mails them); one
query per part, however many appointments."""

from datetime import datetime, timedelta

from django.db.models import Count, Min, Q
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from huisvanhetkind.appointments import selectors, services
from huisvanhetkind.appointments.models import Appointment
from huisvanhetkind.appointments.workflow import AppointmentStatus as S
from huisvanhetkind.core import todo
from huisvanhetkind.core.todo import TodoItem, capped
from huisvanhetkind.network.access import coordinated_house_ids, member_organisation_ids

DESK = ("desk_id", "desk__name", "desk__house__slug")


def _day_url(row, day) -> str:
    url = reverse(
        "appointments:staff_day",
        kwargs={"house_slug": row["desk__house__slug"], "desk_pk": row["desk_id"]},
    )
    return f"{url}?dag={day.isoformat()}"


def _index_url(slug: str) -> str:
    return reverse("appointments:staff_index", kwargs={"house_slug": slug})


def appointment_items(user) -> list[TodoItem]:
    organisation_ids = member_organisation_ids(user)
    house_ids = coordinated_house_ids(user)
    if not organisation_ids and not house_ids:
        return []
    theirs = Appointment.objects.filter(
        Q(desk__organisation__in=organisation_ids)
        | Q(desk__house__in=house_ids, desk__organisation__isnull=True),
        desk__house__is_active=True,
        status=S.BOOKED,
        erased_at__isnull=True,
    )
    now = timezone.now()
    today = timezone.localdate(now)
    midnight = selectors.local_midnight(today)
    slugs = []  # the house of the first item, for the item that counts the rest

    def today_item(row):
        slugs.append(row["desk__house__slug"])
        return TodoItem(
            title=ngettext(
                "Vandaag %(n)s afspraak aan %(desk)s",
                "Vandaag %(n)s afspraken aan %(desk)s",
                row["n"],
            )
            % {"n": row["n"], "desk": row["desk__name"]},
            url=_day_url(row, today),
            due=today,
            count=row["n"],
            detail=_("de eerste om %(time)s")
            % {"time": timezone.localtime(row["first"]).strftime("%H.%M")},
        )

    def more_today(left):
        return TodoItem(
            title=ngettext(
                "en nog %(n)s loket met afspraken vandaag",
                "en nog %(n)s loketten met afspraken vandaag",
                left,
            )
            % {"n": left},
            url=_index_url(slugs[0]),
            count=left,
        )

    def unmarked_item(row):
        slugs.append(row["desk__house__slug"])
        return TodoItem(
            title=ngettext(
                "Aanduiden: %(n)s afspraak van %(day)s aan %(desk)s",
                "Aanduiden: %(n)s afspraken van %(day)s aan %(desk)s",
                row["n"],
            )
            % {"n": row["n"], "day": row["day"].strftime("%d/%m/%Y"), "desk": row["desk__name"]},
            url=_day_url(row, row["day"]),
            due=row["day"],
            urgent=True,
            count=row["n"],
            detail=_("geweest of niet gekomen?"),
        )

    def more_unmarked(left):
        return TodoItem(
            title=ngettext(
                "en nog %(n)s dag met afspraken om aan te duiden",
                "en nog %(n)s dagen met afspraken om aan te duiden",
                left,
            )
            % {"n": left},
            url=_index_url(slugs[0]),
            urgent=True,
            count=left,
        )

    today_rows = (
        theirs.filter(starts_at__gte=midnight, starts_at__lt=_next_midnight(today))
        .values(*DESK)
        .annotate(n=Count("pk"), first=Min("starts_at"))
        .order_by("first", "desk_id")
    )
    unmarked_rows = (
        theirs.filter(
            starts_at__lt=midnight,
            starts_at__gte=now - timedelta(days=services.retention_days()),
        )
        .annotate(day=TruncDate("starts_at", tzinfo=timezone.get_current_timezone()))
        .values("day", *DESK)
        .annotate(n=Count("pk"))
        .order_by("day", "desk_id")
    )
    return capped(unmarked_rows, unmarked_item, more=more_unmarked) + capped(
        today_rows, today_item, more=more_today
    )


def _next_midnight(today) -> datetime:
    return selectors.local_midnight(today + timedelta(days=1))


todo.register(
    "appointments",
    heading=gettext_lazy("Afspraken aan het loket"),
    items=appointment_items,
    position=32,
)
