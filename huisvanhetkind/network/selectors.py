"""Reads about the network that views, the API and other apps share."""

import copy
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, F, Prefetch, Q
from django.utils.translation import gettext as _

from huisvanhetkind.core import handover, sql
from huisvanhetkind.network.models import (
    AgeGroup,
    Designation,
    Domain,
    Group,
    GroupMembership,
    House,
    Invitation,
    Location,
    Municipality,
    OpeningHours,
    Organisation,
    PartnerApplication,
    Partnership,
    Role,
)
from huisvanhetkind.network.validators import normalise_enterprise_number
from huisvanhetkind.network.workflow import OPEN_STATES, ApplicationStatus


def houses_public():
    return House.objects.filter(is_active=True).prefetch_related("municipalities")


# The house of a request (web.middleware) is read on every page. With HOUSE_CACHE_SECONDS > 0
# (the default without DEBUG) each process keeps the houses it found for that many seconds: a
# change saved in this process is seen at once (``forget_houses``, on every save or deletion of a
# house), one saved in another process within those seconds. A slug that finds no house is never
# kept (a visitor cannot push the houses out with made-up addresses); a host name that finds none
# is (on the platform's own host name every request asks, and ALLOWED_HOSTS bounds the names). A
# request gets its own copy.
_HOUSES: dict[tuple[str, str], tuple[float, House | None]] = {}
_HOUSES_MAX = 2000


def _kept(store: dict, key, load, keep=lambda value: True):
    """``load()``, kept in ``store`` under ``key`` for HOUSE_CACHE_SECONDS (a full store is
    emptied first); a value that ``keep`` refuses is returned but not kept."""
    seconds = settings.HOUSE_CACHE_SECONDS
    if seconds <= 0:
        return load()
    now = time.monotonic()
    kept = store.get(key)
    if kept is not None and kept[0] >= now:
        return kept[1]
    value = load()
    if keep(value):
        if len(store) >= _HOUSES_MAX:
            store.clear()
        store[key] = (now + seconds, value)
    return value


def _house_cached(kind: str, key: str, **lookup) -> House | None:
    house = _kept(
        _HOUSES,
        (kind, key),
        lambda: House.objects.filter(is_active=True, **lookup).first(),
        keep=lambda found: found is not None or kind == "domain",
    )
    if house is None:
        return None
    clone = copy.copy(house)
    clone._state = copy.copy(clone._state)
    clone._state.fields_cache = {}
    return clone


def forget_houses(**_kwargs) -> None:
    _HOUSES.clear()


# The reference lists of a house's filters (the calendar's: age groups, domains, the house's
# municipalities) are kept the same way, for HOUSE_CACHE_SECONDS per house: three queries less on
# every calendar page. A change saved in this process is seen at once (``forget_reference_lists``
# on every save or deletion of an age group, a domain or a municipality and on every change of a
# house's municipalities), one saved in another process within those seconds. The lists are shared
# between requests: read them, never change them.
_REFERENCE_LISTS: dict[int, tuple[float, dict]] = {}


def _reference_lists(house: House) -> dict:
    return {
        "age_groups": list(AgeGroup.objects.all()),
        "domains": list(Domain.objects.all()),
        "municipalities": list(house.municipalities.all()),
    }


def house_reference_lists(house: House) -> dict:
    """The age groups, the domains and the municipalities of ``house``, in their order."""
    return _kept(_REFERENCE_LISTS, house.pk, lambda: _reference_lists(house))


def forget_reference_lists(**_kwargs) -> None:
    _REFERENCE_LISTS.clear()


def house_by_slug(slug: str) -> House | None:
    return _house_cached("slug", slug, slug=slug)


def house_by_domain(host: str) -> House | None:
    return _house_cached("domain", host, domain=host)


def _locations_with_hours():
    return Location.objects.select_related("municipality").prefetch_related(
        Prefetch("opening_hours", queryset=OpeningHours.objects.order_by("weekday", "opens"))
    )


def house_locations(house: House):
    return _locations_with_hours().filter(house=house)


def house_partners(*, house: House, domain: str = "", municipality: str = ""):
    """Active partner organisations of a house, optionally filtered by domain and municipality slug.

    Without DISTINCT: an organisation has one partnership per house (a constraint), and a domain
    slug or a NIS code names one row, so no join below can repeat an organisation.
    """
    active = Partnership.objects.filter(house=house, status=Partnership.Status.ACTIVE)
    organisations = Organisation.objects.filter(pk__in=active.values("organisation_id"))
    if domain:
        organisations = organisations.filter(domains__slug=domain)
    if municipality:
        organisations = organisations.filter(municipalities__nis_code=municipality)
    return organisations.order_by("name")


