"""What the network adds to a professional's to-do list (``core.todo``).

A coordinator: the applications to become a partner of their houses, still to be reviewed. An
organisation's admin: the partnerships a coordinator approved that wait for their organisation's
confirmation. A platform admin sees both for every house and organisation, as on their pages.
"""

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from huisvanhetkind.core import todo
from huisvanhetkind.core.todo import TodoItem
from huisvanhetkind.network import access, selectors
from huisvanhetkind.network.models import PartnerApplication
from huisvanhetkind.network.workflow import ApplicationStatus


def _application_item(application: PartnerApplication) -> TodoItem:
    return TodoItem(
        title=_("Aanvraag van %(name)s om partner te worden")
        % {"name": application.organisation_name},
        url=reverse(
            "network:application",
            kwargs={"house_slug": application.house.slug, "pk": application.pk},
        ),
        detail=_("%(house)s, ingediend op %(date)s")
        % {
            "house": application.house.name,
            "date": formats.date_format(application.submitted_at, "j F Y"),
        },
    )


def _request_item(application: PartnerApplication) -> TodoItem:
    return TodoItem(
        title=_("Bevestig %(organisation)s als partner van %(house)s")
        % {"organisation": application.organisation.name, "house": application.house.name},
        url=reverse("network:partnership_request", kwargs={"pk": application.pk}),
        detail=_("goedgekeurd door de coördinator, wacht op jullie bevestiging"),
    )


def _more(url: str):
    def more(left: int) -> TodoItem:
        return TodoItem(
            title=ngettext("en nog %(n)s aanvraag", "en nog %(n)s aanvragen", left) % {"n": left},
            url=url,
            count=left,
        )

    return more


def network_items(user) -> list[TodoItem]:
    items = []
    houses = access.coordinated_houses(user)
    if houses:
        pending = (
            PartnerApplication.objects.filter(
                house__in=houses, status=ApplicationStatus.PENDING, erased_at__isnull=True
            )
            .select_related("house")
            .order_by("submitted_at", "id")
        )
        # One house: its queue; several (a platform admin): the queue of each is on the dashboard.
        queue = (
            reverse("network:application_queue", kwargs={"house_slug": houses[0].slug})
            if len(houses) == 1
            else reverse("network:dashboard")
        )
        items += todo.capped(pending, _application_item, more=_more(queue))
    organisation_ids = access.partnership_request_organisation_ids(user)
    if organisation_ids is None or organisation_ids:
        requests = selectors.partnership_requests(organisation_ids=organisation_ids)
        items += todo.capped(
            requests.order_by("decided_at", "id"),
            _request_item,
            more=_more(reverse("network:dashboard")),
        )
    return items


todo.register(
    "network", heading=gettext_lazy("Partners en partnerschappen"), items=network_items, position=20
)
