"""The forms of a childcare request: the first step (where, which child, from when), the second
(the wished locations, the half-days, the declarations and the contact details) and the
family's change of an open request. No JavaScript: each location of the list has its own rank
select and sibling checkbox."""

import re

from django import forms
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.childcare import selectors_requests as selectors
from huisvanhetkind.childcare.models import MAX_WISHES
from huisvanhetkind.childcare.months import month_label, parse_month, start_months
from huisvanhetkind.childcare.services_requests import Wish
from huisvanhetkind.core.forms import HoneypotMixin
from huisvanhetkind.core.languages import LANGUAGE_CHOICES

PHONE = re.compile(r"^\+?[0-9 ./()-]{8,20}$")
TEXT_MAX = 1000
LANGUAGES = [
    c for c in LANGUAGE_CHOICES if c[0] in {"nl", "fr", "en", "de", "ar", "tr", "pl", "ro", "uk"}
]
HALF_DAYS = [("", _("Kies"))] + [(str(n), str(n)) for n in range(1, 11)]
RANK_NUMBERS = [(str(n), str(n)) for n in range(1, MAX_WISHES + 1)]


def plain_text(value: str) -> str:
    """No HTML from the public: tags are removed, not escaped, before anything is stored."""
    return strip_tags(value or "").strip()


