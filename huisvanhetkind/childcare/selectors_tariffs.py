"""The cost estimate of income-related childcare, from the tariff the desk entered for a year.

No amount is written here: the bounds, the percentages and the day-share boundaries are the
house's ``TariffYear`` (the desk keeps them current each year). The arithmetic, in order:

1. the price of a full day: ``price_min`` at or below ``income_floor``, ``price_max`` at or
   above ``income_ceiling``, in between ``price_min`` plus ``rate_percent`` % of the income
   above the floor divided by ``income_divisor``, kept between ``price_min`` and ``price_max``;
   with the social tariff instead ``social_tariff_percent`` % of ``price_min``;
2. each other child of the family in care at the same time lowers that price by
   ``sibling_discount_percent`` % (at most to 0);
3. the day share: fewer hours than ``short_day_hours`` is a short (half) day at
   ``short_day_percent`` %, more hours than ``long_day_hours`` a long day at
   ``long_day_percent`` %, anything in between (the bounds included) a full day;
4. per month: the price of the day share times the days a month.

Every amount is rounded to cents (half up) where it is computed, so the steps shown to the
family add up exactly.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from huisvanhetkind.childcare.models import TariffYear
from huisvanhetkind.network.models import House

CENT = Decimal("0.01")
HUNDRED = Decimal(100)

SHORT, FULL, LONG = "short", "full", "long"


def cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def euro(amount: Decimal) -> str:
    """``€ 1.234,50`` in Dutch, in the active language's own separators."""
    return "€ " + number_format(cents(amount), decimal_pos=2, use_l10n=True, force_grouping=True)


def _number(value: Decimal) -> str:
    """A percentage or a number of hours without trailing zeros: ``25``, ``4,5``."""
    value = Decimal(value).normalize()
    places = max(0, -value.as_tuple().exponent)
    return number_format(value, decimal_pos=places, use_l10n=True)


@dataclass(frozen=True)
class Estimate:
    """What a family would pay, with the steps that lead to it (plain Dutch, for the page)."""

    year: int
    day_price: Decimal  # a full day, after the social tariff and the discount for other children
    share: str  # SHORT, FULL or LONG
    share_percent: Decimal
    share_price: Decimal  # the price of the day share asked for
    days: int
    per_month: Decimal
    social_tariff: bool
    steps: list[str] = field(default_factory=list)

    @property
    def share_label(self) -> str:
        return {
            SHORT: _("een halve dag"),
            FULL: _("een volle dag"),
            LONG: _("een lange dag"),
        }[self.share]


def tariff_for(house: House, year: int) -> TariffYear | None:
    """The tariff the desk entered for ``year``, or ``None``."""
    return TariffYear.objects.filter(house=house, year=year).first()


def tariff_years(house: House) -> list[TariffYear]:
    return list(TariffYear.objects.filter(house=house).order_by("-year"))


def day_share(tariff: TariffYear, hours: Decimal) -> tuple[str, Decimal]:
    """The day share of ``hours`` of care a day and its percentage of the day price."""
    if hours < tariff.short_day_hours:
        return SHORT, tariff.short_day_percent
    if hours > tariff.long_day_hours:
        return LONG, tariff.long_day_percent
    return FULL, HUNDRED


def full_day_price(tariff: TariffYear, monthly_income: Decimal) -> Decimal:
    """The income-related price of a full day, kept between the minimum and maximum price."""
    if monthly_income <= tariff.income_floor:
        return cents(tariff.price_min)
    if monthly_income >= tariff.income_ceiling:
        return cents(tariff.price_max)
    above = monthly_income - tariff.income_floor
    price = tariff.price_min + above * tariff.rate_percent / HUNDRED / tariff.income_divisor
    return cents(min(max(price, tariff.price_min), tariff.price_max))


