"""Every retention rule of the register runs by hand with ``huisvanhetkind retention``; the dry
run lists each rule with its retention and what it would erase now, and changes nothing."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.contrib.sessions.models import Session
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from huisvanhetkind.activities.models import Activity, Registration
from huisvanhetkind.appointments.models import Appointment
from huisvanhetkind.babytheek import services as babytheek_services
from huisvanhetkind.babytheek.models import Item as BabytheekItem
from huisvanhetkind.babytheek.models import Membership as BabytheekMembership
from huisvanhetkind.babytheek.models import WaitlistEntry
from huisvanhetkind.care.models import Signal
from huisvanhetkind.care.numbers import fictitious_number
from huisvanhetkind.care.services import signal_record
from huisvanhetkind.carepaths import services as care_path_services
from huisvanhetkind.carepaths.models import CarePath
from huisvanhetkind.childcare import models as childcare_models
from huisvanhetkind.childcare import services_urgent
from huisvanhetkind.childcare.models import ChildcareRequest, UrgentRequest
from huisvanhetkind.core import register
from huisvanhetkind.core.models import ThrottleCount
from huisvanhetkind.families.models import Child, Family
from huisvanhetkind.familyplans.models import FamilyPlan
from huisvanhetkind.guidance.models import CaseloadEntry
from huisvanhetkind.network.models import PartnerApplication
from huisvanhetkind.network.workflow import ApplicationStatus
from huisvanhetkind.participation import services as participation_services
from huisvanhetkind.privacy import services, services_requests
from huisvanhetkind.privacy.models import RightsRequest
from huisvanhetkind.questions.models import Question
from huisvanhetkind.questions.workflow import QuestionStatus
from huisvanhetkind.referrals.models import Consent, Referral
from tests.appointments.conftest import book as book_appointment
from tests.appointments.conftest import make_appointment_desk
from tests.carepaths.conftest import step_data
from tests.factories import (
    ActivityFactory,
    CaseloadEntryFactory,
    OrganisationFactory,
    PartnerApplicationFactory,
    QuestionFactory,
    RegistrationFactory,
    SessionFactory,
)
from tests.familyplans.conftest import make_plan

pytestmark = pytest.mark.django_db

RULES = (
    "activities.erase_expired_photos",
    "activities.erase_expired_registrations",
    "appointments.erase_expired_appointments",
    "babytheek.erase_expired_memberships",
    "babytheek.erase_expired_waitlist",
    "care.erase_expired",
    "carepaths.erase_ended",
    "childcare.erase_ended_urgent_requests",
    "childcare.erase_expired_requests",
    "childcare.erase_old_rounds",
    "core.erase_expired_throttle_counts",
    "families.erase_orphaned",
    "familyplans.erase_expired",
    "guidance.erase_expired",
    "network.erase_expired_applications",
    "participation.erase_free_text",
    "privacy.erase_answered_requests",
    "privacy.erase_expired_sessions",
    "privacy.erase_expired_task_results",
    "questions.erase_expired",
    "referrals.erase_expired",
)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def closed_question(house, organisation, days):
    return QuestionFactory(
        house=house,
        organisation=organisation,
        name="An Peeters",
        status=QuestionStatus.CLOSED,
        closed_at=days_ago(days),
    )


def registration_days_ago(activity, days):
    starts = timezone.now().replace(microsecond=0) - timedelta(days=days)
    session = SessionFactory(
        activity=activity, starts_at=starts, ends_at=starts + timedelta(hours=2)
    )
    return RegistrationFactory(session=session, name="Sara Peeters", remarks="rolstoel")


def declined_application(house, days):
    application = PartnerApplicationFactory(
        house=house,
        status=ApplicationStatus.DECLINED,
        contact_name="An Peeters",
        contact_email="an@vereniging.example.be",
    )
    PartnerApplication.objects.filter(pk=application.pk).update(decided_at=days_ago(days))
    return application


def activity_with_photo(house, last_session_days_ago, name):
    activity = ActivityFactory(house=house)
    starts = timezone.now().replace(microsecond=0) - timedelta(days=last_session_days_ago)
    SessionFactory(activity=activity, starts_at=starts, ends_at=starts + timedelta(hours=2))
    stored = default_storage.save(f"activities/{name}.jpg", ContentFile(b"jpeg"))
    Activity.objects.filter(pk=activity.pk).update(image=stored, image_alt="Kinderen")
    return activity


def appointments_days_ago(house):
    """Two appointments, 40 and 10 days ago (the retention is 30 days after the time)."""
    desk = make_appointment_desk(house, slug="loket-bewaartermijn")
    found = []
    for days, email in ((40, "oud-afspraak@example.be"), (10, "recent-afspraak@example.be")):
        appointment, _signed = book_appointment(desk, email=email, name="Gezin Afspraak")
        Appointment.objects.filter(pk=appointment.pk).update(
            starts_at=timezone.now() - timedelta(days=days),
            ends_at=timezone.now() - timedelta(days=days) + timedelta(minutes=20),
        )
        found.append(appointment)
    return tuple(found)


def babytheek_membership_ended(house, days, email):
    """A babytheek membership that ended ``days`` ago (the retention is 12 months)."""
    until = timezone.localdate() - timedelta(days=days)
    return babytheek_services.membership_create(
        actor=None,
        house=house,
        name="Lid Babytheek",
        email=email,
        valid_from=until - timedelta(days=364),
        valid_until=until,
    )


def babytheek_waitlist_notified(house, days, name):
    item = BabytheekItem.objects.create(house=house, name=f"Kinderwagen {name}")
    entry = babytheek_services.waitlist_join(
        actor=None, house=house, item=item, name=name, email=f"{name}@example.be"
    )
    WaitlistEntry.objects.filter(pk=entry.pk).update(notified_at=days_ago(days))
    return entry


def referral_closed(house, organisation, days):
    receiver = OrganisationFactory(houses=[house], domains=[])
    consent = Consent.objects.create(
        house=house,
        recipient=receiver,
        requested_by=organisation,
        purpose="Kraamzorg",
        data_categories=["contact", "reason"],
        obtained_via="in_person",
        given_at=days_ago(days + 10),
        expires_on=timezone.localdate() + timedelta(days=30),
    )
    return Referral.objects.create(
        house=house,
        from_organisation=organisation,
        to_organisation=receiver,
        consent=consent,
        contact_preference="phone",
        reason="Mama is erg moe.",
        due_on=timezone.localdate(),
        status="closed",
        closed_at=days_ago(days),
    )


def caseload_ended(house, organisation, days):
    ended = timezone.localdate() - timedelta(days=days)
    return CaseloadEntryFactory(
        house=house, organisation=organisation, status="ended", started_on=ended, ended_on=ended
    )


def session_expiring(key, days):
    return Session.objects.create(
        session_key=key, session_data="", expire_date=timezone.now() + timedelta(days=days)
    )


def task_result_finished(days):
    return DBTaskResult.objects.create(
        status="SUCCESSFUL",
        args_kwargs={"args": [], "kwargs": {}},
        task_path="huisvanhetkind.questions.tasks.erase_expired_questions",
        backend_name="default",
        run_after=days_ago(days),
        started_at=days_ago(days),
        finished_at=days_ago(days),
        return_value=0,
    )


def signal_made(house, worker, organisation, days, serial):
    """A signal made ``days`` ago (two years and a day: ended)."""
    return signal_record(
        actor=worker,
        house=house,
        organisation=organisation,
        number=fictitious_number(timezone.localdate().replace(year=2018), serial),
        today=timezone.localdate() - timedelta(days=days),
    )


def care_path_ended(house, worker, organisation, days, email):
    """A care path stopped ``days`` ago."""
    template = care_path_services.template_create(
        actor=None,
        house=house,
        data={"name": f"Pad {email}", "description": "", "reference_kind": "birth_date"},
    )
    care_path_services.step_template_save(actor=None, template=template, data=step_data())
    consent = care_path_services.family_consent_record(
        actor=worker,
        house=house,
        organisation=organisation,
        name="Sarah Janssens",
        email=email,
        phone="",
        obtained_via=Consent.ObtainedVia.IN_PERSON,
        expires_on=timezone.localdate() + timedelta(days=200),
        purpose="Zorgpad",
    )
    path = care_path_services.path_start(
        actor=worker,
        template=template,
        consent=consent,
        reference_date=timezone.localdate(),
        organisation=organisation,
    )
    care_path_services.path_stop(actor=worker, path=path, reason="Het gezin verhuisde")
    CarePath.objects.filter(pk=path.pk).update(ended_at=days_ago(days))
    return path


def family_plan_closed(house, worker, organisation, days, email):
    plan = make_plan(house, worker, organisation, email=email)
    FamilyPlan.objects.filter(pk=plan.pk).update(status="closed", closed_at=days_ago(days))
    return plan


def throttle_count_expiring(key, minutes):
    now = timezone.now()
    return ThrottleCount.objects.create(
        key=key, window_start=now, count=1, expires_at=now + timedelta(minutes=minutes)
    )


def childcare_request_ended(house, days):
    """A childcare request withdrawn ``days`` ago (no wishes needed for the rule)."""
    family = Family.objects.create(name="Sara Peeters")
    child = Child.objects.create(family=family, birth_date=timezone.localdate())
    return ChildcareRequest.objects.create(
        house=house,
        family=family,
        child=child,
        municipality=house.municipalities.first(),
        wished_start=timezone.localdate().replace(day=1),
        half_days=4,
        social_tariff=False,
        note="graag dicht bij huis",
        status="withdrawn",
        ended_at=days_ago(days),
    )


def allocation_round_of(house, months_ago):
    """A round whose start month was ``months_ago`` months ago (deleted 12 months after it)."""
    today = timezone.localdate()
    index = today.year * 12 + today.month - 1 - months_ago
    month = today.replace(year=index // 12, month=index % 12 + 1, day=1)
    return childcare_models.AllocationRound.objects.create(
        house=house, month=month, offer_deadline=today
    )


def family_untouched(days, email):
    """A family record nothing links to, created and last changed ``days`` ago (deleted 30
    days after that)."""
    family = Family.objects.create(name="Gezin Zonder Koppeling", email=email)
    Family.objects.filter(pk=family.pk).update(created_at=days_ago(days), updated_at=days_ago(days))
    Child.objects.create(family=family, first_name="Lotte", birth_date=date(2024, 5, 1))
    return family


def urgent_request_ended(house, days, email):
    """An urgent request answered "no place" ``days`` ago."""
    urgent, _token = services_urgent.urgent_submit(
        house=house,
        family={"name": "Sara Peeters", "email": email, "phone": "", "language": "nl"},
        child={"first_name": "Lotte", "birth_date": timezone.localdate() - timedelta(days=300)},
        municipality=house.municipalities.first(),
        reason="work",
        needed_from=timezone.localdate() + timedelta(days=7),
        half_days=4,
        situation="Werk gevonden.",
    )
    UrgentRequest.objects.filter(pk=urgent.pk).update(status="no_place", ended_at=days_ago(days))
    return urgent


@pytest.fixture
def records(house, organisation, worker):
    """For every rule one record due now and one that is not."""
    activity = ActivityFactory(house=house)
    return {
        "questions": (
            closed_question(house, organisation, 400),
            closed_question(house, organisation, 100),
        ),
        "registrations": (
            registration_days_ago(activity, 200),
            registration_days_ago(activity, -3),
        ),
        "applications": (declined_application(house, 400), declined_application(house, 10)),
        "photos": (
            activity_with_photo(house, 400, "oud"),
            activity_with_photo(house, 10, "recent"),
        ),
        "sessions": (session_expiring("a" * 32, -1), session_expiring("b" * 32, 1)),
        "appointments": appointments_days_ago(house),
        "babytheek_memberships": (
            babytheek_membership_ended(house, 500, "oud-lid@example.be"),
            babytheek_membership_ended(house, 100, "recent-lid@example.be"),
        ),
        "babytheek_waitlist": (
            babytheek_waitlist_notified(house, 30, "oud"),
            babytheek_waitlist_notified(house, 2, "recent"),
        ),
        "task_results": (task_result_finished(40), task_result_finished(2)),
        "referrals": (
            referral_closed(house, organisation, 400),
            referral_closed(house, organisation, 100),
        ),
        "caseloads": (
            caseload_ended(house, organisation, 400),
            caseload_ended(house, organisation, 100),
        ),
        "signals": (
            signal_made(house, worker, organisation, 731, 1),
            signal_made(house, worker, organisation, 10, 2),
        ),
        "care_paths": (
            care_path_ended(house, worker, organisation, 400, "oud@example.be"),
            care_path_ended(house, worker, organisation, 100, "recent@example.be"),
        ),
        "family_plans": (
            family_plan_closed(house, worker, organisation, 400, "oud@example.be"),
            family_plan_closed(house, worker, organisation, 100, "recent@example.be"),
        ),
        "throttle_counts": (
            throttle_count_expiring("oud", -5),
            throttle_count_expiring("recent", 5),
        ),
        "childcare_requests": (
            childcare_request_ended(house, 400),
            childcare_request_ended(house, 100),
        ),
        "urgent_requests": (
            urgent_request_ended(house, 400, "oud-dringend@example.be"),
            urgent_request_ended(house, 100, "recent-dringend@example.be"),
        ),
        "allocation_rounds": (allocation_round_of(house, 13), allocation_round_of(house, 11)),
        "families": (
            family_untouched(40, "oud-gezin@example.be"),
            family_untouched(10, "recent-gezin@example.be"),
        ),
        "rights_requests": (
            rights_request_answered(house, 6, "Oud Verzoek"),
            rights_request_answered(house, 4, "Recent Verzoek"),
        ),
        "survey_free_texts": (
            survey_free_text_closed(house, 400, "oud"),
            survey_free_text_closed(house, 100, "recent"),
        ),
    }


def survey_free_text_closed(house, days, title):
    """A free-text answer to a survey that closed ``days`` ago."""
    now = timezone.now()
    survey = participation_services.survey_create(
        actor=None,
        house=house,
        data={
            "title": f"Bevraging {title}",
            "opens_at": now - timedelta(days=days + 10),
            "closes_at": now + timedelta(days=1),
        },
    )
    question = participation_services.question_save(
        actor=None, section=survey.sections.get(), data={"text": "Wat denk je?", "kind": "text"}
    )
    participation_services.survey_publish(actor=None, survey=survey)
    response = participation_services.response_submit(
        survey=survey, answers={question.pk: f"Vrij antwoord {title}"}
    )
    survey.closes_at = now - timedelta(days=days)
    survey.save(update_fields=["closes_at"])
    return response.answers.get()


def rights_request_answered(house, years_ago, name):
    """A request of the house's log answered ``years_ago`` years ago."""
    answered = timezone.localdate().replace(day=1) - timedelta(days=int(365.25 * years_ago))
    request = services_requests.request_log(
        actor=None,
        house=house,
        requester_name=name,
        requester_contact="0470 12 34 56",
        received_on=answered - timedelta(days=10),
        channel="phone",
        kind="access",
        subject="Inzage in het dossier",
        today=answered,
    )
    return services_requests.request_answer(
        actor=None,
        request=request,
        answered_on=answered,
        summary="Kopie verstuurd",
        channel="letter",
        today=answered,
    )


