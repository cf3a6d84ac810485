"""The babytheek's pages: the family's catalogue, reservation form, waitlist and signed link;
the volunteers' day list, overdue list, items and members. Outsiders see nothing; bad input
gets a Dutch message and changes nothing."""

import re
from datetime import timedelta
from io import BytesIO

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.babytheek import services
from huisvanhetkind.babytheek.models import Item, Loan, Membership, WaitlistEntry
from huisvanhetkind.babytheek.workflow import LoanStatus as S
from tests.babytheek.conftest import loan_of, reserve, today
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db


def url(name, house, **kwargs):
    return reverse(f"babytheek:{name}", kwargs={"house_slug": house.slug, **kwargs})


def form_data(**extra):
    data = {
        "pickup_date": (today() + timedelta(days=2)).isoformat(),
        "name": "Sara Peeters",
        "email": "sara@example.be",
        "membership": "existing",
        "consent": "on",
    }
    data.update(extra)
    return data


# --- The family -------------------------------------------------------------------------------


def test_the_catalogue_shows_items_with_condition_deposit_and_free_day(
    parent_client, house, item, other_item, member
):
    loan_of(item, member, today(), status=S.LENT)
    Item.objects.create(house=house, name="Badje", deposit=5)
    page = parent_client.get(url("catalogue", house)).content.decode()
    assert "Kinderwagen" in page and "Badje" in page
    assert "20,00 euro" in page or "20.00 euro" in page
    assert (today() + timedelta(weeks=4)).strftime("%Y") in page
    assert "Box elders" not in page  # another house's item


def test_a_family_reserves_and_sees_its_reservation_by_the_link(
    parent_client, house, item, member, on_commit
):
    with on_commit():
        response = parent_client.post(url("reserve", house, pk=item.pk), form_data())
    assert response.status_code == 302
    loan = Loan.objects.get()
    assert loan.membership == member
    link = re.search(r"/kalmthout/babytheek/reservatie/\S+/", mail.outbox[0].body).group(0)
    assert response.url == link
    page = parent_client.get(link).content.decode()
    assert "Kinderwagen" in page and "Sara Peeters" in page
    assert response["Location"].startswith("/kalmthout/babytheek/reservatie/")


def test_a_new_family_becomes_member_with_the_social_tariff_box(parent_client, house, item):
    response = parent_client.post(
        url("reserve", house, pk=item.pk),
        form_data(email="nieuw@example.be", membership="new", postcode="2920", social_tariff="on"),
    )
    assert response.status_code == 302
    assert Membership.objects.get().social_tariff is True


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"pickup_date": "2001-01-01"}, "Deze datum ligt in het verleden."),
        ({"pickup_date": "morgen"}, "Vul een geldige datum in"),
        ({"email": "geen-adres"}, "Dit e-mailadres is niet geldig"),
        ({"membership": "gratis"}, "Kies of je al lid bent"),
        ({"consent": ""}, "We hebben je toestemming nodig"),
        ({"email": "onbekend@example.be"}, "geen geldig lidmaatschap"),
        ({"membership": "new", "email": "x@example.be", "postcode": "12"}, "vier cijfers"),
    ],
)
def test_bad_input_gets_a_dutch_message_and_changes_nothing(
    parent_client, house, item, member, data, message
):
    response = parent_client.post(url("reserve", house, pk=item.pk), form_data(**data))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Loan.objects.exists()
    assert Membership.objects.count() == 1


def test_a_taken_item_says_so_and_offers_the_waitlist(parent_client, house, item, member):
    reserve(house, item, today() + timedelta(days=1))
    response = parent_client.post(url("reserve", house, pk=item.pk), form_data())
    assert response.status_code == 400
    assert "al gereserveerd of uitgeleend" in response.content.decode()
    assert Loan.objects.count() == 1
    response = parent_client.post(
        url("waitlist", house, pk=item.pk),
        {"name": "An", "email": "an@example.be", "consent": "on"},
    )
    assert response.status_code == 302
    assert WaitlistEntry.objects.get().email == "an@example.be"


def test_the_waitlist_refuses_bad_input(parent_client, house, item):
    response = parent_client.post(url("waitlist", house, pk=item.pk), {"name": "An"})
    assert response.status_code == 400
    assert "Vul je e-mailadres in" in response.content.decode()
    assert not WaitlistEntry.objects.exists()


