"""The appointments' forms: a family's booking, and the professional's settings, topics and
cancellation. Messages in Dutch."""

from datetime import UTC, datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.appointments.models import Appointment, AppointmentSettings, Topic
from huisvanhetkind.core.forms import HoneypotMixin

EMAIL_ERRORS = {
    "invalid": _("Dit e-mailadres is niet geldig. Controleer het even."),
    "required": _("Vul je e-mailadres in: je krijgt er de bevestiging op."),
}
SLOT_ERROR = _("Kies een tijdstip uit de lijst.")


def slot_from(value) -> datetime | None:
    """A slot's start from its form value (seconds since the epoch), or None."""
    try:
        seconds = int(str(value))
        return datetime.fromtimestamp(seconds, UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def slot_value(moment: datetime) -> str:
    return str(int(moment.timestamp()))


class BookingForm(HoneypotMixin, forms.Form):
    tijd = forms.CharField(widget=forms.HiddenInput, error_messages={"required": SLOT_ERROR})
    name = forms.CharField(
        label=_("Naam"), max_length=150, error_messages={"required": _("Vul je naam in.")}
    )
    email = forms.EmailField(label=_("E-mail"), max_length=254, error_messages=EMAIL_ERRORS)
    phone = forms.CharField(label=_("Telefoon (niet verplicht)"), required=False, max_length=30)
    language = forms.ChoiceField(
        label=_("In welke taal wil je de e-mails?"),
        choices=Appointment.Language.choices,
        initial="nl",
        error_messages={
            "required": _("Kies een taal uit de lijst."),
            "invalid_choice": _("Kies een taal uit de lijst."),
        },
    )
    interpreter = forms.BooleanField(label=_("Ik heb een tolk nodig"), required=False)
    interpreter_language = forms.CharField(
        label=_("Taal van de tolk"),
        required=False,
        max_length=60,
        help_text=_("Alleen als je een tolk nodig hebt, bv. Arabisch of Oekraïens."),
    )
    wheelchair = forms.BooleanField(
        label=_("Ik heb een rolstoeltoegankelijke ruimte nodig"), required=False
    )
    note = forms.CharField(
        label=_("Korte opmerking (niet verplicht)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Hou je opmerking kort (hoogstens 500 tekens).")},
    )
    consent = forms.BooleanField(
        label=_(
            "Ik geef toestemming om deze gegevens te bewaren voor mijn afspraak. Ze worden "
            "gewist na afloop van de bewaartermijn."
        ),
        error_messages={"required": _("We hebben je toestemming nodig om de afspraak te maken.")},
    )

    def clean_tijd(self):
        moment = slot_from(self.cleaned_data.get("tijd"))
        if moment is None:
            raise ValidationError(SLOT_ERROR, code="invalid")
        return moment

    def clean(self):
        data = super().clean()
        if data.get("interpreter") and not (data.get("interpreter_language") or "").strip():
            self.add_error("interpreter_language", _("Voor welke taal heb je een tolk nodig?"))
        return data


class SettingsForm(forms.ModelForm):
    class Meta:
        model = AppointmentSettings
        fields = ["slot_minutes", "counters", "horizon_days", "notice_hours", "is_open"]
        error_messages = {
            name: {
                "required": _("Vul dit veld in."),
                "invalid": _("Vul een geheel getal in."),
                "min_value": _("Dit getal is te klein."),
            }
            for name in ("slot_minutes", "counters", "horizon_days", "notice_hours")
        }


class TopicForm(forms.ModelForm):
    class Meta:
        model = Topic
        fields = ["title", "what_to_bring", "position", "is_active"]
        error_messages = {
            "title": {"required": _("Geef het onderwerp een titel.")},
            "position": {"invalid": _("Vul een geheel getal in.")},
        }


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden (het gezin krijgt ze in een e-mail)"),
        max_length=300,
        error_messages={"required": _("Geef een reden: het gezin krijgt ze in een e-mail.")},
    )
