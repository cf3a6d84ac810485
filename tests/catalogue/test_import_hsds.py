"""Reading HSDS 3.0 in: round trip, idempotence, per-record reports, all or nothing."""

import copy
import io
import json
import random
import uuid
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.catalogue.hsds import document as hsds_document
from huisvanhetkind.catalogue.hsds import export as hsds_export
from huisvanhetkind.catalogue.hsds import fields as hsds_fields
from huisvanhetkind.catalogue.hsds import importer as hsds_importer
from huisvanhetkind.catalogue.hsds import taxonomy as hsds_taxonomy
from huisvanhetkind.catalogue.models import Service, ServiceHistory
from huisvanhetkind.catalogue.workflow import ServiceStatus
from huisvanhetkind.network.models import (
    House,
    Location,
    Municipality,
    Organisation,
    Partnership,
)
from tests.catalogue.test_hsds_fixtures import (
    HSDS_DIR,
    REFERRAL_SECRET,
    build_offer,
)
from tests.factories import ServiceFactory

EXAMPLES = HSDS_DIR / "examples"


@pytest.fixture
def offer(house, other_house, organisation, other_organisation):
    return build_offer(house, other_house, organisation, other_organisation)


@pytest.fixture
def empty_house(db):
    house = House.objects.create(name="Huis van het Kind Essen", slug="essen")
    house.municipalities.set(Municipality.objects.filter(name="Essen"))
    return house


def export(house) -> dict:
    """The whole public HSDS export of a house, as the API gives it."""
    client = Client()
    params = {"house": house.slug, "full": "true", "per_page": "100"}
    return {
        path: client.get(f"/api/hsds{path}", params).json()
        for path in ("/services", "/organizations", "/service_at_locations")
    }


