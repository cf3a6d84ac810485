"""The partners' library: who sees it, adding each kind of item, bad input, the documents kept
outside the web root and served only to the house's partners, moderation and the audit trail."""

import os

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.knowledge import services
from huisvanhetkind.knowledge.documents import MAX_BYTES
from huisvanhetkind.knowledge.models import LibraryItem
from huisvanhetkind.network.models import Domain, Partnership
from tests.conftest import logged_in
from tests.knowledge.conftest import docx_upload, pdf_upload

pytestmark = pytest.mark.django_db


def url(house, name="library", **kwargs):
    return reverse(f"knowledge:{name}", kwargs={"house_slug": house.slug, **kwargs})


def add(client, house, **data):
    payload = {"kind": "howto", "title": "Zo vraag je een schooltoelage aan", "topic": "armoede"}
    payload.update(data)
    return client.post(url(house, "item_new"), payload)


@pytest.fixture
def item(house, organisation, worker):
    return services.item_create(
        house=house,
        actor=worker,
        organisation=organisation,
        data={"kind": "document", "title": "Sociale kaart", "topic": "armoede"},
        upload=pdf_upload(),
    )


def test_partner_and_coordinator_read_the_library(house, worker, coordinator, item):
    for user in (worker, coordinator):
        response = logged_in(user).get(url(house))
        assert response.status_code == 200
        assert "Sociale kaart" in response.content.decode()


def test_outsiders_see_nothing(
    house, item, foreign_partner, other_coordinator, parent_client, worker, organisation
):
    pages = [
        url(house),
        url(house, "item_new"),
        url(house, "item", pk=item.pk),
        url(house, "item_edit", pk=item.pk),
        url(house, "document", pk=item.pk),
    ]
    for user in (foreign_partner, other_coordinator):
        client = logged_in(user)
        for page in pages:
            assert client.get(page).status_code == 404, page
        assert client.post(url(house, "item_delete", pk=item.pk)).status_code == 404
    for page in pages:
        response = parent_client.get(page)
        assert response.status_code == 302 and "/login" in response["Location"]
    # A partner whose partnership ended reads nothing any more.
    Partnership.objects.filter(house=house, organisation=organisation).update(status="ended")
    assert logged_in(worker).get(url(house)).status_code == 404
    assert LibraryItem.objects.filter(pk=item.pk).exists()


def test_a_partner_adds_each_kind_of_item(house, worker, organisation):
    client = logged_in(worker)
    domain = Domain.objects.first()
    assert add(client, house, body="Stap 1: ...", domain=domain.pk).status_code == 302
    response = add(
        client, house, kind="link", title="Groeipakket", url="https://www.groeipakket.be"
    )
    assert response.status_code == 302
    response = add(
        client,
        house,
        kind="contact",
        title="Vragen over kinderopvang",
        topic="kinderopvang",
        contact_name="Loket kinderopvang",
        contact_details="kinderopvang@kalmthout.example.be",
    )
    assert response.status_code == 302
    response = client.post(
        url(house, "item_new"),
        {"kind": "document", "title": "Afsprakennota", "topic": "overleg", "upload": docx_upload()},
    )
    assert response.status_code == 302
    items = LibraryItem.objects.filter(house=house)
    assert items.count() == 4
    assert set(items.values_list("organisation", flat=True)) == {organisation.pk}
    assert (
        AuditEvent.objects.filter(action="create", target_type__icontains="libraryitem").count()
        == 4
    )
    document = items.get(kind="document")
    path = document.file.path
    assert not path.startswith(str(settings.MEDIA_ROOT))
    download = client.get(url(house, "document", pk=document.pk))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert AuditEvent.objects.filter(action="read", target_id=str(document.pk)).exists()


