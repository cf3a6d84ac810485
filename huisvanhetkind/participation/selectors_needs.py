"""The needs of a house in one place (``/beheer/huis/<house>/noden/``): questions, referrals
declined for lack of capacity or closed as "not helped", unmet childcare demand, the bridge
workers' signals to policy and the released surveys, per policy domain (or topic), age group,
municipality and month over the last 12 months. Only grouped counts are read, never a family;
every count of 1 to 4 is hidden with its complements (``figures.protect``)."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count as DbCount
from django.db.models import Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from huisvanhetkind.childcare.selectors_figures import unmet_demand
from huisvanhetkind.guidance.models import PolicySignal
from huisvanhetkind.network.models import AgeGroup, House
from huisvanhetkind.participation.figures import protect
from huisvanhetkind.participation.selectors import answer_counts, released_surveys
from huisvanhetkind.participation.selectors_tables import Table, Trend, month_of, table, trend
from huisvanhetkind.questions import selectors as question_selectors
from huisvanhetkind.referrals.figures import recent_period
from huisvanhetkind.referrals.models import Referral
from huisvanhetkind.referrals.workflow import DeclineReason, ReferralStatus


@dataclass
class Source:
    key: str
    title: str
    explanation: str
    trend: Trend
    tables: list[Table] = field(default_factory=list)


@dataclass
class SurveyLine:
    survey: object
    answers: object  # a protected Count


@dataclass
class NeedsOverview:
    months: list[date]
    sources: list[Source]
    surveys: list[SurveyLine]


def months_of(today: date | None = None) -> list[date]:
    return recent_period(today or timezone.localdate()).months


def _since(months: list[date]):
    first = months[0]
    return timezone.make_aware(timezone.datetime(first.year, first.month, 1))


def _age_order() -> dict[str, int]:
    return {
        name: n
        for n, name in enumerate(
            AgeGroup.objects.order_by("position").values_list("name", flat=True)
        )
    }


def _questions(house: House, months: list[date]) -> Source:
    needs = question_selectors.needs(house, since=_since(months))
    by = {name: Counter() for name in ("month", "topic", "age", "municipality")}
    for row in needs.rows:
        n = row["total"]
        by["month"][month_of(row["month"])] += n
        by["topic"][row["topic__name"] or ""] += n
        by["age"][row["age_group__name"] or ""] += n
        by["municipality"][row["municipality__name"] or ""] += n
    total = sum(by["month"].values())
    title = _("Vragen van gezinnen")
    return Source(
        "vragen",
        title,
        _("Vragen die gezinnen aan het huis stelden."),
        trend("vragen", title, months, by["month"]),
        [
            table("vragen-onderwerp", _("Per onderwerp"), _("Onderwerp"), by["topic"], total=total),
            table(
                "vragen-leeftijd",
                _("Per leeftijdsgroep"),
                _("Leeftijdsgroep"),
                by["age"],
                order=_age_order(),
            ),
            table(
                "vragen-gemeente", _("Per gemeente"), _("Gemeente"), by["municipality"], total=total
            ),
        ],
    )


def _referrals(house: House, months: list[date]) -> Source:
    rows = (
        Referral.objects.filter(house=house, created_at__gte=_since(months))
        .filter(
            Q(status=ReferralStatus.DECLINED, decline_reason=DeclineReason.NO_CAPACITY)
            | Q(status=ReferralStatus.NO_HELP)
        )
        .annotate(month=TruncMonth("created_at"))
        .values("month", "domain__name")
        .annotate(n=DbCount("id"))
        .order_by()
    )
    by_month, by_domain = Counter(), Counter()
    for row in rows:
        by_month[month_of(row["month"])] += row["n"]
        by_domain[row["domain__name"] or ""] += row["n"]
    title = _("Doorverwijzingen zonder hulp")
    return Source(
        "verwijzingen",
        title,
        _(
            "Doorverwijzingen die een partner weigerde omdat er geen plaats of capaciteit was, "
            "en doorverwijzingen afgesloten als “niet geholpen”."
        ),
        trend("verwijzingen", title, months, by_month),
        [table("verwijzingen-domein", _("Per beleidsdomein"), _("Beleidsdomein"), by_domain)],
    )


def _childcare(house: House, months: list[date]) -> Source:
    rows = unmet_demand(house, months)
    by_month = Counter()
    latest = Counter()
    for row in rows:
        by_month[row.month] += row.count
        if row.month == months[-1]:
            latest[row.municipality.name] += row.count
    title = _("Onvervulde vraag naar kinderopvang")
    return Source(
        "kinderopvang",
        title,
        _(
            "Gezinnen die in die maand een plaats in de kinderopvang wensten en er nog geen "
            "hadden (een stand per maand: een gezin telt mee in elke maand dat het wacht)."
        ),
        trend("kinderopvang", title, months, by_month, summed=False),
        [table("kinderopvang-gemeente", _("Deze maand, per gemeente"), _("Gemeente"), latest)],
    )


def _signals(house: House, months: list[date]) -> Source:
    rows = (
        PolicySignal.objects.filter(house=house, observed_on__gte=months[0])
        .values("observed_on", "domain__name", "age_group__name", "municipality__name")
        .annotate(n=DbCount("id"))
        .order_by()
    )
    by = {name: Counter() for name in ("month", "domain", "age", "municipality")}
    for row in rows:
        n = row["n"]
        by["month"][month_of(row["observed_on"])] += n
        by["domain"][row["domain__name"]] += n
        by["age"][row["age_group__name"]] += n
        by["municipality"][row["municipality__name"]] += n
    title = _("Beleidssignalen van brugfiguren")
    return Source(
        "signalen",
        title,
        _("Hiaten die brugfiguren zien en aan het beleid melden, zonder gegevens van gezinnen."),
        trend("signalen", title, months, by["month"]),
        [
            table("signalen-domein", _("Per beleidsdomein"), _("Beleidsdomein"), by["domain"]),
            table(
                "signalen-leeftijd",
                _("Per leeftijdsgroep"),
                _("Leeftijdsgroep"),
                by["age"],
                order=_age_order(),
            ),
            table("signalen-gemeente", _("Per gemeente"), _("Gemeente"), by["municipality"]),
        ],
    )


def needs_overview(house: House, today: date | None = None) -> NeedsOverview:
    months = months_of(today)
    surveys = [
        SurveyLine(survey, protect([answer_counts(survey)["total"]])[1])
        for survey in released_surveys(house)
    ]
    return NeedsOverview(
        months=months,
        sources=[
            _questions(house, months),
            _referrals(house, months),
            _childcare(house, months),
            _signals(house, months),
        ],
        surveys=surveys,
    )
