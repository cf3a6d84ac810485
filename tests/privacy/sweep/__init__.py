"""Seeders of the retention sweep (``tests/privacy/test_retention_sweep.py``).

The sweep seeds a record of every model in the register of personal data, with a unique marker
in every personal text field, dated so that its retention has ended; it runs every retention
rule of the register and every erasing job of the scheduler; then it reads every text and JSON
column of every model (through the ORM, so encrypted columns are decrypted) and fails on any
marker left.

Adding an app (or a model to an app's ``personal_data.py``): add a module ``sweep/<app>.py``
(it is found by name, nothing to register) that defines

    SEEDERS = {"<app>.<Model>": seed_function, ...}
    KEPT = {"<app>.<Model>": "why its retention is not a date (e.g. as long as the account)"}
    GAPS = {"<app>.<Model>": "what the rules leave behind (the sweep then xfails on it)"}

A module may also define ``AFTER_SEEDING``, a function of the ``Sweep`` run once after every
seeder, for a retention whose date belongs to records that other seeders make through the apps'
services (``sweep/families.py`` ages every family record that way).

Every declared model must be in exactly one module's SEEDERS or KEPT: the sweep fails on a
declared model in neither. A seed function takes the ``Sweep`` of ``sweep/base.py``:

    def seed_question(sweep):
        marker = sweep.marker("questions.Question")      # unique, remembered by the sweep
        question = QuestionFactory(
            house=sweep.house, name=marker, email=sweep.email("questions.Question"),
            text=f"Vraag {marker}", status="closed",
        )
        # Then age it past its retention (the rules run with today's clock):
        Question.objects.filter(pk=question.pk).update(closed_at=sweep.days_ago(4000))

``sweep.marker(label)`` gives a lower-case token, ``sweep.email(label)`` an e-mail address and
``sweep.phone(label)`` a phone number that contain one. Put one in every personal text field
(names, e-mail, phone, address, free text, JSON); create the records as the app does (its
services or the test factories), so that what the app copies elsewhere (families, audit,
events) is seeded too. ``sweep.house``, ``sweep.organisation``, ``sweep.worker`` (a partner
worker of that organisation) and ``sweep.coordinator`` are there to use.
"""

import importlib
import pkgutil

MODULE_NAMES = ("SEEDERS", "KEPT", "GAPS")


def modules():
    """Every module of this package but ``base``, imported."""
    return [
        importlib.import_module(f"{__name__}.{info.name}")
        for info in pkgutil.iter_modules(__path__)
        if info.name != "base"
    ]


def collect() -> tuple[dict, dict, dict]:
    """(seeders, kept, gaps) of every module, by model label; a label twice is an error."""
    merged = {name: {} for name in MODULE_NAMES}
    for module in modules():
        for name in MODULE_NAMES:
            for label, value in getattr(module, name, {}).items():
                if label in merged[name]:
                    raise ValueError(f"{label} is in the sweep's {name} twice.")
                merged[name][label] = value
    return merged["SEEDERS"], merged["KEPT"], merged["GAPS"]


def after_seeding() -> list:
    """The ``AFTER_SEEDING`` function of every module that has one."""
    return [module.AFTER_SEEDING for module in modules() if hasattr(module, "AFTER_SEEDING")]
