"""The demo loads, twice, and fills both houses from its TOML data; it can be loaded again after
an HSDS import without duplicating anything; its helpers refuse to run outside the demo."""

import json
import re
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client, override_settings

from huisvanhetkind.activities.models import Activity, NewsItem, Session
from huisvanhetkind.care.models import Signal
from huisvanhetkind.carepaths.models import CarePath
from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.catalogue.search.selectors import apply_search
from huisvanhetkind.childcare.models import ChildcareRequest
from huisvanhetkind.demo.services import demo_totp_secret, load
from huisvanhetkind.familyplans.models import FamilyPlan
from huisvanhetkind.guidance.models import CaseloadEntry, PolicySignal
from huisvanhetkind.network.models import (
    House,
    Location,
    OpeningHours,
    Organisation,
    PartnerApplication,
    Partnership,
    Role,
)
from huisvanhetkind.questions.models import Question, RoutingRule
from huisvanhetkind.referrals.models import Consent, Referral

pytestmark = pytest.mark.django_db

in_the_demo = override_settings(DEMO_MODE=True, DEBUG=True)
ELSEWHERE = Path(__file__).parent / "hsds-elsewhere.json"
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def import_hsds(tmp_path, document, house: str) -> str:
    path = tmp_path / "hsds.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    out = StringIO()
    call_command("import-hsds", str(path), "--house", house, stdout=out, stderr=StringIO())
    return out.getvalue()


def counts() -> dict[str, int]:
    models = (
        House,
        Organisation,
        Partnership,
        Location,
        OpeningHours,
        Service,
        Service.locations.through,
        get_user_model(),
        Role,
        PartnerApplication,
        RoutingRule,
        Activity,
        Session,
        NewsItem,
    )
    return {model.__name__: model.objects.count() for model in models}


def test_seed_demo_refuses_without_demo_mode():
    with pytest.raises(CommandError):
        call_command("seed_demo")


@override_settings(DEMO_MODE=True, DEBUG=False)
def test_seed_demo_refuses_without_debug():
    with pytest.raises(CommandError):
        call_command("seed_demo")
    assert not House.objects.exists()


def test_demo_code_refuses_without_demo_mode():
    with pytest.raises(CommandError):
        call_command("demo_code", "coordinator@kalmthout.example.be")


@in_the_demo
def test_demo_code_prints_the_fixed_secret_of_an_account():
    out = StringIO()
    call_command("demo_code", "coordinator@kalmthout.example.be", stdout=out)
    assert f"secret: {demo_totp_secret('coordinator@kalmthout.example.be')}" in out.getvalue()


@in_the_demo
def test_the_demo_fills_both_houses_and_can_be_loaded_twice():
    seed()
    output = seed()
    assert set(House.objects.values_list("slug", flat=True)) == {
        "kalmthout",
        "zoersel-brecht-zandhoven-wijnegem-schilde",
    }
    kalmthout = House.objects.get(slug="kalmthout")
    names = set(
        Organisation.objects.filter(partnerships__house=kalmthout).values_list("name", flat=True)
    )
    for named in (
        "Kind en Gezin",
        "Kind en Preventie",
        "Opvoedingspunt Kalmthout",
        "Kraamzorg Landelijke Thuiszorg",
    ):
        assert named in names
    assert Role.objects.filter(kind="coordinator").count() == 2
    published = Service.objects.published()
    assert published.in_house(kalmthout).count() >= 20
    first = apply_search(published.in_house(kalmthout), "zindelijkhied", house=kalmthout).first()
    assert first is not None and "zindelijk" in (first.name + first.summary).lower()
    assert "Demo-Huis-2026!" in output
    assert "2 houses, 35 organisations, 84 services (84 in the search index)." in output
    assert RoutingRule.objects.filter(
        house=kalmthout, organisation__name="JAC-punt Kalmthout"
    ).exists()
    speelbabbel = Activity.objects.get(house=kalmthout, title="Speelbabbel")
    # Weekly for three months, no duplicates.
    assert 10 <= Session.objects.filter(activity=speelbabbel).count() <= 14
    assert NewsItem.objects.filter(house=kalmthout, is_published=True).count() == 2


