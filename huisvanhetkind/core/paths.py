"""The one list of top-level paths that belong to the platform, not to a house.

A house's slug is the first segment of its pages (``/kalmthout/...``), so a slug may never be one
of these; on a house's own domain these paths are served as the platform's, never prefixed with
the house. Add a new platform-wide path here, once.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class PlatformPath:
    segment: str
    # A directory (``/accounts/...``) or one page (``/healthz``).
    directory: bool = True
    # Served without looking up a house (and without touching the database for it).
    without_house: bool = False
    # Answered over plain HTTP too (health checks of a load balancer or a probe).
    plain_http: bool = False


PLATFORM_PATHS = (
    PlatformPath("static", without_house=True),
    PlatformPath("media", without_house=True),
    PlatformPath("healthz", directory=False, without_house=True, plain_http=True),
    PlatformPath("readyz", directory=False, without_house=True, plain_http=True),
    PlatformPath("metrics", directory=False, without_house=True),
    PlatformPath("accounts"),
    PlatformPath("admin"),
    PlatformPath("beheer"),
    PlatformPath("i18n"),
    PlatformPath("api"),
    PlatformPath("uitnodiging"),
    PlatformPath("toegankelijkheid"),
    PlatformPath("privacy"),
    PlatformPath("mijn-gegevens"),
)


def _prefix(path: PlatformPath) -> str:
    return f"/{path.segment}/" if path.directory else f"/{path.segment}"


RESERVED_SLUGS = frozenset(path.segment for path in PLATFORM_PATHS)
PLATFORM_PREFIXES = tuple(_prefix(path) for path in PLATFORM_PATHS)
NO_HOUSE_PREFIXES = tuple(_prefix(path) for path in PLATFORM_PATHS if path.without_house)
# For SECURE_REDIRECT_EXEMPT: regular expressions on the path without its leading slash.
PLAIN_HTTP_PATTERNS = [f"^{path.segment}$" for path in PLATFORM_PATHS if path.plain_http]
