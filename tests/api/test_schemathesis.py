"""Schemathesis against the whole API: every operation with generated parameters, on a database
with a demo-like offer (two houses, partners, published, draft and archived services, locations
with opening hours). No server error, and every answer as the OpenAPI document says: a
documented status code, its content type and its body schema.

Generated ids and house slugs rarely exist, so the records of the offer are also asked for by
their real ids, with the same checks. The schema is the one the API serves (checked below).
Requests go through Django's WSGI handler inside the test's transaction. The examples are
derandomised and bounded: the run is reproducible and takes well under a minute.
"""

import json

import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from django.http import JsonResponse
from django.test import Client
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from huisvanhetkind.api.api import api
from huisvanhetkind.catalogue import api as catalogue_api
from huisvanhetkind.catalogue.hsds import export as hsds_export
from huisvanhetkind.catalogue.hsds import taxonomy as hsds_taxonomy
from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.catalogue.search.services import index_service
from tests.catalogue.test_hsds_fixtures import build_offer

EXAMPLES_PER_OPERATION = 60
CHECKS = (
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
)

# django-ninja writes OpenAPI 3.1; schemathesis 3 reads it as 3.0 when told to (the document
# uses nothing of 3.1 that 3.0 lacks, such as "type": "null").
schema = schemathesis.from_dict(
    api.get_openapi_schema(), app=WSGIHandler(), force_schema_version="30"
)


@pytest.fixture
def offer(house, other_house, organisation, other_organisation):
    offer = build_offer(house, other_house, organisation, other_organisation)
    for service in Service.objects.all():  # the index follows a commit, which a test has not
        index_service(service)
    return offer


@pytest.fixture
def in_test_transaction():
    """Before and after a request Django closes a connection that is not in autocommit, as in
    a test's transaction (on PostgreSQL; SQLite's in-memory test database ignores it); its test
    client stops that too, and so does this for the WSGI handler."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@pytest.mark.django_db
def test_every_operation_answers_as_documented(case, offer, in_test_transaction):
    case.call_and_validate(checks=CHECKS)


def _call(path: str, *, path_parameters=None, query=None):
    case = schema[path]["GET"].make_case(path_parameters=path_parameters, query=query)
    return case.call_and_validate(checks=CHECKS)


def test_real_records_and_filters_answer_as_documented(
    offer, house, organisation, in_test_transaction
):
    consultation, site = offer["consultation"], offer["house_site"]
    details = [
        ("/api/hsds/services/{id}", consultation.hsds_id),
        ("/api/hsds/organizations/{id}", organisation.hsds_id),
        (
            "/api/hsds/service_at_locations/{id}",
            hsds_export.service_at_location_id(consultation.hsds_id, site.hsds_id),
        ),
        ("/api/hsds/taxonomies/{id}", "domain"),
        ("/api/hsds/taxonomy_terms/{id}", "domain:gezondheid"),
    ]
    for path, record_id in details:
        for query in ({}, {"house": house.slug}):
            response = _call(path, path_parameters={"id": record_id}, query=query)
            assert response.status_code == 200, (path, query, response.text)
    filters = [
        {"house": house.slug, "full": "true", "per_page": 2, "page": 2},
        {"search": "kraamzorg", "house": house.slug},
        {"search": "opvoeding"},
        {"taxonomy_term_id": "domain:gezondheid", "full": "true"},
        {"taxonomy_id": "age_group", "postcode": "2920"},
        {"organization_id": organisation.hsds_id, "modified_after": "2020-01-01"},
    ]
    lists = ["/api/hsds/services", "/api/hsds/service_at_locations", "/api/hsds/organizations"]
    for path in lists:
        for query in filters:
            if path.endswith("organizations"):
                query = {k: v for k, v in query.items() if k in ("house", "full", "search")}
            response = _call(path, query=query)
            assert response.status_code == 200, (path, query, response.text)
            assert json.loads(response.get_data())["contents"], (path, query)


def test_the_checks_catch_an_answer_that_breaks_the_document(db, monkeypatch, in_test_transaction):
    """The control of the tests above: a wrong answer or a crash does fail them."""
    with pytest.raises(AssertionError, match="schema"):
        monkeypatch.setattr(
            catalogue_api.Paging, "page_of", lambda *args: JsonResponse({"total_items": "3"})
        )
        _call("/api/hsds/taxonomies")

    def crash():
        raise RuntimeError("a bug")

    monkeypatch.setattr(hsds_taxonomy, "taxonomy_terms", crash)
    with pytest.raises(AssertionError, match="Server error"):
        _call("/api/hsds/taxonomy_terms")


def test_the_served_document_is_the_one_tested(db):
    served = Client().get("/api/openapi.json").json()
    assert served == json.loads(json.dumps(api.get_openapi_schema()))
