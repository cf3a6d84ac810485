"""Every write of the groups' meetings: plan and edit a meeting, agenda points (until the
deadline), invitations with an ``.ics``, attendance, minutes, decisions whose follow-up becomes
an action of the annual plan, documents (type-checked by content, size-capped, stored outside
the web root), the reminders of overdue follow-ups and the yearly partner consultation.

Each refuses bad input with a Dutch message (nothing changes) and writes the audit trail."""

import secrets
import zipfile
from datetime import date, timedelta
from io import BytesIO
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from huisvanhetkind.activities.ical import _host, _line, _text, _utc
from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.core.mail import send_templated_mail_on_commit
from huisvanhetkind.core.services import audit_value, model_update
from huisvanhetkind.network.models import Group, GroupMembership, House, Partnership
from huisvanhetkind.steering import services
from huisvanhetkind.steering.access import can_edit_meetings, can_read_group
from huisvanhetkind.steering.models import (
    AgendaItem,
    AnnualPlan,
    Attendance,
    Decision,
    Goal,
    Meeting,
    MeetingDocument,
    PartnerFeedback,
)
from huisvanhetkind.steering.workflow import ActionStatus

A = AuditEvent.Action
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
MEETING_FIELDS = ("title", "starts_at", "ends_at", "place", "video_url", "agenda_deadline")
# Office files are zip archives; the part that names what they are.
OFFICE_KINDS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
ODF_KINDS = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}


def documents_dir() -> Path:
    """Outside the web root (``PRIVATE_FILES_ROOT``: not under MEDIA_ROOT or STATIC_ROOT, backed
    up with the media), served only by a view."""
    return Path(settings.PRIVATE_FILES_ROOT) / "steering"


def _person(actor):
    return actor if actor is not None and actor.is_authenticated else None


def _house(meeting: Meeting) -> House:
    return meeting.group.house


def _ensure_editor(actor, group: Group) -> None:
    if not can_edit_meetings(actor, group):
        raise ValidationError(
            _("Alleen de trekker van de groep en de coördinator plannen vergaderingen.")
        )


def _ensure_member(actor, group: Group) -> None:
    if not can_read_group(actor, group):
        raise ValidationError(_("Alleen de leden van de groep kunnen dit doen."))


# --- Meetings ---------------------------------------------------------------------------------


def _validate_meeting(data: dict) -> None:
    errors = {}
    starts, ends, deadline = data.get("starts_at"), data.get("ends_at"), data.get("agenda_deadline")
    if starts and ends and ends <= starts:
        errors["ends_at"] = _("Het einde moet na het begin liggen.")
    if starts and deadline and deadline > starts:
        errors["agenda_deadline"] = _(
            "De termijn voor agendapunten moet vóór het begin van de vergadering liggen."
        )
    if not (data.get("place") or "").strip() and not (data.get("video_url") or "").strip():
        errors["place"] = _("Geef een plaats of een videolink.")
    if errors:
        raise ValidationError(errors)


def meeting_save(*, actor, group: Group, data: dict, meeting: Meeting | None = None) -> Meeting:
    _ensure_editor(actor, group)
    fields = {name: data.get(name) or "" for name in MEETING_FIELDS}
    for name in ("starts_at", "ends_at", "agenda_deadline"):
        fields[name] = data.get(name)
    if fields["agenda_deadline"] is None and fields["starts_at"]:
        fields["agenda_deadline"] = fields["starts_at"] - timedelta(days=2)
    _validate_meeting(fields)
    with transaction.atomic():
        if meeting is None:
            meeting = Meeting.objects.create(group=group, **fields)
            audit_record(
                actor=_person(actor),
                action=A.CREATE,
                target=meeting,
                house=group.house,
                changes={k: [None, audit_value(v)] for k, v in fields.items()},
            )
        else:
            meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
            changes = model_update(instance=meeting, data=fields)
            if changes:
                audit_record(
                    actor=_person(actor),
                    action=A.UPDATE,
                    target=meeting,
                    house=group.house,
                    changes=changes,
                )
    return meeting


def minutes_save(*, actor, meeting: Meeting, minutes: str) -> dict:
    _ensure_editor(actor, meeting.group)
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        changes = model_update(instance=meeting, data={"minutes": (minutes or "").strip()})
        if changes:
            audit_record(
                actor=_person(actor),
                action=A.UPDATE,
                target=meeting,
                house=_house(meeting),
                changes={"minutes": ["…", "…"]},
            )
    return changes


# --- Agenda -----------------------------------------------------------------------------------


