"""The audit trail of questions: one shape ({field: [before, after]}), written by the services,
and every read of a family's question by a professional in it, once per page."""

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.questions import services, services_setup
from huisvanhetkind.questions.models import AnswerTemplate, FaqEntry, RoutingRule, Topic
from huisvanhetkind.questions.workflow import QuestionStatus
from tests.conftest import logged_in
from tests.factories import (
    AnswerTemplateFactory,
    FaqEntryFactory,
    QuestionFactory,
    RoutingRuleFactory,
    UserFactory,
)
from tests.questions.conftest import ask

S = QuestionStatus


def assert_one_shape(events):
    for event in events:
        assert isinstance(event.changes, dict), event
        for field, change in event.changes.items():
            assert isinstance(field, str) and isinstance(change, list), (event, field)
            assert len(change) == 2, (event, field, change)


def test_every_audit_entry_of_a_question_s_life_has_one_shape(
    house, sleep_topic, sleep_rule, worker, coordinator, organisation, other_organisation
):
    question, _ = ask(house, sleep_topic)
    services.question_read(question=question, actor=worker)
    services.question_assign(question=question, actor=worker, assignee=worker)
    services.question_start(question=question, actor=worker)
    services.question_note_add(question=question, actor=worker, body="Belde al.")
    services.question_answer(question=question, actor=worker, body="Antwoord.")
    services.question_follow_up(question=question, body="En nu?")
    services.question_forward(
        question=question, actor=worker, organisation=other_organisation, note="Voor jullie."
    )
    services.question_close(question=question, actor=coordinator)
    events = AuditEvent.objects.filter(
        target_type="questions.question", target_id=str(question.pk)
    ).order_by("pk")
    assert_one_shape(events)
    changes = [e.changes for e in events]
    assert changes[0] == {
        "status": [None, "new"],
        "organisation": [None, organisation.pk],
        "assignee": [None, None],
    }
    assert {"status": ["new", "assigned"], "assignee": [None, worker.pk]} in changes
    assert {"status": ["assigned", "in_progress"]} in changes
    assert {"status": ["answered", "in_progress"]} in changes
    assert {
        "status": ["in_progress", "new"],
        "organisation": [organisation.pk, other_organisation.pk],
        "assignee": [worker.pk, None],
    } in changes
    assert {"status": ["new", "closed"]} in changes
    note = question.events.get(kind="note")
    assert {"note": [None, note.pk]} in changes
    # Every status change is in the question's own history too.
    steps = [
        (e.from_status, e.to_status) for e in question.events.exclude(from_status="").order_by("pk")
    ]
    audited = [tuple(c["status"]) for c in changes[1:] if "status" in c]
    assert steps == audited


def test_forwarding_a_new_question_audits_the_partner_without_a_status(
    routed_question, worker, organisation, other_organisation
):
    services.question_forward(
        question=routed_question, actor=worker, organisation=other_organisation, note="Hier."
    )
    event = AuditEvent.objects.filter(
        target_type="questions.question", target_id=str(routed_question.pk)
    ).latest("pk")
    assert event.changes == {"organisation": [organisation.pk, other_organisation.pk]}


def test_question_read_hands_out_the_page_and_audits_once(routed_question, worker, organisation):
    template = AnswerTemplateFactory(organisation=organisation)
    shown = services.question_read(question=routed_question, actor=worker, template_id=template.pk)
    assert shown.question == routed_question and shown.chosen_template == template
    assert shown.can_start and shown.can_answer and shown.can_close and shown.can_assign
    assert not shown.can_make_faq and not shown.is_coordinator
    reads = AuditEvent.objects.filter(action=AuditEvent.Action.READ)
    assert [(r.actor, r.target_id, r.changes) for r in reads] == [
        (worker, str(routed_question.pk), {})
    ]


def test_a_template_of_another_organisation_is_not_handed_out(
    routed_question, worker, other_organisation, organisation
):
    theirs = AnswerTemplateFactory(organisation=other_organisation)
    ours = AnswerTemplateFactory(organisation=organisation)
    shown = services.question_read(question=routed_question, actor=worker, template_id=theirs.pk)
    assert shown.chosen_template is None and theirs not in shown.templates
    # Positive control: our own template is.
    shown = services.question_read(question=routed_question, actor=worker, template_id=ours.pk)
    assert shown.chosen_template == ours


@pytest.mark.parametrize("path", ["", "?sjabloon=1"])
def test_each_showing_of_the_detail_page_is_one_read(path, routed_question, worker, outsider):
    client = logged_in(worker)
    for expected in (1, 2):
        assert client.get(f"/beheer/vragen/{routed_question.pk}/{path}").status_code == 200
        assert AuditEvent.objects.filter(action=AuditEvent.Action.READ).count() == expected
    # The outsider's refused attempt reads nothing.
    assert logged_in(outsider).get(f"/beheer/vragen/{routed_question.pk}/").status_code == 404
    assert AuditEvent.objects.filter(action=AuditEvent.Action.READ, actor=outsider).count() == 0


def test_a_successful_action_redirects_and_reads_nothing_until_the_page_is_shown(
    routed_question, worker
):
    client = logged_in(worker)
    response = client.post(f"/beheer/vragen/{routed_question.pk}/notitie/", {"note": "Gebeld."})
    assert response.status_code == 302
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.READ).exists()
    client.get(response["Location"])
    assert AuditEvent.objects.filter(action=AuditEvent.Action.READ).count() == 1


