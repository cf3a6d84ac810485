"""A forwarded question's routing reason used to name the professional who forwarded it
("Doorgestuurd door <user name> (van <partner>)."), text that the erasure of their account did
not reach. Rewrite it to name the partner only, as questions.services now writes it; the history
(the event's actor) still says who."""

import re

from django.db import migrations

# The Dutch text and its English and French translations, as an actor's language wrote them.
FORMS = (
    (re.compile(r"^Doorgestuurd door .+ \(van (?P<origin>.+)\)\.$", re.S), "Doorgestuurd door {}."),
    (re.compile(r"^Forwarded by .+ \(from (?P<origin>.+)\)\.$", re.S), "Forwarded by {}."),
    (re.compile(r"^Transférée par .+ \(de (?P<origin>.+)\)\.$", re.S), "Transférée par {}."),
)
BATCH_SIZE = 500


def without_name(reason: str) -> str:
    for pattern, replacement in FORMS:
        match = pattern.match(reason)
        if match:
            return replacement.format(match.group("origin"))
    return reason


def remove_names(apps, schema_editor):
    Question = apps.get_model("questions", "Question")
    last_pk = 0
    while True:
        batch = list(
            Question.objects.filter(pk__gt=last_pk)
            .exclude(routing_reason="")
            .only("pk", "routing_reason")
            .order_by("pk")[:BATCH_SIZE]
        )
        if not batch:
            break
        changed = []
        for question in batch:
            reason = without_name(question.routing_reason)
            if reason != question.routing_reason:
                question.routing_reason = reason
                changed.append(question)
        Question.objects.bulk_update(changed, ["routing_reason"])
        last_pk = batch[-1].pk


class Migration(migrations.Migration):
    dependencies = [("questions", "0004_fill_question_contact_digests")]

    operations = [migrations.RunPython(remove_names, migrations.RunPython.noop)]
