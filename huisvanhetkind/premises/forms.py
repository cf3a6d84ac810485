from django import forms
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.premises.models import Booking, Room, RoomTerms
from huisvanhetkind.premises.services import MAX_BUFFER, MAX_WEEKS


class BookingForm(forms.Form):
    organisation = forms.TypedChoiceField(label=_("Voor organisatie"), coerce=int)
    title = forms.CharField(label=_("Waarvoor"), max_length=150)
    attendees = forms.IntegerField(label=_("Aantal personen"), min_value=1, max_value=1000)
    day = forms.DateField(
        label=_("Dag"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    starts = forms.TimeField(label=_("Van"), widget=forms.TimeInput(attrs={"type": "time"}))
    ends = forms.TimeField(label=_("Tot"), widget=forms.TimeInput(attrs={"type": "time"}))
    buffer_before = forms.IntegerField(
        label=_("Buffer vooraf (minuten)"),
        min_value=0,
        max_value=MAX_BUFFER,
        initial=0,
        help_text=_("Tijd om de zaal klaar te zetten."),
    )
    buffer_after = forms.IntegerField(
        label=_("Buffer achteraf (minuten)"),
        min_value=0,
        max_value=MAX_BUFFER,
        initial=0,
        help_text=_("Tijd om op te ruimen."),
    )
    weeks = forms.IntegerField(
        label=_("Aantal weken"),
        min_value=1,
        max_value=MAX_WEEKS,
        initial=1,
        help_text=_("1 voor één keer; meer om elke week op hetzelfde uur te reserveren."),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [(o.pk, o.name) for o in organisations]


class RoomForm(forms.ModelForm):
    class Meta:
        model = Room
        fields = [
            "name",
            "capacity",
            "facilities",
            "accessibility",
            "wheelchair_accessible",
            "divisible",
            "usage_rules",
            "bookable_from",
            "bookable_until",
            "is_active",
        ]
        widgets = {
            "bookable_from": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "bookable_until": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "facilities": forms.Textarea(attrs={"rows": 3}),
            "accessibility": forms.Textarea(attrs={"rows": 3}),
            "usage_rules": forms.Textarea(attrs={"rows": 4}),
        }


class TermsForm(forms.ModelForm):
    class Meta:
        model = RoomTerms
        fields = ["cancellation_terms", "cancellation_cutoff_hours", "usage_agreement"]


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", _("goedkeuren")), ("decline", _("afwijzen"))],
        widget=forms.HiddenInput,
    )
    reason = forms.CharField(label=_("Reden (bij afwijzen)"), max_length=300, required=False)


class CategoryForm(forms.Form):
    category = forms.ChoiceField(label=_("Categorie"), choices=Booking.Category.choices)
