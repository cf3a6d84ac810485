"""Every write about questions: asking, routing, handling, answering, the FAQ and retention.

A question's status changes only in ``_status_change``; every change is in the audit trail as
``{field: [before, after]}``, and so is every time a professional reads a question.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.core.digests import EMAIL, PHONE, contact_digest
from huisvanhetkind.core.mail import send_templated_mail_on_commit
from huisvanhetkind.core.tokens import new_token, token_digest
from huisvanhetkind.core.workdays import add_working_days, previous_working_day
from huisvanhetkind.network.access import (
    acting_organisation,
    is_coordinator,
    member_organisation_ids,
)
from huisvanhetkind.network.models import AgeGroup, House
from huisvanhetkind.network.selectors import coordinator_emails
from huisvanhetkind.questions import routing, selectors
from huisvanhetkind.questions.models import (
    AnswerTemplate,
    Question,
    QuestionEvent,
    Topic,
)
from huisvanhetkind.questions.workflow import (
    FORWARDABLE_STATES,
    OPEN_STATES,
    QuestionStatus,
    can_transition,
    ensure_transition,
)

DEADLINE_WORKING_DAYS = 3
S = QuestionStatus


def _audit(question: Question, *, actor, action: str, changes: dict | None = None) -> None:
    """A professional's read or change of a question, in the house's trail, on behalf of the
    organisation they work for (none for a coordinator)."""
    audit_record(
        actor=actor,
        action=action,
        target=question,
        house=question.house,
        organisation=acting_organisation(actor, [question.organisation]),
        changes=changes,
    )


def retention_days() -> int:
    return getattr(settings, "QUESTION_RETENTION_DAYS", 365)


def private_url(question: Question, token: str) -> str:
    return reverse("questions:private", kwargs={"house_slug": question.house.slug, "token": token})


def _parent_language(question: Question) -> str:
    return question.language if question.language in dict(settings.LANGUAGES) else "nl"


def age_group_for(about: str, child_age: int | None) -> AgeGroup | None:
    if about == Question.About.EXPECTING:
        return AgeGroup.objects.filter(slug="aanstaand").first()
    if child_age is None:
        return None
    return (
        AgeGroup.objects.filter(min_age__lte=child_age, max_age__gt=child_age)
        .order_by("position")
        .first()
    )


def _deadline(day):
    return add_working_days(day, DEADLINE_WORKING_DAYS)


def _log(question, *, kind, actor=None, body="", from_status="", to_status="", organisation=None):
    return QuestionEvent.objects.create(
        question=question,
        kind=kind,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        body=body,
        from_status=from_status,
        to_status=to_status,
        organisation=organisation,
    )


def _status_change(
    question,
    *,
    actor,
    target,
    kind=QuestionEvent.Kind.STATUS,
    body="",
    organisation=None,
    fields: dict | None = None,
    changes: dict | None = None,
):
    """The one place where a question's status changes; the caller holds the row (``_lock``).

    Checks the move against the workflow, saves the status with the other ``fields`` of the same
    step, appends it to the history and writes the audit event ``{"status": [old, new]}``, with
    ``changes`` (other audited changes of the step, ``{field: [before, after]}``).
    """
    source = question.status
    ensure_transition(source, target)
    question.status = target
    for name, value in (fields or {}).items():
        setattr(question, name, value)
    question.save()
    _log(
        question,
        kind=kind,
        actor=actor,
        body=body,
        from_status=source,
        to_status=target,
        organisation=organisation,
    )
    _audit(
        question,
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        changes={"status": [source, target], **(changes or {})},
    )


def _assignee_change(question, assignee) -> dict:
    """Set the handler; return the change in the audit shape (nothing when it stays)."""
    before = question.assignee_id
    after = assignee.pk if assignee is not None else None
    question.assignee = assignee
    return {} if before == after else {"assignee": [before, after]}


def _lock(question) -> Question:
    return (
        Question.objects.select_for_update(of=("self",))
        .select_related("house", "organisation", "assignee", "topic")
        .get(pk=question.pk)
    )


def _tell_handlers(question, template):
    recipients = selectors.question_recipients(question)
    if recipients:
        send_templated_mail_on_commit(
            to=recipients, template=template, context={"question": question}
        )


def _ensure_member(user, question):
    if user is not None and not selectors.is_member(user, question.organisation):
        raise ValidationError(_("Deze persoon werkt niet voor de partner van deze vraag."))


# --- Asking (the parent, no account) ---------------------------------------------------------


@transaction.atomic
def question_submit(
    *,
    house: House,
    text: str,
    about: str,
    child_age: int | None,
    topic: Topic,
    municipality=None,
    language: str = "nl",
    channel: str,
    name: str = "",
    email: str = "",
    phone: str = "",
) -> tuple[Question, str]:
    """Store a parent's question, route it, tell the partner; return it with its private link key."""
    if not Topic.objects.for_house(house).filter(pk=topic.pk).exists():
        raise ValidationError(_("Kies een onderwerp uit de lijst."))
    if municipality is not None and not house.municipalities.filter(pk=municipality.pk).exists():
        raise ValidationError(_("Kies een gemeente van dit Huis van het Kind."))
    if channel == Question.Channel.EMAIL and not email:
        raise ValidationError(_("Vul je e-mailadres in om het antwoord per e-mail te krijgen."))
    if channel == Question.Channel.PHONE and not phone:
        raise ValidationError(_("Vul je telefoonnummer in om gebeld te worden."))
    token = new_token()
    now = timezone.now()
    question = Question(
        house=house,
        token_hash=token_digest(token),
        token=token,
        text=text,
        about=about,
        child_age=child_age if about == Question.About.CHILD else None,
        age_group=age_group_for(about, child_age),
        topic=topic,
        municipality=municipality,
        language=language,
        channel=channel,
        name=name,
        email=email if channel == Question.Channel.EMAIL else "",
        phone=phone if channel == Question.Channel.PHONE else "",
        email_digest=contact_digest(email, EMAIL) if channel == Question.Channel.EMAIL else "",
        phone_digest=contact_digest(phone, PHONE) if channel == Question.Channel.PHONE else "",
        consent_at=now,
        created_at=now,
        due_on=_deadline(timezone.localdate(now)),
    )
    rule, reason = routing.route(selectors.routing_rules(house), question)
    question.routing_reason = reason
    if rule is not None:
        question.routing_rule = rule
        question.organisation = rule.organisation
        if rule.assignee_id and selectors.is_member(rule.assignee, rule.organisation):
            question.assignee = rule.assignee
            question.status = S.ASSIGNED
    question.save()
    _log(question, kind=QuestionEvent.Kind.RECEIVED, body="", to_status=question.status)
    audit_record(
        actor=None,
        action=AuditEvent.Action.CREATE,
        target=question,
        house=house,
        reason=reason,
        changes={
            "status": [None, question.status],
            "organisation": [None, question.organisation_id],
            "assignee": [None, question.assignee_id],
        },
    )
    _tell_handlers(question, "questions/email/new_question")
    if question.email:
        send_templated_mail_on_commit(
            to=[question.email],
            template="questions/email/received",
            context={"question": question, "url": private_url(question, token)},
            language=_parent_language(question),
        )
    return question, token