def test_an_item_of_another_house_cannot_be_reserved_here(parent_client, house, other_item, member):
    response = parent_client.post(url("reserve", house, pk=other_item.pk), form_data())
    assert response.status_code == 404
    assert not Loan.objects.exists()


def test_a_tampered_link_gives_404_and_the_family_sees_only_its_own(
    parent_client, house, other_house, item, member
):
    _loan, signed = reserve(house, item)
    other = Item.objects.create(house=house, name="Box")
    _other_loan, other_signed = reserve(
        house, other, email="ander@example.be", new=True, name="Ander Gezin"
    )
    own = parent_client.get(url("reservation", house, signed=signed)).content.decode()
    assert "Sara Peeters" in own and "Ander Gezin" not in own
    tampered = signed[:-2] + ("aa" if not signed.endswith("aa") else "bb")
    assert parent_client.get(url("reservation", house, signed=tampered)).status_code == 404
    assert parent_client.get(url("reservation", house, signed="x")).status_code == 404
    # The link of one house does not open in another.
    assert parent_client.get(url("reservation", other_house, signed=signed)).status_code == 404
    assert parent_client.post(url("reservation_cancel", house, signed=tampered)).status_code == 404
    assert Loan.objects.filter(status=S.RESERVED).count() == 2


def test_the_family_cancels_by_the_link_and_the_link_is_spent(parent_client, house, item, member):
    loan, signed = reserve(house, item)
    response = parent_client.post(url("reservation_cancel", house, signed=signed))
    assert response.status_code == 302
    loan.refresh_from_db()
    assert loan.status == S.CANCELLED
    assert parent_client.get(url("reservation", house, signed=signed)).status_code == 404


# --- The volunteers ----------------------------------------------------------------------------


STAFF_PAGES = ("staff_index", "staff_overdue", "staff_items", "staff_members", "staff_member_new")


@pytest.mark.parametrize("name", STAFF_PAGES)
def test_outsiders_see_no_staff_page(
    name, house, member, outsider, other_coordinator, worker, coordinator
):
    assert logged_in(coordinator).get(url(name, house)).status_code == 200  # the control
    for user in (outsider, other_coordinator, worker):
        assert logged_in(user).get(url(name, house)).status_code == 404
    assert logged_in(other_coordinator).get(url(name, house)).status_code == 404


def test_the_day_list_shows_pickups_and_returns_and_audits_the_read(
    house, item, member, bridge_worker
):
    reserve(house, item)
    box = Item.objects.create(house=house, name="Box")
    loan_of(box, member, today() - timedelta(weeks=4), status=S.LENT)
    page = logged_in(bridge_worker).get(url("staff_index", house)).content.decode()
    assert "Kinderwagen" in page and "Box" in page and "Sara Peeters" in page
    reads = AuditEvent.objects.filter(action="read", target_type="babytheek.membership")
    assert reads.filter(actor=bridge_worker).count() == 2


def test_a_volunteer_lends_and_takes_back_with_a_note(house, item, member, coordinator):
    loan, _signed = reserve(house, item)
    client = logged_in(coordinator)
    assert client.post(url("staff_lend", house, pk=loan.pk)).status_code == 302
    loan.refresh_from_db()
    assert loan.status == S.LENT
    client.post(url("staff_return", house, pk=loan.pk), {"note": "Riempje los"})
    loan.refresh_from_db()
    assert loan.status == S.RETURNED and loan.return_note == "Riempje los"


def test_the_coordinator_of_another_house_cannot_lend_or_read_a_loan(
    house, item, member, other_coordinator
):
    loan, _signed = reserve(house, item)
    client = logged_in(other_coordinator)
    assert client.post(url("staff_lend", house, pk=loan.pk)).status_code == 404
    other_house = other_coordinator.roles.get().house
    assert client.post(url("staff_lend", other_house, pk=loan.pk)).status_code == 404
    loan.refresh_from_db()
    assert loan.status == S.RESERVED


def test_the_overdue_list_names_the_late_loans(house, item, member, coordinator):
    loan_of(item, member, today() - timedelta(weeks=6), status=S.LENT)
    page = logged_in(coordinator).get(url("staff_overdue", house)).content.decode()
    assert "Kinderwagen" in page and "sara@example.be" in page


