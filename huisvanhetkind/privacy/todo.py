"""What the requests log adds to a coordinator's to-do list (``core.todo``): the open requests
of the houses they coordinate that are due within a week, and the late ones (first, marked).
The daily digest of ``core.todo`` e-mails them to whoever asked for it; the titles name the kind
of request and its dates, never who asked."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from huisvanhetkind.core import todo
from huisvanhetkind.core.todo import TodoItem, capped
from huisvanhetkind.network.access import coordinated_house_ids
from huisvanhetkind.network.models import House
from huisvanhetkind.privacy.selectors_requests import requests_due_soon


def request_items(user) -> list[TodoItem]:
    if not user.is_authenticated:
        return []
    houses = coordinated_house_ids(user)
    if not houses:
        return []
    today = timezone.localdate()

    def item(request):
        late = request.due_on < today
        return TodoItem(
            title=_("Privacyverzoek (%(kind)s) van %(day)s in %(house)s")
            % {
                "kind": request.get_kind_display(),
                "day": request.received_on.strftime("%d/%m/%Y"),
                "house": request.house.name,
            },
            url=reverse(
                "privacy:request",
                kwargs={"house_slug": request.house.slug, "pk": request.pk},
            ),
            due=request.due_on,
            urgent=late,
            detail=(
                _("de wettelijke termijn liep af op %(day)s")
                if late
                else _("te beantwoorden tegen %(day)s")
            )
            % {"day": request.due_on.strftime("%d/%m/%Y")},
        )

    def more(left):
        return TodoItem(
            title=ngettext(
                "nog %(n)s privacyverzoek binnen een week te beantwoorden",
                "nog %(n)s privacyverzoeken binnen een week te beantwoorden",
                left,
            )
            % {"n": left},
            url=reverse(
                "privacy:requests",
                kwargs={"house_slug": House.objects.filter(pk__in=houses).order_by("name")[0].slug},
            ),
            count=left,
        )

    return capped(requests_due_soon(houses, today), item, more=more)


todo.register(
    "privacy_requests",
    heading=gettext_lazy("Privacyverzoeken van gezinnen"),
    items=request_items,
    position=12,
)
