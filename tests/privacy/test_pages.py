"""The privacy statement and the record of processing activities are generated from the
register of personal data; the record is for the house's coordinator and platform admins."""

import csv
import io
from dataclasses import replace

import pytest

from huisvanhetkind.core import register
from huisvanhetkind.network.models import Role
from tests.conftest import logged_in, with_second_factor
from tests.factories import RoleFactory, UserFactory

pytestmark = pytest.mark.django_db


def record_url(house, suffix="/"):
    return f"/beheer/huis/{house.slug}/verwerkingsregister{suffix}"


@pytest.fixture
def platform_admin(db):
    user = with_second_factor(UserFactory(email="beheer@platform.example.be"))
    RoleFactory(user=user, kind=Role.Kind.PLATFORM_ADMIN)
    return user


@pytest.fixture
def extra_declaration(monkeypatch):
    """A declaration added to the register for one test: the pages must show it."""
    question = register.declarations()["questions.Question"]
    added = replace(
        question,
        model="privacy_tests.Diary",
        purpose="een dagboek bijhouden voor de test",
        data='=HYPERLINK("https://example.com")',
        rule=None,
    )
    monkeypatch.setitem(register._DECLARED, added.model, added)
    return added


def test_the_statement_tells_each_purpose_of_the_register(parent_client, house):
    content = parent_client.get("/privacy/").content.decode()
    assert "<h1>Privacyverklaring</h1>" in content
    for declaration in register.declarations().values():
        purpose = str(declaration.purpose)
        assert purpose[0].upper() + purpose[1:] in content, declaration.model
    assert "365 dagen na het afsluiten" in content  # the questions' retention, from the settings
    assert "uitdrukkelijke toestemming (AVG art. 9.2.a)" in content
    assert "Over gezinnen (ouders en kinderen)" in content
    assert "Gezondheid</strong>" in content  # the overview per category


def test_the_statement_follows_the_register(parent_client, extra_declaration, settings):
    settings.REGISTRATION_RETENTION_DAYS = 90
    content = parent_client.get("/privacy/").content.decode()
    assert "Een dagboek bijhouden voor de test" in content
    assert "90 dagen na het moment van de activiteit" in content


def test_every_page_links_the_statement(parent_client, house):
    content = parent_client.get(f"/{house.slug}/").content.decode()
    assert 'href="/privacy/"' in content


def test_the_coordinator_reads_the_record_of_processing_activities(coordinator, house):
    response = logged_in(coordinator).get(record_url(house))
    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Verwerkingsregister</h1>" in content
    for label in register.declarations():
        assert f"<td>{label}</td>" in content
    assert record_url(house, ".csv") in content


def test_a_platform_admin_reads_the_record_too(platform_admin, house):
    assert logged_in(platform_admin).get(record_url(house)).status_code == 200
    assert logged_in(platform_admin).get(record_url(house, ".csv")).status_code == 200


@pytest.mark.parametrize("who", ["worker", "outsider", "org_admin", "other_coordinator"])
def test_nobody_else_finds_the_record(request, who, house, coordinator):
    client = logged_in(request.getfixturevalue(who))
    assert client.get(record_url(house)).status_code == 404
    assert client.get(record_url(house, ".csv")).status_code == 404
    # The positive control: the coordinator of this house.
    assert logged_in(coordinator).get(record_url(house)).status_code == 200


def test_the_record_asks_a_stranger_to_log_in(parent_client, house):
    response = parent_client.get(record_url(house))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert parent_client.get(record_url(house, ".csv")).status_code == 302


def test_the_record_of_another_house_is_not_the_coordinators(coordinator, house, other_house):
    assert logged_in(coordinator).get(record_url(other_house)).status_code == 404
    assert logged_in(coordinator).get(record_url(house)).status_code == 200


def test_the_csv_has_a_row_per_declaration_and_cells_that_are_never_formulas(
    coordinator, house, extra_declaration
):
    response = logged_in(coordinator).get(record_url(house, ".csv"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f'filename="verwerkingsregister-{house.slug}.csv"' in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:2] == ["verwerking (doel)", "model"]
    assert len(rows) == 1 + len(register.declarations())
    by_model = {row[1]: row for row in rows[1:]}
    assert by_model["privacy_tests.Diary"][4] == '\'=HYPERLINK("https://example.com")'
    question = by_model["questions.Question"]
    assert question[10] == "questions.erase_expired"
    assert question[5] == "toestemming (AVG art. 6.1.a)"