def partner_cards(organisations) -> list:
    """The partners of a page with the domains their cards show (core.sql: plain SQL)."""
    organisations = list(organisations)
    sql.prefetch(organisations, "domains")
    return organisations


def directory_filters(house: House) -> dict:
    """The domains and municipalities to filter the partner directory on, with counts."""
    active = Q(
        organisations__partnerships__house=house,
        organisations__partnerships__status=Partnership.Status.ACTIVE,
    )
    domains = (
        Domain.objects.annotate(partner_count=Count("organisations", filter=active, distinct=True))
        .filter(partner_count__gt=0)
        .order_by("position")
    )
    municipalities = (
        Municipality.objects.annotate(
            partner_count=Count("organisations", filter=active, distinct=True)
        )
        .filter(Q(partner_count__gt=0) | Q(houses=house))
        .distinct()
        .order_by("name")
    )
    return {"domains": domains, "municipalities": municipalities}


def partner_in_house(*, house: House, pk: int) -> Organisation | None:
    return (
        Organisation.objects.filter(
            pk=pk, partnerships__house=house, partnerships__status=Partnership.Status.ACTIVE
        )
        .prefetch_related(
            "domains",
            "age_groups",
            "municipalities",
            Prefetch("locations", queryset=_locations_with_hours()),
        )
        .first()
    )


def find_duplicate(*, house: House, name: str, enterprise_number: str = "") -> str | None:
    """Explain in Dutch why an application duplicates a partner or a pending application, or None."""
    number = normalise_enterprise_number(enterprise_number) if enterprise_number else ""
    same = Q(name__iexact=name.strip())
    if number:
        same |= Q(enterprise_number=number)
    existing = Organisation.objects.filter(same).first()
    if existing and existing.partnerships.filter(house=house).exists():
        return _("%(name)s is al partner van dit Huis van het Kind.") % {"name": existing.name}
    pending_same = Q(organisation_name__iexact=name.strip())
    if number:
        pending_same |= Q(enterprise_number=number)
    pending = PartnerApplication.objects.filter(
        pending_same,
        house=house,
        status__in=OPEN_STATES,
    ).first()
    if pending:
        return _(
            "Er is al een aanvraag voor %(name)s in behandeling. De coördinator neemt contact met "
            "jullie op."
        ) % {"name": pending.organisation_name}
    return None


def matching_organisation(*, name: str, enterprise_number: str = "") -> Organisation | None:
    """The organisation already on the platform that an application is about: the one with the
    same enterprise number, else the one with the same name (case-insensitive)."""
    number = normalise_enterprise_number(enterprise_number) if enterprise_number else ""
    if number:
        same_number = Organisation.objects.filter(enterprise_number=number).first()
        if same_number:
            return same_number
    return Organisation.objects.filter(name__iexact=name.strip()).first()


def organisation_houses(organisation: Organisation):
    """The houses an organisation is partner of (any status), by name."""
    return House.objects.filter(partnerships__organisation=organisation).distinct().order_by("name")


def organisation_admin_emails(organisation: Organisation) -> list[str]:
    return list(
        Role.objects.filter(
            organisation=organisation, kind=Role.Kind.ORGANISATION_ADMIN
        ).values_list("user__email", flat=True)
    )


def platform_admin_emails() -> list[str]:
    users = (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(roles__kind=Role.Kind.PLATFORM_ADMIN))
    )
    return sorted({email for email in users.values_list("email", flat=True) if email})


def partnership_requests(*, organisation_ids=None):
    """Applications approved by a coordinator that wait for the organisation's confirmation; of
    the given organisations, or all of them (a platform admin)."""
    requests = PartnerApplication.objects.filter(
        status=ApplicationStatus.AWAITING_ORGANISATION
    ).select_related("house", "organisation")
    if organisation_ids is not None:
        requests = requests.filter(organisation_id__in=organisation_ids)
    return requests.order_by("decided_at")


def pending_applications(house: House):
    return PartnerApplication.objects.filter(house=house, status=ApplicationStatus.PENDING)


