"""The coordinator's CSV upload: template, preview, confirm, errors and access."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from huisvanhetkind.catalogue import csv_import
from huisvanhetkind.catalogue.models import Service, ServiceHistory
from huisvanhetkind.catalogue.workflow import ServiceStatus
from tests.conftest import logged_in
from tests.factories import ServiceFactory

HEADER = [
    "organisatie",
    "naam",
    "korte uitleg",
    "beschrijving",
    "website",
    "e-mail",
    "telefoon",
    "domeinen",
    "leeftijdsgroepen",
    "doelgroepen",
    "gemeenten",
    "gratis",
    "prijs",
    "sociaal tarief",
    "prijs sociaal tarief",
    "talen",
    "hoe aanvragen",
]


def url(house, name="import"):
    return reverse(f"catalogue:{name}", kwargs={"house_slug": house.slug})


def row(**cells) -> dict:
    base = {
        "organisatie": "Opvoedingspunt Kalmthout",
        "naam": "Praatgroep voor papa's",
        "korte uitleg": "Papa's praten over opvoeden, bij een koffie.",
        "domeinen": "Opvoedingsondersteuning",
        "leeftijdsgroepen": "0-3, 3 tot 6 jaar",
        "gemeenten": "Kalmthout, 2910",
        "gratis": "ja",
        "talen": "Nederlands, fr",
    }
    return base | cells


def csv_bytes(rows, header=HEADER, delimiter=";", encoding="utf-8-sig") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    for cells in rows:
        writer.writerow([cells.get(name, "") for name in header])
    return buffer.getvalue().encode(encoding)


def upload(client, house, content: bytes, name="aanbod.csv", publish=True):
    data = {"file": SimpleUploadedFile(name, content, content_type="text/csv")}
    if publish:
        data["publish"] = "on"
    return client.post(url(house), data)


def confirm(client, house):
    preview = client.get(url(house, "import_preview"))
    digest = preview.context["form"].initial["digest"]
    return client.post(url(house, "import_confirm"), {"digest": digest})


def test_the_template_downloads_and_parses_back(house, organisation, coordinator):
    response = logged_in(coordinator).get(url(house, "import_template"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="sjabloon.csv"' in response["Content-Disposition"]
    content = response.content
    assert content.startswith(b"\xef\xbb\xbf")
    header = content.decode("utf-8-sig").splitlines()[0]
    assert header == ";".join(HEADER)

    parsed = csv_import.parse(content, house=house)
    assert len(parsed.rows) == 1
    example = parsed.rows[0]
    assert example.errors == []
    assert example.action == "create"
    assert example.organisation == organisation
    assert example.data["price"] == Decimal("5.00")
    assert example.data["social_tariff_price"] == Decimal("1.50")
    assert example.data["languages"] == ["nl", "en"]
    assert [d.slug for d in example.data["domains"]] == ["opvoedingsondersteuning", "huis"]


def test_a_good_file_previews_then_saves(house, organisation, other_organisation, coordinator):
    existing = ServiceFactory(
        organisation=organisation,
        name="Spreekuur opvoeding",
        domains=["huis"],
        referral_criteria="Alleen intern",
    )
    client = logged_in(coordinator)
    content = csv_bytes(
        [
            row(),
            row(
                organisatie="kraamzorg landelijke thuiszorg",
                naam="Kraamzorg aan huis",
                gratis="nee",
                prijs="€ 12,50",
                **{"sociaal tarief": "ja", "prijs sociaal tarief": "3,10"},
                leeftijdsgroepen="Aanstaande ouders",
                domeinen="gezondheid",
                website="www.kraamzorg.example.be",
            ),
            row(naam="spreekuur opvoeding", **{"korte uitleg": "Nu ook op woensdag."}),
        ]
    )
    response = upload(client, house, content)
    assert response.status_code == 302
    assert response["Location"] == url(house, "import_preview")

    preview = client.get(response["Location"])
    assert preview.status_code == 200
    page = preview.content.decode()
    assert "2 nieuw, 1 bijgewerkt, 0 ongewijzigd" in page
    assert '<th scope="col">' in page
    assert "Bijwerken: naam, korte uitleg" in page
    assert "Bevestig en bewaar" in page  # the control of the bad file's preview
    assert "catalogue_csv_import" in client.session
    assert not Service.objects.filter(name="Kraamzorg aan huis").exists()

    saved = confirm(client, house)
    assert saved.status_code == 302
    assert saved["Location"] == url(house, "house_services")

    papas = Service.objects.get(name="Praatgroep voor papa's")
    assert papas.status == ServiceStatus.PUBLISHED
    assert papas.is_free and papas.languages == ["nl", "fr"]
    assert sorted(m.name for m in papas.service_areas.all()) == ["Essen", "Kalmthout"]
    assert [a.slug for a in papas.age_groups.all()] == ["0-3", "3-6"]
    maternity = Service.objects.get(name="Kraamzorg aan huis")
    assert maternity.organisation == other_organisation
    assert (maternity.price, maternity.social_tariff_price) == (Decimal("12.50"), Decimal("3.10"))
    assert maternity.social_tariff and maternity.for_expecting_parents
    assert maternity.url == "https://www.kraamzorg.example.be"
    existing.refresh_from_db()
    assert existing.summary == "Nu ook op woensdag."
    assert existing.referral_criteria == "Alleen intern"
    assert Service.objects.count() == 3
    assert ServiceHistory.objects.filter(service=papas, actor=coordinator).exists()
    assert ServiceHistory.objects.filter(service=existing, action="update").exists()
    assert "catalogue_csv_import" not in client.session

    # The same file again changes nothing.
    upload(client, house, content)
    again = client.get(url(house, "import_preview")).content.decode()
    assert "0 nieuw, 0 bijgewerkt, 3 ongewijzigd" in again


def test_unpublished_import_creates_drafts(house, organisation, coordinator):
    client = logged_in(coordinator)
    upload(client, house, csv_bytes([row(domeinen="")]), publish=False)
    confirm(client, house)
    assert Service.objects.get().status == ServiceStatus.DRAFT


def test_a_file_with_one_bad_row_saves_nothing_and_says_why(house, organisation, coordinator):
    client = logged_in(coordinator)
    content = csv_bytes(
        [
            row(),
            row(naam="Onbekende partner", organisatie="Vzw Nergens"),
            row(naam="Sterren kijken", domeinen="Sterrenkunde"),
            row(naam="Te duur", gratis="nee", prijs="veel"),
            row(naam=""),
            row(naam="Dubbel"),
            row(naam="dubbel"),
            row(naam="Vreemde gemeente", gemeenten="Atlantis"),
            row(naam="Gratis met prijs", prijs="5"),
            row(naam="Vreemde taal", talen="Klingon"),
            row(naam="Slechte mail", **{"e-mail": "geen-adres"}),
            row(naam="Twijfel", gratis="misschien"),
        ]
    )
    response = upload(client, house, content)
    assert response.status_code == 302
    preview = client.get(url(house, "import_preview"))
    page = preview.content.decode()
    assert "10 rijen hebben een fout" in page
    for message in (
        "Onbekende organisatie &#x27;Vzw Nergens&#x27;: geen partner van Huis van het Kind Kalmthout.",
        "Onbekend domein &#x27;Sterrenkunde&#x27;. Kies uit:",
        "Ongeldige prijs &#x27;veel&#x27;: schrijf een bedrag zoals 12,50.",
        "De naam ontbreekt.",
        "Dit aanbod staat al op rij 7 van het bestand.",
        "Onbekende gemeente &#x27;Atlantis&#x27;",
        "Gratis en een prijs gaan niet samen",
        "Onbekende taal &#x27;Klingon&#x27;",
        "Ongeldig e-mailadres &#x27;geen-adres&#x27;.",
        "Schrijf &#x27;ja&#x27; of &#x27;nee&#x27; bij &#x27;gratis&#x27;, niet &#x27;misschien&#x27;.",
    ):
        assert message in page, message
    assert "Bevestig en bewaar" not in page

    digest = preview.context["form"].initial["digest"]
    refused = client.post(url(house, "import_confirm"), {"digest": digest})
    assert refused.status_code == 400
    assert not Service.objects.exists()


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"PK\x03\x04" + b"\x00" * 200, "aanbod.xlsx", "Kies een CSV-bestand (.csv)"),
        (b"PK\x03\x04" + b"\x00" * 200, "aanbod.csv", "Dit is een Excel-bestand"),
        (b"%PDF-1.4\n\x00\x01", "aanbod.csv", "Dit is geen CSV-bestand"),
        (
            ";".join(HEADER).encode() + b"\r\nOpvoedingspunt Kalmthout;Cr\xe8che;Uitleg\r\n",
            "aanbod.csv",
            "niet in UTF-8 bewaard",
        ),
        (b"x" * (1024 * 1024 + 1), "aanbod.csv", "groter dan 1 MB"),
        (b"", "aanbod.csv", "leeg"),
        (b"naam\r\nIets\r\n", "aanbod.csv", "kolomnamen"),
        (
            b"organisatie;naam;prijsje\r\nA;B;C\r\n",
            "aanbod.csv",
            "Onbekende kolom(men): &#x27;prijsje&#x27;",
        ),
        (
            b"organisatie;naam\r\nA;B\r\n",
            "aanbod.csv",
            "Deze kolommen ontbreken: &#x27;korte uitleg&#x27;",
        ),
        (";".join(HEADER).encode() + b"\r\n;;;\r\n", "aanbod.csv", "geen rijen met aanbod"),
        (b";;;", "aanbod.csv", "alleen scheidingstekens"),
        (b";;;\r\n;;;\r\n\r\n", "aanbod.csv", "alleen scheidingstekens"),
        (b",,,\n", "aanbod.csv", "alleen scheidingstekens"),
        pytest.param(
            b"organisatie;naam;korte uitleg\r\nA;B;" + b"x" * 140_000 + b"\r\n",
            "aanbod.csv",
            "kan niet als CSV gelezen worden (rond regel 2)",
            id="a-cell-beyond-the-csv-field-limit",
        ),
    ],
)
def test_files_that_are_not_a_usable_csv_get_a_dutch_message(
    house, coordinator, content, name, message
):
    client = logged_in(coordinator)
    response = upload(client, house, content, name=name)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "catalogue_csv_import" not in client.session
    assert not Service.objects.exists()


def test_an_amount_is_read_in_ascii_digits_only(house, organisation):
    rows = [
        row(naam=f"Aanbod {n}", gratis="nee", prijs=price)
        for n, price in enumerate(["١٢,٥٠", "1e5", "²", "NaN", "12,50", "€ 1.250,00"])
    ]
    upload = csv_import.parse(csv_bytes(rows), house=house)
    errors = {r.name: r.errors for r in upload.rows}
    for n in range(4):
        assert any("schrijf een bedrag zoals 12,50" in e for e in errors[f"Aanbod {n}"]), n
    assert not errors["Aanbod 4"] and not errors["Aanbod 5"]
    assert [r.data["price"] for r in upload.rows[4:]] == [Decimal("12.50"), Decimal("1250.00")]


def test_a_comma_separated_file_without_bom_works_too(house, organisation, coordinator):
    client = logged_in(coordinator)
    content = csv_bytes([row(domeinen="huis", talen="nl")], delimiter=",", encoding="utf-8")
    assert upload(client, house, content).status_code == 302
    confirm(client, house)
    assert Service.objects.get().name == "Praatgroep voor papa's"


@pytest.mark.parametrize("name", ["import", "import_preview", "import_template"])
def test_outsiders_get_404(
    house, organisation, worker, outsider, other_coordinator, coordinator, name
):
    for user in (worker, outsider, other_coordinator):
        assert logged_in(user).get(url(house, name)).status_code == 404
    # The positive control: the coordinator (sent to the upload while there is no preview).
    expected = 302 if name == "import_preview" else 200
    assert logged_in(coordinator).get(url(house, name)).status_code == expected
    assert (
        logged_in(outsider).post(url(house, "import_confirm"), {"digest": "x"}).status_code == 404
    )
    anonymous = Client().get(url(house, name))
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]


def test_an_outsider_cannot_upload(house, organisation, outsider, coordinator):
    response = upload(logged_in(outsider), house, csv_bytes([row()]))
    assert response.status_code == 404
    assert not Service.objects.exists()
    # The positive control: the coordinator uploads the same file.
    assert upload(logged_in(coordinator), house, csv_bytes([row()])).status_code == 302


def test_the_preview_belongs_to_the_house_and_the_file(
    house, other_house, organisation, coordinator
):
    client = logged_in(coordinator)
    missing = client.get(url(house, "import_preview"))
    assert missing.status_code == 302 and missing["Location"] == url(house)
    upload(client, house, csv_bytes([row()]))
    stale = client.post(url(house, "import_confirm"), {"digest": "0" * 64}, follow=True)
    assert "niet (meer) het bestand dat je bekeek" in stale.content.decode()
    assert not Service.objects.exists()
    # The positive control: the digest of the file on the preview saves it.
    confirm(client, house)
    assert Service.objects.get().name == "Praatgroep voor papa's"


def test_queries_of_the_preview_do_not_grow_with_the_rows(house, organisation, coordinator):
    def preview_queries(count: int) -> int:
        client = logged_in(coordinator)
        rows = [row(naam=f"Aanbod {n}") for n in range(count)]
        upload(client, house, csv_bytes(rows))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url(house, "import_preview")).status_code == 200
        return len(queries)

    for n in range(5):
        ServiceFactory(
            organisation=organisation,
            name=f"Aanbod {n}",
            domains=["huis"],
            service_areas=["Kalmthout"],
        )
    assert preview_queries(3) == preview_queries(30)
