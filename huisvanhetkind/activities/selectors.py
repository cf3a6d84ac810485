"""Reads about activities that the views, feeds and API share."""

from datetime import date, datetime, time, timedelta

from django.db import connection
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.activities.calendar import period_days
from huisvanhetkind.activities.models import Activity, NewsItem, Registration, Session
from huisvanhetkind.activities.workflow import RegistrationStatus
from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.core import sql
from huisvanhetkind.network.access import (
    acting_organisation,
    coordinated_house_ids,
    is_platform_admin,
    member_organisation_ids,
)
from huisvanhetkind.network.models import Location, Municipality
from huisvanhetkind.network.selectors import house_reference_lists

S = RegistrationStatus
CALENDAR_LIMIT = 200


def _local_midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def upcoming_sessions(
    *,
    house,
    age_group: str = "",
    domain: str = "",
    municipality: str = "",
    price: str = "",
    period: str = "",
    organisation: int | None = None,
    activity: Activity | None = None,
    limit: int = CALENDAR_LIMIT,
    offset: int = 0,
    date_from: date | None = None,
    date_to: date | None = None,
    with_places: bool = True,
) -> list[Session]:
    """Upcoming public sessions of a house, filtered, soonest first, each with its activity,
    the activity's location and its municipality, and the places taken by confirmed
    registrations (``taken_registrations``, ``taken_persons``) unless ``with_places`` is false
    (a feed does not show them).

    One query in two steps, so that the cost follows ``limit`` rather than the size of the
    calendar: the filters choose the house's published activities, whose next ``limit``
    sessions are found on the (activity, end) index without joins or DISTINCT; only those
    sessions are then read with their activity and the places taken (two small subqueries per
    session). Plain SQL (core.sql): this is the query of every calendar page, and building it
    with the ORM cost more than running it.
    """
    adapt = connection.ops.adapt_datetimefield_value
    where = ["u.house_id = %s", "u.status = %s", "u.audience = %s"]
    params = [house.pk, Activity.Status.PUBLISHED, Activity.Audience.FAMILIES]
    if activity is not None:
        where.append("u.id = %s")
        params.append(activity.pk)
    for slug, links in ((age_group, _AGE_GROUP_LINKS), (domain, _DOMAIN_LINKS)):
        if slug:
            where.append(links)
            params.append(slug)
    if municipality:
        where.append(_MUNICIPALITY_LINK)
        params.append(municipality)
    if price == "free":
        where.append("u.is_free = %s")
        params.append(True)
    elif price == "social":
        where.append("(u.is_free = %s OR u.social_tariff = %s)")
        params += [True, True]
    if organisation:
        where.append(_ORGANISATION_LINK)
        params.append(organisation)
    sessions = ["v.ends_at >= %s", "v.is_cancelled = %s"]
    session_params = [adapt(timezone.now()), False]
    first_day, end_day = period_days(period, timezone.localdate())
    starts = [
        ("v.starts_at >= %s", first_day),
        ("v.starts_at < %s", end_day),
        ("v.starts_at >= %s", date_from),
        ("v.starts_at < %s", date_to + timedelta(days=1) if date_to is not None else None),
    ]
    for condition, day in starts:
        if day is not None:
            sessions.append(condition)
            session_params.append(adapt(_local_midnight(day)))
    places = (
        ", (SELECT COUNT(*) FROM activities_registration r"
        " WHERE r.session_id = s.id AND r.status = %s),"
        " (SELECT SUM(r.adults + r.children) FROM activities_registration r"
        " WHERE r.session_id = s.id AND r.status = %s)"
        if with_places
        else ""
    )
    statement = (
        f"SELECT {_SESSION.select()}, {_ACTIVITY.select()}, {_LOCATION.select()},"  # noqa: S608
        f" {_MUNICIPALITY.select()}{places}"
        " FROM activities_session s"
        " INNER JOIN activities_activity a ON a.id = s.activity_id"
        " LEFT OUTER JOIN network_location l ON l.id = a.location_id"
        " LEFT OUTER JOIN network_municipality m ON m.id = l.municipality_id"
        " WHERE s.id IN (SELECT v.id FROM activities_session v"
        f" WHERE {' AND '.join(sessions)}"
        f" AND v.activity_id IN (SELECT u.id FROM activities_activity u WHERE {' AND '.join(where)})"
        " ORDER BY v.starts_at, v.id LIMIT %s OFFSET %s)"
        " ORDER BY s.starts_at, s.id"
    )
    confirmed = [S.CONFIRMED, S.CONFIRMED] if with_places else []
    found = []
    for row in sql.rows(statement, [*confirmed, *session_params, *params, limit, offset]):
        session = _SESSION.instance(row)
        start = len(_SESSION)
        activity_ = _ACTIVITY.instance(row, start)
        start += len(_ACTIVITY)
        location = _LOCATION.instance(row, start)
        start += len(_LOCATION)
        if location is not None:
            location.municipality = _MUNICIPALITY.instance(row, start)
        activity_.location = location
        session.activity = activity_
        if with_places:
            session.taken_registrations, session.taken_persons = row[-2:]
        found.append(session)
    return found


