"""The monthly digest to the partners: content, recipients, opt-out, once per month."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from huisvanhetkind.knowledge import services
from huisvanhetkind.knowledge.models import DigestOptOut, DigestSent
from huisvanhetkind.network.models import Partnership
from tests.conftest import logged_in
from tests.factories import NewsItemFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_digest_goes_once_a_month_to_partners(
    house, worker, outsider, foreign_partner, coordinator, training_session, on_commit
):
    today = timezone.localdate()
    Partnership.objects.filter(house=house).update(since=today - timedelta(days=3))
    NewsItemFactory(house=house, title="Nieuwe speelotheek", published_at=timezone.now())
    first = today.replace(day=1)
    next_month = (first + timedelta(days=32)).replace(day=1)
    with on_commit():
        sent = services.digests_send(today=next_month)
    # The partners of this house, and the partner of the other house its own house's digest.
    assert sent == 3
    ours = [m for m in mail.outbox if house.name in m.subject]
    recipients = sorted(m.to[0] for m in ours)
    assert recipients == sorted([worker.email, outsider.email])
    body = ours[0].body
    assert "armoede herkennen" in body
    assert "Opvoedingspunt Kalmthout" in body  # a new partner of this month
    assert "Nieuwe speelotheek" in body
    assert foreign_partner.email not in recipients and coordinator.email not in recipients
    # A second run in the same month sends nobody a second one.
    with on_commit():
        assert services.digests_send(today=next_month) == 0
    assert len(mail.outbox) == 3
    assert DigestSent.objects.filter(house=house, month=next_month).count() == 2


def test_the_daily_job_sends_in_the_first_week_only(house, worker, on_commit):
    with on_commit():
        assert services.digests_send_if_first(today=date(2026, 11, 15)) == 0
        assert services.digests_send_if_first(today=date(2026, 12, 1)) == 1
        assert services.digests_send_if_first(today=date(2026, 12, 2)) == 0
    assert len(mail.outbox) == 1


def test_opt_out(house, worker, outsider, on_commit):
    client = logged_in(worker)
    choice = reverse("knowledge:digest_choice", kwargs={"house_slug": house.slug})
    assert client.post(choice, {"opt_out": "on"}).status_code == 302
    assert DigestOptOut.objects.filter(user=worker).exists()
    with on_commit():
        assert services.digests_send(today=date(2026, 12, 1)) == 1
    assert mail.outbox[0].to == [outsider.email]
    assert client.post(choice, {}).status_code == 302
    assert not DigestOptOut.objects.exists()


def test_ended_partners_get_nothing(house, worker, organisation, on_commit):
    Partnership.objects.filter(organisation=organisation).update(status="ended")
    OrganisationFactory(name="Bib Kalmthout", houses=[house])
    with on_commit():
        assert services.digests_send(today=date(2026, 12, 1)) == 0


def test_outsiders_cannot_change_the_choice(house, foreign_partner, parent_client):
    choice = reverse("knowledge:digest_choice", kwargs={"house_slug": house.slug})
    assert logged_in(foreign_partner).post(choice, {"opt_out": "on"}).status_code == 404
    assert parent_client.post(choice, {"opt_out": "on"}).status_code == 302
    assert not DigestOptOut.objects.exists()
