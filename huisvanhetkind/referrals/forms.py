"""The forms of the professionals' referral pages: the journey (one form, checked before it is
sent), the receiving organisation's answers, the lists' filters and the house's rules.

The journey's choices list what a referrer may pick; what arrives is resolved whatever it is
and handed to the services, whose checks (``referral_check_target``, ``consent_check``) say in
Dutch why a tampered or stale choice cannot be sent.
"""

import calendar
from dataclasses import dataclass
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.core.languages import LANGUAGE_CHOICES, LANGUAGE_NAMES
from huisvanhetkind.network.access import member_organisation_ids
from huisvanhetkind.network.models import House, Organisation, Partnership
from huisvanhetkind.network.selectors import organisation_members
from huisvanhetkind.questions.forms import PHONE, plain_text
from huisvanhetkind.questions.numbers import AsciiIntegerField, AsciiModelChoiceField, ascii_int
from huisvanhetkind.referrals.models import REASON_MAX_LENGTH, Consent, Referral
from huisvanhetkind.referrals.workflow import DeclineReason, ReferralStatus

# How long a consent runs unless the referrer says otherwise.
DEFAULT_CONSENT_MONTHS = 3
SERVICE_PREFIX = "dienst-"
PARTNER_PREFIX = "partner-"
DATE_INPUT = {"type": "date"}


