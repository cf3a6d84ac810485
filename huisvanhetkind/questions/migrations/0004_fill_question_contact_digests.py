"""Compute the keyed contact digests (core.digests, FAMILY_DIGEST_KEYS) of existing questions
from their decrypted e-mail address and phone number, in batches; erased questions stay empty.
The reverse empties them again (the previous migration then drops the columns)."""

from django.db import migrations

from huisvanhetkind.core.digests import EMAIL, PHONE, contact_digest

BATCH_SIZE = 500


def fill_digests(apps, schema_editor):
    Question = apps.get_model("questions", "Question")
    last_pk = 0
    while True:
        batch = list(
            Question.objects.filter(pk__gt=last_pk, erased_at__isnull=True)
            .only("pk", "email", "phone")
            .order_by("pk")[:BATCH_SIZE]
        )
        if not batch:
            break
        for question in batch:
            question.email_digest = contact_digest(question.email, EMAIL)
            question.phone_digest = contact_digest(question.phone, PHONE)
        Question.objects.bulk_update(batch, ["email_digest", "phone_digest"])
        last_pk = batch[-1].pk


def empty_digests(apps, schema_editor):
    Question = apps.get_model("questions", "Question")
    Question.objects.exclude(email_digest="", phone_digest="").update(
        email_digest="", phone_digest=""
    )


class Migration(migrations.Migration):
    dependencies = [("questions", "0003_question_contact_digests")]

    operations = [migrations.RunPython(fill_digests, empty_digests, elidable=True)]
