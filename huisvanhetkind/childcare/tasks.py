"""Background work of the childcare desk (run by `huisvanhetkind db_worker`)."""

from datetime import timedelta
from itertools import groupby

from django.db import transaction
from django.utils import timezone, translation
from django_tasks import task

from huisvanhetkind.catalogue.csv_import import CsvFileError
from huisvanhetkind.childcare import csv_import
from huisvanhetkind.childcare.models import ChildcareImport, ChildcareLocation, ImportStatus
from huisvanhetkind.core.mail import send_templated_mail_on_commit
from huisvanhetkind.network.models import Role

REMIND_AGAIN_AFTER = timedelta(days=14)


@task()
def run_import(*, import_id: int, language: str = "nl") -> dict:
    """Import the official list the desk confirmed, recording how far it got (the status page
    shows it as a progress bar). The task's arguments hold only an id and a language.

    An import left running by a worker that died is run again when its task is requeued
    (core.requeue): rows are matched by dossier number, so a second pass changes nothing twice.
    A finished or failed import is never run again."""
    record = ChildcareImport.objects.select_related("house", "actor").filter(pk=import_id).first()
    if record is None or not ChildcareImport.objects.filter(
        pk=record.pk, status__in=[ImportStatus.WAITING, ImportStatus.RUNNING]
    ).update(status=ImportStatus.RUNNING):
        return {"skipped": True}

    def progress(done: int, total: int) -> None:
        ChildcareImport.objects.filter(pk=record.pk).update(done=done, total=total)

    with translation.override(language):
        try:
            outcome = csv_import.apply(
                record.content.encode("utf-8"),
                house=record.house,
                actor=record.actor,
                progress=progress,
            )
        except CsvFileError as error:
            outcome = {"error": str(error)}
        except Exception:
            ChildcareImport.objects.filter(pk=record.pk).update(
                status=ImportStatus.FAILED, finished_at=timezone.now()
            )
            raise
    ChildcareImport.objects.filter(pk=record.pk).update(
        status=ImportStatus.DONE, outcome=outcome, finished_at=timezone.now()
    )
    return outcome


@task()
def send_places_reminders() -> int:
    """E-mail each provider the locations whose free places it did not confirm for 30 days;
    return how many e-mails were sent. A provider is reminded again at most every 14 days.
    The same rule as the catalogue's yearly check of an offer, at the pace of free places."""
    now = timezone.now()
    due = (
        ChildcareLocation.objects.places_stale(now)
        .filter(service__status="published")
        .exclude(places_reminder_sent_at__gt=now - REMIND_AGAIN_AFTER)
        .select_related("service", "service__organisation")
        .order_by("service__organisation_id", "service__name")
    )
    sent = 0
    for organisation, group in groupby(due, key=lambda c: c.service.organisation):
        locations = list(group)
        admins = list(
            Role.objects.filter(
                organisation=organisation, kind=Role.Kind.ORGANISATION_ADMIN
            ).values_list("user__email", flat=True)
        )
        recipients = admins or ([organisation.email] if organisation.email else [])
        if not recipients:
            continue
        with transaction.atomic():
            # Locked and checked again: a run beside this one (a task requeued while its first
            # worker still ran) finds them reminded and sends nothing.
            still_due = set(
                ChildcareLocation.objects.select_for_update()
                .filter(pk__in=[c.pk for c in locations])
                .exclude(places_reminder_sent_at__gt=now - REMIND_AGAIN_AFTER)
                .values_list("pk", flat=True)
            )
            locations = [c for c in locations if c.pk in still_due]
            if not locations:
                continue
            send_templated_mail_on_commit(
                to=recipients,
                template="childcare/email/places_reminder",
                context={"organisation": organisation, "locations": locations},
            )
            ChildcareLocation.objects.filter(pk__in=still_due).update(places_reminder_sent_at=now)
        sent += 1
    return sent


IMPORT_RETENTION = timedelta(days=90)


@task()
def erase_old_imports() -> int:
    """Delete the records of imports older than 90 days (they hold the uploaded list)."""
    deleted, _details = ChildcareImport.objects.filter(
        created_at__lt=timezone.now() - IMPORT_RETENTION
    ).delete()
    return deleted
