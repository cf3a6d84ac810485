"""Care coordination: a signal made more than two years ago."""

from huisvanhetkind.care.numbers import fictitious_number
from huisvanhetkind.care.services import signal_record


def seed_signal(sweep):
    today = sweep.date_ago(800)
    signal_record(
        actor=sweep.worker,
        house=sweep.house,
        organisation=sweep.organisation,
        number=fictitious_number(today.replace(year=today.year - 6), 7),
        child_name=sweep.marker("care.Signal"),
        today=today,
        notify=False,
    )


SEEDERS = {"care.Signal": seed_signal}
