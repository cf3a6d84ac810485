"""The search index tables.

The postings table is created by hand on SQLite (clustered ``WITHOUT ROWID`` on term, service)
and on PostgreSQL (primary key with ``INCLUDE (weight)`` for index-only scans): a search reads
the postings of a few terms, and these layouts read them without visiting another structure.
"""

import django.db.models.deletion
from django.db import migrations, models

SQLITE_POSTINGS = [
    """
    CREATE TABLE "search_searchposting" (
        "term_id" integer NOT NULL
            REFERENCES "search_searchterm" ("id") DEFERRABLE INITIALLY DEFERRED,
        "service_id" bigint NOT NULL
            REFERENCES "catalogue_service" ("id") DEFERRABLE INITIALLY DEFERRED,
        "weight" smallint unsigned NOT NULL CHECK ("weight" >= 0),
        PRIMARY KEY ("term_id", "service_id")
    ) WITHOUT ROWID
    """,
    'CREATE INDEX "search_searchposting_service_id_a7c9f2ba" '
    'ON "search_searchposting" ("service_id")',
]

POSTGRESQL_POSTINGS = [
    """
    CREATE TABLE "search_searchposting" (
        "term_id" integer NOT NULL,
        "service_id" bigint NOT NULL,
        "weight" smallint NOT NULL CHECK ("weight" >= 0),
        CONSTRAINT "search_searchposting_pk" PRIMARY KEY ("term_id", "service_id") INCLUDE ("weight")
    )
    """,
    'ALTER TABLE "search_searchposting" ADD CONSTRAINT '
    '"search_searchposting_service_id_a7c9f2ba_fk_catalogue" FOREIGN KEY ("service_id") '
    'REFERENCES "catalogue_service" ("id") DEFERRABLE INITIALLY DEFERRED',
    'ALTER TABLE "search_searchposting" ADD CONSTRAINT '
    '"search_searchposting_term_id_42148667_fk_search_searchterm_id" FOREIGN KEY ("term_id") '
    'REFERENCES "search_searchterm" ("id") DEFERRABLE INITIALLY DEFERRED',
    'CREATE INDEX "search_searchposting_service_id_a7c9f2ba" '
    'ON "search_searchposting" ("service_id")',
]


def create_postings(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": SQLITE_POSTINGS, "postgresql": POSTGRESQL_POSTINGS}.get(vendor)
    if statements is None:
        schema_editor.create_model(apps.get_model("search", "SearchPosting"))
        return
    for statement in statements:
        schema_editor.execute(statement)


def drop_postings(apps, schema_editor):
    schema_editor.delete_model(apps.get_model("search", "SearchPosting"))


def create_state(apps, schema_editor):
    apps.get_model("search", "SearchIndexState").objects.get_or_create(pk=1)


def delete_state(apps, schema_editor):
    apps.get_model("search", "SearchIndexState").objects.filter(pk=1).delete()


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("catalogue", "0002_load_target_groups_and_synonyms"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                (
                    "service",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_document",
                        serialize=False,
                        to="catalogue.service",
                    ),
                ),
                ("words", models.TextField(blank=True)),
                ("indexed_at", models.DateTimeField(auto_now=True)),
            ],
            options={"verbose_name": "document in de zoekindex", "verbose_name_plural": "documenten in de zoekindex"},
        ),
        migrations.CreateModel(
            name="SearchIndexState",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("generation", models.CharField(blank=True, max_length=32)),
                ("version", models.PositiveBigIntegerField(default=0)),
                ("stamp", models.PositiveBigIntegerField(default=0)),
                ("history", models.JSONField(blank=True, default=list)),
                ("document_count", models.PositiveIntegerField(default=0)),
            ],
            options={"verbose_name": "status van de zoekindex", "verbose_name_plural": "status van de zoekindex"},
        ),
        migrations.CreateModel(
            name="SearchTerm",
            fields=[
                ("id", models.AutoField(primary_key=True, serialize=False)),
                ("text", models.CharField(max_length=64, unique=True)),
                ("document_count", models.PositiveIntegerField(default=0)),
                ("word_count", models.PositiveIntegerField(default=0)),
                ("version", models.PositiveBigIntegerField(db_index=True, default=0)),
            ],
            options={"verbose_name": "zoekterm", "verbose_name_plural": "zoektermen"},
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SearchPosting",
                    fields=[
                        (
                            "pk",
                            models.CompositePrimaryKey(
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
                            "service",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="search_postings",
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
                    options={"verbose_name": "term van een aanbod", "verbose_name_plural": "termen van een aanbod"},
                ),
            ],
            database_operations=[migrations.RunPython(create_postings, drop_postings)],
        ),
        migrations.RunPython(create_state, delete_state),
    ]
