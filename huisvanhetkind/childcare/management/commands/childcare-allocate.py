"""``huisvanhetkind childcare-allocate ROUND.json --output RESULT.json``: one allocation round of
the childcare desk, exactly ``shared/standards/childcare-allocation.md``, from a file to a file.
It needs no database."""

import json
import os
import sys
import tempfile
from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from huisvanhetkind.childcare import allocation
from huisvanhetkind.core.commands import DescribedCommand

# The exit status for bad input (the standard): nothing is written.
BAD_INPUT = 2

HELP = gettext_lazy(
    """Verdeelt de vrije opvangplaatsen van één ronde volgens de standaard
childcare-allocation.md: de stabiele toewijzing die voor de kinderen de beste is (uitgestelde
aanvaarding, de kinderen stellen voor). Elke opvang rangschikt de kinderen die haar wensen
volgens haar voorrangsvolgorde (werken, broer of zus, pleegkind), dan de datum van de vraag,
dan het id.

Invoer: een JSON-bestand (UTF-8) met round, providers en children, of - voor standaardinvoer.
Uitvoer (--output, of - voor standaarduitvoer): de toewijzing van elk kind, de controle op
blokkerende paren (onafhankelijk berekend, moet leeg zijn) en de cijfers.

Slechte invoer (ongeldige JSON, een ontbrekend, leeg of dubbel id, geen round, een wens of
siblings_at die geen opvang van de ronde noemt, een dubbele wens, geen of meer dan 12 wensen,
een capacity die geen geheel getal ≥ 0 is, een priority_order die geen [] of volgorde van de
drie criteria is, working of foster die geen true of false is, een onleesbare requested_at of
een met tijdzone): één regel per probleem op standaardfout, exitstatus 2, geen uitvoerbestand.

De databank wordt niet gebruikt."""
)


def _refuse_constant(name: str):
    raise ValueError(name)


class Command(DescribedCommand):
    help = HELP
    # A file in, a file out: no system checks, no database.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "round_file",
            help=_("Het invoerbestand van de ronde (JSON), of - voor standaardinvoer."),
        )
        parser.add_argument(
            "--output",
            required=True,
            help=_("Het uitvoerbestand (JSON), of - voor standaarduitvoer."),
        )

    def handle(self, *args, round_file, output, **options):
        data, problems = self._read(round_file)
        if not problems:
            problems = allocation.validate(data)
        if problems:
            for line in problems:
                self.stderr.write(line)
            raise CommandError(
                ngettext(
                    "De ronde is geweigerd (%(count)d probleem); er is niets geschreven.",
                    "De ronde is geweigerd (%(count)d problemen); er is niets geschreven.",
                    len(problems),
                )
                % {"count": len(problems)},
                returncode=BAD_INPUT,
            )
        result = allocation.allocate(data)
        text = json.dumps(result, ensure_ascii=False, indent=2) + "\n"
        if output == "-":
            self.stdout.write(text, ending="")
        else:
            self._write(Path(output), text)

    def _read(self, round_file: str):
        """The parsed input and no problems, or None and the one problem that stops reading."""
        try:
            raw = sys.stdin.buffer.read() if round_file == "-" else Path(round_file).read_bytes()
        except FileNotFoundError:
            return None, [_("%(file)s: het bestand bestaat niet.") % {"file": round_file}]
        except OSError as error:
            return None, [
                _("%(file)s: het bestand kan niet gelezen worden (%(error)s).")
                % {"file": round_file, "error": error.strerror or error}
            ]
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            return None, [
                _("%(file)s: geen UTF-8 (byte %(position)d).")
                % {"file": round_file, "position": error.start}
            ]
        try:
            return json.loads(text, parse_constant=_refuse_constant), []
        except json.JSONDecodeError as error:
            return None, [
                _("%(file)s: geen geldige JSON (regel %(line)d, kolom %(column)d: %(error)s).")
                % {
                    "file": round_file,
                    "line": error.lineno,
                    "column": error.colno,
                    "error": error.msg,
                }
            ]
        except ValueError as error:
            return None, [
                _("%(file)s: geen geldige JSON (%(value)s is geen JSON-waarde).")
                % {"file": round_file, "value": error}
            ]
        except RecursionError:
            return None, [_("%(file)s: geen geldige JSON (te diep genest).") % {"file": round_file}]

    def _write(self, path: Path, text: str) -> None:
        """Write ``text`` to ``path`` atomically: a temporary file beside it, then renamed, so
        that there is either the whole result or no file at all."""
        temporary = None
        try:
            handle, temporary = tempfile.mkstemp(
                dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
            )
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
            os.replace(temporary, path)
        except OSError as error:
            if temporary:
                Path(temporary).unlink(missing_ok=True)
            raise CommandError(
                _("%(file)s kan niet geschreven worden (%(error)s).")
                % {"file": path, "error": error.strerror or error}
            ) from error
        except BaseException:
            if temporary:
                Path(temporary).unlink(missing_ok=True)
            raise
