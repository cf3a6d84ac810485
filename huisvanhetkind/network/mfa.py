"""Whether this session passed a second factor, not merely whether the account has one.

allauth records every authentication step of a session (password, then the TOTP code). A
session that logged in any other way (a password-only form, a stolen session cookie from before
the second factor was set up) has no second-factor step, and so is not a professional session.
"""

from allauth.account.internal.flows.login import get_authentication_records, record_authentication
from allauth.account.signals import authentication_step_completed
from allauth.mfa.signals import authenticator_added
from allauth.mfa.utils import is_mfa_enabled
from django.dispatch import receiver


def second_factor_used(request) -> bool:
    """True when this session passed a second factor for the logged-in user."""
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


@receiver(authenticator_added)
def record_activation(sender, request, user, authenticator, **kwargs):
    """Setting up TOTP proves the code from the new authenticator: the session that did it has
    used its second factor (allauth records only log-ins and reauthentications)."""
    if request is not None and authenticator.type == authenticator.Type.TOTP:
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)


@receiver(authentication_step_completed)
def fresh_password_confirms_the_set_up(sender, request, user, method, **kwargs):
    """An account without a second factor that just logged in with its password goes straight
    to setting one up: the password it typed a moment ago is the confirmation allauth asks
    before the set-up (as after accepting an invitation), not a second password prompt."""
    if method != "password" or kwargs.get("reauthenticated") or request is None:
        return
    if not is_mfa_enabled(user):
        record_authentication(request, user, "password", reauthenticated=True)