def run(*args) -> str:
    out = StringIO()
    call_command("retention", *args, stdout=out)
    return out.getvalue()


def test_the_dry_run_lists_every_rule_with_its_retention_and_what_is_due_now(records):
    output = run("--dry-run")

    assert [d.rule.name for d in register.rules()] == list(RULES)
    for name in RULES:
        assert f"{name} (" in output
    assert output.count("would erase now: 1") == len(RULES)  # one due record per rule
    assert "365 dagen na het afsluiten" in output  # the questions' retention, from the settings
    assert "183 dagen na het moment van de activiteit" in output
    assert f"Dry run: {len(RULES)} rule(s), nothing changed." in output
    # Nothing changed.
    assert not Question.objects.filter(erased_at__isnull=False).exists()
    assert not Registration.objects.filter(erased_at__isnull=False).exists()
    assert not PartnerApplication.objects.filter(erased_at__isnull=False).exists()
    assert Activity.objects.exclude(image="").count() == 2
    assert Session.objects.count() == 2 and DBTaskResult.objects.count() == 2


def test_the_dry_run_with_nothing_due_counts_zero_for_every_rule(house, organisation):
    closed_question(house, organisation, 100)
    session_expiring("c" * 32, 1)
    output = run("--dry-run")
    assert output.count("would erase now: 0") == len(RULES)
    assert "would erase now: 1" not in output


