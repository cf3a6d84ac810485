"""The family's way back to its referral: a long signed link for e-mail, and a short code of ten
characters for a printed slip. Both are stored only as a digest (``core.tokens``)."""

import secrets

from huisvanhetkind.core.tokens import new_token, token_digest

# No 0/O, 1/I/L, 2/Z, 5/S, 8/B: nothing a parent can misread on paper.
ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
SHORT_CODE_LENGTH = 10


def new_short_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(SHORT_CODE_LENGTH))


def normalise_short_code(code: str) -> str | None:
    """The code as stored (upper case, no spaces or dashes), or None when it cannot be one."""
    cleaned = "".join(ch for ch in (code or "").upper() if ch not in " -.")
    if len(cleaned) != SHORT_CODE_LENGTH or any(ch not in ALPHABET for ch in cleaned):
        return None
    return cleaned


def format_short_code(code: str) -> str:
    """For print: ``ACDEF-GHJKM``."""
    return f"{code[:5]}-{code[5:]}"


def short_code_digest(code: str) -> str:
    return token_digest(f"short:{code}")


__all__ = ["new_token", "token_digest", "new_short_code", "normalise_short_code"]
