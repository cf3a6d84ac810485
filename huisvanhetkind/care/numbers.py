"""A child's (or parent's) Belgian national number or BIS number: checked with python-stdnum and
kept only as a keyed digest.

A rijksregisternummer has its birth month 01-12 (00 when unknown), a BIS number the month plus 20
(sex unknown) or plus 40 (sex known). The check digits are 97 minus the number modulo 97, of the
first nine digits for someone born before 2000 and of ``2`` followed by them for someone born in
2000 or later (``stdnum.be.nn`` tries both). A day beyond the month's end is refused here
(python-stdnum reads it as an unknown day).

The digest is HMAC-SHA256 under the family-record keys of ``core.digests``
(``FAMILY_DIGEST_KEYS``: the first makes new digests, all are used for matching), with a message
of its own kind, so that a number never collides with an e-mail address or phone number. A
database leak does not let anyone test the (small) space of national numbers without the key.
"""

import calendar
import hashlib
import hmac
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from stdnum.be import bis, nn
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength

from huisvanhetkind.core.digests import keys

KIND = "national-number"
LENGTH = 11


@dataclass(frozen=True)
class Number:
    compact: str
    is_bis: bool
    birth_year: int | None
    birth_date: date | None

    def age_on(self, day: date) -> int | None:
        """Age in whole years on ``day``; with only the year known, counted from 1 January (the
        oldest the person can be)."""
        if self.birth_year is None:
            return None
        born = self.birth_date or date(self.birth_year, 1, 1)
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    def turns(self, age: int) -> date | None:
        """The day the person turns ``age`` (from 1 January when only the year is known)."""
        if self.birth_year is None:
            return None
        born = self.birth_date or date(self.birth_year, 1, 1)
        year = born.year + age
        if born.month == 2 and born.day == 29 and not calendar.isleap(year):
            return date(year, 3, 1)
        return born.replace(year=year)


def _error(message: str) -> ValidationError:
    return ValidationError(message, code="invalid_number")


def parse_number(value: str) -> Number:
    """The number as a ``Number``, or ValidationError with a Dutch message saying what is wrong.
    The message never repeats the number."""
    compact = nn.compact(value or "")
    if not compact:
        raise _error(_("Vul het rijksregisternummer of BIS-nummer in."))
    if not compact.isdigit() or len(compact) != LENGTH:
        raise _error(
            _(
                "Een rijksregisternummer of BIS-nummer bestaat uit 11 cijfers (punten, streepjes "
                "en spaties mogen, letters niet)."
            )
        )
    month = int(compact[2:4])
    if 0 <= month <= 12:
        module, is_bis = nn, False
    elif 20 <= month <= 32 or 40 <= month <= 52:
        module, is_bis = bis, True
    else:
        raise _error(
            _(
                "De maand in dit nummer klopt niet: bij een rijksregisternummer is ze 01 tot 12, "
                "bij een BIS-nummer 21 tot 32 of 41 tot 52."
            )
        )
    try:
        module.validate(compact)
    except InvalidChecksum as exc:
        raise _error(
            _(
                "Dit nummer bestaat niet: de twee laatste cijfers (het controlegetal) passen niet "
                "bij de andere. Kijk het nummer na."
            )
        ) from exc
    except (InvalidComponent, InvalidFormat, InvalidLength) as exc:
        raise _error(_("Dit nummer bevat geen bestaande geboortedatum.")) from exc
    year = module.get_birth_year(compact)
    day = int(compact[4:6])
    if year is not None and month % 20 and day > calendar.monthrange(year, month % 20)[1]:
        raise _error(_("Dit nummer bevat geen bestaande geboortedatum."))
    return Number(
        compact=compact,
        is_bis=is_bis,
        birth_year=year,
        birth_date=module.get_birth_date(compact),
    )


def _digest(secret: bytes, number: Number) -> str:
    return hmac.new(secret, f"{KIND}:{number.compact}".encode(), hashlib.sha256).hexdigest()


def current_digest(number: Number) -> tuple[str, str]:
    """``(key id, digest)`` under the current key: how a number is stored."""
    key_id, secret = keys()[0]
    return key_id, _digest(secret, number)


def all_digests(number: Number) -> list[str]:
    """The digests under every configured key, the current first: what to match against."""
    return [_digest(secret, number) for _, secret in keys()]


def fictitious_number(born: date, serial: int = 1, *, bis_offset: int = 0) -> str:
    """A number that passes the checksum for someone born on ``born`` (the demo and the tests:
    made up, of nobody we know). ``bis_offset`` 20 or 40 makes a BIS number; ``serial`` is the
    day's counter (1-997)."""
    base = f"{born.year % 100:02d}{born.month + bis_offset:02d}{born.day:02d}{serial:03d}"
    check = 97 - int(("2" if born.year >= 2000 else "") + base) % 97
    return f"{base}{check:02d}"
