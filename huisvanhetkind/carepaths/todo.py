"""What the care paths add to a professional's to-do list (``core.todo``).

- The people of an organisation: the steps offered to it (accept or decline), and the open
  steps it holds whose window has passed (overdue, urgent).
- A coordinator: per house, how many steps of running paths are overdue (a count only).

Only the step's title, the path's template and the organisations are shown, never the family.
"""

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from huisvanhetkind.carepaths.models import PathStep
from huisvanhetkind.carepaths.selectors import offers_to, overdue_steps
from huisvanhetkind.carepaths.workflow import PathStatus, StepStatus
from huisvanhetkind.core import todo
from huisvanhetkind.core.todo import TodoItem
from huisvanhetkind.network.access import coordinated_house_ids, member_organisation_ids


def _more(left: int) -> TodoItem:
    return TodoItem(
        title=ngettext("en nog %(n)s stap", "en nog %(n)s stappen", left) % {"n": left},
        url=reverse("carepaths:index"),
        count=left,
    )


def _offer(handover) -> TodoItem:
    step = handover.step
    return TodoItem(
        title=_("Zorgpad #%(number)s · %(step)s") % {"number": step.path_id, "step": step.title},
        url=reverse("carepaths:detail", kwargs={"pk": step.path_id}),
        due=step.due_on,
        detail=_("aangeboden door %(organisation)s: aanvaarden of weigeren")
        % {"organisation": handover.from_organisation.name},
    )


def _overdue(step: PathStep) -> TodoItem:
    return TodoItem(
        title=_("Zorgpad #%(number)s · %(step)s") % {"number": step.path_id, "step": step.title},
        url=reverse("carepaths:detail", kwargs={"pk": step.path_id}),
        due=step.due_on,
        urgent=True,
        detail=_("over tijd, opgevolgd door %(organisation)s")
        % {"organisation": step.organisation.name},
    )


def care_path_items(user) -> list[TodoItem]:
    today = timezone.localdate()
    items = []
    mine = member_organisation_ids(user)
    if mine:
        items += todo.capped(offers_to(mine, today), _offer, more=_more)
        items += todo.capped(overdue_steps(mine, today), _overdue, more=_more)
    house_ids = coordinated_house_ids(user)
    if house_ids:
        late = (
            PathStep.objects.filter(
                path__house_id__in=house_ids,
                path__status=PathStatus.RUNNING,
                status=StepStatus.OPEN,
                due_on__lt=today,
            )
            .values("path__house__slug", "path__house__name")
            .annotate(late=Count("id"))
            .order_by("path__house__name")
        )
        for row in late:
            items.append(
                TodoItem(
                    title=ngettext(
                        "%(n)s stap van een zorgpad over tijd in %(house)s",
                        "%(n)s stappen van zorgpaden over tijd in %(house)s",
                        row["late"],
                    )
                    % {"n": row["late"], "house": row["path__house__name"]},
                    url=reverse(
                        "carepaths:figures", kwargs={"house_slug": row["path__house__slug"]}
                    ),
                    urgent=True,
                    count=row["late"],
                    detail=_("alleen het aantal; de partners volgen de stappen op"),
                )
            )
    return items


todo.register("carepaths", heading=gettext_lazy("Zorgpaden"), items=care_path_items, position=19)