def estimate(
    tariff: TariffYear,
    monthly_income: Decimal,
    hours_per_day: Decimal,
    other_children_in_care: int,
    social_tariff: bool = False,
    days_per_month: int = 1,
) -> Estimate:
    """The estimated price for one child: per full day, per day share and per month of
    ``days_per_month`` days. Raises ``ValueError`` on an input no form lets through."""
    monthly_income, hours = Decimal(monthly_income), Decimal(hours_per_day)
    if monthly_income < 0 or hours <= 0 or other_children_in_care < 0 or days_per_month < 1:
        raise ValueError("income, hours, other children or days out of range")
    steps = []
    if social_tariff:
        base = cents(tariff.price_min * tariff.social_tariff_percent / HUNDRED)
        steps.append(
            _(
                "Sociaal tarief: %(percent)s %% van de minimumprijs van %(minimum)s is "
                "%(price)s per volle dag."
            )
            % {
                "percent": _number(tariff.social_tariff_percent),
                "minimum": euro(tariff.price_min),
                "price": euro(base),
            }
        )
    else:
        base = full_day_price(tariff, monthly_income)
        if monthly_income <= tariff.income_floor:
            text = _(
                "Met een inkomen tot %(floor)s per maand betaal je de minimumprijs: "
                "%(price)s per volle dag."
            )
        elif monthly_income >= tariff.income_ceiling:
            text = _(
                "Met een inkomen vanaf %(ceiling)s per maand betaal je de maximumprijs: "
                "%(price)s per volle dag."
            )
        else:
            text = _(
                "Je inkomen ligt tussen %(floor)s en %(ceiling)s per maand: de minimumprijs "
                "van %(minimum)s plus %(rate)s %% van het inkomen boven %(floor)s, gedeeld door "
                "%(divisor)s, is %(price)s per volle dag."
            )
        steps.append(
            text
            % {
                "floor": euro(tariff.income_floor),
                "ceiling": euro(tariff.income_ceiling),
                "minimum": euro(tariff.price_min),
                "rate": _number(tariff.rate_percent),
                "divisor": tariff.income_divisor,
                "price": euro(base),
            }
        )
    day_price = base
    if other_children_in_care:
        discount = min(HUNDRED, tariff.sibling_discount_percent * other_children_in_care)
        day_price = cents(base * (HUNDRED - discount) / HUNDRED)
        steps.append(
            ngettext(
                "Er is %(count)s ander kind van je gezin in de opvang: %(discount)s %% korting "
                "geeft %(price)s per volle dag.",
                "Er zijn %(count)s andere kinderen van je gezin in de opvang: %(discount)s %% "
                "korting geeft %(price)s per volle dag.",
                other_children_in_care,
            )
            % {
                "count": other_children_in_care,
                "discount": _number(discount),
                "price": euro(day_price),
            }
        )
    share, percent = day_share(tariff, hours)
    share_price = cents(day_price * percent / HUNDRED)
    result = Estimate(
        year=tariff.year,
        day_price=day_price,
        share=share,
        share_percent=percent,
        share_price=share_price,
        days=days_per_month,
        per_month=cents(share_price * days_per_month),
        social_tariff=social_tariff,
        steps=steps,
    )
    if share == FULL:
        steps.append(
            _(
                "%(hours)s uur per dag is een volle dag (van %(short)s tot en met %(long)s uur): "
                "%(price)s."
            )
            % {
                "hours": _number(hours),
                "short": _number(tariff.short_day_hours),
                "long": _number(tariff.long_day_hours),
                "price": euro(share_price),
            }
        )
    else:
        steps.append(
            _("%(hours)s uur per dag is %(share)s: %(percent)s %% van de dagprijs is %(price)s.")
            % {
                "hours": _number(hours),
                "share": result.share_label,
                "percent": _number(percent),
                "price": euro(share_price),
            }
        )
    steps.append(
        ngettext(
            "%(days)s dag per maand: %(total)s per maand.",
            "%(days)s dagen per maand: %(total)s per maand.",
            days_per_month,
        )
        % {"days": days_per_month, "total": euro(result.per_month)}
    )
    return result
