"""Population figures: the coordinator's form and the Statbel CSV import (preview first,
nothing saved on any error, a Dutch message per line)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.coverage import population_csv
from huisvanhetkind.coverage.models import PopulationFigure
from huisvanhetkind.network.models import AgeGroup, Municipality
from tests.conftest import logged_in

STATBEL = """CD_REFNIS|TX_DESCR_NL|CD_SEX|CD_AGE|MS_POPULATION
11022|Kalmthout|M|0|90
11022|Kalmthout|F|0|85
11022|Kalmthout|M|1|88
11022|Kalmthout|F|5|95
11053|Wuustwezel|M|14|120
11053|Wuustwezel|F|40|300
"""


def _parse(text):
    return population_csv.parse(
        text, nis_codes={"11022", "11053"}, age_groups=list(AgeGroup.objects.all())
    )


def _url(house, name):
    return reverse(name, kwargs={"house_slug": house.slug})


@pytest.mark.django_db
def test_a_statbel_file_is_summed_per_municipality_and_age_group():
    parsed = _parse(STATBEL)
    assert parsed.errors == []
    assert parsed.totals == {("11022", "0-3"): 263, ("11022", "3-6"): 95, ("11053", "12-18"): 120}
    assert parsed.skipped == 1  # age 40: no age group


@pytest.mark.django_db
def test_a_hand_made_sheet_with_bands_and_slugs_is_read():
    parsed = _parse("nis;leeftijd;aantal\n11022;0-3;500\n11022;aanstaand;170\n11053;6-12;1.250\n")
    assert parsed.errors == []
    assert parsed.totals == {
        ("11022", "0-3"): 500,
        ("11022", "aanstaand"): 170,
        ("11053", "6-12"): 1250,
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text, message",
    [
        ("", "Het bestand is leeg."),
        ("gemeente;jaar\nKalmthout;2025\n", "kolomkoppen zijn niet herkend"),
        ("nis;leeftijd;aantal\n1102;0-3;5\n", "Regel 2: “1102” is geen NIS-code"),
        (
            "nis;leeftijd;aantal\n11002;0-3;5\n",
            "Regel 2: NIS-code 11002 is geen gemeente van dit huis",
        ),
        ("nis;leeftijd;aantal\n11022;baby;5\n", "Regel 2: “baby” is geen leeftijd"),
        ("nis;leeftijd;aantal\n11022;2-8;5\n", "Regel 2: “2-8” is geen leeftijd"),
        ("nis;leeftijd;aantal\n11022;0-3;veel\n", "Regel 2: “veel” is geen aantal"),
        ("nis;leeftijd;aantal\n11022;0-3;-4\n", "is geen aantal"),
        ("nis;leeftijd;aantal\n11022;0-3\n", "Regel 2: er ontbreken kolommen"),
        ("nis;leeftijd;aantal\n11022;40;5\n", "geen enkel bruikbaar cijfer"),
        ("nis;leeftijd;aantal\n11022;0-3;5\n11022;0-3;x\n", "Regel 3:"),
    ],
)
def test_every_bad_input_is_named_with_its_line(text, message):
    parsed = _parse(text)
    assert any(message in error for error in parsed.errors), parsed.errors


def test_the_coordinator_previews_then_confirms_an_import(duo, duo_coordinator):
    client = logged_in(duo_coordinator)
    url = _url(duo, "coverage:population_import")
    upload = SimpleUploadedFile("statbel.csv", STATBEL.encode("utf-8"), content_type="text/csv")
    preview = client.post(url, {"csv-year": "2025", "csv-file": upload})
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "Bevestigen en bewaren" in html and "263" in html
    assert not PopulationFigure.objects.exists()  # a preview saves nothing
    response = client.post(url, {"csv-year": "2025", "csv-text": STATBEL, "confirm": "1"})
    assert response.status_code == 302
    assert PopulationFigure.objects.count() == 3
    assert (
        PopulationFigure.objects.get(municipality__nis_code="11022", age_group__slug="0-3").count
        == 263
    )
    assert AuditEvent.objects.filter(target_type="coverage.populationfigure").count() == 3


@pytest.mark.parametrize(
    "data, message",
    [
        (
            {
                "csv-year": "2025",
                "csv-text": "nis;leeftijd;aantal\n11022;0-3;5\n11022;0-3;x\n",
                "confirm": "1",
            },
            "Regel 3:",
        ),
        ({"csv-year": "2025", "csv-text": ""}, "Kies een CSV-bestand of plak de regels."),
        (
            {
                "csv-year": "twintig",
                "csv-text": "nis;leeftijd;aantal\n11022;0-3;5\n",
                "confirm": "1",
            },
            "Vul een jaar in cijfers in",
        ),
        (
            {"csv-year": "1800", "csv-text": "nis;leeftijd;aantal\n11022;0-3;5\n", "confirm": "1"},
            "Vul een jaar in vanaf 1990",
        ),
    ],
)
def test_a_bad_import_saves_nothing_and_says_why(duo, duo_coordinator, data, message):
    response = logged_in(duo_coordinator).post(_url(duo, "coverage:population_import"), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not PopulationFigure.objects.exists()


def test_a_file_that_is_not_text_is_refused(duo, duo_coordinator):
    upload = SimpleUploadedFile(
        "foto.csv", b"\xff\xd8\xff\x00\x81\x8d\x8f\x90\x9d", content_type="text/csv"
    )
    response = logged_in(duo_coordinator).post(
        _url(duo, "coverage:population_import"), {"csv-year": "2025", "csv-file": upload}
    )
    assert response.status_code == 400
    assert not PopulationFigure.objects.exists()


def test_the_coordinator_enters_and_corrects_a_figure(duo, duo_coordinator):
    client = logged_in(duo_coordinator)
    url = _url(duo, "coverage:population")
    assert client.get(url).status_code == 200
    kalmthout = Municipality.objects.get(name="Kalmthout")
    toddlers = AgeGroup.objects.get(slug="0-3")
    data = {"municipality": kalmthout.pk, "age_group": toddlers.pk, "year": "2025", "count": "510"}
    assert client.post(url, data).status_code == 302
    assert client.post(url, {**data, "count": "520"}).status_code == 302
    figure = PopulationFigure.objects.get()
    assert figure.count == 520
    assert list(
        AuditEvent.objects.filter(target_type="coverage.populationfigure")
        .values_list("action", flat=True)
        .order_by("pk")
    ) == ["create", "update"]


@pytest.mark.parametrize(
    "change, message",
    [
        ({"municipality": ""}, "Kies een gemeente."),
        ({"municipality": "other"}, "Kies een gemeente van dit huis."),
        ({"age_group": "999999"}, "Kies een leeftijdsgroep uit de lijst."),
        ({"count": "-1"}, "Het aantal kan niet negatief zijn."),
        ({"count": "veel"}, "Vul een geheel getal in."),
        ({"year": ""}, "Vul het jaar in."),
    ],
)
def test_a_bad_figure_changes_nothing_and_says_why(duo, duo_coordinator, change, message):
    data = {
        "municipality": Municipality.objects.get(name="Kalmthout").pk,
        "age_group": AgeGroup.objects.get(slug="0-3").pk,
        "year": "2025",
        "count": "510",
    }
    if change.get("municipality") == "other":
        change = {"municipality": Municipality.objects.get(name="Zoersel").pk}
    response = logged_in(duo_coordinator).post(_url(duo, "coverage:population"), {**data, **change})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not PopulationFigure.objects.exists()