@transaction.atomic
def question_follow_up(*, question: Question, body: str) -> Question:
    """The parent asks more on the private page; an answered or closed question reopens."""
    question = _lock(question)
    if question.erased_at:
        raise ValidationError(_("Deze vraag is niet meer beschikbaar."))
    if question.status in (S.ANSWERED, S.CLOSED):
        _status_change(
            question,
            actor=None,
            target=S.IN_PROGRESS,
            kind=QuestionEvent.Kind.FOLLOW_UP,
            body=body,
            fields={
                "due_on": _deadline(timezone.localdate()),
                "reminder_sent_at": None,
                "escalated_at": None,
                "closed_at": None,
            },
        )
    else:
        _log(question, kind=QuestionEvent.Kind.FOLLOW_UP, body=body)
    _tell_handlers(question, "questions/email/follow_up")
    return question


# --- Handling (the partner) ---------------------------------------------------------------------


@dataclass
class QuestionPage:
    """What a professional sees of a question: its data, history and what they may do next."""

    question: Question
    history: object
    templates: object
    chosen_template: AnswerTemplate | None
    is_coordinator: bool
    can_start: bool
    can_answer: bool
    can_close: bool
    can_forward: bool
    can_assign: bool
    can_make_faq: bool


def question_read(*, question: Question, actor, template_id: int | None = None) -> QuestionPage:
    """Hand a question with the family's data to a professional (who may see it: ``access``).

    Every call is a read in the audit trail: call it once for every page that shows the data,
    also when a refused form shows the page again. ``template_id`` picks an answer template of
    the professional's organisations to start the answer with.
    """
    _audit(question, actor=actor, action=AuditEvent.Action.READ)
    templates = selectors.answer_templates(member_organisation_ids(actor))
    is_open = question.status in OPEN_STATES
    return QuestionPage(
        question=question,
        history=selectors.question_history(question),
        templates=templates,
        chosen_template=(
            templates.filter(pk=template_id).first() if template_id is not None else None
        ),
        is_coordinator=is_coordinator(actor, question.house),
        can_start=can_transition(question.status, S.IN_PROGRESS) and question.status != S.ANSWERED,
        can_answer=can_transition(question.status, S.ANSWERED),
        can_close=can_transition(question.status, S.CLOSED),
        can_forward=is_open,
        can_assign=is_open and question.organisation_id is not None,
        can_make_faq=question.first_answered_at is not None,
    )


