"""The HSDS 3.0 read API: valid documents, only published offer, filters, errors, queries."""

import json
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from huisvanhetkind.catalogue.hsds import export as hsds_export
from huisvanhetkind.catalogue.hsds import taxonomy as hsds_taxonomy
from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.network.models import Domain, Organisation, Partnership
from tests.catalogue.test_hsds_fixtures import (
    REFERRAL_SECRET,
    add_services,
    assert_valid,
    build_offer,
    compiled_schema,
    response_schema,
)

BASE = "/api/hsds"

LIST_ENDPOINTS = ["/services", "/organizations", "/service_at_locations"]


@pytest.fixture
def offer(house, other_house, organisation, other_organisation):
    return build_offer(house, other_house, organisation, other_organisation)


def get(path: str, **params):
    response = Client().get(BASE + path, params)
    return response


def get_json(path: str, **params) -> dict:
    response = get(path, **params)
    assert response.status_code == 200, response.content
    return response.json()


def ids(page: dict) -> set[str]:
    return {item["id"] for item in page["contents"]}


def sal_pairs(page: dict) -> set[tuple[str, str]]:
    return {(item["service_id"], item["location_id"]) for item in page["contents"]}


# --- Schema validation --------------------------------------------------------------------------


@pytest.mark.parametrize("full", ["false", "true"])
@pytest.mark.parametrize("path", LIST_ENDPOINTS)
def test_every_list_page_validates_against_the_hsds_schemas(offer, house, path, full):
    for params in ({}, {"house": house.slug}, {"house": house.slug, "per_page": "1", "page": "2"}):
        page = get_json(path, full=full, **params)
        assert page["contents"], (path, params)
        assert_valid(page, response_schema(path))
        item_schema = {
            "/services": "service_list.json",
            "/organizations": "organization_list.json",
            "/service_at_locations": "service_at_location_list.json",
        }[path]
        for item in page["contents"]:
            assert_valid(item, compiled_schema(item_schema))


def test_every_published_service_validates_as_a_compiled_service(offer, house):
    for service in offer["published"]:
        document = get_json(f"/services/{service.hsds_id}", house=house.slug)
        assert_valid(document, response_schema("/services/{id}"))
        assert_valid(document, compiled_schema("service.json"))


def test_every_partner_validates_as_a_compiled_organization(offer, house, organisation):
    page = get_json("/organizations", house=house.slug)
    assert len(page["contents"]) == 2
    for item in page["contents"]:
        document = get_json(f"/organizations/{item['id']}", house=house.slug)
        assert_valid(document, response_schema("/organizations/{id}"))
    document = get_json(f"/organizations/{organisation.hsds_id}")
    assert {s["name"] for s in document["services"]} == {"Spreekuur opvoeding", "Babymassage"}
    assert {loc["name"] for loc in document["locations"]} == {"Opvoedingspunt Heide"}
    assert document["organization_identifiers"][0]["identifier"] == organisation.enterprise_number


def test_every_service_at_location_validates_as_a_compiled_service_at_location(offer, house):
    page = get_json("/service_at_locations", house=house.slug)
    assert page["total_items"] == 4  # consultation at 2 sites, maternity at 1, massage at 1
    for item in page["contents"]:
        document = get_json(f"/service_at_locations/{item['id']}")
        # The reference openapi.json points this endpoint at service.json by mistake.
        assert_valid(document, compiled_schema("service_at_location.json"))
        assert document["location"]["id"] == item["location_id"]
        assert document["service"]["id"] == item["service_id"]


