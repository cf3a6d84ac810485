"""An HSDS file's bytes into data: size, encoding and nesting are checked before parsing."""

import json
import re

from django.utils.translation import gettext as _

MAX_DOCUMENT_BYTES = 100 * 1024 * 1024  # the full offer of every house in Flanders fits
MAX_NESTING = 64  # a paginated list of full organisations nests about 10 deep


class HsdsImportError(Exception):
    """The file as a whole cannot be read (the message is Dutch, for the user)."""


# What a nesting count has to look at: quotes, backslashes (inside strings) and brackets.
_JSON_STRUCTURE = re.compile(r'["\\\[\]{}]')


def json_nesting(text: str, *, limit: int) -> int:
    """How deep the arrays and objects of a JSON text nest (brackets inside strings do not
    count), without parsing it; it stops counting once the depth passes ``limit``."""
    depth = deepest = 0
    in_string = False
    escaped_at = -1  # the position of the character a backslash escapes
    for match in _JSON_STRUCTURE.finditer(text):
        char, position = match.group(), match.start()
        if in_string:
            if position == escaped_at:
                continue
            if char == "\\":
                escaped_at = position + 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    break
        elif char in "]}":
            depth -= 1
    return deepest


def read_hsds_document(raw: bytes):
    """The data of an HSDS file's bytes, or an HsdsImportError in Dutch: too large, not UTF-8,
    nested too deep (all checked before parsing) or not JSON."""
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise HsdsImportError(too_large_message())
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise HsdsImportError(_("Het bestand is niet in UTF-8 bewaard.")) from error
    if json_nesting(text, limit=MAX_NESTING) > MAX_NESTING:
        raise HsdsImportError(
            _(
                "Het bestand is te diep genest: meer dan %(max)d lijsten en objecten in elkaar. "
                "Een HSDS-document is nooit zo diep; er is niets ingelezen."
            )
            % {"max": MAX_NESTING}
        )
    try:
        return json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        raise HsdsImportError(
            _("Het bestand is geen geldige JSON (regel %(line)d, kolom %(column)d): %(msg)s")
            % {"line": error.lineno, "column": error.colno, "msg": error.msg}
        ) from error
    except RecursionError as error:  # only when MAX_NESTING is set above the parser's limit
        raise HsdsImportError(_("Het bestand is te diep genest.")) from error


def _no_constant(name: str):
    """NaN and Infinity are not JSON (Python's parser would take them)."""
    raise HsdsImportError(
        _("Het bestand is geen geldige JSON: %(name)s is in JSON geen getal.") % {"name": name}
    )


def too_large_message() -> str:
    return _(
        "Het bestand is groter dan %(max)d MB. Verdeel het over meerdere bestanden; er is niets "
        "ingelezen."
    ) % {"max": MAX_DOCUMENT_BYTES // (1024 * 1024)}


def hsds_records(data) -> list:
    """The records in an HSDS document: one object, a list of them, or a paginated list."""
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        return data["contents"]
    if isinstance(data, dict):
        return [data]
    if isinstance(data, list):
        return data
    raise HsdsImportError(
        _(
            "Dit is geen HSDS-document: verwacht een organisatie of aanbod (een JSON-object), "
            "een lijst ervan, of een pagina met 'contents'."
        )
    )
