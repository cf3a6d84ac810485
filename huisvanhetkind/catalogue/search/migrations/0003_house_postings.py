"""The postings per house (``SearchHousePosting``), created by hand like the postings table:
clustered ``WITHOUT ROWID`` on (house, term, service) on SQLite, a primary key with
``INCLUDE (weight)`` on PostgreSQL, so a house's search reads only its own postings.
The rows are filled from the postings and the partnerships already there.
"""

import django.db.models.deletion
from django.db import migrations, models

TABLE = "search_searchhouseposting"
SERVICE_INDEX = f'CREATE INDEX "{TABLE}_service_id_5b1f0c2e" ON "{TABLE}" ("service_id")'

SQLITE = [
    f"""
    CREATE TABLE "{TABLE}" (
        "house_id" bigint NOT NULL
            REFERENCES "network_house" ("id") DEFERRABLE INITIALLY DEFERRED,
        "term_id" integer NOT NULL
            REFERENCES "search_searchterm" ("id") DEFERRABLE INITIALLY DEFERRED,
        "service_id" bigint NOT NULL
            REFERENCES "catalogue_service" ("id") DEFERRABLE INITIALLY DEFERRED,
        "weight" smallint unsigned NOT NULL CHECK ("weight" >= 0),
        PRIMARY KEY ("house_id", "term_id", "service_id")
    ) WITHOUT ROWID
    """,
    SERVICE_INDEX,
]

POSTGRESQL = [
    f"""
    CREATE TABLE "{TABLE}" (
        "house_id" bigint NOT NULL,
        "term_id" integer NOT NULL,
        "service_id" bigint NOT NULL,
        "weight" smallint NOT NULL CHECK ("weight" >= 0),
        CONSTRAINT "{TABLE}_pk" PRIMARY KEY ("house_id", "term_id", "service_id") INCLUDE ("weight")
    )
    """,
    f'ALTER TABLE "{TABLE}" ADD CONSTRAINT "{TABLE}_house_id_fk_network_house" '
    'FOREIGN KEY ("house_id") REFERENCES "network_house" ("id") DEFERRABLE INITIALLY DEFERRED',
    f'ALTER TABLE "{TABLE}" ADD CONSTRAINT "{TABLE}_term_id_fk_search_searchterm" '
    'FOREIGN KEY ("term_id") REFERENCES "search_searchterm" ("id") DEFERRABLE INITIALLY DEFERRED',
    f'ALTER TABLE "{TABLE}" ADD CONSTRAINT "{TABLE}_service_id_fk_catalogue_service" '
    'FOREIGN KEY ("service_id") REFERENCES "catalogue_service" ("id") '
    "DEFERRABLE INITIALLY DEFERRED",
    SERVICE_INDEX,
]

FILL = f"""
    INSERT INTO "{TABLE}" ("house_id", "term_id", "service_id", "weight")
    SELECT p."house_id", sp."term_id", sp."service_id", sp."weight"
    FROM "search_searchposting" sp
    JOIN "catalogue_service" s ON s."id" = sp."service_id"
    JOIN "network_partnership" p ON p."organisation_id" = s."organisation_id"
"""


def create_table(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": SQLITE, "postgresql": POSTGRESQL}.get(vendor)
    if statements is None:
        schema_editor.create_model(apps.get_model("search", "SearchHousePosting"))
    else:
        for statement in statements:
            schema_editor.execute(statement)
    schema_editor.execute(FILL)


def drop_table(apps, schema_editor):
    schema_editor.delete_model(apps.get_model("search", "SearchHousePosting"))


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_posting_service_term_index"),
        ("network", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SearchHousePosting",
                    fields=[
                        (
                            "pk",
                            models.CompositePrimaryKey(
                                "house",
                                "term",
                                "service",
                                blank=True,
                                editable=False,
                                primary_key=True,
                                serialize=False,
                            ),
                        ),
                        ("weight", models.PositiveSmallIntegerField()),
                        (
                            "house",
                            models.ForeignKey(
                                db_index=False,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="network.house",
                            ),
                        ),
                        (
                            "service",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="catalogue.service",
                            ),
                        ),
                        (
                            "term",
                            models.ForeignKey(
                                db_index=False,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="search.searchterm",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "term van een aanbod in een huis",
                        "verbose_name_plural": "termen van een aanbod in een huis",
                    },
                ),
            ],
            database_operations=[migrations.RunPython(create_table, drop_table)],
        ),
    ]