@pytest.mark.parametrize(
    "data, message",
    [
        ({"title": ""}, "Geef een titel."),
        ({"kind": "link", "url": "geen adres"}, "Geef een geldig webadres"),
        ({"kind": "link", "url": "javascript:alert(1)"}, "Geef een geldig webadres"),
        ({"kind": "link"}, "Geef het webadres van de link."),
        ({"kind": "howto", "body": ""}, "Schrijf de tekst van de handleiding."),
        ({"kind": "contact"}, "Geef een persoon, dienst of organisatie."),
        ({"kind": "document"}, "Kies een bestand voor een document."),
        ({"kind": "onbekend"}, "Selecteer een geldige keuze"),
    ],
)
def test_bad_input_changes_nothing(house, worker, data, message):
    response = add(logged_in(worker), house, **data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "Controleer je invoer" in response.content.decode()
    assert not LibraryItem.objects.exists()


@pytest.mark.parametrize(
    "upload, message",
    [
        (
            lambda: SimpleUploadedFile("gids.pdf", b"MZ\x90\x00 this is an executable"),
            "past niet bij .pdf",
        ),
        (lambda: pdf_upload(size=MAX_BYTES + 1), "te groot"),
        (lambda: pdf_upload(name="script.exe"), "Alleen PDF- en kantoorbestanden"),
        (lambda: docx_upload(name="nota.pdf"), "past niet bij .pdf"),
    ],
)
def test_bad_files_are_refused(house, worker, private_files, upload, message):
    response = logged_in(worker).post(
        url(house, "item_new"),
        {"kind": "document", "title": "Gids", "topic": "armoede", "upload": upload()},
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not LibraryItem.objects.exists()
    assert not any(private_files.rglob("*.*"))


def test_the_coordinator_moderates_other_partners_do_not(
    house, item, coordinator, outsider, worker, on_commit
):
    # Another partner of the same house reads the item but does not change it.
    assert logged_in(outsider).get(url(house, "item", pk=item.pk)).status_code == 200
    assert logged_in(outsider).get(url(house, "item_edit", pk=item.pk)).status_code == 404
    assert logged_in(outsider).post(url(house, "item_delete", pk=item.pk)).status_code == 404
    client = logged_in(coordinator)
    response = client.post(
        url(house, "item_edit", pk=item.pk),
        {"kind": "document", "title": "Sociale kaart 2026", "topic": "armoede"},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "Sociale kaart 2026"
    assert AuditEvent.objects.filter(action="update", target_id=str(item.pk)).exists()
    path = item.file.path
    with on_commit():
        assert client.post(url(house, "item_delete", pk=item.pk)).status_code == 302
    assert not LibraryItem.objects.exists()
    assert AuditEvent.objects.filter(action="delete", target_id=str(item.pk)).exists()
    assert not os.path.exists(path)


def test_search_and_filter(house, worker, organisation):
    services.item_create(
        house=house,
        actor=worker,
        organisation=organisation,
        data={"kind": "howto", "title": "Schooltoelage", "topic": "armoede", "body": "x"},
    )
    services.item_create(
        house=house,
        actor=worker,
        organisation=organisation,
        data={"kind": "howto", "title": "Slaaptips", "topic": "slapen", "body": "x"},
    )
    client = logged_in(worker)
    page = client.get(url(house) + "?onderwerp=slapen").content.decode()
    assert "Slaaptips" in page and "Schooltoelage" not in page
    page = client.get(url(house) + "?q=school").content.decode()
    assert "Schooltoelage" in page and "Slaaptips" not in page
    assert client.get(url(house) + "?onderwerp=bestaat-niet").status_code == 400


def test_the_library_page_reads_in_a_constant_number_of_queries(house, worker, organisation):
    def page_queries():
        client = logged_in(worker)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url(house)).status_code == 200
        return len(queries)

    services.item_create(
        house=house,
        actor=worker,
        organisation=organisation,
        data={"kind": "howto", "title": "Eerste", "topic": "armoede", "body": "x"},
    )
    few = page_queries()
    for number in range(10):
        services.item_create(
            house=house,
            actor=worker,
            organisation=organisation,
            data={"kind": "howto", "title": f"Item {number}", "topic": "armoede", "body": "x"},
        )
    assert page_queries() == few
