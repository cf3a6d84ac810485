from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.activities.forms import AsciiDateField
from huisvanhetkind.core.languages import LANGUAGE_CHOICES
from huisvanhetkind.guidance.models import (
    CONTACT_NOTE_MAX_LENGTH,
    HELP_QUESTION_MAX_LENGTH,
    SIGNAL_MAX_LENGTH,
    Contact,
    LifeDomain,
)
from huisvanhetkind.guidance.services import BRIDGE_WORKER_END_REASONS
from huisvanhetkind.network.models import AgeGroup, Domain
from huisvanhetkind.questions.forms import PHONE, plain_text
from huisvanhetkind.questions.numbers import AsciiModelChoiceField
from huisvanhetkind.referrals.models import Consent

DATE_ERRORS = {"invalid": _("Vul een geldige datum in, bijvoorbeeld 31-12-2025.")}


def date_field(label, *, required=True, help_text="", required_message=""):
    errors = dict(DATE_ERRORS)
    if required_message:
        errors["required"] = required_message
    return AsciiDateField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages=errors,
    )


class ConsentForm(forms.Form):
    """The family's consent to guidance (the purpose is set: guidance by a bridge worker)."""

    given_by = forms.ChoiceField(
        label=_("Wie geeft toestemming?"),
        choices=Consent.GivenBy.choices,
        widget=forms.RadioSelect,
        initial=Consent.GivenBy.PARENT,
        error_messages={
            "required": _("Kies wie de toestemming geeft."),
            "invalid_choice": _("Kies wie de toestemming geeft."),
        },
    )
    child_birth_date = date_field(
        _("Geboortedatum van de jongere"),
        required=False,
        help_text=_("Alleen als een jongere van 12 jaar of ouder zelf toestemming geeft."),
    )
    obtained_via = forms.ChoiceField(
        label=_("Hoe kreeg je de toestemming?"),
        choices=Consent.ObtainedVia.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies hoe de toestemming gegeven werd."),
            "invalid_choice": _("Kies hoe de toestemming gegeven werd."),
        },
    )
    data_categories = forms.MultipleChoiceField(
        label=_("Welke gegevens mag je bijhouden?"),
        choices=Consent.DataCategory.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=[Consent.DataCategory.CONTACT, Consent.DataCategory.SITUATION],
        error_messages={
            "required": _("Kies welke gegevens het gezin laat bijhouden."),
            "invalid_choice": _("Kies welke gegevens het gezin laat bijhouden."),
        },
    )
    expires_on = date_field(
        _("Toestemming geldig tot"),
        help_text=_("Hoogstens een jaar. Daarna vraag je de toestemming opnieuw."),
        required_message=_("Geef de datum tot wanneer de toestemming geldt."),
    )
    agreed = forms.BooleanField(
        label=_(
            "Het gezin gaat akkoord dat ik als brugfiguur deze gegevens bijhoud om het te "
            "begeleiden. Het weet dat het de toestemming altijd kan intrekken en dat de gegevens "
            "dan meteen gewist worden."
        ),
        error_messages={
            "required": _("Zonder toestemming van het gezin kan je het niet begeleiden.")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and "expires_on" not in self.initial:
            self.initial["expires_on"] = timezone.localdate() + timedelta(days=365)

    def consent(self) -> dict:
        data = self.cleaned_data
        return {
            "given_by": data["given_by"],
            "obtained_via": data["obtained_via"],
            "data_categories": data["data_categories"],
            "expires_on": data["expires_on"],
            "child_birth_date": data.get("child_birth_date"),
        }


class CaseloadStartForm(ConsentForm):
    """A new family in the caseload: its contact details, the consent, the first contact."""

    name = forms.CharField(
        label=_("Naam van het gezin of de ouder"),
        max_length=100,
        error_messages={"required": _("Vul de naam van het gezin in.")},
    )
    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        required=False,
        error_messages={"invalid": _("Vul een geldig e-mailadres in.")},
    )
    phone = forms.CharField(label=_("Telefoonnummer"), max_length=30, required=False)
    address = forms.CharField(
        label=_("Adres"), max_length=200, required=False, help_text=_("Mag leeg blijven.")
    )
    language = forms.ChoiceField(
        label=_("Taal van het gezin"),
        choices=LANGUAGE_CHOICES,
        initial="nl",
        error_messages={"invalid_choice": _("Kies een taal uit de lijst.")},
    )
    next_contact_on = date_field(_("Volgend contact"), required=False)

    FAMILY_FIELDS = ("name", "email", "phone", "address", "language")
    CONSENT_FIELDS = (
        "given_by",
        "child_birth_date",
        "obtained_via",
        "data_categories",
        "expires_on",
        "agreed",
    )

    def clean_name(self):
        return plain_text(
            self.cleaned_data["name"], required_message=_("Vul de naam van het gezin in.")
        )

    def clean_address(self):
        return plain_text(self.cleaned_data["address"])

    def clean_phone(self):
        phone = plain_text(self.cleaned_data["phone"])
        if phone and not PHONE.match(phone):
            raise forms.ValidationError(_("Vul een telefoonnummer in, bijvoorbeeld 03 123 45 67."))
        return phone

    def clean(self):
        data = super().clean()
        if "email" in data and "phone" in data and not data["email"] and not data["phone"]:
            self.add_error("email", _("Geef een e-mailadres of een telefoonnummer."))
        return data

    def family(self) -> dict:
        return {field: self.cleaned_data[field] for field in self.FAMILY_FIELDS}

    def family_fields(self):
        return [self[name] for name in self.FAMILY_FIELDS]

    def consent_fields(self):
        return [self[name] for name in self.CONSENT_FIELDS]


class HelpQuestionForm(forms.Form):
    domain = forms.ChoiceField(
        label=_("Levensdomein"),
        choices=[("", _("Kies een levensdomein")), *LifeDomain.choices],
        error_messages={
            "required": _("Kies een levensdomein."),
            "invalid_choice": _("Kies een levensdomein uit de lijst."),
        },
    )
    text = forms.CharField(
        label=_("Hulpvraag"),
        help_text=_("Kort, in je eigen woorden (hoogstens %(n)s tekens).")
        % {"n": HELP_QUESTION_MAX_LENGTH},
        max_length=HELP_QUESTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "required": _("Schrijf kort wat de hulpvraag is."),
            "max_length": _("Schrijf de hulpvraag in hoogstens %(limit_value)d tekens."),
        },
    )

    def clean_text(self):
        return plain_text(
            self.cleaned_data["text"], required_message=_("Schrijf kort wat de hulpvraag is.")
        )


