"""What activities add to a professional's to-do list (``core.todo``).

The sessions of the last 30 days whose attendance is not filled in yet (a confirmed
registration has neither "present" nor "absent"), of the activities the professional's
organisations organise and, for a coordinator, of the activities the house organises itself
(without a partner). A platform admin may open every activity, but these are not theirs to do.
"""

from datetime import timedelta

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from huisvanhetkind.activities.models import Activity, Registration, Session
from huisvanhetkind.activities.workflow import RegistrationStatus
from huisvanhetkind.core import todo
from huisvanhetkind.core.todo import TodoItem
from huisvanhetkind.network.access import coordinated_house_ids, member_organisation_ids

# Attendance is asked for sessions that ended at most this long ago.
ATTENDANCE_WINDOW = timedelta(days=30)


def _item(session: Session) -> TodoItem:
    return TodoItem(
        title=_("Aanwezigheden invullen: %(activity)s") % {"activity": session.activity.title},
        url=reverse("activities:manage_session", kwargs={"pk": session.pk}),
        detail=formats.date_format(timezone.localtime(session.starts_at), "l j F Y, H:i"),
    )


def _more(left: int) -> TodoItem:
    return TodoItem(
        title=ngettext(
            "en nog %(n)s moment zonder aanwezigheden",
            "en nog %(n)s momenten zonder aanwezigheden",
            left,
        )
        % {"n": left},
        url=reverse("activities:manage_activities"),
        count=left,
    )


def activity_items(user) -> list[TodoItem]:
    organisation_ids = member_organisation_ids(user)
    house_ids = coordinated_house_ids(user)
    if not organisation_ids and not house_ids:
        return []
    theirs = Activity.objects.filter(
        Q(organisations__in=organisation_ids) | Q(house__in=house_ids, organisations__isnull=True)
    ).values("pk")
    unmarked = Registration.objects.filter(
        session=OuterRef("pk"), status=RegistrationStatus.CONFIRMED, attended__isnull=True
    )
    now = timezone.now()
    sessions = (
        Session.objects.filter(
            activity__in=theirs,
            is_cancelled=False,
            ends_at__lt=now,
            ends_at__gte=now - ATTENDANCE_WINDOW,
        )
        .filter(Exists(unmarked))
        .select_related("activity")
        .order_by("starts_at", "id")
    )
    return todo.capped(sessions, _item, more=_more)


todo.register(
    "activities",
    heading=gettext_lazy("Activiteiten"),
    items=activity_items,
    position=30,
)
