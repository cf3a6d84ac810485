"""Reads about activities that the views, feeds and API share."""

from datetime import date, datetime, time, timedelta

from django.db.models import Count, F, OuterRef, Q, Subquery, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.activities.calendar import period_days
from huisvanhetkind.activities.models import Activity, NewsItem, Registration, Session
from huisvanhetkind.activities.workflow import RegistrationStatus
from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.network.access import (
    acting_organisation,
    coordinated_house_ids,
    is_platform_admin,
    member_organisation_ids,
)
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
):
    """Upcoming public sessions of a house, filtered, soonest first, with their free places
    annotated (unless ``with_places`` is false: a feed does not show them).

    Two steps, so that the cost follows ``limit`` rather than the size of the calendar: the
    filters choose the house's published activities, whose next ``limit`` sessions are found
    on the (activity, end) index without joins or DISTINCT; only those sessions are then read
    with their activity and the places taken (two small subqueries per session).
    """
    activities = Activity.objects.public().filter(house=house)
    if activity is not None:
        activities = activities.filter(pk=activity.pk)
    if age_group:
        activities = activities.filter(age_groups__slug=age_group)
    if domain:
        activities = activities.filter(domains__slug=domain)
    if municipality:
        activities = activities.filter(location__municipality__nis_code=municipality)
    if price == "free":
        activities = activities.filter(is_free=True)
    elif price == "social":
        activities = activities.filter(Q(is_free=True) | Q(social_tariff=True))
    if organisation:
        activities = activities.filter(organisations=organisation)
    sessions = Session.objects.upcoming().filter(activity__in=activities.values("pk"))
    first_day, end_day = period_days(period, timezone.localdate())
    if first_day is not None:
        sessions = sessions.filter(starts_at__gte=_local_midnight(first_day))
    if end_day is not None:
        sessions = sessions.filter(starts_at__lt=_local_midnight(end_day))
    # A day or a week of the calendar (local dates, both included), as a range on starts_at.
    if date_from is not None:
        sessions = sessions.filter(starts_at__gte=_local_midnight(date_from))
    if date_to is not None:
        sessions = sessions.filter(starts_at__lt=_local_midnight(date_to + timedelta(days=1)))
    next_ids = sessions.order_by("starts_at", "id").values("pk")[offset : offset + limit]
    found = (
        Session.objects.filter(pk__in=next_ids)
        .select_related("activity", "activity__location", "activity__location__municipality")
        # A list shows an activity's title, place and price, not its long texts.
        .defer("activity__description", "activity__exception_dates")
        .order_by("starts_at", "id")
    )
    if not with_places:
        return found
    confirmed = (
        Registration.objects.filter(session=OuterRef("pk"), status=S.CONFIRMED)
        .order_by()
        .values("session")
    )
    return found.annotate(
        taken_registrations=Subquery(confirmed.annotate(n=Count("pk")).values("n")),
        taken_persons=Subquery(confirmed.annotate(n=Sum(F("adults") + F("children"))).values("n")),
    )


def calendar_filters(house) -> dict:
    """The choices of the calendar's filters (kept by the process: network.selectors)."""
    return house_reference_lists(house)


def public_activity(*, house, pk: int) -> Activity | None:
    return (
        Activity.objects.public()
        .filter(house=house, pk=pk)
        .select_related("location__municipality", "house")
        .prefetch_related("organisations", "age_groups", "domains")
        .first()
    )


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
