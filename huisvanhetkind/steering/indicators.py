"""The registry of live indicators: named figures an action of the annual plan can be measured
by, computed from the platform's own data.

Each indicator is a selector ``compute(house, year, today)`` that returns one number for a house
(one query, whatever the number of actions that use it); ``indicator_values`` computes the ones a
plan needs, each once. An indicator reads other apps' models and selectors, never writes them.

To add one: write a function below and add an ``Indicator`` to ``REGISTRY``; its name is stored
on the actions that use it, so never rename one that is in use.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from django.core.cache import cache
from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.activities.models import Session
from huisvanhetkind.catalogue.models import VERIFICATION_INTERVAL, Service
from huisvanhetkind.network.models import House, Partnership
from huisvanhetkind.questions.models import Question
from huisvanhetkind.referrals.models import Referral, ReferralEvent
from huisvanhetkind.referrals.workflow import ReferralStatus

# A count of 1 to 4 families could single someone out: shown as "< 5" where marked.
SMALL = 5


@dataclass(frozen=True)
class Indicator:
    name: str
    label: str
    unit: str  # "aantal" or "%"
    help: str
    compute: Callable[[House, int, date], Decimal | None]
    hide_small: bool = False  # a count of families: 1 to 4 shown as "< 5"


def _year_bounds(year: int) -> tuple[datetime, datetime]:
    zone = timezone.get_current_timezone()
    return (
        datetime.combine(date(year, 1, 1), time.min, tzinfo=zone),
        datetime.combine(date(year + 1, 1, 1), time.min, tzinfo=zone),
    )


def _until(year: int, today: date) -> datetime:
    """The end of the year, or now when the year is not over yet."""
    end = _year_bounds(year)[1]
    return min(end, timezone.now()) if today.year <= year else end


def _share(part: int, total: int) -> Decimal | None:
    if not total:
        return None
    return (Decimal(part) * 100 / Decimal(total)).quantize(Decimal("0.1"))


def speelbabbel_sessions(house: House, year: int, today: date) -> Decimal:
    """Sessions held this year (started, not cancelled) of the house's activities called
    Speelbabbel: the activities app has no kind of activity, so the title names it."""
    start, _end = _year_bounds(year)
    return Decimal(
        Session.objects.filter(
            activity__house=house,
            activity__title__icontains="speelbabbel",
            is_cancelled=False,
            starts_at__gte=start,
            starts_at__lt=_until(year, today),
        ).count()
    )


def sessions_held(house: House, year: int, today: date) -> Decimal:
    """Every session of the house's activities held this year (not cancelled)."""
    start, _end = _year_bounds(year)
    return Decimal(
        Session.objects.filter(
            activity__house=house,
            is_cancelled=False,
            starts_at__gte=start,
            starts_at__lt=_until(year, today),
        ).count()
    )


def offer_verified_share(house: House, year: int, today: date) -> Decimal | None:
    """Share of the house's published services checked by their partner in the last 12 months
    (a service is fresh for a year after it was created or last checked, as in the catalogue)."""
    limit = timezone.now() - VERIFICATION_INTERVAL
    counts = (
        Service.objects.published()
        .in_house(house)
        .aggregate(
            total=Count("id"),
            fresh=Count(
                "id",
                filter=Q(last_verified_at__gte=limit)
                | Q(last_verified_at__isnull=True, created_at__gte=limit),
            ),
        )
    )
    return _share(counts["fresh"], counts["total"])


def questions_answered_in_3_working_days(house: House, year: int, today: date) -> Decimal | None:
    """Share of this year's questions to the house answered by their deadline (three working
    days, the questions app's ``due_on``). A question still open inside its deadline is not
    counted yet; an open one past it counts as late."""
    start, end = _year_bounds(year)
    counts = Question.objects.filter(
        house=house, created_at__gte=start, created_at__lt=end
    ).aggregate(
        in_time=Count(
            "id",
            filter=Q(first_answered_at__isnull=False, first_answered_at__date__lte=F("due_on")),
        ),
        decided=Count("id", filter=Q(first_answered_at__isnull=False) | Q(due_on__lt=today)),
    )
    return _share(counts["in_time"], counts["decided"])


def partners_in_network(house: House, year: int, today: date) -> Decimal:
    """Organisations that are an active partner of the house today."""
    return Decimal(
        Partnership.objects.filter(house=house, status=Partnership.Status.ACTIVE).count()
    )


