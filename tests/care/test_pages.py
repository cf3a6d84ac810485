"""The signal index's pages: recording (bad input gets a Dutch message and the number is never
sent back), the organisation's list and one signal, the parent's page, the coordinator's counts;
and who learns nothing (another partner, another house's coordinator, an anonymous visitor, the
coordinator for content), with the same answer for "no signal" and "not yours"."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.care import services
from huisvanhetkind.care.access import LARGEST_ID
from huisvanhetkind.care.models import Signal
from tests.care.conftest import CHILD, PARENT, record
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db


def without_nonces(response) -> str:
    """A page without what changes on every request (the CSP nonce, the CSRF token)."""
    return re.sub(r'(nonce|value)="[^"]*"', "", response.content.decode())


def detail(signal_or_pk):
    pk = getattr(signal_or_pk, "pk", signal_or_pk)
    return reverse("care:detail", kwargs={"pk": pk})


def test_the_worker_records_a_signal_through_the_page(worker, organisation, house):
    client = logged_in(worker)
    page = client.get(reverse("care:new"))
    assert page.status_code == 200
    assert 'for="id_number"' in page.content.decode()
    response = client.post(
        reverse("care:new"),
        {
            "organisation": organisation.pk,
            "number": CHILD,
            "child_name": "Lotte Janssens",
            "child_birth_date": "30/07/2017",
            "parent_number": PARENT,
        },
    )
    signal = Signal.objects.get()
    assert response.status_code == 302 and response.url == detail(signal)
    page = client.get(detail(signal)).content.decode()
    assert "Lotte Janssens" in page and "Opvoedingspunt Kalmthout" in page
    assert CHILD not in page
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.READ, target_id=str(signal.pk)
    ).exists()


def test_a_wrong_number_on_the_page_gets_a_dutch_message_and_is_not_sent_back(worker, organisation):
    wrong = CHILD[:-1] + str((int(CHILD[-1]) + 1) % 10)
    response = logged_in(worker).post(
        reverse("care:new"), {"organisation": organisation.pk, "number": wrong, "child_name": "X"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "controlegetal" in body and 'href="#id_number"' in body
    assert wrong not in body
    assert not Signal.objects.exists()


def test_the_list_and_the_signal_show_the_matches_and_the_lead(
    house, worker, organisation, nurse, other_organisation
):
    mine = record(house, worker, organisation)
    theirs = record(
        house, nurse, other_organisation, child_name="Lotje", child_birth_date="juli 2017"
    )
    listing = logged_in(worker).get(reverse("care:index")).content.decode()
    assert "Kraamzorg Landelijke Thuiszorg" in listing
    page = logged_in(nurse).get(detail(theirs)).content.decode()
    assert "Opvoedingspunt Kalmthout" in page and "Regievoerder" in page
    # The other organisation's reference (name, birth date) is theirs only.
    assert "Lotte Janssens" not in page and "30/07/2017" not in page
    response = logged_in(nurse).post(
        reverse("care:lead", kwargs={"pk": theirs.pk}), {"lead": theirs.pk}
    )
    assert response.status_code == 302
    theirs.refresh_from_db()
    assert theirs.is_lead
    response = logged_in(nurse).post(reverse("care:lead", kwargs={"pk": theirs.pk}), {"lead": "x"})
    assert (
        response.status_code == 400 and "Kies wie regievoerder wordt" in response.content.decode()
    )
    mine.refresh_from_db()
    assert not mine.is_lead


@pytest.mark.parametrize("who", ["third_party", "other_coordinator", "coordinator", "anonymous"])
def test_nobody_else_learns_whether_a_child_has_a_signal(request, signal, worker, who):
    client = Client() if who == "anonymous" else logged_in(request.getfixturevalue(who))
    assert logged_in(worker).get(detail(signal)).status_code == 200  # positive control
    existing = client.get(detail(signal))
    missing = client.get(detail(signal.pk + 1000))
    too_large = client.get(detail(LARGEST_ID + 1))
    if who == "anonymous":
        # The log-in page, the same for every address.
        assert existing.status_code == missing.status_code == too_large.status_code == 302
        assert existing.url.split("?")[0] == missing.url.split("?")[0]
    else:
        assert existing.status_code == missing.status_code == too_large.status_code == 404
        assert without_nonces(existing) == without_nonces(missing)
    for name in ("withdraw", "lead", "parent_link"):
        url = reverse(f"care:{name}", kwargs={"pk": signal.pk})
        assert client.post(url, {"lead": signal.pk}).status_code in (302, 404)
    signal.refresh_from_db()
    assert signal.withdrawn_at is None and not signal.parent_token_hash
    listing = client.get(reverse("care:index"))
    assert "Lotte" not in listing.content.decode()


def test_the_coordinator_sees_counts_only_and_another_coordinator_nothing(
    house, signal, coordinator, other_coordinator, worker
):
    url = reverse("care:counts", kwargs={"house_slug": house.slug})
    page = logged_in(coordinator).get(url)
    assert page.status_code == 200
    body = page.content.decode()
    assert "Lopende signalen" in body and "Lotte" not in body and "Opvoedingspunt" not in body
    assert logged_in(other_coordinator).get(url).status_code == 404
    assert logged_in(worker).get(url).status_code == 404


def test_the_parent_sees_who_signalled_and_asks_removal(
    house, signal, worker, nurse, other_organisation, parent_client, on_commit
):
    record(house, nurse, other_organisation)
    logged_in(worker).post(reverse("care:parent_link", kwargs={"pk": signal.pk}))
    client = logged_in(worker)
    response = client.post(reverse("care:parent_link", kwargs={"pk": signal.pk}))
    link = client.get(detail(signal)).context["parent_link"]
    assert link and response.status_code == 302
    page = parent_client.get(link)
    body = page.content.decode()
    assert page.status_code == 200 and page["Cache-Control"] == "private, no-store"
    assert "Opvoedingspunt Kalmthout" in body and "Kraamzorg Landelijke Thuiszorg" in body
    assert "Lotte" not in body  # nothing but organisations and dates
    tampered = link[:-3] + ("A" if link[-3] != "A" else "B") + "/"
    assert parent_client.get(tampered).status_code == 404
    with on_commit():
        response = parent_client.post(link, {"action": "remove"})
    assert "Je vraag is doorgegeven" in response.content.decode()
    assert [m.to for m in mail.outbox] == [[worker.email]]
    services.signal_withdraw(actor=worker, signal=signal)
    assert "geen lopend signaal" in parent_client.get(link).content.decode()


def numbers_in_database(*numbers) -> list[tuple[str, str]]:
    """Every (table, number) where a number appears in any column of any row, as text."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                text = " ".join(str(value) for value in row)
                found += [(table, number) for number in numbers if number in text]
    return found


