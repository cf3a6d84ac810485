"""Every write of the API's keys: make, revoke, and note a use.

An organisation's admin makes a key (shown once; only its digest is kept) and revokes it; both
are recorded in the trail of every house the organisation is partner of. A use only moves the
key's "last used" time: what was read with it is audited where the data is handed out (the
referrals API).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from huisvanhetkind.api.models import NAME_MAX_LENGTH, ApiToken
from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.core.tokens import new_token, token_digest
from huisvanhetkind.network.access import is_organisation_admin
from huisvanhetkind.network.models import Organisation
from huisvanhetkind.network.services_organisations import audit_organisation_event

# A prefix makes a leaked key recognisable (secret scanners, logs).
TOKEN_PREFIX = "hvhk_"


def api_token_check_name(*, organisation: Organisation, name: str) -> str:
    """The name, trimmed; a Dutch ValidationError when it is empty, too long or already the
    name of an active key of the organisation."""
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Geef de sleutel een naam.")}, code="required")
    if len(name) > NAME_MAX_LENGTH:
        raise ValidationError(
            {"name": _("Een naam heeft hoogstens %(max)d tekens.") % {"max": NAME_MAX_LENGTH}},
            code="max_length",
        )
    if ApiToken.objects.filter(
        organisation=organisation, name=name, revoked_at__isnull=True
    ).exists():
        raise ValidationError(
            {"name": _("Er is al een actieve sleutel met deze naam.")}, code="unique"
        )
    return name


def _check_admin(actor, organisation: Organisation) -> None:
    if not is_organisation_admin(actor, organisation):
        raise ValidationError(
            _("Alleen een beheerder van de organisatie beheert haar API-sleutels."), code="actor"
        )


@transaction.atomic
def api_token_create(*, actor, organisation: Organisation, name: str) -> tuple[ApiToken, str]:
    """Make a read-only key for ``organisation``; returns it with the key itself, which is shown
    once and never stored."""
    _check_admin(actor, organisation)
    name = api_token_check_name(organisation=organisation, name=name)
    key = TOKEN_PREFIX + new_token()
    token = ApiToken.objects.create(
        organisation=organisation, name=name, digest=token_digest(key), created_by=actor
    )
    audit_organisation_event(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        target=token,
        organisation=organisation,
        changes={"name": [None, name]},
    )
    return token, key


@transaction.atomic
def api_token_revoke(*, actor, token: ApiToken, now=None) -> ApiToken:
    """Revoke a key: it opens nothing from now on. Revoking twice changes nothing."""
    token = ApiToken.objects.select_for_update().select_related("organisation").get(pk=token.pk)
    _check_admin(actor, token.organisation)
    if token.revoked_at is not None:
        return token
    now = now or timezone.now()
    token.revoked_at, token.revoked_by = now, actor
    token.save(update_fields=["revoked_at", "revoked_by"])
    audit_organisation_event(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        target=token,
        organisation=token.organisation,
        changes={"revoked_at": [None, now.isoformat()]},
    )
    return token


def api_token_used(*, token: ApiToken, now=None) -> None:
    """Note that a key was just used (its "last used" time)."""
    now = now or timezone.now()
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now