@in_the_demo
def test_the_demo_holds_exactly_the_records_of_its_data_files_and_sends_no_email(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        seed()
    assert mail.outbox == []
    network = load("houses") | load("organisations") | load("people")
    assert set(Organisation.objects.values_list("name", flat=True)) == {
        row["name"] for row in network["organisations"]
    }
    # The offer's services, and the childcare locations that are a service of their own.
    childcare_sites = [row for row in load("childcare")["locations"] if "service" not in row]
    assert sorted(Service.objects.values_list("organisation__name", "name")) == sorted(
        (row["organisation"], row["name"]) for row in load("services")["services"] + childcare_sites
    )
    assert set(get_user_model().objects.values_list("email", flat=True)) == {
        row["email"] for row in network["people"]
    }
    assert set(PartnerApplication.objects.values_list("organisation_name", flat=True)) == {
        row["organisation_name"] for row in network["applications"]
    }
    locations = [loc for row in network["houses"] for loc in row.get("locations", [])] + [
        loc for row in network["organisations"] for loc in row.get("locations", [])
    ]
    locations += childcare_sites
    assert Location.objects.count() == len(locations)
    assert OpeningHours.objects.count() == sum(len(loc.get("hours", [])) for loc in locations)
    activities = load("activities")
    assert set(Activity.objects.values_list("title", flat=True)) == {
        row["title"] for row in activities["activities"]
    } | {load("knowledge")["training"]["title"]} | {
        row["title"] for row in load("figures")["registrations"]
    }
    assert set(NewsItem.objects.values_list("title", flat=True)) == {
        row["title"] for row in activities["news"]
    }
    rules = load("questions")["routing_rules"]
    for slug in ("kalmthout", "zoersel-brecht-zandhoven-wijnegem-schilde"):
        assert list(
            RoutingRule.objects.filter(house__slug=slug)
            .order_by("position")
            .values_list("name", "organisation__name")
        ) == [(r["name"], r["organisation"]) for r in rules if r["house"] == slug]
    assert Service.objects.filter(status="draft").count() == 4


def _as_if_from_another_database(document):
    """The same records under other ids, as another demo database would export them."""
    ours = (
        set(Organisation.objects.values_list("hsds_id", flat=True))
        | set(Location.objects.values_list("hsds_id", flat=True))
        | set(Service.objects.values_list("hsds_id", flat=True))
    )
    other = {}

    def replace(match):
        found = match.group(0)
        if found not in ours:
            return found  # taxonomy terms and the like are the same everywhere
        return other.setdefault(found, f"0ther000-{len(other):04d}-4000-8000-{found[-12:]}")

    return json.loads(UUID.sub(replace, json.dumps(document)))


@in_the_demo
def test_seeding_again_after_an_hsds_import_duplicates_nothing(tmp_path):
    seed()
    export = Client().get(
        "/api/hsds/organizations", {"house": "kalmthout", "full": "true", "per_page": "100"}
    )
    assert export.status_code == 200
    seeded = counts()

    elsewhere = import_hsds(tmp_path, json.loads(ELSEWHERE.read_text("utf-8")), "kalmthout")
    assert "Locaties: 2 nieuw" in elsewhere
    again = import_hsds(tmp_path, _as_if_from_another_database(export.json()), "kalmthout")
    assert "nieuw" in again
    imported = counts()
    # The imports did bring in records with the demo's names, under other ids; the embedded
    # service summaries carry no domain, which the services refuse (per record, in Dutch).
    assert imported["Location"] > seeded["Location"]
    assert "domein" in again
    assert Organisation.objects.filter(name="Opvoedingspunt Kalmthout").count() >= 2
    assert (
        Location.objects.filter(house__slug="kalmthout", name="Huis van het Kind Kalmthout").count()
        == 2
    )

    first = seed()
    second = seed()
    assert counts() == imported
    assert "2 houses, 35 organisations, 84 services" in first
    assert first == second
    # The demo's own records are the ones the seeder keeps up to date.
    kalmthout = House.objects.get(slug="kalmthout")
    house_location = Location.objects.filter(house=kalmthout, name="Huis van het Kind Kalmthout")
    assert house_location.filter(opening_hours__isnull=False).distinct().count() == 1
    assert Role.objects.get(user__email="opvoedingspunt@kalmthout.example.be").organisation in (
        Organisation.objects.filter(name="Opvoedingspunt Kalmthout")
    )


@in_the_demo
def test_an_export_of_one_demo_imports_into_another_as_the_same_records(tmp_path):
    seed()
    export = (
        Client()
        .get("/api/hsds/organizations", {"house": "kalmthout", "full": "true", "per_page": "100"})
        .json()
    )
    # Another demo database: the offer seeded afresh (and the referrals between its partners,
    # the bridge worker's caseload and signals, the signal index, the childcare desk's requests,
    # the parents' questions).
    ChildcareRequest.objects.all().delete()
    Question.objects.all().delete()
    Signal.objects.all().delete()
    Referral.objects.all().delete()
    CaseloadEntry.objects.all().delete()
    PolicySignal.objects.all().delete()
    FamilyPlan.objects.all().delete()
    CarePath.objects.all().delete()
    Consent.objects.all().delete()
    Service.objects.all().delete()
    Location.objects.all().delete()
    Organisation.objects.all().delete()
    seed()
    seeded = counts()
    output = import_hsds(tmp_path, export, "kalmthout")
    assert "Organisaties: 0 nieuw" in output
    assert "Locaties: 0 nieuw" in output
    assert "Aanbod: 0 nieuw" in output
    assert counts() == seeded