def test_taxonomies_and_terms_validate(db):
    taxonomies = get_json("/taxonomies")
    assert_valid(taxonomies, response_schema("/taxonomies"))
    assert {t["name"] for t in taxonomies["contents"]} == {
        "Beleidsdomeinen",
        "Leeftijdsgroepen",
        "Doelgroepen",
    }
    for taxonomy in taxonomies["contents"]:
        assert_valid(get_json(f"/taxonomies/{taxonomy['id']}"), response_schema("/taxonomies/{id}"))
    terms = get_json("/taxonomy_terms", per_page="100")
    assert_valid(terms, response_schema("/taxonomy_terms"))
    assert terms["total_items"] == 8 + 6 + 8
    term = get_json("/taxonomy_terms/domain:gezondheid")
    assert_valid(term, response_schema("/taxonomy_terms/{id}"))
    assert term == get_json(f"/taxonomy_terms/{term['id']}")
    assert term["code"] == "domain:gezondheid" and term["name"] == "Gezondheid"
    ages = get_json("/taxonomy_terms", taxonomy_id="age_group")
    assert [t["code"] for t in ages["contents"]][:2] == ["age_group:aanstaand", "age_group:0-3"]


# --- What is (not) exported ---------------------------------------------------------------------


def test_drafts_archived_and_other_houses_never_appear(offer, house):
    published = {s.hsds_id for s in offer["published"]}
    assert ids(get_json("/services", house=house.slug)) == published
    everywhere = ids(get_json("/services"))
    assert everywhere == published | {offer["foreign"].hsds_id}
    for hidden in (offer["draft"], offer["archived"], offer["hidden"][3]):
        assert hidden.hsds_id not in everywhere
        assert get(f"/services/{hidden.hsds_id}").status_code == 404
    assert get(f"/services/{offer['foreign'].hsds_id}", house=house.slug).status_code == 404
    # The positive controls: a published service, and the foreign one outside a house.
    assert get(f"/services/{offer['consultation'].hsds_id}").status_code == 200
    assert get(f"/services/{offer['foreign'].hsds_id}").status_code == 200
    pairs = sal_pairs(get_json("/service_at_locations"))
    assert (offer["archived"].hsds_id, offer["org_site"].hsds_id) not in pairs
    assert (offer["consultation"].hsds_id, offer["org_site"].hsds_id) in pairs
    organisations = {o["name"] for o in get_json("/organizations", house=house.slug)["contents"]}
    assert organisations == {"Opvoedingspunt Kalmthout", "Kraamzorg Landelijke Thuiszorg"}
    org = get_json(f"/organizations/{offer['consultation'].organisation.hsds_id}")
    assert "Concept: praatgroep" not in {s["name"] for s in org["services"]}
    assert "Spreekuur opvoeding" in {s["name"] for s in org["services"]}
    assert get(f"/organizations/{offer['ended'].hsds_id}").status_code == 404


def test_referral_criteria_never_leave_the_platform(offer, house):
    documents = [get(path, house=house.slug, full="true").content for path in LIST_ENDPOINTS] + [
        get(f"/services/{s.hsds_id}").content for s in offer["published"]
    ]
    for content in documents:
        assert REFERRAL_SECRET.encode() not in content
        assert b"referral" not in content
    # The positive control: these documents carry services whose criteria are stored.
    assert offer["maternity"].referral_criteria == REFERRAL_SECRET
    assert offer["maternity"].name.encode() in documents[0]


