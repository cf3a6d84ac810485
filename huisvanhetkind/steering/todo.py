"""What the plan adds to a professional's to-do list (``core.todo``): for the coordinator and
the steering group of a house, the actions of its annual plans whose end date passed while they
are still planned or running (a count per house and year, linked to the plan)."""

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from huisvanhetkind.core import todo
from huisvanhetkind.core.todo import TodoItem
from huisvanhetkind.network.access import coordinated_house_ids
from huisvanhetkind.network.models import Group, GroupMembership
from huisvanhetkind.steering.models import Action, Decision
from huisvanhetkind.steering.workflow import ActionStatus


def plan_items(user) -> list[TodoItem]:
    if not user.is_authenticated:
        return []
    houses = coordinated_house_ids(user) | set(
        GroupMembership.objects.filter(user=user, group__kind=Group.Kind.STEERING).values_list(
            "group__house_id", flat=True
        )
    )
    if not houses:
        return []
    late = (
        Action.objects.filter(
            plan__house_id__in=houses,
            status__in=[ActionStatus.PLANNED, ActionStatus.RUNNING],
            ends_on__lt=timezone.localdate(),
        )
        .values("plan__house__slug", "plan__house__name", "plan__year")
        .annotate(late=Count("id"))
        .order_by("plan__house__name", "plan__year")
    )
    return [
        TodoItem(
            title=ngettext(
                "%(n)s actie van het jaarplan %(year)s over datum in %(house)s",
                "%(n)s acties van het jaarplan %(year)s over datum in %(house)s",
                row["late"],
            )
            % {"n": row["late"], "year": row["plan__year"], "house": row["plan__house__name"]},
            url=reverse(
                "steering:annual_plan",
                kwargs={"house_slug": row["plan__house__slug"], "year": row["plan__year"]},
            ),
            urgent=True,
            count=row["late"],
            detail=_("zet ze op afgerond, uitgesteld of geschrapt, of verleng ze"),
        )
        for row in late
    ]


todo.register("steering", heading=gettext_lazy("Jaarplan"), items=plan_items, position=60)


def follow_up_items(user) -> list[TodoItem]:
    """The follow-up actions of meetings the user owns that are past their due date."""
    if not user.is_authenticated:
        return []
    late = (
        Decision.objects.filter(
            owner=user,
            action__isnull=False,
            due_on__lt=timezone.localdate(),
            action__status__in=[ActionStatus.PLANNED, ActionStatus.RUNNING],
        )
        .select_related("action", "meeting__group__house")
        .order_by("due_on", "pk")
    )
    return [
        TodoItem(
            title=_("Opvolgactie over datum: %(title)s") % {"title": decision.action.title},
            url=reverse(
                "steering:meeting",
                kwargs={"house_slug": decision.meeting.group.house.slug, "pk": decision.meeting_id},
            ),
            due=decision.due_on,
            urgent=True,
            count=1,
            detail=_("af te ronden tegen %(day)s (vergadering %(meeting)s)")
            % {"day": decision.due_on.strftime("%d/%m/%Y"), "meeting": decision.meeting.title},
        )
        for decision in late
    ]


todo.register(
    "steering_follow_up",
    heading=gettext_lazy("Opvolgacties van vergaderingen"),
    items=follow_up_items,
    position=61,
)