def month_choices(today) -> list:
    return [("", _("Kies een maand"))] + [
        (f"{month:%Y-%m}", month_label(month)) for month in start_months(today)
    ]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class RequestStartForm(forms.Form):
    """Step 1: where the family lives, the child and the wished start month."""

    municipality = forms.ChoiceField(
        label=_("In welke gemeente woont je gezin?"),
        error_messages={
            "required": _("Kies de gemeente waar je gezin woont."),
            "invalid_choice": _("Kies een gemeente uit de lijst."),
        },
    )
    child_first_name = forms.CharField(
        label=_("Voornaam van je kind"),
        help_text=_("Mag leeg blijven voor een kindje op komst."),
        max_length=100,
        required=False,
    )
    birth_date = forms.DateField(
        label=_("Geboortedatum"),
        help_text=_("Is je kind al geboren? Vul de geboortedatum in."),
        required=False,
        widget=DateInput(),
        error_messages={"invalid": _("Vul een datum in, bijvoorbeeld 2026-03-15.")},
    )
    due_date = forms.DateField(
        label=_("Uitgerekende datum"),
        help_text=_("Is je kindje nog op komst? Vul de uitgerekende datum in."),
        required=False,
        widget=DateInput(),
        error_messages={"invalid": _("Vul een datum in, bijvoorbeeld 2027-01-20.")},
    )
    wished_start = forms.ChoiceField(
        label=_("Vanaf welke maand heb je opvang nodig?"),
        error_messages={
            "required": _("Kies de maand waarin de opvang moet beginnen."),
            "invalid_choice": _("Kies een startmaand uit de lijst: deze maand of de 11 erna."),
        },
    )

    def __init__(self, *args, house, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.house = house
        self.today = today or timezone.localdate()
        self.fields["municipality"].choices = selectors.municipality_choices(house)
        self.fields["wished_start"].choices = month_choices(self.today)

    def clean_child_first_name(self):
        return plain_text(self.cleaned_data["child_first_name"])

    def clean_municipality(self):
        municipality = selectors.municipality_by_code(self.cleaned_data["municipality"])
        if municipality is None:
            raise forms.ValidationError(_("Kies een gemeente uit de lijst."))
        return municipality

    def clean_wished_start(self):
        return parse_month(self.cleaned_data["wished_start"])

    def clean(self):
        data = super().clean()
        birth, due = data.get("birth_date"), data.get("due_date")
        if "birth_date" in self.errors or "due_date" in self.errors:
            return data
        if birth is None and due is None:
            self.add_error(
                "birth_date",
                _("Vul de geboortedatum in, of voor een kindje op komst de uitgerekende datum."),
            )
        elif birth is not None and due is not None:
            self.add_error(
                "due_date",
                _("Vul de geboortedatum óf de uitgerekende datum in, niet allebei."),
            )
        elif birth is not None and birth > self.today:
            self.add_error("birth_date", _("Een geboortedatum ligt niet in de toekomst."))
        elif birth is not None and selectors.age_in_months(birth, self.today) > 14 * 12 + 11:
            self.add_error("birth_date", _("Opvang via het loket is er tot 14 jaar."))
        elif due is not None and (due - self.today).days > 42 * 7:
            self.add_error(
                "due_date", _("Een uitgerekende datum ligt hoogstens 42 weken in de toekomst.")
            )
        start = data.get("wished_start")
        born = birth or due
        if start and born and "birth_date" not in self.errors and "due_date" not in self.errors:
            data["age_months"] = selectors.age_at_start(born, start)
            if data["age_months"] is None:
                self.add_error(
                    "wished_start",
                    _("De startmaand ligt voor de geboorte van je kind. Kies een latere maand."),
                )
        return data

    def locations(self):
        """The locations the family may wish (the form is valid)."""
        data = self.cleaned_data
        return list(
            selectors.wishable_locations(self.house, data["municipality"], data["age_months"])
        )


class WishFieldsMixin(forms.Form):
    """A rank select and a sibling checkbox per location, and the declarations."""

    working = forms.BooleanField(
        label=_("Wij werken of studeren allebei minstens 4/5 (of ik alleen, als alleenstaande)."),
        required=False,
    )
    foster = forms.BooleanField(label=_("Het kind is een pleegkind."), required=False)
    sworn = forms.BooleanField(
        label=_("Ik verklaar op eer dat wat ik hierboven over voorrang aanduidde, klopt."),
        help_text=_("Verplicht als je een voorrang aanduidt. De opvang kan een bewijs vragen."),
        required=False,
    )

    def add_wish_fields(self, locations, wished: dict | None = None):
        """``wished``: {location pk: (rank, sibling)} that the form starts from."""
        self.wish_locations = list(locations)
        wished = wished or {}
        # Translated once per form, not once per option of every select (40 locations).
        ranks = [("", gettext("niet gekozen")), *RANK_NUMBERS]
        rank_label, sibling_label = (
            gettext("Voorkeur voor %(name)s"),
            gettext("Een broer of zus gaat naar %(name)s"),
        )
        invalid = gettext("Kies een nummer van 1 tot 12.")
        for location in self.wish_locations:
            rank, sibling = wished.get(location.pk, ("", False))
            self.fields[f"rank_{location.pk}"] = forms.ChoiceField(
                label=rank_label % {"name": location.service.name},
                choices=ranks,
                required=False,
                initial=str(rank),
                error_messages={"invalid_choice": invalid},
            )
            self.fields[f"sibling_{location.pk}"] = forms.BooleanField(
                label=sibling_label % {"name": location.service.name},
                required=False,
                initial=sibling,
            )

    def wish_rows(self):
        """(location, its facts in one line, rank field, sibling field) per location."""
        inclusive = gettext("inclusieve opvang")
        rows = []
        for location in self.wish_locations:
            facts = [
                location.get_kind_display(),
                location.location.municipality.name,
                location.age_range_label,
            ]
            if location.inclusive_care:
                facts.append(inclusive)
            rows.append(
                (
                    location,
                    " · ".join(str(fact) for fact in facts),
                    self[f"rank_{location.pk}"],
                    self[f"sibling_{location.pk}"],
                )
            )
        return rows

    def clean_wishes(self, data) -> None:
        wishes = []
        for location in self.wish_locations:
            rank = data.get(f"rank_{location.pk}")
            sibling = data.get(f"sibling_{location.pk}")
            if rank:
                wishes.append(Wish(location=location, rank=int(rank), sibling=bool(sibling)))
            elif sibling:
                self.add_error(
                    f"rank_{location.pk}",
                    _("Je duidde een broer of zus aan: geef deze opvang ook een nummer."),
                )
        if not wishes and not self.errors:
            self.add_error(None, _("Kies minstens één opvang: geef ze een nummer 1, 2, 3 ..."))
        ranks = [wish.rank for wish in wishes]
        if len(set(ranks)) != len(ranks):
            self.add_error(None, _("Geef elke opvang een ander nummer: elk nummer één keer."))
        data["wishes"] = wishes
        declared = data.get("working") or data.get("foster") or any(w.sibling for w in wishes)
        if declared and not data.get("sworn"):
            self.add_error(
                "sworn",
                _(
                    "Je duidde een voorrang aan. Vink aan dat je dit op eer verklaart, of haal "
                    "de voorrang weg."
                ),
            )


class HalfDaysMixin(forms.Form):
    half_days = forms.TypedChoiceField(
        label=_("Hoeveel halve dagen per week?"),
        help_text=_("Een volle dag is twee halve dagen: 1 tot 10."),
        choices=HALF_DAYS,
        coerce=int,
        error_messages={
            "required": _("Kies hoeveel halve dagen per week je opvang nodig hebt."),
            "invalid_choice": _("Kies 1 tot 10 halve dagen per week."),
        },
    )
    days_note = forms.CharField(
        label=_("Welke dagen?"),
        help_text=_("Bijvoorbeeld: maandag, dinsdag en donderdagvoormiddag."),
        max_length=300,
        required=False,
    )

    def clean_days_note(self):
        return plain_text(self.cleaned_data["days_note"])


class RequestDetailsForm(HoneypotMixin, HalfDaysMixin, WishFieldsMixin, forms.Form):
    """Step 2: the wished locations, the half-days, the declarations, the rest and the contact."""

    social_tariff = forms.BooleanField(
        label=_("Ik denk dat wij recht hebben op het sociaal tarief."),
        help_text=_(
            "Dit vakje tellen we alleen mee in de cijfers van het loket. Het speelt nooit mee "
            "bij wie een plaats krijgt."
        ),
        required=False,
    )
    care_needs = forms.CharField(
        label=_("Heeft je kind een specifieke zorgbehoefte?"),
        help_text=_("Mag leeg blijven. Zo zoeken we een opvang die hierbij past."),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    note = forms.CharField(
        label=_("Wil je nog iets kwijt?"),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    name = forms.CharField(label=_("Je naam"), max_length=100)
    email = forms.EmailField(
        label=_("Je e-mailadres"),
        help_text=_("We sturen je een link om je vraag op te volgen en te wijzigen."),
        max_length=254,
        error_messages={
            "required": _("Vul je e-mailadres in: we sturen je de link naar je vraag."),
            "invalid": _("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.be."),
        },
    )
    phone = forms.CharField(
        label=_("Je telefoonnummer"),
        help_text=_("Mag leeg blijven."),
        max_length=30,
        required=False,
    )
    language = forms.ChoiceField(
        label=_("In welke taal schrijven we je het liefst?"),
        choices=LANGUAGES,
        initial="nl",
        error_messages={"invalid_choice": _("Kies een taal uit de lijst.")},
    )

    field_order = ["half_days", "days_note"]

    def __init__(self, *args, locations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].error_messages["required"] = _("Vul je naam in.")
        self.add_wish_fields(locations)

    def clean_name(self):
        name = plain_text(self.cleaned_data["name"])
        if not name:
            raise forms.ValidationError(_("Vul je naam in."))
        return name

    def clean_phone(self):
        phone = plain_text(self.cleaned_data["phone"])
        if phone and not PHONE.match(phone):
            raise forms.ValidationError(_("Vul een telefoonnummer in, bijvoorbeeld 03 123 45 67."))
        return phone

    def clean_care_needs(self):
        return plain_text(self.cleaned_data["care_needs"])

    def clean_note(self):
        return plain_text(self.cleaned_data["note"])

    def clean(self):
        data = super().clean()
        self.clean_wishes(data)
        return data


class RequestChangeForm(HalfDaysMixin, WishFieldsMixin, forms.Form):
    """The family changes its open request through its link."""

    wished_start = forms.ChoiceField(
        label=_("Vanaf welke maand heb je opvang nodig?"),
        error_messages={
            "required": _("Kies de maand waarin de opvang moet beginnen."),
            "invalid_choice": _("Kies een startmaand uit de lijst: deze maand of de 11 erna."),
        },
    )

    field_order = ["wished_start", "half_days", "days_note"]

    def __init__(self, *args, childcare_request, locations, wishes, today=None, **kwargs):
        today = today or timezone.localdate()
        initial = {
            "wished_start": f"{childcare_request.wished_start:%Y-%m}",
            "half_days": childcare_request.half_days,
            "days_note": childcare_request.days_note,
            "working": childcare_request.working,
            "foster": childcare_request.foster,
            "sworn": childcare_request.sworn,
        }
        super().__init__(*args, initial=initial, **kwargs)
        choices = month_choices(today)
        current = f"{childcare_request.wished_start:%Y-%m}"
        if current not in dict(choices):
            # A start month that has passed stays, so that the rest can change.
            choices.insert(1, (current, month_label(childcare_request.wished_start)))
        self.fields["wished_start"].choices = choices
        self.add_wish_fields(
            locations, {wish.location_id: (wish.rank, wish.sibling) for wish in wishes}
        )

    def clean_wished_start(self):
        return parse_month(self.cleaned_data["wished_start"])

    def clean(self):
        data = super().clean()
        self.clean_wishes(data)
        return data


class WithdrawForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Ja, ik trek mijn opvangvraag in. Ik heb geen opvang meer nodig via het loket."),
        error_messages={"required": _("Vink aan dat je je vraag wil intrekken.")},
    )