def agenda_item_add(*, actor, meeting: Meeting, title: str, description: str = "") -> AgendaItem:
    """A member adds a point until the deadline; the lead and the coordinator also after it."""
    _ensure_member(actor, meeting.group)
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": _("Geef het agendapunt een titel.")})
    if timezone.now() > meeting.agenda_deadline and not can_edit_meetings(actor, meeting.group):
        raise ValidationError(
            _(
                "De termijn om agendapunten toe te voegen is verstreken op %(deadline)s; "
                "vraag de trekker van de groep om het punt nog op te nemen."
            )
            % {"deadline": timezone.localtime(meeting.agenda_deadline).strftime("%d/%m/%Y %H:%M")}
        )
    with transaction.atomic():
        item = AgendaItem.objects.create(
            meeting=meeting,
            title=title,
            description=(description or "").strip(),
            author=_person(actor),
        )
        audit_record(
            actor=_person(actor),
            action=A.CREATE,
            target=item,
            house=_house(meeting),
            changes={"title": [None, title]},
        )
    return item


# --- Invitations ------------------------------------------------------------------------------


def meeting_ics(meeting: Meeting) -> bytes:
    """The meeting as an iCalendar invitation (RFC 5545), times in UTC."""
    location = meeting.place or meeting.video_url
    description = "\n".join(f"- {item.title}" for item in meeting.agenda.all())
    if meeting.video_url:
        description = f"{meeting.video_url}\n{description}".strip()
    lines = [
        b"BEGIN:VCALENDAR\r\n",
        b"VERSION:2.0\r\n",
        b"PRODID:-//Huis van het Kind//vergaderingen//NL\r\n",
        b"CALSCALE:GREGORIAN\r\n",
        b"METHOD:PUBLISH\r\n",
        b"BEGIN:VEVENT\r\n",
        _line("UID", f"meeting-{meeting.pk}@{_host()}"),
        _line("DTSTAMP", _utc(timezone.now())),
        _line("DTSTART", _utc(meeting.starts_at)),
        _line("DTEND", _utc(meeting.ends_at)),
        _line("SUMMARY", _text(f"{meeting.title} ({meeting.group.name})")),
    ]
    if location:
        lines.append(_line("LOCATION", _text(location)))
    if description:
        lines.append(_line("DESCRIPTION", _text(description)))
    lines += [b"STATUS:CONFIRMED\r\n", b"END:VEVENT\r\n", b"END:VCALENDAR\r\n"]
    return b"".join(lines)


def _send_with_attachment_on_commit(*, to, template, context, filename, content, mimetype):
    """Like ``core.mail.send_templated_mail_on_commit``, with one attachment (core's helper
    has none)."""
    context = {**context, "site_url": settings.SITE_URL}

    def _send():
        with translation.override("nl"):
            subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
            body = render_to_string(f"{template}.txt", context)
        message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, bcc=to)
        message.attach(filename, content, mimetype)
        message.send()

    transaction.on_commit(_send)


def invitations_send(*, actor, meeting: Meeting) -> int:
    """E-mail every member of the group an invitation with the meeting as ``.ics``."""
    _ensure_editor(actor, meeting.group)
    emails = sorted(
        set(
            GroupMembership.objects.filter(group=meeting.group, user__is_active=True)
            .exclude(user__email="")
            .values_list("user__email", flat=True)
        )
    )
    if not emails:
        raise ValidationError(_("De groep heeft nog geen leden om uit te nodigen."))
    with transaction.atomic():
        Meeting.objects.filter(pk=meeting.pk).update(invited_at=timezone.now())
        audit_record(
            actor=_person(actor),
            action=A.INVITE,
            target=meeting,
            house=_house(meeting),
            changes={"invited": [None, len(emails)]},
        )
        _send_with_attachment_on_commit(
            to=emails,
            template="steering/meetings/email/invitation",
            context={"meeting": meeting, "group": meeting.group, "house": _house(meeting)},
            filename="vergadering.ics",
            content=meeting_ics(meeting),
            mimetype="text/calendar",
        )
    return len(emails)


# --- Attendance, decisions and follow-up actions ----------------------------------------------


