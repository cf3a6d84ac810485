"""Meetings of the groups: who plans and edits (the group's lead, the coordinator), who reads
and adds agenda points and documents (the members), who gets a 404 (a partner of the house who
is no member, another house's coordinator and partner, anonymous), the Dutch messages of bad
input, the invitation with its .ics, documents checked by content, decisions whose follow-up
lands in the annual plan, the to-do list and the reminder job."""

import zipfile
from datetime import date, timedelta
from io import BytesIO

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from huisvanhetkind.core import todo
from huisvanhetkind.core.scheduler import jobs
from huisvanhetkind.steering import services, services_meetings
from huisvanhetkind.steering import todo as steering_todo
from huisvanhetkind.steering.models import (
    Action,
    AgendaItem,
    Attendance,
    Decision,
    Meeting,
    MeetingDocument,
)
from huisvanhetkind.steering.workflow import ActionStatus
from tests.conftest import logged_in
from tests.steering.conftest import PDF, meeting_data


def url(name, house, **kwargs):
    return reverse(f"steering:{name}", kwargs={"house_slug": house.slug, **kwargs})


def office_file(kind="docx") -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if kind == "odt":
            archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
            archive.writestr("content.xml", "<office:document-content/>")
        else:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr({"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}[kind], "<w/>")
    return buffer.getvalue()


# --- Planning a meeting -----------------------------------------------------------------------


def _form(data):
    fmt = "%Y-%m-%dT%H:%M"
    return {
        "title": data["title"],
        "starts_at": timezone.localtime(data["starts_at"]).strftime(fmt),
        "ends_at": timezone.localtime(data["ends_at"]).strftime(fmt),
        "place": data["place"],
        "video_url": data["video_url"],
        "agenda_deadline": timezone.localtime(data["agenda_deadline"]).strftime(fmt),
    }


def test_the_lead_plans_a_meeting(house, steering_group, lead):
    response = logged_in(lead).post(
        url("meeting_new", house, pk=steering_group.pk), _form(meeting_data())
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("meeting", house, pk=meeting.pk)
    assert meeting.group == steering_group


def test_end_before_start_is_refused(house, steering_group, lead):
    data = meeting_data()
    data["ends_at"] = data["starts_at"] - timedelta(hours=1)
    response = logged_in(lead).post(url("meeting_new", house, pk=steering_group.pk), _form(data))
    assert response.status_code == 400
    assert "Het einde moet na het begin liggen." in response.content.decode()
    assert not Meeting.objects.exists()


def test_deadline_after_start_and_no_place_are_refused(house, steering_group, lead):
    data = meeting_data(place="")
    data["agenda_deadline"] = data["starts_at"] + timedelta(hours=1)
    response = logged_in(lead).post(url("meeting_new", house, pk=steering_group.pk), _form(data))
    body = response.content.decode()
    assert response.status_code == 400
    assert "Geef een plaats of een videolink." in body
    assert "vóór het begin van de vergadering" in body
    assert not Meeting.objects.exists()


def test_a_member_who_is_not_the_lead_does_not_plan(house, steering_group, member):
    client = logged_in(member)
    assert client.get(url("meeting_new", house, pk=steering_group.pk)).status_code == 404
    response = client.post(url("meeting_new", house, pk=steering_group.pk), _form(meeting_data()))
    assert response.status_code == 404
    assert not Meeting.objects.exists()


def test_the_coordinator_edits_a_meeting(house, meeting, coordinator):
    data = _form(meeting_data(title="Stuurgroep april", video_url="https://meet.example.be/x"))
    response = logged_in(coordinator).post(url("meeting_edit", house, pk=meeting.pk), data)
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.title == "Stuurgroep april"
    assert meeting.video_url == "https://meet.example.be/x"


# --- Agenda -----------------------------------------------------------------------------------


def test_a_member_adds_an_agenda_point(house, meeting, member):
    response = logged_in(member).post(
        url("meeting", house, pk=meeting.pk),
        {"form": "agenda", "agenda-title": "Vormingsaanbod 2027", "agenda-description": ""},
    )
    assert response.status_code == 302
    item = AgendaItem.objects.get()
    assert item.author == member and item.title == "Vormingsaanbod 2027"


def test_an_agenda_point_after_the_deadline_is_refused(house, meeting, member, lead):
    Meeting.objects.filter(pk=meeting.pk).update(
        agenda_deadline=timezone.now() - timedelta(hours=1)
    )
    response = logged_in(member).post(
        url("meeting", house, pk=meeting.pk), {"form": "agenda", "agenda-title": "Te laat"}
    )
    assert response.status_code == 400
    assert "De termijn om agendapunten toe te voegen is verstreken" in response.content.decode()
    assert not AgendaItem.objects.exists()
    # The lead still puts it on the agenda.
    response = logged_in(lead).post(
        url("meeting", house, pk=meeting.pk), {"form": "agenda", "agenda-title": "Te laat"}
    )
    assert response.status_code == 302
    assert AgendaItem.objects.count() == 1


def test_an_empty_agenda_point_is_refused(house, meeting, member):
    response = logged_in(member).post(
        url("meeting", house, pk=meeting.pk), {"form": "agenda", "agenda-title": ""}
    )
    assert response.status_code == 400
    assert "Geef het agendapunt een titel." in response.content.decode()


# --- Invitations and the .ics -----------------------------------------------------------------


def test_invitations_carry_the_meeting_as_ics(house, meeting, lead, member, on_commit):
    services_meetings.agenda_item_add(actor=member, meeting=meeting, title="Jaarplan, stand")
    with on_commit():
        response = logged_in(lead).post(url("meeting_invite", house, pk=meeting.pk))
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert set(message.bcc) == {lead.email, member.email}
    assert not message.to
    assert "Stuurgroep maart" in message.subject
    name, content, mimetype = message.attachments[0]
    assert name.endswith(".ics") and mimetype == "text/calendar"
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Stuurgroep maart (Stuurgroep)"
    assert event.decoded("DTSTART") == meeting.starts_at
    assert event.decoded("DTEND") == meeting.ends_at
    assert str(event["LOCATION"]) == "Huis van het Kind, vergaderzaal"
    assert "Jaarplan, stand" in str(event["DESCRIPTION"])
    meeting.refresh_from_db()
    assert meeting.invited_at is not None


def test_a_member_downloads_the_ics_an_outsider_not(house, meeting, member, outsider):
    response = logged_in(member).get(url("meeting_ics", house, pk=meeting.pk))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VEVENT" in response.content
    assert logged_in(outsider).get(url("meeting_ics", house, pk=meeting.pk)).status_code == 404


def test_a_member_does_not_send_invitations(house, meeting, member):
    response = logged_in(member).post(url("meeting_invite", house, pk=meeting.pk))
    assert response.status_code == 404
    assert not mail.outbox


# --- Documents --------------------------------------------------------------------------------


def _upload(client, house, meeting, name, content):
    return client.post(
        url("meeting", house, pk=meeting.pk),
        {"form": "document", "document-file": SimpleUploadedFile(name, content)},
    )


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("agenda.pdf", PDF, "pdf"),
        ("nota.docx", office_file("docx"), "docx"),
        ("budget.xlsx", office_file("xlsx"), "xlsx"),
        ("nota.odt", office_file("odt"), "odt"),
        ("zonder-extensie", PDF, "pdf"),
    ],
)
def test_pdf_and_office_files_are_accepted_by_content(
    house, meeting, member, private_dir, name, content, kind
):
    response = _upload(logged_in(member), house, meeting, name, content)
    assert response.status_code == 302
    document = MeetingDocument.objects.get()
    assert document.kind == kind and document.name.endswith(f".{kind}")
    stored = private_dir / "private" / "steering" / document.path
    assert stored.read_bytes() == content


@pytest.mark.parametrize(
    "content",
    [
        b"<html><script>alert(1)</script></html>",
        b"MZ\x90\x00 not a pdf at all",
        office_file("docx")[:40],
        b"PK\x03\x04" + b"\x00" * 100,
    ],
)
def test_a_file_disguised_as_pdf_is_refused(house, meeting, member, private_dir, content):
    response = _upload(logged_in(member), house, meeting, "verslag.pdf", content)
    assert response.status_code == 400
    assert "geen PDF of kantoorbestand" in response.content.decode()
    assert not MeetingDocument.objects.exists()
    assert not (private_dir / "private" / "steering").exists() or not any(
        (private_dir / "private" / "steering").rglob("*.*")
    )


def test_a_zip_that_is_no_office_file_is_refused(house, meeting, member):
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("evil.exe", "MZ")
    response = _upload(logged_in(member), house, meeting, "nota.docx", buffer.getvalue())
    assert response.status_code == 400
    assert not MeetingDocument.objects.exists()


def test_a_file_over_10_mb_is_refused(house, meeting, member, monkeypatch):
    monkeypatch.setattr(services_meetings, "MAX_DOCUMENT_BYTES", 1000)
    response = _upload(logged_in(member), house, meeting, "groot.pdf", PDF + b"0" * 2000)
    assert response.status_code == 400
    assert "groter dan 10 MB" in response.content.decode()
    assert not MeetingDocument.objects.exists()


def test_documents_are_stored_outside_the_web_root(document, settings, private_dir):
    stored = private_dir / "private" / "steering" / document.path
    assert stored.exists()
    assert settings.MEDIA_ROOT not in stored.parents
    assert document.path.endswith(".pdf") and "agenda" not in document.path


def test_a_member_downloads_a_document_as_attachment(house, document, member, coordinator):
    for user in (member, coordinator):
        response = logged_in(user).get(url("meeting_document", house, pk=document.pk))
        assert response.status_code == 200
        assert response["Content-Disposition"] == 'attachment; filename="agenda.pdf"'
        assert response["Content-Type"] == "application/pdf"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response.content == PDF


def test_outsiders_do_not_download_a_document(
    house, document, outsider, worker, far_outsider, other_coordinator
):
    for user in (outsider, worker, far_outsider, other_coordinator):
        response = logged_in(user).get(url("meeting_document", house, pk=document.pk))
        assert response.status_code == 404, user
    response = Client().get(url("meeting_document", house, pk=document.pk))
    assert response.status_code in (302, 403, 404)
    assert response.content != PDF


def test_a_member_does_not_delete_a_document_the_lead_does(house, document, member, lead):
    assert (
        logged_in(member).post(url("meeting_document_delete", house, pk=document.pk)).status_code
        == 404
    )
    response = logged_in(lead).post(url("meeting_document_delete", house, pk=document.pk))
    assert response.status_code == 302
    assert not MeetingDocument.objects.exists()


# --- Attendance, minutes, decisions -----------------------------------------------------------


def test_the_lead_records_attendance_and_minutes(house, past_meeting, lead, member):
    client = logged_in(lead)
    response = client.post(
        url("meeting", house, pk=past_meeting.pk),
        {
            "form": "attendance",
            f"attendance-member_{lead.pk}": "present",
            f"attendance-member_{member.pk}": "excused",
        },
    )
    assert response.status_code == 302
    assert dict(Attendance.objects.values_list("user_id", "status")) == {
        lead.pk: "present",
        member.pk: "excused",
    }
    response = client.post(
        url("meeting", house, pk=past_meeting.pk),
        {"form": "minutes", "minutes-minutes": "Het jaarplan werd besproken."},
    )
    assert response.status_code == 302
    past_meeting.refresh_from_db()
    assert past_meeting.minutes == "Het jaarplan werd besproken."


def test_a_bad_attendance_value_is_refused(house, past_meeting, lead):
    response = logged_in(lead).post(
        url("meeting", house, pk=past_meeting.pk),
        {"form": "attendance", f"attendance-member_{lead.pk}": "sleeping"},
    )
    assert response.status_code == 400
    assert "Kies aanwezig, verontschuldigd of afwezig." in response.content.decode()
    assert not Attendance.objects.exists()


def test_a_non_member_is_refused_on_the_attendance_list(past_meeting, lead, outsider):
    with pytest.raises(Exception, match="Alleen leden van de groep"):
        services_meetings.attendance_record(
            actor=lead, meeting=past_meeting, statuses={outsider.pk: "present"}
        )


def test_a_member_does_not_write_minutes_or_decisions(house, past_meeting, member):
    client = logged_in(member)
    for form in ("minutes", "attendance", "decision"):
        response = client.post(
            url("meeting", house, pk=past_meeting.pk),
            {"form": form, "minutes-minutes": "x", "decision-text": "x"},
        )
        assert response.status_code == 404
    past_meeting.refresh_from_db()
    assert past_meeting.minutes == ""
    assert not Decision.objects.exists()


def test_a_decision_with_a_follow_up_becomes_a_plan_action(
    house, past_meeting, lead, member, plan, goal, year
):
    due = date(year, 12, 20)
    response = logged_in(lead).post(
        url("meeting", house, pk=past_meeting.pk),
        {
            "form": "decision",
            "decision-text": "Een vorming rond ouderbetrokkenheid organiseren.",
            "decision-goal": goal.pk,
            "decision-owner": member.pk,
            "decision-due_on": due.isoformat(),
        },
    )
    assert response.status_code == 302
    decision = Decision.objects.get()
    action = decision.action
    assert action.plan == plan and action.goal == goal
    assert action.ends_on == due and action.status == ActionStatus.PLANNED
    assert action.title == "Een vorming rond ouderbetrokkenheid organiseren."
    assert decision.owner == member
    page = logged_in(member).get(url("meeting", house, pk=past_meeting.pk)).content.decode()
    assert url("action", house, pk=action.pk) in page


def test_a_decision_without_follow_up_makes_no_action(house, past_meeting, lead, plan):
    response = logged_in(lead).post(
        url("meeting", house, pk=past_meeting.pk),
        {"form": "decision", "decision-text": "Het verslag wordt goedgekeurd."},
    )
    assert response.status_code == 302
    assert Decision.objects.get().action is None
    assert not Action.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"decision-owner": ""}, "Kies wie de opvolgactie draagt."),
        ({"decision-goal": ""}, "Kies de doelstelling waaronder de opvolgactie valt."),
        ({"decision-due_on": ""}, "Geef de datum waarop de actie af moet zijn."),
        ({"decision-due_on": "2001-01-01"}, "De einddatum mag niet vóór de vergadering liggen."),
        ({"decision-due_on": "2099-01-01"}, "Er is nog geen jaarplan 2099"),
        ({"decision-owner": "999999"}, "De eigenaar moet lid zijn van de groep."),
        ({"decision-text": ""}, "Beschrijf de beslissing."),
    ],
)
def test_bad_follow_ups_are_refused(
    house, past_meeting, lead, member, plan, goal, year, overrides, message
):
    data = {
        "form": "decision",
        "decision-text": "Een vorming organiseren.",
        "decision-goal": goal.pk,
        "decision-owner": member.pk,
        "decision-due_on": f"{year}-12-20",
        **overrides,
    }
    response = logged_in(lead).post(url("meeting", house, pk=past_meeting.pk), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Decision.objects.exists() and not Action.objects.exists()


def test_an_owner_who_is_no_member_is_refused(past_meeting, lead, outsider, plan, goal, year):
    with pytest.raises(Exception, match="lid zijn van de groep"):
        services_meetings.decision_add(
            actor=lead,
            meeting=past_meeting,
            text="x",
            goal=goal,
            owner=outsider,
            due_on=date(year, 12, 20),
        )
    assert not Action.objects.exists()


# --- To-do list and reminders -----------------------------------------------------------------


@pytest.fixture
def overdue(past_meeting, lead, member, plan, goal, year):
    decision = services_meetings.decision_add(
        actor=lead,
        meeting=past_meeting,
        text="De folder herdrukken.",
        goal=goal,
        owner=member,
        due_on=date(year, 12, 31),
    )
    return decision


def test_an_overdue_follow_up_is_on_the_owners_todo_list(overdue, member, lead):
    assert steering_todo.follow_up_items(member) == []
    Decision.objects.filter(pk=overdue.pk).update(due_on=timezone.localdate() - timedelta(days=1))
    items = steering_todo.follow_up_items(member)
    assert len(items) == 1 and items[0].urgent
    assert "De folder herdrukken." in items[0].title
    assert steering_todo.follow_up_items(lead) == []
    assert "steering_follow_up" in {p.name for p in todo.providers()}


def test_a_done_follow_up_leaves_the_todo_list(overdue, member):
    Decision.objects.filter(pk=overdue.pk).update(due_on=date(2001, 1, 1))
    services.action_status_change(actor=None, action=overdue.action, status=ActionStatus.RUNNING)
    assert len(steering_todo.follow_up_items(member)) == 1
    services.action_status_change(actor=None, action=overdue.action, status=ActionStatus.DONE)
    assert steering_todo.follow_up_items(member) == []


def test_the_reminder_job_is_idempotent(overdue, member, on_commit):
    today = overdue.due_on + timedelta(days=1)
    with on_commit():
        assert services_meetings.follow_up_reminders(today) == {"reminded": 1}
    with on_commit():
        assert services_meetings.follow_up_reminders(today) == {"reminded": 0}
        assert services_meetings.follow_up_reminders(today + timedelta(days=3)) == {"reminded": 0}
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [member.email]
    assert "De folder herdrukken." in mail.outbox[0].body
    # A week later, still overdue: one more reminder.
    with on_commit():
        assert services_meetings.follow_up_reminders(today + timedelta(days=7)) == {"reminded": 1}
    assert len(mail.outbox) == 2


def test_no_reminder_before_the_due_date(overdue, on_commit):
    with on_commit():
        assert services_meetings.follow_up_reminders(overdue.due_on) == {"reminded": 0}
    assert not mail.outbox


def test_the_reminder_job_is_scheduled():
    assert "steering.follow_up_reminders" in jobs()
