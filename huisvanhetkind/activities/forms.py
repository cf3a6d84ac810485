"""Forms of activities: registering, the organiser's pages and news."""

import re
from datetime import date, timedelta
from urllib.parse import urlsplit

from django import forms
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.activities.ical_fetch import MAX_BYTES as ICAL_MAX_BYTES
from huisvanhetkind.activities.models import Activity, NewsItem
from huisvanhetkind.activities.services_registrations import MAX_PERSONS
from huisvanhetkind.core.forms import HoneypotMixin
from huisvanhetkind.network.models import AgeGroup, Domain, Organisation

# Numbers in forms and query strings are read from ASCII digits only: ``int()`` and ``\d`` also
# take "٣" or "１２", and ``str.isdigit()`` takes "²", which ``int()`` then refuses.
ASCII_INTEGER = re.compile(r"-?[0-9]{1,18}")


def ascii_int(text, *, low: int, high: int) -> int | None:
    """The whole number ``text`` (ASCII digits) when it lies between ``low`` and ``high``, else
    None: for query-string parameters, where a bad value is ignored."""
    text = str(text).strip()
    if not ASCII_INTEGER.fullmatch(text):
        return None
    value = int(text)
    return value if low <= value <= high else None


def registration_arguments(data: dict) -> dict:
    """What a registration form (the family's or the organiser's) hands to
    ``services_registrations.registration_create``."""
    return {
        "name": data["name"],
        "email": data.get("email", ""),
        "phone": data.get("phone", ""),
        "adults": data["adults"],
        "children_ages": data["children_ages"],
        "social_tariff": data.get("social_tariff", False),
        "remarks": data.get("remarks", ""),
        "consent": data["consent"],
    }


