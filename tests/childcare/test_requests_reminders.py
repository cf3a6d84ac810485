"""Every 3 months a family confirms its request is still needed: a reminder, a second one a
month later, and after two unanswered reminders the request closes and the family is told.
Requests are erased 12 months after they end."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.childcare import services_requests, tasks_requests
from huisvanhetkind.childcare.models import ChildcareRequest, RequestStatus, RequestWish
from tests.childcare.request_fixtures import (  # noqa: F401 (fixtures)
    filed,
    speelvogel,
    speelvogel_organisation,
)

pytestmark = pytest.mark.django_db


def confirmed_days_ago(childcare_request, days, now):
    ChildcareRequest.objects.filter(pk=childcare_request.pk).update(
        confirmed_at=now - timedelta(days=days)
    )


def test_two_unanswered_reminders_close_the_request_and_the_family_is_told(
    filed,  # noqa: F811
    on_commit,
):
    childcare_request, token = filed
    now = timezone.now()
    mail.outbox.clear()
    confirmed_days_ago(childcare_request, 80, now)
    with on_commit():
        assert services_requests.requests_send_reminders(now=now) == {"reminded": 0, "closed": 0}
    confirmed_days_ago(childcare_request, 95, now)
    with on_commit():
        assert services_requests.requests_send_reminders(now=now) == {"reminded": 1, "closed": 0}
        # The same day again: nothing more.
        assert services_requests.requests_send_reminders(now=now) == {"reminded": 0, "closed": 0}
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["sara@example.be"]
    assert f"/kalmthout/kinderopvang/aanvraag/{token}/" in mail.outbox[0].body
    assert "Dit is de laatste herinnering" not in mail.outbox[0].body
    with on_commit():
        assert services_requests.requests_send_reminders(now=now + timedelta(days=20)) == {
            "reminded": 0,
            "closed": 0,
        }
        assert services_requests.requests_send_reminders(now=now + timedelta(days=32)) == {
            "reminded": 1,
            "closed": 0,
        }
    assert "Dit is de laatste herinnering" in mail.outbox[1].body
    childcare_request.refresh_from_db()
    assert childcare_request.confirm_reminders_sent == 2
    assert childcare_request.status == RequestStatus.OPEN
    with on_commit():
        assert services_requests.requests_send_reminders(now=now + timedelta(days=64)) == {
            "reminded": 0,
            "closed": 1,
        }
        assert services_requests.requests_send_reminders(now=now + timedelta(days=65)) == {
            "reminded": 0,
            "closed": 0,
        }
    childcare_request.refresh_from_db()
    assert childcare_request.status == RequestStatus.CLOSED
    assert childcare_request.ended_at is not None
    assert "herinneringen" in childcare_request.end_reason
    assert len(mail.outbox) == 3
    assert "sloten we je opvangvraag" in mail.outbox[2].body
    event = AuditEvent.objects.filter(target_type="childcare.childcarerequest").latest("id")
    assert event.changes["status"] == ["open", "closed"]


def test_confirming_after_a_reminder_starts_the_3_months_again(
    client,
    house,
    filed,  # noqa: F811
    on_commit,
):
    childcare_request, token = filed
    now = timezone.now()
    confirmed_days_ago(childcare_request, 95, now)
    services_requests.requests_send_reminders(now=now)
    client.post(f"/kalmthout/kinderopvang/aanvraag/{token}/bevestigen/")
    childcare_request.refresh_from_db()
    assert childcare_request.confirm_reminders_sent == 0
    later = timezone.now() + timedelta(days=64)
    assert services_requests.requests_send_reminders(now=later) == {"reminded": 0, "closed": 0}
    childcare_request.refresh_from_db()
    assert childcare_request.status == RequestStatus.OPEN


def test_the_reminder_is_in_the_family_language(filed, on_commit):  # noqa: F811
    childcare_request, _token = filed
    ChildcareRequest.objects.filter(pk=childcare_request.pk).update(language="xx")
    now = timezone.now()
    confirmed_days_ago(childcare_request, 95, now)
    mail.outbox.clear()
    with on_commit():
        services_requests.requests_send_reminders(now=now)
    assert "Heb je de opvang nog nodig?" in mail.outbox[0].subject  # unknown language: Dutch


def test_ended_requests_are_not_reminded(filed):  # noqa: F811
    childcare_request, _token = filed
    services_requests.request_withdraw(childcare_request=childcare_request)
    now = timezone.now()
    confirmed_days_ago(childcare_request, 200, now)
    assert services_requests.requests_send_reminders(now=now) == {"reminded": 0, "closed": 0}


def test_a_request_is_erased_12_months_after_it_ended(client, house, filed):  # noqa: F811
    childcare_request, token = filed
    services_requests.request_withdraw(childcare_request=childcare_request)
    ended = timezone.now() - timedelta(days=366)
    ChildcareRequest.objects.filter(pk=childcare_request.pk).update(ended_at=ended)
    recent, _recent_token = services_requests.request_submit(
        house=house,
        municipality=childcare_request.municipality,
        name="An",
        email="an@example.be",
        birth_date=childcare_request.child.birth_date,
        wished_start=childcare_request.wished_start,
        half_days=2,
        wishes=[
            services_requests.Wish(location=w.location, rank=w.rank)
            for w in childcare_request.wishes.all()
        ],
        note="nog nodig",
    )
    services_requests.request_withdraw(childcare_request=recent)
    ChildcareRequest.objects.filter(pk=recent.pk).update(
        ended_at=timezone.now() - timedelta(days=300)
    )
    assert tasks_requests.erase_expired_requests.call() == 1
    assert tasks_requests.erase_expired_requests.call() == 0
    childcare_request.refresh_from_db()
    assert childcare_request.erased_at is not None
    assert childcare_request.note == "" and childcare_request.care_needs == ""
    assert childcare_request.days_note == "" and childcare_request.token == ""
    assert childcare_request.token_hash is None
    assert not RequestWish.objects.filter(request=childcare_request).exists()
    # What the anonymous counts need stays.
    assert childcare_request.status == RequestStatus.WITHDRAWN
    assert childcare_request.municipality.name == "Kalmthout"
    assert childcare_request.half_days == 6 and childcare_request.working
    assert client.get(f"/kalmthout/kinderopvang/aanvraag/{token}/").status_code == 404
    recent.refresh_from_db()
    assert recent.erased_at is None and recent.note == "nog nodig"
    event = AuditEvent.objects.get(action="erase", target_id=str(childcare_request.pk))
    assert event.changes["note"] == ["<present>", None]


def test_a_request_with_an_offer_pending_is_not_reminded(filed):  # noqa: F811
    childcare_request, _token = filed
    now = timezone.now()
    services_requests.request_status_change(
        childcare_request=childcare_request, target=RequestStatus.OFFERED
    )
    confirmed_days_ago(childcare_request, 200, now)
    assert services_requests.requests_send_reminders(now=now) == {"reminded": 0, "closed": 0}
    services_requests.request_status_change(
        childcare_request=childcare_request, target=RequestStatus.OPEN
    )
    assert services_requests.requests_send_reminders(now=now) == {"reminded": 1, "closed": 0}
