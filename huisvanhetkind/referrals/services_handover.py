"""The writes of a handover: when a professional leaves an organisation, the running referrals
they sent on its behalf and the ones they handle for it go to a colleague (see
``core.handover`` and ``referrals.handover``). Each change is in the house's trail as
``{field: [before, after]}``; the status and the history of the referral stay."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.network.access import works_for
from huisvanhetkind.referrals.models import Referral


def handed_over_sent(*, user, organisation) -> QuerySet[Referral]:
    """The running referrals someone sent on behalf of an organisation: the referrer hears back
    and may withdraw them, so each needs one who still works there."""
    return Referral.objects.running().filter(referrer=user, from_organisation=organisation)


def handed_over_handled(*, user, organisation) -> QuerySet[Referral]:
    """The running referrals someone handles for the organisation that received them."""
    return Referral.objects.running().filter(handler=user, to_organisation=organisation)


def _move(queryset, *, field: str, to_user, actor, organisation, note: str) -> int:
    moved = 0
    for referral in queryset.select_for_update(of=("self",)).select_related("house"):
        before = getattr(referral, f"{field}_id")
        Referral.objects.filter(pk=referral.pk).update(**{field: to_user})
        audit_record(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            target=referral,
            house=referral.house,
            organisation=organisation,
            reason=note,
            changes={field: [before, to_user.pk]},
        )
        moved += 1
    return moved


@transaction.atomic
def referrals_hand_over(*, actor, from_user, to_user, organisation) -> int:
    """Give the running referrals ``from_user`` sent for ``organisation`` (as referrer) and
    handles for it (as handler) to ``to_user``, a colleague. Returns how many moved."""
    if to_user is None or to_user.pk == from_user.pk or not works_for(to_user, organisation):
        raise ValidationError(
            _("Kies een collega van %(name)s die de doorverwijzingen overneemt.")
            % {"name": organisation.name}
        )
    note = _("Overgedragen aan %(to)s: %(from)s werkt niet meer voor %(name)s.") % {
        "to": to_user.email,
        "from": from_user.email,
        "name": organisation.name,
    }
    common = {"to_user": to_user, "actor": actor, "organisation": organisation, "note": note}
    return _move(
        handed_over_sent(user=from_user, organisation=organisation), field="referrer", **common
    ) + _move(
        handed_over_handled(user=from_user, organisation=organisation), field="handler", **common
    )
