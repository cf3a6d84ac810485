"""The family record's retention rule: a family (with its children) that no record links to any
more is deleted 30 days after it was created or last changed; a linked family stays. The
records that link to a family empty that link when they are erased, so their family follows.

The rule is a daily job without a user: there is no reader to keep out. What a family of one
house keeps is never touched by the erasure of another family's records (the tests below keep a
second family, linked or recent, next to the one erased)."""

import json
from datetime import date, timedelta

import pytest
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.childcare import selectors_figures, services_requests, services_urgent
from huisvanhetkind.childcare.models import ChildcareRequest, UrgentRequest
from huisvanhetkind.core import register
from huisvanhetkind.families import services, tasks
from huisvanhetkind.families.models import Child, Family
from huisvanhetkind.familyplans.models import FamilyPlan
from huisvanhetkind.familyplans.services import plans_erase_expired
from huisvanhetkind.guidance.services import caseloads_erase_expired
from huisvanhetkind.referrals.models import Consent
from tests.factories import CaseloadEntryFactory, OrganisationFactory
from tests.familyplans.conftest import make_plan

pytestmark = pytest.mark.django_db

NAME = "Gezin Vergeten"


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def family_aged(days, *, email="vergeten@example.be", name=NAME):
    """A family with a child, created and last changed ``days`` ago."""
    family = Family.objects.create(name=name, email=email, phone="0470 99 88 77")
    Child.objects.create(family=family, first_name="Noor", birth_date=date(2024, 5, 1))
    age(family, days)
    return family


def age(family, days):
    Family.objects.filter(pk=family.pk).update(created_at=days_ago(days), updated_at=days_ago(days))


def childcare_request(house, family, *, ended_days_ago=None):
    request = ChildcareRequest.objects.create(
        house=house,
        family=family,
        child=family.children.get(),
        municipality=house.municipalities.first(),
        wished_start=timezone.localdate().replace(day=1),
        half_days=4,
        social_tariff=False,
        note="graag dicht bij huis",
        status="withdrawn" if ended_days_ago is not None else "open",
        ended_at=days_ago(ended_days_ago) if ended_days_ago is not None else None,
    )
    return request


def exists(family) -> bool:
    return Family.objects.filter(pk=family.pk).exists()


def test_the_rule_is_in_the_register_with_its_task():
    declaration = register.declarations()["families.Family"]
    assert declaration.rule.name == "families.erase_orphaned"
    assert declaration.rule.task is tasks.erase_orphaned_families
    assert "30 dagen" in declaration.retention_text


def test_a_family_nothing_links_to_is_deleted_with_its_children_after_the_grace_period():
    orphan = family_aged(40)
    recent = family_aged(10, email="recent@example.be", name="Gezin Recent")

    assert list(services.families_due_for_erasure(timezone.now())) == [orphan]
    assert tasks.erase_orphaned_families.call() == 1

    assert not exists(orphan) and not Child.objects.filter(family_id=orphan.pk).exists()
    assert exists(recent) and Child.objects.filter(family=recent).count() == 1
    event = AuditEvent.objects.get(
        target_type="families.family", target_id=str(orphan.pk), action=AuditEvent.Action.ERASE
    )
    assert event.actor is None
    assert event.changes == {"family": ["<present>", None], "children": [1, 0]}
    # Counts only: no name, e-mail address or phone number in the trail.
    text = json.dumps(
        [event.changes, event.reason, event.target_label, event.actor_label], default=str
    )
    for value in (NAME, "vergeten@example.be", "0470", "Noor"):
        assert value not in text


def test_a_recently_changed_family_waits_for_the_grace_period():
    family = family_aged(400)
    Family.objects.filter(pk=family.pk).update(updated_at=days_ago(5))
    assert tasks.erase_orphaned_families.call() == 0
    assert exists(family)


def test_a_family_a_live_record_links_to_is_kept(house, organisation):
    by_request = family_aged(400)
    childcare_request(house, by_request)
    by_consent = family_aged(400, email="toestemming@example.be")
    CaseloadEntryFactory(house=house, organisation=organisation, family=by_consent)
    orphan = family_aged(400, email="alleen@example.be")

    assert tasks.erase_orphaned_families.call() == 1
    assert exists(by_request) and exists(by_consent) and not exists(orphan)


