"""Who may see and do what. Every access rule about the network lives here."""

from enum import StrEnum
from functools import wraps

from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from huisvanhetkind.network.mfa import second_factor_used
from huisvanhetkind.network.models import (
    Designation,
    Group,
    GroupMembership,
    Invitation,
    Organisation,
    PartnerApplication,
    Partnership,
    Role,
)
from huisvanhetkind.network.selectors import MEMBER_KINDS, houses_public
from huisvanhetkind.network.workflow import ApplicationStatus

SECOND_FACTOR_TYPES = ["totp", "webauthn"]


def roles_of(user) -> list[Role]:
    """The roles of a user, read once per request."""
    if not user.is_authenticated:
        return []
    if not hasattr(user, "_roles_cache"):
        user._roles_cache = list(
            Role.objects.filter(user=user).select_related("house", "organisation")
        )
    return user._roles_cache


class Capability(StrEnum):
    """What a user may act as, and the scope ``may_act_as`` needs for it."""

    PLATFORM_ADMIN = "platform_admin"  # no scope
    COORDINATOR = "coordinator"  # house
    ORGANISATION_ADMIN = "organisation_admin"  # organisation: decides who works for it
    WORKS_FOR = "works_for"  # organisation: its admins and workers, nobody else
    ORGANISATION_MEMBER = "organisation_member"  # organisation: keeps its offer current
    ORGANISATION_MANAGER = "organisation_manager"  # organisation: its team and public profile
    BRIDGE_WORKER = "bridge_worker"  # house (and optionally the organisation)
    CHILDCARE_DESK = "childcare_desk"  # house (and optionally the organisation)
    GROUP_MEMBER = "group_member"  # group
    GROUP_LEAD = "group_lead"  # group


# The scope each capability is asked about: a question without it is a mistake in the code.
_SCOPE = {
    Capability.COORDINATOR: "house",
    Capability.ORGANISATION_ADMIN: "organisation",
    Capability.WORKS_FOR: "organisation",
    Capability.ORGANISATION_MEMBER: "organisation",
    Capability.ORGANISATION_MANAGER: "organisation",
    Capability.BRIDGE_WORKER: "house",
    Capability.CHILDCARE_DESK: "house",
    Capability.GROUP_MEMBER: "group",
    Capability.GROUP_LEAD: "group",
}


def group_memberships_of(user) -> list[GroupMembership]:
    """The groups a user is member of, read once per request."""
    if not user.is_authenticated:
        return []
    if not hasattr(user, "_group_memberships_cache"):
        user._group_memberships_cache = list(GroupMembership.objects.filter(user=user))
    return user._group_memberships_cache


def _is_platform_admin(user) -> bool:
    return user.is_superuser or any(r.kind == Role.Kind.PLATFORM_ADMIN for r in roles_of(user))


def _has_role(user, kind, *, house=None, organisation=None) -> bool:
    return any(
        r.kind == kind
        and (house is None or r.house_id == house.pk)
        and (organisation is None or r.organisation_id == organisation.pk)
        for r in roles_of(user)
    )


def _works_for(user, organisation) -> bool:
    return any(
        r.kind in MEMBER_KINDS and r.organisation_id == organisation.pk for r in roles_of(user)
    )


