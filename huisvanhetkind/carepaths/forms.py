"""The forms of the care paths. They collect what was typed and turn it into the values the
services take; the rules (and their Dutch messages) are in ``services``."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.carepaths.models import ReferenceKind, Track
from huisvanhetkind.network.models import Organisation
from huisvanhetkind.referrals.models import Consent

UNIT_CHOICES = (("days", _("dagen")), ("weeks", _("weken")))
DIRECTION_CHOICES = (
    ("after", _("na de referentiedatum")),
    ("before", _("voor de referentiedatum")),
)
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"]


def _date_field(label, **kwargs):
    return forms.DateField(
        label=label,
        input_formats=DATE_FORMATS,
        widget=DATE_INPUT,
        error_messages={
            "required": _("Vul de datum in (dd/mm/jjjj)."),
            "invalid": _("Vul een geldige datum in (dd/mm/jjjj)."),
        },
        **kwargs,
    )


class TemplateForm(forms.Form):
    name = forms.CharField(
        label=_("Naam"),
        max_length=120,
        error_messages={
            "required": _("Geef het zorgpad een naam."),
            "max_length": _("Gebruik voor de naam hoogstens 120 tekens."),
        },
    )
    description = forms.CharField(
        label=_("Beschrijving (niet verplicht)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": _("Gebruik voor de beschrijving hoogstens 2000 tekens.")},
    )
    reference_kind = forms.ChoiceField(
        label=_("De stappen worden gepland vanaf"),
        choices=ReferenceKind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies vanaf welke datum de stappen gepland worden."),
            "invalid_choice": _("Kies vanaf welke datum de stappen gepland worden."),
        },
    )


def _days(amount: int, unit: str) -> int:
    return amount * 7 if unit == "weeks" else amount


class StepTemplateForm(forms.Form):
    title = forms.CharField(
        label=_("Titel"),
        max_length=150,
        error_messages={
            "required": _("Geef de stap een titel."),
            "max_length": _("Gebruik voor de titel hoogstens 150 tekens."),
        },
    )
    track = forms.ChoiceField(
        label=_("Spoor"),
        choices=Track.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies het spoor: medisch of geestelijk welbevinden."),
            "invalid_choice": _("Kies het spoor: medisch of geestelijk welbevinden."),
        },
    )
    partner_kind = forms.ChoiceField(
        label=_("Verantwoordelijke soort partner"),
        choices=Organisation.Kind.choices,
        error_messages={
            "required": _("Kies welke soort partner verantwoordelijk is."),
            "invalid_choice": _("Kies welke soort partner verantwoordelijk is."),
        },
    )
    amount = forms.IntegerField(
        label=_("Wanneer: aantal"),
        min_value=0,
        max_value=1098,
        error_messages={
            "required": _("Vul in hoeveel dagen of weken."),
            "invalid": _("Vul een geheel getal in."),
            "min_value": _("Vul 0 of meer in; kies hieronder voor of na."),
            "max_value": _("De stap valt hoogstens drie jaar voor of na de referentiedatum."),
        },
    )
    unit = forms.ChoiceField(
        label=_("Eenheid"),
        choices=UNIT_CHOICES,
        error_messages={"invalid_choice": _("Kies dagen of weken.")},
    )
    direction = forms.ChoiceField(
        label=_("Voor of na"),
        choices=DIRECTION_CHOICES,
        error_messages={"invalid_choice": _("Kies voor of na de referentiedatum.")},
    )
    window = forms.IntegerField(
        label=_("Venster: de stap mag zoveel later gebeuren"),
        min_value=0,
        max_value=366,
        initial=2,
        error_messages={
            "required": _("Vul het venster in (0 of meer)."),
            "invalid": _("Vul een geheel getal in."),
            "min_value": _("Het venster is 0 of meer."),
            "max_value": _("Het venster is hoogstens 366 dagen."),
        },
    )
    window_unit = forms.ChoiceField(
        label=_("Eenheid van het venster"),
        choices=UNIT_CHOICES,
        initial="weeks",
        error_messages={"invalid_choice": _("Kies dagen of weken.")},
    )
    checklist = forms.CharField(
        label=_("Checklist (één punt per regel, niet verplicht)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=3200,
        error_messages={"max_length": _("De checklist is te lang.")},
    )

    @classmethod
    def initial_for(cls, step) -> dict:
        def split(days):
            if days and days % 7 == 0:
                return days // 7, "weeks"
            return days, "days"

        amount, unit = split(abs(step.offset_days))
        window, window_unit = split(step.window_days)
        return {
            "title": step.title,
            "track": step.track,
            "partner_kind": step.partner_kind,
            "amount": amount,
            "unit": unit,
            "direction": "before" if step.offset_days < 0 else "after",
            "window": window,
            "window_unit": window_unit,
            "checklist": "\n".join(step.checklist),
        }

    def data_for_service(self) -> dict:
        data = self.cleaned_data
        offset = _days(data["amount"], data["unit"])
        return {
            "title": data["title"],
            "track": data["track"],
            "partner_kind": data["partner_kind"],
            "offset_days": -offset if data["direction"] == "before" else offset,
            "window_days": _days(data["window"], data["window_unit"]),
            "checklist": data["checklist"],
        }


class StartForm(forms.Form):
    template = forms.TypedChoiceField(
        label=_("Welk zorgpad?"),
        coerce=int,
        error_messages={
            "required": _("Kies een zorgpad."),
            "invalid_choice": _("Kies een zorgpad uit de lijst."),
        },
    )
    consent = forms.TypedChoiceField(
        label=_("Voor welk gezin? (met de toestemming die het je organisatie gaf)"),
        coerce=int,
        error_messages={
            "required": _("Kies het gezin."),
            "invalid_choice": _("Kies een gezin uit de lijst."),
        },
    )
    reference_date = _date_field(
        _("Referentiedatum"),
        help_text=_("De uitgerekende datum of de geboortedatum, zoals het zorgpad vraagt."),
    )

    def __init__(self, *args, templates=(), consents=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].choices = [("", "—")] + [
            (t.pk, f"{t.name} · {t.house.name} ({t.get_reference_kind_display()})")
            for t in templates
        ]
        self.fields["consent"].choices = [("", "—")] + [
            (
                c.pk,
                _("%(family)s · toestemming aan %(organisation)s tot %(day)s")
                % {
                    "family": c.family.name or str(c.family),
                    "organisation": c.recipient.name,
                    "day": c.expires_on.strftime("%d/%m/%Y"),
                },
            )
            for c in consents
        ]


class FamilyConsentForm(forms.Form):
    partnership = forms.TypedChoiceField(
        label=_("Toestemming aan (je organisatie, in welk huis)"),
        coerce=int,
        error_messages={
            "required": _("Kies je organisatie."),
            "invalid_choice": _("Kies je organisatie."),
        },
    )
    name = forms.CharField(
        label=_("Naam van het gezin"),
        max_length=200,
        error_messages={"required": _("Geef de naam van het gezin.")},
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        error_messages={"invalid": _("Vul een geldig e-mailadres in.")},
    )
    phone = forms.CharField(label=_("Telefoon"), required=False, max_length=30)
    obtained_via = forms.ChoiceField(
        label=_("Hoe gaf het gezin toestemming?"),
        choices=Consent.ObtainedVia.choices[:2],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies hoe de toestemming gegeven werd."),
            "invalid_choice": _("Kies hoe de toestemming gegeven werd."),
        },
    )
    expires_on = _date_field(_("Toestemming geldig tot"))

    def __init__(self, *args, partnerships=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partnership"].choices = [
            (p.pk, f"{p.organisation.name} · {p.house.name}") for p in partnerships
        ]
        self.fields["expires_on"].initial = timezone.localdate() + timedelta(days=365)

    def clean(self):
        data = super().clean()
        if not data.get("email") and not (data.get("phone") or "").strip():
            self.add_error("email", _("Geef een e-mailadres of een telefoonnummer."))
        return data


class TickForm(forms.Form):
    ticked = forms.TypedMultipleChoiceField(
        label=_("Checklist"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Kies alleen punten van de checklist.")},
    )

    def __init__(self, *args, step=None, **kwargs):
        super().__init__(*args, **kwargs)
        items = step.checklist if step is not None else []
        self.fields["ticked"].choices = list(enumerate(items))
        if step is not None and not self.is_bound:
            self.fields["ticked"].initial = list(step.ticked)


class SkipForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom sla je deze stap over?"),
        max_length=500,
        error_messages={
            "required": _("Zeg waarom de stap overgeslagen wordt."),
            "max_length": _("Schrijf hoogstens 500 tekens."),
        },
    )


class OfferForm(forms.Form):
    to_organisation = forms.TypedChoiceField(
        label=_("Aan welke partner?"),
        coerce=int,
        error_messages={
            "required": _("Kies een partner van dit huis."),
            "invalid_choice": _("Kies een partner van dit huis."),
        },
    )
    note = forms.CharField(
        label=_("Toelichting (niet verplicht)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"max_length": _("Schrijf hoogstens 500 tekens.")},
    )

    def __init__(self, *args, partners=(), holder_id=None, kind="", **kwargs):
        super().__init__(*args, **kwargs)
        others = [p for p in partners if p.pk != holder_id]
        others.sort(key=lambda p: (p.kind != kind, p.name))
        self.fields["to_organisation"].choices = [("", "—")] + [
            (p.pk, f"{p.name} ({p.get_kind_display()})") for p in others
        ]


class ConsentForm(forms.Form):
    recipient = forms.TypedChoiceField(
        label=_("Het gezin geeft toestemming aan"),
        coerce=int,
        error_messages={
            "required": _("Kies een partner van dit huis."),
            "invalid_choice": _("Kies een partner van dit huis."),
        },
    )
    obtained_via = forms.ChoiceField(
        label=_("Hoe gaf het gezin toestemming?"),
        choices=Consent.ObtainedVia.choices[:2],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies hoe de toestemming gegeven werd."),
            "invalid_choice": _("Kies hoe de toestemming gegeven werd."),
        },
    )
    expires_on = _date_field(_("Toestemming geldig tot"))

    def __init__(self, *args, partners=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipient"].choices = [("", "—")] + [(p.pk, p.name) for p in partners]


class StopForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom stopt het zorgpad?"),
        max_length=200,
        error_messages={
            "required": _("Zeg waarom het zorgpad stopt."),
            "max_length": _("Schrijf hoogstens 200 tekens."),
        },
    )