def add_months(day: date, months: int) -> date:
    """``day`` plus ``months`` calendar months (the 31st becomes the month's last day)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


@dataclass(frozen=True)
class Target:
    """Where the referral goes: an organisation, and one of its services when one was chosen."""

    organisation: Organisation
    service: Service | None = None


def _pair(value: str) -> tuple[int, int] | None:
    """``"12-34"`` as (12, 34), or None."""
    parts = (value or "").split("-")
    if len(parts) != 2:
        return None
    first, second = ascii_int(parts[0]), ascii_int(parts[1])
    return (first, second) if first and second else None


class ReferralForm(forms.Form):
    """The whole journey on one page, in the order the referrer fills it in."""

    # --- To whom, on whose behalf
    on_behalf = forms.CharField(
        label=_("Namens welke partner verwijs je door?"),
        error_messages={"required": _("Kies namens welke partner je doorverwijst.")},
    )
    recipient = forms.CharField(
        label=_("Naar welke partner of welk aanbod verwijs je door?"),
        help_text=_("Alleen actieve partners van hetzelfde Huis van het Kind."),
        error_messages={"required": _("Kies naar welke partner of welk aanbod je doorverwijst.")},
    )
    # --- Consent
    given_by = forms.ChoiceField(
        label=_("Wie geeft toestemming?"),
        help_text=_("Een jongere van 12 jaar of ouder geeft zelf toestemming."),
        choices=Consent.GivenBy.choices,
        widget=forms.RadioSelect,
        initial=Consent.GivenBy.PARENT,
        error_messages={"required": _("Kies wie de toestemming geeft.")},
    )
    obtained_via = forms.ChoiceField(
        label=_("Hoe kreeg je de toestemming?"),
        choices=Consent.ObtainedVia.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe de toestemming gegeven werd.")},
    )
    purpose = forms.CharField(
        label=_("Waarvoor geeft het gezin toestemming?"),
        help_text=_("Bijvoorbeeld: kraamzorg aan huis na de geboorte."),
        max_length=300,
        error_messages={
            "required": _("Zeg waarvoor het gezin toestemming geeft."),
            "max_length": _("Beschrijf het doel in hoogstens 300 tekens."),
        },
    )
    data_categories = forms.MultipleChoiceField(
        label=_("Welke gegevens mag je delen?"),
        choices=Consent.DataCategory.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Kies welke gegevens het gezin laat delen."),
            "invalid_choice": _("Kies welke gegevens het gezin laat delen."),
        },
    )
    expires_on = forms.DateField(
        label=_("Toestemming geldig tot"),
        help_text=_("Standaard drie maanden, hoogstens een jaar."),
        widget=forms.DateInput(attrs=DATE_INPUT, format="%Y-%m-%d"),
        error_messages={
            "required": _("Vul in tot wanneer de toestemming geldt."),
            "invalid": _("Vul een datum in, bijvoorbeeld 2025-06-30."),
        },
    )
    family_agreed = forms.BooleanField(
        label=_(
            "Het gezin (of de jongere) gaat akkoord dat ik deze gegevens voor dit doel met deze "
            "partner deel."
        ),
        error_messages={
            "required": _("Zonder toestemming van het gezin kan je niet doorverwijzen.")
        },
    )
    # --- The family
    name = forms.CharField(
        label=_("Naam van de ouder of jongere"),
        max_length=100,
        error_messages={"required": _("Vul de naam van de ouder of jongere in.")},
    )
    email = forms.EmailField(
        label=_("E-mailadres"),
        help_text=_("Het gezin krijgt hierop zijn persoonlijke link."),
        max_length=254,
        required=False,
        error_messages={"invalid": _("Vul een geldig e-mailadres in.")},
    )
    phone = forms.CharField(label=_("Telefoonnummer"), max_length=30, required=False)
    language = forms.ChoiceField(
        label=_("Voorkeurstaal van het gezin"), choices=LANGUAGE_CHOICES, initial="nl"
    )
    contact_preference = forms.ChoiceField(
        label=_("Hoe wil het gezin liefst gecontacteerd worden?"),
        choices=Referral.ContactPreference.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe het gezin liefst gecontacteerd wordt.")},
    )
    contact_note = forms.CharField(
        label=_("Wanneer is het gezin het best bereikbaar?"),
        help_text=_("Bijvoorbeeld: op weekdagen na 17 uur."),
        max_length=200,
        required=False,
        error_messages={"max_length": _("Schrijf hoogstens 200 tekens.")},
    )
    # --- The child (optional)
    child_first_name = forms.CharField(
        label=_("Voornaam van het kind"), max_length=100, required=False
    )
    child_birth_date = forms.DateField(
        label=_("Geboortedatum"),
        required=False,
        widget=forms.DateInput(attrs=DATE_INPUT, format="%Y-%m-%d"),
        error_messages={"invalid": _("Vul een datum in, bijvoorbeeld 2020-06-30.")},
    )
    child_due_date = forms.DateField(
        label=_("Of: uitgerekende datum (kindje op komst)"),
        required=False,
        widget=forms.DateInput(attrs=DATE_INPUT, format="%Y-%m-%d"),
        error_messages={"invalid": _("Vul een datum in, bijvoorbeeld 2025-06-30.")},
    )
    # --- Why
    reason = forms.CharField(
        label=_("Waarom verwijs je door?"),
        help_text=_(
            "Hoogstens 500 tekens. Alleen de ontvangende partner leest dit; schrijf niet meer "
            "dan die nodig heeft."
        ),
        max_length=REASON_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": _("Schrijf de reden in hoogstens 500 tekens.")},
    )

    def __init__(self, *args, user, service: Service | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        mine = member_organisation_ids(user)
        self.partnerships = list(
            Partnership.objects.filter(organisation_id__in=mine, status=Partnership.Status.ACTIVE)
            .select_related("house", "organisation")
            .order_by("house__name", "organisation__name")
        )
        house_ids = {p.house_id for p in self.partnerships}
        receivers = list(
            Partnership.objects.filter(house_id__in=house_ids, status=Partnership.Status.ACTIVE)
            .exclude(organisation_id__in=mine)
            .select_related("organisation")
            .order_by("organisation__name", "house_id")
        )
        self.receiver_houses = {}
        for partnership in receivers:
            self.receiver_houses.setdefault(partnership.organisation_id, set()).add(
                partnership.house_id
            )
        organisations = list(dict.fromkeys(p.organisation for p in receivers))
        services = {}
        for offer in (
            Service.objects.published()
            .filter(organisation_id__in=[o.pk for o in organisations])
            .only("pk", "name", "organisation_id")
            .order_by("name", "pk")
        ):
            services.setdefault(offer.organisation_id, []).append(offer)
        self.service_ids = {s.pk for offers in services.values() for s in offers}
        choices = [("", _("Kies een partner of aanbod"))]
        for organisation in organisations:
            options = [
                (
                    f"{PARTNER_PREFIX}{organisation.pk}",
                    _("%(name)s (geen bepaald aanbod)") % {"name": organisation.name},
                )
            ]
            options += [
                (f"{SERVICE_PREFIX}{offer.pk}", offer.name)
                for offer in services.get(organisation.pk, [])
            ]
            choices.append((organisation.name, options))
        self.fields["recipient"].widget = forms.Select(choices=choices)
        behalf = [
            (f"{p.house_id}-{p.organisation_id}", f"{p.organisation.name} — {p.house.name}")
            for p in self.partnerships
        ]
        self.behalf_labels = dict(behalf)
        if len(behalf) == 1:
            self.fields["on_behalf"].widget = forms.HiddenInput()
            self.fields["on_behalf"].initial = behalf[0][0]
        else:
            self.fields["on_behalf"].widget = forms.Select(
                choices=[("", _("Kies een partner")), *behalf]
            )
        self.fields["expires_on"].initial = add_months(timezone.localdate(), DEFAULT_CONSENT_MONTHS)
        if service is not None:
            self.fields["recipient"].initial = f"{SERVICE_PREFIX}{service.pk}"
            houses = self.receiver_houses.get(service.organisation_id, set())
            fitting = [p for p in self.partnerships if p.house_id in houses]
            if fitting and len(behalf) > 1:
                self.fields[
                    "on_behalf"
                ].initial = f"{fitting[0].house_id}-{fitting[0].organisation_id}"

    @property
    def can_refer(self) -> bool:
        """The user works for an active partner of a house (else there is nobody to refer from)."""
        return bool(self.partnerships)

    def offers(self, service: Service) -> bool:
        """Is ``service`` one of the choices (a published service of another partner)?"""
        return service.pk in self.service_ids

    def hidden_values(self) -> list[tuple[str, str]]:
        """The submitted values as (name, value) pairs, for the hidden fields of the check page."""
        return [
            (self.add_prefix(name), value)
            for name in self.fields
            for value in self.data.getlist(self.add_prefix(name))
        ]

    # --- Cleaning

    def clean_on_behalf(self):
        pair = _pair(self.cleaned_data["on_behalf"])
        house = House.objects.filter(pk=pair[0]).first() if pair else None
        organisation = Organisation.objects.filter(pk=pair[1]).first() if pair else None
        if house is None or organisation is None:
            raise ValidationError(_("Kies namens welke partner je doorverwijst."))
        return house, organisation

    def clean_recipient(self):
        value = self.cleaned_data["recipient"]
        service = organisation = None
        if value.startswith(SERVICE_PREFIX):
            pk = ascii_int(value.removeprefix(SERVICE_PREFIX))
            service = (
                Service.objects.select_related("organisation").filter(pk=pk).first() if pk else None
            )
            organisation = service.organisation if service else None
        elif value.startswith(PARTNER_PREFIX):
            pk = ascii_int(value.removeprefix(PARTNER_PREFIX))
            organisation = Organisation.objects.filter(pk=pk).first() if pk else None
        if organisation is None:
            raise ValidationError(_("Kies een partner of aanbod uit de lijst."))
        return Target(organisation=organisation, service=service)

    def clean_name(self):
        return plain_text(
            self.cleaned_data["name"], required_message=_("Vul de naam van de ouder of jongere in.")
        )

    def clean_phone(self):
        phone = plain_text(self.cleaned_data["phone"])
        if phone and not PHONE.match(phone):
            raise ValidationError(_("Vul een telefoonnummer in, bijvoorbeeld 03 123 45 67."))
        return phone

    def clean_purpose(self):
        return plain_text(
            self.cleaned_data["purpose"],
            required_message=_("Zeg waarvoor het gezin toestemming geeft."),
        )

    def clean_contact_note(self):
        return plain_text(self.cleaned_data["contact_note"])

    def clean_child_first_name(self):
        return plain_text(self.cleaned_data["child_first_name"])

    def clean_reason(self):
        return plain_text(self.cleaned_data["reason"])

    def clean(self):
        data = super().clean()
        categories = set(data.get("data_categories") or ())
        if not data.get("email") and not data.get("phone") and "email" not in self.errors:
            self.add_error("email", _("Geef een e-mailadres of een telefoonnummer."))
        if "data_categories" not in self.errors:
            if Consent.DataCategory.CONTACT not in categories:
                self.add_error(
                    "data_categories",
                    _(
                        "Zonder toestemming om de contactgegevens te delen kan de partner het "
                        "gezin niet bereiken."
                    ),
                )
            child_given = data.get("child_first_name") or data.get("child_birth_date")
            if (child_given or data.get("child_due_date")) and (
                Consent.DataCategory.CHILD not in categories
            ):
                self.add_error(
                    "child_first_name",
                    _(
                        "Het gezin gaf geen toestemming om gegevens over het kind te delen: vink "
                        "dat aan bij de toestemming, of laat deze velden leeg."
                    ),
                )
            if data.get("reason") and Consent.DataCategory.REASON not in categories:
                self.add_error(
                    "reason",
                    _(
                        "Het gezin gaf geen toestemming om de reden te delen: vink dat aan bij de "
                        "toestemming, of laat de reden leeg."
                    ),
                )
        birth, due = data.get("child_birth_date"), data.get("child_due_date")
        if birth and due:
            self.add_error(
                "child_due_date",
                _("Geef de geboortedatum of de uitgerekende datum, niet allebei."),
            )
        elif birth and birth > timezone.localdate():
            self.add_error("child_birth_date", _("Een geboortedatum ligt niet in de toekomst."))
        elif data.get("child_first_name") and not (birth or due):
            self.add_error(
                "child_birth_date",
                _("Geef ook de geboortedatum, of voor een kindje op komst de uitgerekende datum."),
            )
        return data

    # --- What the pages and the service need

    def review(self) -> dict:
        """What the check page shows, read-only, with the labels the referrer chose from."""
        data = self.cleaned_data
        house, organisation = data["on_behalf"]
        target = data["recipient"]
        return {
            "house": house,
            "from_organisation": organisation,
            "target": target,
            "given_by": Consent.GivenBy(data["given_by"]).label,
            "obtained_via": Consent.ObtainedVia(data["obtained_via"]).label,
            "categories": [Consent.DataCategory(c).label for c in data["data_categories"]],
            "language": LANGUAGE_NAMES.get(data["language"], data["language"]),
            "contact_preference": Referral.ContactPreference(data["contact_preference"]).label,
        }

    def send_arguments(self) -> dict:
        """The keyword arguments of ``services.referral_send`` (without the actor)."""
        data = self.cleaned_data
        house, organisation = data["on_behalf"]
        target = data["recipient"]
        child = None
        if data.get("child_birth_date") or data.get("child_due_date"):
            child = {
                "first_name": data.get("child_first_name", ""),
                "birth_date": data.get("child_birth_date"),
                "due_date": data.get("child_due_date"),
            }
        return {
            "house": house,
            "from_organisation": organisation,
            "to_organisation": target.organisation,
            "service": target.service,
            "family": {
                "name": data["name"],
                "email": data.get("email", ""),
                "phone": data.get("phone", ""),
                "language": data["language"],
            },
            "child": child,
            "consent": {
                "given_by": data["given_by"],
                "obtained_via": data["obtained_via"],
                "purpose": data["purpose"],
                "data_categories": list(data["data_categories"]),
                "expires_on": data["expires_on"],
            },
            "contact_preference": data["contact_preference"],
            "contact_note": data.get("contact_note", ""),
            "reason": data.get("reason", ""),
        }


# The field of the journey that a service's refusal (by its code) is about.
FIELD_OF_CODE = {
    "actor": "on_behalf",
    "same": "recipient",
    "house": "recipient",
    "service": "recipient",
    "contact": "email",
    "invalid": "email",
    "language": "language",
    "dates": "child_birth_date",
    "birth_date": "child_birth_date",
    "due_date": "child_due_date",
}


def add_service_error(form: forms.Form, error: ValidationError) -> None:
    """Show a service's refusal on the form: at its field when it names one (or its code points
    to one), else at the top."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
        return
    for item in error.error_list:
        field = FIELD_OF_CODE.get(item.code)
        form.add_error(field if field in form.fields else None, item)


