from datetime import timedelta

import pytest
from django.utils import timezone

from huisvanhetkind.activities import services_registrations
from huisvanhetkind.activities.models import Activity
from tests.factories import ActivityFactory, SessionFactory


@pytest.fixture
def activity(house, organisation):
    return ActivityFactory(
        house=house,
        organisations=[organisation],
        title="Speelbabbel",
        summary="Ontmoeting voor ouders met kinderen van 0 tot 3 jaar.",
        registration=Activity.RegistrationMode.REQUIRED,
        capacity=20,
    )


def make_session(activity, *, days=3, hours=2, **extra):
    starts = timezone.now().replace(microsecond=0) + timedelta(days=days)
    return SessionFactory(
        activity=activity, starts_at=starts, ends_at=starts + timedelta(hours=hours), **extra
    )


@pytest.fixture
def session(activity):
    return make_session(activity)


def register(session, **overrides):
    data = {
        "session": session,
        "name": "Sara Peeters",
        "email": "sara@example.be",
        "adults": 1,
        "children_ages": [1],
    }
    data.update(overrides)
    return services_registrations.registration_create(**data)


def fill(session, count, *, prefix="ouder"):
    return [register(session, email=f"{prefix}{i}@example.be")[0] for i in range(count)]
