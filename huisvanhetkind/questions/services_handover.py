"""The writes of a handover: when a professional leaves an organisation, the questions assigned
to them and the routing rules that assign questions to them go to a colleague (see
``core.handover`` and ``questions.handover``). Each change is in the question's history and in
the house's trail as ``{field: [before, after]}``."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.core.services import model_update
from huisvanhetkind.questions import selectors
from huisvanhetkind.questions.models import Question, QuestionEvent, RoutingRule
from huisvanhetkind.questions.services import _assignee_change, _log


def handed_over_questions(*, user, organisation):
    """The questions someone handles for an organisation, closed ones included (a parent's
    follow-up reopens them): every one needs a handler who still works there. Erased questions
    hold nothing anymore."""
    return Question.objects.filter(assignee=user, organisation=organisation, erased_at__isnull=True)


def handed_over_rules(*, user, organisation):
    """The routing rules that give an organisation's new questions to this person."""
    return RoutingRule.objects.filter(assignee=user, organisation=organisation)


@transaction.atomic
def questions_hand_over(*, actor, from_user, to_user, organisation) -> int:
    """Give the questions ``from_user`` handles for ``organisation``, and the routing rules that
    assign to them, to ``to_user``, a colleague; their status stays. Returns how many moved."""
    if not selectors.is_member(to_user, organisation):
        raise ValidationError(_("Deze persoon werkt niet voor de partner van deze vraag."))
    note = _("Overgedragen aan %(to)s: %(from)s werkt niet meer voor %(name)s.") % {
        "to": to_user.email,
        "from": from_user.email,
        "name": organisation.name,
    }
    moved = 0
    questions = (
        handed_over_questions(user=from_user, organisation=organisation)
        .select_for_update(of=("self",))
        .select_related("house")
    )
    for question in questions:
        changes = _assignee_change(question, to_user)
        question.save(update_fields=["assignee"])
        _log(question, kind=QuestionEvent.Kind.ASSIGNED, actor=actor, body=note)
        audit_record(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            target=question,
            house=question.house,
            organisation=organisation,
            reason=note,
            changes=changes,
        )
        moved += 1
    rules = (
        handed_over_rules(user=from_user, organisation=organisation)
        .select_for_update()
        .select_related("house")
    )
    for rule in rules:
        changes = model_update(instance=rule, data={"assignee": to_user})
        audit_record(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            target=rule,
            house=rule.house,
            organisation=organisation,
            reason=note,
            changes=changes,
        )
        moved += 1
    return moved
