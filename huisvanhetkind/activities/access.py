"""Who may manage which activity, session, registration and news item. Outsiders get a 404."""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from huisvanhetkind.activities.models import Activity, NewsItem, Session
from huisvanhetkind.network.access import (
    coordinated_house_ids,
    is_coordinator,
    is_platform_admin,
    member_organisation_ids,
)
from huisvanhetkind.network.models import House, Organisation, Partnership


def can_manage_activity(user, activity: Activity) -> bool:
    """The coordinator of the activity's house, and the members of its organising partners."""
    if is_coordinator(user, activity.house):
        return True
    mine = member_organisation_ids(user)
    return bool(mine) and any(o.pk in mine for o in activity.organisations.all())


def house_partner_ids(user, house) -> set[int]:
    """The user's organisations that are partners of ``house``."""
    mine = member_organisation_ids(user)
    if not mine:
        return set()
    return set(
        Partnership.objects.filter(house=house, organisation__in=mine).values_list(
            "organisation_id", flat=True
        )
    )


def can_publish_in_house(user, house) -> bool:
    return is_coordinator(user, house) or bool(house_partner_ids(user, house))


def get_activity_for_user(user, pk) -> Activity:
    activity = get_object_or_404(
        Activity.objects.select_related("house").prefetch_related("organisations"), pk=pk
    )
    if not can_manage_activity(user, activity):
        raise Http404
    return activity


def get_session_for_user(user, pk) -> Session:
    session = get_object_or_404(
        Session.objects.select_related("activity__house").prefetch_related(
            "activity__organisations"
        ),
        pk=pk,
    )
    if not can_manage_activity(user, session.activity):
        raise Http404
    return session


def get_house_for_publisher(user, house):
    if house is None or not can_publish_in_house(user, house):
        raise Http404
    return house


def get_news_for_user(user, house, pk) -> NewsItem:
    get_house_for_publisher(user, house)
    item = get_object_or_404(NewsItem.objects.filter(house=house), pk=pk)
    if is_coordinator(user, house) or is_platform_admin(user):
        return item
    if item.organisation_id not in member_organisation_ids(user):
        raise Http404
    return item


def importable_organisations(user, house):
    """The organisations a user may import an iCalendar feed for in ``house``: for the
    coordinator every active partner of the house, for a member their own active partners."""
    partners = Organisation.objects.filter(
        partnerships__house=house, partnerships__status=Partnership.Status.ACTIVE
    )
    if not is_coordinator(user, house):
        partners = partners.filter(pk__in=member_organisation_ids(user))
    return partners.distinct().order_by("name")


def get_organisation_for_import(user, house, pk) -> Organisation:
    if house is None:
        raise Http404
    return get_object_or_404(importable_organisations(user, house), pk=pk)


def import_houses(user):
    """The houses where a user may import an iCalendar feed (see ``importable_organisations``):
    the ones they coordinate and those where one of their organisations is an active partner."""
    partner_of = Partnership.objects.filter(
        organisation_id__in=member_organisation_ids(user), status=Partnership.Status.ACTIVE
    ).values("house_id")
    return House.objects.filter(
        Q(pk__in=coordinated_house_ids(user)) | Q(pk__in=partner_of)
    ).order_by("name")
