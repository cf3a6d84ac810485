"""Open data: the coordinator opts the house in (audited, bad input changes nothing); then a
public page lists the coverage matrix and the released survey tables as CSV and JSON under CC
BY 4.0, with no count of 1 to 4 people; a 404 while the house has not opted in."""

import csv
import io
import json

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.demo.participation import seed_participation
from huisvanhetkind.demo.services import load
from huisvanhetkind.participation.models import OpenDataSetting, QuestionKind
from huisvanhetkind.participation.services_open_data import set_open_data
from tests.conftest import logged_in
from tests.participation.conftest import answer_with, close, make_survey
from tests.participation.figures_helpers import steering_member  # noqa: F401

pytestmark = pytest.mark.django_db


def url(name, house, **kwargs):
    return reverse(f"participation:{name}", kwargs={"house_slug": house.slug, **kwargs})


@pytest.fixture
def released_survey(house, coordinator):
    survey = make_survey(house, coordinator, kinds=(QuestionKind.SINGLE, QuestionKind.SCALE))
    for n in range(11):
        answer_with(survey, single="Ja" if n < 8 else "Soms", scale="4")
    # A question answered by 3 people only: its total must not leave the house either.
    survey_small = make_survey(house, coordinator, title="Klein", kinds=(QuestionKind.SINGLE,))
    for _ in range(3):
        answer_with(survey_small, single="Ja")
    close(survey_small)
    return close(survey)


# The switch ----------------------------------------------------------------------------------


