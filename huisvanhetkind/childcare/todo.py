"""What the childcare desk adds to a professional's to-do list (``core.todo``): the childcare
locations of the professional's own organisations whose free places nobody confirmed for 30
days, as the catalogue lists the offer nobody checked for 12 months."""

from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from huisvanhetkind.childcare.models import ChildcareLocation
from huisvanhetkind.core import todo
from huisvanhetkind.core.todo import TodoItem
from huisvanhetkind.network.access import member_organisation_ids


def _item(childcare: ChildcareLocation) -> TodoItem:
    if childcare.places_updated_at:
        detail = _("laatst nagekeken op %(date)s") % {
            "date": formats.date_format(childcare.places_updated_at, "j F Y")
        }
    else:
        detail = _("nog nooit nagekeken")
    return TodoItem(
        title=_("Vrije plaatsen nakijken: %(name)s") % {"name": childcare.service.name},
        url=reverse("childcare:provider_places", kwargs={"pk": childcare.pk}),
        detail=detail,
    )


def _more(left: int) -> TodoItem:
    return TodoItem(
        title=ngettext(
            "en nog %(n)s opvanglocatie om na te kijken",
            "en nog %(n)s opvanglocaties om na te kijken",
            left,
        )
        % {"n": left},
        url=reverse("childcare:provider_locations"),
        count=left,
    )


def childcare_items(user) -> list[TodoItem]:
    organisation_ids = member_organisation_ids(user)
    if not organisation_ids:
        return []
    stale = (
        ChildcareLocation.objects.places_stale()
        .filter(service__organisation_id__in=organisation_ids, service__status="published")
        .select_related("service")
        .order_by(Coalesce("places_updated_at", "created_at"), "id")
    )
    return todo.capped(stale, _item, more=_more)


todo.register("childcare", heading=gettext_lazy("Kinderopvang"), items=childcare_items, position=45)

# The to-do items of the urgent requests and of the allocation rounds register themselves too.
from huisvanhetkind.childcare import todo_rounds, todo_urgent  # noqa: E402, F401
