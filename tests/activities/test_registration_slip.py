"""The family's printable slip of a registration: the manage page as it prints, as a PDF (when,
where, who, the personal link), behind the same signed link and with the same refusals."""

import io

import pytest
from django.conf import settings
from django.core import signing
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from huisvanhetkind.activities import services_registrations
from huisvanhetkind.activities import signing as link_signing
from huisvanhetkind.activities.workflow import RegistrationStatus as S
from tests.activities.conftest import fill, make_session, register
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes) -> str:
    pages = PdfReader(io.BytesIO(content)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def urls(house, signed) -> tuple[str, str]:
    kwargs = {"house_slug": house.slug, "signed": signed}
    return reverse("activities:manage", kwargs=kwargs), reverse(
        "activities:manage_pdf", kwargs=kwargs
    )


def test_the_family_prints_its_registration_as_a_pdf(parent_client, session, house):
    registration, signed = register(session, name="Sara Peeters", children_ages=[1, 3])
    page_url, pdf_url = urls(house, signed)

    page = parent_client.get(page_url).content.decode()
    assert f'href="{pdf_url}"' in page and "Afdrukken / PDF" in page
    assert f"http://testserver{page_url}" in page  # the link, written out to keep

    response = parent_client.get(pdf_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    starts = timezone.localtime(session.starts_at)
    assert (
        response["Content-Disposition"] == f'inline; filename="speelbabbel-{starts:%Y-%m-%d}.pdf"'
    )
    # The same headers as the family's private page: never cached, never indexed.
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response.content.startswith(b"%PDF-")
    text = pdf_text(response.content)
    assert "Je inschrijving" in text and "Speelbabbel" in text
    assert f"{starts:%H:%M}" in text and str(starts.year) in text
    assert session.activity.where.split(",")[0] in text
    assert "Sara Peeters" in text and "1, 3 jaar" in text
    assert "ingeschreven" in text
    assert f"http://testserver{page_url}" in text.replace(" ", "")
    # What only the screen needs is not on the slip.
    assert "Mijn inschrijving annuleren" not in text and "Afdrukken" not in text
    registration.refresh_from_db()
    assert registration.status == S.CONFIRMED  # printing changes nothing


def test_the_slip_is_in_the_language_the_family_chose(session, house):
    _registration, signed = register(session)
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    response = client.get(urls(house, signed)[1])
    assert response["Content-Language"] == "fr"
    text = pdf_text(response.content)
    assert "Votre inscription" in text and "Adultes" in text
    assert "Volwassenen" not in text


def test_a_waitlisted_family_sees_it_on_its_slip(parent_client, activity, house):
    full = make_session(activity, capacity=1)
    fill(full, 1)
    registration, signed = register(full, email="wachtend@example.be")
    assert registration.status == S.WAITLISTED
    text = pdf_text(parent_client.get(urls(house, signed)[1]).content)
    assert "wachtlijst" in text


def test_no_slip_without_a_valid_link_of_this_house(parent_client, session, house, other_house):
    registration, signed = register(session)
    _page_url, pdf_url = urls(house, signed)
    unknown = signing.TimestampSigner(salt=link_signing.SALT).sign("verzonnen")
    refused = [
        pdf_url.replace(signed, signed[:-3] + "xyz"),  # tampered
        urls(other_house, signed)[1],  # the link of another house
        urls(house, unknown)[1],  # validly signed, but no registration
    ]
    for url in refused:
        response = parent_client.get(url)
        assert response.status_code == 404
        assert response["Content-Type"].startswith("text/html")
        assert "Sara Peeters" not in response.content.decode()
    # Positive control: the family's own link gives the slip.
    assert parent_client.get(pdf_url).status_code == 200
    # An erased registration has no slip any more.
    type(registration).objects.filter(pk=registration.pk).update(erased_at=timezone.now())
    assert parent_client.get(pdf_url).status_code == 404


def test_an_outsider_without_the_link_gets_no_slip(session, house, outsider, coordinator):
    _registration, signed = register(session)
    other_signed = services_registrations.registration_create(
        session=session, name="Ander Gezin", email="ander@example.be", adults=1, children_ages=[]
    )[1]
    for user in (outsider, coordinator):
        client = logged_in(user)
        bad = urls(house, signed[:-2] + "zz")[1]
        assert client.get(bad).status_code == 404
        # Positive control: with the family's link anyone holding it gets that family's slip only.
        text = pdf_text(client.get(urls(house, other_signed)[1]).content)
        assert "Ander Gezin" in text and "Sara Peeters" not in text


def test_the_slip_query_count_does_not_grow_with_the_registrations(parent_client, session, house):
    _registration, signed = register(session)
    pdf_url = urls(house, signed)[1]

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert parent_client.get(pdf_url).status_code == 200
        return len(queries)

    few = count()
    fill(session, 6)
    assert count() == few