def decided_applications(house: House, limit: int = 20):
    return (
        PartnerApplication.objects.filter(house=house)
        .exclude(status=ApplicationStatus.PENDING)
        .select_related("decided_by")[:limit]
    )


def organisation_team(organisation: Organisation):
    return (
        Role.objects.filter(organisation=organisation)
        .select_related("user")
        # One person's roles in a fixed order on every database: the organisation's own role
        # (no house) before the per-house ones such as bridge worker.
        .order_by("user__email", F("house").asc(nulls_first=True), "kind", "pk")
    )


def open_invitations(organisation: Organisation):
    return Invitation.objects.filter(organisation=organisation, accepted_at__isnull=True)


def coordinator_emails(house: House) -> list[str]:
    return list(
        Role.objects.filter(house=house, kind=Role.Kind.COORDINATOR).values_list(
            "user__email", flat=True
        )
    )


def house_coordinators(house: House):
    return Role.objects.filter(house=house, kind=Role.Kind.COORDINATOR).select_related("user")


def open_coordinator_invitations(house: House):
    return Invitation.objects.filter(
        house=house, role_kind=Role.Kind.COORDINATOR, accepted_at__isnull=True
    )


def house_partnerships(house: House):
    return (
        Partnership.objects.filter(house=house)
        .select_related("organisation")
        .order_by("organisation__name")
    )


# --- handover, bridge workers, designations and groups ---------------------------------------

MEMBER_KINDS = (Role.Kind.ORGANISATION_ADMIN, Role.Kind.ORGANISATION_WORKER)


def organisation_members(organisation):
    """The users who work for the organisation (admins and workers)."""
    return (
        get_user_model()
        .objects.filter(roles__organisation=organisation, roles__kind__in=MEMBER_KINDS)
        .distinct()
        .order_by("first_name", "last_name", "email")
    )


def role_leaves_organisation(role: Role) -> bool:
    """Whether revoking ``role`` ends the person's work for its organisation (it is their last
    role as admin or worker there)."""
    return (
        role.kind in MEMBER_KINDS
        and not Role.objects.filter(
            user_id=role.user_id, organisation_id=role.organisation_id, kind__in=MEMBER_KINDS
        )
        .exclude(pk=role.pk)
        .exists()
    )


def role_holdings(role: Role) -> list[handover.Holding]:
    """What moves to a colleague when ``role`` is revoked: nothing unless the person leaves the
    organisation with it."""
    if not role_leaves_organisation(role):
        return []
    return handover.holdings(role.user, role.organisation)


def colleagues(role: Role):
    """The people who work for the role's organisation (admins and workers), but its holder."""
    return (
        get_user_model()
        .objects.filter(
            roles__organisation_id=role.organisation_id,
            roles__kind__in=MEMBER_KINDS,
            is_active=True,
        )
        .exclude(pk=role.user_id)
        .distinct()
        .order_by("last_name", "first_name", "email")
    )


def house_people(house: House, *, coordinators: bool = True):
    """The roles through which people act in a house: admins and workers of its active partners
    and (``coordinators``) its coordinators; one choice per person and organisation."""
    in_house = Q(
        kind__in=MEMBER_KINDS,
        organisation__partnerships__house=house,
        organisation__partnerships__status=Partnership.Status.ACTIVE,
    )
    if coordinators:
        in_house |= Q(kind=Role.Kind.COORDINATOR, house=house)
    return (
        Role.objects.filter(in_house)
        .select_related("user", "organisation")
        .order_by(
            "organisation__name", "user__last_name", "user__first_name", "user__email", "kind"
        )
    )


def house_bridge_workers(house: House):
    return (
        Role.objects.filter(house=house, kind=Role.Kind.BRIDGE_WORKER)
        .select_related("user", "organisation")
        .order_by("organisation__name", "user__last_name", "user__email")
    )


def house_designations(house: House, kind: str | None = None):
    designations = Designation.objects.filter(house=house).select_related("organisation")
    if kind:
        designations = designations.filter(kind=kind)
    return designations.order_by("kind", "organisation__name")


def house_active_partners(house: House):
    return Organisation.objects.filter(
        partnerships__house=house, partnerships__status=Partnership.Status.ACTIVE
    ).order_by("name")


def house_groups(house: House):
    return Group.objects.filter(house=house).annotate(member_count=Count("memberships"))


def group_members(group: Group):
    return GroupMembership.objects.filter(group=group).select_related("user", "organisation")
