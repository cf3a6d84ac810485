"""Two partners signal one child in a browser, at 360 px: a worker of the Opvoedingspunt and a
midwife of the Kraamzorg (two organisations of one house) each record a signal for the same
child through the pages (the first after a mistyped number is refused with a Dutch message);
both get the match e-mail naming the other and nothing else, and each sees the other on their
own signal page and in their list. With JavaScript (axe on every page) and without (the journey
needs none). The child's number is made up (``fictitious_number``)."""

import re
from datetime import date

import pytest
from django.core import mail

from huisvanhetkind.care.models import Signal
from huisvanhetkind.care.numbers import fictitious_number
from huisvanhetkind.network.models import Municipality, Role
from tests.browser.conftest import (
    check_page,
    log_in,
    phone_context,
)
from tests.conftest import with_second_factor
from tests.factories import HouseFactory, OrganisationFactory, RoleFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHILD = fictitious_number(date(2021, 3, 9), 45)
FORMATTED = f"{CHILD[:2]}.{CHILD[2:4]}.{CHILD[4:6]}-{CHILD[6:9]}.{CHILD[9:]}"
MISTYPED = CHILD[:-1] + str((int(CHILD[-1]) + 1) % 10)


@pytest.fixture
def partners():
    house = HouseFactory(
        slug="kalmthout",
        name="Huis van het Kind Kalmthout",
        municipalities=[Municipality.objects.get(name="Kalmthout")],
    )
    punt = OrganisationFactory(name="Opvoedingspunt Kalmthout", houses=[house])
    kraamzorg = OrganisationFactory(name="Kraamzorg Kalmthout", houses=[house])
    worker = with_second_factor(
        UserFactory(
            email="gezin@opvoedingspunt.example.be", first_name="Sofie", last_name="Wouters"
        )
    )
    RoleFactory(user=worker, kind=Role.Kind.ORGANISATION_WORKER, organisation=punt)
    midwife = with_second_factor(
        UserFactory(email="vroedvrouw@kraamzorg.example.be", first_name="Ine", last_name="Peeters")
    )
    RoleFactory(user=midwife, kind=Role.Kind.ORGANISATION_WORKER, organisation=kraamzorg)
    return (worker, punt), (midwife, kraamzorg)


def _record(page, base, javascript, number, name, birth_date):
    """Fill in the new-signal page and save it; returns the signal page's id."""
    page.goto(base + "/beheer/signalen/nieuw/")
    check_page(page, javascript)
    page.get_by_label("Rijksregisternummer of BIS-nummer van het kind").fill(number)
    page.get_by_label("Naam van het kind (alleen voor uw organisatie)").fill(name)
    page.get_by_label("Geboortedatum van het kind (alleen voor uw organisatie)").fill(birth_date)
    page.get_by_role("button", name="Signaal bewaren").click()


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_two_partners_signal_one_child_and_both_are_told(
    live_server, browser, partners, javascript
):
    (worker, punt), (midwife, kraamzorg) = partners
    base = live_server.url
    mail.outbox.clear()

    # The Opvoedingspunt: a mistyped number is refused in Dutch and not sent back, then saved.
    first_context = phone_context(browser, javascript)
    first = first_context.new_page()
    log_in(first, base, worker)
    _record(first, base, javascript, MISTYPED, "Lotte Janssens", "09/03/2021")
    check_page(first, javascript)
    assert "controlegetal" in first.locator("main").inner_text()
    assert MISTYPED not in first.content()
    assert first.locator("#id_child_name").input_value() == "Lotte Janssens"
    assert not Signal.objects.exists()
    first.get_by_label("Rijksregisternummer of BIS-nummer van het kind").fill(FORMATTED)
    first.get_by_role("button", name="Signaal bewaren").click()
    first.wait_for_url(re.compile(r".*/beheer/signalen/\d+/$"))
    check_page(first, javascript)
    assert "Geen andere organisatie heeft dit kind gesignaleerd." in first.content()
    assert mail.outbox == []  # nobody else is involved yet
    mine = Signal.objects.get(organisation=punt)

    # The Kraamzorg signals the same child (typed without separators): a match.
    second_context = phone_context(browser, javascript)
    second = second_context.new_page()
    log_in(second, base, midwife)
    _record(second, base, javascript, CHILD, "Lotje", "maart 2021")
    second.wait_for_url(re.compile(r".*/beheer/signalen/\d+/$"))
    check_page(second, javascript)
    theirs = Signal.objects.get(organisation=kraamzorg)
    involved = second.locator("main").inner_text()
    assert "Opvoedingspunt Kalmthout, Sofie Wouters" in involved
    assert "Lotte Janssens" not in involved  # the other's reference is theirs only
    assert CHILD not in second.content() and FORMATTED not in second.content()

    # Both are told, each naming the other (organisation, contact, date) and nothing else.
    told = {tuple(message.to): message.body for message in mail.outbox}
    assert set(told) == {(worker.email,), (midwife.email,)}
    assert "Kraamzorg Kalmthout, Ine Peeters" in told[(worker.email,)]
    assert f"/beheer/signalen/{mine.pk}/" in told[(worker.email,)]
    assert "Opvoedingspunt Kalmthout, Sofie Wouters" in told[(midwife.email,)]
    assert f"/beheer/signalen/{theirs.pk}/" in told[(midwife.email,)]
    for body in told.values():
        assert "Lotte" not in body and "Lotje" not in body and CHILD not in body

    # The Opvoedingspunt sees the Kraamzorg on its signal page and in its list, and who leads.
    first.goto(f"{base}/beheer/signalen/{mine.pk}/")
    check_page(first, javascript)
    page_text = first.locator("main").inner_text()
    assert "Kraamzorg Kalmthout, Ine Peeters" in page_text
    assert "Regievoerder" in page_text and "Lotje" not in page_text
    first.goto(f"{base}/beheer/signalen/")
    check_page(first, javascript)
    assert "Kraamzorg Kalmthout" in first.locator("table").inner_text()
    second.goto(f"{base}/beheer/signalen/")
    check_page(second, javascript)
    assert "Opvoedingspunt Kalmthout" in second.locator("table").inner_text()

    # Neither can open the other's signal: the same 404 as for a signal that does not exist.
    assert second.goto(f"{base}/beheer/signalen/{mine.pk}/").status == 404
    assert second.goto(f"{base}/beheer/signalen/{mine.pk + 1000}/").status == 404
    for context in (first_context, second_context):
        context.close()
