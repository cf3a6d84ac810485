"""The one way a placement's status changes, shared by the rounds (``services_rounds``) and the
requests (``services_requests``: a request that ends ends its pending offers)."""

from django.utils.translation import gettext as _

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.childcare.models import Placement, PlacementStatus
from huisvanhetkind.childcare.selectors_rounds import PENDING
from huisvanhetkind.childcare.workflow import check_placement_move
from huisvanhetkind.core.services import audit_value


def person(actor):
    """The actor as the trail records it: a logged-in person, or None for the platform."""
    return actor if actor is not None and getattr(actor, "is_authenticated", False) else None


def placement_move(placement: Placement, new: str, *, actor, reason: str, **fields) -> Placement:
    """Move a locked ``placement`` to ``new`` (the moves of ``workflow.py``), set ``fields`` and
    write ``{field: [before, after]}`` to the trail."""
    old = placement.status
    check_placement_move(old, new)
    placement.status = new
    changes = {"status": [old, new]}
    for name, value in fields.items():
        changes[name] = [audit_value(getattr(placement, name)), audit_value(value)]
        setattr(placement, name, value)
    placement.save(update_fields=["status", *fields])
    audit_record(
        actor=person(actor),
        action=AuditEvent.Action.UPDATE,
        target=placement,
        house=placement.location.house,
        reason=reason,
        changes=changes,
    )
    return placement


def end_pending_placements(childcare_request, *, actor, reason: str = "") -> int:
    """A request that ends (placed, withdrawn, closed) takes back its offers still waiting: each
    expires, so its place counts as free again in the next round. Returns how many."""
    pending = (
        Placement.objects.select_for_update(of=("self",))
        .filter(request=childcare_request, status__in=PENDING)
        .select_related("location__house")
        .order_by("pk")
    )
    ended = 0
    for placement in pending:
        placement_move(
            placement,
            PlacementStatus.EXPIRED,
            actor=actor,
            reason=reason or _("de opvangvraag is afgesloten"),
        )
        ended += 1
    return ended
