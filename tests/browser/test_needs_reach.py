"""The needs and reach pages of a house and its public open-data page in a browser at 360 px,
without JavaScript: axe on every page; the coordinator switches open data on."""

import pytest

from huisvanhetkind.network.models import Municipality, Role
from huisvanhetkind.participation.models import OpenDataSetting, QuestionKind
from tests.browser.conftest import check_page, log_in, phone_context
from tests.conftest import with_second_factor
from tests.factories import (
    HouseFactory,
    PolicySignalFactory,
    QuestionFactory,
    RoleFactory,
    UserFactory,
)
from tests.participation.conftest import answer_with, close, make_survey

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def network():
    house = HouseFactory(
        slug="kalmthout",
        name="Huis van het Kind Kalmthout",
        municipalities=[Municipality.objects.get(name="Kalmthout")],
    )
    coordinator = with_second_factor(UserFactory(email="coordinator@kalmthout.example.be"))
    RoleFactory(user=coordinator, kind=Role.Kind.COORDINATOR, house=house)
    for _ in range(8):
        QuestionFactory(house=house)
    for _ in range(2):
        PolicySignalFactory(house=house)
    survey = make_survey(house, coordinator, title="Hoe vind je ons?", kinds=(QuestionKind.SINGLE,))
    for n in range(12):
        answer_with(survey, single="Ja" if n < 7 else "Nee")
    close(survey)
    return house, coordinator, survey


def test_needs_reach_and_open_data_fit_a_phone_without_javascript(live_server, browser, network):
    house, coordinator, survey = network
    base = live_server.url
    page = phone_context(browser, False).new_page()
    log_in(page, base, coordinator)
    page.goto(f"{base}/beheer/huis/kalmthout/noden/")
    check_page(page, False)
    main = page.locator("main").inner_text()
    assert "Vragen van gezinnen" in main and "< 5" in main and "Hoe vind je ons?" in main
    assert page.locator("main svg[role=img]").count() == 4
    page.goto(f"{base}/beheer/huis/kalmthout/bereik/")
    check_page(page, False)
    page.get_by_label("Ja, publiceer de cijfers als open data (CC BY 4.0)").check()
    page.get_by_role("button", name="Bewaren").click()
    page.wait_for_load_state()
    check_page(page, False)
    assert OpenDataSetting.objects.get(house=house).enabled
    page.goto(f"{base}/kalmthout/open-data/")
    check_page(page, False)
    assert "CC BY 4.0" in page.locator("main").inner_text()
