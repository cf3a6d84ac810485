"""The forms of the urgent requests: the family's short form, the professional's form, the
desk's answer (a place or no place) and the family's withdrawal."""

import re

from django import forms
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.childcare.models import UrgentReason
from huisvanhetkind.core.forms import HoneypotMixin
from huisvanhetkind.core.languages import LANGUAGE_CHOICES

DATE_INPUT = {"type": "date"}
PHONE = re.compile(r"^\+?[0-9 ./()-]{8,20}$")
SITUATION_MAX = 1000
MESSAGE_MAX = 2000


def plain_text(value: str) -> str:
    """No HTML from a form: tags are removed, not escaped, before anything is stored."""
    return strip_tags(value or "").strip()


def _date(label, *, required=True, help_text="", required_message=None):
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.DateInput(attrs=DATE_INPUT, format="%Y-%m-%d"),
        error_messages={
            "required": required_message or _("Vul een datum in."),
            "invalid": _("Vul een datum in, bijvoorbeeld 2027-03-01."),
        },
    )


class UrgentFormBase(forms.Form):
    """What the family and the professional both fill in."""

    name = forms.CharField(
        label=_("Naam van de ouder"),
        max_length=100,
        error_messages={"required": _("Vul de naam van de ouder in.")},
    )
    email = forms.EmailField(
        label=_("E-mailadres"),
        help_text=_("Hierop krijgt het gezin de persoonlijke link en het antwoord."),
        max_length=254,
        required=False,
        error_messages={
            "invalid": _("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.be.")
        },
    )
    phone = forms.CharField(
        label=_("Telefoonnummer"),
        help_text=_("Een e-mailadres of een telefoonnummer is nodig, of allebei."),
        max_length=30,
        required=False,
    )
    language = forms.ChoiceField(
        label=_("In welke taal willen jullie het antwoord het liefst?"),
        choices=LANGUAGE_CHOICES,
        initial="nl",
        error_messages={"invalid_choice": _("Kies een taal uit de lijst.")},
    )
    municipality = forms.ModelChoiceField(
        label=_("Gemeente waar het gezin woont"),
        queryset=None,
        empty_label=_("Kies een gemeente"),
        error_messages={
            "required": _("Kies de gemeente waar het gezin woont."),
            "invalid_choice": _("Kies een gemeente van dit Huis van het Kind."),
        },
    )
    child_first_name = forms.CharField(
        label=_("Voornaam van het kind"),
        max_length=100,
        error_messages={"required": _("Vul de voornaam van het kind in.")},
    )
    child_birth_date = _date(_("Geboortedatum van het kind"), required=False)
    child_due_date = _date(
        _("Of: uitgerekende datum"),
        required=False,
        help_text=_("Alleen voor een kindje dat nog geboren moet worden."),
    )
    reason = forms.ChoiceField(
        label=_("Waarom is de opvang dringend?"),
        choices=UrgentReason.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies waarom de opvang dringend is."),
            "invalid_choice": _("Kies de reden uit de lijst."),
        },
    )
    needed_from = _date(
        _("Opvang nodig vanaf"), required_message=_("Vul in vanaf wanneer opvang nodig is.")
    )
    half_days = forms.IntegerField(
        label=_("Hoeveel halve dagen per week?"),
        help_text=_("Een volle dag is 2 halve dagen; een hele week is 10."),
        min_value=1,
        max_value=10,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": _("Vul in hoeveel halve dagen per week opvang nodig is."),
            "invalid": _("Geef een geheel getal van 1 tot 10."),
            "min_value": _("Geef een geheel getal van 1 tot 10."),
            "max_value": _("Geef een geheel getal van 1 tot 10."),
        },
    )
    situation = forms.CharField(
        label=_("Vertel kort over de situatie"),
        help_text=_(
            "Hoogstens 1000 tekens. Alleen het Lokaal Loket Kinderopvang leest dit; de opvang "
            "ziet het niet."
        ),
        max_length=SITUATION_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Vertel kort waarom je dringend opvang nodig hebt."),
            "max_length": _("Schrijf hoogstens 1000 tekens."),
        },
    )

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities

    def clean_name(self):
        value = plain_text(self.cleaned_data["name"])
        if not value:
            raise forms.ValidationError(_("Vul de naam van de ouder in."))
        return value

    def clean_child_first_name(self):
        value = plain_text(self.cleaned_data["child_first_name"])
        if not value:
            raise forms.ValidationError(_("Vul de voornaam van het kind in."))
        return value

    def clean_situation(self):
        value = plain_text(self.cleaned_data["situation"])
        if not value:
            raise forms.ValidationError(_("Vertel kort waarom je dringend opvang nodig hebt."))
        return value

    def clean_phone(self):
        phone = plain_text(self.cleaned_data["phone"])
        if phone and not PHONE.match(phone):
            raise forms.ValidationError(_("Vul een telefoonnummer in, bijvoorbeeld 03 123 45 67."))
        return phone

    def clean_needed_from(self):
        day = self.cleaned_data["needed_from"]
        if day < timezone.localdate():
            raise forms.ValidationError(
                _("De datum vanaf wanneer je opvang nodig hebt, ligt niet voorbij.")
            )
        return day

    def clean(self):
        data = super().clean()
        if not data.get("email") and not data.get("phone") and "email" not in self.errors:
            self.add_error("email", _("Geef een e-mailadres of een telefoonnummer."))
        born, due = data.get("child_birth_date"), data.get("child_due_date")
        if "child_birth_date" not in self.errors and "child_due_date" not in self.errors:
            if (born is None) == (due is None):
                self.add_error(
                    "child_birth_date",
                    _("Geef de geboortedatum, of voor een kindje op komst de uitgerekende datum."),
                )
            elif born is not None and born > timezone.localdate():
                self.add_error("child_birth_date", _("Een geboortedatum ligt niet in de toekomst."))
        return data

    def family(self) -> dict:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "email": data.get("email", ""),
            "phone": data.get("phone", ""),
            "language": data["language"],
        }

    def child(self) -> dict:
        data = self.cleaned_data
        child = {"first_name": data["child_first_name"]}
        if data.get("child_birth_date"):
            child["birth_date"] = data["child_birth_date"]
        else:
            child["due_date"] = data["child_due_date"]
        return child


