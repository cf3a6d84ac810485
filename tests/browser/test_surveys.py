"""Surveys in a browser, at 360 px: a child answers a survey in child mode (one question a page,
smileys) without JavaScript and with it (axe on every page), and the coordinator reads the
released results of a closed survey: SVG charts with a table beside each."""

import pytest

from huisvanhetkind.network.models import Municipality, Role
from huisvanhetkind.participation.models import QuestionKind, Response
from tests.browser.conftest import check_page, log_in, phone_context
from tests.conftest import with_second_factor
from tests.factories import HouseFactory, RoleFactory, UserFactory
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
    return house, coordinator


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_child_answers_a_survey_and_the_coordinator_reads_the_results(
    live_server, browser, network, javascript
):
    house, coordinator = network
    base = live_server.url
    survey = make_survey(
        house,
        coordinator,
        title="Wat vind jij leuk in Kalmthout?",
        child_mode=True,
        kinds=(QuestionKind.SCALE, QuestionKind.SINGLE),
    )

    child = phone_context(browser, javascript).new_page()
    child.goto(f"{base}/kalmthout/bevraging/{survey.slug}/")
    check_page(child, javascript)
    assert "Vraag 1 van 2" in child.locator("main").inner_text()
    child.get_by_role("radio", name="heel leuk").check()
    child.get_by_role("button", name="Volgende").click()
    child.wait_for_load_state()
    check_page(child, javascript)
    assert "Vraag 2 van 2" in child.locator("main").inner_text()
    child.get_by_role("radio", name="Soms").check()
    child.get_by_role("button", name="Versturen").click()
    child.wait_for_url("**/bedankt/")
    check_page(child, javascript)
    assert Response.objects.filter(survey=survey).count() == 1
    # The same browser cannot answer twice.
    child.goto(f"{base}/kalmthout/bevraging/{survey.slug}/")
    assert "al ingevuld" in child.locator("main").inner_text()

    # Another closed survey with enough answers: the coordinator reads its results.
    closed = make_survey(
        house, coordinator, title="Hoe vinden gezinnen hun weg?", kinds=(QuestionKind.SINGLE,)
    )
    for label, count in (("Ja", 7), ("Nee", 6), ("Soms", 2)):
        for _ in range(count):
            answer_with(closed, single=label)
    close(closed)
    reading = phone_context(browser, javascript).new_page()
    log_in(reading, base, coordinator)
    reading.goto(f"{base}/beheer/bevragingen/")
    check_page(reading, javascript)
    reading.get_by_role("link", name="Resultaten").first.click()
    reading.wait_for_load_state()
    reading.goto(f"{base}/beheer/huis/kalmthout/bevragingen/{closed.pk}/resultaten/")
    check_page(reading, javascript)
    main = reading.locator("main")
    assert reading.locator("main svg[role=img]").count() == 1
    table = main.locator("table").inner_text()
    assert "Ja" in table and "7" in table and "andere" in table and "8" in table
    assert "Soms" not in table


def test_the_authors_pages_fit_a_phone_and_pass_axe(live_server, browser, network):
    house, coordinator = network
    base = live_server.url
    survey = make_survey(house, coordinator, title="Hoe vinden gezinnen hun weg?")
    answer_with(survey, single="Ja", text="Meer activiteiten op zaterdag")
    page = phone_context(browser, True).new_page()
    log_in(page, base, coordinator)
    prefix = f"{base}/beheer/huis/kalmthout/bevragingen"
    for path in (
        "/nieuw/",
        f"/{survey.pk}/",
        f"/{survey.pk}/papier/",
        f"/{survey.pk}/nalezen/",
        f"/{survey.pk}/resultaten/",
        f"/{survey.pk}/onderdelen/{survey.sections.get().pk}/",
        f"/{survey.pk}/vragen/{survey.sections.get().questions.first().pk}/",
    ):
        page.goto(prefix + path)
        check_page(page, True)
    page.goto(f"{base}/kalmthout/bevragingen/")
    check_page(page, True)
    page.goto(f"{base}/kalmthout/bevraging/{survey.slug}/")
    check_page(page, True)
    page.get_by_role("button", name="Versturen").click()
    page.wait_for_load_state()
    check_page(page, True)  # the error summary
    assert "Controleer je invoer" in page.locator("main").inner_text()
