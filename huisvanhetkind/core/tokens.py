"""Bearer links (a family's private page, the manage link of a registration) are stored only as
a digest: a database leak gives no working link."""

import hashlib
import secrets

TOKEN_BYTES = 32


def new_token() -> str:
    """A fresh, unguessable token for a private link (43 URL-safe characters)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_digest(token: str) -> str:
    """How a private link is stored: only its SHA-256, never the link itself in clear."""
    return hashlib.sha256(token.encode()).hexdigest()
