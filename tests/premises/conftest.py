from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from huisvanhetkind.network.models import Role
from huisvanhetkind.premises import services
from huisvanhetkind.premises.models import Room
from tests.conftest import with_second_factor
from tests.factories import OrganisationFactory, RoleFactory, UserFactory


def at(day_offset: int, hour: int, minute: int = 0) -> datetime:
    """A moment ``day_offset`` days after the next Monday, in the house's time zone."""
    today = timezone.localdate()
    monday = today + timedelta(days=7 - today.weekday())
    return datetime.combine(
        monday + timedelta(days=day_offset),
        time(hour, minute),
        tzinfo=timezone.get_current_timezone(),
    )


@pytest.fixture
def room(house):
    return Room.objects.create(house=house, name="Grote zaal", capacity=20)


@pytest.fixture
def other_room(other_house):
    return Room.objects.create(house=other_house, name="Zaal elders", capacity=20)


@pytest.fixture
def accepted(house, organisation, worker):
    return services.agreement_accept(actor=worker, house=house, organisation=organisation)


@pytest.fixture
def foreign_partner(other_house):
    """A professional of a partner of another house."""
    organisation = OrganisationFactory(name="Partner elders", houses=[other_house])
    user = with_second_factor(UserFactory(email="elders@partner.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=organisation)
    return user


def request(house, organisation, worker, room, start, hours=2, **extra):
    extra.setdefault("title", "Oudergroep")
    extra.setdefault("attendees", 10)
    return services.booking_request(
        actor=worker,
        house=house,
        organisation=organisation,
        room=room,
        starts_at=start,
        ends_at=start + timedelta(hours=hours),
        **extra,
    )
