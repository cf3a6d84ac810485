"""Compute the keyed e-mail digest (core.digests, FAMILY_DIGEST_KEYS) of existing appointments
from their decrypted e-mail address, in batches; erased appointments stay empty. The reverse
empties them again (the previous migration then drops the column)."""

from django.db import migrations

from huisvanhetkind.core.digests import EMAIL, contact_digest

BATCH_SIZE = 500


def fill_digests(apps, schema_editor):
    Appointment = apps.get_model("appointments", "Appointment")
    last_pk = 0
    while True:
        batch = list(
            Appointment.objects.filter(pk__gt=last_pk, erased_at__isnull=True)
            .only("pk", "email")
            .order_by("pk")[:BATCH_SIZE]
        )
        if not batch:
            break
        for appointment in batch:
            appointment.email_digest = contact_digest(appointment.email, EMAIL)
        Appointment.objects.bulk_update(batch, ["email_digest"])
        last_pk = batch[-1].pk


def empty_digests(apps, schema_editor):
    Appointment = apps.get_model("appointments", "Appointment")
    Appointment.objects.exclude(email_digest="").update(email_digest="")


class Migration(migrations.Migration):
    dependencies = [("appointments", "0002_appointment_email_digest")]

    operations = [migrations.RunPython(fill_digests, empty_digests, elidable=True)]
