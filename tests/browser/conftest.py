"""End-to-end tests in the system Chromium, driven by Playwright, checked by axe."""

import importlib
import os

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.apps import apps
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from tests.conftest import TOTP_SECRET, totp_code
from tests.factories import PASSWORD

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BLOCKING_IMPACTS = {"serious", "critical"}


@pytest.fixture(autouse=True)
def reference_lists(transactional_db):
    """Transactional tests empty the database afterwards; load the reference lists again."""
    for name in (
        "huisvanhetkind.network.migrations.0002_load_domains_age_groups_municipalities",
        "huisvanhetkind.questions.migrations.0002_load_topics",
    ):
        importlib.import_module(name).load(apps, None)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A phone-sized page (360 px wide), in Dutch. Whatever the Content-Security-Policy blocks on
    the way (an inline style or script, a third-party resource) fails the journey."""
    context = browser.new_context(viewport={"width": 360, "height": 780}, locale="nl-BE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    blocked = []
    page.on(
        "console",
        lambda message: (
            blocked.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    yield page
    context.close()
    assert not blocked, "\n".join(blocked)


_axe = Axe()


AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    },
    # Only the violations: collecting every passed check doubles axe's time.
    "resultTypes": ["violations"],
}
# What axe raises when a click's navigation replaces the document while axe runs.
NAVIGATING = ("documentElement", "Execution context was destroyed", "navigat")


def _run_axe(page):
    """axe on the page once it has loaded; on a busy machine a click's navigation may commit
    only after the click returned, so a run that meets the document being replaced waits for the
    new page and runs again."""
    for attempt in range(3):
        page.wait_for_load_state("load")
        try:
            return _axe.run(page, options=AXE_OPTIONS)
        except PlaywrightError as error:
            if attempt == 2 or not any(sign in str(error) for sign in NAVIGATING):
                raise
            page.wait_for_timeout(250)


def assert_accessible(page):
    """axe finds no serious or critical WCAG 2.x A/AA violation on the page as it is now."""
    results = _run_axe(page)
    blocking = [v for v in results.response["violations"] if v.get("impact") in BLOCKING_IMPACTS]
    assert not blocking, (
        "\n".join(
            f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in blocking
        )
        + f"\non {page.url}"
    )


def assert_fits_phone(page):
    """Nothing scrolls sideways on a 360 px wide screen."""
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} is {overflow}px wider than the screen"


def phone_context(browser, javascript: bool = True):
    """A browser context the size of a cheap phone, in Dutch, with or without JavaScript."""
    context = browser.new_context(
        viewport={"width": 360, "height": 780}, locale="nl-BE", java_script_enabled=javascript
    )
    context.set_default_timeout(15_000)
    return context


def check_page(page, javascript: bool):
    """axe and the width check run in the page: only where JavaScript runs."""
    if javascript:
        assert_accessible(page)
        assert_fits_phone(page)


def log_in(page, base_url, user):
    """Log a professional in with their password and second factor (the demo's TOTP secret)."""
    page.goto(base_url + "/accounts/login/")
    page.locator("#id_login").fill(user.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/accounts/2fa/authenticate/")
    page.locator("#id_code").fill(totp_code(TOTP_SECRET))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/beheer/**")
