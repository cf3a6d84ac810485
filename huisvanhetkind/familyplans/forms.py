"""The forms of the family plan. They collect what was typed or chosen; the services check it
against the plan (who takes part, who sees a goal, the young person's agreement) and say in
Dutch what is wrong."""

from dateutil.relativedelta import relativedelta
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.languages import LANGUAGE_CHOICES
from huisvanhetkind.families.models import Child
from huisvanhetkind.familyplans.models import TEXT_MAX_LENGTH, Goal
from huisvanhetkind.familyplans.workflow import ActionStatus
from huisvanhetkind.network.models import Organisation
from huisvanhetkind.referrals.models import Consent

DATE_INPUT = {"type": "date"}
DATE_ERRORS = {"invalid": _("Vul een datum in, bijvoorbeeld 2026-06-30.")}
# How long a consent for the plan runs unless the table says otherwise.
DEFAULT_CONSENT_MONTHS = 12
TOO_LONG = _("Hoogstens %(limit_value)d tekens, alstublieft.")


def _date_field(label, *, required=True, required_message="", help_text=""):
    errors = dict(DATE_ERRORS)
    if required_message:
        errors["required"] = required_message
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.DateInput(attrs=DATE_INPUT, format="%Y-%m-%d"),
        error_messages=errors,
    )


def _text(label, *, required=True, required_message="", rows=3):
    return forms.CharField(
        label=label,
        required=required,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": required_message or _("Vul dit in."), "max_length": TOO_LONG},
    )


def _organisations(label, *, help_text=""):
    return forms.ModelMultipleChoiceField(
        label=label,
        help_text=help_text,
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Kies organisaties uit de lijst."),
            "invalid_pk_value": _("Kies organisaties uit de lijst."),
            "invalid_list": _("Kies organisaties uit de lijst."),
        },
    )


FAMILY_PRESENT = _("Het gezin is erbij en beslist dit zelf.")


class ConsentFields(forms.Form):
    """The family's consent for one organisation to take part in the plan."""

    given_by = forms.ChoiceField(
        label=_("Wie geeft toestemming?"),
        help_text=_("Een jongere van 12 jaar of ouder geeft zelf toestemming."),
        choices=Consent.GivenBy.choices,
        widget=forms.RadioSelect,
        initial=Consent.GivenBy.PARENT,
        error_messages={
            "required": _("Kies wie de toestemming geeft."),
            "invalid_choice": _("Kies wie de toestemming geeft."),
        },
    )
    obtained_via = forms.ChoiceField(
        label=_("Hoe kreeg u de toestemming?"),
        choices=Consent.ObtainedVia.choices,
        widget=forms.RadioSelect,
        initial=Consent.ObtainedVia.IN_PERSON,
        error_messages={
            "required": _("Kies hoe de toestemming gegeven werd."),
            "invalid_choice": _("Kies hoe de toestemming gegeven werd."),
        },
    )
    expires_on = _date_field(
        _("Toestemming geldig tot"),
        required_message=_("Vul in tot wanneer de toestemming geldt."),
        help_text=_("Hoogstens een jaar."),
    )
    family_present = forms.BooleanField(
        label=FAMILY_PRESENT,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expires_on"].initial = timezone.localdate() + relativedelta(
            months=DEFAULT_CONSENT_MONTHS, days=-1
        )

    def consent(self) -> dict:
        data = self.cleaned_data
        return {
            "given_by": data["given_by"],
            "obtained_via": data["obtained_via"],
            "expires_on": data["expires_on"],
        }


class PlanForm(ConsentFields):
    """A new plan at the round table: for which organisation, the family, its consent."""

    organisation = forms.ModelChoiceField(
        label=_("Namens welke organisatie maakt u het plan?"),
        queryset=Organisation.objects.none(),
        empty_label=None,
        error_messages={
            "required": _("Kies de organisatie."),
            "invalid_choice": _("Kies de organisatie."),
        },
    )
    family_name = forms.CharField(
        label=_("Naam van het gezin"),
        max_length=200,
        error_messages={
            "required": _("Vul de naam van het gezin in."),
            "max_length": TOO_LONG,
        },
    )
    email = forms.EmailField(
        label=_("E-mailadres van het gezin"),
        required=False,
        max_length=254,
        error_messages={"invalid": _("Vul een geldig e-mailadres in.")},
    )
    phone = forms.CharField(
        label=_("Telefoonnummer van het gezin"),
        help_text=_("Een e-mailadres of een telefoonnummer is nodig."),
        required=False,
        max_length=30,
        error_messages={"max_length": TOO_LONG},
    )
    language = forms.ChoiceField(
        label=_("Taal van het gezin"),
        choices=LANGUAGE_CHOICES,
        initial="nl",
        error_messages={"invalid_choice": _("Kies een taal uit de lijst.")},
    )
    review_on = _date_field(
        _("Evaluatie op"),
        required=False,
        help_text=_("Leeg laten: vier maanden na vandaag."),
    )
    field_order = [
        "organisation",
        "family_name",
        "email",
        "phone",
        "language",
        "given_by",
        "obtained_via",
        "expires_on",
        "review_on",
        "family_present",
    ]

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=[o.pk for o in organisations]
        ).order_by("name")


class PartnerForm(ConsentFields):
    prefix = "partner"
    organisation = forms.ModelChoiceField(
        label=_("Welke partner neemt deel?"),
        queryset=Organisation.objects.none(),
        error_messages={
            "required": _("Kies de partner."),
            "invalid_choice": _("Kies een partner uit de lijst."),
        },
    )
    field_order = ["organisation", "given_by", "obtained_via", "expires_on", "family_present"]

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=[o.pk for o in organisations]
        ).order_by("name")


