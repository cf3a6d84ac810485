"""The desk imports the official list of childcare locations: preview, confirm, progress; the
same file twice changes nothing; a bad file or row is refused in Dutch and nothing is saved;
only the house's desk and coordinator may import."""

from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.catalogue.workflow import ServiceStatus
from huisvanhetkind.childcare import csv_import
from huisvanhetkind.childcare.models import ChildcareImport, ChildcareLocation, ImportStatus
from huisvanhetkind.network.models import Location
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db

BASE = "/beheer/huis/kalmthout/kinderopvang/importeren/"
HEADER = ";".join(csv_import.COLUMNS)
ROWS = [
    "900101;Kinderdagverblijf Het Bosuiltje;kinderdagverblijf;Landelijke Kinderopvang Stekelbees;"
    "Heidestraat 41;2920;Kalmthout;18;0;35;inkomenstarief;;ja;nl,fr;ja;03 000 01 08;bosuiltje@example.be",
    "900102;Buitenschoolse opvang De Vlinder;buitenschoolse opvang;0586.498.226;"
    "Schoolstraat 16;2920;Kalmthout;40;;;vrije prijs;12,50;nee;nl;nee;;",
]


def csv_file(*rows, header=HEADER) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")


def upload(client, content: bytes, name="lijst.csv"):
    return client.post(BASE, {"file": SimpleUploadedFile(name, content, "text/csv")})


def import_file(client, content: bytes):
    assert upload(client, content).status_code == 302
    preview = client.get(BASE + "voorbeeld/")
    digest = preview.context["form"].initial["digest"]
    return preview, client.post(BASE + "bevestigen/", {"digest": digest}, follow=True)


def test_the_desk_previews_then_imports_the_list(desk_worker, provider):
    client = logged_in(desk_worker)
    preview, done = import_file(client, csv_file(*ROWS))
    assert "Als je bevestigt: 2 nieuw, 0 bijgewerkt, 0 ongewijzigd." in preview.text
    assert "De import is klaar: 2 nieuw, 0 bijgewerkt, 0 ongewijzigd." in done.text
    assert "<progress" in done.text
    record = ChildcareImport.objects.get()
    assert (record.status, record.done, record.total) == (ImportStatus.DONE, 2, 2)
    uiltje = ChildcareLocation.objects.get(dossier_number="900101")
    assert uiltje.service.status == ServiceStatus.PUBLISHED
    assert uiltje.service.organisation == provider
    assert uiltje.service.languages == ["nl", "fr"]
    assert uiltje.location.street == "Heidestraat 41"
    assert uiltje.priority_order == ["working", "sibling", "foster"]
    assert uiltje.inclusive_care
    vlinder = ChildcareLocation.objects.get(dossier_number="900102")
    assert (vlinder.min_age_months, vlinder.max_age_months) == (30, 155)
    assert str(vlinder.service.price) == "12.50"
    assert vlinder.priority_order == []
    assert vlinder.service.domains.filter(slug="kinderopvang").exists()


def test_nothing_is_saved_before_the_desk_confirms(desk_worker, provider):
    client = logged_in(desk_worker)
    upload(client, csv_file(*ROWS))
    client.get(BASE + "voorbeeld/")
    assert not ChildcareLocation.objects.exists()
    assert not Service.objects.exists()
    assert not Location.objects.exists()


def test_the_same_list_twice_changes_nothing_and_a_change_updates_the_location(
    desk_worker, provider
):
    client = logged_in(desk_worker)
    import_file(client, csv_file(*ROWS))
    ids = set(ChildcareLocation.objects.values_list("pk", "service_id", "location_id"))
    preview, done = import_file(client, csv_file(*ROWS))
    assert "Als je bevestigt: 0 nieuw, 0 bijgewerkt, 2 ongewijzigd." in preview.text
    assert "0 nieuw, 0 bijgewerkt, 2 ongewijzigd" in done.text
    assert set(ChildcareLocation.objects.values_list("pk", "service_id", "location_id")) == ids
    assert Service.objects.count() == 2
    moved = ROWS[0].replace(";18;", ";21;")
    preview, done = import_file(client, csv_file(moved, ROWS[1]))
    assert "0 nieuw, 1 bijgewerkt, 1 ongewijzigd" in done.text
    assert ChildcareLocation.objects.get(dossier_number="900101").licensed_places == 21


