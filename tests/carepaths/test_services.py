"""The care paths' rules: templates with copy on change, starting a path, steps, handover
between partners (only with a current consent of the family), the history and the audit."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.carepaths import services
from huisvanhetkind.carepaths.models import CarePath, PathEvent, PathTemplate, StepHandover
from huisvanhetkind.carepaths.workflow import HandoverStatus, PathStatus, StepStatus
from huisvanhetkind.referrals.services import consent_withdraw
from tests.carepaths.conftest import consent_for, step_data

pytestmark = pytest.mark.django_db


def test_starting_a_path_dates_its_steps_from_the_reference_date(path, organisation):
    steps = list(path.steps.order_by("planned_on"))
    reference = path.reference_date
    assert [s.title for s in steps] == [
        "Screening perinatale depressie",
        "Huisbezoek na de geboorte",
    ]
    assert steps[0].planned_on == reference - timedelta(days=30)
    assert steps[0].due_on == reference - timedelta(days=23)
    assert steps[1].planned_on == reference + timedelta(days=14)
    assert steps[1].due_on == reference + timedelta(days=28)
    assert {s.organisation_id for s in steps} == {organisation.pk}
    assert path.events.get().to_status == PathStatus.RUNNING
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.CREATE, target_id=str(path.pk), organisation=organisation
    ).exists()


def test_a_path_needs_a_current_consent_of_the_family_for_the_starting_organisation(
    template, consent, worker, organisation, other_organisation, nurse
):
    consent_withdraw(consent=consent, actor=worker)
    consent.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.path_start(
            actor=worker,
            template=template,
            consent=consent,
            reference_date=timezone.localdate(),
            organisation=organisation,
        )
    assert "toestemming" in str(error.value)
    fresh = consent_for(template.house, consent.family, organisation)
    # Someone of another organisation cannot start from this organisation's consent.
    with pytest.raises(ValidationError):
        services.path_start(
            actor=nurse,
            template=template,
            consent=fresh,
            reference_date=timezone.localdate(),
            organisation=other_organisation,
        )
    assert not CarePath.objects.exists()


def test_a_wrong_reference_date_is_refused_in_dutch(template, consent, worker, organisation):
    for day in (None, timezone.localdate() - timedelta(days=1000)):
        with pytest.raises(ValidationError) as error:
            services.path_start(
                actor=worker,
                template=template,
                consent=consent,
                reference_date=day,
                organisation=organisation,
            )
        assert "referentiedatum" in str(error.value)
    assert not CarePath.objects.exists()


def test_a_family_follows_one_template_once_at_a_time(
    path, template, consent, worker, organisation
):
    with pytest.raises(ValidationError) as error:
        services.path_start(
            actor=worker,
            template=template,
            consent=consent,
            reference_date=timezone.localdate(),
            organisation=organisation,
        )
    assert "volgt dit zorgpad al" in str(error.value)
    assert CarePath.objects.count() == 1


def test_a_step_is_done_only_with_its_checklist_ticked(path, worker):
    step = path.steps.get(title="Huisbezoek na de geboorte")
    with pytest.raises(ValidationError) as error:
        services.step_transition(actor=worker, step=step, to=StepStatus.DONE)
    assert "checklist" in str(error.value)
    step.refresh_from_db()
    assert step.status == StepStatus.OPEN
    with pytest.raises(ValidationError):
        services.step_tick(actor=worker, step=step, ticked=[0, 7])
    services.step_tick(actor=worker, step=step, ticked=[0, 1])
    services.step_transition(actor=worker, step=step, to=StepStatus.DONE)
    step.refresh_from_db()
    assert step.status == StepStatus.DONE and step.finished_on == timezone.localdate()


def test_skipping_needs_a_reason_and_the_last_step_completes_the_path(path, worker):
    first, second = path.steps.order_by("planned_on")
    with pytest.raises(ValidationError) as error:
        services.step_transition(actor=worker, step=first, to=StepStatus.SKIPPED, reason="  ")
    assert "waarom" in str(error.value)
    services.step_transition(
        actor=worker, step=first, to=StepStatus.SKIPPED, reason="Al gedaan door de huisarts"
    )
    services.step_transition(actor=worker, step=first, to=StepStatus.OPEN)
    services.step_transition(actor=worker, step=first, to=StepStatus.SKIPPED, reason="Huisarts")
    services.step_tick(actor=worker, step=second, ticked=[0, 1])
    services.step_transition(actor=worker, step=second, to=StepStatus.DONE)
    path.refresh_from_db()
    assert path.status == PathStatus.COMPLETED and path.ended_at is not None
    with pytest.raises(ValidationError):
        services.step_transition(actor=worker, step=first, to=StepStatus.OPEN)


def test_a_step_is_handed_over_and_accepted_with_the_receivers_consent(
    path, worker, nurse, organisation, other_organisation
):
    step = path.steps.get(title="Huisbezoek na de geboorte")
    # Without a consent of the family for the Kraamzorg, no offer.
    with pytest.raises(ValidationError) as error:
        services.handover_offer(actor=worker, step=step, to_organisation=other_organisation)
    assert "toestemming" in str(error.value)
    assert not StepHandover.objects.exists()
    services.path_consent_record(
        actor=worker,
        path=path,
        organisation=organisation,
        recipient=other_organisation,
        obtained_via="in_person",
        expires_on=timezone.localdate() + timedelta(days=60),
    )
    handover = services.handover_offer(
        actor=worker, step=step, to_organisation=other_organisation, note="Graag binnen de week"
    )
    # Only the receiver answers, and the holder cannot answer for them.
    with pytest.raises(ValidationError):
        services.handover_answer(actor=worker, handover=handover, accept=True)
    services.handover_answer(actor=nurse, handover=handover, accept=True)
    step.refresh_from_db()
    handover.refresh_from_db()
    assert handover.status == HandoverStatus.ACCEPTED and handover.answered_by == nurse
    assert step.organisation == other_organisation
    # The former holder no longer moves the step; the new one does.
    with pytest.raises(ValidationError):
        services.step_tick(actor=worker, step=step, ticked=[0])
    services.step_tick(actor=nurse, step=step, ticked=[0])
    history = [(e.kind, e.from_status, e.to_status) for e in PathEvent.objects.filter(step=step)]
    assert history == [
        ("handover", "", HandoverStatus.OFFERED),
        ("handover", HandoverStatus.OFFERED, HandoverStatus.ACCEPTED),
    ]


def test_an_offer_cannot_be_accepted_once_the_receivers_consent_ended(
    path, worker, nurse, organisation, other_organisation
):
    step = path.steps.first()
    receiver_consent = consent_for(path.house, path.family, other_organisation)
    handover = services.handover_offer(actor=worker, step=step, to_organisation=other_organisation)
    consent_withdraw(consent=receiver_consent, actor=None)
    with pytest.raises(ValidationError) as error:
        services.handover_answer(actor=nurse, handover=handover, accept=True)
    assert "toestemming" in str(error.value)
    handover.refresh_from_db()
    step.refresh_from_db()
    assert handover.status == HandoverStatus.OFFERED and step.organisation == organisation
    # Declining stays possible; then the step can be offered again.
    services.handover_answer(actor=nurse, handover=handover, accept=False)
    handover.refresh_from_db()
    assert handover.status == HandoverStatus.DECLINED


def test_one_open_offer_per_step_and_the_offerer_may_withdraw_it(
    path, worker, other_organisation, third_organisation
):
    step = path.steps.first()
    consent_for(path.house, path.family, other_organisation)
    consent_for(path.house, path.family, third_organisation)
    handover = services.handover_offer(actor=worker, step=step, to_organisation=other_organisation)
    with pytest.raises(ValidationError):
        services.handover_offer(actor=worker, step=step, to_organisation=third_organisation)
    services.handover_withdraw(actor=worker, handover=handover)
    handover.refresh_from_db()
    assert handover.status == HandoverStatus.WITHDRAWN
    services.handover_offer(actor=worker, step=step, to_organisation=third_organisation)
    with pytest.raises(ValidationError):
        services.handover_withdraw(actor=worker, handover=handover)


def test_the_history_is_append_only(path):
    event = path.events.get()
    with pytest.raises(ValueError):
        event.save()


def test_a_template_is_edited_in_place_while_unused(template, coordinator):
    step = template.steps.first()
    saved = services.step_template_save(
        actor=coordinator, template=template, step=step, data=step_data(title="Nieuw")
    )
    assert saved.pk == step.pk and saved.template_id == template.pk
    assert PathTemplate.objects.count() == 1


def test_a_template_in_use_gets_a_new_version_and_running_paths_keep_theirs(
    template, path, coordinator
):
    step = template.steps.get(title="Huisbezoek na de geboorte")
    saved = services.step_template_save(
        actor=coordinator, template=template, step=step, data=step_data(title="Eerste huisbezoek")
    )
    template.refresh_from_db()
    new = saved.template
    assert new.pk != template.pk and new.version == 2 and new.lineage == template.lineage
    assert template.retired_at is not None and new.retired_at is None
    assert sorted(new.steps.values_list("title", flat=True)) == [
        "Eerste huisbezoek",
        "Screening perinatale depressie",
    ]
    assert path.steps.filter(title="Huisbezoek na de geboorte").exists()
    with pytest.raises(ValidationError):
        services.template_update(
            actor=coordinator,
            template=template,
            data={"name": "X", "description": "", "reference_kind": "birth_date"},
        )


def test_only_the_coordinator_of_the_house_changes_templates(template, other_coordinator, worker):
    for actor in (other_coordinator, worker):
        with pytest.raises(ValidationError):
            services.step_template_save(actor=actor, template=template, data=step_data())
    assert template.steps.count() == 2


def test_bad_template_and_step_input_is_refused_in_dutch(house, template, coordinator):
    with pytest.raises(ValidationError) as error:
        services.template_create(
            actor=coordinator, house=house, data={"name": "", "reference_kind": "moon"}
        )
    assert set(error.value.message_dict) == {"name", "reference_kind"}
    with pytest.raises(ValidationError) as error:
        services.template_create(
            actor=coordinator,
            house=house,
            data={"name": "eerste 1000 dagen", "reference_kind": "due_date"},
        )
    assert "al een zorgpad" in str(error.value)
    with pytest.raises(ValidationError) as error:
        services.step_template_save(
            actor=coordinator,
            template=template,
            data=step_data(title="", track="x", offset_days=5000, window_days=-1),
        )
    assert set(error.value.message_dict) == {"title", "track", "offset_days", "window_days"}
    assert PathTemplate.objects.count() == 1 and template.steps.count() == 2