def test_a_service_maps_to_hsds(offer):
    service = offer["consultation"]
    document = hsds_export.service_to_hsds(
        hsds_export.services_for_export().get(pk=service.pk)
    )  # the pure function, as the API uses it
    assert document == get_json(f"/services/{service.hsds_id}")
    assert document["status"] == "active"
    assert document["description"] == (
        "Kom langs met al je vragen over opvoeden.\n\n"
        "Een opvoedingsondersteuner luistert en zoekt samen met jou.\n\nGratis."
    )
    assert document["minimum_age"] == 0 and document["maximum_age"] == 6
    assert document["assured_date"] == "2025-03-14"
    assert document["last_modified"].endswith("Z")
    assert document["organization"]["name"] == "Opvoedingspunt Kalmthout"
    assert document["phones"][0]["number"] == "03 666 12 35"
    assert document["schedules"] == [
        {
            "id": document["schedules"][0]["id"],
            "service_id": service.hsds_id,
            "description": "Elke dinsdag van 18 tot 20 uur.",
        }
    ]
    assert [(a["name"], a["uri"], a["extent_type"]) for a in document["service_areas"]] == [
        ("Essen", "urn:nis:11016", "text"),
        ("Kalmthout", "urn:nis:11022", "text"),
    ]
    assert [(lang["code"], lang["name"]) for lang in document["languages"]] == [
        ("nl", "Nederlands"),
        ("en", "Engels"),
        ("tr", "Turks"),
    ]
    assert document["cost_options"] == [
        {
            "id": document["cost_options"][0]["id"],
            "service_id": service.hsds_id,
            "option": "Gratis",
            "currency": "EUR",
            "amount": 0,
            "amount_description": "Gratis",
        }
    ]
    assert document["contacts"][0] | {"id": None} == {
        "id": None,
        "service_id": service.hsds_id,
        "name": "An Peeters",
        "title": "Opvoedingsondersteuner",
        "email": "an@opvoedingspunt.example.be",
    }
    codes = [a["taxonomy_term"]["code"] for a in document["attributes"]]
    assert codes == [
        "domain:huis",
        "domain:opvoedingsondersteuning",
        "age_group:0-3",
        "age_group:3-6",
        "target_group:kwetsbare-gezinnen",
        "target_group:grootouders",
    ]
    house_site = next(
        sal["location"]
        for sal in document["service_at_locations"]
        if sal["location_id"] == offer["house_site"].hsds_id
    )
    assert "organization_id" not in house_site  # the house's own place
    assert house_site["addresses"][0] | {"id": None} == {
        "id": None,
        "location_id": offer["house_site"].hsds_id,
        "address_1": "Kapellensteenweg 170",
        "city": "Kalmthout",
        "state_province": "Antwerpen",
        "postal_code": "2920",
        "country": "BE",
        "address_type": "physical",
    }
    assert [(s["byday"], s["opens_at"], s["closes_at"]) for s in house_site["schedules"]] == [
        ("MO", "09:00", "12:00"),
        ("WE", "13:30", "17:00"),
        ("FR", "09:00", "12:00"),
    ]
    assert {s["freq"] for s in house_site["schedules"]} == {"WEEKLY"}
    assert house_site["schedules"][1]["notes"] == "Zonder afspraak"
    assert house_site["accessibility"][0]["description"].startswith("Rolstoeltoegankelijk")
    assert house_site["latitude"] == 51.38312


def test_prices_social_tariff_and_expecting_parents_map_to_hsds(offer):
    maternity = get_json(f"/services/{offer['maternity'].hsds_id}")
    assert "minimum_age" not in maternity and "maximum_age" not in maternity
    assert "maximum_age" in get_json(f"/services/{offer['consultation'].hsds_id}")  # with ages
    ages = [
        a["taxonomy_term"]["name"]
        for a in maternity["attributes"]
        if a["taxonomy_term"]["code"].startswith("age_group:")
    ]
    assert ages == ["Aanstaande ouders", "0 tot 3 jaar"]
    assert [
        (c["option"], c.get("amount"), c.get("amount_description"))
        for c in maternity["cost_options"]
    ] == [
        ("Normale prijs", 12.5, "per uur"),
        (
            "Sociaal tarief / UiTPAS-kansentarief",
            3.1,
            "Met UiTPAS-kansentarief of verhoogde tegemoetkoming",
        ),
    ]
    massage = get_json(f"/services/{offer['massage'].hsds_id}")
    assert massage["status"] == "temporarily closed"
    # Expecting parents without the age group still say so with the age-group term.
    assert [a["taxonomy_term"]["code"] for a in massage["attributes"]] == [
        "domain:gezondheid",
        "age_group:aanstaand",
    ]
    assert [(c["option"], c.get("amount")) for c in massage["cost_options"]] == [
        ("Normale prijs", 20),
        ("Sociaal tarief / UiTPAS-kansentarief", None),
    ]


def test_ids_of_parts_are_stable_between_exports(offer):
    first = get_json(f"/services/{offer['consultation'].hsds_id}")
    second = get_json(f"/services/{offer['consultation'].hsds_id}")
    assert first == second
    part_ids = [p["id"] for key in ("phones", "cost_options", "service_areas") for p in first[key]]
    assert len(set(part_ids)) == len(part_ids)


