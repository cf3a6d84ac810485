"""A platform admin logs in on a phone and reads how the periodic jobs last ran."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from huisvanhetkind.core import scheduler
from huisvanhetkind.core.models import JobRun
from huisvanhetkind.network.models import Role
from tests.browser.conftest import assert_accessible, assert_fits_phone
from tests.conftest import TOTP_SECRET, totp_code, with_second_factor
from tests.factories import PASSWORD, RoleFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_platform_admin_reads_the_last_runs_of_each_job(live_server, page):
    admin = with_second_factor(UserFactory(email="platform@example.be"))
    RoleFactory(user=admin, kind=Role.Kind.PLATFORM_ADMIN)
    scheduler.job_runs_enqueue_due()
    JobRun.objects.create(
        name="questions.erase_expired_questions",
        due_at=timezone.now() - timedelta(days=3),
        started_at=timezone.now() - timedelta(days=3),
        finished_at=timezone.now() - timedelta(days=3),
        outcome=JobRun.Outcome.FAILED,
        error="django.db.utils.OperationalError: database is locked",
    )

    page.goto(live_server.url + "/accounts/login/")
    page.locator("#id_login").fill(admin.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/accounts/2fa/authenticate/")
    page.locator("#id_code").fill(totp_code(TOTP_SECRET))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/beheer/**")
    page.goto(live_server.url + "/beheer/platform/taken/")

    expect(page.get_by_role("heading", name="Periodieke taken", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="questions.erase_expired_questions")).to_be_visible()
    runs = page.get_by_role("region", name="Laatste runs van questions.erase_expired_questions")
    expect(runs.get_by_text("gelukt")).to_be_visible()
    expect(runs.get_by_text("mislukt")).to_be_visible()
    expect(runs.get_by_text("database is locked")).to_be_visible()
    expect(page.get_by_text("elke dag om 03:00").first).to_be_visible()
    assert_accessible(page)
    assert_fits_phone(page)