def referrals_got_help(house: House, year: int, today: date) -> Decimal:
    """Referrals sent this year in the house whose family got help (the status "geholpen" was
    reached, whether or not the referral was closed since)."""
    start, end = _year_bounds(year)
    helped = ReferralEvent.objects.filter(
        referral=OuterRef("pk"), to_status=ReferralStatus.GOT_HELP
    )
    return Decimal(
        Referral.objects.filter(house=house, created_at__gte=start, created_at__lt=end)
        .filter(Q(status=ReferralStatus.GOT_HELP) | Exists(helped))
        .count()
    )


REGISTRY: dict[str, Indicator] = {
    indicator.name: indicator
    for indicator in (
        Indicator(
            "speelbabbel_sessions",
            _("Aantal Speelbabbels gehouden dit jaar"),
            "aantal",
            _("Sessies van activiteiten met “Speelbabbel” in de titel, niet afgelast."),
            speelbabbel_sessions,
        ),
        Indicator(
            "sessions_held",
            _("Aantal activiteitenmomenten gehouden dit jaar"),
            "aantal",
            _("Alle sessies van de activiteiten van het huis, niet afgelast."),
            sessions_held,
        ),
        Indicator(
            "offer_verified_share",
            _("Aandeel van het aanbod nagekeken in de laatste 12 maanden"),
            "%",
            _("Gepubliceerd aanbod van de actieve partners."),
            offer_verified_share,
        ),
        Indicator(
            "questions_answered_in_3_working_days",
            _("Aandeel vragen beantwoord binnen 3 werkdagen"),
            "%",
            _("Vragen van ouders van dit jaar, beantwoord voor hun termijn."),
            questions_answered_in_3_working_days,
        ),
        Indicator(
            "partners_in_network",
            _("Aantal partners in het netwerk"),
            "aantal",
            _("Organisaties met een actief partnerschap met het huis."),
            partners_in_network,
        ),
        Indicator(
            "referrals_got_help",
            _("Aantal doorverwijzingen waarbij het gezin geholpen werd"),
            "aantal",
            _("Doorverwijzingen van dit jaar met de uitkomst “geholpen”."),
            referrals_got_help,
            hide_small=True,
        ),
    )
}


def choices() -> list[tuple[str, str]]:
    return [(name, indicator.label) for name, indicator in REGISTRY.items()]


def indicator_values(house: House, year: int, names: Iterable[str], today: date | None = None):
    """``{name: value}`` for the named indicators of ``house`` in ``year``, each computed once
    (an unknown name is left out)."""
    today = today or timezone.localdate()
    return {
        name: REGISTRY[name].compute(house, year, today)
        for name in sorted(set(names))
        if name in REGISTRY
    }


# How long the plan pages reuse an indicator's value: they are yearly figures, so a few minutes
# behind costs nothing, and a page then reads none of the other apps' tables.
CACHE_SECONDS = 300


def cached_indicator_values(
    house: House, year: int, names: Iterable[str], today: date | None = None
) -> dict:
    """``indicator_values``, kept ``CACHE_SECONDS`` in the cache (one entry per house, year, day
    and set of indicators; docs/performance.md, *The plan*)."""
    today = today or timezone.localdate()
    wanted = sorted(set(names))
    key = f"steering:indicators:{house.pk}:{year}:{today.isoformat()}:{','.join(wanted)}"
    values = cache.get(key)
    if values is None:
        values = indicator_values(house, year, wanted, today)
        cache.set(key, values, CACHE_SECONDS)
    return values


def progress_between(value, baseline, target) -> int | None:
    """Where ``value`` stands between ``baseline`` and ``target``, as 0 to 100 (a target below
    the baseline works too); None when there is no value yet."""
    if value is None or baseline is None or target is None or baseline == target:
        return None
    share = (Decimal(value) - Decimal(baseline)) / (Decimal(target) - Decimal(baseline))
    return int(max(Decimal(0), min(Decimal(1), share)) * 100)


def shown_value(name: str, value) -> str:
    """The value as a reader sees it: "< 5" for a small count of families, no trailing zeros."""
    if value is None:
        return "–"
    indicator = REGISTRY.get(name)
    if indicator and indicator.hide_small and 0 < value < SMALL:
        return f"< {SMALL}"
    text = f"{Decimal(value).normalize():f}"
    return f"{text} %" if indicator and indicator.unit == "%" else text