@transaction.atomic
def question_assign(*, question: Question, actor, assignee) -> Question:
    question = _lock(question)
    _ensure_member(assignee, question)
    if question.organisation_id is None:
        raise ValidationError(_("Stuur de vraag eerst naar een partner."))
    changes = _assignee_change(question, assignee)
    if question.status != S.ASSIGNED:
        _status_change(
            question,
            actor=actor,
            target=S.ASSIGNED,
            kind=QuestionEvent.Kind.ASSIGNED,
            changes=changes,
        )
    else:
        question.save(update_fields=["assignee"])
        _log(question, kind=QuestionEvent.Kind.ASSIGNED, actor=actor)
        if changes:
            _audit(question, actor=actor, action=AuditEvent.Action.UPDATE, changes=changes)
    if assignee != actor and assignee.email:
        send_templated_mail_on_commit(
            to=[assignee.email],
            template="questions/email/assigned",
            context={"question": question},
        )
    return question


@transaction.atomic
def question_start(*, question: Question, actor) -> Question:
    question = _lock(question)
    changes = _assignee_change(question, _handler(question, actor))
    _status_change(question, actor=actor, target=S.IN_PROGRESS, changes=changes)
    return question


def _handler(question, actor):
    """Who handles the question after ``actor`` worked on it: its handler, else ``actor`` when
    they work for its partner."""
    if (
        question.assignee_id is None
        and question.organisation_id
        and selectors.is_member(actor, question.organisation)
    ):
        return actor
    return question.assignee


@transaction.atomic
def question_answer(*, question: Question, actor, body: str) -> Question:
    """Answer the parent: shown on the private page, and e-mailed when they chose e-mail."""
    question = _lock(question)
    if not body.strip():
        raise ValidationError(_("Schrijf een antwoord."))
    now = timezone.now()
    changes = _assignee_change(question, _handler(question, actor))
    _status_change(
        question,
        actor=actor,
        target=S.ANSWERED,
        kind=QuestionEvent.Kind.ANSWER,
        body=body,
        fields={"answered_at": now, "first_answered_at": question.first_answered_at or now},
        changes=changes,
    )
    if question.email and question.channel == Question.Channel.EMAIL:
        send_templated_mail_on_commit(
            to=[question.email],
            template="questions/email/answer",
            context={
                "question": question,
                "answer": body,
                "url": private_url(question, question.token) if question.token else "",
            },
            language=_parent_language(question),
        )
    return question


@transaction.atomic
def question_close(*, question: Question, actor) -> Question:
    question = _lock(question)
    _status_change(question, actor=actor, target=S.CLOSED, fields={"closed_at": timezone.now()})
    return question


@transaction.atomic
def question_forward(*, question: Question, actor, organisation, note: str) -> Question:
    """Hand the question over to another partner of the house, with a note for them."""
    question = _lock(question)
    if question.status not in FORWARDABLE_STATES:
        raise ValidationError(_("Alleen een open vraag kan doorgestuurd worden."))
    if organisation.pk == question.organisation_id:
        raise ValidationError(_("De vraag ligt al bij deze partner."))
    if (
        not selectors.house_partner_organisations(question.house)
        .filter(pk=organisation.pk)
        .exists()
    ):
        raise ValidationError(_("Kies een partner van dit Huis van het Kind."))
    if not note.strip():
        raise ValidationError(_("Schrijf een overdrachtsnotitie voor de nieuwe partner."))
    previous = question.organisation
    changes = {"organisation": [question.organisation_id, organisation.pk]}
    changes |= _assignee_change(question, None)
    question.organisation = organisation
    # Who forwarded it is in the question's history (the event's actor, whom the erasure of an
    # account reaches); the reason names the partner only, never a professional.
    question.routing_reason = _("Doorgestuurd door %(from)s.") % {
        "from": previous or _("de coördinator"),
    }
    if question.status == S.NEW:
        question.save()
        _log(
            question,
            kind=QuestionEvent.Kind.FORWARDED,
            actor=actor,
            body=note,
            organisation=organisation,
        )
        _audit(question, actor=actor, action=AuditEvent.Action.UPDATE, changes=changes)
    else:
        _status_change(
            question,
            actor=actor,
            target=S.NEW,
            kind=QuestionEvent.Kind.FORWARDED,
            body=note,
            organisation=organisation,
            changes=changes,
        )
    _tell_handlers(question, "questions/email/new_question")
    return question


