"""What guidance adds to a bridge worker's to-do list (``core.todo``): the families whose next
contact is due or overdue, and the consents that expire within two weeks. Only the number of the
guidance is shown, never a family's name: the daily digest e-mails the list."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from huisvanhetkind.core import todo
from huisvanhetkind.core.todo import TodoItem
from huisvanhetkind.guidance.access import bridge_worker_roles, caseload_for_user
from huisvanhetkind.guidance.models import CaseloadEntry

# A consent that expires within this many days is in the list (to be asked again in time).
CONSENT_WARNING = timedelta(days=14)


def _mine(user):
    """The running guidance the user holds as bridge worker (not as their organisation's admin)."""
    return (
        caseload_for_user(user)
        .filter(bridge_worker=user)
        .active()
        .select_related("house", "consent")
    )


def _more(left: int) -> TodoItem:
    return TodoItem(
        title=ngettext("en nog %(n)s gezin", "en nog %(n)s gezinnen", left) % {"n": left},
        url=reverse("guidance:caseload"),
        count=left,
    )


def _contact_item(entry: CaseloadEntry, today) -> TodoItem:
    return TodoItem(
        title=_("Begeleiding #%(number)s: volgend contact") % {"number": entry.pk},
        url=reverse("guidance:detail", kwargs={"pk": entry.pk}),
        due=entry.next_contact_on,
        urgent=entry.next_contact_on < today,
        detail=entry.house.name,
    )


def _consent_item(entry: CaseloadEntry) -> TodoItem:
    return TodoItem(
        title=_("Begeleiding #%(number)s: toestemming loopt af") % {"number": entry.pk},
        url=reverse("guidance:detail", kwargs={"pk": entry.pk}) + "#renew-title",
        due=entry.consent.expires_on,
        detail=_("vraag de toestemming opnieuw of beëindig de begeleiding"),
    )


def guidance_items(user) -> list[TodoItem]:
    if not bridge_worker_roles(user):
        return []
    today = timezone.localdate()
    due = _mine(user).filter(next_contact_on__lte=today).order_by("next_contact_on", "id")
    items = todo.capped(due, lambda entry: _contact_item(entry, today), more=_more)
    expiring = (
        _mine(user)
        .filter(consent__expires_on__lte=today + CONSENT_WARNING)
        .order_by("consent__expires_on", "id")
    )
    items += todo.capped(expiring, _consent_item, more=_more)
    return items


todo.register(
    "guidance", heading=gettext_lazy("Gezinnen in begeleiding"), items=guidance_items, position=17
)
