"""Changes to the partners' library, registrations for trainings and the monthly digest. Every
change of the library and of registrations lands in the audit trail."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.core.mail import send_templated_mail_on_commit
from huisvanhetkind.core.services import model_update
from huisvanhetkind.knowledge import selectors
from huisvanhetkind.knowledge.models import (
    DigestOptOut,
    DigestSent,
    LibraryItem,
    TrainingRegistration,
)

A = AuditEvent.Action
FIELDS = (
    "kind",
    "title",
    "topic",
    "domain",
    "body",
    "url",
    "contact_name",
    "contact_organisation",
    "contact_details",
)


def item_create(*, house, actor, organisation, data: dict, upload=None) -> LibraryItem:
    """A partner's professional (or the coordinator, ``organisation`` None) adds an item."""
    with transaction.atomic():
        item = LibraryItem(
            house=house,
            organisation=organisation,
            added_by=actor,
            **{field: data.get(field) or _empty(field) for field in FIELDS},
        )
        if upload is not None:
            item.file_name = upload.name[:200]
            item.file.save(upload.name, upload, save=False)
        item.save()
        audit_record(
            actor=actor,
            action=A.CREATE,
            target=item,
            house=house,
            organisation=organisation,
            changes={"title": [None, item.title], "kind": [None, item.kind]},
        )
    return item


def _empty(field):
    return None if field in ("domain", "contact_organisation") else ""


def item_update(*, item: LibraryItem, actor, data: dict, upload=None) -> dict:
    with transaction.atomic():
        # Read again: a ModelForm has already set the new values on the instance it was given.
        item = LibraryItem.objects.select_for_update().select_related("house").get(pk=item.pk)
        changes = model_update(
            instance=item, data={field: data.get(field) or _empty(field) for field in FIELDS}
        )
        if upload is not None:
            old = item.file.name
            item.file_name = upload.name[:200]
            item.file.save(upload.name, upload, save=True)
            changes["file_name"] = [old, item.file_name]
            if old:
                item.file.storage.delete(old)
        if changes:
            audit_record(
                actor=actor,
                action=A.UPDATE,
                target=item,
                house=item.house,
                organisation=item.organisation,
                changes=changes,
            )
    return changes


def item_delete(*, item: LibraryItem, actor) -> None:
    with transaction.atomic():
        audit_record(
            actor=actor,
            action=A.DELETE,
            target=item,
            house=item.house,
            organisation=item.organisation,
            changes={"title": [item.title, None]},
        )
        name = item.file.name
        storage = item.file.storage
        item.delete()
        if name:
            transaction.on_commit(lambda: storage.delete(name))


def document_read(*, item: LibraryItem, actor) -> None:
    audit_record(actor=actor, action=A.READ, target=item, house=item.house)


def training_register(*, session, user, organisation) -> TrainingRegistration:
    """A professional registers for a session of a training; once per session."""
    if session.is_cancelled or session.ends_at < timezone.now():
        raise ValidationError(_("Inschrijven voor dit moment kan niet meer."))
    capacity = session.activity.capacity
    try:
        with transaction.atomic():
            if capacity:
                taken = TrainingRegistration.objects.filter(session=session).count()
                if taken >= capacity:
                    raise ValidationError(_("Deze vorming is volzet."))
            registration = TrainingRegistration.objects.create(
                session=session, user=user, organisation=organisation
            )
            audit_record(
                actor=user,
                action=A.CREATE,
                target=registration,
                house=session.activity.house,
                organisation=organisation,
            )
    except IntegrityError:
        raise ValidationError(_("Je bent al ingeschreven voor dit moment.")) from None
    return registration


def training_unregister(*, session, user) -> bool:
    with transaction.atomic():
        registration = TrainingRegistration.objects.filter(session=session, user=user).first()
        if registration is None or registration.attended is not None:
            return False
        audit_record(
            actor=user,
            action=A.DELETE,
            target=registration,
            house=session.activity.house,
            organisation=registration.organisation,
        )
        registration.delete()
    return True


def attendance_mark(*, session, actor, present_ids: set[int]) -> int:
    """The organiser marks who attended (the others: absent); returns how many changed."""
    changed = 0
    with transaction.atomic():
        for registration in TrainingRegistration.objects.select_for_update().filter(
            session=session
        ):
            attended = registration.pk in present_ids
            if registration.attended is attended:
                continue
            audit_record(
                actor=actor,
                action=A.UPDATE,
                target=registration,
                house=session.activity.house,
                changes={"attended": [registration.attended, attended]},
            )
            registration.attended = attended
            registration.save(update_fields=["attended"])
            changed += 1
    return changed


def digest_opt_out_set(*, user, opt_out: bool) -> None:
    """A professional's own choice, no family's data: not in the audit trail."""
    if opt_out:
        DigestOptOut.objects.get_or_create(user=user)
    else:
        DigestOptOut.objects.filter(user=user).delete()


def month_start(day: date) -> date:
    return day.replace(day=1)


def digests_send(*, today: date | None = None) -> int:
    """Send each house's monthly digest to the professionals of its active partners (not to
    those who opted out); returns how many e-mails went out. A (house, user, month) is claimed
    before sending, so a second run in the same month sends nobody a second one."""
    today = today or timezone.localdate()
    month = month_start(today)
    since = month_start(month - timedelta(days=1))
    sent = 0
    for house in selectors.digest_houses():
        recipients = selectors.digest_recipients(house, month)
        if not recipients:
            continue
        with translation.override("nl"):
            content = selectors.digest_content(house, since=since, until=month)
        for user in recipients:
            with transaction.atomic():
                _claim, created = DigestSent.objects.get_or_create(
                    house=house, user=user, month=month
                )
                if not created:
                    continue
                send_templated_mail_on_commit(
                    to=[user.email],
                    template="knowledge/email/digest",
                    context={"house": house, "month": month, "since": since, **content},
                )
                sent += 1
    return sent


def digests_send_if_first(*, today: date | None = None) -> int:
    """The daily job: send the digests on the first day of the month; a run missed then is
    caught up in the first week (``DigestSent`` keeps it at one e-mail per user and month)."""
    today = today or timezone.localdate()
    if today.day > 7:
        return 0
    return digests_send(today=today)