class AsciiIntegerField(forms.IntegerField):
    """An ``IntegerField`` that reads ASCII digits only; anything else is 'invalid'."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = str(value).strip()
        if not ASCII_INTEGER.fullmatch(text):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return int(text)


class AsciiDateField(forms.DateField):
    """A ``DateField`` that refuses dates written with other than ASCII characters."""

    def to_python(self, value):
        if isinstance(value, str) and not value.strip().isascii():
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


NUMBER_ERRORS = {
    "required": _("Vul een aantal in."),
    "invalid": _("Vul een geheel getal in."),
    "min_value": _("Het aantal kan niet negatief zijn."),
    "max_value": _("Dat zijn te veel personen voor één inschrijving."),
}


def parse_ages(text: str) -> list[int]:
    """ "2, 4" → [2, 4]; raises a Dutch ValidationError for anything else."""
    parts = [p for p in re.split(r"[,\s;]+", text.strip()) if p]
    ages = []
    for part in parts:
        if not re.fullmatch(r"[0-9]{1,2}", part) or int(part) > 18:
            raise forms.ValidationError(
                _("Geef de leeftijden van de kinderen als getallen tussen 0 en 18, bv. 1, 3.")
            )
        ages.append(int(part))
    return ages


class NumbersForm(forms.Form):
    adults = AsciiIntegerField(
        label=_("Aantal volwassenen"),
        min_value=0,
        max_value=MAX_PERSONS,
        initial=1,
        error_messages=NUMBER_ERRORS,
    )
    children_ages = forms.CharField(
        label=_("Leeftijden van de kinderen die meekomen"),
        required=False,
        max_length=100,
        help_text=_("In jaren, gescheiden door komma's, bv. 0, 3. Een baby is 0."),
    )

    def clean_children_ages(self):
        return parse_ages(self.cleaned_data.get("children_ages", ""))

    def clean(self):
        data = super().clean()
        adults, ages = data.get("adults"), data.get("children_ages")
        if adults is not None and ages is not None and adults + len(ages) < 1:
            raise forms.ValidationError(_("Schrijf minstens één persoon in."))
        return data


class RegistrationForm(HoneypotMixin, NumbersForm):
    """A family's registration; the honeypot field turns robots away (see ``HoneypotMixin``)."""

    name = forms.CharField(label=_("Naam"), max_length=150)
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        error_messages={"invalid": _("Dit e-mailadres is niet geldig. Controleer het even.")},
        help_text=_("Je krijgt een bevestiging met een link om te wijzigen of te annuleren."),
    )
    phone = forms.CharField(label=_("Telefoon"), required=False, max_length=30)
    social_tariff = forms.BooleanField(
        label=_("Ik heb recht op het sociaal tarief"),
        required=False,
        help_text=_("We vragen geen bewijs. Niemand anders ziet dit."),
    )
    remarks = forms.CharField(
        label=_("Opmerkingen"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bijvoorbeeld: ik kom met een kinderwagen, ik heb een tolk nodig."),
    )
    consent = forms.BooleanField(
        label=_(
            "Ik geef toestemming om deze gegevens te bewaren voor deze inschrijving. "
            "Ze worden gewist na afloop van de bewaartermijn."
        ),
        error_messages={"required": _("We hebben je toestemming nodig om je in te schrijven.")},
    )
    field_order = [
        "name",
        "email",
        "phone",
        "adults",
        "children_ages",
        "social_tariff",
        "remarks",
        "consent",
    ]

    def clean(self):
        data = super().clean()
        if not data.get("email") and not data.get("phone") and "email" not in self.errors:
            raise forms.ValidationError(_("Geef een e-mailadres of een telefoonnummer."))
        return data


class PhoneRegistrationForm(RegistrationForm):
    website_url = None  # an organiser types it in: no honeypot
    consent = forms.BooleanField(
        label=_("De ouder gaf mondeling toestemming om deze gegevens te bewaren."),
        error_messages={"required": _("Vraag eerst de toestemming van de ouder.")},
    )


class CalendarFilterForm(forms.Form):
    PRICE = [("", _("Alle prijzen")), ("free", _("Gratis")), ("social", _("Sociaal tarief"))]
    PERIOD = [("", _("Alles")), ("week", _("Deze week")), ("weekend", _("Dit weekend"))]

    leeftijd = forms.ChoiceField(label=_("Leeftijd"), required=False)
    domein = forms.ChoiceField(label=_("Thema"), required=False)
    gemeente = forms.ChoiceField(label=_("Gemeente"), required=False)
    prijs = forms.ChoiceField(label=_("Prijs"), choices=PRICE, required=False)
    wanneer = forms.ChoiceField(label=_("Wanneer"), choices=PERIOD, required=False)
    datum = AsciiDateField(
        label=_("Op deze dag"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Geef een geldige datum, bv. 2026-12-24.")},
    )

    def __init__(
        self, *args, age_groups=(), domains=(), municipalities=(), week_view=False, **kwargs
    ):
        super().__init__(*args, **kwargs)
        if week_view:
            # The week view has its own period: the week shown, with links to the others.
            del self.fields["wanneer"]
            self.fields["datum"].label = _("Toon de week van")
        self.fields["leeftijd"].choices = [("", _("Alle leeftijden"))] + [
            (a.slug, a.name) for a in age_groups
        ]
        self.fields["domein"].choices = [("", _("Alle thema's"))] + [
            (d.slug, d.name) for d in domains
        ]
        self.fields["gemeente"].choices = [("", _("Alle gemeenten"))] + [
            (m.nis_code, m.name) for m in municipalities
        ]


class ActivityForm(forms.ModelForm):
    online_url = forms.URLField(label=_("online via"), required=False, assume_scheme="https")

    class Meta:
        model = Activity
        fields = [
            "title",
            "summary",
            "description",
            "organisations",
            "domains",
            "age_groups",
            "audience",
            "location",
            "place",
            "online_url",
            "is_free",
            "price",
            "social_tariff",
            "social_tariff_price",
            "language",
            "accessibility",
            "image",
            "image_alt",
            "registration",
            "capacity",
            "capacity_unit",
            "status",
        ]
        field_classes = {"capacity": AsciiIntegerField}
        widgets = {
            "organisations": forms.CheckboxSelectMultiple,
            "domains": forms.CheckboxSelectMultiple,
            "age_groups": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, organisations=None, locations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisations is not None:
            self.fields["organisations"].queryset = organisations
        if locations is not None:
            self.fields["location"].queryset = locations
        self.fields["domains"].queryset = Domain.objects.all()
        self.fields["age_groups"].queryset = AgeGroup.objects.all()

    def clean(self):
        data = super().clean()
        if not (data.get("location") or data.get("place") or data.get("online_url")):
            raise forms.ValidationError(_("Geef een locatie, een plaats of een online adres."))
        if data.get("image") and not data.get("image_alt"):
            self.add_error("image_alt", _("Beschrijf de foto voor wie ze niet kan zien."))
        if data.get("registration") == Activity.RegistrationMode.REQUIRED and not data.get(
            "capacity"
        ):
            self.add_error("capacity", _("Hoeveel plaatsen zijn er per moment?"))
        if not data.get("is_free") and data.get("price") is None:
            self.add_error("price", _("Geef een prijs, of vink 'gratis' aan."))
        return data


WEEKDAYS = [
    ("MO", _("maandag")),
    ("TU", _("dinsdag")),
    ("WE", _("woensdag")),
    ("TH", _("donderdag")),
    ("FR", _("vrijdag")),
    ("SA", _("zaterdag")),
    ("SU", _("zondag")),
]


def parse_dates(text: str) -> list[date]:
    """One date or range per line: ``2026-12-21`` or ``2026-12-21..2027-01-03``."""
    result = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            if ".." in line:
                first, last = (date.fromisoformat(p.strip()) for p in line.split("..", 1))
                if last < first:
                    raise ValueError
                day = first
                while day <= last:
                    result.append(day)
                    day += timedelta(days=1)
            else:
                result.append(date.fromisoformat(line))
        except ValueError:
            raise forms.ValidationError(
                _("Kan '%(line)s' niet lezen. Schrijf JJJJ-MM-DD of JJJJ-MM-DD..JJJJ-MM-DD.")
                % {"line": line}
            ) from None
    return result


# Bounds of the organiser's numbers: a month of closing ahead, a fortnight's session, a hall.
MAX_CLOSE_HOURS = 24 * 31
MAX_DURATION_MINUTES = 14 * 24 * 60
MAX_CAPACITY = 10_000


class SessionsForm(forms.Form):
    """Generate the sessions of a recurrence, e.g. every Tuesday morning except school holidays."""

    FREQ = [
        ("WEEKLY", _("elke week")),
        ("BIWEEKLY", _("om de twee weken")),
        ("ONCE", _("één keer")),
    ]
    frequency = forms.ChoiceField(label=_("Hoe vaak"), choices=FREQ)
    weekdays = forms.MultipleChoiceField(
        label=_("Op"), choices=WEEKDAYS, required=False, widget=forms.CheckboxSelectMultiple
    )
    first_day = forms.DateField(label=_("Vanaf"), widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(
        label=_("Tot en met"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    starts = forms.TimeField(label=_("Van"), widget=forms.TimeInput(attrs={"type": "time"}))
    ends = forms.TimeField(label=_("Tot"), widget=forms.TimeInput(attrs={"type": "time"}))
    exceptions = forms.CharField(
        label=_("Niet op (bv. schoolvakanties)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Eén datum of periode per regel: 2026-12-21..2027-01-03"),
    )
    close_hours_before = AsciiIntegerField(
        label=_("Inschrijven sluit (uren vooraf)"),
        min_value=0,
        max_value=MAX_CLOSE_HOURS,
        initial=0,
        required=False,
    )

    def clean_exceptions(self):
        return parse_dates(self.cleaned_data.get("exceptions", ""))

    def clean(self):
        data = super().clean()
        if data.get("starts") and data.get("ends") and data["ends"] <= data["starts"]:
            self.add_error("ends", _("Het einduur moet na het beginuur liggen."))
        if data.get("frequency") in ("WEEKLY", "BIWEEKLY") and not data.get("weekdays"):
            self.add_error("weekdays", _("Kies minstens één dag."))
        return data

    @property
    def rule(self) -> str:
        data = self.cleaned_data
        if data["frequency"] == "ONCE":
            return "FREQ=DAILY;COUNT=1"
        interval = ";INTERVAL=2" if data["frequency"] == "BIWEEKLY" else ""
        return f"FREQ=WEEKLY{interval};BYDAY={','.join(data['weekdays'])}"


class SessionChangeForm(forms.Form):
    SCOPE = [("one", _("alleen dit moment")), ("series", _("dit en alle volgende momenten"))]
    starts_at = forms.DateTimeField(
        label=_("Begint om"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    duration_minutes = AsciiIntegerField(
        label=_("Duur (minuten)"), min_value=1, max_value=MAX_DURATION_MINUTES
    )
    capacity = AsciiIntegerField(
        label=_("Plaatsen"), min_value=1, max_value=MAX_CAPACITY, required=False
    )
    note = forms.CharField(label=_("Opmerking"), required=False, max_length=300)
    scope = forms.ChoiceField(
        label=_("Wijziging geldt voor"), choices=SCOPE, widget=forms.RadioSelect, initial="one"
    )


class MessageForm(forms.Form):
    message = forms.CharField(
        label=_("Bericht aan alle ingeschrevenen"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class NewsForm(forms.ModelForm):
    class Meta:
        model = NewsItem
        fields = [
            "title",
            "body",
            "organisation",
            "image",
            "image_alt",
            "published_at",
            "is_published",
        ]
        widgets = {
            "published_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "body": forms.Textarea(attrs={"rows": 10}),
        }
        help_texts = {"body": _("Eenvoudige opmaak (vet, lijsten, links) blijft behouden.")}

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = (
            organisations if organisations is not None else Organisation.objects.none()
        )

    def clean(self):
        data = super().clean()
        if data.get("image") and not data.get("image_alt"):
            self.add_error("image_alt", _("Beschrijf de foto voor wie ze niet kan zien."))
        return data


class IcalImportForm(forms.Form):
    """A partner's own calendar: an .ics file or the web address of the feed (one of both)."""

    file = forms.FileField(
        label=_("Agendabestand (.ics)"),
        required=False,
        help_text=_("Bewaar of exporteer je agenda als iCalendar-bestand (.ics). Hoogstens 2 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".ics,.ical,text/calendar"}),
    )
    url = forms.CharField(
        label=_("Of het webadres van je agenda"),
        required=False,
        max_length=500,
        help_text=_(
            "Begint met https://, http:// of webcal://, bv. het adres in iCal-indeling van je "
            "Google- of Outlook-agenda."
        ),
        widget=forms.TextInput(attrs={"inputmode": "url", "autocomplete": "url"}),
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload:
            return None
        if not upload.name.lower().endswith((".ics", ".ical", ".icalendar")):
            raise forms.ValidationError(_("Kies een iCalendar-bestand: de naam eindigt op .ics."))
        if upload.size > ICAL_MAX_BYTES:
            raise forms.ValidationError(
                _("Het bestand is groter dan 2 MB. Importeer minder activiteiten tegelijk.")
            )
        return upload

    def clean_url(self):
        url = self.cleaned_data.get("url", "").strip()
        if url and urlsplit(url).scheme.lower() not in ("http", "https", "webcal", "webcals"):
            raise forms.ValidationError(_("Geef een webadres dat begint met http:// of https://."))
        return url

    def clean(self):
        data = super().clean()
        has_file = bool(data.get("file")) or "file" in self.errors
        has_url = bool(data.get("url")) or "url" in self.errors
        if has_file and has_url:
            raise forms.ValidationError(_("Kies een bestand óf een webadres, niet allebei."))
        if not has_file and not has_url:
            raise forms.ValidationError(
                _("Kies een .ics-bestand of geef het webadres van je agenda.")
            )
        return data


class IcalConfirmForm(forms.Form):
    digest = forms.CharField(widget=forms.HiddenInput)
