"""Background work of the childcare desk (run by `huisvanhetkind db_worker`)."""

from datetime import timedelta

from django.utils import timezone, translation
from django_tasks import task

from huisvanhetkind.catalogue.csv_import import CsvFileError
from huisvanhetkind.childcare import csv_import
from huisvanhetkind.childcare.models import ChildcareImport, ChildcareLocation, ImportStatus
from huisvanhetkind.network.reminders import remind_organisations

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
    return remind_organisations(
        due,
        organisation_of=lambda childcare: childcare.service.organisation,
        stamp_field="places_reminder_sent_at",
        again_after=REMIND_AGAIN_AFTER,
        now=now,
        template="childcare/email/places_reminder",
        items_name="locations",
    )


IMPORT_RETENTION = timedelta(days=90)


@task()
def erase_old_imports() -> int:
    """Delete the records of imports older than 90 days (they hold the uploaded list)."""
    deleted, _details = ChildcareImport.objects.filter(
        created_at__lt=timezone.now() - IMPORT_RETENTION
    ).delete()
    return deleted
