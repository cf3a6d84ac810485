from django import forms
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.catalogue.models import Service, TargetGroup
from huisvanhetkind.core.languages import LANGUAGE_CHOICES
from huisvanhetkind.network.models import AgeGroup, Domain, Location, Municipality


class ServiceForm(forms.ModelForm):
    url = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    languages = forms.MultipleChoiceField(
        label=_("Talen"),
        choices=LANGUAGE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    domains = forms.ModelMultipleChoiceField(
        label=_("Domeinen"), queryset=Domain.objects.all(), widget=forms.CheckboxSelectMultiple
    )
    age_groups = forms.ModelMultipleChoiceField(
        label=_("Leeftijdsgroepen"),
        queryset=AgeGroup.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    target_groups = forms.ModelMultipleChoiceField(
        label=_("Doelgroepen"),
        queryset=TargetGroup.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    service_areas = forms.ModelMultipleChoiceField(
        label=_("Voor inwoners van"),
        queryset=Municipality.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    locations = forms.ModelMultipleChoiceField(
        label=_("Waar"),
        queryset=Location.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Service
        fields = [
            "name",
            "alternate_name",
            "summary",
            "description",
            "domains",
            "age_groups",
            "for_expecting_parents",
            "minimum_age",
            "maximum_age",
            "target_groups",
            "eligibility_description",
            "application_process",
            "schedule_description",
            "is_free",
            "price",
            "price_description",
            "social_tariff",
            "social_tariff_price",
            "social_tariff_description",
            "service_areas",
            "locations",
            "languages",
            "url",
            "email",
            "phone",
            "contact_name",
            "contact_title",
            "contact_email",
            "accessibility",
            "referral_criteria",
            "temporarily_closed",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "eligibility_description": forms.Textarea(attrs={"rows": 2}),
            "application_process": forms.Textarea(attrs={"rows": 3}),
            "accessibility": forms.Textarea(attrs={"rows": 2}),
            "referral_criteria": forms.Textarea(attrs={"rows": 3}),
            "summary": forms.Textarea(attrs={"rows": 2, "maxlength": 300}),
        }

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        houses = organisation.partnerships.values("house")
        self.fields["service_areas"].queryset = Municipality.objects.filter(
            houses__in=houses
        ).distinct()
        self.fields["locations"].queryset = Location.objects.filter(
            organisation=organisation
        ) | Location.objects.filter(house__in=houses)

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("minimum_age"), cleaned.get("maximum_age")
        if low is not None and high is not None and low > high:
            self.add_error(
                "maximum_age", _("De maximumleeftijd moet groter zijn dan de minimumleeftijd.")
            )
        if cleaned.get("is_free") and cleaned.get("price"):
            self.add_error(
                "price",
                _("Gratis aanbod heeft geen prijs: laat de prijs leeg of vink 'gratis' uit."),
            )
        social_price = cleaned.get("social_tariff_price")
        if social_price is not None and not cleaned.get("social_tariff"):
            self.add_error(
                "social_tariff", _("Vink sociaal tarief aan als je een sociaal tarief invult.")
            )
        price = cleaned.get("price")
        if social_price is not None and price is not None and social_price > price:
            self.add_error(
                "social_tariff_price",
                _("Het sociaal tarief mag niet hoger zijn dan de normale prijs."),
            )
        return cleaned


class SynonymForm(forms.Form):
    terms = forms.CharField(
        label=_("Woorden met dezelfde betekenis"),
        help_text=_("Gescheiden door komma's, bv. crèche, kinderdagverblijf, kinderopvang"),
        max_length=500,
    )


class SearchTestForm(forms.Form):
    q = forms.CharField(label=_("Probeer een zoekvraag"), max_length=200, required=False)