def test_a_provider_s_own_texts_survive_a_new_import(desk_worker, provider):
    client = logged_in(desk_worker)
    import_file(client, csv_file(*ROWS))
    Service.objects.filter(name="Kinderdagverblijf Het Bosuiltje").update(
        summary="Warme opvang in het bos."
    )
    import_file(client, csv_file(*ROWS))
    assert Service.objects.get(name="Kinderdagverblijf Het Bosuiltje").summary == (
        "Warme opvang in het bos."
    )


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            ROWS[0].replace("kinderdagverblijf;Landelijke", "crèche;Landelijke"),
            "De soort 'crèche' kennen we niet",
        ),
        (
            ROWS[0].replace("Landelijke Kinderopvang Stekelbees", "Onbekende vzw"),
            "is geen partner van dit huis",
        ),
        (
            ROWS[0].replace(";2920;Kalmthout;", ";2920;Zoersel;"),
            "De gemeente 'Zoersel' hoort niet bij dit huis.",
        ),
        (ROWS[0].replace(";2920;", ";29;"), "De postcode '29' bestaat uit vier cijfers."),
        (
            ROWS[0].replace(";18;", ";achttien;"),
            "Vergunde plaatsen moet een geheel getal van 1 tot 999 zijn",
        ),
        (ROWS[0].replace(";0;35;", ";40;35;"), "De leeftijd 'vanaf' is groter dan 'tot en met'."),
        (
            ROWS[0].replace("inkomenstarief", "gratis"),
            "De prijs is 'inkomenstarief' of 'vrije prijs'",
        ),
        (ROWS[1].replace("12,50", ""), "Geef de prijs per dag van een opvang met een vrije prijs."),
        (ROWS[0].replace(";ja;nl,fr;", ";misschien;nl,fr;"), "Sociaal tarief is 'ja' of 'nee'"),
        (ROWS[0].replace("nl,fr", "nl,klingon"), "De taal 'klingon' kennen we niet."),
        (ROWS[0].replace("900101;", ";"), "De kolom 'dossiernummer' is leeg."),
    ],
)
def test_a_bad_row_is_named_in_dutch_and_nothing_is_saved(desk_worker, provider, row, message):
    client = logged_in(desk_worker)
    assert upload(client, csv_file(ROWS[1], row)).status_code == 302
    preview = client.get(BASE + "voorbeeld/")
    assert message in unescape(preview.text)
    assert "Er wordt niets bewaard zolang er een fout in het bestand staat." in preview.text
    assert "Bevestig en importeer" not in preview.text
    assert not ChildcareLocation.objects.exists()
    assert not Service.objects.exists()


def test_a_dossier_number_twice_in_the_file_is_refused(desk_worker, provider):
    client = logged_in(desk_worker)
    upload(client, csv_file(ROWS[0], ROWS[0].replace("Het Bosuiltje", "Het Uiltje")))
    assert "Dossiernummer 900101 staat ook op rij 2." in client.get(BASE + "voorbeeld/").text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "Het bestand is leeg."),
        (b"naam;soort\nX;kinderdagverblijf\n", "Deze verplichte kolommen ontbreken: dossiernummer"),
        (csv_file(header=HEADER + ";kleur"), "Deze kolommen kennen we niet: kleur."),
        (csv_file(), "Het bestand bevat alleen kolomnamen, geen opvanglocaties."),
        (b"PK\x03\x04excel", "Dit is een Excel-bestand, geen CSV-bestand."),
        (csv_file(*ROWS).decode().encode("latin-1") + "é".encode("latin-1"), "niet in UTF-8"),
    ],
)
def test_an_unusable_file_is_refused_at_upload(desk_worker, provider, content, message):
    response = upload(logged_in(desk_worker), content)
    assert response.status_code == 400
    assert message in unescape(response.text)
    assert not ChildcareLocation.objects.exists()


def test_a_confirm_without_the_previewed_file_saves_nothing(desk_worker, provider):
    client = logged_in(desk_worker)
    upload(client, csv_file(*ROWS))
    response = client.post(BASE + "bevestigen/", {"digest": "andere"}, follow=True)
    assert "Dit is niet (meer) het bestand dat je bekeek." in response.text
    assert not ChildcareImport.objects.exists()
    assert not ChildcareLocation.objects.exists()


def test_only_the_desk_and_the_coordinator_may_import(
    client, desk_worker, coordinator, worker, outsider, other_coordinator, provider_worker, provider
):
    for person in (worker, outsider, other_coordinator, provider_worker):
        user_client = logged_in(person)
        assert user_client.get(BASE).status_code == 404
        assert upload(user_client, csv_file(*ROWS)).status_code == 404
        assert user_client.get("/beheer/huis/kalmthout/kinderopvang/").status_code == 404
    anonymous = upload(client, csv_file(*ROWS))
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    assert not ChildcareLocation.objects.exists()
    assert logged_in(coordinator).get(BASE).status_code == 200
    assert logged_in(desk_worker).get("/beheer/huis/kalmthout/kinderopvang/").status_code == 200


def test_another_house_s_desk_cannot_see_an_import(desk_worker, other_coordinator, provider):
    import_file(logged_in(desk_worker), csv_file(*ROWS))
    record = ChildcareImport.objects.get()
    other = logged_in(other_coordinator)
    assert other.get(f"{BASE}{record.pk}/").status_code == 404
    regional = f"/beheer/huis/zoersel-brecht-zandhoven-wijnegem-schilde/kinderopvang/importeren/{record.pk}/"
    assert other.get(regional).status_code == 404
    assert logged_in(desk_worker).get(f"{BASE}{record.pk}/").status_code == 200


def test_the_template_downloads_and_parses_as_a_valid_header(desk_worker):
    response = logged_in(desk_worker).get(BASE + "opvanglocaties.csv")
    assert response.status_code == 200
    assert response.content.decode().splitlines()[0] == HEADER


def test_an_upload_without_a_file_asks_for_one(desk_worker):
    response = logged_in(desk_worker).post(BASE, {})
    assert response.status_code == 400
    assert "Kies het CSV-bestand met de opvanglocaties." in response.text