def test_items_are_created_with_a_photo_checked_by_content(house, coordinator):
    client = logged_in(coordinator)
    data = {
        "name": "Draagzak",
        "category": "road",
        "condition": "good",
        "deposit": "15",
        "loan_weeks": "4",
        "is_active": "on",
    }
    fake = SimpleUploadedFile("foto.png", b"not an image", content_type="image/png")
    response = client.post(url("staff_item_new", house), {**data, "photo": fake})
    assert response.status_code == 400
    assert "geen foto die we kunnen lezen" in response.content.decode()
    assert not Item.objects.exists()
    png = BytesIO()
    Image.new("RGB", (8, 8), "red").save(png, format="PNG")
    photo = SimpleUploadedFile("foto.png", png.getvalue(), content_type="image/png")
    response = client.post(url("staff_item_new", house), {**data, "photo": photo})
    assert response.status_code == 302
    item = Item.objects.get()
    assert item.photo.name.startswith("babytheek/") and item.photo.name.endswith(".jpg")


def test_item_bad_input_is_refused(house, coordinator):
    response = logged_in(coordinator).post(
        url("staff_item_new", house),
        {"name": "", "category": "road", "condition": "good", "deposit": "-3", "loan_weeks": "40"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Geef het artikel een naam." in page
    assert "1 tot 26 weken" in page
    assert not Item.objects.exists()


def test_the_coordinator_of_another_house_cannot_edit_an_item(house, item, other_coordinator):
    response = logged_in(other_coordinator).post(
        url("staff_item_edit", house, pk=item.pk), {"name": "Weg"}
    )
    assert response.status_code == 404
    item.refresh_from_db()
    assert item.name == "Kinderwagen"


def test_members_list_counts_the_social_tariff_and_registers_a_new_member(house, coordinator):
    client = logged_in(coordinator)
    response = client.post(
        url("staff_member_new", house),
        {
            "name": "Nieuw Lid",
            "email": "nieuw@example.be",
            "postcode": "2920",
            "social_tariff": "on",
            "valid_from": today().isoformat(),
        },
    )
    assert response.status_code == 302
    member = Membership.objects.get()
    page = client.get(url("staff_members", house)).content.decode()
    assert "Nieuw Lid" in page and "1 met sociaal tarief" in page
    client.post(url("staff_member_paid", house, pk=member.pk), {"paid": "yes"})
    member.refresh_from_db()
    assert member.fee_paid is True
    bad = client.post(url("staff_member_new", house), {"name": "X", "email": "x"})
    assert bad.status_code == 400 and "Dit e-mailadres is niet geldig" in bad.content.decode()
    assert Membership.objects.count() == 1


def test_the_members_list_says_who_asked_to_be_erased_once_everything_is_back(
    house, item, member, coordinator
):
    notice = "Dit gezin vroeg het wissen van zijn gegevens"
    client = logged_in(coordinator)
    assert notice not in client.get(url("staff_members", house)).content.decode()
    loan_of(item, member, today() - timedelta(days=3), status=S.LENT)
    services.membership_erase(membership=member, reason="het gezin vroeg het")
    page = client.get(url("staff_members", house)).content.decode()
    assert notice in page and "Sara Peeters" in page


def test_the_house_page_and_the_workplace_lead_to_the_babytheek(
    client, house, other_house, item, coordinator, bridge_worker, worker, other_coordinator
):
    catalogue = reverse("babytheek:catalogue", kwargs={"house_slug": house.slug})
    assert catalogue in client.get(f"/{house.slug}/").content.decode()
    # A house without items has no link.
    other_catalogue = reverse("babytheek:catalogue", kwargs={"house_slug": other_house.slug})
    assert other_catalogue not in client.get(f"/{other_house.slug}/").content.decode()
    staff = reverse("babytheek:staff_index", kwargs={"house_slug": house.slug})
    for user in (coordinator, bridge_worker):
        assert staff in logged_in(user).get(reverse("network:dashboard")).content.decode()
    for user in (worker, other_coordinator):
        assert staff not in logged_in(user).get(reverse("network:dashboard")).content.decode()
