"""To-do items of the childcare desk: the open urgent requests of the houses whose Lokaal Loket
Kinderopvang the professional works for, the overdue ones first and marked (imported by
``childcare.todo``)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from huisvanhetkind.childcare import selectors_urgent
from huisvanhetkind.childcare.models import UrgentRequest
from huisvanhetkind.core import todo
from huisvanhetkind.core.todo import TodoItem
from huisvanhetkind.network.access import member_organisation_ids
from huisvanhetkind.network.models import Designation


def _item(urgent: UrgentRequest) -> TodoItem:
    # Never the family's data: the daily digest e-mails the title.
    return TodoItem(
        title=_("Dringende opvangvraag #%(number)s · %(reason)s")
        % {"number": urgent.pk, "reason": urgent.get_reason_display()},
        url=reverse(
            "childcare:urgent_detail", kwargs={"house_slug": urgent.house.slug, "pk": urgent.pk}
        ),
        due=urgent.answer_due,
        urgent=urgent.answer_due < timezone.localdate(),
        detail=urgent.house.name,
    )


def urgent_items(user) -> list[TodoItem]:
    organisation_ids = member_organisation_ids(user)
    if not organisation_ids:
        return []
    house_ids = list(
        Designation.objects.filter(
            kind=Designation.Kind.CHILDCARE_DESK, organisation_id__in=organisation_ids
        )
        .order_by("house_id")
        .values_list("house_id", flat=True)
        .distinct()
    )
    if not house_ids:
        return []
    first = selectors_urgent.urgent_for_todo(house_ids)

    def more(left: int) -> TodoItem:
        house = first.first().house
        return TodoItem(
            title=ngettext(
                "en nog %(n)s dringende opvangvraag",
                "en nog %(n)s dringende opvangvragen",
                left,
            )
            % {"n": left},
            url=reverse("childcare:urgent_desk", kwargs={"house_slug": house.slug}),
            count=left,
        )

    return todo.capped(first, _item, more=more)


todo.register(
    "childcare_urgent",
    heading=gettext_lazy("Dringende opvangvragen"),
    items=urgent_items,
    position=45,
)
