"""Who may see which caseload and which signals. Every access rule about guidance lives here.

A family's guidance is seen by the bridge worker who guides it (while they are bridge worker of
that house for that organisation) and read by the admins of that organisation. Nobody else:
not the organisation's other workers, not another partner, not the house's coordinator, who
sees counts only (``get_house_for_guidance_figures``). Signals to policy hold no family data:
the house's coordinator reads them all, a bridge worker their own.
"""

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from huisvanhetkind.guidance.models import CaseloadEntry, HelpQuestion, PolicySignal
from huisvanhetkind.network.access import (
    get_house_for_coordinator,
    is_bridge_worker,
    is_coordinator,
    roles_of,
)
from huisvanhetkind.network.models import House, Role


def bridge_worker_roles(user) -> list[Role]:
    """The user's roles of bridge worker, one per house."""
    return [r for r in roles_of(user) if r.kind == Role.Kind.BRIDGE_WORKER]


def admin_organisation_ids(user) -> set[int]:
    """The organisations whose caseloads the user reads as their admin (platform admins do
    not: guiding a family is no task of the platform's administration)."""
    return {r.organisation_id for r in roles_of(user) if r.kind == Role.Kind.ORGANISATION_ADMIN}


def guides(user, entry: CaseloadEntry) -> bool:
    """The bridge worker who guides the family, while they are bridge worker there."""
    return (
        user.is_authenticated
        and entry.bridge_worker_id == user.pk
        and is_bridge_worker(user, entry.house, entry.organisation)
    )


def administers(user, entry: CaseloadEntry) -> bool:
    return user.is_authenticated and entry.organisation_id in admin_organisation_ids(user)


def caseload_for_user(user) -> QuerySet[CaseloadEntry]:
    """The entries a user may see: their own as bridge worker, and as admin their
    organisations'; none for anyone else."""
    visible = Q(pk__in=[])
    for role in bridge_worker_roles(user):
        visible |= Q(
            bridge_worker=user, house_id=role.house_id, organisation_id=role.organisation_id
        )
    admin_ids = admin_organisation_ids(user)
    if admin_ids:
        visible |= Q(organisation_id__in=admin_ids)
    return CaseloadEntry.objects.filter(visible)


def has_caseload_page(user) -> bool:
    return bool(bridge_worker_roles(user) or admin_organisation_ids(user))


def _entry(pk) -> CaseloadEntry:
    return get_object_or_404(
        CaseloadEntry.objects.select_related(
            "house", "organisation", "bridge_worker", "family", "consent"
        ),
        pk=pk,
    )


def get_caseload_entry_for_user(user, pk) -> CaseloadEntry:
    """Read one guided family: its bridge worker or an admin of its organisation."""
    entry = _entry(pk)
    if not (guides(user, entry) or administers(user, entry)):
        raise Http404
    return entry


def get_caseload_entry_for_bridge_worker(user, pk) -> CaseloadEntry:
    """Change one guidance: only the bridge worker who guides the family."""
    entry = _entry(pk)
    if not guides(user, entry):
        raise Http404
    return entry


def get_caseload_entry_for_admin(user, pk) -> CaseloadEntry:
    """Give a guided family to another bridge worker: an admin of its organisation."""
    entry = _entry(pk)
    if not administers(user, entry):
        raise Http404
    return entry


def get_help_question_for_bridge_worker(user, pk, question_pk) -> HelpQuestion:
    entry = get_caseload_entry_for_bridge_worker(user, pk)
    return get_object_or_404(
        HelpQuestion.objects.select_related("entry"), pk=question_pk, entry=entry
    )


def get_bridge_worker_role_for_user(user, house: House) -> Role:
    """The user's role of bridge worker in ``house``: to start guiding a family there, or to
    record a signal to policy."""
    role = next((r for r in bridge_worker_roles(user) if r.house_id == house.pk), None)
    if role is None:
        raise Http404
    return role


def get_house_for_guidance_figures(user, house: House) -> House:
    """The counts of a house's caseloads (never a family): its coordinator."""
    return get_house_for_coordinator(user, house)


def get_policy_signals_for_user(user, house: House) -> QuerySet[PolicySignal]:
    """A house's signals to policy: all of them for its coordinator, their own for a bridge
    worker of the house."""
    signals = PolicySignal.objects.filter(house=house)
    if is_coordinator(user, house):
        return signals
    if any(r.house_id == house.pk for r in bridge_worker_roles(user)):
        return signals.filter(recorded_by=user)
    raise Http404
