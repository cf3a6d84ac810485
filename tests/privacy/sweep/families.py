"""The family record: a family (with a child) that no service refers to any more, erased by
the family record's own rule; the families of the other seeders follow once their records are
erased (each erasure empties its link to the family).

Every other seeder that makes a family through an app's services puts its markers under
``families.Family`` and ``families.Child`` as well."""

from huisvanhetkind.families.models import Child, Family


def seed_family(sweep):
    family = Family.objects.create(
        name=sweep.marker("families.Family"),
        email=sweep.email("families.Family"),
        phone=sweep.phone("families.Family"),
        address=f"{sweep.marker('families.Family')}straat 2, 2920 Kalmthout",
        created_at=sweep.days_ago(),
    )
    Child.objects.create(
        family=family, first_name=sweep.marker("families.Child"), birth_date=sweep.date_ago()
    )


def age_every_family(sweep):
    """The family record's rule deletes a family nothing links to 30 days after it was created
    or last changed; the families the other seeders made through the apps' services are new,
    so every family is dated back once all are seeded (what links to them is dated by its own
    seeder)."""
    Family.objects.update(created_at=sweep.days_ago(), updated_at=sweep.days_ago())


SEEDERS = {"families.Family": seed_family, "families.Child": seed_family}

AFTER_SEEDING = age_every_family
