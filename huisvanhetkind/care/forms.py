"""The forms of the signal index. The number is checked by the service (``care.numbers``); the
form only collects what was typed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.network.models import Domain, Organisation


class SignalForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Voor welke organisatie signaleert u?"),
        queryset=Organisation.objects.none(),
        empty_label=None,
        error_messages={
            "required": _("Kies de organisatie."),
            "invalid_choice": _("Kies de organisatie."),
        },
    )
    number = forms.CharField(
        label=_("Rijksregisternummer of BIS-nummer van het kind"),
        help_text=_("11 cijfers, bv. 17.07.30-033.84. Het nummer wordt nergens leesbaar bewaard."),
        max_length=30,
        error_messages={"required": _("Vul het rijksregisternummer of BIS-nummer in.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    child_name = forms.CharField(
        label=_("Naam van het kind (alleen voor uw organisatie)"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    child_birth_date = forms.CharField(
        label=_("Geboortedatum van het kind (alleen voor uw organisatie)"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    domain = forms.ModelChoiceField(
        label=_("Beleidsdomein (niet verplicht)"),
        queryset=Domain.objects.all(),
        required=False,
        error_messages={"invalid_choice": _("Kies een beleidsdomein uit de lijst.")},
    )
    parent_number = forms.CharField(
        label=_("Rijksregisternummer van een ouder (niet verplicht)"),
        help_text=_(
            "Zo vindt de index ook broers en zussen. Ook dit nummer wordt nergens leesbaar bewaard."
        ),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=[o.pk for o in organisations]
        ).order_by("name")


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom trekt u het signaal in? (niet verplicht)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class LeadForm(forms.Form):
    lead = forms.TypedChoiceField(
        label=_("Wie wordt regievoerder?"),
        coerce=int,
        choices=(),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies wie regievoerder wordt."),
            "invalid_choice": _("Kies wie regievoerder wordt."),
        },
    )

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead"].choices = [
            (
                s.pk,
                f"{s.organisation.name} · {s.contact.get_full_name() or s.contact.email if s.contact_id else '-'}",
            )
            for s in candidates
        ]
