"""To-do items of the childcare desk: rounds (imported by ``childcare.todo``). A provider sees
the placements of a round at its own locations that wait for its confirmation."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from huisvanhetkind.childcare.models import Placement, PlacementStatus
from huisvanhetkind.core import todo
from huisvanhetkind.core.todo import TodoItem
from huisvanhetkind.network.access import member_organisation_ids


def _item(placement: Placement) -> TodoItem:
    return TodoItem(
        title=_("Plaatsing #%(n)s bevestigen: %(name)s")
        % {"n": placement.pk, "name": placement.location.service.name},
        url=reverse("childcare:placements"),
        due=placement.round.offer_deadline if placement.round_id else None,
        detail=_("opvangvraag #%(n)s") % {"n": placement.request_id},
    )


def _more(left: int) -> TodoItem:
    return TodoItem(
        title=ngettext(
            "en nog %(n)s plaatsing om te bevestigen",
            "en nog %(n)s plaatsingen om te bevestigen",
            left,
        )
        % {"n": left},
        url=reverse("childcare:placements"),
        count=left,
    )


def placements_to_confirm(user) -> list[TodoItem]:
    organisation_ids = member_organisation_ids(user)
    if not organisation_ids:
        return []
    waiting = (
        Placement.objects.filter(
            status=PlacementStatus.PROPOSED,
            location__service__organisation_id__in=organisation_ids,
        )
        .select_related("location__service", "round")
        .order_by("round__offer_deadline", "pk")
    )
    return todo.capped(waiting, _item, more=_more)


todo.register(
    "childcare_rounds",
    heading=gettext_lazy("Plaatsingen om te bevestigen"),
    items=placements_to_confirm,
    position=46,
)