def test_no_national_number_is_stored_in_plain_text_anywhere(
    house, worker, organisation, nurse, other_organisation
):
    record(house, worker, organisation, parent_number=PARENT)
    logged_in(nurse).post(
        reverse("care:new"),
        {"organisation": other_organisation.pk, "number": CHILD, "parent_number": PARENT},
    )
    # Refused (already signalled): not stored either.
    logged_in(worker).post(reverse("care:new"), {"organisation": organisation.pk, "number": CHILD})
    assert Signal.objects.count() == 2
    assert numbers_in_database(CHILD, PARENT) == []
    # Positive control: the scan finds a number that is stored.
    AuditEvent.objects.filter(action=AuditEvent.Action.CREATE, target_type="care.signal").update(
        reason=CHILD
    )
    assert numbers_in_database(CHILD, PARENT)


def test_the_parents_read_is_audited(signal, worker, parent_client):
    token = services.signal_parent_link(actor=worker, signal=signal)
    url = reverse("care:parent", kwargs={"house_slug": signal.house.slug, "token": token})
    assert parent_client.get(url).status_code == 200
    read = AuditEvent.objects.get(
        action=AuditEvent.Action.READ, target_type="care.signal", actor__isnull=True
    )
    assert read.target_id == str(signal.pk) and read.actor is None


def test_the_worker_withdraws_through_the_page_and_a_too_long_reason_changes_nothing(
    signal, worker
):
    url = reverse("care:withdraw", kwargs={"pk": signal.pk})
    client = logged_in(worker)
    response = client.post(url, {"reason": "x" * 501})
    assert response.status_code == 400 and 'href="#id_reason"' in response.content.decode()
    signal.refresh_from_db()
    assert signal.withdrawn_at is None
    assert client.get(url).status_code == 405
    response = client.post(url, {"reason": "Niet meer betrokken"})
    assert response.status_code == 302
    signal.refresh_from_db()
    assert signal.withdrawn_at is not None
    audit = AuditEvent.objects.get(action=AuditEvent.Action.UPDATE, changes__has_key="withdrawn_at")
    assert (audit.actor, audit.organisation, audit.reason) == (
        worker,
        signal.organisation,
        "Niet meer betrokken",
    )
    # Withdrawn: no longer in the list, and a second withdrawal is refused.
    assert f"Signaal #{signal.pk}" not in client.get(reverse("care:index")).content.decode()
    assert client.post(url, {}).status_code == 400