# --- Filters and paging -------------------------------------------------------------------------


def test_list_filters(offer, house, organisation):
    consultation, maternity, massage = offer["published"]
    assert ids(get_json("/services", taxonomy_term_id="domain:gezondheid", house=house.slug)) == {
        maternity.hsds_id,
        massage.hsds_id,
    }
    by_id = hsds_taxonomy.term_id("target_group", "grootouders")
    assert ids(get_json("/services", taxonomy_term_id=by_id)) == {consultation.hsds_id}
    expecting = get_json("/services", taxonomy_term_id="age_group:aanstaand")
    assert ids(expecting) == {maternity.hsds_id, massage.hsds_id}
    assert ids(get_json("/services", taxonomy_id="target_group", house=house.slug)) == {
        consultation.hsds_id,
        maternity.hsds_id,
    }
    assert ids(get_json("/services", organization_id=organisation.hsds_id)) == {
        consultation.hsds_id,
        massage.hsds_id,
    }
    assert ids(get_json("/services", postcode="2990")) == {maternity.hsds_id}  # Wuustwezel
    assert ids(get_json("/services", postcode="2910")) == {consultation.hsds_id, maternity.hsds_id}
    assert ids(get_json("/services", postcode="9000")) == set()
    assert sal_pairs(get_json("/service_at_locations", postcode="2990")) == {
        (maternity.hsds_id, offer["essen_site"].hsds_id)
    }

    Service.objects.filter(pk=massage.pk).update(updated_at=timezone.now() + timedelta(days=2))
    later = (timezone.now() + timedelta(days=1)).isoformat()
    assert ids(get_json("/services", modified_after=later)) == {massage.hsds_id}
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    assert ids(get_json("/services", modified_after=tomorrow)) == {massage.hsds_id}


def test_search_finds_services(offer, house):
    try:
        from huisvanhetkind.catalogue.search.services import index_service
    except ImportError:
        pass
    else:
        for service in Service.objects.all():
            index_service(service)
    found = get_json("/services", search="kraamzorg", house=house.slug)
    assert ids(found) == {offer["maternity"].hsds_id}
    assert ids(get_json("/services", search="draft-woord-dat-nergens-staat")) == set()
    found = get_json("/service_at_locations", search="kraamzorg")
    assert sal_pairs(found) == {(offer["maternity"].hsds_id, offer["essen_site"].hsds_id)}


def test_pages(offer, house):
    first = get_json("/services", house=house.slug, per_page="2")
    assert first | {"contents": None} == {
        "total_items": 3,
        "total_pages": 2,
        "page_number": 1,
        "size": 2,
        "first_page": True,
        "last_page": False,
        "empty": False,
        "contents": None,
    }
    second = get_json("/services", house=house.slug, per_page="2", page="2")
    assert (second["size"], second["first_page"], second["last_page"]) == (1, False, True)
    assert not ids(first) & ids(second)
    beyond = get_json("/services", house=house.slug, page="9")
    assert (beyond["empty"], beyond["contents"], beyond["total_items"]) == (True, [], 3)
    assert [s["name"] for s in first["contents"]] == ["Babymassage", "Kraamzorg aan huis"]