def test_the_run_erases_what_is_due_and_keeps_what_is_not(records):
    output = run()

    assert f"Ran {len(RULES)} rule(s)." in output
    assert "questions.erase_expired (questions.Question)" in output
    old, recent = records["questions"]
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.erased_at and old.name == "" and old.text == ""
    assert recent.erased_at is None and recent.name == "An Peeters"

    old, recent = (Registration.objects.get(pk=r.pk) for r in records["registrations"])
    assert old.erased_at and old.name == "" and old.remarks == ""
    assert recent.erased_at is None and recent.name == "Sara Peeters"

    old, recent = (PartnerApplication.objects.get(pk=a.pk) for a in records["applications"])
    assert old.erased_at and old.contact_email == ""
    assert recent.erased_at is None and recent.contact_email == "an@vereniging.example.be"

    old, recent = (Activity.objects.get(pk=a.pk) for a in records["photos"])
    assert old.image.name == "" and recent.image.name == "activities/recent.jpg"

    old, recent = (Appointment.objects.get(pk=a.pk) for a in records["appointments"])
    assert old.erased_at and old.name == "" and old.email == ""
    assert recent.erased_at is None and recent.name == "Gezin Afspraak"

    old, recent = (
        BabytheekMembership.objects.get(pk=m.pk) for m in records["babytheek_memberships"]
    )
    assert old.erased_at and old.name == "" and old.email == ""
    assert recent.erased_at is None and recent.name == "Lid Babytheek"
    assert list(WaitlistEntry.objects.values_list("pk", flat=True)) == [
        records["babytheek_waitlist"][1].pk
    ]

    assert list(Session.objects.values_list("session_key", flat=True)) == ["b" * 32]
    assert list(DBTaskResult.objects.values_list("pk", flat=True)) == [
        records["task_results"][1].pk
    ]

    old, recent = (Referral.objects.get(pk=r.pk) for r in records["referrals"])
    assert old.erased_at and old.reason == ""
    assert recent.erased_at is None and recent.reason == "Mama is erg moe."

    old, recent = (CaseloadEntry.objects.get(pk=e.pk) for e in records["caseloads"])
    assert old.erased_at and old.family_id is None
    assert recent.erased_at is None and recent.family_id

    assert list(Signal.objects.values_list("pk", flat=True)) == [records["signals"][1].pk]
    for model, key in (
        (CarePath, "care_paths"),
        (FamilyPlan, "family_plans"),
        (ThrottleCount, "throttle_counts"),
        (RightsRequest, "rights_requests"),
    ):
        assert list(model.objects.values_list("pk", flat=True)) == [records[key][1].pk]

    old, recent = (ChildcareRequest.objects.get(pk=r.pk) for r in records["childcare_requests"])
    assert old.erased_at and old.note == "" and old.status == "withdrawn"
    assert recent.erased_at is None and recent.note == "graag dicht bij huis"

    old, recent = (UrgentRequest.objects.get(pk=u.pk) for u in records["urgent_requests"])
    assert old.erased_at and old.situation == "" and old.token_hash is None
    assert recent.erased_at is None and recent.situation == "Werk gevonden."

    old, recent = records["families"]
    assert not Family.objects.filter(pk=old.pk).exists()
    assert not Child.objects.filter(family_id=old.pk).exists()
    assert Family.objects.filter(pk=recent.pk).exists()

    # Run again: nothing is due any more.
    assert run("--dry-run").count("would erase now: 0") == len(RULES)


def test_retention_run_reports_what_each_rule_was_due_and_returned(records):
    runs = {r.declaration.rule.name: r for r in services.retention_run(dry_run=False)}
    assert runs["questions.erase_expired"].due == 1
    assert runs["questions.erase_expired"].result == 1
    assert runs["activities.erase_expired_photos"].result["activities"] == 1
    assert runs["privacy.erase_expired_sessions"].result == 1


def test_the_dry_run_follows_a_changed_retention_setting(records, settings):
    settings.QUESTION_RETENTION_DAYS = 50
    output = run("--dry-run")
    assert "50 dagen na het afsluiten" in output
    runs = {r.declaration.rule.name: r.due for r in services.retention_run(dry_run=True)}
    assert runs["questions.erase_expired"] == 2
    assert runs["network.erase_expired_applications"] == 1


def test_the_rounds_rule_deletes_a_round_12_months_after_its_month(records):
    run()
    old, recent = records["allocation_rounds"]
    assert list(childcare_models.AllocationRound.objects.values_list("pk", flat=True)) == [
        recent.pk
    ]
