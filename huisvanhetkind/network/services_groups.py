"""The writes about a house's own people and partners, by its coordinator: bridge workers
(brugfiguren), the designations of partner organisations (its Lokale Loketten Kinderopvang),
and groups (steering group, partner consultation, working groups) with their members. Each
change is recorded in the house's trail as ``{field: [before, after]}``.

``actor=None`` is the platform itself (the demo seeder, an import, a command)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.core.services import model_update
from huisvanhetkind.network import access
from huisvanhetkind.network.models import (
    Designation,
    Group,
    GroupMembership,
    House,
    Organisation,
    Partnership,
    Role,
)


def works_for(user, organisation) -> bool:
    """Whether ``user`` is an admin or worker of ``organisation`` now (read from the database,
    not from the request's cache of roles)."""
    return Role.objects.filter(
        user=user, organisation=organisation, kind__in=access.MEMBER_KINDS
    ).exists()


def _ensure_coordinator(actor, house: House) -> None:
    if actor is not None and not access.is_coordinator(actor, house):
        raise PermissionDenied(_("Alleen de coördinator van het huis beheert dit."))


def _ensure_partner(house: House, organisation: Organisation) -> None:
    if not Partnership.objects.filter(
        house=house, organisation=organisation, status=Partnership.Status.ACTIVE
    ).exists():
        raise ValidationError(
            _("%(name)s is geen actieve partner van dit huis.") % {"name": organisation.name}
        )


@transaction.atomic
def bridge_worker_designate(*, actor, house: House, user, organisation: Organisation) -> Role:
    """The coordinator designates a person of a partner organisation as bridge worker
    (brugfiguur) of the house; recorded in the house's trail."""
    _ensure_coordinator(actor, house)
    _ensure_partner(house, organisation)
    if not works_for(user, organisation):
        raise ValidationError(
            _("%(email)s werkt niet voor %(name)s.")
            % {"email": user.email, "name": organisation.name}
        )
    if Role.objects.filter(user=user, kind=Role.Kind.BRIDGE_WORKER, house=house).exists():
        raise ValidationError(_("%(email)s is al brugfiguur in dit huis.") % {"email": user.email})
    role = Role.objects.create(
        user=user, kind=Role.Kind.BRIDGE_WORKER, house=house, organisation=organisation
    )
    audit_record(
        actor=actor,
        action=AuditEvent.Action.ROLE_GRANT,
        target=role,
        house=house,
        changes={
            "user": [None, user.email],
            "role": [None, role.kind],
            "organisation_id": [None, organisation.pk],
        },
    )
    return role


@transaction.atomic
def bridge_worker_end(*, actor, role: Role, reason: str = "") -> None:
    """End a bridge worker's designation: by the coordinator of its house, or when the person
    leaves the organisation (``role_revoke``)."""
    if role.kind != Role.Kind.BRIDGE_WORKER:
        raise ValidationError(_("Dit is geen rol van brugfiguur."))
    audit_record(
        actor=actor,
        action=AuditEvent.Action.ROLE_REVOKE,
        target=role,
        house=role.house,
        reason=reason,
        changes={
            "user": [role.user.email, None],
            "role": [role.kind, None],
            "organisation_id": [role.organisation_id, None],
        },
    )
    role.delete()


@transaction.atomic
def designation_create(
    *, actor, house: House, organisation: Organisation, kind: str
) -> Designation:
    """The coordinator gives a partner organisation a task in the house, such as being one of
    its Lokale Loketten Kinderopvang."""
    _ensure_coordinator(actor, house)
    _ensure_partner(house, organisation)
    if Designation.objects.filter(house=house, organisation=organisation, kind=kind).exists():
        raise ValidationError(
            _("%(name)s is al %(kind)s van dit huis.")
            % {"name": organisation.name, "kind": Designation.Kind(kind).label}
        )
    designation = Designation(house=house, organisation=organisation, kind=kind)
    designation.full_clean()
    designation.save()
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        target=designation,
        house=house,
        changes={
            "organisation_id": [None, organisation.pk],
            "kind": [None, kind],
            "since": [None, str(designation.since)],
        },
    )
    return designation


@transaction.atomic
def designation_delete(*, actor, designation: Designation) -> None:
    _ensure_coordinator(actor, designation.house)
    audit_record(
        actor=actor,
        action=AuditEvent.Action.DELETE,
        target=designation,
        house=designation.house,
        changes={
            "organisation_id": [designation.organisation_id, None],
            "kind": [designation.kind, None],
            "since": [str(designation.since), None],
        },
    )
    designation.delete()


GROUP_FIELDS = ("kind", "name", "description")


@transaction.atomic
def group_save(*, actor, house: House, group: Group | None = None, data: dict) -> Group:
    """Create a group of the house (``group`` None) or change its kind, name or task."""
    _ensure_coordinator(actor, house)
    data = {field: value for field, value in data.items() if field in GROUP_FIELDS}
    if "name" in data:
        data["name"] = data["name"].strip()
        others = Group.objects.filter(house=house, name__iexact=data["name"])
        if group is not None:
            others = others.exclude(pk=group.pk)
        if others.exists():
            raise ValidationError(
                _("Dit huis heeft al een groep met de naam %(name)s.") % {"name": data["name"]}
            )
    if group is None:
        group = Group(house=house, **data)
        group.full_clean()
        group.save()
        action = AuditEvent.Action.CREATE
        changes = {field: [None, value] for field, value in data.items() if value}
    else:
        if group.house_id != house.pk:
            raise PermissionDenied(_("Deze groep hoort bij een ander huis."))
        group = Group.objects.select_for_update().get(pk=group.pk)
        changes = model_update(instance=group, data=data)
        if changes:
            group.full_clean()  # refused: the transaction undoes the change
        action = AuditEvent.Action.UPDATE
    if changes:
        audit_record(actor=actor, action=action, target=group, house=house, changes=changes)
    return group