# --- Bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "params", "message"),
    [
        ("/services", {"page": "0"}, "'page' moet een geheel getal"),
        ("/services", {"page": "-3"}, "'page' moet een geheel getal"),
        ("/services", {"page": "twee"}, "'page' moet een geheel getal"),
        ("/services", {"per_page": "1000"}, "'per_page' moet een geheel getal van 1 tot 100"),
        ("/organizations", {"per_page": "0"}, "'per_page' moet een geheel getal van 1 tot 100"),
        ("/services", {"modified_after": "gisteren"}, "geen geldige datum"),
        ("/services", {"modified_after": "2025-13-45"}, "geen geldige datum"),
        ("/services", {"house": "atlantis"}, "geen Huis van het Kind met de korte naam"),
        ("/organizations", {"house": "atlantis"}, "geen Huis van het Kind met de korte naam"),
        ("/services", {"taxonomy_term_id": "domain:sterrenkunde"}, "Onbekende taxonomieterm"),
        ("/services", {"taxonomy_term_id": "7e1c0f0e-0000-4000-8000-000000000000"}, "Onbekende"),
        ("/services", {"taxonomy_id": "kleuren"}, "Onbekende taxonomie"),
        ("/taxonomy_terms", {"taxonomy_id": "kleuren"}, "Onbekende taxonomie"),
        ("/services", {"organization_id": "bestaat-niet"}, "Onbekende organisatie"),
        ("/services", {"postcode": "29201"}, "postcode van 4 cijfers"),
        ("/services", {"search": "a\x00b"}, "ongeldige tekens"),
        ("/services", {"search": "x" * 500}, "te lang"),
        ("/services", {"search": "\x01\x02"}, "ongeldige tekens"),
        ("/service_at_locations", {"full": "misschien"}, "true of false"),
        ("/service_at_locations", {"page": "1e3"}, "'page' moet een geheel getal"),
        ("/services", {"page": "²"}, "'page' moet een geheel getal van 1 tot 100000"),
        ("/services", {"page": "٣"}, "'page' moet een geheel getal van 1 tot 100000"),
        ("/services", {"page": "1" * 30}, "'page' moet een geheel getal van 1 tot 100000"),
        ("/organizations", {"per_page": "٣"}, "'per_page' moet een geheel getal van 1 tot 100"),
        ("/taxonomies", {"per_page": "1_0"}, "'per_page' moet een geheel getal van 1 tot 100"),
        ("/taxonomy_terms", {"page": "+2"}, "'page' moet een geheel getal van 1 tot 100000"),
        ("/services", {"postcode": "٢٩٢٠"}, "postcode van 4 cijfers"),
        ("/services", {"taxonomy_term_id": "9" * 30}, "Onbekende taxonomieterm"),
        ("/services", {"taxonomy_id": "٣"}, "Onbekende taxonomie"),
        ("/services", {"organization_id": "9" * 30}, "Onbekende organisatie"),
        ("/services/x", {"house": "²"}, "geen Huis van het Kind met de korte naam"),
        ("/services", {"modified_after": "٢٠٢٥-٠١-٠١"}, "geen geldige datum"),
        ("/services", {"modified_after": "0001-01-01"}, "geen geldige datum"),
        ("/services", {"modified_after": "0001-01-01T00:00:00+14:00"}, "geen geldige datum"),
        ("/services", {"modified_after": "9999-12-31T23:59:59-14:00"}, "geen geldige datum"),
    ],
)
def test_bad_parameters_get_a_dutch_400(offer, path, params, message):
    response = get(path, **params)
    assert response.status_code == 400
    assert message in response.json()["detail"]


def test_numbers_in_ascii_digits_are_taken(offer, house):
    page = get_json("/services", house=house.slug, page="2", per_page="2")
    assert (page["page_number"], page["size"]) == (2, 1)
    assert get_json("/services", postcode="2920")["contents"]
    for moment in ("2000-01-01", "2000-01-01T00:00:00+14:00"):
        assert get_json("/services", modified_after=moment)["contents"]


def test_the_openapi_document_declares_integers_and_booleans(db):
    schema = Client().get("/api/openapi.json").json()
    declared = {}
    for path, item in schema["paths"].items():
        for parameter in item["get"]["parameters"]:
            assert "anyOf" not in parameter["schema"], (path, parameter["name"])
            declared.setdefault(parameter["name"], []).append(parameter["schema"])
    for name, maximum in (("page", 100_000), ("per_page", 100)):
        for found in declared[name]:
            assert (found["type"], found["minimum"], found["maximum"]) == ("integer", 1, maximum)
    assert {found["type"] for found in declared["full"]} == {"boolean"}
    page = schema["components"]["schemas"]["Page"]["properties"]
    for name in ("total_items", "total_pages", "page_number", "size"):
        assert page[name]["type"] == "integer"
    for name in ("first_page", "last_page", "empty"):
        assert page[name]["type"] == "boolean"
    for path in LIST_ENDPOINTS + ["/taxonomies", "/taxonomy_terms"]:
        ok = schema["paths"]["/api/hsds" + path]["get"]["responses"]["200"]
        assert ok["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Page"}


