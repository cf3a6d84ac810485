"""Reads about activities that the views, feeds and API share."""

from datetime import date, datetime, time, timedelta

from django.db.models import Count, Q, Sum
from django.utils import timezone

from huisvanhetkind.activities.models import Activity, NewsItem, Registration, Session
from huisvanhetkind.activities.workflow import RegistrationStatus
from huisvanhetkind.network.models import AgeGroup, Domain

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
    date_from: date | None = None,
    date_to: date | None = None,
):
    """Upcoming public sessions of a house, filtered, with their free places annotated."""
    sessions = Session.objects.public(house).upcoming().with_taken()
    if activity is not None:
        sessions = sessions.filter(activity=activity)
    if age_group:
        sessions = sessions.filter(activity__age_groups__slug=age_group)
    if domain:
        sessions = sessions.filter(activity__domains__slug=domain)
    if municipality:
        sessions = sessions.filter(activity__location__municipality__nis_code=municipality)
    if price == "free":
        sessions = sessions.filter(activity__is_free=True)
    elif price == "social":
        sessions = sessions.filter(Q(activity__is_free=True) | Q(activity__social_tariff=True))
    if organisation:
        sessions = sessions.filter(activity__organisations=organisation)
    today = timezone.localdate()
    if period == "week":
        end = today + timedelta(days=7 - today.weekday())
        sessions = sessions.filter(starts_at__date__lt=end)
    elif period == "weekend":
        saturday = today + timedelta(days=(5 - today.weekday()) % 7)
        if today.weekday() == 6:
            saturday = today - timedelta(days=1)
        sessions = sessions.filter(
            starts_at__date__gte=saturday, starts_at__date__lte=saturday + timedelta(days=1)
        )
    # A day or a week of the calendar (local dates, both included), as a range on starts_at.
    if date_from is not None:
        sessions = sessions.filter(starts_at__gte=_local_midnight(date_from))
    if date_to is not None:
        sessions = sessions.filter(starts_at__lt=_local_midnight(date_to + timedelta(days=1)))
    return sessions.distinct().order_by("starts_at", "id")[:limit]


def calendar_filters(house) -> dict:
    return {
        "age_groups": AgeGroup.objects.all(),
        "domains": Domain.objects.all(),
        "municipalities": house.municipalities.all(),
    }


def public_activity(*, house, pk: int) -> Activity | None:
    return (
        Activity.objects.published()
        .filter(house=house, pk=pk)
        .select_related("location__municipality", "house")
        .prefetch_related("organisations", "age_groups", "domains")
        .first()
    )


def activities_for_user(user, house=None):
    """Activities a professional may manage: their organisations' and, for a coordinator, all
    of the house's."""
    from huisvanhetkind.network.access import coordinated_house_ids, is_platform_admin, roles_of

    qs = Activity.objects.select_related("house").prefetch_related("organisations")
    if house is not None:
        qs = qs.filter(house=house)
    if is_platform_admin(user):
        return qs
    organisation_ids = {r.organisation_id for r in roles_of(user) if r.organisation_id}
    house_ids = coordinated_house_ids(user)
    return qs.filter(Q(organisations__in=organisation_ids) | Q(house__in=house_ids)).distinct()


def session_registrations(session: Session):
    return session.registrations.exclude(status=S.CANCELLED).order_by("status", "created_at", "id")


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
        "next_sessions": list(upcoming_sessions(house=house, limit=sessions)),
        "latest_news": list(latest_news(house=house, limit=news)),
    }
