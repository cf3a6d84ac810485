"""The desk enters the income-related tariff of a year (``TariffYear``): every write here.

The estimate itself is a read (``selectors_tariffs.estimate``). A creation or change is
recorded in the house's audit trail as ``{field: [before, after]}``, like every desk change.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.childcare.models import TariffYear
from huisvanhetkind.core.services import audit_value, model_update
from huisvanhetkind.network.models import House

FIELDS = (
    "income_floor",
    "income_ceiling",
    "price_min",
    "price_max",
    "rate_percent",
    "income_divisor",
    "short_day_hours",
    "long_day_hours",
    "short_day_percent",
    "long_day_percent",
    "sibling_discount_percent",
    "social_tariff_percent",
)
PERCENT_FIELDS = (
    "rate_percent",
    "short_day_percent",
    "sibling_discount_percent",
    "social_tariff_percent",
)
AMOUNT_FIELDS = ("income_floor", "income_ceiling", "price_min", "price_max")
HOUR_FIELDS = ("short_day_hours", "long_day_hours")
FIRST_YEAR, LAST_YEAR = 2000, 2100


def _person(actor):
    return actor if getattr(actor, "is_authenticated", False) else None


def tariff_errors(data: dict) -> dict[str, str]:
    """What is wrong with the figures of a year, per field, in Dutch (empty: all is well).
    Fields that are missing are left to the form."""
    errors = {}
    year = data.get("year")
    if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
        errors["year"] = _("Geef een jaar van %(first)s tot en met %(last)s.") % {
            "first": FIRST_YEAR,
            "last": LAST_YEAR,
        }
    for name in AMOUNT_FIELDS:
        value = data.get(name)
        if value is not None and value < 0:
            errors[name] = _("Een bedrag kan niet negatief zijn.")
    for name in PERCENT_FIELDS:
        value = data.get(name)
        if value is not None and not 0 <= value <= 100:
            errors[name] = _("Een percentage ligt tussen 0 en 100.")
    # A long day costs more than a full day: 100 to 200 % of the day price.
    long_percent = data.get("long_day_percent")
    if long_percent is not None and not 100 <= long_percent <= 200:
        errors["long_day_percent"] = _("Een lange dag kost 100 tot 200 % van de dagprijs.")
    for name in HOUR_FIELDS:
        value = data.get(name)
        if value is not None and not 0 < value <= 24:
            errors[name] = _("Een aantal uren ligt tussen 0 en 24.")
    divisor = data.get("income_divisor")
    if divisor is not None and not 1 <= divisor <= 31:
        errors["income_divisor"] = _("Deel door 1 tot 31 dagen.")
    floor, ceiling = data.get("income_floor"), data.get("income_ceiling")
    if (
        floor is not None
        and ceiling is not None
        and floor >= ceiling
        and "income_ceiling" not in errors
    ):
        errors["income_ceiling"] = _(
            "De bovengrens van het inkomen moet hoger zijn dan de ondergrens."
        )
    low, high = data.get("price_min"), data.get("price_max")
    if low is not None and high is not None and low > high and "price_max" not in errors:
        errors["price_max"] = _(
            "De maximumprijs moet hoger zijn dan of gelijk aan de minimumprijs."
        )
    short, long = data.get("short_day_hours"), data.get("long_day_hours")
    if short is not None and long is not None and short >= long and "long_day_hours" not in errors:
        errors["long_day_hours"] = _(
            "Het aantal uren van een lange dag moet hoger zijn dan dat van een korte dag."
        )
    return errors


@transaction.atomic
def tariff_year_save(*, house: House, actor, year: int, data: dict) -> TariffYear:
    """Enter or change the tariff of ``year`` for ``house``. Raises ``ValidationError`` (in
    Dutch, per field) and changes nothing when a figure is wrong."""
    data = {name: data[name] for name in FIELDS if name in data}
    tariff = TariffYear.objects.select_for_update().filter(house=house, year=year).first()
    values = {"year": year}
    if tariff is not None:
        values.update({name: getattr(tariff, name) for name in FIELDS})
    values.update(data)
    missing = [name for name in FIELDS if values.get(name) is None]
    if missing:
        raise ValidationError({name: _("Vul dit in.") for name in missing})
    errors = tariff_errors(values)
    if errors:
        raise ValidationError(errors)
    for name in FIELDS:
        if name != "income_divisor":
            places = TariffYear._meta.get_field(name).decimal_places
            values[name] = Decimal(values[name]).quantize(Decimal(1).scaleb(-places))
    if tariff is None:
        tariff = TariffYear.objects.create(house=house, updated_by=_person(actor), **values)
        audit_record(
            actor=actor,
            action=AuditEvent.Action.CREATE,
            target=tariff,
            house=house,
            reason=_("inkomenstarief ingevoerd"),
            changes={name: [None, audit_value(values[name])] for name in ("year", *FIELDS)},
        )
        return tariff
    changes = model_update(instance=tariff, data={name: values[name] for name in FIELDS})
    if changes:
        tariff.updated_by = _person(actor)
        tariff.save(update_fields=["updated_by", "updated_at"])
        audit_record(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            target=tariff,
            house=house,
            reason=_("inkomenstarief gewijzigd"),
            changes=changes,
        )
    return tariff
