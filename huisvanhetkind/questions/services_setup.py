"""The writes of what professionals set up for questions: the routing rules of a house (its
coordinator), the answer templates of an organisation, the FAQ of a house, and the topics
(platform admins). Each creation, change and deletion is audited as {field: [before, after]}.

The writes about the questions themselves are in ``services``.
"""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.core.services import model_update
from huisvanhetkind.network.access import organisation_house_ids
from huisvanhetkind.network.models import House
from huisvanhetkind.questions import selectors
from huisvanhetkind.questions.models import AnswerTemplate, FaqEntry, RoutingRule, Topic

# --- Routing rules (the coordinator) ------------------------------------------------------------

RULE_FIELDS = (
    "name",
    "topic",
    "age_group",
    "municipality",
    "language",
    "keywords",
    "organisation",
    "assignee",
    "is_active",
)
TEMPLATE_FIELDS = ("title", "body")
FAQ_FIELDS = ("topic", "question", "answer", "is_published")


def _values(instance, fields) -> dict:
    """The values of ``fields`` as the audit trail holds them: a related object by its key."""
    values = {}
    for name in fields:
        field = instance._meta.get_field(name)
        values[name] = getattr(instance, field.attname if field.is_relation else name)
    return values


def _created(instance, fields) -> dict:
    return {name: [None, value] for name, value in _values(instance, fields).items()}


def _deleted(instance, fields) -> dict:
    return {name: [value, None] for name, value in _values(instance, fields).items()}


def _save_fields(instance, fields) -> tuple[models.Model, dict]:
    """Store the ``fields`` set on ``instance`` (a form or the demo seeder changed them in
    memory) on its locked row; return that row and what changed, ``{field: [before, after]}``."""
    stored = type(instance).objects.select_for_update().get(pk=instance.pk)
    changes = model_update(instance=stored, data={name: getattr(instance, name) for name in fields})
    return stored, changes


def _check_rule(rule: RoutingRule):
    if (
        not selectors.house_partner_organisations(rule.house)
        .filter(pk=rule.organisation_id)
        .exists()
    ):
        raise ValidationError(_("Kies een partner van dit Huis van het Kind."))
    if rule.assignee_id and not selectors.is_member(rule.assignee, rule.organisation):
        raise ValidationError(_("Deze persoon werkt niet voor de gekozen partner."))


@transaction.atomic
def routing_rule_save(*, rule: RoutingRule, actor) -> RoutingRule:
    """Create a rule (it goes last), or store the fields changed on it; audit what changed."""
    _check_rule(rule)
    if rule.pk is None:
        last = RoutingRule.objects.filter(house=rule.house).aggregate(m=Max("position"))["m"]
        rule.position = (last or 0) + 1
        rule.save()
        action, changes = AuditEvent.Action.CREATE, _created(rule, ("position", *RULE_FIELDS))
    else:
        rule, changes = _save_fields(rule, RULE_FIELDS)
        if not changes:
            return rule
        action = AuditEvent.Action.UPDATE
    audit_record(actor=actor, action=action, target=rule, house=rule.house, changes=changes)
    return rule


@transaction.atomic
def routing_rule_delete(*, rule: RoutingRule, actor) -> None:
    audit_record(
        actor=actor,
        action=AuditEvent.Action.DELETE,
        target=rule,
        house=rule.house,
        changes=_deleted(rule, ("position", *RULE_FIELDS)),
    )
    rule.delete()


@transaction.atomic
def routing_rule_move(*, rule: RoutingRule, actor, up: bool) -> None:
    """Swap a rule with its neighbour; positions are renumbered 1..n, each change audited."""
    rules = list(
        RoutingRule.objects.select_for_update().filter(house=rule.house).order_by("position", "id")
    )
    index = next(i for i, r in enumerate(rules) if r.pk == rule.pk)
    other = index - 1 if up else index + 1
    if 0 <= other < len(rules):
        rules[index], rules[other] = rules[other], rules[index]
    for position, each in enumerate(rules, start=1):
        changes = model_update(instance=each, data={"position": position})
        if changes:
            audit_record(
                actor=actor,
                action=AuditEvent.Action.UPDATE,
                target=each,
                house=each.house,
                changes=changes,
            )


# --- Answer templates and FAQ -------------------------------------------------------------------


def _audit_organisation(*, actor, action, target, organisation, changes) -> None:
    """An organisation's event is in the trail of every house it is partner of."""
    houses = House.objects.filter(pk__in=organisation_house_ids(organisation)).order_by("pk")
    for house in list(houses) or [None]:
        audit_record(actor=actor, action=action, target=target, house=house, changes=changes)


@transaction.atomic
def answer_template_save(*, template: AnswerTemplate, actor) -> AnswerTemplate:
    """Create a template, or store the fields changed on it; audit what changed."""
    if template.pk is None:
        template.save()
        action, changes = AuditEvent.Action.CREATE, _created(template, TEMPLATE_FIELDS)
    else:
        template, changes = _save_fields(template, TEMPLATE_FIELDS)
        if not changes:
            return template
        action = AuditEvent.Action.UPDATE
    _audit_organisation(
        actor=actor,
        action=action,
        target=template,
        organisation=template.organisation,
        changes=changes,
    )
    return template


@transaction.atomic
def answer_template_delete(*, template: AnswerTemplate, actor) -> None:
    _audit_organisation(
        actor=actor,
        action=AuditEvent.Action.DELETE,
        target=template,
        organisation=template.organisation,
        changes=_deleted(template, TEMPLATE_FIELDS),
    )
    template.delete()


@transaction.atomic
def faq_entry_save(*, entry: FaqEntry, actor) -> FaqEntry:
    """Save an FAQ entry that a person wrote; its text is theirs, never the parent's."""
    if entry.pk is None:
        entry.created_by = actor if getattr(actor, "is_authenticated", False) else None
        entry.save()
        action = AuditEvent.Action.CREATE
        changes = _created(entry, ("source_question", *FAQ_FIELDS))
    else:
        entry, changes = _save_fields(entry, FAQ_FIELDS)
        if not changes:
            return entry
        action = AuditEvent.Action.UPDATE
    audit_record(actor=actor, action=action, target=entry, house=entry.house, changes=changes)
    return entry


# --- Topics (platform admins, in the admin) ------------------------------------------------------

TOPIC_FIELDS = ("house", "slug", "name", "position", "is_active")


@transaction.atomic
def topic_save(*, topic: Topic, actor) -> Topic:
    """Create a topic, or store the fields changed on it; audit what changed."""
    if topic.pk is None:
        topic.save()
        action, changes = AuditEvent.Action.CREATE, _created(topic, TOPIC_FIELDS)
    else:
        topic, changes = _save_fields(topic, TOPIC_FIELDS)
        if not changes:
            return topic
        action = AuditEvent.Action.UPDATE
    audit_record(actor=actor, action=action, target=topic, house=topic.house, changes=changes)
    return topic


@transaction.atomic
def topic_delete(*, topic: Topic, actor) -> None:
    audit_record(
        actor=actor,
        action=AuditEvent.Action.DELETE,
        target=topic,
        house=topic.house,
        changes=_deleted(topic, TOPIC_FIELDS),
    )
    topic.delete()
