"""What questions add to a professional's to-do list (``core.todo``).

A worker: the open questions of their organisations that are assigned to them or to nobody yet.
A coordinator: the open questions of their houses that are not routed yet, and per house how
many routed questions of other organisations are late (they are escalated to the coordinator).
Only the number and the topic of a question are shown, never what the parent wrote.
"""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from huisvanhetkind.core import todo
from huisvanhetkind.core.todo import TodoItem
from huisvanhetkind.network.access import coordinated_house_ids, member_organisation_ids
from huisvanhetkind.questions.models import Question
from huisvanhetkind.questions.workflow import OPEN_STATES


def _open():
    return Question.objects.filter(status__in=OPEN_STATES, erased_at__isnull=True)


def _item(question: Question, *, detail: str) -> TodoItem:
    today = timezone.localdate()
    return TodoItem(
        title=_("Vraag #%(number)s · %(topic)s")
        % {"number": question.pk, "topic": question.topic.name},
        url=reverse("questions:detail", kwargs={"pk": question.pk}),
        due=question.due_on,
        urgent=question.due_on < today,
        detail=detail,
    )


def _more(left: int, url: str) -> TodoItem:
    return TodoItem(
        title=ngettext("en nog %(n)s vraag", "en nog %(n)s vragen", left) % {"n": left},
        url=url,
        count=left,
    )


def question_items(user) -> list[TodoItem]:
    items = []
    organisation_ids = member_organisation_ids(user)
    if organisation_ids:
        mine = (
            _open()
            .filter(organisation_id__in=organisation_ids)
            .filter(Q(assignee=user) | Q(assignee__isnull=True))
            .select_related("topic", "organisation")
            .order_by("due_on", "id")
        )
        items += todo.capped(
            mine,
            lambda q: _item(
                q,
                detail=(
                    _("aan jou toegewezen")
                    if q.assignee_id
                    else _("voor %(organisation)s, nog aan niemand toegewezen")
                    % {"organisation": q.organisation.name}
                ),
            ),
            more=lambda left: _more(left, reverse("questions:inbox") + "?status=open"),
        )
    house_ids = coordinated_house_ids(user)
    if house_ids:
        unrouted = (
            _open()
            .filter(house_id__in=house_ids, organisation__isnull=True)
            .select_related("topic", "house")
            .order_by("due_on", "id")
        )
        items += todo.capped(
            unrouted,
            lambda q: _item(
                q,
                detail=_("nog niet verdeeld in %(house)s") % {"house": q.house.name},
            ),
            more=lambda left: _more(left, reverse("questions:inbox")),
        )
        late = (
            _open()
            .filter(house_id__in=house_ids, organisation__isnull=False)
            .filter(due_on__lt=timezone.localdate())
            .exclude(organisation_id__in=organisation_ids)
            .values("house__slug", "house__name")
            .annotate(late=Count("id"))
            .order_by("house__name")
        )
        for row in late:
            items.append(
                TodoItem(
                    title=ngettext(
                        "%(n)s vraag te laat beantwoord in %(house)s",
                        "%(n)s vragen te laat beantwoord in %(house)s",
                        row["late"],
                    )
                    % {"n": row["late"], "house": row["house__name"]},
                    url=reverse("questions:house_inbox", kwargs={"house_slug": row["house__slug"]})
                    + "?laat=1",
                    urgent=True,
                    count=row["late"],
                    detail=_("bij partners, over de termijn"),
                )
            )
    return items


todo.register(
    "questions", heading=gettext_lazy("Vragen van ouders"), items=question_items, position=10
)