def may_act_as(user, capability, *, house=None, organisation=None, group=None) -> bool:
    """May ``user`` act as ``capability`` here? The one answer every access rule builds on.

    Platform admins act as coordinator and as admin of every organisation (they administer the
    platform); being a bridge worker, a childcare desk or a group member is a task of a person
    or an organisation, which nobody holds by being an administrator.
    """
    capability = Capability(capability)
    scope = _SCOPE.get(capability)
    if scope and {"house": house, "organisation": organisation, "group": group}[scope] is None:
        raise ValueError(f"may_act_as({capability!r}) needs a {scope}.")
    if user is None or not user.is_authenticated:
        return False
    match capability:
        case Capability.PLATFORM_ADMIN:
            return _is_platform_admin(user)
        case Capability.COORDINATOR:
            return _is_platform_admin(user) or _has_role(user, Role.Kind.COORDINATOR, house=house)
        case Capability.ORGANISATION_ADMIN:
            return _is_platform_admin(user) or _has_role(
                user, Role.Kind.ORGANISATION_ADMIN, organisation=organisation
            )
        case Capability.WORKS_FOR:
            return _works_for(user, organisation)
        case Capability.ORGANISATION_MEMBER:
            if _works_for(user, organisation) or _is_platform_admin(user):
                return True
            houses = coordinated_house_ids(user)
            return bool(houses) and organisation.partnerships.filter(house_id__in=houses).exists()
        case Capability.ORGANISATION_MANAGER:
            return may_act_as(
                user, Capability.ORGANISATION_ADMIN, organisation=organisation
            ) or coordinates_every_house_of(user, organisation)
        case Capability.BRIDGE_WORKER:
            return _has_role(user, Role.Kind.BRIDGE_WORKER, house=house, organisation=organisation)
        case Capability.CHILDCARE_DESK:
            desks = Designation.objects.filter(
                house=house,
                kind=Designation.Kind.CHILDCARE_DESK,
                organisation_id__in=member_organisation_ids(user),
            )
            if organisation is not None:
                desks = desks.filter(organisation=organisation)
            return desks.exists()
        case Capability.GROUP_MEMBER:
            return any(m.group_id == group.pk for m in group_memberships_of(user))
        case Capability.GROUP_LEAD:
            return any(m.group_id == group.pk and m.is_lead for m in group_memberships_of(user))


def member_organisation_ids(user) -> set[int]:
    """The organisations the user works for (as admin or worker)."""
    return {r.organisation_id for r in roles_of(user) if r.kind in MEMBER_KINDS}


def member_organisations(user) -> list[Organisation]:
    """The organisations the user has a role in, each once."""
    return list(dict.fromkeys(r.organisation for r in roles_of(user) if r.organisation_id))


def active_member_organisations(user) -> list[Organisation]:
    """The organisations the user works for that are an active partner of a house, by name."""
    return list(
        Organisation.objects.filter(
            pk__in=member_organisation_ids(user),
            partnerships__status=Partnership.Status.ACTIVE,
        )
        .distinct()
        .order_by("name")
    )


def acting_organisation(user, organisations):
    """On behalf of which of ``organisations`` (the ones a record belongs to) the user acts: the
    first they work for, or None (a coordinator acting for the house, the system)."""
    if user is None:
        return None
    mine = member_organisation_ids(user)
    return next((o for o in organisations if o is not None and o.pk in mine), None)


def is_professional(user) -> bool:
    return user.is_authenticated and (user.is_superuser or bool(roles_of(user)))


def has_second_factor(user) -> bool:
    return is_mfa_enabled(user, types=SECOND_FACTOR_TYPES)


def is_platform_admin(user) -> bool:
    return may_act_as(user, Capability.PLATFORM_ADMIN)


def is_coordinator(user, house) -> bool:
    return may_act_as(user, Capability.COORDINATOR, house=house)


def is_steering_member(user, house) -> bool:
    """Whether the user sits in the steering group (a group of kind "stuurgroep") of the house."""
    if not user.is_authenticated:
        return False
    return GroupMembership.objects.filter(
        user=user, group__house=house, group__kind=Group.Kind.STEERING
    ).exists()


def coordinated_house_ids(user) -> set[int]:
    return {r.house_id for r in roles_of(user) if r.kind == Role.Kind.COORDINATOR}


def organisation_house_ids(organisation) -> set[int]:
    """The houses an organisation is partner of, whatever the partnership's status (an ended
    partnership leaves that house's family data with the organisation)."""
    return set(organisation.partnerships.values_list("house_id", flat=True))


def is_organisation_admin(user, organisation) -> bool:
    """The organisation's own admins and platform admins: they decide who works for it."""
    return may_act_as(user, Capability.ORGANISATION_ADMIN, organisation=organisation)


