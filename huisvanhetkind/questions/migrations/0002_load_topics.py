"""Load the topics in plain words that every house offers (a house may add its own)."""

from django.db import migrations

TOPICS = [
    ("zwanger-geboorte", "Zwanger zijn en de geboorte"),
    ("slapen", "Slapen"),
    ("eten-drinken", "Eten en drinken"),
    ("gezondheid-groei", "Gezondheid en groei"),
    ("opvoeden-gedrag", "Opvoeden en gedrag"),
    ("gevoelens", "Gevoelens en welbevinden"),
    ("kinderopvang", "Kinderopvang"),
    ("school-leren", "School en leren"),
    ("spelen-vrije-tijd", "Spelen en vrije tijd"),
    ("geld-rondkomen", "Geld en rondkomen"),
    ("gezin-relaties", "Gezin en relaties"),
    ("iets-anders", "Iets anders"),
]


def load(apps, schema_editor):
    Topic = apps.get_model("questions", "Topic")
    for position, (slug, name) in enumerate(TOPICS):
        Topic.objects.update_or_create(
            house=None, slug=slug, defaults={"name": name, "position": position}
        )


def unload(apps, schema_editor):
    apps.get_model("questions", "Topic").objects.filter(
        house=None, slug__in=[slug for slug, _ in TOPICS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("questions", "0001_questions_routing_faq")]

    operations = [migrations.RunPython(load, unload)]
