"""The partners' library, the trainings for professionals and the digest choice of a house.
Thin views: access in ``access``, reads in ``selectors``, changes in ``services``."""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from huisvanhetkind.core.http import private_response
from huisvanhetkind.core.pdf import pdf_response
from huisvanhetkind.knowledge import access, selectors, services
from huisvanhetkind.knowledge.forms import (
    AttendanceForm,
    DigestOptOutForm,
    LibraryFilterForm,
    LibraryItemForm,
)
from huisvanhetkind.knowledge.models import DigestOptOut, LibraryItem, TrainingRegistration
from huisvanhetkind.network.access import is_coordinator, professional_required

RECENT_DAYS = 90


def _library_url(house):
    return redirect("knowledge:library", house_slug=house.slug)


@professional_required
def library(request):
    house = access.get_house_for_reader(request.user, request.house)
    form = LibraryFilterForm(request.GET or None, topics=selectors.library_topics(house))
    filters = form.cleaned_data if form.is_valid() else {}
    items = selectors.library_items(
        house=house,
        query=filters.get("q", ""),
        topic=filters.get("onderwerp", ""),
        domain=filters.get("domein", ""),
        kind=filters.get("soort", ""),
    )
    can_change = access.item_change_checker(request.user, house)
    items = [(item, can_change(item)) for item in items]
    opt_out = DigestOptOutForm(
        initial={"opt_out": DigestOptOut.objects.filter(user=request.user).exists()}
    )
    return private_response(
        render(
            request,
            "knowledge/library.html",
            {
                "house": house,
                "form": form,
                "items": items,
                "opt_out_form": opt_out,
                "is_coordinator": is_coordinator(request.user, house),
            },
            status=200 if not form.errors else 400,
        )
    )


def _item_form(request, house, item=None):
    organisations = access.partner_organisations(request.user, house)
    form = LibraryItemForm(
        request.POST or None,
        request.FILES or None,
        instance=item,
        house=house,
        initial={"kind": request.GET.get("soort", "")} if item is None else None,
    )
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            upload = data.get("upload")
            if item is None:
                services.item_create(
                    house=house,
                    actor=request.user,
                    organisation=organisations[0] if organisations else None,
                    data=data,
                    upload=upload,
                )
                messages.success(request, _("Het item staat in de bibliotheek."))
            else:
                services.item_update(item=item, actor=request.user, data=data, upload=upload)
                messages.success(request, _("Het item is bewaard."))
            return _library_url(house)
        status = 400
    else:
        status = 200
    return private_response(
        render(
            request,
            "knowledge/item_form.html",
            {"house": house, "form": form, "item": item},
            status=status,
        )
    )


@professional_required
def item_new(request):
    house = access.get_house_for_reader(request.user, request.house)
    return _item_form(request, house)


@professional_required
def item_edit(request, pk):
    house = request.house
    item = access.get_item_for_change(request.user, house, pk)
    return _item_form(request, house, item)


@professional_required
@require_POST
def item_delete(request, pk):
    item = access.get_item_for_change(request.user, request.house, pk)
    services.item_delete(item=item, actor=request.user)
    messages.success(request, _("Het item is uit de bibliotheek verwijderd."))
    return _library_url(request.house)


@professional_required
def item_detail(request, pk):
    item = access.get_item_for_reader(request.user, request.house, pk)
    return private_response(
        render(
            request,
            "knowledge/item.html",
            {
                "house": request.house,
                "item": item,
                "can_change": access.can_change_item(request.user, item),
            },
        )
    )


@professional_required
def document(request, pk):
    item = access.get_item_for_reader(request.user, request.house, pk)
    if item.kind != LibraryItem.Kind.DOCUMENT or not item.file:
        raise Http404
    services.document_read(item=item, actor=request.user)
    response = FileResponse(
        item.file.open("rb"), as_attachment=True, filename=item.file_name or "document"
    )
    response["X-Content-Type-Options"] = "nosniff"
    return private_response(response)


@professional_required
@require_POST
def digest_choice(request):
    house = access.get_house_for_reader(request.user, request.house)
    form = DigestOptOutForm(request.POST)
    form.is_valid()
    opt_out = form.cleaned_data.get("opt_out", False)
    services.digest_opt_out_set(user=request.user, opt_out=opt_out)
    messages.success(
        request,
        _("Je ontvangt de maandelijkse nieuwsbrief niet meer.")
        if opt_out
        else _("Je ontvangt de maandelijkse nieuwsbrief."),
    )
    return _library_url(house)


# --- Trainings for professionals ------------------------------------------------------------


@professional_required
def trainings(request):
    house = access.get_house_for_reader(request.user, request.house)
    sessions = list(selectors.training_sessions(house=house))
    mine = {
        r.session_id: r
        for r in TrainingRegistration.objects.filter(user=request.user, session__in=sessions)
    }
    past = TrainingRegistration.objects.filter(
        user=request.user, session__activity__house=house, attended=True
    ).select_related("session__activity")
    # Attendance is marked after the training: the organiser's sessions of the last 90 days too.
    recent = selectors.training_sessions(
        house=house, since=timezone.now() - timedelta(days=RECENT_DAYS)
    ).prefetch_related("activity__organisations")
    organised = [s for s in recent if access.can_organise(request.user, s)]
    return private_response(
        render(
            request,
            "knowledge/trainings.html",
            {
                "house": house,
                "sessions": [(s, mine.get(s.pk)) for s in sessions],
                "certificates": past,
                "organised": organised,
            },
        )
    )


@professional_required
@require_POST
def training_register(request, pk):
    house = request.house
    session = access.get_training_session(request.user, house, pk)
    organisations = access.partner_organisations(request.user, house)
    try:
        services.training_register(
            session=session,
            user=request.user,
            organisation=organisations[0] if organisations else None,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Je bent ingeschreven."))
    return redirect("knowledge:trainings", house_slug=house.slug)


@professional_required
@require_POST
def training_unregister(request, pk):
    house = request.house
    session = access.get_training_session(request.user, house, pk)
    if services.training_unregister(session=session, user=request.user):
        messages.success(request, _("Je inschrijving is geannuleerd."))
    return redirect("knowledge:trainings", house_slug=house.slug)


@professional_required
def attendance(request, pk):
    house = request.house
    session = access.get_training_session_for_organiser(request.user, house, pk)
    registrations = list(
        TrainingRegistration.objects.filter(session=session).select_related("user", "organisation")
    )
    form = AttendanceForm(
        request.POST or None,
        registrations=registrations,
        initial={"present": [r.pk for r in registrations if r.attended]},
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            services.attendance_mark(
                session=session, actor=request.user, present_ids=set(form.cleaned_data["present"])
            )
            messages.success(request, _("De aanwezigheden zijn bewaard."))
            return redirect("knowledge:attendance", house_slug=house.slug, pk=session.pk)
        status = 400
    return private_response(
        render(
            request,
            "knowledge/attendance.html",
            {"house": house, "session": session, "form": form, "registrations": registrations},
            status=status,
        )
    )


@professional_required
def certificate(request, pk):
    house = request.house
    registration = access.get_own_registration(request.user, house, pk)
    if registration.attended is not True:
        raise Http404
    return private_response(
        pdf_response(
            request,
            "knowledge/certificate.html",
            {"house": house, "registration": registration, "user": request.user},
            filename=f"attest-{registration.session.activity.title}",
        )
    )