def run_import(tmp_path, document, house, *args) -> tuple[str, str]:
    path = tmp_path / "hsds.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    out, err = StringIO(), StringIO()
    call_command("import-hsds", str(path), "--house", house.slug, *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def wipe_offer() -> None:
    Service.objects.all().delete()
    Location.objects.all().delete()
    Organisation.objects.all().delete()


def test_export_import_export_gives_the_same_document(offer, house, empty_house, tmp_path):
    before = export(house)
    assert before["/services"]["total_items"] == 3
    assert Service.objects.filter(referral_criteria=REFERRAL_SECRET).exists()  # not exported
    wipe_offer()

    run_import(tmp_path, before["/organizations"], empty_house)
    run_import(tmp_path, before["/services"], empty_house)

    after = export(empty_house)
    assert after == before
    assert REFERRAL_SECRET not in json.dumps(after)
    assert set(Partnership.objects.values_list("house__slug", flat=True)) == {"essen"}
    house_site = Location.objects.get(hsds_id=offer["house_site"].hsds_id)
    assert (house_site.house, house_site.organisation) == (empty_house, None)
    assert [str(h) for h in house_site.opening_hours.all()] == [
        "maandag 09:00-12:00",
        "woensdag 13:30-17:00",
        "vrijdag 09:00-12:00",
    ]


def test_importing_twice_changes_nothing(offer, house, empty_house, tmp_path):
    document = export(house)["/services"]
    wipe_offer()
    first, _ = run_import(tmp_path, document, empty_house)
    assert "Aanbod: 3 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 geweigerd" in first
    exported = export(empty_house)
    history = ServiceHistory.objects.count()

    second, _ = run_import(tmp_path, document, empty_house)

    assert "Aanbod: 0 nieuw, 0 bijgewerkt, 3 ongewijzigd, 0 geweigerd" in second
    assert "Organisaties: 0 nieuw, 0 bijgewerkt, 2 ongewijzigd" in second
    assert "Locaties: 0 nieuw, 0 bijgewerkt, 3 ongewijzigd" in second
    assert "Partnerschappen: 0 nieuw" in second
    assert export(empty_house) == exported
    assert ServiceHistory.objects.count() == history


def test_importing_our_own_export_over_our_data_changes_nothing(offer, house, tmp_path):
    document = export(house)
    before = {s.pk: s.updated_at for s in Service.objects.all()}
    output, _ = run_import(tmp_path, document["/services"], house)
    assert "Aanbod: 0 nieuw, 0 bijgewerkt, 3 ongewijzigd" in output
    assert {s.pk: s.updated_at for s in Service.objects.all()} == before
    consultation = Service.objects.get(pk=offer["consultation"].pk)
    assert consultation.referral_criteria == REFERRAL_SECRET  # HSDS never carries them


def test_an_import_updates_what_changed_and_keeps_the_rest(offer, house, tmp_path):
    document = export(house)["/services"]
    item = next(s for s in document["contents"] if s["name"] == "Kraamzorg aan huis")
    item["name"] = "Kraamzorg thuis"
    item["service_areas"] = [{"id": "x", "name": "Kalmthout"}]
    del item["languages"]  # absent: stays as it is
    output, _ = run_import(tmp_path, document, house)
    assert "Aanbod: 0 nieuw, 1 bijgewerkt, 2 ongewijzigd" in output
    maternity = Service.objects.get(pk=offer["maternity"].pk)
    assert maternity.name == "Kraamzorg thuis"
    assert [m.name for m in maternity.service_areas.all()] == ["Kalmthout"]
    assert maternity.languages == ["nl", "fr", "ar"]
    history = maternity.history.first()
    assert history.action == "import" and history.changes["name"] == [
        "Kraamzorg aan huis",
        "Kraamzorg thuis",
    ]


def test_dry_run_reports_but_saves_nothing(offer, house, empty_house, tmp_path):
    document = export(house)["/services"]
    wipe_offer()
    output, _ = run_import(tmp_path, document, empty_house, "--dry-run")
    assert "Aanbod: 3 nieuw" in output
    assert "Proefdraaien: er is niets bewaard." in output
    assert not Service.objects.exists()
    assert not Organisation.objects.exists()
    assert not Partnership.objects.exists()
    # The positive control: the same import for real saves them.
    run_import(tmp_path, document, empty_house)
    assert Service.objects.count() == 3
    assert Partnership.objects.exists()


def test_a_progress_bar_goes_to_stderr(offer, house, tmp_path):
    _, errors = run_import(tmp_path, export(house)["/services"], house)
    assert "Inlezen" in errors and "3/3" in errors


ORGANISATION = {"id": "0b6c2f7e-3a51-4c38-9d7e-1f2a3b4c5d6e", "name": "Gezinsbond Essen"}
# A published service needs a domain (as everywhere in the catalogue).
HEALTH = {"id": "d1", "taxonomy_term": {"id": "d1", "code": "domain:gezondheid"}}


def service_record(**fields) -> dict:
    return {
        "id": fields.pop("id", "5f0c7a1e-2b3c-4d5e-8f9a-0b1c2d3e4f5a"),
        "name": fields.pop("name", "Babysit-dienst"),
        "status": "active",
        "description": "Een babysit aan huis, door vrijwilligers.",
        "organization": ORGANISATION,
        "attributes": [HEALTH],
        **fields,
    }


def test_each_record_reports_what_it_could_not_take(db, empty_house, tmp_path):
    document = [
        service_record(
            id="a1",
            name="Met vreemde gemeente",
            service_areas=[
                {"id": "1", "name": "Foo"},
                {"id": "2", "name": "Essen"},
                {"id": "3", "uri": "urn:nis:11022"},
                {"id": "4", "name": "2990"},
            ],
            minimum_age="twaalf",
            maximum_age=12,
            email="geen-adres",
            languages=[{"id": "l", "code": "nl"}, {"id": "m", "code": "xx", "name": "Klingon"}],
            cost_options=[{"id": "c", "option": "Per beurt", "amount": "vijf"}],
            attributes=[
                {"id": "t1", "taxonomy_term": {"id": "t", "code": "domain:gezondheid"}},
                {"id": "t2", "taxonomy_term": {"id": "u", "name": "Sterrenkunde"}},
            ],
        ),
        service_record(id="a2", name="Te oud", minimum_age=12, maximum_age=3),
        service_record(id="", name="Zonder id"),
        service_record(id="a4", name=None),
        {"id": "a5", "name": "Onbekende organisatie", "status": "active", "organization_id": "?"},
        service_record(id="a6", name="Rare status", status="misschien"),
        "geen object",
    ]
    output, _ = run_import(tmp_path, document, empty_house)

    assert "Aanbod: 2 nieuw, 0 bijgewerkt, 0 ongewijzigd, 4 geweigerd" in output
    assert "aanbod 'Met vreemde gemeente' (a1): onbekende gemeente 'Foo'" in output
    assert "aanbod 'Met vreemde gemeente' (a1): minimum_age is geen getal" in output
    assert "email 'geen-adres' is geen geldig e-mailadres" in output
    assert "Klingon (xx)" in output
    assert "prijs is geen getal" in output
    assert "'Sterrenkunde'" in output
    assert "aanbod 'Te oud' (a2): minimum_age is groter dan maximum_age" in output
    assert "aanbod 'Zonder id' (): geen id" in output or "geen id" in output
    assert "aanbod a4: geen naam" in output
    assert "aanbod 'Onbekende organisatie' (a5): onbekende organisatie '?'" in output
    assert "onbekende status 'misschien'" in output
    assert "record 7: geen JSON-object" in output

    taken = Service.objects.get(hsds_id="a1")
    assert taken.status == ServiceStatus.PUBLISHED
    assert sorted(m.name for m in taken.service_areas.all()) == [
        "Essen",
        "Kalmthout",
        "Wuustwezel",
    ]
    assert (taken.minimum_age, taken.maximum_age, taken.email) == (None, 12, "")
    assert taken.languages == ["nl"]
    assert [d.slug for d in taken.domains.all()] == ["gezondheid"]
    assert taken.summary == "Een babysit aan huis, door vrijwilligers."
    assert Organisation.objects.get(hsds_id=ORGANISATION["id"]).partnerships.get().house == (
        empty_house
    )


def test_an_unexpected_error_leaves_nothing_half_imported(db, empty_house, tmp_path, monkeypatch):
    original = hsds_importer.HsdsImporter._service

    def fail_on_second(self, data, *args):
        if data["id"] == "b2":
            raise RuntimeError("stroompanne")
        return original(self, data, *args)

    monkeypatch.setattr(hsds_importer.HsdsImporter, "_service", fail_on_second)
    with pytest.raises(RuntimeError):
        run_import(tmp_path, [service_record(id="b1"), service_record(id="b2")], empty_house)
    assert not Service.objects.exists()
    assert not Organisation.objects.exists()
    # The positive control: without the failure both are saved.
    monkeypatch.undo()
    run_import(tmp_path, [service_record(id="b1"), service_record(id="b2")], empty_house)
    assert Service.objects.count() == 2


def test_bad_files_and_houses_get_a_dutch_message(db, house, tmp_path):
    broken = tmp_path / "kapot.json"
    broken.write_text('{"id": ', encoding="utf-8")
    with pytest.raises(CommandError, match="geen geldige JSON"):
        call_command("import-hsds", str(broken), "--house", house.slug)
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"name": "Crèche"}'.encode("latin-1"))
    with pytest.raises(CommandError, match="niet in UTF-8"):
        call_command("import-hsds", str(latin), "--house", house.slug)
    with pytest.raises(CommandError, match="niet gevonden"):
        call_command("import-hsds", str(tmp_path / "weg.json"), "--house", house.slug)
    with pytest.raises(CommandError, match="geen Huis van het Kind"):
        call_command("import-hsds", str(broken), "--house", "atlantis")
    scalar = tmp_path / "getal.json"
    scalar.write_text("42", encoding="utf-8")
    with pytest.raises(CommandError, match="geen HSDS-document"):
        call_command("import-hsds", str(scalar), "--house", house.slug)