class GoalForm(forms.Form):
    prefix = "doel"
    text = _text(
        _("Doel, in de woorden van het gezin"),
        required_message=_("Schrijf het doel op in de woorden van het gezin."),
    )
    child = forms.ModelChoiceField(
        label=_("Over welk kind (niet verplicht)"),
        queryset=None,
        required=False,
        error_messages={"invalid_choice": _("Kies een kind van dit gezin.")},
    )
    visible_to = _organisations(
        _("Welke organisaties mogen dit doel zien?"),
        help_text=_("Het gezin kiest. Een organisatie die niet aangevinkt is, ziet het doel niet."),
    )
    family_present = forms.BooleanField(label=FAMILY_PRESENT, required=False)
    child_agrees = forms.BooleanField(
        label=_("De jongere (12 jaar of ouder) over wie het doel gaat, is erbij en gaat akkoord."),
        required=False,
    )

    def __init__(self, *args, children=None, partners=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["child"].queryset = children if children is not None else Child.objects.none()
        self.fields["child"].label_from_instance = lambda child: child.first_name or str(child)
        self.fields["visible_to"].queryset = Organisation.objects.filter(
            pk__in=[o.pk for o in partners]
        ).order_by("name")


class VisibilityForm(forms.Form):
    visible_to = _organisations(_("Welke organisaties mogen dit doel zien?"))
    family_present = forms.BooleanField(label=FAMILY_PRESENT, required=False)

    def __init__(self, *args, partners=(), prefix=None, **kwargs):
        super().__init__(*args, prefix=prefix, **kwargs)
        self.fields["visible_to"].queryset = Organisation.objects.filter(
            pk__in=[o.pk for o in partners]
        ).order_by("name")


class AgreementForm(forms.Form):
    young_person_present = forms.BooleanField(
        label=_("De jongere is erbij en gaat akkoord met dit doel."),
        error_messages={"required": _("Duid aan dat de jongere erbij is en akkoord gaat.")},
    )


class ActionForm(forms.Form):
    prefix = "afspraak"
    goal = forms.ModelChoiceField(
        label=_("Bij welk doel?"),
        queryset=None,
        empty_label=None,
        error_messages={
            "required": _("Kies een doel van dit plan."),
            "invalid_choice": _("Kies een doel van dit plan."),
        },
    )
    what = _text(_("Wat spreken we af?"), required_message=_("Zeg wat er afgesproken is."))
    organisation = forms.ModelChoiceField(
        label=_("Wie doet het (organisatie)?"),
        queryset=Organisation.objects.none(),
        error_messages={
            "required": _("Kies wie het doet."),
            "invalid_choice": _("Kies een organisatie uit de lijst."),
        },
    )
    person = forms.TypedChoiceField(
        label=_("Wie doet het (persoon, niet verplicht)"),
        coerce=int,
        required=False,
        empty_value=None,
        choices=(),
        error_messages={"invalid_choice": _("Kies een persoon uit de lijst.")},
    )
    due_on = _date_field(_("Tegen wanneer (niet verplicht)"), required=False)
    support = _text(_("Welke steun is er nodig (niet verplicht)?"), required=False, rows=2)

    def __init__(self, *args, goals=None, partners=(), people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [("", _("niemand in het bijzonder"))] + list(people)
        self.fields["goal"].queryset = goals if goals is not None else Goal.objects.none()
        self.fields["goal"].label_from_instance = lambda goal: (
            goal.text if len(goal.text) <= 80 else goal.text[:79] + "…"
        )
        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=[o.pk for o in partners]
        ).order_by("name")


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Nieuwe status"),
        choices=ActionStatus.choices,
        error_messages={
            "required": _("Kies een status uit de lijst."),
            "invalid_choice": _("Kies een status uit de lijst."),
        },
    )


class ReviewForm(forms.Form):
    prefix = "evaluatie"
    review_on = _date_field(
        _("Volgende evaluatie op"), required_message=_("Vul de datum van de volgende evaluatie in.")
    )


class ChildForm(forms.Form):
    prefix = "kind"
    first_name = forms.CharField(
        label=_("Voornaam van het kind"),
        max_length=100,
        error_messages={
            "required": _("Vul de voornaam van het kind in."),
            "max_length": TOO_LONG,
        },
    )
    birth_date = _date_field(
        _("Geboortedatum"), required_message=_("Vul de geboortedatum van het kind in.")
    )


# --- The family's forms (through its link) -----------------------------------------------------


class CommentForm(forms.Form):
    prefix = "opmerking"
    text = _text(_("Je opmerking"), required_message=_("Schrijf je opmerking."))
    goal = forms.ModelChoiceField(
        label=_("Over welk doel (niet verplicht)"),
        queryset=None,
        required=False,
        empty_label=_("Over het hele plan"),
        error_messages={"invalid_choice": _("Kies een doel van je plan.")},
    )

    def __init__(self, *args, goals=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = goals if goals is not None else Goal.objects.none()
        self.fields["goal"].label_from_instance = lambda goal: (
            goal.text if len(goal.text) <= 80 else goal.text[:79] + "…"
        )


class FamilyVisibilityForm(forms.Form):
    visible_to = _organisations(_("Wie mag dit doel zien?"))

    def __init__(self, *args, partners=(), prefix=None, **kwargs):
        super().__init__(*args, prefix=prefix, **kwargs)
        self.fields["visible_to"].queryset = Organisation.objects.filter(
            pk__in=[o.pk for o in partners]
        ).order_by("name")
