"""Shared builders of the office-hours tests (tests/premises/test_hours_*.py)."""

from datetime import time

from huisvanhetkind.premises import services_hours


def make_desk(house, actor=None, **extra):
    data = {"name": "Lokaal Loket Kinderopvang", "slug": "loket-kinderopvang", "is_active": True}
    data.update(extra)
    return services_hours.desk_create(actor=actor, house=house, data=data)


def rule_data(**extra):
    data = {
        "kind": "weekly",
        "weekdays": [1],
        "positions": [],
        "dates": [],
        "starts": time(13, 30),
        "ends": time(16),
        "mode": "walk_in",
        "valid_from": None,
        "valid_until": None,
        "note": "",
    }
    data.update(extra)
    return data


def add_rule(desk, actor=None, **extra):
    return services_hours.rule_create(actor=actor, desk=desk, data=rule_data(**extra))
