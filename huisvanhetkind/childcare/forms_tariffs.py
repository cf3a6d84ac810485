"""The desk's form for a year's tariff and the families' form for a cost estimate."""

import re
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.childcare.services_tariffs import FIRST_YEAR, LAST_YEAR, tariff_errors

# ``2.500`` or ``1.250.000``: dots that group thousands, as Dutch writes amounts.
THOUSANDS = re.compile(r"[0-9]{1,3}(\.[0-9]{3})+")


class DecimalCommaField(forms.DecimalField):
    """A number as people type it: ``2.500,50``, ``2500,50``, ``2.500`` or ``2500.50``."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(" ", "").replace("€", "").replace("%", "")
            if "," in value or THOUSANDS.fullmatch(value):
                value = value.replace(".", "").replace(",", ".")
        return super().to_python(value)


def _decimal(label, *, max_digits, decimal_places, help_text="", required=True, **kwargs):
    return DecimalCommaField(
        label=label,
        help_text=help_text,
        required=required,
        max_digits=max_digits,
        decimal_places=decimal_places,
        error_messages={
            "required": _("Vul dit in."),
            "invalid": _("Geef een getal, bijvoorbeeld 12,50."),
            "max_digits": _("Dat getal is te groot."),
            "max_decimal_places": _("Geef hoogstens %(max)s cijfers na de komma."),
            "max_whole_digits": _("Dat getal is te groot."),
            "min_value": _("Geef een getal van minstens %(limit_value)s."),
            "max_value": _("Geef een getal van hoogstens %(limit_value)s."),
        },
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        **kwargs,
    )


class TariffYearForm(forms.Form):
    """All figures of one year, as the government publishes them (no amount is preset)."""

    year = forms.IntegerField(
        label=_("Jaar"),
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        error_messages={
            "required": _("Vul het jaar in."),
            "invalid": _("Geef een jaar, bijvoorbeeld 2027."),
            "min_value": _("Geef een jaar van %(limit_value)s of later."),
            "max_value": _("Geef een jaar van %(limit_value)s of vroeger."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    income_floor = _decimal(
        _("Inkomen ondergrens (per maand, in euro)"),
        max_digits=9,
        decimal_places=2,
        help_text=_("Tot dit netto gezinsinkomen per maand betaalt een gezin de minimumprijs."),
    )
    income_ceiling = _decimal(
        _("Inkomen bovengrens (per maand, in euro)"),
        max_digits=9,
        decimal_places=2,
        help_text=_("Vanaf dit inkomen betaalt een gezin de maximumprijs."),
    )
    price_min = _decimal(_("Minimumprijs per volle dag (euro)"), max_digits=6, decimal_places=2)
    price_max = _decimal(_("Maximumprijs per volle dag (euro)"), max_digits=6, decimal_places=2)
    rate_percent = _decimal(
        _("Percentage van het inkomen boven de ondergrens"),
        max_digits=6,
        decimal_places=3,
        help_text=_(
            "Tussen de grenzen: minimumprijs + dit % van het inkomen boven de ondergrens, "
            "gedeeld door het aantal dagen hieronder."
        ),
    )
    income_divisor = forms.IntegerField(
        label=_("Gedeeld door (dagen)"),
        error_messages={
            "required": _("Vul dit in."),
            "invalid": _("Geef een geheel getal, bijvoorbeeld 22."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    short_day_hours = _decimal(
        _("Korte dag: minder dan (uur)"),
        max_digits=4,
        decimal_places=2,
        help_text=_("Minder uren dan dit is een korte (halve) dag."),
    )
    short_day_percent = _decimal(_("Korte dag: % van de dagprijs"), max_digits=5, decimal_places=2)
    long_day_hours = _decimal(
        _("Lange dag: meer dan (uur)"),
        max_digits=4,
        decimal_places=2,
        help_text=_("Meer uren dan dit is een lange dag; daartussen een volle dag."),
    )
    long_day_percent = _decimal(_("Lange dag: % van de dagprijs"), max_digits=5, decimal_places=2)
    sibling_discount_percent = _decimal(
        _("Korting per ander kind van het gezin in de opvang (%)"),
        max_digits=5,
        decimal_places=2,
    )
    social_tariff_percent = _decimal(
        _("Sociaal tarief: % van de minimumprijs"), max_digits=5, decimal_places=2
    )

    def clean(self):
        cleaned = super().clean()
        for name, message in tariff_errors(cleaned).items():
            if name in self.fields and name not in self.errors:
                self.add_error(name, message)
        return cleaned


class EstimateForm(forms.Form):
    """A family's figures for an estimate (a GET form: the result is a link to keep)."""

    inkomen = _decimal(
        _("Netto inkomen van het gezin per maand (euro)"),
        max_digits=9,
        decimal_places=2,
        min_value=Decimal(0),
        max_value=Decimal(1_000_000),
        help_text=_(
            "Wat jullie samen netto per maand verdienen, bijvoorbeeld 2.800. Met het sociaal "
            "tarief mag je dit leeg laten."
        ),
        required=False,
    )
    uren = _decimal(
        _("Uren opvang per dag"),
        max_digits=4,
        decimal_places=2,
        min_value=Decimal("0.5"),
        max_value=Decimal(24),
        help_text=_("Bijvoorbeeld 9 of 4,5."),
    )
    uren.error_messages.update(
        {
            "min_value": _("Geef minstens een half uur."),
            "max_value": _("Een dag heeft hoogstens 24 uur."),
        }
    )
    dagen = forms.IntegerField(
        label=_("Dagen opvang per maand"),
        min_value=1,
        max_value=31,
        error_messages={
            "required": _("Vul in hoeveel dagen per maand."),
            "invalid": _("Geef een geheel getal, bijvoorbeeld 18."),
            "min_value": _("Geef minstens 1 dag."),
            "max_value": _("Een maand heeft hoogstens 31 dagen."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    andere_kinderen = forms.IntegerField(
        label=_("Andere kinderen van het gezin die tegelijk naar de opvang gaan"),
        min_value=0,
        max_value=10,
        initial=0,
        required=False,
        error_messages={
            "invalid": _("Geef een geheel getal, bijvoorbeeld 0 of 1."),
            "min_value": _("Het aantal kan niet negatief zijn."),
            "max_value": _("Geef hoogstens 10."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    sociaal = forms.BooleanField(
        label=_("Wij denken recht te hebben op het sociaal tarief"),
        required=False,
        help_text=_(
            "Bijvoorbeeld met een leefloon, een laag inkomen of in een crisis. "
            "De opvang kijkt na of je er recht op hebt."
        ),
    )

    def clean_andere_kinderen(self):
        return self.cleaned_data.get("andere_kinderen") or 0

    def clean(self):
        cleaned = super().clean()
        if "inkomen" not in self.errors and cleaned.get("inkomen") is None:
            if cleaned.get("sociaal"):
                cleaned["inkomen"] = Decimal(0)
            else:
                self.add_error(
                    "inkomen",
                    _("Vul het netto inkomen per maand in, of vink het sociaal tarief aan."),
                )
        return cleaned
