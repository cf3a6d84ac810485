"""An app server process warms its copies of the offer when it starts (web.warmup): afterwards
a page of any active house reads only the state row, and a failure only means loading on demand."""

import logging

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from huisvanhetkind.catalogue import offer
from huisvanhetkind.web import warmup
from tests.factories import HouseFactory, ServiceFactory


def queries_for_the_offer(house) -> int:
    with CaptureQueriesContext(connection) as captured:
        offer.house_offer(house)
    return len(captured)


@pytest.fixture
def houses(house, other_house, organisation, other_organisation):
    ServiceFactory(organisation=organisation, name="Babymassage")
    closed = HouseFactory(slug="gesloten", name="Huis van het Kind Gesloten", is_active=False)
    offer.forget()
    return house, other_house, closed


@pytest.mark.django_db
def test_warming_loads_the_offer_of_every_active_house(houses):
    house, other_house, closed = houses
    assert queries_for_the_offer(house) > 1  # cold: the copy is read from the database
    offer.forget()

    assert warmup.warm() == 2

    assert queries_for_the_offer(house) == 1  # only the state row: the copy is kept
    assert queries_for_the_offer(other_house) == 1
    assert queries_for_the_offer(closed) > 1  # an inactive house is not loaded


@pytest.mark.django_db
def test_nothing_is_warmed_without_the_setting(houses, settings):
    settings.WARM_AT_START = False
    assert warmup.start() is None
    assert queries_for_the_offer(houses[0]) > 1


def test_the_background_thread_warms_the_process(settings, caplog, monkeypatch):
    """The thread runs ``warm`` (its database work is tested above) and says so in the log."""
    warmed = []
    settings.WARM_AT_START = True
    monkeypatch.setattr(warmup, "warm", lambda: warmed.append(True) or 160)
    caplog.set_level(logging.INFO, logger="huisvanhetkind.warmup")
    thread = warmup.start()
    thread.join(timeout=30)
    assert not thread.is_alive() and thread.daemon
    assert warmed == [True]
    assert "Warmed the process: the offer of 160 houses" in caplog.text


def test_a_failure_is_logged_and_leaves_the_copies_to_load_on_demand(settings, caplog, monkeypatch):
    def broken():
        raise RuntimeError("database not reachable")

    settings.WARM_AT_START = True
    monkeypatch.setattr(warmup, "warm", broken)
    thread = warmup.start()
    thread.join(timeout=30)
    assert "Warming the process failed: its copies load on demand" in caplog.text
    assert "database not reachable" in caplog.text
