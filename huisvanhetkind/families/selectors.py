"""Reads of the family record that other apps and later pages share.

A family is found by its own e-mail address or phone number through their keyed digests, under
every configured key (``core.digests``), without decrypting a row.
"""

from django.db.models import QuerySet

from huisvanhetkind.core.digests import EMAIL, PHONE, contact_digests
from huisvanhetkind.families.models import Child, Family


def families_by_email(email: str) -> QuerySet[Family]:
    """The family (at most one per key) with this e-mail address, however it was typed."""
    digests = contact_digests(email, EMAIL)
    return Family.objects.filter(email_digest__in=digests) if digests else Family.objects.none()


def families_by_phone(phone: str) -> QuerySet[Family]:
    """The families with this phone number (0470 12 34 56 or +32 470 12 34 56), oldest first."""
    digests = contact_digests(phone, PHONE)
    return Family.objects.filter(phone_digest__in=digests) if digests else Family.objects.none()


def family_children(family: Family) -> QuerySet[Child]:
    """A family's children, born and expected, in the order they were added."""
    return Child.objects.filter(family=family)