def test_coordinator_opts_in_and_out_audited(house, coordinator):
    client = logged_in(coordinator)
    assert "Open data" in client.get(url("reach", house)).content.decode()
    response = client.post(url("open_data_switch", house), {"publiceren": "ja"})
    assert response.status_code == 302
    setting = OpenDataSetting.objects.get(house=house)
    assert setting.enabled and setting.enabled_by == coordinator and setting.enabled_at
    assert setting.licence == "CC-BY-4.0"
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.UPDATE, reason="open data aan", house=house
    ).exists()
    client.post(url("open_data_switch", house), {"publiceren": "nee"})
    assert not OpenDataSetting.objects.get(house=house).enabled
    assert AuditEvent.objects.filter(reason="open data uit", house=house).exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Kies of het huis open data publiceert."),
        ({"publiceren": "misschien"}, "Kies “ja” of “nee”."),
        ({"publiceren": "ja" * 500}, "Kies “ja” of “nee”."),
    ],
)
def test_bad_input_changes_nothing(house, coordinator, data, message):
    response = logged_in(coordinator).post(url("open_data_switch", house), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page and "Controleer je invoer" in page
    assert not OpenDataSetting.objects.filter(house=house).exists()
    assert not AuditEvent.objects.filter(reason__startswith="open data").exists()


def test_only_the_coordinator_switches(
    house,
    other_coordinator,
    worker,
    outsider,
    steering_member,  # noqa: F811
):
    for user in (other_coordinator, worker, outsider, steering_member):
        response = logged_in(user).post(url("open_data_switch", house), {"publiceren": "ja"})
        assert response.status_code == 404
    assert Client().post(url("open_data_switch", house), {"publiceren": "ja"}).status_code in (
        302,
        403,
    )
    assert not OpenDataSetting.objects.filter(house=house).exists()


def test_the_switch_takes_only_post(house, coordinator):
    assert logged_in(coordinator).get(url("open_data_switch", house)).status_code == 405


# The public page -----------------------------------------------------------------------------


def test_public_page_is_404_until_the_house_opts_in(house, coordinator, released_survey):
    anonymous = Client()
    addresses = [
        url("open_data", house),
        url("open_data_coverage", house, fmt="csv"),
        url("open_data_coverage", house, fmt="json"),
        url("open_data_survey", house, pk=released_survey.pk, fmt="csv"),
    ]
    for address in addresses:
        assert anonymous.get(address).status_code == 404
    set_open_data(house=house, enabled=True, actor=coordinator)
    for address in addresses:
        assert anonymous.get(address).status_code == 200
    set_open_data(house=house, enabled=False, actor=coordinator)
    for address in addresses:
        assert anonymous.get(address).status_code == 404


def test_public_page_states_the_licence_and_lists_the_downloads(
    house, coordinator, released_survey
):
    set_open_data(house=house, enabled=True, actor=coordinator)
    page = Client().get(url("open_data", house)).content.decode()
    assert "CC BY 4.0" in page and "creativecommons.org/licenses/by/4.0" in page
    assert "nooit namen" in page
    assert url("open_data_survey", house, pk=released_survey.pk, fmt="json") in page


def test_coverage_downloads(house, coordinator):
    set_open_data(house=house, enabled=True, actor=coordinator)
    body = json.loads(Client().get(url("open_data_coverage", house, fmt="json")).content)
    assert body["house"] == house.slug and body["licence"] == "CC-BY-4.0"
    assert isinstance(body["cells"], list)
    rows = list(
        csv.reader(
            io.StringIO(Client().get(url("open_data_coverage", house, fmt="csv")).content.decode())
        )
    )
    assert rows[0][:3] == ["domain", "age_group", "municipality"]


def test_no_released_cell_counts_one_to_four_people(house, coordinator, released_survey):
    set_open_data(house=house, enabled=True, actor=coordinator)
    client = Client()
    small = [s for s in house.surveys.all() if s.title == "Klein"][0]
    for survey in (released_survey, small):
        text = client.get(url("open_data_survey", house, pk=survey.pk, fmt="csv")).content.decode()
        counts = [row[-1] for row in csv.reader(io.StringIO(text))][1:]
        assert not [c for c in counts if c.isdigit() and 0 < int(c) < 5], counts
        body = json.loads(
            client.get(url("open_data_survey", house, pk=survey.pk, fmt="json")).content
        )
        values = [row[-1] for row in body["rows"]]
        assert not [v for v in values if isinstance(v, int) and 0 < v < 5], values
        assert body["licence"] == "CC-BY-4.0"
    assert (
        "< 5" in client.get(url("open_data_survey", house, pk=small.pk, fmt="csv")).content.decode()
    )


def test_open_surveys_and_other_houses_surveys_are_not_published(
    house, other_house, coordinator, other_coordinator
):
    open_survey = make_survey(house, coordinator, kinds=(QuestionKind.SINGLE,))
    theirs = close(make_survey(other_house, other_coordinator, kinds=(QuestionKind.SINGLE,)))
    set_open_data(house=house, enabled=True, actor=coordinator)
    client = Client()
    assert (
        client.get(url("open_data_survey", house, pk=open_survey.pk, fmt="csv")).status_code == 404
    )
    assert client.get(url("open_data_survey", house, pk=theirs.pk, fmt="csv")).status_code == 404
    assert client.get(url("open_data", other_house)).status_code == 404


@pytest.mark.parametrize("fmt", ["xml", "html", "CSV"])
def test_unknown_formats_are_404(house, coordinator, released_survey, fmt):
    set_open_data(house=house, enabled=True, actor=coordinator)
    client = Client()
    assert client.get(url("open_data_coverage", house, fmt=fmt)).status_code == 404
    assert (
        client.get(url("open_data_survey", house, pk=released_survey.pk, fmt=fmt)).status_code
        == 404
    )


def test_the_demo_opts_kalmthout_in_once(house):
    data = load("participation")
    today = timezone.localdate()
    seed_participation(data=data, houses={"kalmthout": house}, organisations={}, today=today)
    setting = OpenDataSetting.objects.get(house=house)
    assert setting.enabled and setting.enabled_by is None
    assert Client().get(url("open_data", house)).status_code == 200
    setting.enabled = False  # a visitor switched it off: a second run leaves that alone
    setting.save()
    seed_participation(data=data, houses={"kalmthout": house}, organisations={}, today=today)
    assert not OpenDataSetting.objects.get(house=house).enabled
