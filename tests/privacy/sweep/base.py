"""The sweep's context: where to seed, and the markers seeded so far."""

import random
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from uuid import uuid4

from django.utils import timezone

# What a phone number may be written with around its digits.
PHONE_SEPARATORS = re.compile(r"[\s./()+-]")

# Far enough back for every retention of the register (the longest is five years).
LONG_AGO_DAYS = 4000


@dataclass
class Sweep:
    house: object
    organisation: object
    worker: object
    coordinator: object
    token: str = field(default_factory=lambda: uuid4().hex[:8])
    markers: dict[str, str] = field(default_factory=dict)  # marker -> model label

    def marker(self, label: str) -> str:
        """A new unique marker for the model ``label`` ("questions.Question")."""
        marker = f"sweep{self.token}x{len(self.markers):03d}"
        self.markers[marker] = label
        return marker

    def email(self, label: str) -> str:
        return f"{self.marker(label)}@example.be"

    def phone(self, label: str) -> str:
        """A Belgian mobile number; its last nine digits are the marker."""
        digits = f"47{random.randrange(10**7):07d}"
        while digits in self.markers:
            digits = f"47{random.randrange(10**7):07d}"
        self.markers[digits] = label
        return f"0{digits}"

    def days_ago(self, days: int = LONG_AGO_DAYS) -> datetime:
        return timezone.now() - timedelta(days=days)

    def date_ago(self, days: int = LONG_AGO_DAYS) -> date:
        return timezone.localdate() - timedelta(days=days)

    def found_in(self, value) -> list[str]:
        """The markers in a column's value (a string; JSON as its text)."""
        text = str(value).lower()
        bare = PHONE_SEPARATORS.sub("", text)
        return [m for m in self.markers if m in text or (m.isdigit() and m in bare)]
