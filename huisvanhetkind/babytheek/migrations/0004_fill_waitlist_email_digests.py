"""Compute the keyed e-mail digest (core.digests, FAMILY_DIGEST_KEYS) of existing waitlist
entries from their decrypted e-mail address, in batches. The reverse empties them again (the
previous migration then drops the column)."""

from django.db import migrations

from huisvanhetkind.core.digests import EMAIL, contact_digest

BATCH_SIZE = 500


def fill_digests(apps, schema_editor):
    WaitlistEntry = apps.get_model("babytheek", "WaitlistEntry")
    last_pk = 0
    while True:
        batch = list(
            WaitlistEntry.objects.filter(pk__gt=last_pk).only("pk", "email").order_by("pk")[
                :BATCH_SIZE
            ]
        )
        if not batch:
            break
        for entry in batch:
            entry.email_digest = contact_digest(entry.email, EMAIL)
        WaitlistEntry.objects.bulk_update(batch, ["email_digest"])
        last_pk = batch[-1].pk


def empty_digests(apps, schema_editor):
    WaitlistEntry = apps.get_model("babytheek", "WaitlistEntry")
    WaitlistEntry.objects.exclude(email_digest="").update(email_digest="")


class Migration(migrations.Migration):
    dependencies = [("babytheek", "0003_waitlist_email_digest_and_membership_erase_request")]

    operations = [migrations.RunPython(fill_digests, empty_digests, elidable=True)]
