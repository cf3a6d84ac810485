"""Load the target groups and the synonyms every house starts with."""

from django.db import migrations

TARGET_GROUPS = [
    ("aanstaande-ouders", "Aanstaande ouders"),
    ("kwetsbare-gezinnen", "Kwetsbare gezinnen"),
    ("jongeren", "Jongeren"),
    ("ouders-kind-beperking", "Ouders van kinderen met een beperking"),
    ("alleenstaande-ouders", "Alleenstaande ouders"),
    ("anderstalige-gezinnen", "Anderstalige gezinnen"),
    ("grootouders", "Grootouders en opvoedingsverantwoordelijken"),
    ("professionals", "Professionals"),
]

SYNONYMS = [
    "kinderopvang, crèche, kinderdagverblijf, onthaalouder, opvang, babyopvang, peuteropvang",
    "buitenschoolse opvang, naschoolse opvang, ibo, voorschoolse opvang, vakantieopvang",
    "consultatiebureau, kind en gezin, vaccinatie, inenting, weging",
    "opvoedingsondersteuning, opvoeding, opvoedingsvragen, opvoedingspunt, opvoedingswinkel",
    "zindelijkheid, zindelijk, potjestraining, toilettraining, pamper, luier",
    "slaapproblemen, slapen, doorslapen, inslapen, nachtrust",
    "huilen, huilbaby, krampjes",
    "borstvoeding, borstvoeden, flesvoeding, voeding",
    "zwangerschap, zwanger, aanstaande ouders, bevalling, geboorte",
    "kraamzorg, kraamhulp, kraamverzorgster",
    "psycholoog, psychologische hulp, therapie, geestelijke gezondheid, cgg",
    "pesten, gepest, pestgedrag",
    "schoolkosten, schoolfactuur, studietoelage, schooltoelage",
    "armoede, geldzorgen, schulden, leefloon, budgetbegeleiding",
    "speelpleinwerking, speelplein, vakantiewerking, speelweek",
    "huiswerkbegeleiding, huiswerkklas, huiswerk, bijles",
    "clb, leerlingenbegeleiding, schoolpsycholoog",
    "jac, jongerenadviescentrum, jongeren vragen",
]


def load(apps, schema_editor):
    TargetGroup = apps.get_model("catalogue", "TargetGroup")
    Synonym = apps.get_model("catalogue", "Synonym")
    for position, (slug, name) in enumerate(TARGET_GROUPS):
        TargetGroup.objects.update_or_create(slug=slug, defaults={"name": name, "position": position})
    for terms in SYNONYMS:
        Synonym.objects.get_or_create(house=None, terms=terms)


def unload(apps, schema_editor):
    apps.get_model("catalogue", "TargetGroup").objects.filter(slug__in=[s for s, _ in TARGET_GROUPS]).delete()
    apps.get_model("catalogue", "Synonym").objects.filter(house=None, terms__in=SYNONYMS).delete()


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
