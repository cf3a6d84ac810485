from django import forms
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.knowledge.documents import MAX_BYTES, validate_document
from huisvanhetkind.knowledge.models import LibraryItem
from huisvanhetkind.network.models import Domain, Organisation

K = LibraryItem.Kind


class LibraryFilterForm(forms.Form):
    q = forms.CharField(label=_("Zoeken"), required=False, max_length=100)
    onderwerp = forms.ChoiceField(label=_("Onderwerp"), required=False)
    domein = forms.ChoiceField(label=_("Beleidsdomein"), required=False)
    soort = forms.ChoiceField(
        label=_("Soort"), required=False, choices=[("", _("alle soorten")), *K.choices]
    )

    def __init__(self, *args, topics=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["onderwerp"].choices = [("", _("alle onderwerpen"))] + [(t, t) for t in topics]
        self.fields["domein"].choices = [("", _("alle domeinen"))] + [
            (d.slug, d.name) for d in Domain.objects.order_by("name")
        ]


class LibraryItemForm(forms.ModelForm):
    upload = forms.FileField(
        label=_("Bestand (PDF, Word, Excel, PowerPoint of OpenDocument)"),
        required=False,
        help_text=_("Ten hoogste %(mb)s MB.") % {"mb": MAX_BYTES // 1024 // 1024},
    )

    class Meta:
        model = LibraryItem
        fields = (
            "kind",
            "title",
            "topic",
            "domain",
            "body",
            "url",
            "upload",
            "contact_name",
            "contact_organisation",
            "contact_details",
        )
        help_texts = {
            "body": _(
                "Voor een handleiding: de tekst. Voor een document of link: waarover het gaat."
            ),
            "topic": _("Bijvoorbeeld: armoede, taal, inschrijven in de kinderopvang."),
            "contact_name": _('Voor "wie vraag je wat": de persoon of dienst.'),
        }

    def __init__(self, *args, house=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["domain"].queryset = Domain.objects.order_by("name")
        self.fields["contact_organisation"].queryset = Organisation.objects.filter(
            partnerships__house=house
        ).order_by("name")
        self.fields["body"].widget.attrs["rows"] = 6
        self.fields["title"].error_messages["required"] = _("Geef een titel.")
        self.fields["topic"].error_messages["required"] = _("Geef een onderwerp.")
        self.fields["url"].error_messages["invalid"] = _(
            "Geef een geldig webadres, bv. https://www.voorbeeld.be."
        )

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload:
            validate_document(upload)
        return upload

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        has_file = bool(data.get("upload")) or bool(self.instance.pk and self.instance.file)
        if kind == K.DOCUMENT and not has_file and "upload" not in self.errors:
            self.add_error("upload", _("Kies een bestand voor een document."))
        if kind == K.LINK and not data.get("url") and "url" not in self.errors:
            self.add_error("url", _("Geef het webadres van de link."))
        if kind == K.HOWTO and not (data.get("body") or "").strip():
            self.add_error("body", _("Schrijf de tekst van de handleiding."))
        if kind == K.CONTACT and not (
            (data.get("contact_name") or "").strip() or data.get("contact_organisation")
        ):
            self.add_error("contact_name", _("Geef een persoon, dienst of organisatie."))
        if kind != K.DOCUMENT and data.get("upload"):
            self.add_error("upload", _("Een bestand hoort alleen bij een document."))
        return data


class AttendanceForm(forms.Form):
    present = forms.TypedMultipleChoiceField(
        label=_("Aanwezig"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, registrations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].choices = [
            (r.pk, r.user.get_full_name() or r.user.email) for r in registrations
        ]
        self.fields["present"].error_messages["invalid_choice"] = _(
            "Kies alleen mensen die ingeschreven zijn."
        )


class DigestOptOutForm(forms.Form):
    opt_out = forms.BooleanField(
        label=_("Ik wil de maandelijkse nieuwsbrief voor partners niet meer ontvangen"),
        required=False,
    )
