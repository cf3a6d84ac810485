"""Reads of the partners' library, the trainings for professionals and the monthly digest."""

from datetime import date, datetime, time

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from huisvanhetkind.activities.models import Activity, NewsItem, Session
from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.knowledge.models import DigestOptOut, DigestSent, LibraryItem
from huisvanhetkind.network.models import House, Organisation, Partnership, Role
from huisvanhetkind.steering.models import Meeting

LIST_LIMIT = 200


def library_items(*, house: House, query: str = "", topic: str = "", domain: str = "", kind=""):
    items = LibraryItem.objects.filter(house=house).select_related(
        "domain", "organisation", "contact_organisation"
    )
    if topic:
        items = items.filter(topic__iexact=topic)
    if domain:
        items = items.filter(domain__slug=domain)
    if kind:
        items = items.filter(kind=kind)
    for word in query.split()[:8]:
        items = items.filter(
            Q(title__icontains=word)
            | Q(topic__icontains=word)
            | Q(body__icontains=word)
            | Q(contact_name__icontains=word)
        )
    return items.defer("body")[:LIST_LIMIT]


def library_topics(house: House) -> list[str]:
    return sorted(
        set(LibraryItem.objects.filter(house=house).values_list("topic", flat=True)),
        key=str.lower,
    )


def training_sessions(*, house: House, since=None):
    """The coming sessions of the house's published trainings for professionals."""
    return (
        Session.objects.filter(
            activity__house=house,
            activity__audience=Activity.Audience.PROFESSIONALS,
            activity__status=Activity.Status.PUBLISHED,
            ends_at__gte=since or timezone.now(),
        )
        .select_related("activity", "activity__location")
        .order_by("starts_at", "id")[:LIST_LIMIT]
    )


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def digest_houses():
    return House.objects.filter(is_active=True).order_by("pk")


def digest_recipients(house: House, month: date) -> list:
    """The professionals of the house's active partners with an e-mail address, who did not
    opt out and did not get this month's digest yet."""
    partners = Partnership.objects.filter(house=house, status=Partnership.Status.ACTIVE)
    users = (
        get_user_model()
        .objects.filter(
            is_active=True,
            roles__organisation_id__in=partners.values("organisation_id"),
            roles__kind__in=(Role.Kind.ORGANISATION_ADMIN, Role.Kind.ORGANISATION_WORKER),
        )
        .exclude(email="")
        .exclude(pk__in=DigestOptOut.objects.values("user_id"))
        .exclude(pk__in=DigestSent.objects.filter(house=house, month=month).values("user_id"))
        .distinct()
        .order_by("pk")
    )
    return list(users)


def digest_content(house: House, *, since: date, until: date) -> dict:
    """What happened in the house's network in [since, until) and what is coming."""
    start, end = _midnight(since), _midnight(until)
    now = timezone.now()
    new_partners = Organisation.objects.filter(
        partnerships__house=house,
        partnerships__status=Partnership.Status.ACTIVE,
        partnerships__since__gte=since,
        partnerships__since__lt=until,
    ).order_by("name")
    services = (
        Service.objects.published()
        .in_house(house)
        .filter(updated_at__gte=start, updated_at__lt=end)
        .select_related("organisation")
        .order_by("name")
    )
    new_services = [s for s in services if s.created_at >= start]
    changed_services = [s for s in services if s.created_at < start]
    meetings = (
        Meeting.objects.filter(group__house=house, starts_at__gte=now)
        .select_related("group")
        .order_by("starts_at")[:20]
    )
    news = NewsItem.objects.public(house).filter(published_at__gte=start, published_at__lt=end)
    return {
        "new_partners": list(new_partners),
        "new_services": new_services[:50],
        "changed_services": changed_services[:50],
        "meetings": list(meetings),
        "trainings": list(training_sessions(house=house, since=now)[:20]),
        "news": list(news[:20]),
    }
