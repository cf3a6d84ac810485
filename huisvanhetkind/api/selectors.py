"""Reads of the API's keys."""

from django.db.models import F, QuerySet

from huisvanhetkind.api.models import ApiToken
from huisvanhetkind.core.tokens import token_digest
from huisvanhetkind.network.models import Organisation

# Longer than any key we make: anything longer is refused without hashing it.
KEY_MAX_LENGTH = 200


def api_token_for_key(key: str) -> ApiToken | None:
    """The active key ``key`` is, with its organisation; None for an unknown, revoked or
    malformed key."""
    key = (key or "").strip()
    if not key or len(key) > KEY_MAX_LENGTH:
        return None
    return (
        ApiToken.objects.select_related("organisation")
        .filter(digest=token_digest(key), revoked_at__isnull=True)
        .first()
    )


def organisation_api_tokens(organisation: Organisation) -> QuerySet[ApiToken]:
    """The organisation's keys, active ones first, newest first."""
    return organisation.api_tokens.order_by(
        F("revoked_at").desc(nulls_first=True), "-created_at", "-id"
    )