def attendance_record(*, actor, meeting: Meeting, statuses: dict) -> int:
    """``statuses``: ``{user_id: status}`` for members of the group; others are refused."""
    _ensure_editor(actor, meeting.group)
    members = set(
        GroupMembership.objects.filter(group=meeting.group).values_list("user_id", flat=True)
    )
    valid = set(Attendance.Status.values)
    for user_id, status in statuses.items():
        if user_id not in members:
            raise ValidationError(_("Alleen leden van de groep staan op de aanwezigheidslijst."))
        if status and status not in valid:
            raise ValidationError(_("Kies aanwezig, verontschuldigd of afwezig."))
    with transaction.atomic():
        for user_id, status in statuses.items():
            if status:
                Attendance.objects.update_or_create(
                    meeting=meeting, user_id=user_id, defaults={"status": status}
                )
            else:
                Attendance.objects.filter(meeting=meeting, user_id=user_id).delete()
        audit_record(
            actor=_person(actor),
            action=A.UPDATE,
            target=meeting,
            house=_house(meeting),
            changes={"attendance": [None, len([s for s in statuses.values() if s])]},
        )
    return len(statuses)


def decision_add(
    *,
    actor,
    meeting: Meeting,
    text: str,
    goal: Goal | None = None,
    owner=None,
    due_on: date | None = None,
) -> Decision:
    """A decision; with a goal, an owner and a due date its follow-up becomes an action of the
    annual plan of the due date's year (planned, from the meeting's day to the due date)."""
    _ensure_editor(actor, meeting.group)
    text = (text or "").strip()
    house = _house(meeting)
    errors = {}
    if not text:
        errors["text"] = _("Beschrijf de beslissing.")
    follow_up = goal is not None or owner is not None or due_on is not None
    plan = None
    start = timezone.localtime(meeting.starts_at).date()
    if follow_up:
        if goal is None:
            errors["goal"] = _("Kies de doelstelling waaronder de opvolgactie valt.")
        elif goal.period.house_id != house.pk:
            errors["goal"] = _("Kies een doelstelling van dit huis.")
        if owner is None:
            errors["owner"] = _("Kies wie de opvolgactie draagt.")
        elif not GroupMembership.objects.filter(group=meeting.group, user=owner).exists():
            errors["owner"] = _("De eigenaar moet lid zijn van de groep.")
        if due_on is None:
            errors["due_on"] = _("Geef de datum waarop de actie af moet zijn.")
        elif due_on < start:
            errors["due_on"] = _("De einddatum mag niet vóór de vergadering liggen.")
        else:
            plan = AnnualPlan.objects.filter(house=house, year=due_on.year).first()
            if plan is None:
                errors["due_on"] = _("Er is nog geen jaarplan %(year)s: maak het eerst aan.") % {
                    "year": due_on.year
                }
            elif goal is not None and not plan.period.covers(due_on.year):
                errors["due_on"] = _("De einddatum valt buiten de beleidsperiode.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        action = None
        if follow_up:
            membership = GroupMembership.objects.filter(group=meeting.group, user=owner).first()
            action = services.action_create(
                actor=None,
                plan=plan,
                data={
                    "goal": goal,
                    "title": text[:300],
                    "description": _("Opvolgactie van de vergadering %(meeting)s (%(day)s).")
                    % {"meeting": meeting.title, "day": start.strftime("%d/%m/%Y")},
                    "lead_organisation": membership.organisation if membership else None,
                    "participants": [],
                    "working_group": meeting.group
                    if meeting.group.kind == Group.Kind.WORKING
                    else None,
                    "starts_on": min(start, due_on),
                    "ends_on": due_on,
                    "budget": None,
                    "weight": 1,
                    "progress": 0,
                    "indicator": "",
                    "baseline": None,
                    "target": None,
                    "target_on": None,
                    "gap_ids": [],
                },
            )
        decision = Decision.objects.create(
            meeting=meeting, text=text, action=action, owner=owner, due_on=due_on
        )
        audit_record(
            actor=_person(actor),
            action=A.CREATE,
            target=decision,
            house=house,
            changes={
                "text": [None, text[:200]],
                "action": [None, action.pk if action else None],
                "due_on": [None, audit_value(due_on)],
            },
        )
    return decision


def overdue_follow_ups(today: date | None = None):
    today = today or timezone.localdate()
    return Decision.objects.filter(
        action__isnull=False,
        owner__isnull=False,
        due_on__lt=today,
        action__status__in=[ActionStatus.PLANNED, ActionStatus.RUNNING],
    ).select_related("owner", "meeting__group__house", "action")


def follow_up_reminders(today: date | None = None) -> dict:
    """Remind each owner of an overdue follow-up action, at most once a week per action:
    running the job twice a day sends nothing the second time."""
    today = today or timezone.localdate()
    sent = 0
    for decision in overdue_follow_ups(today):
        if decision.reminded_on and decision.reminded_on > today - timedelta(days=7):
            continue
        with transaction.atomic():
            updated = Decision.objects.filter(
                pk=decision.pk, reminded_on=decision.reminded_on
            ).update(reminded_on=today)
            if not updated:
                continue
            if decision.owner.email:
                send_templated_mail_on_commit(
                    to=[decision.owner.email],
                    template="steering/meetings/email/reminder",
                    context={"decision": decision, "house": decision.meeting.group.house},
                )
                sent += 1
    return {"reminded": sent}


# --- Documents --------------------------------------------------------------------------------


def document_kind(head: bytes, data: bytes) -> str | None:
    """What the file is by its content: ``pdf``, ``docx``, ``xlsx``, ``pptx``, ``odt``, ``ods``,
    or None. Never by its name."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if not head.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                return ODF_KINDS.get(archive.read("mimetype").strip())
            if "[Content_Types].xml" in names:
                for kind, part in OFFICE_KINDS.items():
                    if part in names:
                        return kind
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError):
        return None
    return None


def document_add(*, actor, meeting: Meeting, upload) -> MeetingDocument:
    _ensure_member(actor, meeting.group)
    if upload is None:
        raise ValidationError({"file": _("Kies een bestand.")})
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            {"file": _("Het bestand is groter dan 10 MB. Verklein het of deel het op.")}
        )
    data = upload.read(MAX_DOCUMENT_BYTES + 1)
    if len(data) > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            {"file": _("Het bestand is groter dan 10 MB. Verklein het of deel het op.")}
        )
    kind = document_kind(data[:8], data)
    if kind is None:
        raise ValidationError(
            {
                "file": _(
                    "Dit bestand is geen PDF of kantoorbestand (docx, xlsx, pptx, odt, ods), "
                    "wat de naam ook zegt."
                )
            }
        )
    stem = Path(upload.name or "document").stem[:150].strip() or "document"
    name = f"{stem}.{kind}"
    relative = f"{meeting.pk}/{secrets.token_hex(16)}.{kind}"
    target = documents_dir() / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    try:
        with transaction.atomic():
            document = MeetingDocument.objects.create(
                meeting=meeting,
                name=name,
                kind=kind,
                size=len(data),
                path=relative,
                uploaded_by=_person(actor),
            )
            audit_record(
                actor=_person(actor),
                action=A.CREATE,
                target=document,
                house=_house(meeting),
                changes={"name": [None, name]},
            )
    except Exception:
        target.unlink(missing_ok=True)
        raise
    return document


def document_read(*, actor, document: MeetingDocument) -> bytes:
    _ensure_member(actor, document.meeting.group)
    audit_record(
        actor=_person(actor), action=A.READ, target=document, house=_house(document.meeting)
    )
    return (documents_dir() / document.path).read_bytes()


def document_delete(*, actor, document: MeetingDocument) -> None:
    _ensure_editor(actor, document.meeting.group)
    path = documents_dir() / document.path
    with transaction.atomic():
        audit_record(
            actor=_person(actor),
            action=A.DELETE,
            target=document,
            house=_house(document.meeting),
            changes={"name": [document.name, None]},
        )
        document.delete()
    transaction.on_commit(lambda: path.unlink(missing_ok=True))


# --- The yearly partner consultation ----------------------------------------------------------

FEEDBACK_FIELDS = ("going_well", "to_improve", "contribution")


def feedback_save(*, actor, house: House, year: int, organisation, data: dict) -> PartnerFeedback:
    """One answer per partner and year; a second save by the same partner updates it."""
    if (
        not Partnership.objects.filter(
            house=house, organisation=organisation, status=Partnership.Status.ACTIVE
        ).exists()
        or not actor.roles.filter(organisation=organisation).exists()
    ):
        raise ValidationError(_("Alleen een partner van het huis kan het partneroverleg invullen."))
    if not AnnualPlan.objects.filter(house=house, year=year).exists():
        raise ValidationError(_("Er is geen jaarplan %(year)s.") % {"year": year})
    fields = {name: (data.get(name) or "").strip() for name in FEEDBACK_FIELDS}
    if not any(fields.values()):
        raise ValidationError(_("Vul minstens één vraag in."))
    with transaction.atomic():
        feedback, created = PartnerFeedback.objects.select_for_update().get_or_create(
            house=house, year=year, organisation=organisation, defaults={**fields, "author": actor}
        )
        if not created:
            model_update(instance=feedback, data={**fields, "author": actor})
        audit_record(
            actor=actor,
            action=A.CREATE if created else A.UPDATE,
            target=feedback,
            house=house,
            organisation=organisation,
            changes={"year": [None, year]},
        )
    return feedback
