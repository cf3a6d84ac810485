"""Two status changes at the same moment cannot both win: the receiver's colleague accepts while
another declines, or the referrer withdraws while the receiver accepts; each pair on its own
database connections, released at once. Exactly one move is made, the other is refused in Dutch,
the history holds one step.

On PostgreSQL (and a file-based SQLite) the rounds run against the test database. The default
SQLite test database lives in memory, where the connections of several threads cannot write at
the same time; there the same rounds run in a child process against a fresh SQLite file with the
project's own settings (WAL, BEGIN IMMEDIATE), as the activities' concurrency tests do.
"""

import importlib
import json
import os
import subprocess
import sys

import pytest
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection

from huisvanhetkind.network.models import Role
from huisvanhetkind.referrals import services
from huisvanhetkind.referrals.models import Referral
from huisvanhetkind.referrals.workflow import Actor, ReferralStatus
from tests.activities.concurrency import run_in_threads
from tests.factories import (
    HouseFactory,
    OrganisationFactory,
    RoleFactory,
    ServiceFactory,
    UserFactory,
)
from tests.referrals.helpers import send

ROUNDS = 8
S = ReferralStatus

# The two moves of each race: (to, actor kind, side, extra arguments).
RACES = {
    "accept_or_decline": (
        (S.ACCEPTED, Actor.RECEIVER, "receiver", {}),
        (S.DECLINED, Actor.RECEIVER, "colleague", {"decline_reason": "no_capacity"}),
    ),
    "withdraw_or_accept": (
        (S.WITHDRAWN, Actor.REFERRER, "referrer", {}),
        (S.ACCEPTED, Actor.RECEIVER, "receiver", {}),
    ),
}


def _people() -> dict:
    # A transactional test before this one may have emptied the reference lists: load them.
    importlib.import_module(
        "huisvanhetkind.network.migrations.0002_load_domains_age_groups_municipalities"
    ).load(apps, None)
    house = HouseFactory(slug="gelijktijdig")
    sender = OrganisationFactory(name="Opvoedingspunt", houses=[house], domains=[])
    receiver_organisation = OrganisationFactory(name="Kraamzorg", houses=[house], domains=[])
    people = {"house": house, "sender": sender, "receiving": receiver_organisation}
    for side, organisation in (
        ("referrer", sender),
        ("receiver", receiver_organisation),
        ("colleague", receiver_organisation),
    ):
        user = UserFactory(email=f"{side}@gelijktijdig.example.be")
        RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=organisation)
        people[side] = user
    people["service"] = ServiceFactory(organisation=receiver_organisation, domains=[])
    return people


def scenario() -> dict:
    """Play every race ROUNDS times on a fresh referral, the movers saying which status they saw
    (as the pages do: ``expected``) or not (then the workflow's table alone refuses the later
    move); report what each round ended with."""
    people = _people()
    report = {}
    for race, expected in [(race, expected) for race in RACES for expected in (True, False)]:
        moves = RACES[race]
        rounds = []
        for _ in range(ROUNDS):
            referral, _token, _code = send(
                people["house"],
                people["referrer"],
                people["sender"],
                people["receiving"],
                people["service"],
                notify=False,
            )

            def move(i, referral=referral, moves=moves, expected=expected):
                to, actor_kind, side, extra = moves[i]
                try:
                    services.referral_transition(
                        referral=Referral(pk=referral.pk),
                        to=to,
                        actor_kind=actor_kind,
                        actor=people[side],
                        expected=S.SENT if expected else None,
                        notify=False,
                        **extra,
                    )
                except ValidationError as error:
                    return {"refused": error.messages[0]}
                return {"moved": to}

            outcomes, errors = run_in_threads(2, move)
            saved = Referral.objects.get(pk=referral.pk)
            rounds.append(
                {
                    "outcomes": outcomes,
                    "errors": errors,
                    "status": saved.status,
                    "steps": list(saved.events.values_list("to_status", flat=True)),
                }
            )
        report[f"{race}/{'expected' if expected else 'table'}"] = rounds
    return report


def play(tmp_path) -> dict:
    if not (connection.vendor == "sqlite" and connection.is_in_memory_db()):
        return scenario()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="huisvanhetkind.settings")
    code = (
        "import django; django.setup(); from tests.referrals.test_concurrency import main; main()"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    return json.loads(completed.stdout.strip().splitlines()[-1])


def main() -> None:
    """In the child process: a fresh SQLite file, the rounds, the report as JSON."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("migrate", verbosity=0)
    print(json.dumps(scenario()))


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_status_changes_cannot_both_win(tmp_path):
    report = play(tmp_path)

    assert len(report) == 2 * len(RACES)
    for race, rounds in report.items():
        expected = race.endswith("/expected")
        assert len(rounds) == ROUNDS
        for result in rounds:
            assert result["errors"] == [], (race, result)
            moved = [o["moved"] for o in result["outcomes"] if "moved" in o]
            refused = [o["refused"] for o in result["outcomes"] if "refused" in o]
            assert len(moved) == 1 and len(refused) == 1, (race, result)
            assert result["status"] == moved[0]
            assert result["steps"] == ["sent", moved[0]]
            if expected:
                assert refused[0].startswith("Iemand anders wijzigde deze doorverwijzing net")
            else:
                assert refused[0].startswith("Een doorverwijzing met status")
