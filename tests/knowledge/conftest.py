import io
import zipfile
from datetime import timedelta

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from huisvanhetkind.activities.models import Activity
from huisvanhetkind.knowledge.models import private_storage
from huisvanhetkind.network.models import Role
from tests.conftest import with_second_factor
from tests.factories import (
    ActivityFactory,
    OrganisationFactory,
    RoleFactory,
    SessionFactory,
    UserFactory,
)


@pytest.fixture(autouse=True)
def private_files(tmp_path, monkeypatch):
    """The library's documents go to a temporary folder in the tests."""
    monkeypatch.setattr(private_storage, "_wrapped", FileSystemStorage(location=tmp_path))
    return tmp_path


@pytest.fixture
def foreign_partner(other_house):
    """A professional of a partner of ANOTHER house."""
    organisation = OrganisationFactory(name="CAW Noorderkempen", houses=[other_house])
    user = with_second_factor(UserFactory(email="werker@caw.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=organisation)
    return user


def pdf_upload(name="gids.pdf", size=None):
    content = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    if size:
        content = content + b"0" * (size - len(content))
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def docx_upload(name="afspraken.docx"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return SimpleUploadedFile(name, buffer.getvalue())


@pytest.fixture
def training(house, organisation):
    activity = ActivityFactory(
        house=house,
        organisations=[organisation],
        title="Vorming: armoede herkennen",
        audience=Activity.Audience.PROFESSIONALS,
        capacity=2,
    )
    starts = timezone.now().replace(microsecond=0) + timedelta(days=5)
    SessionFactory(activity=activity, starts_at=starts, ends_at=starts + timedelta(hours=3))
    return activity


@pytest.fixture
def training_session(training):
    return training.sessions.get()


@pytest.fixture
def session_family(house, organisation):
    activity = ActivityFactory(house=house, organisations=[organisation], title="Speelbabbel")
    starts = timezone.now().replace(microsecond=0) + timedelta(days=4)
    return SessionFactory(activity=activity, starts_at=starts, ends_at=starts + timedelta(hours=2))
