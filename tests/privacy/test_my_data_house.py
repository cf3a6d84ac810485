""" "Mijn gegevens" covers the physical house: a family sees, exports and erases its
appointments at a desk and its babytheek records (membership, loans, waitlist), found by the
keyed digest of its e-mail address, and sees who read them. Another family never sees them."""

import json
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from huisvanhetkind.appointments import selectors as appointment_selectors
from huisvanhetkind.appointments.models import Appointment
from huisvanhetkind.appointments.workflow import AppointmentStatus
from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.babytheek import selectors as babytheek_selectors
from huisvanhetkind.babytheek import services as babytheek_services
from huisvanhetkind.babytheek.models import Item, Loan, Membership, WaitlistEntry
from huisvanhetkind.babytheek.workflow import LoanStatus
from huisvanhetkind.core.digests import EMAIL, contact_digest
from huisvanhetkind.families.models import Family
from huisvanhetkind.families.selectors import families_by_email
from huisvanhetkind.families.services import family_for_contact
from huisvanhetkind.privacy import my_data
from tests.appointments.conftest import book, make_appointment_desk, slots
from tests.babytheek.conftest import loan_of, reserve

pytestmark = pytest.mark.django_db

SARA = "sara.peeters@example.be"
AN = "an.peeters@example.be"
SAME_PHONE = "0470 12 34 56"


def today():
    return timezone.localdate()


@pytest.fixture
def desk(house, organisation):
    return make_appointment_desk(house, organisation)


@pytest.fixture
def item(house):
    return Item.objects.create(house=house, name="Kinderwagen", deposit=20, loan_weeks=4)


@pytest.fixture
def sara(house, desk, item):
    """Sara has no family record: an appointment, a babytheek membership with a reservation,
    and a place on the waitlist of a box."""
    appointment, _signed = book(
        desk, email=SARA, phone=SAME_PHONE, note="Ik breng mijn aanslagbiljet mee."
    )
    loan, _signed = reserve(
        house, item, pickup=today() + timedelta(days=3), email=SARA, new=True, phone=SAME_PHONE
    )
    box = Item.objects.create(house=house, name="Babybox", loan_weeks=4)
    entry = babytheek_services.waitlist_join(
        actor=None, house=house, item=box, name="Sara Peeters", email=SARA
    )
    return {"appointment": appointment, "loan": loan, "membership": loan.membership, "entry": entry}


@pytest.fixture
def an(house, desk):
    """Another family with the same phone number, its own family record and appointment."""
    family, _created = family_for_contact(name="An Peeters", email=AN, phone=SAME_PHONE)
    appointment, _signed = book(desk, slot=slots(desk)[1], email=AN, name="An Peeters")
    return {"family": family, "appointment": appointment}


def ask_link(client, email, on_commit):
    with on_commit():
        return client.post("/mijn-gegevens/", {"email": email})


def link_in_mail(message, path="/mijn-gegevens/"):
    return re.search(r"https?://[^/\s]+(" + re.escape(path) + r"\S+)", message.body).group(1)


def sara_family():
    return families_by_email(SARA).get()


def sara_family_made():
    family, _created = family_for_contact(email=SARA)
    return family


def export(client, family):
    token = my_data.view_link_token(family)
    return json.loads(client.get(f"/mijn-gegevens/{token}/export.json").content)


# --- Finding and showing ------------------------------------------------------------------------


def test_the_records_carry_the_keyed_digest_of_the_address(sara):
    digest = contact_digest(SARA, EMAIL)
    assert sara["appointment"].email_digest == digest
    assert sara["membership"].email_digest == digest
    assert WaitlistEntry.objects.get(pk=sara["entry"].pk).email_digest == digest


def test_a_family_with_only_an_appointment_and_the_babytheek_gets_its_link(client, sara, on_commit):
    assert not Family.objects.exists()
    response = ask_link(client, SARA, on_commit)
    assert response["Location"] == "/mijn-gegevens/verstuurd/"
    (message,) = mail.outbox
    assert message.to == [SARA]
    # The family record is made so that the link can name it; nothing else changes.
    family = sara_family()
    assert family.name == "" and family.language == "nl"
    page = client.get(link_in_mail(message)).content.decode()
    for text in (
        "Afspraken aan een loket",
        "Lokaal Loket Kinderopvang",
        "Inkomensattest kinderopvang",
        "geboekt",
        "Babytheek",
        "Kinderwagen",
        "gereserveerd",
        "op de wachtlijst voor Babybox",
    ):
        assert text in page, text


def test_an_unknown_address_gets_the_same_answer_and_nothing_is_made(client, sara, on_commit):
    unknown = ask_link(Client(), "niemand@example.be", on_commit)
    known = ask_link(client, SARA, on_commit)
    assert unknown.status_code == known.status_code == 302
    assert unknown["Location"] == known["Location"]
    assert [m.to for m in mail.outbox] == [[SARA]]
    assert Family.objects.count() == 1  # Sara's, none for the unknown address