class UrgentPublicForm(HoneypotMixin, UrgentFormBase):
    """The family's short form; a hidden honeypot for robots."""

    consent = forms.BooleanField(
        label=_(
            "Ik ga akkoord dat het Lokaal Loket Kinderopvang deze gegevens gebruikt om opvang te "
            "zoeken. Opvanglocaties zien de vraag zonder naam. De gegevens worden gewist 12 "
            "maanden nadat de vraag is afgesloten."
        ),
        error_messages={"required": _("Zonder je akkoord kunnen we je vraag niet behandelen.")},
    )


class UrgentProfessionalForm(UrgentFormBase):
    """A professional files an urgent request for a family, for a house with a desk."""

    house = forms.ModelChoiceField(
        label=_("Voor welk Huis van het Kind?"),
        queryset=None,
        empty_label=None,
        error_messages={
            "required": _("Kies het Huis van het Kind."),
            "invalid_choice": _("Kies een Huis van het Kind uit de lijst."),
        },
    )
    family_agreed = forms.BooleanField(
        label=_(
            "Het gezin gaat akkoord dat ik deze vraag doorgeef aan het Lokaal Loket Kinderopvang."
        ),
        error_messages={
            "required": _("Zonder akkoord van het gezin kan je de vraag niet doorgeven.")
        },
    )

    field_order = ["house"]

    def __init__(self, *args, houses, municipalities, **kwargs):
        super().__init__(*args, municipalities=municipalities, **kwargs)
        self.fields["house"].queryset = houses
        self.fields["municipality"].error_messages["invalid_choice"] = _(
            "Kies een gemeente van het gekozen Huis van het Kind."
        )
        self.fields["situation"].label = _("De situatie van het gezin, kort")

    def clean(self):
        data = super().clean()
        house, municipality = data.get("house"), data.get("municipality")
        if house and municipality and not house.municipalities.filter(pk=municipality.pk).exists():
            self.add_error(
                "municipality", _("Kies een gemeente van het gekozen Huis van het Kind.")
            )
        return data


class UrgentPlaceForm(forms.Form):
    location = forms.ModelChoiceField(
        label=_("Opvanglocatie"),
        queryset=None,
        empty_label=_("Kies een opvanglocatie"),
        error_messages={
            "required": _("Kies de opvanglocatie waar het kind terecht kan."),
            "invalid_choice": _("Kies een opvanglocatie van dit huis."),
        },
    )
    message = forms.CharField(
        label=_("Bericht aan het gezin (mag leeg blijven)"),
        help_text=_("Bijvoorbeeld wanneer de opvang het gezin belt. Hoogstens 2000 tekens."),
        max_length=MESSAGE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": _("Schrijf hoogstens 2000 tekens.")},
    )

    def __init__(self, *args, locations, offered_ids, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["location"]
        field.queryset = locations
        field.label_from_instance = lambda c: (
            f"{c.service.name} ({_('bood een plaats aan')})"
            if c.pk in offered_ids
            else c.service.name
        )

    def clean_message(self):
        return plain_text(self.cleaned_data["message"])


class UrgentNoPlaceForm(forms.Form):
    message = forms.CharField(
        label=_("Bericht aan het gezin"),
        help_text=_(
            "Leg uit dat er nu geen plaats is en wat het gezin kan doen. Hoogstens 2000 tekens."
        ),
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Schrijf het gezin wat het nu kan doen, ook als er geen plaats is."),
            "max_length": _("Schrijf hoogstens 2000 tekens."),
        },
    )

    def clean_message(self):
        value = plain_text(self.cleaned_data["message"])
        if not value:
            raise forms.ValidationError(
                _("Schrijf het gezin wat het nu kan doen, ook als er geen plaats is.")
            )
        return value


class UrgentWithdrawForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Ja, ik heb geen dringende opvang meer nodig."),
        error_messages={"required": _("Vink aan dat je de vraag wil intrekken.")},
    )
