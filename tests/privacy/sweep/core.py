"""The core's rate-limit counters (the account's own tables are kept with the account)."""

from huisvanhetkind.core.models import ThrottleCount

ACCOUNT = "kept as long as the account exists; erased when a platform administrator deletes it"


def seed_throttle_count(sweep):
    long_ago = sweep.days_ago(1)
    ThrottleCount.objects.create(
        key=f"ask:{sweep.email('core.ThrottleCount')}",
        window_start=long_ago,
        count=3,
        expires_at=long_ago,
    )


SEEDERS = {"core.ThrottleCount": seed_throttle_count}

KEPT = {
    "core.NotificationPreference": ACCOUNT,
    # The libraries' account tables.
    "auth.User": ACCOUNT,
    "account.EmailAddress": ACCOUNT,
    "account.EmailConfirmation": ACCOUNT,
    "mfa.Authenticator": ACCOUNT,
    "admin.LogEntry": ACCOUNT,
    "api.ApiToken": "kept as long as the organisation; a revoked key stays for the audit trail",
    "audit.AuditEvent": (
        "kept five years, with no rule yet; it must hold ids and labels, never what a family "
        "entered: the sweep checks that no seeded value is in it"
    ),
}
