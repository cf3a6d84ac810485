"""``huisvanhetkind import-hsds FILE --house SLUG [--dry-run]``: read Open Referral HSDS 3.0."""

import os
import sys

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from tqdm import tqdm

from huisvanhetkind.catalogue.hsds import document
from huisvanhetkind.catalogue.hsds.document import HsdsImportError
from huisvanhetkind.catalogue.hsds.importer import import_hsds
from huisvanhetkind.core.commands import DescribedCommand
from huisvanhetkind.network.models import House

HELP = gettext_lazy(
    """Leest aanbod, organisaties en locaties in uit een Open Referral HSDS 3.0-bestand (JSON):
één organisatie of aanbod, een lijst ervan, of een gepagineerde lijst met 'contents'.

Elk record wordt op zijn 'id' bijgewerkt of nieuw gemaakt. Organisaties worden partner van het
huis. Aanbod met status active of temporarily closed wordt gepubliceerd, inactive of defunct
gearchiveerd. Alles gebeurt in één transactie: bij een fout wordt niets bewaard. Wie het bestand
twee keer inleest, verandert de tweede keer niets.

Een sleutel die ontbreekt, laat het veld zoals het is; een sleutel die er staat (ook leeg)
vervangt het.

Een record wordt geweigerd (niets ervan bewaard, de rest van het bestand wel) bij:
  - geen id, of een id van meer dan 64 tekens; geen naam; een onbekende status (aanbod);
  - aanbod zonder gekende organisatie (niet ingebed en nog niet ingelezen);
  - wat de catalogus ook elders weigert: aanbod publiceren (active of temporarily closed)
    zonder beleidsdomein, of gearchiveerd aanbod rechtstreeks terug publiceren;
  - een locatie zonder adres dat we kunnen plaatsen: geen postcode van een gemeente van
    het platform, een adres in het buitenland, of een virtuele locatie;
  - alles wat de databank weigert.

Alleen het veld wordt overgeslagen (het record wel bewaard, het probleem gemeld) bij:
  - een ongeldig e-mailadres of webadres, een telefoonnummer van meer dan 30 tekens;
  - een leeftijd die geen geheel getal van 0 tot 120 is, of een minimum boven het maximum;
  - een prijs die geen getal is, negatief is, of niet in euro;
  - een onbekende gemeente in de service_areas (naam, urn:nis:-code of postcode),
    een onbekende taal, een taxonomieterm die niet van het platform is;
  - een ongeldige datum, coördinaten buiten de aarde, openingsuren die niet wekelijks zijn;
  - een ondernemingsnummer dat niet klopt of al bij een andere organisatie hoort;
  - velden die HSDS heeft en wij niet (alert, funding, programs, required_documents, ...).

Met --dry-run wordt alles gedaan en gemeld, en daarna teruggedraaid."""
)


class Command(DescribedCommand):
    help = HELP

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("Het HSDS-bestand (JSON), of - voor standaardinvoer."))
        parser.add_argument(
            "--house", required=True, help=_("De korte naam (slug) van het Huis van het Kind.")
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("Alles inlezen en melden, maar niets bewaren."),
        )

    def handle(self, *args, file, house, dry_run, verbosity=1, **options):
        the_house = House.objects.filter(slug=house).first()
        if the_house is None:
            raise CommandError(
                _("Er is geen Huis van het Kind met de korte naam '%(slug)s'.") % {"slug": house}
            )
        data = self._read(file)
        progress_file = getattr(self.stderr, "_out", sys.stderr)

        def progress(records):
            return tqdm(
                records,
                desc=_("Inlezen"),
                unit=" records",
                file=progress_file,
                disable=verbosity == 0,
            )

        try:
            report = import_hsds(data, house=the_house, dry_run=dry_run, progress=progress)
        except HsdsImportError as error:
            raise CommandError(str(error)) from error
        for line in report.lines():
            self.stdout.write(line)

    def _read(self, file: str):
        """The file's data; its size is checked before it is read, its nesting before it is
        parsed (``read_hsds_document``)."""
        limit = document.MAX_DOCUMENT_BYTES
        try:
            if file == "-":
                raw = sys.stdin.buffer.read(limit + 1)
            else:
                if os.stat(file).st_size > limit:
                    raise CommandError(document.too_large_message())
                with open(file, "rb") as handle:
                    raw = handle.read(limit + 1)
        except FileNotFoundError as error:
            raise CommandError(_("Bestand '%(file)s' niet gevonden.") % {"file": file}) from error
        except (IsADirectoryError, PermissionError) as error:
            raise CommandError(
                _("Bestand '%(file)s' kan niet gelezen worden.") % {"file": file}
            ) from error
        try:
            return document.read_hsds_document(raw)
        except HsdsImportError as error:
            raise CommandError(str(error)) from error
