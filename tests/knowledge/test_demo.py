"""The demo's partners' library and training for professionals in Kalmthout."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings

from huisvanhetkind.activities.models import Activity
from huisvanhetkind.demo.services import load
from huisvanhetkind.knowledge.models import LibraryItem, TrainingRegistration
from huisvanhetkind.network.models import House

pytestmark = pytest.mark.django_db


@override_settings(DEMO_MODE=True, DEBUG=True)
def test_the_demo_has_a_partners_library_and_a_training_with_a_registration(private_files):
    for _run in range(2):
        call_command("seed_demo", stdout=StringIO())
    data = load("knowledge")
    kalmthout = House.objects.get(slug="kalmthout")
    titles = LibraryItem.objects.filter(house=kalmthout).values_list("title", flat=True)
    assert sorted(titles) == sorted(row["title"] for row in data["items"])
    assert LibraryItem.objects.filter(kind="contact").count() == 2
    document = LibraryItem.objects.get(kind="document")
    assert document.file.open("rb").read(5) == b"%PDF-"
    registration = TrainingRegistration.objects.get()
    assert registration.session.activity.audience == Activity.Audience.PROFESSIONALS
    assert registration.user.email == data["training"]["registered"]
