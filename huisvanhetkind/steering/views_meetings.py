"""The pages of the groups' meetings, under ``/beheer/huis/<house>/vergaderingen/``: the
meetings of the groups one is a member of, one meeting (agenda, documents, invitations,
attendance, minutes, decisions), a document download; and the yearly partner consultation
under ``/beheer/huis/<house>/partneroverleg/<year>/``.

Views are thin: access in ``access``, writes in ``services_meetings``, reads in
``selectors_meetings``."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from huisvanhetkind.core.forms import add_service_errors
from huisvanhetkind.network.access import professional_required
from huisvanhetkind.steering import access, selectors_meetings, services_meetings
from huisvanhetkind.steering.access import LARGEST_ID
from huisvanhetkind.steering.forms_meetings import (
    AgendaItemForm,
    AttendanceForm,
    DecisionForm,
    DocumentForm,
    FeedbackForm,
    MeetingForm,
    MinutesForm,
)
from huisvanhetkind.steering.models import AnnualPlan, Attendance, MeetingDocument
from huisvanhetkind.steering.services_meetings import CONTENT_TYPES


def _run(form, call, message, request) -> bool:
    if not form.is_valid():
        return False
    try:
        call()
    except ValidationError as error:
        add_service_errors(form, error)
        return False
    messages.success(request, message)
    return True


@professional_required
def meetings(request):
    house = request.house
    if house is None:
        raise Http404
    groups = access.readable_groups(request.user, house)
    if not groups and not access.is_coordinator(request.user, house):
        raise Http404
    rows = selectors_meetings.groups_with_meetings(groups)
    for row in rows:
        row["can_edit"] = access.can_edit_meetings(request.user, row["group"])
    return render(request, "steering/meetings/list.html", {"house": house, "rows": rows})


def _meeting_form_page(request, house, group, meeting=None):
    initial = {}
    if meeting is not None:
        initial = {name: getattr(meeting, name) for name in services_meetings.MEETING_FIELDS}
        for name in ("starts_at", "ends_at", "agenda_deadline"):
            initial[name] = timezone.localtime(initial[name])
    form = MeetingForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        status = 400
        saved = []
        if _run(
            form,
            lambda: saved.append(
                services_meetings.meeting_save(
                    actor=request.user, group=group, meeting=meeting, data=form.cleaned_data
                )
            ),
            _("De vergadering is bewaard."),
            request,
        ):
            return redirect("steering:meeting", house_slug=house.slug, pk=saved[0].pk)
    return render(
        request,
        "steering/meetings/form.html",
        {"house": house, "group": group, "meeting": meeting, "form": form},
        status=status,
    )


@professional_required
def meeting_new(request, pk):
    house = request.house
    group = access.get_group_for_user(request.user, house, pk, edit=True)
    return _meeting_form_page(request, house, group)


@professional_required
def meeting_edit(request, pk):
    house = request.house
    meeting = access.get_meeting_for_user(request.user, house, pk, edit=True)
    return _meeting_form_page(request, house, meeting.group, meeting)


@professional_required
def meeting(request, pk):
    house = request.house
    meeting = access.get_meeting_for_user(request.user, house, pk)
    group = meeting.group
    can_edit = access.can_edit_meetings(request.user, group)
    which = request.POST.get("form") if request.method == "POST" else None
    if which and which not in {"agenda", "document"} and not can_edit:
        raise Http404
    members = selectors_meetings.group_members(group)
    detail = selectors_meetings.meeting_detail(meeting)
    current = {a.user_id: a.status for a in detail.attendance.all()}
    data = request.POST if which else None
    forms_ = {
        "agenda": AgendaItemForm(data if which == "agenda" else None, prefix="agenda"),
        "document": DocumentForm(
            data if which == "document" else None,
            request.FILES if which == "document" else None,
            prefix="document",
        ),
        "attendance": AttendanceForm(
            data if which == "attendance" else None,
            members=members,
            current=current,
            prefix="attendance",
        ),
        "minutes": MinutesForm(
            data if which == "minutes" else None,
            initial={"minutes": meeting.minutes},
            prefix="minutes",
        ),
        "decision": DecisionForm(
            data if which == "decision" else None,
            house=house,
            members=members,
            prefix="decision",
        ),
    }
    labels = dict(Attendance.Status.choices)
    status = 200
    if which in forms_:
        form = forms_[which]
        actor = request.user
        calls = {
            "agenda": (
                lambda: services_meetings.agenda_item_add(
                    actor=actor, meeting=meeting, **form.cleaned_data
                ),
                _("Het agendapunt is toegevoegd."),
            ),
            "document": (
                lambda: services_meetings.document_add(
                    actor=actor, meeting=meeting, upload=form.cleaned_data["file"]
                ),
                _("Het document is toegevoegd."),
            ),
            "attendance": (
                lambda: services_meetings.attendance_record(
                    actor=actor, meeting=meeting, statuses=form.statuses()
                ),
                _("De aanwezigheden zijn bewaard."),
            ),
            "minutes": (
                lambda: services_meetings.minutes_save(
                    actor=actor, meeting=meeting, minutes=form.cleaned_data["minutes"]
                ),
                _("Het verslag is bewaard."),
            ),
            "decision": (
                lambda: services_meetings.decision_add(
                    actor=actor,
                    meeting=meeting,
                    text=form.cleaned_data["text"],
                    goal=form.cleaned_data.get("goal"),
                    owner=form.owner_user(),
                    due_on=form.cleaned_data.get("due_on"),
                ),
                _("De beslissing is bewaard."),
            ),
        }
        call, message = calls[which]
        if _run(form, call, message, request):
            return redirect("steering:meeting", house_slug=house.slug, pk=meeting.pk)
        status = 400
    return render(
        request,
        "steering/meetings/detail.html",
        {
            "house": house,
            "meeting": detail,
            "group": group,
            "members": members,
            "can_edit": can_edit,
            "agenda_open": timezone.now() <= meeting.agenda_deadline,
            "forms": forms_,
            "attendance_rows": [(m, labels.get(current.get(m.user_id), "")) for m in members],
        },
        status=status,
    )


@require_POST
@professional_required
def meeting_invite(request, pk):
    house = request.house
    meeting = access.get_meeting_for_user(request.user, house, pk, edit=True)
    try:
        count = services_meetings.invitations_send(actor=request.user, meeting=meeting)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("De uitnodiging is naar %(n)s leden gestuurd.") % {"n": count})
    return redirect("steering:meeting", house_slug=house.slug, pk=meeting.pk)


@professional_required
def meeting_ics(request, pk):
    meeting = access.get_meeting_for_user(request.user, request.house, pk)
    response = HttpResponse(
        services_meetings.meeting_ics(meeting), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="vergadering-{meeting.pk}.ics"'
    return response


@professional_required
def document(request, pk):
    house = request.house
    if house is None or not 0 < pk <= LARGEST_ID:
        raise Http404
    doc = (
        MeetingDocument.objects.select_related("meeting__group__house")
        .filter(meeting__group__house=house, pk=pk)
        .first()
    )
    if doc is None or not access.can_read_group(request.user, doc.meeting.group):
        raise Http404
    try:
        content = services_meetings.document_read(actor=request.user, document=doc)
    except (ValidationError, FileNotFoundError) as error:
        raise Http404 from error
    response = HttpResponse(content, content_type=CONTENT_TYPES[doc.kind])
    safe = "".join(c if c.isalnum() or c in "-_. " else "_" for c in doc.name)
    response["Content-Disposition"] = f'attachment; filename="{safe}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@professional_required
def document_delete(request, pk):
    house = request.house
    if house is None or not 0 < pk <= LARGEST_ID:
        raise Http404
    doc = (
        MeetingDocument.objects.select_related("meeting__group__house")
        .filter(meeting__group__house=house, pk=pk)
        .first()
    )
    if doc is None or not access.can_edit_meetings(request.user, doc.meeting.group):
        raise Http404
    meeting_pk = doc.meeting_id
    services_meetings.document_delete(actor=request.user, document=doc)
    messages.success(request, _("Het document is verwijderd."))
    return redirect("steering:meeting", house_slug=house.slug, pk=meeting_pk)


@professional_required
def consultation(request, year):
    """Partners answer the consultation on the annual plan of ``year``; the coordinator and the
    steering group read every answer."""
    house = request.house
    if house is None or not 2000 <= year <= 2100:
        raise Http404
    plan = AnnualPlan.objects.filter(house=house, year=year).first()
    partners = access.feedback_organisations(request.user, house)
    reads_all = access.can_edit_plan(request.user, house)
    if plan is None or not (partners or reads_all):
        raise Http404
    organisations = [p.organisation for p in partners]
    mine = selectors_meetings.feedback_of(house, year, [o.pk for o in organisations])
    first = mine.get(organisations[0].pk) if organisations else None
    initial = {}
    if first is not None:
        initial = {
            "organisation": first.organisation_id,
            "going_well": first.going_well,
            "to_improve": first.to_improve,
            "contribution": first.contribution,
        }
    form = FeedbackForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        organisations=organisations,
    )
    status = 200
    if request.method == "POST":
        if not organisations:
            raise Http404
        by_pk = {o.pk: o for o in organisations}
        if _run(
            form,
            lambda: services_meetings.feedback_save(
                actor=request.user,
                house=house,
                year=year,
                organisation=by_pk[form.cleaned_data["organisation"]],
                data=form.cleaned_data,
            ),
            _("Bedankt: jullie antwoord op het partneroverleg is bewaard."),
            request,
        ):
            return redirect("steering:consultation", house_slug=house.slug, year=year)
        status = 400
    return render(
        request,
        "steering/meetings/consultation.html",
        {
            "house": house,
            "year": year,
            "plan": plan,
            "form": form if organisations else None,
            "answered": list(mine.values()),
            "answers": selectors_meetings.feedback_of_year(house, year) if reads_all else None,
        },
        status=status,
    )
