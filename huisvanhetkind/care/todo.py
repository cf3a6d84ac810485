"""What the signal index adds to a professional's to-do list (``core.todo``): the live signals of
their organisations whose parent asked, through the link, for removal. Only the signal's number
is shown, never the child."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from huisvanhetkind.care.models import Signal
from huisvanhetkind.core import todo
from huisvanhetkind.core.todo import TodoItem
from huisvanhetkind.network.access import member_organisation_ids


def _item(signal: Signal) -> TodoItem:
    return TodoItem(
        title=_("Signaal #%(number)s: de ouder vraagt verwijdering") % {"number": signal.pk},
        url=reverse("care:detail", kwargs={"pk": signal.pk}),
        urgent=True,
        detail=_("trek het signaal in of neem contact op met de ouder"),
    )


def _more(left: int) -> TodoItem:
    return TodoItem(
        title=ngettext("en nog %(n)s signaal", "en nog %(n)s signalen", left) % {"n": left},
        url=reverse("care:index"),
        count=left,
    )


def care_items(user) -> list[TodoItem]:
    mine = member_organisation_ids(user)
    if not mine:
        return []
    asked = (
        Signal.objects.live(timezone.localdate())
        .filter(organisation_id__in=mine, removal_requested_at__isnull=False)
        .order_by("removal_requested_at", "id")
    )
    return todo.capped(asked, _item, more=_more)


todo.register("care", heading=gettext_lazy("Signaalindex"), items=care_items, position=18)
