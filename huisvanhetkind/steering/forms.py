"""The forms of the plan. They turn what was typed into the values the services take; the rules
(and their Dutch messages) are in ``services``."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.network.models import Domain
from huisvanhetkind.steering import indicators
from huisvanhetkind.steering.workflow import ActionStatus

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"]
NUMBER = {"invalid": _("Vul een getal in.")}
WHOLE = {"invalid": _("Vul een geheel getal in.")}


def _date_field(label, required=True):
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_FORMATS,
        widget=DATE_INPUT,
        error_messages={
            "required": _("Vul de datum in (dd/mm/jjjj)."),
            "invalid": _("Vul een geldige datum in (dd/mm/jjjj)."),
        },
    )


def _year_field(label):
    return forms.IntegerField(
        label=label,
        error_messages={"required": _("Vul het jaar in."), "invalid": _("Vul een jaartal in.")},
    )


def _weight_field():
    return forms.IntegerField(
        label=_("Gewicht"),
        initial=1,
        help_text=_("Hoe zwaar dit meetelt naast de andere (standaard 1: allemaal even zwaar)."),
        error_messages={"required": _("Vul het gewicht in."), **WHOLE},
    )


class PeriodForm(forms.Form):
    title = forms.CharField(
        label=_("Titel"),
        max_length=200,
        error_messages={"required": _("Geef de beleidsperiode een titel.")},
    )
    start_year = _year_field(_("Beginjaar"))
    end_year = _year_field(_("Eindjaar"))


class GoalForm(forms.Form):
    domain = forms.ModelChoiceField(
        label=_("Beleidsdomein"),
        queryset=Domain.objects.all(),
        empty_label=None,
        error_messages={
            "required": _("Kies het beleidsdomein van de doelstelling."),
            "invalid_choice": _("Kies een beleidsdomein uit de lijst."),
        },
    )
    code = forms.CharField(label=_("Code (niet verplicht)"), max_length=20, required=False)
    title = forms.CharField(
        label=_("Doelstelling"),
        max_length=300,
        error_messages={"required": _("Beschrijf de doelstelling in één zin.")},
    )
    description = forms.CharField(
        label=_("Toelichting (niet verplicht)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    indicators = forms.CharField(
        label=_("Indicatoren (niet verplicht)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    policy_objective_code = forms.CharField(
        label=_("Beleidsdoelstelling in het meerjarenplan (code, niet verplicht)"),
        max_length=30,
        required=False,
    )
    action_plan_code = forms.CharField(
        label=_("Actieplan in het meerjarenplan (code, niet verplicht)"),
        max_length=30,
        required=False,
    )
    weight = _weight_field()

    @staticmethod
    def initial_for(goal) -> dict:
        return {name: getattr(goal, name) for name in GoalForm.base_fields}


class AnnualPlanForm(forms.Form):
    year = _year_field(_("Jaar"))


GAP_SPLIT = re.compile(r"[\s,;]+")


class ActionForm(forms.Form):
    goal = forms.TypedChoiceField(
        label=_("Doelstelling"),
        coerce=int,
        error_messages={
            "required": _("Kies de doelstelling waar de actie aan bijdraagt."),
            "invalid_choice": _("Kies een doelstelling uit de lijst."),
        },
    )
    title = forms.CharField(
        label=_("Actie"),
        max_length=300,
        error_messages={"required": _("Beschrijf de actie in één zin.")},
    )
    description = forms.CharField(
        label=_("Beschrijving (niet verplicht)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    lead_organisation = forms.TypedChoiceField(
        label=_("Trekkende partner"),
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": _("Kies een partner uit de lijst.")},
    )
    participants = forms.TypedMultipleChoiceField(
        label=_("Deelnemende partners"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Kies alleen partners uit de lijst.")},
    )
    working_group = forms.TypedChoiceField(
        label=_("Werkgroep"),
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": _("Kies een groep uit de lijst.")},
    )
    starts_on = _date_field(_("Start"))
    ends_on = _date_field(_("Einde"))
    budget = forms.DecimalField(
        label=_("Budget in euro (niet verplicht)"),
        required=False,
        max_digits=10,
        decimal_places=2,
        error_messages=NUMBER,
    )
    weight = _weight_field()
    progress = forms.IntegerField(
        label=_("Voortgang in % (voor een actie zonder live indicator)"),
        initial=0,
        required=False,
        error_messages=WHOLE,
    )
    indicator = forms.ChoiceField(
        label=_("Live indicator (niet verplicht)"),
        required=False,
        error_messages={
            "invalid_choice": _("Deze indicator bestaat niet; kies er een uit de lijst.")
        },
    )
    baseline = forms.DecimalField(
        label=_("Beginwaarde"),
        required=False,
        max_digits=12,
        decimal_places=2,
        error_messages=NUMBER,
    )
    target = forms.DecimalField(
        label=_("Streefwaarde"),
        required=False,
        max_digits=12,
        decimal_places=2,
        error_messages=NUMBER,
    )
    target_on = _date_field(_("Streefdatum"), required=False)
    gap_ids = forms.CharField(
        label=_("Lacunes in het aanbod die de actie aanpakt (niet verplicht)"),
        help_text=_("Eén per regel, zoals ze in de lacunes van het aanbod staan."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, goals=(), partners=(), groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.goals = {goal.pk: goal for goal in goals}
        self.partners = {organisation.pk: organisation for organisation in partners}
        self.groups = {group.pk: group for group in groups}
        self.fields["goal"].choices = [("", _("Kies een doelstelling"))] + [
            (goal.pk, f"{goal.domain} — {goal}") for goal in goals
        ]
        self.fields["lead_organisation"].choices = [("", _("Geen"))] + [
            (o.pk, o.name) for o in partners
        ]
        self.fields["participants"].choices = [(o.pk, o.name) for o in partners]
        self.fields["working_group"].choices = [("", _("Geen"))] + [(g.pk, str(g)) for g in groups]
        self.fields["indicator"].choices = [("", _("Geen: voortgang met de hand"))] + [
            (name, label) for name, label in indicators.choices()
        ]

    def clean_gap_ids(self):
        return [gap for gap in GAP_SPLIT.split(self.cleaned_data["gap_ids"].strip()) if gap]

    def data_for_service(self) -> dict:
        data = dict(self.cleaned_data)
        data["goal"] = self.goals.get(data["goal"])
        data["lead_organisation"] = self.partners.get(data["lead_organisation"])
        data["participants"] = [self.partners[pk] for pk in data["participants"]]
        data["working_group"] = self.groups.get(data["working_group"])
        if data["progress"] is None:
            data["progress"] = 0
        return data

    @staticmethod
    def initial_for(action) -> dict:
        return {
            "goal": action.goal_id,
            "title": action.title,
            "description": action.description,
            "lead_organisation": action.lead_organisation_id,
            "participants": [o.pk for o in action.participants.all()],
            "working_group": action.working_group_id,
            "starts_on": action.starts_on,
            "ends_on": action.ends_on,
            "budget": action.budget,
            "weight": action.weight,
            "progress": action.progress,
            "indicator": action.indicator,
            "baseline": action.baseline,
            "target": action.target,
            "target_on": action.target_on,
            "gap_ids": "\n".join(action.gap_ids),
        }


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Nieuwe status"),
        choices=ActionStatus.choices,
        error_messages={
            "required": _("Kies de nieuwe status."),
            "invalid_choice": _("Kies een status uit de lijst."),
        },
    )
    note = forms.CharField(label=_("Toelichting (niet verplicht)"), required=False, max_length=500)


class NoteForm(forms.Form):
    written_on = _date_field(_("Datum"))
    text = forms.CharField(
        label=_("Stand van zaken"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Schrijf kort hoe de actie loopt.")},
    )
