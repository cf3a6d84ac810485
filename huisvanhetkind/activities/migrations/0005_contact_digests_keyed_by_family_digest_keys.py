"""Registrations' contact digests move from a key derived from SECRET_KEY to the platform's
family digest keys (core.digests, FAMILY_DIGEST_KEYS), with phone numbers normalised to E.164:
recomputed in batches from the decrypted e-mail address and phone number. Erased registrations
stay empty. The reverse recomputes the digests as they were before."""

import hashlib
import hmac

from django.conf import settings
from django.db import migrations

from huisvanhetkind.core.digests import EMAIL, PHONE, contact_digest

BATCH_SIZE = 500


def _previous_digest(value: str) -> str:
    """The digest before this migration (activities.models.contact_digest until then)."""
    normalised = "".join(value.split()).lower()
    if not normalised:
        return ""
    key = hashlib.sha256(b"huisvanhetkind.activities.contact:" + settings.SECRET_KEY.encode())
    return hmac.new(key.digest(), normalised.encode(), hashlib.sha256).hexdigest()


def _recompute(apps, email_digest, phone_digest):
    Registration = apps.get_model("activities", "Registration")
    last_pk = 0
    while True:
        batch = list(
            Registration.objects.filter(pk__gt=last_pk, erased_at__isnull=True)
            .only("pk", "email", "phone")
            .order_by("pk")[:BATCH_SIZE]
        )
        if not batch:
            break
        for registration in batch:
            registration.email_digest = email_digest(registration.email)
            registration.phone_digest = phone_digest(registration.phone)
        Registration.objects.bulk_update(batch, ["email_digest", "phone_digest"])
        last_pk = batch[-1].pk


def to_family_digest_keys(apps, schema_editor):
    _recompute(
        apps,
        email_digest=lambda value: contact_digest(value, EMAIL),
        phone_digest=lambda value: contact_digest(value, PHONE),
    )


def to_previous_digests(apps, schema_editor):
    _recompute(apps, email_digest=_previous_digest, phone_digest=_previous_digest)


class Migration(migrations.Migration):
    dependencies = [("activities", "0004_photos_are_checked_reencoded_images")]

    operations = [migrations.RunPython(to_family_digest_keys, to_previous_digests, elidable=True)]
