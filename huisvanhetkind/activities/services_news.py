"""Every write about news and photos: saving a news item, and removing the photos of activities
past the retention period and the files no record names any more.

The writes about activities and their sessions are in ``services`` (this module uses its audit
helpers), those about registrations in ``services_registrations``.
"""

from datetime import timedelta

import nh3
from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from huisvanhetkind.activities.models import Activity, NewsItem, delete_photo_on_commit
from huisvanhetkind.activities.services import _changes, _drop_replaced_photo, _values
from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record

NEWS_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "h2", "h3", "blockquote"}


# --- News ---------------------------------------------------------------------------------------


def clean_html(html: str) -> str:
    return nh3.clean(html, tags=NEWS_TAGS, attributes={"a": {"href"}})


def news_save(*, item: NewsItem, actor) -> NewsItem:
    with transaction.atomic():
        is_new = item.pk is None
        stored = None if is_new else NewsItem.objects.select_for_update().filter(pk=item.pk).first()
        item.body = clean_html(item.body)
        if is_new:
            item.created_by = actor if getattr(actor, "is_authenticated", False) else None
        before = _values(stored)
        item.save()
        audit_record(
            actor=actor,
            action=AuditEvent.Action.CREATE if is_new else AuditEvent.Action.UPDATE,
            target=item,
            house=item.house,
            changes=_changes(before, _values(item)),
        )
        _drop_replaced_photo(item.image, stored.image.name if stored else "")
    return item


# --- Photos -------------------------------------------------------------------------------------


def photo_retention_days() -> int:
    return getattr(settings, "ACTIVITY_PHOTO_RETENTION_DAYS", 365)


# A file in a photo folder that no record names is removed only when it is older than this: a
# photo being saved right now is written before its record.
ORPHAN_GRACE = timedelta(days=1)
PRESENT = "<present>"
PHOTO_FOLDERS = ("activities", "news")


def photos_erase_expired(*, now=None) -> dict:
    """Remove the photos that are no longer needed: those of activities whose last session
    ended more than ACTIVITY_PHOTO_RETENTION_DAYS ago (or, without sessions, that were not
    changed for as long), and files in the photo folders that no activity or news item names
    any more (left by a deleted or changed record). Returns how many of each were removed."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=photo_retention_days())
    expired = (
        Activity.objects.exclude(image="")
        .annotate(last_end=Max("sessions__ends_at"))
        .filter(Q(last_end__lt=cutoff) | Q(last_end__isnull=True, updated_at__lt=cutoff))
        .select_related("house")
    )
    activities = 0
    with transaction.atomic():
        for activity in expired:
            # Only while it has the photo: a second run of the task beside this one does nothing.
            if not Activity.objects.filter(pk=activity.pk, image=activity.image.name).update(
                image="", image_alt=""
            ):
                continue
            delete_photo_on_commit(activity.image)
            audit_record(
                actor=None,
                action=AuditEvent.Action.ERASE,
                target=activity,
                house=activity.house,
                reason=_("bewaartermijn van de foto verstreken"),
                # That there was a photo, not its name or description (they may name a child).
                changes={
                    "image": [PRESENT, None],
                    "image_alt": [PRESENT if activity.image_alt else "", None],
                },
            )
            activities += 1
    return {"activities": activities, "orphans": _photos_erase_orphans(now=now)}


def _photos_erase_orphans(*, now) -> int:
    storage = Activity._meta.get_field("image").storage
    named = set(Activity.objects.exclude(image="").values_list("image", flat=True))
    named |= set(NewsItem.objects.exclude(image="").values_list("image", flat=True))
    removed = 0
    for folder in PHOTO_FOLDERS:
        try:
            _dirs, files = storage.listdir(folder)
        except FileNotFoundError:
            continue
        for file_name in files:
            name = f"{folder}/{file_name}"
            if name in named or storage.get_modified_time(name) > now - ORPHAN_GRACE:
                continue
            storage.delete(name)
            removed += 1
    return removed
