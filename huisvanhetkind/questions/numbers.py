"""Whole numbers from query strings and forms: ASCII digits only, and bounded.

``str.isdigit()`` and ``int()`` accept "²" (then fail) and "٣" (read as 3); a 30-digit number
does not fit a database integer. Everything numeric that a visitor sends goes through here.
"""

import re

from django import forms
from django.core.exceptions import ValidationError

# Nine digits: more than any id or count here, always inside a 32-bit integer.
ASCII_NUMBER = re.compile(r"[0-9]{1,9}")


def ascii_int(value) -> int | None:
    """``value`` as a non-negative int when it is 1 to 9 ASCII digits; None otherwise."""
    if isinstance(value, str) and ASCII_NUMBER.fullmatch(value.strip()):
        return int(value.strip())
    return None


def page_number(value) -> int:
    """A page number for Paginator.get_page: a bad one means the first page."""
    return ascii_int(value) or 1


class AsciiIntegerField(forms.IntegerField):
    """An IntegerField that refuses non-ASCII digits and numbers beyond nine digits."""

    def to_python(self, value):
        if value in self.empty_values or (isinstance(value, str) and not value.strip()):
            return None
        if not isinstance(value, int) and ascii_int(str(value)) is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


class AsciiModelChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField whose submitted id must be ASCII digits (and fit an integer)."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if not isinstance(value, self.queryset.model) and ascii_int(str(value)) is None:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return super().to_python(value)
