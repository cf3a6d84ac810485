"""What the catalogue adds to a professional's to-do list (``core.todo``).

The services of the professional's own organisations that nobody checked for 12 months
(``Service.objects.needing_verification``). The coordinator sees the house's whole list on its
offer page; on the to-do list each organisation keeps its own offer current.
"""

from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.core import todo
from huisvanhetkind.core.todo import TodoItem
from huisvanhetkind.network.access import member_organisation_ids


def _item(service: Service) -> TodoItem:
    if service.last_verified_at:
        detail = _("%(organisation)s, laatst nagekeken op %(date)s") % {
            "organisation": service.organisation.name,
            "date": formats.date_format(service.last_verified_at, "j F Y"),
        }
    else:
        detail = _("%(organisation)s, nog nooit nagekeken") % {
            "organisation": service.organisation.name
        }
    return TodoItem(
        title=_("Aanbod nakijken: %(name)s") % {"name": service.name},
        url=reverse("catalogue:service_edit", kwargs={"pk": service.pk}),
        detail=detail,
    )


def _more(organisation_id: int):
    def more(left: int) -> TodoItem:
        return TodoItem(
            title=ngettext(
                "en nog %(n)s aanbod om na te kijken", "en nog %(n)s aanbod om na te kijken", left
            )
            % {"n": left},
            url=reverse("catalogue:organisation_services", kwargs={"pk": organisation_id}),
            count=left,
        )

    return more


def catalogue_items(user) -> list[TodoItem]:
    organisation_ids = member_organisation_ids(user)
    if not organisation_ids:
        return []
    stale = (
        Service.objects.needing_verification()
        .filter(organisation_id__in=organisation_ids)
        .select_related("organisation")
        .order_by(Coalesce("last_verified_at", "created_at"), "id")
    )
    return todo.capped(stale, _item, more=_more(min(organisation_ids)))


todo.register("catalogue", heading=gettext_lazy("Aanbod"), items=catalogue_items, position=40)