class DeclineForm(forms.Form):
    decline_reason = forms.ChoiceField(
        label=_("Waarom weiger je?"),
        choices=DeclineReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies waarom je de doorverwijzing weigert.")},
    )
    decline_note = forms.CharField(
        label=_("Toelichting voor de verwijzer"),
        help_text=_(
            "Hoogstens 500 tekens. Bijvoorbeeld: naar welke partner het gezin beter kan gaan."
        ),
        max_length=REASON_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Schrijf hoogstens 500 tekens.")},
    )

    def clean_decline_note(self):
        return plain_text(self.cleaned_data["decline_note"])


class AssignForm(forms.Form):
    handler = AsciiModelChoiceField(
        label=_("Behandelaar"),
        queryset=None,
        required=False,
        empty_label=_("Nog niemand"),
        error_messages={"invalid_choice": _("Kies een collega uit de lijst.")},
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handler"].queryset = organisation_members(organisation)
        self.fields["handler"].label_from_instance = lambda u: u.get_full_name() or u.email


class ListFilterForm(forms.Form):
    """The filters of the received and the sent referrals."""

    RUNNING = "lopend"

    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Alle")), (RUNNING, _("Alle lopende")), *ReferralStatus.choices],
    )
    laat = forms.BooleanField(label=_("Alleen te laat"), required=False)


class PolicyForm(forms.Form):
    response_days = AsciiIntegerField(
        label=_("Antwoordtermijn in werkdagen"),
        help_text=_(
            "Binnen hoeveel werkdagen (maandag tot vrijdag, zonder feestdagen) de ontvangende "
            "partner een doorverwijzing beantwoordt: van 1 tot 30. Een nieuwe termijn geldt voor "
            "doorverwijzingen die vanaf nu verstuurd worden."
        ),
        min_value=1,
        max_value=30,
        error_messages={
            "required": _("Vul een aantal werkdagen in, van 1 tot 30."),
            "invalid": _("Vul een aantal werkdagen in, van 1 tot 30."),
            "min_value": _("Vul een aantal werkdagen in, van 1 tot 30."),
            "max_value": _("Vul een aantal werkdagen in, van 1 tot 30."),
        },
    )
