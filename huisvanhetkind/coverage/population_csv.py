"""Reading population figures from a CSV (Statbel's open data or a hand-made sheet).

Accepted columns (a header row is required; names are compared without case or spaces):

- the municipality's NIS code: ``nis``, ``nis_code``, ``niscode`` or Statbel's ``CD_REFNIS``;
- the age: ``age``, ``leeftijd`` or Statbel's ``CD_AGE``: one age in years (``4``) or a band
  ``from-to`` where *to* is excluded (``0-3`` = 0, 1 and 2 years), or an age group's slug
  (``aanstaand``, ``0-3``, ...); a band must fit inside one age group;
- the count: ``count``, ``aantal`` or Statbel's ``MS_POPULATION``.

Separators ``;``, ``,``, ``|`` and tab are recognised. Every other column (Statbel's sex,
nationality, names, ...) is ignored. Rows for the same municipality and age group are added
up (Statbel splits by sex and nationality; single ages add up to the age group). Ages outside
every age group (25 and older) are skipped. Any bad line makes the whole file fail: the
errors name the line and say what is wrong, in Dutch.
"""

import csv
import io
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

MAX_BYTES = 5_000_000
MAX_COUNT = 10_000_000

COLUMNS = {
    "nis": ("nis", "nis_code", "niscode", "nis-code", "cd_refnis"),
    "age": ("age", "leeftijd", "cd_age"),
    "count": ("count", "aantal", "ms_population"),
}
BAND = re.compile(r"^(\d{1,3})\s*-\s*(\d{1,3})$")


@dataclass
class ParsedFigures:
    """The totals per (NIS code, age group slug), or the errors (then nothing is saved)."""

    totals: dict[tuple[str, str], int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    lines: int = 0
    skipped: int = 0


def _age_group_of(value: str, age_groups) -> tuple[str | None, bool]:
    """The age group slug of an age, band or slug; (None, True) when the age is outside every
    group (skipped), (None, False) when the value is not understood."""
    value = value.strip()
    slugs = {group.slug for group in age_groups}
    bounded = [g for g in age_groups if g.min_age is not None and g.max_age is not None]
    if value.isdigit():
        age = int(value)
        for group in bounded:
            if group.min_age <= age < group.max_age:
                return group.slug, False
        return None, True
    band = BAND.match(value)
    if band:
        low, high = int(band.group(1)), int(band.group(2))
        if low < high:
            for group in bounded:
                if group.min_age <= low and high <= group.max_age:
                    return group.slug, False
            if all(low >= g.max_age for g in bounded):
                return None, True
        return None, False
    if value in slugs:
        return value, False
    return None, False


def parse(text: str, *, nis_codes: set[str], age_groups) -> ParsedFigures:
    """Parse ``text``; only the municipalities ``nis_codes`` (the house's) are accepted."""
    result = ParsedFigures()
    if not text.strip():
        result.errors.append(_("Het bestand is leeg."))
        return result
    if len(text.encode("utf-8")) > MAX_BYTES:
        result.errors.append(_("Het bestand is te groot (hoogstens 5 MB)."))
        return result
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=";,|\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ";"
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter)
    header = next(reader, [])
    names = [name.strip().lower().replace(" ", "") for name in header]
    where = {}
    for column, aliases in COLUMNS.items():
        for i, name in enumerate(names):
            if name in aliases:
                where[column] = i
                break
    missing = [column for column in COLUMNS if column not in where]
    if missing:
        labels = {"nis": _("NIS-code"), "age": _("leeftijd"), "count": _("aantal")}
        result.errors.append(
            _(
                "Regel 1: de kolomkoppen zijn niet herkend. Nodig zijn een kolom voor de "
                "%(columns)s (bijvoorbeeld nis;leeftijd;aantal of Statbels CD_REFNIS, CD_AGE en "
                "MS_POPULATION)."
            )
            % {"columns": ", ".join(str(labels[column]) for column in missing)}
        )
        return result
    for number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        result.lines += 1
        if len(row) <= max(where.values()):
            result.errors.append(_("Regel %(line)s: er ontbreken kolommen.") % {"line": number})
            continue
        nis = row[where["nis"]].strip()
        age = row[where["age"]].strip()
        count = row[where["count"]].strip().replace(".", "").replace(" ", "")
        line_errors = []
        if not re.fullmatch(r"\d{5}", nis):
            line_errors.append(
                _("“%(value)s” is geen NIS-code (vijf cijfers).") % {"value": nis[:20]}
            )
        elif nis not in nis_codes:
            line_errors.append(
                _("NIS-code %(value)s is geen gemeente van dit huis.") % {"value": nis}
            )
        slug, outside = _age_group_of(age, age_groups)
        if slug is None and not outside:
            line_errors.append(
                _(
                    "“%(value)s” is geen leeftijd, leeftijdsband binnen één leeftijdsgroep "
                    "(zoals 0-3) of leeftijdsgroep."
                )
                % {"value": age[:20]}
            )
        if not count.isdigit() or int(count) > MAX_COUNT:
            line_errors.append(
                _("“%(value)s” is geen aantal (een geheel getal vanaf 0).") % {"value": count[:20]}
            )
        if line_errors:
            result.errors.append(
                _("Regel %(line)s: %(errors)s") % {"line": number, "errors": " ".join(line_errors)}
            )
            continue
        if slug is None:
            result.skipped += 1
            continue
        key = (nis, slug)
        result.totals[key] = result.totals.get(key, 0) + int(count)
    if not result.errors and not result.totals:
        result.errors.append(_("Het bestand bevat geen enkel bruikbaar cijfer."))
    return result