def works_for(user, organisation) -> bool:
    """The organisation's own admins and workers (a colleague who can take over their work)."""
    return may_act_as(user, Capability.WORKS_FOR, organisation=organisation)


def is_bridge_worker(user, house, organisation=None) -> bool:
    return may_act_as(user, Capability.BRIDGE_WORKER, house=house, organisation=organisation)


def is_childcare_desk(user, house, organisation=None) -> bool:
    """Works for an organisation the coordinator designated as the house's Lokaal Loket
    Kinderopvang (for ``organisation``: that one)."""
    return may_act_as(user, Capability.CHILDCARE_DESK, house=house, organisation=organisation)


def is_group_member(user, group) -> bool:
    return may_act_as(user, Capability.GROUP_MEMBER, group=group)


def is_group_lead(user, group) -> bool:
    return may_act_as(user, Capability.GROUP_LEAD, group=group)


def coordinates_every_house_of(user, organisation) -> bool:
    """True when the organisation is partner of houses the user coordinates and of no other.

    The people of an organisation read the families' data of every house it is partner of, so
    only a coordinator of all of them may choose those people (an organisation they onboarded).
    """
    houses = coordinated_house_ids(user)
    if not houses:
        return False
    theirs = organisation_house_ids(organisation)
    return bool(theirs) and theirs <= houses


def can_manage_organisation(user, organisation) -> bool:
    """Team (invite, revoke) and public profile: the organisation's admins, platform admins and
    the coordinator of every house it is partner of. An organisation shared with a house the
    coordinator does not coordinate manages itself."""
    return may_act_as(user, Capability.ORGANISATION_MANAGER, organisation=organisation)


def managed_organisation_ids(user, organisation_ids) -> set[int]:
    """Which of ``organisation_ids`` the user may manage (see ``can_manage_organisation``), in
    one query."""
    organisation_ids = set(organisation_ids)
    if is_platform_admin(user):
        return organisation_ids
    own = {
        r.organisation_id
        for r in roles_of(user)
        if r.kind == Role.Kind.ORGANISATION_ADMIN and r.organisation_id in organisation_ids
    }
    houses = coordinated_house_ids(user)
    if not houses:
        return own
    shared_elsewhere = set(
        Partnership.objects.filter(organisation_id__in=organisation_ids)
        .exclude(house_id__in=houses)
        .values_list("organisation_id", flat=True)
    )
    partners = set(
        Partnership.objects.filter(
            organisation_id__in=organisation_ids, house_id__in=houses
        ).values_list("organisation_id", flat=True)
    )
    return own | (partners - shared_elsewhere)


def is_organisation_member(user, organisation) -> bool:
    """Admins and workers of the organisation, the coordinators of its houses, platform admins:
    who keeps its offer (the catalogue) current."""
    return may_act_as(user, Capability.ORGANISATION_MEMBER, organisation=organisation)


# The writes without a page of their own (the demo seeder, imports, commands) take ``actor=None``:
# the platform itself, which may do them all.


def can_save_house(user, house) -> bool:
    """A platform admin creates and changes houses; a coordinator changes their own house."""
    if user is None:
        return True
    return is_platform_admin(user) or (house is not None and is_coordinator(user, house))


def can_create_organisation(user, houses) -> bool:
    """A platform admin; a coordinator only for a partner of houses they coordinate (an
    organisation of no house is the platform admin's)."""
    if user is None or is_platform_admin(user):
        return True
    return bool(houses) and all(
        may_act_as(user, Capability.COORDINATOR, house=house) for house in houses
    )


def can_save_location(user, *, house=None, organisation=None) -> bool:
    """A site of an organisation: who keeps its offer current (see ``is_organisation_member``);
    a location of the house itself: its coordinator."""
    if user is None:
        return True
    if organisation is not None:
        return is_organisation_member(user, organisation)
    return house is not None and is_coordinator(user, house)


def coordinated_houses(user) -> list:
    """The houses whose applications the user reviews: every active house for a platform admin."""
    if is_platform_admin(user):
        return list(houses_public())
    return [r.house for r in roles_of(user) if r.kind == Role.Kind.COORDINATOR]


