"""Load the reference lists: policy domains, age groups and the municipalities of Antwerp."""

import json
from pathlib import Path

from django.db import migrations

DOMAINS = [
    ("huis", "Huis van het Kind"),
    ("onderwijs", "Onderwijs"),
    ("gezondheid", "Gezondheid"),
    ("kinderopvang", "Kinderopvang"),
    ("welbevinden-jeugdhulp", "Geestelijk welbevinden en jeugdhulp"),
    ("vrije-tijd-ontmoeting", "Sociale cohesie en vrije tijd"),
    ("kinderarmoede", "Kinderarmoede"),
    ("opvoedingsondersteuning", "Opvoedingsondersteuning"),
]

AGE_GROUPS = [
    ("aanstaand", "Aanstaande ouders", None, None),
    ("0-3", "0 tot 3 jaar", 0, 3),
    ("3-6", "3 tot 6 jaar", 3, 6),
    ("6-12", "6 tot 12 jaar", 6, 12),
    ("12-18", "12 tot 18 jaar", 12, 18),
    ("18-25", "18 tot 25 jaar", 18, 25),
]

MUNICIPALITIES_FILE = Path(__file__).resolve().parent.parent / "data" / "municipalities.json"


def load(apps, schema_editor):
    Domain = apps.get_model("network", "Domain")
    AgeGroup = apps.get_model("network", "AgeGroup")
    Municipality = apps.get_model("network", "Municipality")
    for position, (slug, name) in enumerate(DOMAINS):
        Domain.objects.update_or_create(slug=slug, defaults={"name": name, "position": position})
    for position, (slug, name, low, high) in enumerate(AGE_GROUPS):
        AgeGroup.objects.update_or_create(
            slug=slug, defaults={"name": name, "min_age": low, "max_age": high, "position": position}
        )
    for row in json.loads(MUNICIPALITIES_FILE.read_text(encoding="utf-8")):
        Municipality.objects.update_or_create(
            nis_code=row["nis_code"],
            defaults={"name": row["name"], "province": row["province"], "postcodes": row["postcodes"]},
        )


def unload(apps, schema_editor):
    apps.get_model("network", "Domain").objects.filter(slug__in=[d[0] for d in DOMAINS]).delete()
    apps.get_model("network", "AgeGroup").objects.filter(slug__in=[a[0] for a in AGE_GROUPS]).delete()
    codes = [row["nis_code"] for row in json.loads(MUNICIPALITIES_FILE.read_text(encoding="utf-8"))]
    apps.get_model("network", "Municipality").objects.filter(nis_code__in=codes).delete()


class Migration(migrations.Migration):
    dependencies = [("network", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