def test_export_holds_the_appointments_and_the_babytheek(client, sara):
    family = sara_family_made()
    data = export(client, family)
    (appointment,) = data["appointments"]
    assert appointment["desk"] == "Lokaal Loket Kinderopvang"
    assert appointment["note"] == "Ik breng mijn aanslagbiljet mee."
    assert appointment["email"] == SARA and appointment["status"] == "geboekt"
    (membership,) = data["babytheek_memberships"]
    assert (
        membership["phone"] == SAME_PHONE and membership["house"] == "Huis van het Kind Kalmthout"
    )
    (loan,) = data["babytheek_loans"]
    assert loan["item"] == "Kinderwagen" and loan["status"] == "gereserveerd"
    (entry,) = data["babytheek_waitlist"]
    assert entry["item"] == "Babybox" and entry["email"] == SARA
    token = my_data.view_link_token(family)
    pdf = client.get(f"/mijn-gegevens/{token}/export.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_another_family_sharing_the_phone_number_sees_nothing_of_them(client, sara, an):
    data = export(client, an["family"])
    assert [a["name"] for a in data["appointments"]] == ["An Peeters"]
    assert data["babytheek_memberships"] == data["babytheek_loans"] == []
    assert data["babytheek_waitlist"] == []
    page = client.get(f"/mijn-gegevens/{my_data.view_link_token(an['family'])}/").content.decode()
    assert "Kinderwagen" not in page and "Babybox" not in page
    # positive control: Sara sees hers, and not An's appointment
    mine = export(client, sara_family_made())
    assert [a["name"] for a in mine["appointments"]] == ["Sara Peeters"]
    assert len(mine["babytheek_loans"]) == 1


def test_a_tampered_link_is_404(client, sara):
    token = my_data.view_link_token(sara_family_made())
    assert client.get(f"/mijn-gegevens/{token}/").status_code == 200  # positive control
    for path in ("", "export.json", "export.pdf", "wie-las/"):
        assert client.get(f"/mijn-gegevens/{token[:-2]}xx/{path}").status_code == 404, path
    assert client.get(f"/mijn-gegevens/wissen/{token}/").status_code == 404


# --- Who read my data ---------------------------------------------------------------------------


def test_who_read_my_data_shows_the_desk_s_day_list_and_the_babytheek_s_reads(
    client, sara, desk, worker, organisation, coordinator, house, item
):
    day = timezone.localtime(sara["appointment"].starts_at).date()
    appointment_selectors.day_list(worker, desk, day, organisation=organisation)
    babytheek_selectors.day_list(coordinator, house, sara["loan"].pickup_date)
    token = my_data.view_link_token(sara_family_made())
    page = client.get(f"/mijn-gegevens/{token}/wie-las/").content.decode()
    assert "Opvoedingspunt Kalmthout" in page
    assert "medewerker van de organisatie" in page
    assert f"Afspraak #{sara['appointment'].pk}</td>" in page
    assert "coördinator van het huis" in page
    assert f"Lid #{sara['membership'].pk}</td>" in page


def test_who_read_another_family_s_records_is_not_shown(client, sara, an, desk, worker):
    for appointment in (sara["appointment"], an["appointment"]):
        day = timezone.localtime(appointment.starts_at).date()
        appointment_selectors.day_list(worker, desk, day)
    page = client.get(f"/mijn-gegevens/{my_data.view_link_token(an['family'])}/wie-las/")
    assert f"Afspraak #{sara['appointment'].pk}</td>" not in page.content.decode()
    assert f"Afspraak #{an['appointment'].pk}</td>" in page.content.decode()  # positive control


# --- Erasure ------------------------------------------------------------------------------------


def erase(client, family):
    token = my_data.erase_link_token(family)
    page = client.get(f"/mijn-gegevens/wissen/{token}/").content.decode()
    response = client.post(f"/mijn-gegevens/wissen/{token}/")
    assert response.status_code == 200
    return page, response.content.decode()


def test_erasure_cancels_a_coming_appointment_and_frees_its_slot(client, sara, desk):
    appointment = sara["appointment"]
    page, done = erase(client, sara_family_made())
    assert "Je afspraak bij Lokaal Loket Kinderopvang op" in page
    assert "we annuleren ze, zodat een ander gezin dat tijdstip kan nemen" in page
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.CANCELLED
    assert appointment.erased_at is not None
    assert (appointment.name, appointment.email, appointment.note) == ("", "", "")
    assert appointment.email_digest == "" and appointment.token_hash is None
    # The slot is free again: another family books it.
    other, _signed = book(desk, slot=appointment.starts_at, email="iemand@example.be")
    assert other.starts_at == appointment.starts_at
    assert AuditEvent.objects.filter(
        target_type="appointments.appointment",
        target_id=str(appointment.pk),
        action=AuditEvent.Action.ERASE,
        actor__isnull=True,
    ).exists()


def test_erasure_of_a_past_appointment_keeps_its_status_for_the_figures(client, sara):
    appointment = sara["appointment"]
    length = appointment.ends_at - appointment.starts_at
    past = timezone.now() - timedelta(days=3)
    Appointment.objects.filter(pk=appointment.pk).update(
        starts_at=past, ends_at=past + length, status=AppointmentStatus.NO_SHOW
    )
    page, _done = erase(client, sara_family_made())
    assert "Je afspraak bij Lokaal Loket Kinderopvang van" in page
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.NO_SHOW
    assert appointment.erased_at is not None and appointment.name == ""


def test_erasure_cancels_reservations_erases_the_membership_and_leaves_the_waitlist(
    client, sara, item
):
    page, _done = erase(client, sara_family_made())
    assert "Je lidmaatschap van de babytheek van Huis van het Kind Kalmthout" in page
    assert "we annuleren je reservaties" in page
    assert "Je plaats op de wachtlijst voor Babybox" in page
    loan = Loan.objects.get(pk=sara["loan"].pk)
    assert loan.status == LoanStatus.CANCELLED and loan.token_hash is None
    membership = Membership.objects.get(pk=sara["membership"].pk)
    assert membership.erased_at is not None
    assert (membership.name, membership.email, membership.phone) == ("", "", "")
    assert membership.email_digest == ""
    assert not WaitlistEntry.objects.filter(pk=sara["entry"].pk).exists()
    # The item can be reserved again from the same day on.
    assert babytheek_services.available_from(item, today()) == today()
    # Nothing of Sara is left to show.
    data = export(client, sara_family_made())
    assert data["appointments"] == data["babytheek_memberships"] == []
    assert data["babytheek_waitlist"] == []


def test_an_item_at_home_keeps_the_member_until_it_is_back_then_the_night_erases_it(
    client, sara, house, item, worker
):
    membership = sara["membership"]
    stroller_bag = Item.objects.create(house=house, name="Draagzak", loan_weeks=4)
    lent = loan_of(stroller_bag, membership, today() - timedelta(days=7), status=LoanStatus.LENT)
    page, done = erase(client, sara_family_made())
    assert "je leent nog Draagzak" in page
    assert "de nacht nadat je het terugbracht, wissen we ze" in done
    membership.refresh_from_db()
    assert membership.erased_at is None and membership.name == "Sara Peeters"
    assert membership.erase_requested_at is not None
    # The reservation is cancelled now; the membership is not found for a new one.
    assert Loan.objects.get(pk=sara["loan"].pk).status == LoanStatus.CANCELLED
    assert babytheek_services.find_membership(house, SARA, today()) is None
    # The page says it was asked.
    overview = client.get(f"/mijn-gegevens/{my_data.view_link_token(sara_family_made())}/")
    assert "je vroeg het wissen" in overview.content.decode()
    # The nightly rule waits while the item is at home ...
    assert babytheek_services.memberships_erase_expired() == 0
    assert membership.pk not in set(
        babytheek_services.memberships_due(timezone.now()).values_list("pk", flat=True)
    )
    # ... and erases it once the item is back.
    babytheek_services.loan_return(actor=worker, loan=lent, note="Goed")
    assert babytheek_services.memberships_erase_expired() == 1
    membership.refresh_from_db()
    assert membership.erased_at is not None and membership.name == ""
    assert Loan.objects.get(pk=lent.pk).return_note == ""


def test_erasure_leaves_another_family_s_records_alone(client, sara, an):
    erase(client, sara_family_made())
    theirs = Appointment.objects.get(pk=an["appointment"].pk)
    assert theirs.erased_at is None and theirs.name == "An Peeters"
    assert theirs.status == AppointmentStatus.BOOKED


def _overview_queries(client, token) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/mijn-gegevens/{token}/").status_code == 200
    return len(queries)


def test_the_overview_reads_a_fixed_number_of_queries(client, sara, desk, house):
    token = my_data.view_link_token(sara_family_made())
    few = _overview_queries(client, token)
    for n in range(3):
        book(desk, email=SARA, name=f"Sara {n}")
        extra = Item.objects.create(house=house, name=f"Artikel {n}", loan_weeks=4)
        reserve(house, extra, pickup=today() + timedelta(days=n + 1), email=SARA)
    assert _overview_queries(client, token) == few
    data = export(client, sara_family_made())
    assert len(data["appointments"]) == 4 and len(data["babytheek_loans"]) == 4