@transaction.atomic
def group_delete(*, actor, group: Group) -> None:
    """Disband a group: its members are recorded leaving, then the group itself."""
    _ensure_coordinator(actor, group.house)
    for membership in group.memberships.select_related("user", "group__house"):
        _membership_delete(actor=actor, membership=membership)
    audit_record(
        actor=actor,
        action=AuditEvent.Action.DELETE,
        target=group,
        house=group.house,
        changes={field: [getattr(group, field), None] for field in GROUP_FIELDS},
    )
    group.delete()


def _membership_changes(membership: GroupMembership, *, removed: bool = False) -> dict:
    values = {
        "group_id": membership.group_id,
        "user": membership.user.email,
        "organisation_id": membership.organisation_id,
        "is_lead": membership.is_lead,
    }
    return {
        field: ([value, None] if removed else [None, value])
        for field, value in values.items()
        if value is not None
    }


def _membership_delete(*, actor, membership: GroupMembership, reason: str = "") -> None:
    audit_record(
        actor=actor,
        action=AuditEvent.Action.DELETE,
        target=membership,
        house=membership.group.house,
        reason=reason,
        changes=_membership_changes(membership, removed=True),
    )
    membership.delete()


def _lead_change(*, actor, membership: GroupMembership, is_lead: bool, reason: str = "") -> None:
    changes = model_update(instance=membership, data={"is_lead": is_lead})
    if changes:
        audit_record(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            target=membership,
            house=membership.group.house,
            reason=reason,
            changes=changes,
        )


def _lead_clear(*, actor, group: Group, reason: str = "") -> None:
    """The group's lead (if any) is no longer lead: a group has one."""
    for lead in (
        group.memberships.select_for_update().filter(is_lead=True).select_related("group__house")
    ):
        _lead_change(actor=actor, membership=lead, is_lead=False, reason=reason)


@transaction.atomic
def group_member_add(
    *, actor, group: Group, user, organisation: Organisation | None = None, is_lead: bool = False
) -> GroupMembership:
    """Add a professional to a group: on behalf of a partner organisation of the house they
    work for, or (``organisation`` None) of the house, as one of its coordinators. As lead, they
    take over from the group's lead."""
    house = group.house
    _ensure_coordinator(actor, house)
    if organisation is not None:
        _ensure_partner(house, organisation)
        if not works_for(user, organisation):
            raise ValidationError(
                _("%(email)s werkt niet voor %(name)s.")
                % {"email": user.email, "name": organisation.name}
            )
    elif not Role.objects.filter(user=user, kind=Role.Kind.COORDINATOR, house=house).exists():
        raise ValidationError(
            _(
                "%(email)s is geen coördinator van dit huis: kies de organisatie die ze vertegenwoordigen."
            )
            % {"email": user.email}
        )
    if GroupMembership.objects.filter(group=group, user=user).exists():
        raise ValidationError(
            _("%(email)s is al lid van %(group)s.") % {"email": user.email, "group": group.name}
        )
    if is_lead:
        _lead_clear(actor=actor, group=group)
    membership = GroupMembership.objects.create(
        group=group, user=user, organisation=organisation, is_lead=is_lead
    )
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        target=membership,
        house=house,
        changes=_membership_changes(membership),
    )
    return membership


@transaction.atomic
def group_member_remove(*, actor, membership: GroupMembership) -> None:
    _ensure_coordinator(actor, membership.group.house)
    _membership_delete(actor=actor, membership=membership)


@transaction.atomic
def group_lead_set(*, actor, membership: GroupMembership, is_lead: bool = True) -> GroupMembership:
    """Make a member the group's lead (the previous lead stays a member), or no longer lead."""
    _ensure_coordinator(actor, membership.group.house)
    membership = (
        GroupMembership.objects.select_for_update()
        .select_related("group__house", "user")
        .get(pk=membership.pk)
    )
    if is_lead and not membership.is_lead:
        _lead_clear(actor=actor, group=membership.group)
    _lead_change(actor=actor, membership=membership, is_lead=is_lead)
    return membership


@transaction.atomic
def group_memberships_hand_over(*, actor, from_user, to_user, organisation: Organisation) -> int:
    """The groups ``from_user`` sits in on behalf of ``organisation`` go to ``to_user``, a
    colleague (as lead where they were lead); part of ``role_revoke``'s handover. Returns how
    many memberships moved."""
    if not works_for(to_user, organisation):
        raise ValidationError(
            _("%(email)s werkt niet voor %(name)s.")
            % {"email": to_user.email, "name": organisation.name}
        )
    reason = _("Overgedragen: %(email)s werkt niet meer voor %(name)s.") % {
        "email": from_user.email,
        "name": organisation.name,
    }
    memberships = (
        GroupMembership.objects.select_for_update()
        .filter(user=from_user, organisation=organisation)
        .select_related("group__house", "user")
    )
    moved = 0
    for membership in memberships:
        theirs = (
            GroupMembership.objects.select_related("group__house")
            .filter(group=membership.group, user=to_user)
            .first()
        )
        if theirs is None:
            membership.user = to_user
            membership.save(update_fields=["user"])
            audit_record(
                actor=actor,
                action=AuditEvent.Action.UPDATE,
                target=membership,
                house=membership.group.house,
                reason=reason,
                changes={"user": [from_user.email, to_user.email]},
            )
        else:
            was_lead = membership.is_lead
            _membership_delete(actor=actor, membership=membership, reason=reason)
            if was_lead:
                _lead_change(actor=actor, membership=theirs, is_lead=True, reason=reason)
        moved += 1
    return moved