def test_undecodable_query_strings_are_refused_not_crashing(offer):
    response = Client().get(BASE + "/services?search=%FF%FE&page=%C0")
    assert response.status_code == 400
    assert "detail" in response.json()


@pytest.mark.parametrize(
    "path",
    [
        "/services/bestaat-niet",
        "/organizations/bestaat-niet",
        "/service_at_locations/bestaat-niet",
        "/taxonomies/bestaat-niet",
        "/taxonomy_terms/domain:bestaat-niet",
        "/services/a%00b",
        "/organizations/" + "x" * 300,
        "/service_at_locations/%01",
        "/taxonomy_terms/domain:%00",
    ],
)
def test_unknown_ids_are_a_dutch_404(offer, path):
    response = get(path)
    assert response.status_code == 404
    assert response.json()["detail"].startswith("Er is geen")
    assert get(f"/services/{offer['consultation'].hsds_id}").status_code == 200  # a known id


def test_the_api_is_documented(db):
    schema = Client().get("/api/openapi.json").json()
    for path in (
        "/api/hsds/services",
        "/api/hsds/services/{id}",
        "/api/hsds/organizations",
        "/api/hsds/service_at_locations/{id}",
        "/api/hsds/taxonomy_terms",
    ):
        assert path in schema["paths"]
    names = {p["name"] for p in schema["paths"]["/api/hsds/services"]["get"]["parameters"]}
    assert {"search", "page", "per_page", "taxonomy_term_id", "postcode", "house"} <= names
    assert Client().get("/api/docs").status_code == 200
    about = get_json("/")
    assert about["version"] == "3.0" and about["openapi_url"].endswith("/api/openapi.json")


# --- Queries ------------------------------------------------------------------------------------


def count_queries(path: str, **params) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = get(path, **params)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("full", ["false", "true"])
@pytest.mark.parametrize("path", LIST_ENDPOINTS)
def test_queries_per_list_page_do_not_grow_with_the_data(
    offer, house, organisation, other_organisation, path, full
):
    params = {"house": house.slug, "full": full, "postcode": "2920"}
    small = count_queries(path, **params)
    add_services(organisation, 6)
    add_services(other_organisation, 4, location=offer["essen_site"])
    for n in range(5):
        partner = Organisation.objects.create(name=f"Nieuwe partner {n}", phone="03 000 00 00")
        partner.domains.set(Domain.objects.filter(slug="huis"))
        Partnership.objects.create(organisation=partner, house=house)
        add_services(partner, 2)
    page = get_json(path, **params)
    assert page["size"] > 6
    assert count_queries(path, **params) == small


def test_queries_per_detail_do_not_grow_with_the_data(offer, organisation):
    path = f"/organizations/{organisation.hsds_id}"
    small = count_queries(path)
    add_services(organisation, 5)
    assert count_queries(path) == small
    service = offer["consultation"]
    small = count_queries(f"/services/{service.hsds_id}")
    service.locations.add(*[s.locations.first() for s in add_services(organisation, 3)])
    assert count_queries(f"/services/{service.hsds_id}") == small


def test_documents_are_json_serialisable_without_our_encoder(offer):
    for service in hsds_export.services_for_export():
        json.dumps(hsds_export.service_to_hsds(service))


def test_search_in_a_house_combines_with_the_other_filters(offer, house, organisation):
    from huisvanhetkind.catalogue.search.services import rebuild_index

    rebuild_index()
    both = get_json("/services", search="kraamzorg opvoeding", house=house.slug)
    assert offer["maternity"].hsds_id in ids(both)
    mine = get_json(
        "/services",
        search="kraamzorg opvoeding",
        house=house.slug,
        organization_id=organisation.hsds_id,
    )
    assert offer["maternity"].hsds_id not in ids(mine)
    assert ids(mine) and ids(mine) <= {
        s.hsds_id for s in offer["published"] if s.organisation == organisation
    }
    assert mine["total_items"] == len(ids(mine))
