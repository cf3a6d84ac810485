"""What referrals add to a professional's to-do list (``core.todo``).

- The receiving partner's people: the referrals waiting for their answer (accept or decline)
  that are theirs or nobody's yet; late ones are urgent.
- The referrer: their referrals the receiving partner has not answered in time.
- A coordinator: per house, how many referrals between its partners are late.

Only the number of a referral, the offer and the organisations are shown, never the family.
"""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from huisvanhetkind.core import todo
from huisvanhetkind.core.todo import TodoItem
from huisvanhetkind.network.access import coordinated_house_ids, member_organisation_ids
from huisvanhetkind.referrals.models import Referral
from huisvanhetkind.referrals.selectors import LIST_DEFERRED


def _waiting():
    return (
        Referral.objects.awaiting_answer()
        .select_related("service", "from_organisation", "to_organisation")
        .defer(*LIST_DEFERRED)
    )


def _title(referral: Referral) -> str:
    what = referral.service.name if referral.service_id else referral.to_organisation.name
    return _("Doorverwijzing #%(number)s · %(what)s") % {"number": referral.pk, "what": what}


def _more(left: int, url: str) -> TodoItem:
    return TodoItem(
        title=ngettext("en nog %(n)s doorverwijzing", "en nog %(n)s doorverwijzingen", left)
        % {"n": left},
        url=url,
        count=left,
    )


def _to_answer(referral: Referral, today) -> TodoItem:
    return TodoItem(
        title=_title(referral),
        url=reverse("referrals:detail", kwargs={"pk": referral.pk}),
        due=referral.due_on,
        urgent=referral.due_on < today,
        detail=_("van %(organisation)s: aanvaarden of weigeren")
        % {"organisation": referral.from_organisation.name},
    )


def _unanswered(referral: Referral) -> TodoItem:
    return TodoItem(
        title=_title(referral),
        url=reverse("referrals:detail", kwargs={"pk": referral.pk}),
        due=referral.due_on,
        urgent=True,
        detail=_("nog niet beantwoord door %(organisation)s")
        % {"organisation": referral.to_organisation.name},
    )


def referral_items(user) -> list[TodoItem]:
    today = timezone.localdate()
    items = []
    organisation_ids = member_organisation_ids(user)
    if organisation_ids:
        to_answer = (
            _waiting()
            .filter(to_organisation_id__in=organisation_ids)
            .filter(Q(handler=user) | Q(handler__isnull=True))
            .order_by("due_on", "id")
        )
        items += todo.capped(
            to_answer,
            lambda referral: _to_answer(referral, today),
            more=lambda left: _more(left, reverse("referrals:inbox")),
        )
        unanswered = (
            _waiting()
            .filter(referrer=user, from_organisation_id__in=organisation_ids, due_on__lt=today)
            .order_by("due_on", "id")
        )
        items += todo.capped(
            unanswered, _unanswered, more=lambda left: _more(left, reverse("referrals:sent"))
        )
    house_ids = coordinated_house_ids(user)
    if house_ids:
        late = (
            Referral.objects.late(today)
            .filter(house_id__in=house_ids)
            .values("house__slug", "house__name")
            .annotate(late=Count("id"))
            .order_by("house__name")
        )
        for row in late:
            items.append(
                TodoItem(
                    title=ngettext(
                        "%(n)s doorverwijzing te laat beantwoord in %(house)s",
                        "%(n)s doorverwijzingen te laat beantwoord in %(house)s",
                        row["late"],
                    )
                    % {"n": row["late"], "house": row["house__name"]},
                    url=reverse("referrals:figures", kwargs={"house_slug": row["house__slug"]}),
                    urgent=True,
                    count=row["late"],
                    detail=_("tussen partners, over de antwoordtermijn"),
                )
            )
    return items


todo.register(
    "referrals", heading=gettext_lazy("Doorverwijzingen"), items=referral_items, position=15
)
