"""The writes of guidance: a bridge worker starts guiding a family with its consent, keeps help
questions and contacts, plans, ends, renews and withdraws; signals to policy. Every bad input is
refused with a Dutch message and changes nothing."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.families.models import Family
from huisvanhetkind.guidance import services
from huisvanhetkind.guidance.models import (
    GUIDANCE_PURPOSE,
    CaseloadEntry,
    CaseloadEntryQuerySet,
    Contact,
    HelpQuestion,
    LifeDomain,
    PolicySignal,
)
from huisvanhetkind.guidance.workflow import GuidanceStatus, HelpQuestionStatus
from huisvanhetkind.network.models import AgeGroup, Domain, Municipality
from huisvanhetkind.referrals.models import Consent
from tests.guidance.conftest import consent_data, family_data, start

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def counts():
    return (
        CaseloadEntry.objects.count(),
        Consent.objects.count(),
        Family.objects.count(),
        HelpQuestion.objects.count(),
        Contact.objects.count(),
        PolicySignal.objects.count(),
        AuditEvent.objects.count(),
    )


def refused(call, message: str):
    """``call`` raises a ValidationError whose messages contain ``message``, and nothing
    changed in the database."""
    before = counts()
    with pytest.raises(ValidationError) as error:
        call()
    assert any(message in m for m in error.value.messages), error.value.messages
    assert counts() == before


def stored(model, pk, column):
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {connection.ops.quote_name(column)} FROM {table} WHERE id = %s", [pk]
        )
        return cursor.fetchone()[0]


# --- Starting ------------------------------------------------------------------------------------


def test_a_bridge_worker_starts_guiding_a_family_with_its_consent(
    house, organisation, bridge_worker
):
    entry = start(house, bridge_worker)
    assert entry.status == GuidanceStatus.ACTIVE and entry.started_on == TODAY()
    assert entry.organisation == organisation and entry.bridge_worker == bridge_worker
    assert entry.family.name == "Familie El Amrani"
    consent = entry.consent
    assert consent.purpose == GUIDANCE_PURPOSE
    assert consent.recipient == organisation and consent.requested_by == organisation
    assert consent.family == entry.family and consent.recorded_by == bridge_worker
    assert consent.data_categories == ["contact", "situation"]
    created = AuditEvent.objects.get(target_type="guidance.caseloadentry", target_id=str(entry.pk))
    assert created.action == AuditEvent.Action.CREATE and created.organisation == organisation
    assert created.changes["status"] == [None, "active"]
    assert "El Amrani" not in str(created.changes)
    assert AuditEvent.objects.filter(target_type="referrals.consent").exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"consent": consent_data(data_categories=[])}, "Kies welke gegevens"),
        ({"consent": consent_data(obtained_via="")}, "Kies hoe de toestemming"),
        ({"consent": consent_data(expires_on=None)}, "datum in de toekomst"),
        (
            {"consent": consent_data(expires_on=timezone.localdate() - timedelta(days=1))},
            "datum in de toekomst",
        ),
        (
            {"consent": consent_data(expires_on=timezone.localdate() + timedelta(days=400))},
            "hoogstens een jaar",
        ),
        ({"consent": consent_data(given_by="young_person")}, "Alleen een jongere van 12 jaar"),
        (
            {
                "consent": consent_data(
                    child_birth_date=timezone.localdate() - timedelta(days=14 * 365)
                )
            },
            "geeft zelf toestemming",
        ),
        ({"family": family_data(email="", phone="")}, "e-mailadres of een telefoonnummer"),
        ({"next_contact_on": timezone.localdate() - timedelta(days=1)}, "vandaag of later"),
        ({"next_contact_on": timezone.localdate() + timedelta(days=400)}, "binnen het jaar"),
    ],
)
def test_a_start_with_bad_input_is_refused_and_changes_nothing(
    house, bridge_worker, overrides, message
):
    refused(lambda: start(house, bridge_worker, **overrides), message)
    # The control: the same start with good input goes through.
    assert start(house, bridge_worker).pk


def test_a_young_person_of_12_or_older_consents_for_themselves(house, bridge_worker):
    fourteen = timezone.localdate() - timedelta(days=14 * 366)
    entry = start(
        house,
        bridge_worker,
        consent=consent_data(given_by="young_person", child_birth_date=fourteen),
    )
    assert entry.consent.given_by == Consent.GivenBy.YOUNG_PERSON


def test_only_a_bridge_worker_of_the_house_starts_guidance(
    house, other_house, worker, coordinator, bridge_worker
):
    refused(lambda: start(house, worker), "geen brugfiguur")
    refused(lambda: start(house, coordinator), "geen brugfiguur")
    refused(lambda: start(other_house, bridge_worker), "geen brugfiguur")
    assert start(house, bridge_worker).pk  # the control


def test_a_family_is_guided_once_at_a_time_by_an_organisation(house, bridge_worker, colleague):
    first = start(house, bridge_worker)
    refused(lambda: start(house, colleague), "al begeleid")
    services.caseload_end(entry=first, actor=bridge_worker, reason="done")
    assert start(house, colleague).family == first.family  # after the end: again


def test_of_two_simultaneous_starts_for_one_family_only_the_first_wins(
    house, bridge_worker, colleague, monkeypatch
):
    first = start(house, bridge_worker)
    # The second start does not see the first yet (as in a simultaneous request).
    monkeypatch.setattr(CaseloadEntryQuerySet, "active", lambda self: self.none())
    refused(lambda: start(house, colleague), "al begeleid")
    assert CaseloadEntry.objects.get().pk == first.pk


def test_an_ended_partnership_stops_new_guidance(house, organisation, bridge_worker):
    organisation.partnerships.update(status="ended")
    refused(lambda: start(house, bridge_worker), "geen actieve partner")


# --- Help questions, contacts, planning ----------------------------------------------------------


def test_help_questions_are_kept_per_life_domain_encrypted(entry, bridge_worker):
    question = services.help_question_add(
        entry=entry, actor=bridge_worker, domain=LifeDomain.HOUSING, text="Zoekt een sociale woning"
    )
    assert question.status == HelpQuestionStatus.OPEN
    raw = stored(HelpQuestion, question.pk, "text")
    assert raw and "sociale woning" not in raw
    services.help_question_answer(question=question, actor=bridge_worker)
    question.refresh_from_db()
    assert question.status == HelpQuestionStatus.ANSWERED and question.answered_at
    refused(
        lambda: services.help_question_answer(question=question, actor=bridge_worker),
        "kan niet",
    )
    services.help_question_reopen(question=question, actor=bridge_worker)
    question.refresh_from_db()
    assert question.status == HelpQuestionStatus.OPEN and question.answered_at is None
    changes = [
        e.changes
        for e in AuditEvent.objects.filter(target_type="guidance.helpquestion").order_by("pk")
    ]
    assert changes[0]["text"] == [None, "<present>"]
    assert {"status": ["open", "answered"]} in changes and {
        "status": ["answered", "open"]
    } in changes
    assert "sociale woning" not in str(changes)


@pytest.mark.parametrize(
    ("domain", "text", "message"),
    [
        ("holidays", "Op reis", "Kies een levensdomein"),
        ("housing", "   ", "Schrijf kort wat de hulpvraag is"),
        ("housing", "x" * 301, "hoogstens 300 tekens"),
    ],
)
def test_a_bad_help_question_is_refused(entry, bridge_worker, domain, text, message):
    refused(
        lambda: services.help_question_add(
            entry=entry, actor=bridge_worker, domain=domain, text=text
        ),
        message,
    )
    assert services.help_question_add(
        entry=entry, actor=bridge_worker, domain="housing", text="x" * 300
    ).pk


def test_only_the_guiding_bridge_worker_changes_the_guidance(
    entry, bridge_worker, colleague, org_admin, coordinator
):
    for other in (colleague, org_admin, coordinator):
        refused(
            lambda other=other: services.help_question_add(
                entry=entry, actor=other, domain="school", text="Huiswerkbegeleiding"
            ),
            "Alleen de brugfiguur",
        )
        refused(
            lambda other=other: services.caseload_end(entry=entry, actor=other, reason="done"),
            "Alleen de brugfiguur",
        )
    assert services.help_question_add(
        entry=entry, actor=bridge_worker, domain="school", text="Huiswerkbegeleiding"
    ).pk


def test_a_bridge_worker_whose_designation_ended_changes_nothing(entry, bridge_worker):
    bridge_worker.roles.filter(kind="bridge_worker").delete()
    bridge_worker.__dict__.pop("_roles_cache", None)  # the roles are read once per request
    refused(
        lambda: services.contact_add(
            entry=entry, actor=bridge_worker, happened_on=TODAY(), kind="phone"
        ),
        "Alleen de brugfiguur",
    )


def test_contacts_make_a_timeline_and_plan_the_next_one(entry, bridge_worker):
    next_week = TODAY() + timedelta(days=7)
    contact = services.contact_add(
        entry=entry,
        actor=bridge_worker,
        happened_on=TODAY(),
        kind=Contact.Kind.ACCOMPANIED,
        note="Samen naar het OCMW geweest.",
        next_contact_on=next_week,
    )
    entry.refresh_from_db()
    assert entry.next_contact_on == next_week
    assert "OCMW" not in stored(Contact, contact.pk, "note")
    assert Contact.objects.get(pk=contact.pk).note == "Samen naar het OCMW geweest."
    event = AuditEvent.objects.get(target_type="guidance.contact", target_id=str(contact.pk))
    assert event.changes["note"] == [None, "<present>"] and "OCMW" not in str(event.changes)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"happened_on": timezone.localdate() + timedelta(days=1)}, "vandaag of vroeger"),
        ({"happened_on": None}, "vandaag of vroeger"),
        ({"happened_on": timezone.localdate() - timedelta(days=10)}, "voor het begin"),
        ({"kind": "letter"}, "Kies het soort contact"),
        ({"note": "x" * 501}, "hoogstens 500 tekens"),
        ({"next_contact_on": timezone.localdate() - timedelta(days=1)}, "vandaag of later"),
    ],
)
def test_a_bad_contact_is_refused(entry, bridge_worker, overrides, message):
    data = {"entry": entry, "actor": bridge_worker, "happened_on": TODAY(), "kind": "visit"}
    refused(lambda: services.contact_add(**{**data, **overrides}), message)
    assert services.contact_add(**data).pk


def test_the_next_contact_is_planned_or_cleared(entry, bridge_worker):
    later = TODAY() + timedelta(days=21)
    services.caseload_next_contact_set(entry=entry, actor=bridge_worker, next_contact_on=later)
    entry.refresh_from_db()
    assert entry.next_contact_on == later
    refused(
        lambda: services.caseload_next_contact_set(
            entry=entry, actor=bridge_worker, next_contact_on=TODAY() - timedelta(days=2)
        ),
        "vandaag of later",
    )
    services.caseload_next_contact_set(entry=entry, actor=bridge_worker, next_contact_on=None)
    entry.refresh_from_db()
    assert entry.next_contact_on is None


# --- Ending, consent ----------------------------------------------------------------------------


def test_ending_needs_a_reason_and_happens_once(entry, bridge_worker):
    refused(
        lambda: services.caseload_end(entry=entry, actor=bridge_worker, reason="consent_expired"),
        "Kies waarom",
    )
    services.caseload_end(entry=entry, actor=bridge_worker, reason="done")
    entry.refresh_from_db()
    assert entry.status == GuidanceStatus.ENDED and entry.ended_on == TODAY()
    assert entry.next_contact_on is None and entry.family_id  # kept until the retention ends
    refused(
        lambda: services.caseload_end(entry=entry, actor=bridge_worker, reason="done"),
        "beëindigd",
    )
    refused(
        lambda: services.help_question_add(
            entry=entry, actor=bridge_worker, domain="school", text="Nog iets"
        ),
        "beëindigd",
    )


def test_a_renewed_consent_lets_the_guidance_go_on(entry, bridge_worker):
    old = entry.consent
    refused(
        lambda: services.caseload_consent_renew(
            entry=entry, actor=bridge_worker, consent=consent_data(data_categories=[])
        ),
        "Kies welke gegevens",
    )
    services.caseload_consent_renew(
        entry=entry,
        actor=bridge_worker,
        consent=consent_data(expires_on=TODAY() + timedelta(days=365)),
    )
    entry.refresh_from_db()
    assert entry.consent != old and entry.consent.expires_on == TODAY() + timedelta(days=365)
    assert entry.consent.purpose == GUIDANCE_PURPOSE


def test_a_withdrawn_consent_ends_the_guidance_and_erases_the_data_at_once(entry, bridge_worker):
    question = services.help_question_add(
        entry=entry, actor=bridge_worker, domain="finances", text="Schulden"
    )
    contact = services.contact_add(
        entry=entry, actor=bridge_worker, happened_on=TODAY(), kind="visit", note="Thuis"
    )
    services.caseload_consent_withdraw(entry=entry, actor=bridge_worker)
    entry.refresh_from_db()
    assert entry.consent.withdrawn_at is not None
    assert entry.status == GuidanceStatus.ENDED and entry.end_reason == "consent_withdrawn"
    assert entry.family is None and entry.erased_at is not None
    question.refresh_from_db()
    contact.refresh_from_db()
    assert question.text == "" and question.domain == "finances"
    assert contact.note == "" and contact.kind == "visit"
    erase = AuditEvent.objects.get(
        target_type="guidance.caseloadentry", target_id=str(entry.pk), action="erase"
    )
    assert erase.changes == {
        "family": ["<present>", None],
        "help_questions": ["<present>", None],
        "contacts": ["<present>", None],
    }
    refused(
        lambda: services.caseload_consent_withdraw(entry=entry, actor=bridge_worker), "al gewist"
    )


# --- Another bridge worker -------------------------------------------------------------------------


def test_the_organisation_admin_gives_a_family_to_a_colleague_bridge_worker(
    entry, bridge_worker, colleague, org_admin, worker
):
    refused(
        lambda: services.caseload_reassign(entry=entry, actor=bridge_worker, to_user=colleague),
        "Alleen een beheerder",
    )
    refused(
        lambda: services.caseload_reassign(entry=entry, actor=org_admin, to_user=worker),
        "brugfiguur is voor",
    )
    refused(
        lambda: services.caseload_reassign(entry=entry, actor=org_admin, to_user=bridge_worker),
        "begeleidt het gezin al",
    )
    services.caseload_reassign(entry=entry, actor=org_admin, to_user=colleague)
    entry.refresh_from_db()
    assert entry.bridge_worker == colleague
    event = AuditEvent.objects.filter(target_id=str(entry.pk)).latest("pk")
    assert event.changes == {"bridge_worker": [bridge_worker.pk, colleague.pk]}


# --- Signals to policy ----------------------------------------------------------------------------


def signal(house, actor, **overrides):
    data = {
        "actor": actor,
        "house": house,
        "domain": Domain.objects.get(slug="vrije-tijd-ontmoeting"),
        "age_group": AgeGroup.objects.get(slug="6-12"),
        "municipality": Municipality.objects.get(name="Kalmthout"),
        "text": "Geen betaalbare zwemlessen voor 6-12 in Kalmthout",
    }
    data.update(overrides)
    return services.policy_signal_record(**data)


def test_a_bridge_worker_signals_a_gap_to_policy(house, organisation, bridge_worker):
    recorded = signal(house, bridge_worker)
    assert recorded.organisation == organisation and recorded.observed_on == TODAY()
    assert recorded.recorded_by == bridge_worker
    assert not {f.name for f in PolicySignal._meta.fields} & {"family", "name", "email", "phone"}


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"domain": None}, "Kies een beleidsdomein"),
        ({"age_group": None}, "Kies een leeftijdsgroep"),
        ({"municipality": None}, "gemeente van dit Huis"),
        ({"text": ""}, "Beschrijf kort"),
        ({"text": "x" * 301}, "hoogstens 300 tekens"),
        ({"observed_on": timezone.localdate() + timedelta(days=1)}, "vandaag of vroeger"),
    ],
)
def test_a_bad_signal_is_refused(house, bridge_worker, overrides, message):
    refused(lambda: signal(house, bridge_worker, **overrides), message)
    assert signal(house, bridge_worker).pk


def test_a_signal_names_a_municipality_of_the_house_and_comes_from_a_bridge_worker(
    house, bridge_worker, worker, coordinator
):
    brecht = Municipality.objects.get(name="Brecht")
    refused(lambda: signal(house, bridge_worker, municipality=brecht), "gemeente van dit Huis")
    refused(lambda: signal(house, worker), "geen brugfiguur")
    refused(lambda: signal(house, coordinator), "geen brugfiguur")
    assert signal(house, bridge_worker).pk