def _counts() -> tuple[int, int, int]:
    return Service.objects.count(), Organisation.objects.count(), Location.objects.count()


@pytest.mark.parametrize("depth", [100_000, hsds_document.MAX_NESTING + 1])
def test_a_file_nested_too_deep_is_refused_before_parsing(offer, house, tmp_path, depth):
    before = _counts()
    deep = tmp_path / "diep.json"
    record = {"id": "0b8e8f3c-9b1e-4c1e-9a51-2f8e6c4b9d10", "name": "Diep", "status": "active"}
    text = json.dumps(record)[:-1] + ', "attributes": ' + "[" * depth + "]" * depth + "}"
    deep.write_text(text, encoding="utf-8")
    with pytest.raises(CommandError, match="te diep genest: meer dan 64 lijsten en objecten"):
        call_command("import-hsds", str(deep), "--house", house.slug, stdout=StringIO())
    assert _counts() == before


def test_a_deep_file_on_standard_input_is_refused_too(offer, house, monkeypatch):
    before = _counts()
    stdin = io.TextIOWrapper(io.BytesIO(b"[" * 50_000 + b"]" * 50_000), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", stdin)
    with pytest.raises(CommandError, match="te diep genest"):
        call_command("import-hsds", "-", "--house", house.slug, stdout=StringIO())
    assert _counts() == before


def test_a_file_above_the_size_limit_is_refused_before_reading(offer, house, tmp_path):
    before = _counts()
    large = tmp_path / "groot.json"
    with large.open("wb") as handle:  # sparse: it takes no room on disk
        handle.truncate(hsds_document.MAX_DOCUMENT_BYTES + 1)
    with pytest.raises(CommandError, match="groter dan 100 MB"):
        call_command("import-hsds", str(large), "--house", house.slug, stdout=StringIO())
    assert _counts() == before


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_not_json(offer, house, tmp_path, number):
    before = _counts()
    path = tmp_path / "getal.json"
    path.write_text(
        '{"id": "5e1d3c52-7b0e-4d7a-9a51-2f8e6c4b9d10", "name": "Oneindig", "status": "active",'
        f' "organization": {{"id": "{uuid.uuid4()}", "name": "Vzw"}}, "minimum_age": {number}}}',
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match=f"geen geldige JSON: {number} is in JSON geen getal"):
        call_command("import-hsds", str(path), "--house", house.slug, stdout=StringIO())
    assert _counts() == before


def test_an_age_that_is_not_finite_is_skipped_not_a_crash(db, empty_house):
    service = {
        "id": "6e1d3c52-7b0e-4d7a-9a51-2f8e6c4b9d10",
        "name": "Oneindig",
        "status": "active",
        "organization": {"id": "7e1d3c52-7b0e-4d7a-9a51-2f8e6c4b9d10", "name": "Vzw"},
    }
    for value in (float("inf"), float("nan"), 10**30):
        report = hsds_importer.import_hsds(
            service | {"maximum_age": value}, house=empty_house, dry_run=True
        )
        assert any("maximum_age is geen geheel getal" in line for line in report.lines())
    good = hsds_importer.import_hsds(service | {"maximum_age": 12}, house=empty_house, dry_run=True)
    assert not any("maximum_age" in line for line in good.lines())


def test_times_and_postcodes_are_read_in_ascii_digits_only():
    assert hsds_fields.parse_time("٠٩:٣٠") is None
    assert hsds_fields.parse_time("09:30") is not None


def test_brackets_in_texts_do_not_count_as_nesting(db, empty_house, tmp_path):
    record = {
        "id": "3c1d3c52-7b0e-4d7a-9a51-2f8e6c4b9d10",
        "name": 'Speelgroep [{\\"',
        "description": "Wekelijks \\ samen spelen " + "[{" * 500 + '\\"' + "}]" * 500,
    }
    out, _err = run_import(tmp_path, [record], empty_house)
    assert Organisation.objects.get(name='Speelgroep [{\\"').description.endswith("}]"), out
    assert hsds_document.json_nesting('{"a": "[[[\\"]]", "b": [[1]]}', limit=64) == 3
    assert hsds_document.json_nesting('["a\\\\", [["]"]]]', limit=64) == 3
    assert hsds_document.json_nesting("[" * 500, limit=64) == 65  # it stops counting past the limit


def test_an_archived_or_inactive_record_archives_the_service(offer, house, tmp_path):
    document = hsds_export.service_to_hsds(
        hsds_export.services_for_export().get(pk=offer["massage"].pk)
    )
    document["status"] = "inactive"
    run_import(tmp_path, document, house)
    massage = Service.objects.get(pk=offer["massage"].pk)
    assert (massage.status, massage.temporarily_closed) == (ServiceStatus.ARCHIVED, False)


def test_locations_are_matched_to_our_municipalities_by_postcode(db, empty_house, tmp_path):
    location = {
        "id": "c0ffee00-0000-4000-8000-000000000001",
        "location_type": "physical",
        "name": "Ontmoetingscentrum",
        "latitude": 51.4,
        "longitude": 4.4,
        "addresses": [
            {
                "id": "x",
                "address_1": "Kerkstraat 1",
                "city": "Essen",
                "state_province": "Antwerpen",
                "postal_code": "2910",
                "country": "BE",
                "address_type": "physical",
            }
        ],
        "schedules": [
            {
                "id": "s",
                "freq": "WEEKLY",
                "byday": "TU,TH",
                "opens_at": "09:00",
                "closes_at": "11:30",
            },
            {
                "id": "t",
                "freq": "MONTHLY",
                "byday": "1MO",
                "opens_at": "09:00",
                "closes_at": "10:00",
            },
        ],
    }
    abroad = {
        "id": "c0ffee00-0000-4000-8000-000000000002",
        "location_type": "physical",
        "addresses": [
            {
                "id": "y",
                "address_1": "Markt 1",
                "city": "Breda",
                "postal_code": "4811",
                "country": "NL",
            }
        ],
    }
    document = service_record(
        service_at_locations=[{"id": "1", "location": location}, {"id": "2", "location": abroad}]
    )
    output, _ = run_import(tmp_path, document, empty_house)

    place = Location.objects.get(hsds_id=location["id"])
    assert (place.municipality.name, place.postcode, place.street) == (
        "Essen",
        "2910",
        "Kerkstraat 1",
    )
    assert [str(h) for h in place.opening_hours.all()] == [
        "dinsdag 09:00-11:30",
        "donderdag 09:00-11:30",
    ]
    assert "1 uurrooster(s) niet overgenomen" in output
    assert "adres in het buitenland (NL)" in output
    service = Service.objects.get(hsds_id=document["id"])
    assert list(service.locations.all()) == [place]


def test_expecting_parents_and_prices_come_back_from_hsds(db, empty_house, tmp_path):
    document = service_record(
        attributes=[
            {"id": "1", "taxonomy_term_id": hsds_taxonomy.term_id("age_group", "aanstaand")},
            {"id": "2", "taxonomy_term": {"id": "z", "code": "target_group:kwetsbare-gezinnen"}},
            HEALTH,
        ],
        cost_options=[
            {"id": "a", "option": "Per uur", "currency": "EUR", "amount": 7.5},
            {
                "id": "b",
                "option": "UiTPAS-kansentarief",
                "amount": 1.5,
                "amount_description": "20%",
            },
        ],
        minimum_age=None,
    )
    run_import(tmp_path, document, empty_house)
    service = Service.objects.get(hsds_id=document["id"])
    assert service.for_expecting_parents is True
    assert [a.slug for a in service.age_groups.all()] == ["aanstaand"]
    assert [t.slug for t in service.target_groups.all()] == ["kwetsbare-gezinnen"]
    assert (str(service.price), service.price_description) == ("7.50", "Per uur")
    assert (service.social_tariff, str(service.social_tariff_price)) == (True, "1.50")
    assert service.social_tariff_description == "20%"
    assert not service.is_free


# --- The official examples ----------------------------------------------------------------------


def with_our_domain(data):
    """The example with one of our domains on each service: a published service needs one."""
    if isinstance(data, list):
        return [with_our_domain(item) for item in data]
    if not isinstance(data, dict):
        return data
    data = {key: with_our_domain(value) for key, value in data.items()}
    if data.get("status") in ("active", "temporarily closed"):
        data["attributes"] = [*(data.get("attributes") or []), HEALTH]
    return data


@pytest.mark.parametrize(
    "example",
    ["service_full.json", "organization_full.json", "service_list.json", "organization_list.json"],
)
def test_the_official_examples_import_with_clear_reports(db, empty_house, tmp_path, example):
    document = with_our_domain(json.loads((EXAMPLES / example).read_text(encoding="utf-8")))
    output, _ = run_import(tmp_path, document, empty_house)
    again, _ = run_import(tmp_path, document, empty_house)

    organisation = Organisation.objects.get(hsds_id="d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610")
    assert organisation.name == "Example Organization Inc."
    assert organisation.partnerships.get().house == empty_house
    assert "Organisaties: 1 nieuw" in output
    assert "nieuw, 0 bijgewerkt" in again and " 1 nieuw" not in again
    assert "niet overgenomen (geen plaats voor in ons model)" in output
    if example in ("service_full.json", "organization_full.json", "service_list.json"):
        service = Service.objects.get(hsds_id="ac148810-d857-441c-9679-408f346de14b")
        assert service.status == ServiceStatus.PUBLISHED
        assert (service.minimum_age, service.maximum_age) == (12, 100)
        assert "Aanbod: 1 nieuw" in output
    if example in ("service_full.json", "organization_full.json"):
        assert "adres in het buitenland (US) kunnen we niet plaatsen" in output
        assert "prijs in GBP niet overgenomen" in output
        assert "Urdu (ur)" in output
        assert "onbekende gemeente 'The service is available to all residents" in output
        assert "alert" in output and "funding" in output
        service = Service.objects.get(hsds_id="ac148810-d857-441c-9679-408f346de14b")
        assert service.phone == "+44 1234 234567"
        assert service.contact_name == "Ann Persona"
        assert not service.locations.exists()
    if example == "organization_full.json":
        assert "identificatie 'GB-COH 1234567' niet overgenomen" in output


def test_an_example_exports_as_valid_hsds_after_import(db, empty_house, tmp_path):
    from tests.catalogue.test_hsds_fixtures import assert_valid, compiled_schema

    document = with_our_domain(
        json.loads((EXAMPLES / "service_full.json").read_text(encoding="utf-8"))
    )
    run_import(tmp_path, document, empty_house)
    exported = Client().get("/api/hsds/services/ac148810-d857-441c-9679-408f346de14b").json()
    assert_valid(exported, compiled_schema("service.json"))
    assert exported["name"] == "Community Counselling"


def test_an_existing_service_of_another_organisation_is_not_duplicated(
    db, house, organisation, tmp_path
):
    service = ServiceFactory(organisation=organisation, name="Bestaand", domains=["huis"])
    document = service_record(id=service.hsds_id, name="Bestaand, nu bij de Gezinsbond")
    run_import(tmp_path, document, house)
    service.refresh_from_db()
    assert service.organisation.name == "Gezinsbond Essen"
    assert Service.objects.count() == 1


JUNK = [None, 1, -5, 2.5, "x", "", [], {}, True, [1], {"a": 1}, [{"id": 3}], "a\x00b", 10**30]


def _mutated(document, rnd: random.Random):
    """``document`` with a few values anywhere replaced by values of the wrong type."""
    paths = []

    def walk(node, path):
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in items:
            paths.append([*path, key])
            if isinstance(value, dict | list):
                walk(value, [*path, key])

    walk(document, [])
    for _ in range(rnd.randint(1, 6)):
        *parents, last = rnd.choice(paths)
        node = document
        try:
            for key in parents:
                node = node[key]
            node[last] = rnd.choice(JUNK)
        except (KeyError, IndexError, TypeError):
            pass  # an earlier change removed this path
    return document


def test_junk_of_the_wrong_type_is_reported_never_a_crash(offer, house, empty_house):
    documents = [
        json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
        for name in ("service_full.json", "organization_full.json")
    ]
    documents += [export(house)["/services"], export(house)["/organizations"]]
    rnd = random.Random(20250101)
    for _ in range(200):
        document = _mutated(copy.deepcopy(rnd.choice(documents)), rnd)
        report = hsds_importer.import_hsds(document, house=empty_house, dry_run=True)
        assert report.lines()
    assert not Service.objects.filter(organisation__partnerships__house=empty_house).exists()
    # The positive control: one of the documents, unmutated and for real, is saved there.
    hsds_importer.import_hsds(documents[2], house=empty_house)
    assert Service.objects.filter(organisation__partnerships__house=empty_house).exists()


def test_a_file_of_locations_is_read_and_taxonomies_are_skipped(db, empty_house, tmp_path):
    document = [
        {
            "id": "d00d0000-0000-4000-8000-000000000001",
            "location_type": "physical",
            "name": "Bib Essen",
            "addresses": [
                {
                    "id": "a",
                    "address_1": "Kerkstraat 10",
                    "city": "Essen",
                    "state_province": "Antwerpen",
                    "postal_code": "2910",
                    "country": "BE",
                    "address_type": "physical",
                }
            ],
        },
        {
            "id": "d00d0000-0000-4000-8000-000000000002",
            "location_type": "physical",
            "addresses": [
                {"id": "b", "address_1": "Nergensstraat 1", "postal_code": "9999", "country": "BE"}
            ],
        },
        {"id": "t", "code": "x", "name": "Een term", "description": "...", "taxonomy": "Andere"},
        {"id": "sal", "service_id": "s", "location_id": "l"},
    ]
    output, _ = run_import(tmp_path, document, empty_house)
    assert "Locaties: 1 nieuw, 0 bijgewerkt, 0 ongewijzigd, 1 geweigerd" in output
    assert "onbekende postcode '9999'" in output
    assert "record 3: taxonomieën en termen worden niet ingelezen" in output
    assert "record 4: een service_at_location wordt niet apart ingelezen" in output
    assert Location.objects.get(name="Bib Essen").house == empty_house
    assert not Organisation.objects.exists()


def test_an_organisation_we_know_by_its_enterprise_number_is_not_duplicated(
    db, house, organisation, tmp_path
):
    document = {
        "id": "9a9a9a9a-0000-4000-8000-000000000001",
        "name": "Opvoedingspunt Kalmthout vzw",
        "description": "Elders ingevoerd.",
        "organization_identifiers": [
            {
                "id": "i",
                "identifier_scheme": "BE-BCE_KBO",
                "identifier_type": "Ondernemingsnummer",
                "identifier": organisation.enterprise_number_display,
            }
        ],
    }
    output, _ = run_import(tmp_path, document, house)
    again, _ = run_import(tmp_path, document, house)
    assert Organisation.objects.count() == 1
    organisation.refresh_from_db()
    assert organisation.name == "Opvoedingspunt Kalmthout vzw"
    assert "hetzelfde ondernemingsnummer als de organisatie 'Opvoedingspunt Kalmthout'" in output
    assert "Organisaties: 0 nieuw, 1 bijgewerkt" in output
    assert "Organisaties: 0 nieuw, 0 bijgewerkt, 1 ongewijzigd" in again


# --- The catalogue's rules hold on the import too -----------------------------------------------


def test_an_active_service_without_a_domain_is_refused_with_a_message(db, empty_house, tmp_path):
    document = [
        service_record(id="zonder", name="Zonder domein", attributes=[]),
        service_record(id="met", name="Met domein"),
    ]
    output, _ = run_import(tmp_path, document, empty_house)

    assert "Aanbod: 1 nieuw, 0 bijgewerkt, 0 ongewijzigd, 1 geweigerd" in output
    assert (
        "aanbod 'Zonder domein' (zonder): Kies minstens één domein voor je het aanbod publiceert."
        in output
    )
    assert not Service.objects.filter(hsds_id="zonder").exists()
    # The same record with a domain is published.
    assert Service.objects.get(hsds_id="met").status == ServiceStatus.PUBLISHED


def test_an_inactive_service_without_a_domain_is_archived(db, empty_house, tmp_path):
    document = service_record(id="oud", name="Oud aanbod", status="inactive", attributes=[])
    output, _ = run_import(tmp_path, document, empty_house)

    assert "Aanbod: 1 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 geweigerd" in output
    assert Service.objects.get(hsds_id="oud").status == ServiceStatus.ARCHIVED


def test_an_archived_service_is_not_published_again_by_an_import(offer, house, tmp_path):
    archived = offer["archived"]
    archived.domains.set(offer["consultation"].domains.all())
    document = [
        service_record(id=archived.hsds_id, name="Vroeger aanbod", organization=None),
        service_record(id=offer["draft"].hsds_id, name="Concept: praatgroep", organization=None),
    ]
    for record in document:
        record["organization_id"] = offer["consultation"].organisation.hsds_id
        del record["organization"]
    output, _ = run_import(tmp_path, document, house)

    assert "Aanbod: 0 nieuw, 1 bijgewerkt, 0 ongewijzigd, 1 geweigerd" in output
    assert (
        f"aanbod 'Vroeger aanbod' ({archived.hsds_id}): De status “gearchiveerd” kan niet "
        "“gepubliceerd” worden." in output
    )
    archived.refresh_from_db()
    assert archived.status == ServiceStatus.ARCHIVED
    assert archived.description == ""  # nothing of the refused record is kept
    # A draft may be published: the import does it.
    assert Service.objects.get(pk=offer["draft"].pk).status == ServiceStatus.PUBLISHED


def test_imported_records_are_in_the_audit_trail_as_before_and_after(db, empty_house, tmp_path):
    location = {
        "id": "plek-1",
        "name": "Ontmoetingsruimte",
        "organization_id": ORGANISATION["id"],
        "addresses": [{"id": "a", "address_1": "Kerkstraat 1", "postal_code": "2910"}],
        "schedules": [
            {"id": "s", "freq": "WEEKLY", "byday": "MO", "opens_at": "09:00", "closes_at": "12:00"}
        ],
    }
    document = service_record(
        id="dienst-1",
        service_at_locations=[{"id": "sal", "location": location}],
    )
    run_import(tmp_path, document, empty_house)

    service = Service.objects.get(hsds_id="dienst-1")
    events = AuditEvent.objects.filter(house=empty_house)
    created = {(e.target_type, e.target_id) for e in events.filter(action="create")}
    assert ("network.organisation", str(service.organisation.pk)) in created
    assert ("network.location", str(Location.objects.get(hsds_id="plek-1").pk)) in created
    assert ("network.partnership", str(service.organisation.partnerships.get().pk)) in created
    assert ("catalogue.service", str(service.pk)) in created
    publish = events.get(target_type="catalogue.service", action="update")
    assert publish.changes == {"status": ["draft", "published"]}
    assert publish.reason == "import van een HSDS-bestand"
    for event in events:
        assert all(isinstance(c, list) and len(c) == 2 for c in event.changes.values())
    hours = events.get(target_type="network.location").changes["opening_hours"]
    assert hours == [None, [[0, "09:00", "12:00", ""]]]

    # Importing the same again records nothing more; a change records only what changed.
    count = AuditEvent.objects.count()
    run_import(tmp_path, document, empty_house)
    assert AuditEvent.objects.count() == count
    run_import(tmp_path, service_record(id="dienst-1", name="Babysit aan huis"), empty_house)
    change = AuditEvent.objects.get(
        target_type="catalogue.service", action="update", changes__has_key="name"
    )
    assert change.changes == {"name": ["Babysit-dienst", "Babysit aan huis"]}
