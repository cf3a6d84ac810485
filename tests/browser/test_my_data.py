""" "Mijn gegevens" in the browser, at the width of a cheap phone, axe on every page: a family
asks its link, exports its data, withdraws a consent and erases what no rule keeps."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from huisvanhetkind.network.models import Municipality, Role
from huisvanhetkind.questions.models import Question
from huisvanhetkind.referrals.models import Referral
from huisvanhetkind.referrals.workflow import ReferralStatus
from tests.browser.conftest import assert_accessible, assert_fits_phone, phone_context
from tests.conftest import with_second_factor
from tests.factories import (
    HouseFactory,
    OrganisationFactory,
    QuestionFactory,
    RoleFactory,
    UserFactory,
)
from tests.referrals.helpers import send

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SARAH = "sarah.janssens@example.be"


def check(page):
    assert_accessible(page)
    assert_fits_phone(page)


def path_of(link):
    return "/" + link.split("://", 1)[1].split("/", 1)[1]


@pytest.fixture
def sarah():
    house = HouseFactory(
        slug="kalmthout",
        name="Huis van het Kind Kalmthout",
        municipalities=list(Municipality.objects.filter(name="Kalmthout")),
    )
    referrer = OrganisationFactory(name="Opvoedingspunt Kalmthout", houses=[house])
    receiver = OrganisationFactory(name="Kraamzorg Landelijke Thuiszorg", houses=[house])
    worker = with_second_factor(UserFactory(email="medewerker@opvoedingspunt.example.be"))
    RoleFactory(user=worker, kind=Role.Kind.ORGANISATION_WORKER, organisation=referrer)
    referral, _token, _code = send(house, worker, referrer, receiver)
    question = QuestionFactory(house=house, email=SARAH, text="Slaapt mijn baby genoeg?")
    return referral, question


def test_a_family_exports_withdraws_a_consent_and_erases(live_server, browser, sarah):
    referral, question = sarah
    context = phone_context(browser)
    page = context.new_page()

    page.goto(live_server.url + "/privacy/")
    page.get_by_role("link", name=re.compile("Mijn gegevens")).first.click()
    check(page)
    page.get_by_label("Je e-mailadres").fill(SARAH)
    page.get_by_role("button", name="Stuur me een link").click()
    page.wait_for_url("**/mijn-gegevens/verstuurd/")
    check(page)

    link = re.search(r"http://\S+/mijn-gegevens/\S+/", mail.outbox[-1].body).group(0)
    page.goto(live_server.url + path_of(link))
    expect(page.get_by_text("Slaapt mijn baby genoeg?")).to_be_visible()
    check(page)

    # Export: JSON and a readable PDF.
    json_href = page.get_by_role("link", name="Alles downloaden (JSON)").get_attribute("href")
    exported = page.request.get(live_server.url + json_href)
    assert exported.ok and exported.json()["questions"][0]["text"] == "Slaapt mijn baby genoeg?"
    pdf_href = page.get_by_role("link", name="Alles downloaden (PDF, leesbaar)").get_attribute(
        "href"
    )
    pdf = page.request.get(live_server.url + pdf_href)
    assert pdf.ok and pdf.body().startswith(b"%PDF-")

    # Who read my data.
    page.get_by_role("link", name="Wie las mijn gegevens").click()
    check(page)
    page.go_back()

    # Withdraw the consent: the referral stops and what it shared is erased.
    page.get_by_role("button", name=re.compile("Toestemming voor .* intrekken")).click()
    expect(page.get_by_text("Je toestemming is ingetrokken.")).to_be_visible()
    check(page)
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.CONSENT_WITHDRAWN
    assert Referral.objects.get(pk=referral.pk).erased_at is not None

    # Erase: confirmed through a link that works once.
    page.get_by_role("button", name="Vraag om mijn gegevens te wissen").click()
    check(page)
    erase = re.search(r"http://\S+/mijn-gegevens/wissen/\S+/", mail.outbox[-1].body).group(0)
    page.goto(live_server.url + path_of(erase))
    check(page)
    page.get_by_role("button", name="Ja, wis mijn gegevens").click()
    expect(page.get_by_role("heading", name="Je gegevens zijn gewist")).to_be_visible()
    check(page)
    assert Question.objects.get(pk=question.pk).erased_at is not None
    page.goto(live_server.url + path_of(erase))
    expect(page.get_by_role("heading", name="Deze link werkt niet meer")).to_be_visible()
    check(page)
    context.close()
