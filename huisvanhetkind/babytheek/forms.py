"""The babytheek's forms: a family's reservation and waitlist entry, and the volunteers' item,
membership and return forms. Messages in Dutch."""

from django import forms
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.babytheek.models import Item
from huisvanhetkind.core.forms import HoneypotMixin

DATE_ERRORS = {
    "invalid": _("Vul een geldige datum in (dd/mm/jjjj)."),
    "required": _("Kies een datum."),
}
EMAIL_ERRORS = {
    "invalid": _("Dit e-mailadres is niet geldig. Controleer het even."),
    "required": _("Vul je e-mailadres in: je krijgt er de bevestiging op."),
}


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ReservationForm(HoneypotMixin, forms.Form):
    MEMBERSHIP_CHOICES = [
        ("existing", _("Ik ben al lid (met dit e-mailadres)")),
        ("new", _("Ik word nu lid (lidmaatschap voor een jaar)")),
    ]

    pickup_date = forms.DateField(
        label=_("Ophaaldatum"), widget=DateInput(), error_messages=DATE_ERRORS
    )
    name = forms.CharField(
        label=_("Naam"), max_length=150, error_messages={"required": _("Vul je naam in.")}
    )
    email = forms.EmailField(label=_("E-mail"), max_length=254, error_messages=EMAIL_ERRORS)
    membership = forms.ChoiceField(
        label=_("Lidmaatschap"),
        choices=MEMBERSHIP_CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies of je al lid bent of nu lid wordt."),
            "invalid_choice": _("Kies of je al lid bent of nu lid wordt."),
        },
    )
    phone = forms.CharField(label=_("Telefoon (niet verplicht)"), required=False, max_length=30)
    postcode = forms.RegexField(
        label=_("Postcode (voor een nieuw lid)"),
        regex=r"^\d{4}$",
        required=False,
        error_messages={"invalid": _("Een Belgische postcode heeft vier cijfers.")},
    )
    social_tariff = forms.BooleanField(
        label=_("Ik heb recht op het sociaal tarief"),
        required=False,
        help_text=_("We vragen geen bewijs. Niemand ziet dit; we tellen het alleen."),
    )
    consent = forms.BooleanField(
        label=_(
            "Ik geef toestemming om deze gegevens te bewaren voor mijn lidmaatschap en mijn "
            "ontleningen. Ze worden gewist na afloop van de bewaartermijn."
        ),
        error_messages={"required": _("We hebben je toestemming nodig om te reserveren.")},
    )


class WaitlistForm(HoneypotMixin, forms.Form):
    name = forms.CharField(
        label=_("Naam"), max_length=150, error_messages={"required": _("Vul je naam in.")}
    )
    email = forms.EmailField(label=_("E-mail"), max_length=254, error_messages=EMAIL_ERRORS)
    consent = forms.BooleanField(
        label=_("Ik geef toestemming om mijn naam en e-mailadres te bewaren tot ik bericht krijg."),
        error_messages={"required": _("We hebben je toestemming nodig voor de wachtlijst.")},
    )


class ItemForm(forms.ModelForm):
    class Meta:
        model = Item
        fields = [
            "name",
            "category",
            "description",
            "photo",
            "photo_alt",
            "condition",
            "deposit",
            "loan_weeks",
            "is_active",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "name": {"required": _("Geef het artikel een naam.")},
            "deposit": {"invalid": _("Vul een bedrag in, bijvoorbeeld 20 of 12,50.")},
            "loan_weeks": {"invalid": _("Vul een aantal weken in.")},
        }

    def clean_loan_weeks(self):
        weeks = self.cleaned_data["loan_weeks"]
        if not 1 <= weeks <= 26:
            raise forms.ValidationError(_("De uitleentermijn is 1 tot 26 weken."))
        return weeks

    def clean_deposit(self):
        deposit = self.cleaned_data["deposit"]
        if deposit is not None and deposit < 0:
            raise forms.ValidationError(_("De waarborg kan niet negatief zijn."))
        return deposit


class MembershipForm(forms.Form):
    name = forms.CharField(
        label=_("Naam"), max_length=150, error_messages={"required": _("Vul een naam in.")}
    )
    email = forms.EmailField(label=_("E-mail"), max_length=254, error_messages=EMAIL_ERRORS)
    phone = forms.CharField(label=_("Telefoon (niet verplicht)"), required=False, max_length=30)
    postcode = forms.RegexField(
        label=_("Postcode"),
        regex=r"^\d{4}$",
        required=False,
        error_messages={"invalid": _("Een Belgische postcode heeft vier cijfers.")},
    )
    social_tariff = forms.BooleanField(label=_("Sociaal tarief"), required=False)
    fee_paid = forms.BooleanField(label=_("Lidgeld betaald"), required=False)
    valid_from = forms.DateField(
        label=_("Geldig vanaf"), widget=DateInput(), error_messages=DATE_ERRORS
    )


class ReturnForm(forms.Form):
    note = forms.CharField(
        label=_("Staat bij het terugbrengen"),
        required=False,
        max_length=300,
        help_text=_(
            "Bijvoorbeeld: vlek op de bekleding, riempje stuk. Schrijf niets over het gezin."
        ),
    )