def test_a_family_linked_only_through_its_child_is_kept(house):
    family = family_aged(400)
    other = family_aged(400, email="ander@example.be")
    request = childcare_request(house, other)
    # A record that links to the child alone (as a plan's goal may) keeps the family.
    ChildcareRequest.objects.filter(pk=request.pk).update(family=None, child=family.children.get())
    assert tasks.erase_orphaned_families.call() == 1
    assert exists(family) and not exists(other)


def test_a_family_linked_only_from_an_erased_childcare_request_is_erased(house):
    family = family_aged(400)
    request = childcare_request(house, family, ended_days_ago=400)
    kept = family_aged(400, email="lopend@example.be")
    childcare_request(house, kept)

    band = selectors_figures.request_age_band(request.pk)
    assert band in (0, 1, 2, 3)

    assert services_requests.requests_erase_expired() == 1
    request.refresh_from_db()
    assert request.family_id is None and request.child_id is None and request.erased_at
    # What the figures need stays: the status, and the child's age band without its birth date.
    assert request.status == "withdrawn" and request.age_band == band

    assert tasks.erase_orphaned_families.call() == 1
    assert not exists(family) and exists(kept)
    assert ChildcareRequest.objects.filter(pk=request.pk).exists()


def test_a_family_linked_only_from_an_erased_urgent_request_is_erased(house):
    urgent, _token = services_urgent.urgent_submit(
        house=house,
        family={"name": NAME, "email": "dringend@example.be", "phone": "", "language": "nl"},
        child={"first_name": "Noor", "birth_date": timezone.localdate() - timedelta(days=300)},
        municipality=house.municipalities.first(),
        reason="work",
        needed_from=timezone.localdate() + timedelta(days=7),
        half_days=4,
        situation="Werk gevonden.",
    )
    UrgentRequest.objects.filter(pk=urgent.pk).update(status="no_place", ended_at=days_ago(400))
    family = urgent.family
    age(family, 400)

    assert services_urgent.urgent_requests_erase_ended() == 1
    urgent.refresh_from_db()
    assert urgent.family_id is None and urgent.child_id is None

    assert tasks.erase_orphaned_families.call() == 1
    assert not exists(family)


def test_a_deleted_plan_releases_the_consents_only_it_relied_on(house, worker, organisation):
    plan = make_plan(house, worker, organisation, email="plan@example.be")
    family = plan.family
    consent = plan.partners.get().consent
    # A second consent of the same family serves a guidance that is still running.
    entry = CaseloadEntryFactory(house=house, organisation=organisation, family=family)
    FamilyPlan.objects.filter(pk=plan.pk).update(status="closed", closed_at=days_ago(4000))
    age(family, 400)

    assert plans_erase_expired() == 1
    consent.refresh_from_db()
    assert consent.family_id is None
    erased = AuditEvent.objects.get(
        target_type="referrals.consent", target_id=str(consent.pk), action=AuditEvent.Action.ERASE
    )
    assert erased.changes == {"family": ["<present>", None]}
    entry.refresh_from_db()
    assert entry.consent.family_id == family.pk  # the guidance still relies on its consent

    # The guidance keeps the family until it is erased too.
    assert tasks.erase_orphaned_families.call() == 0
    CaseloadEntryFactory._meta.model.objects.filter(pk=entry.pk).update(
        status="ended", started_on=date(2010, 1, 1), ended_on=date(2010, 1, 1)
    )
    assert caseloads_erase_expired() == 1
    entry.refresh_from_db()
    assert entry.family_id is None and entry.consent.family_id is None
    assert tasks.erase_orphaned_families.call() == 1
    assert not exists(family)


def test_a_consent_another_live_record_relies_on_keeps_its_family(house, worker, organisation):
    entry = CaseloadEntryFactory(house=house, organisation=organisation)
    family = entry.family
    consent = entry.consent
    # The same consent serves a second guidance (another partner's caseload, still running).
    CaseloadEntryFactory(
        house=house, organisation=OrganisationFactory(), family=family, consent=consent
    )
    CaseloadEntryFactory._meta.model.objects.filter(pk=entry.pk).update(
        status="ended", started_on=date(2010, 1, 1), ended_on=date(2010, 1, 1)
    )
    assert caseloads_erase_expired() == 1
    consent.refresh_from_db()
    assert consent.family_id == family.pk
    assert Consent.objects.filter(family=family).count() == 1
    assert tasks.erase_orphaned_families.call() == 0
