"""Reminders to partner organisations about records they should check (the catalogue's yearly
check of an offer, the childcare locations' free places): one e-mail per organisation, to its
admins or else its own address, at most once per ``again_after`` per record."""

from datetime import datetime, timedelta
from itertools import groupby

from django.db import transaction
from django.db.models import QuerySet

from huisvanhetkind.core.mail import send_templated_mail_on_commit
from huisvanhetkind.network.selectors import organisation_admin_emails


def remind_organisations(
    due: QuerySet,
    *,
    organisation_of,
    stamp_field: str,
    again_after: timedelta,
    now: datetime,
    template: str,
    items_name: str,
) -> int:
    """E-mail each organisation its records of ``due`` (ordered by organisation), stamp them
    with ``now`` in ``stamp_field``, and return how many e-mails were sent.

    ``due`` already leaves out the records stamped within ``again_after``. Each organisation's
    records are locked and checked again before the e-mail: a run beside this one (a task
    requeued while its first worker still ran) finds them stamped and sends nothing."""
    recently = {f"{stamp_field}__gt": now - again_after}
    sent = 0
    for organisation, group in groupby(due, key=organisation_of):
        records = list(group)
        recipients = organisation_admin_emails(organisation) or (
            [organisation.email] if organisation.email else []
        )
        if not recipients:
            continue
        with transaction.atomic():
            still_due = set(
                due.model.objects.select_for_update()
                .filter(pk__in=[record.pk for record in records])
                .exclude(**recently)
                .values_list("pk", flat=True)
            )
            records = [record for record in records if record.pk in still_due]
            if not records:
                continue
            send_templated_mail_on_commit(
                to=recipients,
                template=template,
                context={"organisation": organisation, items_name: records},
            )
            due.model.objects.filter(pk__in=still_due).update(**{stamp_field: now})
        sent += 1
    return sent