def test_a_rule_change_audits_only_what_changed(house, organisation, other_organisation):
    coordinator = UserFactory()
    rule = RoutingRuleFactory(house=house, organisation=organisation, keywords="slapen")
    rule.keywords = "slapen, dromen"
    rule.organisation = other_organisation
    services_setup.routing_rule_save(rule=rule, actor=coordinator)
    stored = RoutingRule.objects.get(pk=rule.pk)
    assert stored.keywords == "slapen, dromen" and stored.organisation == other_organisation
    event = AuditEvent.objects.get(
        target_type="questions.routingrule", action=AuditEvent.Action.UPDATE
    )
    assert event.changes == {
        "keywords": ["slapen", "slapen, dromen"],
        "organisation": [organisation.pk, other_organisation.pk],
    }
    # Saving it unchanged writes nothing more.
    services_setup.routing_rule_save(rule=stored, actor=coordinator)
    assert AuditEvent.objects.filter(target_type="questions.routingrule").count() == 1


def test_a_new_rule_goes_last_and_its_creation_lists_its_fields(house, organisation):
    RoutingRuleFactory(house=house, organisation=organisation, position=4)
    rule = services_setup.routing_rule_save(
        rule=RoutingRule(house=house, name="Nieuw", organisation=organisation), actor=None
    )
    assert rule.position == 5
    event = AuditEvent.objects.get(target_type="questions.routingrule", target_id=str(rule.pk))
    assert event.action == AuditEvent.Action.CREATE and event.actor_label == "systeem"
    assert event.changes["name"] == [None, "Nieuw"]
    assert event.changes["organisation"] == [None, organisation.pk]
    assert event.changes["position"] == [None, 5]
    assert_one_shape([event])


def test_moving_a_rule_audits_the_positions(house, organisation, coordinator):
    first = RoutingRuleFactory(house=house, organisation=organisation, position=1)
    second = RoutingRuleFactory(house=house, organisation=organisation, position=2)
    services_setup.routing_rule_move(rule=second, actor=coordinator, up=True)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.position, second.position) == (2, 1)
    assert {
        e.target_id: e.changes for e in AuditEvent.objects.filter(action=AuditEvent.Action.UPDATE)
    } == {str(second.pk): {"position": [2, 1]}, str(first.pk): {"position": [1, 2]}}
    # At the top, moving up again changes nothing and records nothing.
    services_setup.routing_rule_move(rule=second, actor=coordinator, up=True)
    assert AuditEvent.objects.filter(action=AuditEvent.Action.UPDATE).count() == 2


def test_deleting_a_rule_records_what_it_was(house, organisation, coordinator):
    rule = RoutingRuleFactory(house=house, organisation=organisation, name="Weg")
    services_setup.routing_rule_delete(rule=rule, actor=coordinator)
    event = AuditEvent.objects.get(action=AuditEvent.Action.DELETE)
    assert event.changes["name"] == ["Weg", None] and event.house == house
    assert not RoutingRule.objects.exists()


def test_answer_templates_are_audited_in_each_house_of_the_organisation(
    house, other_house, organisation, worker
):
    from huisvanhetkind.network.models import Partnership

    Partnership.objects.create(organisation=organisation, house=other_house)
    template = services_setup.answer_template_save(
        template=AnswerTemplate(organisation=organisation, title="T", body="B"), actor=worker
    )
    template.body = "Beter"
    services_setup.answer_template_save(template=template, actor=worker)
    updates = AuditEvent.objects.filter(action=AuditEvent.Action.UPDATE)
    assert {e.house for e in updates} == {house, other_house}
    assert all(e.changes == {"body": ["B", "Beter"]} for e in updates)
    assert AuditEvent.objects.filter(action=AuditEvent.Action.CREATE).count() == 2


def test_faq_entries_audit_their_changes(house, coordinator):
    entry = services_setup.faq_entry_save(
        entry=FaqEntry(house=house, question="V?", answer="A"), actor=coordinator
    )
    assert entry.created_by == coordinator
    entry.is_published = True
    services_setup.faq_entry_save(entry=entry, actor=coordinator)
    update = AuditEvent.objects.get(action=AuditEvent.Action.UPDATE)
    assert update.changes == {"is_published": [False, True]} and update.house == house
    created = AuditEvent.objects.get(action=AuditEvent.Action.CREATE)
    assert created.changes["question"] == [None, "V?"]
    assert FaqEntryFactory(house=house).is_published  # the factory's entry is public


def test_topics_changed_in_the_admin_go_through_the_services(db):
    admin_user = UserFactory(is_staff=True, is_superuser=True)
    request = RequestFactory().post("/")
    request.user = admin_user
    model_admin = site._registry[Topic]
    topic = Topic(slug="spelen", name="Spelen")
    model_admin.save_model(request, topic, form=None, change=False)
    topic.name = "Spelen en bewegen"
    model_admin.save_model(request, topic, form=None, change=True)
    model_admin.delete_model(request, Topic.objects.get(pk=topic.pk))
    events = AuditEvent.objects.filter(target_type="questions.topic").order_by("pk")
    assert [e.action for e in events] == ["create", "update", "delete"]
    assert events[1].changes == {"name": ["Spelen", "Spelen en bewegen"]}
    assert not Topic.objects.filter(slug="spelen").exists()


def test_a_question_from_the_factory_is_a_stored_routed_question(house, organisation, worker):
    question = QuestionFactory(house=house, organisation=organisation)
    assert question.status == S.NEW and question.events.get().kind == "received"
    assert question.token and services.private_url(question, question.token)
    assert logged_in(worker).get(f"/beheer/vragen/{question.pk}/").status_code == 200
