"""Reads of the signal index that pages, services and jobs share. A professional's read of a
signal and its matches is audited here (``signal_read``), where it is handed out."""

from copy import copy
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_event, audit_record, audit_record_many
from huisvanhetkind.care.models import Signal
from huisvanhetkind.core.tokens import token_digest
from huisvanhetkind.network.access import acting_organisation, member_organisation_ids
from huisvanhetkind.network.models import House


def _listed() -> QuerySet[Signal]:
    return Signal.objects.select_related("house", "organisation", "contact", "domain")


def organisation_signals(organisation_ids, today) -> QuerySet[Signal]:
    """The live signals of these organisations, newest first (with their organisation and
    house: what the list shows and audits)."""
    return (
        Signal.objects.select_related("organisation", "house")
        .filter(organisation_id__in=organisation_ids)
        .live(today)
        .order_by("-made_on", "-id")
    )


def same_child(signal: Signal, today) -> QuerySet[Signal]:
    """Every live signal of the child of ``signal`` (``signal`` too), oldest first."""
    return _listed().live(today).filter(child_digest=signal.child_digest)


def matches(signal: Signal, today) -> list[Signal]:
    """The live signals of other organisations for the same child or for a sibling (the same
    parent's number), oldest first; each is marked ``is_sibling``."""
    found = _listed().live(today).exclude(organisation_id=signal.organisation_id)
    condition = Q(child_digest=signal.child_digest)
    if signal.parent_digest:
        condition |= Q(parent_digest=signal.parent_digest)
    result = list(found.filter(condition).exclude(pk=signal.pk))
    for other in result:
        other.is_sibling = other.child_digest != signal.child_digest
    return result


def matches_of_many(signals: list[Signal], today) -> dict[int, list[Signal]]:
    """``matches`` for each of ``signals`` (by its id), in one query whatever their number; with
    their organisation, and without the other organisations' references (never decrypted)."""
    if not signals:
        return {}
    children = {s.child_digest for s in signals}
    parents = {s.parent_digest for s in signals if s.parent_digest}
    condition = Q(child_digest__in=children)
    if parents:
        condition |= Q(parent_digest__in=parents)
    by_child, by_parent = {}, {}
    found_signals = (
        Signal.objects.select_related("organisation")
        .defer("reference_name", "reference_birth_date")
        .live(today)
        .filter(condition)
    )
    for other in found_signals:
        by_child.setdefault(other.child_digest, []).append(other)
        if other.parent_digest:
            by_parent.setdefault(other.parent_digest, []).append(other)
    found = {}
    for signal in signals:
        same = by_child.get(signal.child_digest, [])
        siblings = by_parent.get(signal.parent_digest, []) if signal.parent_digest else []
        matched = [o for o in same if o.organisation_id != signal.organisation_id]
        for other in matched:
            other.is_sibling = False
        for other in siblings:
            if other.child_digest != signal.child_digest and (
                other.organisation_id != signal.organisation_id
            ):
                sibling = copy(other)  # the same row may be the child of another listed signal
                sibling.is_sibling = True
                matched.append(sibling)
        found[signal.pk] = sorted(matched, key=lambda o: (o.made_on, o.pk))
    return found


def lead_of(signal: Signal, today) -> Signal | None:
    return same_child(signal, today).filter(is_lead=True).first()


def signal_read(*, actor, signal: Signal, today) -> list[Signal]:
    """The matches of ``signal`` for a professional of its organisation, audited."""
    found = matches(signal, today)
    audit_record(
        actor=actor,
        action=AuditEvent.Action.READ,
        target=signal,
        house=signal.house,
        organisation=acting_organisation(actor, [signal.organisation]),
        reason=f"{len(found)} match(es)",
    )
    return found


def signals_read(*, actor, signals: list[Signal], today) -> list[Signal]:
    """The matches of each of ``signals`` (a professional's list of their organisation's
    signals) as ``signal.matched``, each read audited as ``signal_read`` does; in a constant
    number of queries (one for the matches, one insert for the trail)."""
    found = matches_of_many(signals, today)
    mine = member_organisation_ids(actor) if actor is not None else set()
    events = []
    for signal in signals:
        signal.matched = found[signal.pk]
        events.append(
            audit_event(
                actor=actor,
                action=AuditEvent.Action.READ,
                target=signal,
                house=signal.house,
                organisation=signal.organisation if signal.organisation_id in mine else None,
                reason=f"{len(signal.matched)} match(es)",
            )
        )
    audit_record_many(events)
    return signals


def parent_read(*, signal: Signal, today) -> list[Signal]:
    """The live signals of the child for the parent's page (organisations and dates), audited
    as a read through the parent's link."""
    if not signal.is_live(today):
        return []
    involved = list(same_child(signal, today))
    audit_record(
        actor=None,
        action=AuditEvent.Action.READ,
        target=signal,
        house=signal.house,
        reason=f"parent link, {len(involved)} signal(s)",
    )
    return involved


def signal_for_parent_token(house_slug: str, token: str) -> Signal | None:
    if not token or len(token) > 100:
        return None
    return (
        _listed()
        .filter(house__slug=house_slug, parent_token_hash=token_digest(token))
        .exclude(parent_token_hash="")
        .first()
    )


@dataclass(frozen=True)
class HouseCounts:
    signals: int
    children: int
    matched_children: int
    organisations: int


def house_counts(house: House, today) -> HouseCounts:
    """Counts only, for the coordinator: live signals, children, children signalled by more
    than one organisation, organisations that signal."""
    live = Signal.objects.filter(house=house).live(today)
    per_child = live.values("child_digest").annotate(n=Count("organisation", distinct=True))
    return HouseCounts(
        signals=live.count(),
        children=per_child.count(),
        matched_children=per_child.filter(n__gt=1).count(),
        organisations=live.values("organisation").distinct().count(),
    )
