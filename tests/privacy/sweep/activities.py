"""Activities: a registration and a photo past their retention."""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from huisvanhetkind.activities import services_registrations
from huisvanhetkind.activities.models import Activity, Session
from tests.activities.conftest import make_session
from tests.factories import ActivityFactory, SessionFactory

ACTIVITY = "activities.Activity"
REGISTRATION = "activities.Registration"


def _old_session(sweep):
    activity = ActivityFactory(house=sweep.house)
    starts = sweep.days_ago().replace(microsecond=0)
    session = SessionFactory(
        activity=activity, starts_at=starts, ends_at=starts + timedelta(hours=2)
    )
    return activity, session


def seed_registration(sweep):
    """Registered through the service (so its audit event is searched too) for a session that
    then moves far into the past."""
    activity = ActivityFactory(
        house=sweep.house, registration=Activity.RegistrationMode.REQUIRED, capacity=20
    )
    session = make_session(activity)
    services_registrations.registration_create(
        session=session,
        name=sweep.marker(REGISTRATION),
        email=sweep.email(REGISTRATION),
        phone=sweep.phone(REGISTRATION),
        children_ages=[2],
        remarks=f"Rolstoel voor {sweep.marker(REGISTRATION)}",
    )
    starts = sweep.days_ago().replace(microsecond=0)
    Session.objects.filter(pk=session.pk).update(
        starts_at=starts, ends_at=starts + timedelta(hours=2)
    )


def seed_photo(sweep):
    activity, _session = _old_session(sweep)
    stored = default_storage.save(f"activities/{sweep.marker(ACTIVITY)}.jpg", ContentFile(b"jpeg"))
    Activity.objects.filter(pk=activity.pk).update(
        image=stored, image_alt=f"{sweep.marker(ACTIVITY)} speelt met blokken"
    )


SEEDERS = {ACTIVITY: seed_photo, REGISTRATION: seed_registration}

KEPT = {"activities.NewsItem": "kept as long as the news item; a replaced photo at once"}
