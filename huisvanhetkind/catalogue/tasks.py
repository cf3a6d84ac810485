"""Background work of the catalogue (run by `huisvanhetkind db_worker`)."""

from datetime import timedelta
from itertools import groupby

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.core.mail import send_templated_mail_on_commit
from huisvanhetkind.network.models import Role

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
    sent = 0
    for organisation, group in groupby(due, key=lambda service: service.organisation):
        services = list(group)
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
                Service.objects.select_for_update()
                .filter(pk__in=[s.pk for s in services])
                .exclude(verification_reminder_sent_at__gt=now - REMIND_AGAIN_AFTER)
                .values_list("pk", flat=True)
            )
            services = [s for s in services if s.pk in still_due]
            if not services:
                continue
            send_templated_mail_on_commit(
                to=recipients,
                template="catalogue/email/verification_reminder",
                context={"organisation": organisation, "services": services},
            )
            Service.objects.filter(pk__in=still_due).update(verification_reminder_sent_at=now)
        sent += 1
    return sent
