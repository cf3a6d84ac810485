"""Background work of the catalogue (run by `huisvanhetkind db_worker`)."""

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.network.reminders import remind_organisations

REMIND_AGAIN_AFTER = timedelta(days=30)


@task()
def send_verification_reminders() -> int:
    """E-mail each organisation the services it has not checked for 12 months; return how many
    e-mails were sent. An organisation is reminded again at most every 30 days."""
    now = timezone.now()
    due = (
        Service.objects.needing_verification(now)
        .exclude(verification_reminder_sent_at__gt=now - REMIND_AGAIN_AFTER)
        .select_related("organisation")
        .order_by("organisation_id", "name")
    )
    return remind_organisations(
        due,
        organisation_of=lambda service: service.organisation,
        stamp_field="verification_reminder_sent_at",
        again_after=REMIND_AGAIN_AFTER,
        now=now,
        template="catalogue/email/verification_reminder",
        items_name="services",
    )
