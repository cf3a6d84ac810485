"""What an import did, per kind of record, and what it could not take."""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _


@dataclass
class ImportReport:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    rejected: Counter = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    dry_run: bool = False

    KINDS = ("service", "organisation", "location", "partnership")

    def kind_label(self, kind: str) -> str:
        return {
            "service": _("Aanbod"),
            "organisation": _("Organisaties"),
            "location": _("Locaties"),
            "partnership": _("Partnerschappen"),
        }[kind]

    def lines(self) -> list[str]:
        lines = [
            _(
                "%(kind)s: %(created)d nieuw, %(updated)d bijgewerkt, %(unchanged)d ongewijzigd, %(rejected)d geweigerd"
            )
            % {
                "kind": self.kind_label(kind),
                "created": self.created[kind],
                "updated": self.updated[kind],
                "unchanged": self.unchanged[kind],
                "rejected": self.rejected[kind],
            }
            for kind in self.KINDS
        ]
        if self.problems:
            lines.append(_("Wat niet (helemaal) overgenomen is:"))
            lines.extend(f"  - {problem}" for problem in self.problems)
        if self.dry_run:
            lines.append(_("Proefdraaien: er is niets bewaard."))
        return lines
