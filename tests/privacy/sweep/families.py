"""The family record: a family (with a child) that no service refers to any more.

Every other seeder that makes a family through an app's services puts its markers under
``families.Family`` and ``families.Child`` as well."""

from huisvanhetkind.families.models import Child, Family

NO_RULE = (
    "no rule erases a family record (the register says so: 'nog geen automatische regel'). "
    "After every rule ran, the records of the seeded families are still referenced: by the "
    "erased childcare request and urgent request (their family and child links cannot be "
    "empty), and by the consents of a care path, a family plan and a guidance (the path and "
    "the plan are deleted and the guidance is unlinked, their consents keep the family); only "
    "a referral's erasure unlinks its consent, and that family then stays without any link"
)


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


SEEDERS = {"families.Family": seed_family, "families.Child": seed_family}

GAPS = {"families.Family": NO_RULE, "families.Child": NO_RULE}
