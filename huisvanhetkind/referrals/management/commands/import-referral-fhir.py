"""``huisvanhetkind import-referral-fhir FILE --house SLUG --organisation ID --user EMAIL``: send
the referral a FHIR R4B Bundle describes."""

import json
import sys

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from huisvanhetkind.core.commands import DescribedCommand
from huisvanhetkind.network.models import House, Organisation
from huisvanhetkind.referrals.fhir import referral_from_fhir

# A referral's Bundle is a few kilobytes; anything far larger is not one.
MAX_BYTES = 1_000_000

HELP = gettext_lazy(
    """Verstuurt de doorverwijzing die een FHIR R4B-bundel (JSON) beschrijft, zoals de API en de
export ze schrijven: een Task, de ServiceRequest die hij uitvoert, de toestemming van het gezin
(Consent) en de Patient (en de ouder als RelatedPerson).

De doorverwijzing vertrekt namens --organisation (haar HSDS-id of ondernemingsnummer) door
--user (het e-mailadres van iemand die voor die organisatie werkt), in het huis --house. Ze
doorloopt dezelfde controles als het formulier: een geldige toestemming, twee partners van het
huis, gepubliceerd aanbod van de ontvanger. Wordt ze geweigerd, dan wordt niets bewaard en zegt
de opdracht waarom. De status uit de bundel wordt niet overgenomen: de doorverwijzing begint als
"verstuurd"."""
)


class Command(DescribedCommand):
    help = HELP

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("De FHIR-bundel (JSON), of - voor standaardinvoer."))
        parser.add_argument(
            "--house", required=True, help=_("De korte naam (slug) van het Huis van het Kind.")
        )
        parser.add_argument(
            "--organisation",
            required=True,
            help=_("De verwijzende organisatie: haar HSDS-id of ondernemingsnummer."),
        )
        parser.add_argument("--user", required=True, help=_("Het e-mailadres van de verwijzer."))

    def handle(self, *args, file, house, organisation, user, **options):
        the_house = House.objects.filter(slug=house).first()
        if the_house is None:
            raise CommandError(
                _("Er is geen Huis van het Kind met de korte naam '%(slug)s'.") % {"slug": house}
            )
        digits = "".join(ch for ch in organisation if ch.isdigit())
        sender = Organisation.objects.filter(
            Q(hsds_id=organisation) | Q(enterprise_number=digits or None)
        ).first()
        if sender is None:
            raise CommandError(
                _("Er is geen organisatie '%(id)s' op het platform.") % {"id": organisation}
            )
        referrer = get_user_model().objects.filter(email__iexact=user).first()
        if referrer is None:
            raise CommandError(
                _("Er is geen account met e-mailadres '%(email)s'.") % {"email": user}
            )
        data = self._read(file)
        try:
            referral = referral_from_fhir(
                data, actor=referrer, house=the_house, from_organisation=sender
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(
            _("%(referral)s verstuurd naar %(organisation)s.")
            % {"referral": referral, "organisation": referral.to_organisation.name}
        )

    def _read(self, file: str):
        try:
            if file == "-":
                raw = sys.stdin.buffer.read(MAX_BYTES + 1)
            else:
                with open(file, "rb") as handle:
                    raw = handle.read(MAX_BYTES + 1)
        except FileNotFoundError as error:
            raise CommandError(_("Bestand '%(file)s' niet gevonden.") % {"file": file}) from error
        except (IsADirectoryError, PermissionError) as error:
            raise CommandError(
                _("Bestand '%(file)s' kan niet gelezen worden.") % {"file": file}
            ) from error
        if len(raw) > MAX_BYTES:
            raise CommandError(_("Het bestand is te groot voor één doorverwijzing."))
        try:
            return json.loads(raw)
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CommandError(_("Het bestand is geen geldige JSON.")) from error