# The columns of upcoming_sessions: a list shows an activity's title, place and price, not its
# long texts.
_SESSION = sql.Columns(Session, "s")
_ACTIVITY = sql.Columns(Activity, "a", defer=("description", "exception_dates"))
_LOCATION = sql.Columns(Location, "l")
_MUNICIPALITY = sql.Columns(Municipality, "m")
_AGE_GROUP_LINKS = (
    "u.id IN (SELECT t.activity_id FROM activities_activity_age_groups t"
    " INNER JOIN network_agegroup g ON g.id = t.agegroup_id WHERE g.slug = %s)"
)
_DOMAIN_LINKS = (
    "u.id IN (SELECT t.activity_id FROM activities_activity_domains t"
    " INNER JOIN network_domain g ON g.id = t.domain_id WHERE g.slug = %s)"
)
_MUNICIPALITY_LINK = (
    "u.location_id IN (SELECT t.id FROM network_location t"
    " INNER JOIN network_municipality g ON g.id = t.municipality_id WHERE g.nis_code = %s)"
)
_ORGANISATION_LINK = (
    "u.id IN (SELECT t.activity_id FROM activities_activity_organisations t"
    " WHERE t.organisation_id = %s)"
)


def calendar_filters(house) -> dict:
    """The choices of the calendar's filters (kept by the process: network.selectors)."""
    return house_reference_lists(house)


def public_activity(*, house, pk: int) -> Activity | None:
    """A public activity of ``house`` with its location, partners, age groups and themes (these
    three in plain SQL, core.sql: one small query each)."""
    activity = (
        Activity.objects.public()
        .filter(house=house, pk=pk)
        .select_related("location__municipality")
        .first()
    )
    if activity is not None:
        activity.house = house
        sql.prefetch([activity], "organisations", "age_groups", "domains")
    return activity


def activities_for_user(user, house=None):
    """Activities a professional may manage: their organisations' and, for a coordinator, all
    of the house's."""
    qs = Activity.objects.select_related("house").prefetch_related("organisations")
    if house is not None:
        qs = qs.filter(house=house)
    if is_platform_admin(user):
        return qs
    return qs.filter(
        Q(organisations__in=member_organisation_ids(user))
        | Q(house__in=coordinated_house_ids(user))
    ).distinct()


def session_registrations(session: Session):
    return session.registrations.exclude(status=S.CANCELLED).order_by("status", "created_at", "id")


READ_PURPOSES = {
    "list": _("inschrijvingen van een moment bekeken"),
    "csv": _("inschrijvingen van een moment geëxporteerd"),
}


def session_registrations_read(*, session: Session, actor, purpose: str) -> list[Registration]:
    """The registrations of a session handed to a professional (``purpose``: "list" to see
    them, "csv" to export them); the read is written to the audit trail, with the
    registrations it showed."""
    registrations = list(session_registrations(session))
    audit_record(
        actor=actor,
        action=AuditEvent.Action.READ,
        target=session,
        house=session.activity.house,
        organisation=acting_organisation(actor, session.activity.organisations.all()),
        reason=str(READ_PURPOSES[purpose]),
        changes={"registrations": [None, [r.pk for r in registrations]]},
    )
    return registrations


def activity_figures(activity: Activity) -> dict:
    """Anonymous figures: registrations, attendance and the share with social tariff."""
    confirmed = Q(status=S.CONFIRMED)
    figures = Registration.objects.filter(session__activity=activity).aggregate(
        registrations=Count("id", filter=confirmed),
        waitlisted=Count("id", filter=Q(status=S.WAITLISTED)),
        cancelled=Count("id", filter=Q(status=S.CANCELLED)),
        attended=Count("id", filter=confirmed & Q(attended=True)),
        social_tariff=Count("id", filter=confirmed & Q(social_tariff=True)),
        persons=Sum("adults", filter=confirmed),
        children=Sum("children", filter=confirmed),
    )
    total = figures["registrations"] or 0
    figures["social_tariff_share"] = round(100 * figures["social_tariff"] / total) if total else 0
    return figures


def sessions_for_manage(activity: Activity):
    return activity.sessions.with_taken().select_related("activity").order_by("starts_at")


def latest_news(*, house, limit: int = 20):
    return NewsItem.objects.public(house).select_related("organisation")[:limit]


def home_summary(house, *, sessions: int = 3, news: int = 3) -> dict:
    """For the house home page: the next activities and the latest news."""
    return {
        "next_sessions": list(upcoming_sessions(house=house, limit=sessions, with_places=False)),
        "latest_news": list(latest_news(house=house, limit=news)),
    }