class ContactForm(forms.Form):
    happened_on = date_field(
        _("Datum van het contact"), required_message=_("Geef de datum van het contact.")
    )
    kind = forms.ChoiceField(
        label=_("Soort contact"),
        choices=Contact.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies het soort contact."),
            "invalid_choice": _("Kies het soort contact."),
        },
    )
    note = forms.CharField(
        label=_("Korte notitie"),
        help_text=_("Mag leeg blijven. Hoogstens %(n)s tekens.") % {"n": CONTACT_NOTE_MAX_LENGTH},
        max_length=CONTACT_NOTE_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Schrijf de notitie in hoogstens %(limit_value)d tekens.")},
    )
    next_contact_on = date_field(_("Volgend contact plannen op"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("happened_on", timezone.localdate())

    def clean_note(self):
        return plain_text(self.cleaned_data["note"])


class NextContactForm(forms.Form):
    next_contact_on = date_field(
        _("Volgend contact"), required=False, help_text=_("Leeg laten als er niets gepland is.")
    )


class EndForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Waarom stopt de begeleiding?"),
        choices=[("", _("Kies een reden"))]
        + [(reason.value, reason.label) for reason in BRIDGE_WORKER_END_REASONS],
        error_messages={
            "required": _("Kies waarom de begeleiding stopt."),
            "invalid_choice": _("Kies een reden uit de lijst."),
        },
    )


class WithdrawForm(forms.Form):
    confirm = forms.BooleanField(
        label=_(
            "Het gezin trekt zijn toestemming in. Ik weet dat de begeleiding stopt en dat de "
            "gegevens van dit gezin meteen gewist worden."
        ),
        error_messages={"required": _("Bevestig dat het gezin zijn toestemming intrekt.")},
    )


class ReassignForm(forms.Form):
    to_user = AsciiModelChoiceField(
        label=_("Collega-brugfiguur"),
        queryset=None,
        empty_label=_("Kies een collega"),
        error_messages={
            "required": _("Kies een collega-brugfiguur."),
            "invalid_choice": _("Kies een collega-brugfiguur uit de lijst."),
        },
    )

    def __init__(self, *args, colleagues, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_user"].queryset = colleagues
        self.fields["to_user"].label_from_instance = lambda u: u.get_full_name() or u.email


class PolicySignalForm(forms.Form):
    domain = AsciiModelChoiceField(
        label=_("Beleidsdomein"),
        queryset=Domain.objects.order_by("position", "name"),
        empty_label=_("Kies een beleidsdomein"),
        error_messages={
            "required": _("Kies een beleidsdomein."),
            "invalid_choice": _("Kies een beleidsdomein uit de lijst."),
        },
    )
    age_group = AsciiModelChoiceField(
        label=_("Leeftijdsgroep"),
        queryset=AgeGroup.objects.order_by("position"),
        empty_label=_("Kies een leeftijdsgroep"),
        error_messages={
            "required": _("Kies een leeftijdsgroep."),
            "invalid_choice": _("Kies een leeftijdsgroep uit de lijst."),
        },
    )
    municipality = AsciiModelChoiceField(
        label=_("Gemeente"),
        queryset=None,
        empty_label=_("Kies een gemeente"),
        error_messages={
            "required": _("Kies een gemeente."),
            "invalid_choice": _("Kies een gemeente van dit Huis van het Kind."),
        },
    )
    text = forms.CharField(
        label=_("Wat ontbreekt er?"),
        help_text=_(
            "Kort en zonder namen of gegevens van een gezin, bijvoorbeeld: geen betaalbare "
            "zwemlessen voor 6- tot 12-jarigen. Hoogstens %(n)s tekens."
        )
        % {"n": SIGNAL_MAX_LENGTH},
        max_length=SIGNAL_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Beschrijf kort wat ontbreekt."),
            "max_length": _("Schrijf het signaal in hoogstens %(limit_value)d tekens."),
        },
    )
    observed_on = date_field(_("Datum"), required_message=_("Geef een datum."))

    def __init__(self, *args, house, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = house.municipalities.order_by("name")
        if not self.is_bound:
            self.initial.setdefault("observed_on", timezone.localdate())

    def clean_text(self):
        return plain_text(
            self.cleaned_data["text"], required_message=_("Beschrijf kort wat ontbreekt.")
        )
