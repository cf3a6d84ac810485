"""What the babytheek adds to the to-do list of the people who run it (``core.todo``): the
house's coordinator and its bridge workers (``access.runs_babytheek``).

- Loans overdue: lent items whose return date has passed (late, first, marked).
- Reservations to hand out: reserved items whose pick-up day is today, and those of earlier
  days still waiting to be picked up.

The titles name the item and the dates, never the family (the daily digest e-mails them)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from huisvanhetkind.babytheek.access import staffed_houses
from huisvanhetkind.babytheek.models import Loan
from huisvanhetkind.babytheek.workflow import LoanStatus as S
from huisvanhetkind.core import todo
from huisvanhetkind.core.todo import TodoItem, capped


def _day(value) -> str:
    return value.strftime("%d/%m/%Y")


def babytheek_items(user) -> list[TodoItem]:
    houses = staffed_houses(user)
    if not houses:
        return []
    today = timezone.localdate()
    first = sorted(houses, key=lambda house: house.name)[0]
    loans = Loan.objects.filter(item__house__in=houses).select_related("item__house")

    def overdue(loan):
        return TodoItem(
            title=_("Te laat terug: %(item)s") % {"item": loan.item.name},
            url=reverse("babytheek:staff_overdue", kwargs={"house_slug": loan.item.house.slug}),
            due=loan.due_date,
            urgent=True,
            detail=_("%(house)s, terug te brengen tegen %(day)s")
            % {"house": loan.item.house.name, "day": _day(loan.due_date)},
        )

    def more_overdue(left):
        return TodoItem(
            title=ngettext(
                "en nog %(n)s ontlening te laat terug",
                "en nog %(n)s ontleningen te laat terug",
                left,
            )
            % {"n": left},
            url=reverse("babytheek:staff_overdue", kwargs={"house_slug": first.slug}),
            urgent=True,
            count=left,
        )

    def pickup(loan):
        house = loan.item.house
        url = reverse("babytheek:staff_index", kwargs={"house_slug": house.slug})
        return TodoItem(
            title=_("Klaarzetten en meegeven: %(item)s") % {"item": loan.item.name},
            url=f"{url}?dag={today.isoformat()}",
            due=loan.pickup_date,
            detail=(
                _("%(house)s, vandaag af te halen")
                if loan.pickup_date == today
                else _("%(house)s, af te halen sinds %(day)s")
            )
            % {"house": house.name, "day": _day(loan.pickup_date)},
        )

    def more_pickups(left):
        return TodoItem(
            title=ngettext(
                "en nog %(n)s reservatie om mee te geven",
                "en nog %(n)s reservaties om mee te geven",
                left,
            )
            % {"n": left},
            url=reverse("babytheek:staff_index", kwargs={"house_slug": first.slug}),
            count=left,
        )

    return capped(
        loans.filter(status=S.LENT, due_date__lt=today).order_by("due_date", "pk"),
        overdue,
        more=more_overdue,
    ) + capped(
        loans.filter(status=S.RESERVED, pickup_date__lte=today).order_by("pickup_date", "pk"),
        pickup,
        more=more_pickups,
    )


todo.register("babytheek", heading=gettext_lazy("Babytheek"), items=babytheek_items, position=34)
