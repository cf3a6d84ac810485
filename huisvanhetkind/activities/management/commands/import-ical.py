"""``huisvanhetkind import-ical FILE_OR_URL --house SLUG --organisation ID [--dry-run]``."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from huisvanhetkind.activities import ical_import
from huisvanhetkind.core.commands import DescribedCommand
from huisvanhetkind.network.models import House, Organisation, Partnership

HELP = gettext_lazy(
    """Leest de eigen agenda (iCalendar, .ics) van een partner in: een bestand of een webadres.

Elke activiteit (VEVENT) wordt een gepubliceerde activiteit van de organisatie in het huis,
met haar momenten: een herhaling (RRULE, zonder de EXDATE's) tot een jaar vooruit, een
uitzondering (RECURRENCE-ID) wijzigt dat ene moment, STATUS:CANCELLED last af. Inschrijven is
niet nodig, tenzij je dat daarna zelf aanpast.

De UID van elke activiteit wordt bewaard: wie dezelfde agenda opnieuw inleest, verandert niets;
een gewijzigde activiteit wordt bijgewerkt; een activiteit die uit de agenda verdween, krijgt
haar komende momenten afgelast (inschrijvingen blijven bewaard en krijgen bericht).

Alles gebeurt in één transactie: heeft één activiteit een fout, dan wordt niets bewaard.
Met --dry-run wordt alles gedaan en gemeld, en daarna teruggedraaid."""
)


class Command(DescribedCommand):
    help = HELP

    def add_arguments(self, parser):
        parser.add_argument(
            "file_or_url", help=_("Het .ics-bestand, of een webadres (http:// of https://).")
        )
        parser.add_argument(
            "--house", required=True, help=_("De korte naam (slug) van het Huis van het Kind.")
        )
        parser.add_argument(
            "--organisation",
            required=True,
            type=int,
            help=_("Het nummer (id) van de organisatie, een partner van het huis."),
        )
        parser.add_argument(
            "--dry-run", action="store_true", help=_("Alles inlezen en melden, maar niets bewaren.")
        )

    def handle(self, *args, file_or_url, house, organisation, dry_run, **options):
        the_house = House.objects.filter(slug=house).first()
        if the_house is None:
            raise CommandError(
                _("Er is geen Huis van het Kind met de korte naam '%(slug)s'.") % {"slug": house}
            )
        partner = Organisation.objects.filter(
            pk=organisation,
            partnerships__house=the_house,
            partnerships__status=Partnership.Status.ACTIVE,
        ).first()
        if partner is None:
            raise CommandError(
                _("Organisatie %(id)d is geen actieve partner van %(house)s.")
                % {"id": organisation, "house": the_house.name}
            )
        try:
            data, source = self._read(file_or_url)
            report = ical_import.ical_import(
                house=the_house,
                organisation=partner,
                data=data,
                source=source,
                actor=None,
                dry_run=dry_run,
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        for line in report.lines():
            self.stdout.write(line)
        if report.has_problems:
            raise CommandError(_("De agenda heeft fouten: er is niets bewaard."))

    def _read(self, file_or_url: str) -> tuple[bytes, str]:
        if "://" in file_or_url:
            return ical_import.fetch(file_or_url), file_or_url
        path = Path(file_or_url)
        try:
            if path.stat().st_size > ical_import.MAX_BYTES:
                raise ical_import.size_error()
            return path.read_bytes(), path.name
        except FileNotFoundError as error:
            raise CommandError(
                _("Bestand '%(file)s' niet gevonden.") % {"file": file_or_url}
            ) from error
        except (IsADirectoryError, PermissionError) as error:
            raise CommandError(
                _("Bestand '%(file)s' kan niet gelezen worden.") % {"file": file_or_url}
            ) from error