@transaction.atomic
def question_note_add(*, question: Question, actor, body: str) -> QuestionEvent:
    """An internal note: only professionals who may see the question read it."""
    if not body.strip():
        raise ValidationError(_("Schrijf een notitie."))
    event = _log(question, kind=QuestionEvent.Kind.NOTE, actor=actor, body=body)
    _audit(
        question, actor=actor, action=AuditEvent.Action.UPDATE, changes={"note": [None, event.pk]}
    )
    return event


# --- Deadlines and retention (scheduled) --------------------------------------------------------


def questions_send_reminders(*, today=None) -> dict:
    """Remind the handler the working day before the deadline; tell the coordinator when late."""
    today = today or timezone.localdate()
    now = timezone.now()
    sent = {"reminders": 0, "escalations": 0}
    for question in selectors.reminders_due(today):
        # Each e-mail is claimed by a conditional update first: a run beside this one (a task
        # requeued while its first worker still ran) finds it claimed and sends nothing.
        mine = Question.objects.filter(pk=question.pk)
        with transaction.atomic():
            if question.escalated_at is None and question.due_on < today:
                if not mine.filter(escalated_at__isnull=True).update(
                    escalated_at=now, reminder_sent_at=question.reminder_sent_at or now
                ):
                    continue
                recipients = coordinator_emails(question.house)
                if recipients:
                    send_templated_mail_on_commit(
                        to=recipients,
                        template="questions/email/escalation",
                        context={"question": question},
                    )
                sent["escalations"] += 1
            elif question.reminder_sent_at is None and today >= previous_working_day(
                question.due_on
            ):
                if not mine.filter(reminder_sent_at__isnull=True).update(reminder_sent_at=now):
                    continue
                _tell_handlers(question, "questions/email/reminder")
                sent["reminders"] += 1
    return sent


def questions_erase_expired(*, now=None) -> int:
    """Erase the personal data of questions past the retention period; topic, age group,
    municipality and dates stay for the counts.

    The period counts from closing, from the last answer when nobody closed the question, and
    for a question that stays open from its last activity (received, note, follow-up...): a
    question nobody handles is not kept for ever. Such a question is closed as it is erased.
    """
    now = now or timezone.now()
    days = retention_days()
    cutoff = now - timedelta(days=days)
    expired = (
        Question.objects.filter(erased_at__isnull=True)
        .annotate(
            last_activity=Greatest("created_at", Coalesce(Max("events__created_at"), "created_at"))
        )
        .filter(
            Q(status=S.CLOSED, closed_at__lt=cutoff)
            | Q(status=S.ANSWERED, answered_at__lt=cutoff)
            | Q(status__in=OPEN_STATES, last_activity__lt=cutoff)
        )
    )
    erased = 0
    for pk in list(expired.values_list("pk", flat=True)):
        question_erase(question=Question(pk=pk), now=now, days=days)
        erased += 1
    return erased


ERASED_FIELDS = ("text", "name", "email", "phone", "token", "token_hash", "child_age")
# What the audit trail says was there before an erasure: never the value itself.
PRESENT = "<present>"


@transaction.atomic
def question_erase(*, question: Question, now, days: int) -> Question:
    """Erase one question's personal data past ``days`` of retention; an open question is
    closed first, through the workflow. The audit trail names the erased fields, not their
    values."""
    question = _lock(question)
    if question.erased_at is not None:
        return question  # erased a moment ago (a second run of the task): nothing to do
    if question.status in OPEN_STATES:
        # Closed without a word: the history keeps the step, not the text.
        _status_change(question, actor=None, target=S.CLOSED, fields={"closed_at": now})
    changes = {
        name: [PRESENT, None] for name in ERASED_FIELDS if getattr(question, name) not in (None, "")
    }
    events = QuestionEvent.objects.filter(question_id=question.pk).exclude(body="")
    if events.exists():
        changes["history"] = [PRESENT, None]
    Question.objects.filter(pk=question.pk).update(
        text="",
        name="",
        email="",
        phone="",
        email_digest="",
        phone_digest="",
        token="",
        token_hash=None,
        child_age=None,
        erased_at=now,
    )
    QuestionEvent.objects.filter(question_id=question.pk).update(body="")
    audit_record(
        actor=None,
        action=AuditEvent.Action.ERASE,
        target=question,
        house=question.house,
        reason=_("Bewaartermijn van %(days)s dagen verstreken.") % {"days": days},
        changes=changes,
    )
    question.refresh_from_db()
    return question