def administered_organisations(user) -> list[Organisation]:
    """The organisations the user is an admin of (their team, profile and partnership requests)."""
    return [r.organisation for r in roles_of(user) if r.kind == Role.Kind.ORGANISATION_ADMIN]


def partnership_request_organisation_ids(user) -> list[int] | None:
    """Whose partnership requests the user answers: their own organisations', or (None) every
    organisation's for a platform admin."""
    if is_platform_admin(user):
        return None
    return [organisation.pk for organisation in administered_organisations(user)]


def professional_required(view):
    """Log-in, a role and a second factor: the gate of every non-public page."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_professional(user):
            raise Http404
        if not has_second_factor(user):
            messages.info(request, _("Stel eerst een tweede factor in om verder te gaan."))
            return redirect("mfa_activate_totp")
        if not second_factor_used(request):
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapper


def get_house_for_coordinator(user, house):
    if not is_coordinator(user, house):
        raise Http404
    return house


def get_application_for_user(user, house, pk) -> PartnerApplication:
    get_house_for_coordinator(user, house)
    return get_object_or_404(PartnerApplication.objects.filter(house=house), pk=pk)


def get_organisation_for_management(user, pk) -> Organisation:
    """Team and profile (see ``can_manage_organisation``)."""
    organisation = get_object_or_404(Organisation, pk=pk)
    if not can_manage_organisation(user, organisation):
        raise Http404
    return organisation


def get_role_for_management(user, pk, role_pk) -> Role:
    """A role in the team of an organisation the user manages."""
    organisation = get_organisation_for_management(user, pk)
    return get_object_or_404(
        Role.objects.select_related("user", "organisation"), pk=role_pk, organisation=organisation
    )


def get_invitation_for_token(token: str) -> Invitation:
    """The invitation a link names: its token is the key, for anyone who holds the link."""
    return get_object_or_404(
        Invitation.objects.select_related("organisation", "house"), token=token
    )


def get_organisation_for_member(user, pk) -> Organisation:
    organisation = get_object_or_404(Organisation, pk=pk)
    if not is_organisation_member(user, organisation):
        raise Http404
    return organisation


def get_partnership_request_for_user(user, pk) -> PartnerApplication:
    """An application a coordinator approved for an organisation that already exists: only that
    organisation's own admins (and platform admins) answer it; the coordinators of its houses
    and the applicant do not."""
    application = get_object_or_404(
        PartnerApplication.objects.filter(organisation__isnull=False)
        .filter(
            Q(status=ApplicationStatus.AWAITING_ORGANISATION)
            | Q(organisation_answered_at__isnull=False)
        )
        .select_related("house", "organisation"),
        pk=pk,
    )
    if not is_organisation_admin(user, application.organisation):
        raise Http404
    return application


def get_bridge_worker_role_for_coordinator(user, house, pk) -> Role:
    """A bridge worker of a house its coordinator manages."""
    get_house_for_coordinator(user, house)
    return get_object_or_404(
        Role.objects.select_related("user", "organisation", "house"),
        pk=pk,
        house=house,
        kind=Role.Kind.BRIDGE_WORKER,
    )


def get_designation_for_coordinator(user, house, pk) -> Designation:
    get_house_for_coordinator(user, house)
    return get_object_or_404(
        Designation.objects.select_related("organisation", "house"), pk=pk, house=house
    )


def get_group_for_coordinator(user, house, pk) -> Group:
    """A group of a house, managed by its coordinator."""
    get_house_for_coordinator(user, house)
    return get_object_or_404(Group.objects.select_related("house"), pk=pk, house=house)


def get_group_membership_for_coordinator(user, house, pk, membership_pk) -> GroupMembership:
    group = get_group_for_coordinator(user, house, pk)
    return get_object_or_404(
        GroupMembership.objects.select_related("user", "organisation", "group__house"),
        pk=membership_pk,
        group=group,
    )
