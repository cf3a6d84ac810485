"""The retention sweep: a record of every model in the register of personal data, each with a
unique marker in every personal text field and past its retention; every retention rule and
every erasing job runs; then no marker may be left anywhere in the database (encrypted columns
are read through the ORM, so decrypted). How to add an app's seeders: ``tests/privacy/sweep``."""

import pytest
from django.apps import apps
from django.db import models

from huisvanhetkind.core import register, scheduler
from huisvanhetkind.core.crypto import EncryptedTextField
from huisvanhetkind.privacy import services
from tests.privacy import sweep
from tests.privacy.sweep.base import Sweep

pytestmark = pytest.mark.django_db

TEXT_FIELDS = (
    models.CharField,
    models.TextField,
    models.JSONField,
    models.FileField,
    EncryptedTextField,
)

# The scheduler's jobs that erase, or that end what a rule then erases (offers, referrals whose
# consent ended). They run before and after the register's rules (some rules delete what
# another job's erasure needs to find first).
JOB_WORDS = ("erase", "retention", "expire")

AUDIT = "audit.AuditEvent"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def erasing_jobs() -> list:
    scheduler.autodiscover()
    return [
        job
        for name, job in sorted(scheduler.jobs().items())
        if any(word in name for word in JOB_WORDS)
    ]


def run_everything() -> None:
    for job in erasing_jobs():
        job.task.call()
    services.retention_run(dry_run=False)
    for job in erasing_jobs():
        job.task.call()


def markers_found(the_sweep: Sweep) -> dict[str, set[str]]:
    """Per "<model label>.<field>" where a marker is, the markers there."""
    found: dict[str, set[str]] = {}
    for model in apps.get_models(include_auto_created=True):
        names = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, TEXT_FIELDS) and not f.choices
        ]
        if not names:
            continue
        for row in model._base_manager.values_list(*names).iterator():
            for name, value in zip(names, row, strict=True):
                if value in (None, "", {}, []):
                    continue
                for marker in the_sweep.found_in(value):
                    found.setdefault(f"{model._meta.label}.{name}", set()).add(marker)
    return found


def leftovers(the_sweep: Sweep) -> dict[str, list[str]]:
    """Per "<model label>.<field>" (of the model where a marker was found), the labels of the
    models whose markers are there."""
    return {
        where: sorted({the_sweep.markers[marker] for marker in markers})
        for where, markers in sorted(markers_found(the_sweep).items())
    }


def test_every_declared_model_has_a_seeder_or_a_reason_it_is_kept():
    seeders, kept, gaps = sweep.collect()
    declared = set(register.declarations())
    missing = sorted(declared - seeders.keys() - kept.keys())
    assert not missing, (
        "These models are in the register of personal data but the retention sweep has no "
        "seeder for them: add one to tests/privacy/sweep/<app>.py (SEEDERS), or say in KEPT "
        "why their retention is not a date (see tests/privacy/sweep/__init__.py): "
        + ", ".join(missing)
    )
    assert not (seeders.keys() & kept.keys()), "A model is both seeded and kept."
    unknown = sorted((seeders.keys() | kept.keys() | gaps.keys()) - declared)
    assert not unknown, f"Not in the register of personal data: {', '.join(unknown)}"
    assert gaps.keys() <= seeders.keys(), "A known gap needs a seeder that shows it."


def test_no_seeded_value_outlives_its_retention(house, organisation, worker, coordinator):
    seeders, _kept, gaps = sweep.collect()
    the_sweep = Sweep(
        house=house, organisation=organisation, worker=worker, coordinator=coordinator
    )
    done = set()
    for label, seed in sorted(seeders.items()):  # a seeder named for several models runs once
        if seed not in done:
            done.add(seed)
            before = len(the_sweep.markers)
            seed(the_sweep)
            assert len(the_sweep.markers) > before, f"The seeder of {label} seeded no marker."
    for finish in sweep.after_seeding():
        finish(the_sweep)
    # Every marker is somewhere before the rules run (else the search could not see it go).
    seen = set().union(*markers_found(the_sweep).values())
    unseen = sorted(f"{the_sweep.markers[m]} ({m})" for m in the_sweep.markers.keys() - seen)
    assert not unseen, f"Seeded markers the search does not find before the rules run: {unseen}"

    run_everything()

    left = leftovers(the_sweep)
    in_audit = {w: labels for w, labels in left.items() if w.startswith(f"{AUDIT}.")}
    assert not in_audit, f"The audit trail keeps seeded values (it should keep ids): {in_audit}"
    known = {w: ls for w, ls in left.items() if set(ls) <= gaps.keys()}
    unexpected = {w: ls for w, ls in left.items() if w not in known}
    assert not unexpected, "Seeded values outlived their retention (column: seeded models):\n" + (
        "\n".join(f"  {where}: {', '.join(labels)}" for where, labels in unexpected.items())
    )
    leaking = {label for labels in known.values() for label in labels}
    closed = sorted(gaps.keys() - leaking)
    assert not closed, f"Known gaps that no longer leak (remove them from GAPS): {closed}"
    if known:
        pytest.xfail(
            "Known gaps of the retention rules: "
            + "; ".join(f"{label}: {gaps[label]}" for label in sorted(leaking))
        )
