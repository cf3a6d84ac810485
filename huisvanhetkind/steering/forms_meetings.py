"""The forms of the groups' meetings and the partner consultation. They turn what was typed into
the values ``services_meetings`` takes; the rules and their Dutch messages live there."""

from django import forms
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.steering.forms import _date_field
from huisvanhetkind.steering.models import Attendance, Goal

DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M"]


def _moment(label, required=True, help_text=""):
    return forms.DateTimeField(
        label=label,
        required=required,
        help_text=help_text,
        input_formats=DATETIME_FORMATS,
        widget=DATETIME_INPUT,
        error_messages={
            "required": _("Vul datum en uur in (dd/mm/jjjj uu:mm)."),
            "invalid": _("Vul een geldige datum en uur in (dd/mm/jjjj uu:mm)."),
        },
    )


class MeetingForm(forms.Form):
    title = forms.CharField(
        label=_("Titel"),
        max_length=200,
        error_messages={"required": _("Geef de vergadering een titel.")},
    )
    starts_at = _moment(_("Begin"))
    ends_at = _moment(_("Einde"))
    place = forms.CharField(label=_("Plaats"), max_length=300, required=False)
    video_url = forms.URLField(
        label=_("Videolink"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Vul een volledige link in (https://…).")},
    )
    agenda_deadline = _moment(
        _("Agendapunten toevoegen tot"),
        required=False,
        help_text=_("Leeg: twee dagen voor het begin."),
    )


class AgendaItemForm(forms.Form):
    title = forms.CharField(
        label=_("Agendapunt"),
        max_length=200,
        error_messages={"required": _("Geef het agendapunt een titel.")},
    )
    description = forms.CharField(
        label=_("Toelichting"), required=False, max_length=2000, widget=forms.Textarea({"rows": 3})
    )


class MinutesForm(forms.Form):
    minutes = forms.CharField(
        label=_("Verslag"), required=False, max_length=50000, widget=forms.Textarea({"rows": 8})
    )


class AttendanceForm(forms.Form):
    """One choice per member of the group (``members``: their memberships)."""

    def __init__(self, *args, members=(), current=None, **kwargs):
        super().__init__(*args, **kwargs)
        current = current or {}
        choices = [("", _("niet ingevuld")), *Attendance.Status.choices]
        self.members = list(members)
        for membership in self.members:
            user = membership.user
            self.fields[f"member_{user.pk}"] = forms.ChoiceField(
                label=user.get_full_name() or user.email,
                choices=choices,
                required=False,
                initial=current.get(user.pk, ""),
                error_messages={"invalid_choice": _("Kies aanwezig, verontschuldigd of afwezig.")},
            )

    def statuses(self) -> dict:
        return {m.user_id: self.cleaned_data.get(f"member_{m.user_id}", "") for m in self.members}


class DecisionForm(forms.Form):
    text = forms.CharField(
        label=_("Beslissing"),
        max_length=2000,
        widget=forms.Textarea({"rows": 3}),
        error_messages={"required": _("Beschrijf de beslissing.")},
    )
    goal = forms.ModelChoiceField(
        label=_("Opvolgactie onder de doelstelling"),
        queryset=Goal.objects.none(),
        required=False,
        empty_label=_("geen opvolgactie"),
        error_messages={"invalid_choice": _("Kies een doelstelling uit de lijst.")},
    )
    owner = forms.TypedChoiceField(
        label=_("Eigenaar van de opvolgactie"), required=False, coerce=int, empty_value=None
    )
    due_on = _date_field(_("Af tegen"), required=False)

    def __init__(self, *args, house=None, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = Goal.objects.filter(period__house=house).select_related(
            "period"
        )
        self.members = {m.user_id: m.user for m in members}
        self.fields["owner"].choices = [("", "—")] + [
            (m.user_id, m.user.get_full_name() or m.user.email) for m in members
        ]
        self.fields["owner"].error_messages["invalid_choice"] = _(
            "De eigenaar moet lid zijn van de groep."
        )

    def owner_user(self):
        pk = self.cleaned_data.get("owner")
        return self.members.get(pk) if pk else None


class DocumentForm(forms.Form):
    file = forms.FileField(
        label=_("Document (PDF, docx, xlsx, pptx, odt of ods; hoogstens 10 MB)"),
        error_messages={
            "required": _("Kies een bestand."),
            "empty": _("Het bestand is leeg."),
        },
    )


class FeedbackForm(forms.Form):
    organisation = forms.TypedChoiceField(
        label=_("Namens"), coerce=int, error_messages={"invalid_choice": _("Kies je organisatie.")}
    )
    going_well = forms.CharField(
        label=_("Wat loopt goed in het jaarplan?"),
        required=False,
        max_length=4000,
        widget=forms.Textarea({"rows": 4}),
    )
    to_improve = forms.CharField(
        label=_("Wat kan beter of ontbreekt?"),
        required=False,
        max_length=4000,
        widget=forms.Textarea({"rows": 4}),
    )
    contribution = forms.CharField(
        label=_("Waaraan wil jullie organisatie meewerken?"),
        required=False,
        max_length=4000,
        widget=forms.Textarea({"rows": 4}),
    )

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [(o.pk, o.name) for o in organisations]
