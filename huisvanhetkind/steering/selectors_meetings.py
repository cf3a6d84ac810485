"""Reads of the groups' meetings and the partner consultation (each in a fixed number of
queries)."""

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from huisvanhetkind.network.models import Group, GroupMembership, House
from huisvanhetkind.steering.models import (
    AgendaItem,
    Attendance,
    Decision,
    Meeting,
    PartnerFeedback,
)


def groups_with_meetings(groups: list[Group]) -> list[dict]:
    """Per group: its next meetings and its last five past meetings."""
    now = timezone.now()
    ids = [g.pk for g in groups]
    upcoming, past = {}, {}
    for meeting in (
        Meeting.objects.filter(group_id__in=ids, ends_at__gte=now)
        .annotate(points=Count("agenda"))
        .order_by("starts_at")
    ):
        upcoming.setdefault(meeting.group_id, []).append(meeting)
    for meeting in Meeting.objects.filter(group_id__in=ids, ends_at__lt=now).order_by("-starts_at"):
        past.setdefault(meeting.group_id, []).append(meeting)
    return [
        {"group": g, "upcoming": upcoming.get(g.pk, []), "past": past.get(g.pk, [])[:5]}
        for g in groups
    ]


def group_members(group: Group) -> list[GroupMembership]:
    return list(GroupMembership.objects.filter(group=group).select_related("user", "organisation"))


def meeting_detail(meeting: Meeting) -> Meeting:
    """The meeting with its agenda, attendance, decisions (and their actions) and documents."""
    return (
        Meeting.objects.select_related("group__house")
        .prefetch_related(
            Prefetch("agenda", queryset=AgendaItem.objects.select_related("author")),
            Prefetch("attendance", queryset=Attendance.objects.select_related("user")),
            Prefetch(
                "decisions",
                queryset=Decision.objects.select_related("owner", "action__plan"),
            ),
            "documents",
        )
        .get(pk=meeting.pk)
    )


def feedback_of_year(house: House, year: int) -> list[PartnerFeedback]:
    return list(
        PartnerFeedback.objects.filter(house=house, year=year).select_related(
            "organisation", "author"
        )
    )


def feedback_of(house: House, year: int, organisation_ids) -> dict:
    return {
        f.organisation_id: f
        for f in PartnerFeedback.objects.filter(
            Q(organisation_id__in=organisation_ids), house=house, year=year
        )
    }
