from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.forms import HoneypotMixin
from huisvanhetkind.network.models import (
    AgeGroup,
    Domain,
    Group,
    Municipality,
    Organisation,
    PartnerApplication,
    Role,
)
from huisvanhetkind.network.selectors import find_duplicate
from huisvanhetkind.network.validators import normalise_enterprise_number, parse_database_id


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A choice of records by id that refuses, with the usual message, every value that is not a
    plain ASCII number within the range of the key (instead of an error page)."""

    def _check_values(self, value):
        for pk in value:
            if parse_database_id(pk, self.queryset.model) is None:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                )
        return super()._check_values(value)


class PartnerApplicationForm(HoneypotMixin, forms.ModelForm):
    """'Partner worden': any interested organisation may apply to join the network."""

    domains = IdMultipleChoiceField(
        label=_("Op welke domeinen werken jullie?"),
        queryset=Domain.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=True,
    )
    municipalities = IdMultipleChoiceField(
        label=_("In welke gemeenten werken jullie?"),
        queryset=Municipality.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=True,
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    consent = forms.BooleanField(
        label=_(
            "We gaan akkoord dat de coördinator deze gegevens gebruikt om de aanvraag te beoordelen."
        ),
        required=True,
    )

    class Meta:
        model = PartnerApplication
        fields = [
            "organisation_name",
            "kind",
            "enterprise_number",
            "description",
            "website",
            "email",
            "phone",
            "domains",
            "municipalities",
            "contact_name",
            "contact_email",
            "motivation",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "motivation": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "enterprise_number": _(
                "Tien cijfers, bv. 0207.437.468. Niet verplicht voor feitelijke verenigingen."
            ),
            "contact_email": _(
                "Na goedkeuring krijgt deze persoon een uitnodiging om het profiel te beheren. "
                "Staat jullie organisatie al op het platform (bv. als partner van een ander huis), "
                "dan bevestigen haar beheerders eerst het partnerschap en beslissen zij wie "
                "toegang krijgt."
            ),
        }

    def __init__(self, *args, house, **kwargs):
        super().__init__(*args, **kwargs)
        self.house = house
        self.fields["municipalities"].queryset = house.municipalities.all()
        self.fields["enterprise_number"].max_length = 16
        self.fields["enterprise_number"].widget.attrs["maxlength"] = 16
        self.fields["enterprise_number"].validators = [
            v for v in self.fields["enterprise_number"].validators if not hasattr(v, "limit_value")
        ]
        self.fields["organisation_name"].widget.attrs["autocomplete"] = "organization"
        self.fields["contact_name"].widget.attrs["autocomplete"] = "name"
        self.fields["contact_email"].widget.attrs["autocomplete"] = "email"

    def clean_enterprise_number(self):
        value = self.cleaned_data.get("enterprise_number", "")
        return normalise_enterprise_number(value) if value else ""

    def clean(self):
        cleaned = super().clean()
        name = cleaned.get("organisation_name")
        if name:
            duplicate = find_duplicate(
                house=self.house, name=name, enterprise_number=cleaned.get("enterprise_number", "")
            )
            if duplicate:
                raise forms.ValidationError(duplicate, code="duplicate")
        return cleaned


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden van de afwijzing"),
        help_text=_("De aanvrager krijgt deze uitleg per e-mail."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class PartnershipRefuseForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom weigeren jullie?"),
        help_text=_("De coördinator van het huis krijgt deze uitleg; de aanvrager niet."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mailadres van je collega"))
    role_kind = forms.ChoiceField(
        label=_("Rol"),
        choices=[
            (Role.Kind.ORGANISATION_WORKER, Role.Kind.ORGANISATION_WORKER.label),
            (Role.Kind.ORGANISATION_ADMIN, Role.Kind.ORGANISATION_ADMIN.label),
        ],
        widget=forms.RadioSelect,
        initial=Role.Kind.ORGANISATION_WORKER,
    )


class InvitationAcceptForm(forms.Form):
    first_name = forms.CharField(label=_("Voornaam"), max_length=150)
    last_name = forms.CharField(label=_("Familienaam"), max_length=150)
    password1 = forms.CharField(
        label=_("Kies een wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Minstens 10 tekens, niet te eenvoudig."),
    )
    password2 = forms.CharField(
        label=_("Herhaal het wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("De twee wachtwoorden zijn niet gelijk."))
        elif p1:
            probe = get_user_model()(
                email=self.email,
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(p1, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class OrganisationProfileForm(forms.ModelForm):
    """What an organisation admin keeps current about their organisation."""

    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    domains = IdMultipleChoiceField(
        label=_("Domeinen"), queryset=Domain.objects.all(), widget=forms.CheckboxSelectMultiple
    )
    age_groups = IdMultipleChoiceField(
        label=_("Voor wie"), queryset=AgeGroup.objects.all(), widget=forms.CheckboxSelectMultiple
    )
    municipalities = IdMultipleChoiceField(
        label=_("Werkt in"),
        queryset=Municipality.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Organisation
        fields = [
            "description",
            "website",
            "email",
            "phone",
            "domains",
            "age_groups",
            "municipalities",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        houses = self.instance.partnerships.values("house")
        self.fields["municipalities"].queryset = Municipality.objects.filter(
            houses__in=houses
        ).distinct()


class PartnerDirectoryFilterForm(forms.Form):
    """The filters of the public partner directory, read from the query string.

    ASCII-only patterns: a malformed value is an unknown filter (nothing matches it, and the page
    says so); a malformed page number is the first page."""

    domein = forms.RegexField(
        regex=r"\A[a-z0-9-]{1,50}\Z",
        required=False,
        error_messages={"invalid": _("Dit domein bestaat niet. Kies een domein uit de lijst.")},
    )
    gemeente = forms.RegexField(
        regex=r"\A[0-9]{5}\Z",
        required=False,
        error_messages={
            "invalid": _("Deze gemeente bestaat niet. Kies een gemeente uit de lijst.")
        },
    )
    pagina = forms.RegexField(regex=r"\A[0-9]{1,6}\Z", required=False)

    def filters(self) -> dict:
        """The valid filters and page (1 unless given), and the Dutch messages of the bad ones."""
        self.is_valid()
        data = self.cleaned_data
        return {
            "domain": data.get("domein", ""),
            "municipality": data.get("gemeente", ""),
            "page": int(data.get("pagina") or 1),
            "unknown": "domein" in self.errors or "gemeente" in self.errors,
            "errors": [
                message
                for field in ("domein", "gemeente")
                for message in self.errors.get(field, [])
            ],
        }


class CoordinatorInvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mailadres van de nieuwe coördinator"))


class IdChoiceField(forms.ModelChoiceField):
    """A choice of one record by id that refuses, with the usual message, every value that is
    not a plain ASCII number within the range of the key (instead of an error page)."""

    def to_python(self, value):
        if value not in self.empty_values and parse_database_id(value, self.queryset.model) is None:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class PersonChoiceField(IdChoiceField):
    """A person as they act in a house: through one of their roles."""

    def label_from_instance(self, role):
        name = role.user.get_full_name() or role.user.email
        where = role.organisation.name if role.organisation_id else _("coördinator van het huis")
        return f"{name} ({role.user.email}) — {where}"


class UserChoiceField(IdChoiceField):
    def label_from_instance(self, user):
        name = user.get_full_name()
        return f"{name} ({user.email})" if name else user.email


class RoleRevokeForm(forms.Form):
    successor = UserChoiceField(
        label=_("Collega die overneemt"),
        queryset=get_user_model().objects.none(),
        empty_label=_("— kies een collega —"),
        help_text=_("Alles hierboven gaat naar deze collega van dezelfde organisatie."),
    )

    def __init__(self, *args, colleagues, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["successor"].queryset = colleagues


class BridgeWorkerForm(forms.Form):
    person = PersonChoiceField(
        label=_("Wie wordt brugfiguur?"),
        queryset=Role.objects.none(),
        empty_label=_("— kies een persoon —"),
        help_text=_("Een medewerker of beheerder van een partner van het huis."),
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


class ChildcareDeskForm(forms.Form):
    organisation = IdChoiceField(
        label=_("Partner"),
        queryset=Organisation.objects.none(),
        empty_label=_("— kies een partner —"),
        help_text=_("De medewerkers van deze partner werken als Lokaal Loket Kinderopvang."),
    )

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = partners


class GroupForm(forms.ModelForm):
    class Meta:
        model = Group
        fields = ["kind", "name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class GroupMemberForm(forms.Form):
    person = PersonChoiceField(
        label=_("Nieuw lid"),
        queryset=Role.objects.none(),
        empty_label=_("— kies een persoon —"),
        help_text=_(
            "Een coördinator van het huis of een medewerker van een partner, namens die partner."
        ),
    )
    is_lead = forms.BooleanField(label=_("Trekker van de groep"), required=False)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
