from datetime import date, timedelta

import pytest
from django.utils import timezone

from huisvanhetkind.babytheek import services
from huisvanhetkind.babytheek.models import Item, Loan
from huisvanhetkind.network.models import Role
from tests.conftest import with_second_factor
from tests.factories import RoleFactory, UserFactory


def today() -> date:
    return timezone.localdate()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def item(house):
    return Item.objects.create(
        house=house, name="Kinderwagen", category="road", deposit=20, loan_weeks=4
    )


@pytest.fixture
def other_item(other_house):
    return Item.objects.create(house=other_house, name="Box elders", deposit=10, loan_weeks=4)


@pytest.fixture
def member(house):
    return services.membership_create(
        actor=None,
        house=house,
        name="Sara Peeters",
        email="sara@example.be",
        postcode="2920",
        valid_from=today() - timedelta(days=30),
    )


@pytest.fixture
def bridge_worker(house, organisation):
    """A bridge worker of the house: one of the babytheek's volunteers."""
    user = with_second_factor(UserFactory(email="brugfiguur@kalmthout.example.be"))
    RoleFactory(user=user, kind=Role.Kind.BRIDGE_WORKER, house=house, organisation=organisation)
    return user


def reserve(house, item, pickup=None, email="sara@example.be", new=False, **extra):
    extra.setdefault("name", "Sara Peeters")
    return services.loan_reserve(
        actor=None,
        house=house,
        item=item,
        pickup_date=pickup or today(),
        email=email,
        new_membership=new,
        **extra,
    )


def loan_of(item, member, pickup, weeks=4, status="reserved") -> Loan:
    return Loan.objects.create(
        item=item,
        membership=member,
        pickup_date=pickup,
        due_date=pickup + timedelta(weeks=weeks),
        status=status,
    )
