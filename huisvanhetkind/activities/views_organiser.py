"""The organiser's pages: their activities and sessions, the registrations of a session
(read through ``selectors.session_registrations_read``, which audits the read), registering a
family by phone, and news."""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from huisvanhetkind.activities import (
    access,
    selectors,
    services,
    services_news,
    services_registrations,
)
from huisvanhetkind.activities.forms import (
    ActivityForm,
    MessageForm,
    NewsForm,
    PhoneRegistrationForm,
    SessionChangeForm,
    SessionsForm,
    registration_arguments,
)
from huisvanhetkind.activities.models import Activity, NewsItem, Registration
from huisvanhetkind.activities.workflow import RegistrationStatus
from huisvanhetkind.core import csv as safe_csv
from huisvanhetkind.network.access import is_coordinator, professional_required
from huisvanhetkind.network.models import Location, Organisation

S = RegistrationStatus


# --- Professionals: activities and sessions ----------------------------------------------------


def _my_organisations(user, house):
    if is_coordinator(user, house):
        return Organisation.objects.filter(partnerships__house=house).distinct()
    return Organisation.objects.filter(
        pk__in=access.member_organisation_ids(user), partnerships__house=house
    ).distinct()


@professional_required
def manage_activities(request):
    activities = selectors.activities_for_user(request.user).order_by("house__name", "title")
    return render(
        request,
        "activities/manage_list.html",
        {"activities": activities, "import_houses": access.import_houses(request.user)},
    )


@professional_required
def activity_edit(request, pk=None):
    if pk is None:
        house = access.get_house_for_publisher(request.user, request.house)
        activity = Activity(house=house)
    else:
        activity = access.get_activity_for_user(request.user, pk)
        house = activity.house
    previous_status = activity.status  # the form changes the instance while it validates
    organisations = _my_organisations(request.user, house)
    locations = Location.objects.filter(
        Q(house=house) | Q(organisation__in=organisations)
    ).select_related("municipality")
    form = ActivityForm(
        request.POST or None,
        request.FILES or None,
        instance=activity,
        organisations=organisations,
        locations=locations,
    )
    if request.method == "POST" and form.is_valid():
        activity = form.save(commit=False)
        try:
            services.activity_save(
                activity=activity,
                actor=request.user,
                organisations=form.cleaned_data["organisations"],
                domains=form.cleaned_data["domains"],
                age_groups=form.cleaned_data["age_groups"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if pk is not None and previous_status != activity.status == Activity.Status.CANCELLED:
                messages.success(
                    request,
                    _(
                        "De activiteit is afgelast, met al haar komende momenten. Wie ingeschreven "
                        "was en een e-mailadres gaf, kreeg bericht; bel wie enkel een "
                        "telefoonnummer gaf."
                    ),
                )
            else:
                messages.success(request, _("De activiteit is bewaard."))
            return redirect("activities:manage_activity", pk=activity.pk)
    return render(
        request,
        "activities/activity_form.html",
        {"form": form, "activity": activity, "house": house},
    )


@professional_required
def manage_activity(request, pk):
    activity = access.get_activity_for_user(request.user, pk)
    form = SessionsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            new = services.sessions_generate(
                activity=activity,
                actor=request.user,
                rule=form.rule,
                first_day=data["first_day"],
                starts=data["starts"],
                ends=data["ends"],
                until=data.get("until"),
                exceptions=data["exceptions"],
                close_hours_before=data.get("close_hours_before") or 0,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                ngettext("%(count)s moment toegevoegd.", "%(count)s momenten toegevoegd.", len(new))
                % {"count": len(new)},
            )
            return redirect(request.path)
    now = timezone.now() - timedelta(days=1)
    sessions = selectors.sessions_for_manage(activity).filter(ends_at__gte=now)[:100]
    return render(
        request,
        "activities/manage_activity.html",
        {
            "activity": activity,
            "sessions": sessions,
            "form": form,
            "figures": selectors.activity_figures(activity),
        },
    )


@professional_required
def manage_session(request, pk):
    session = access.get_session_for_user(request.user, pk)
    activity = session.activity
    change_form = SessionChangeForm(
        initial={
            "starts_at": timezone.localtime(session.starts_at).strftime("%Y-%m-%dT%H:%M"),
            "duration_minutes": int((session.ends_at - session.starts_at).total_seconds() // 60),
            "capacity": session.capacity,
            "note": session.note,
        }
    )
    message_form = MessageForm()
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "attendance":
            services_registrations.registration_mark_attendance(
                session=session, actor=request.user, present_ids=request.POST.getlist("present")
            )
            messages.success(request, _("De aanwezigheden zijn bewaard."))
            return redirect(request.path)
        if action in ("message", "cancel"):
            message_form = MessageForm(request.POST)
            if message_form.is_valid():
                text = message_form.cleaned_data["message"]
                if action == "cancel":
                    services.session_cancel(session=session, actor=request.user, message=text)
                    messages.success(request, _("Het moment is afgelast; iedereen kreeg bericht."))
                else:
                    count = services.session_message(
                        session=session, actor=request.user, message=text
                    )
                    messages.success(
                        request,
                        ngettext(
                            "Bericht verstuurd naar %(count)s persoon.",
                            "Bericht verstuurd naar %(count)s personen.",
                            count,
                        )
                        % {"count": count},
                    )
                return redirect(request.path)
        if action == "change":
            change_form = SessionChangeForm(request.POST)
            if change_form.is_valid():
                data = change_form.cleaned_data
                count = services.session_change(
                    session=session,
                    actor=request.user,
                    series=data["scope"] == "series",
                    shift=data["starts_at"] - session.starts_at,
                    duration=timedelta(minutes=data["duration_minutes"]),
                    capacity=data.get("capacity"),
                    note=data.get("note", ""),
                )
                messages.success(
                    request,
                    ngettext("%(count)s moment gewijzigd.", "%(count)s momenten gewijzigd.", count)
                    % {"count": count},
                )
                return redirect(request.path)
    registrations = selectors.session_registrations_read(
        session=session, actor=request.user, purpose="list"
    )
    return render(
        request,
        "activities/manage_session.html",
        {
            "session": session,
            "activity": activity,
            "registrations": registrations,
            "change_form": change_form,
            "message_form": message_form,
        },
    )


@professional_required
def session_csv(request, pk):
    session = access.get_session_for_user(request.user, pk)
    registrations = selectors.session_registrations_read(
        session=session, actor=request.user, purpose="csv"
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="inschrijvingen-{session.pk}.csv"'
    response["Cache-Control"] = "private, no-store"
    writer = safe_csv.writer(response, delimiter=";")
    writer.writerow(
        [
            _("naam"),
            _("e-mail"),
            _("telefoon"),
            _("volwassenen"),
            _("kinderen"),
            _("leeftijden"),
            _("sociaal tarief"),
            _("status"),
            _("aanwezig"),
            _("opmerkingen"),
        ]
    )
    for r in registrations:
        writer.writerow(
            [
                r.name,
                r.email,
                r.phone,
                r.adults,
                r.children,
                " ".join(map(str, r.children_ages)),
                _("ja") if r.social_tariff else "",
                r.get_status_display(),
                {True: _("ja"), False: _("nee")}.get(r.attended, ""),
                r.remarks,
            ]
        )
    return response


@professional_required
def session_register(request, pk):
    """An organiser registers a family by phone (no e-mail needed)."""
    session = access.get_session_for_user(request.user, pk)
    form = PhoneRegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            registration, _signed = services_registrations.registration_create(
                session=session,
                **registration_arguments(form.cleaned_data),
                registered_by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Ingeschreven.")
                if registration.status == S.CONFIRMED
                else _("Op de wachtlijst gezet."),
            )
            return redirect("activities:manage_session", pk=session.pk)
    return render(request, "activities/session_register.html", {"session": session, "form": form})


@professional_required
@require_POST
def registration_cancel(request, pk):
    registration = get_object_or_404(Registration.objects.select_related("session"), pk=pk)
    session = access.get_session_for_user(request.user, registration.session_id)
    try:
        services_registrations.registration_cancel(registration=registration, actor=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    return redirect("activities:manage_session", pk=session.pk)


# --- Professionals: news -----------------------------------------------------------------------


@professional_required
def manage_news(request):
    house = access.get_house_for_publisher(request.user, request.house)
    items = NewsItem.objects.filter(house=house).select_related("organisation")
    if not is_coordinator(request.user, house):
        items = items.filter(organisation__in=access.member_organisation_ids(request.user))
    return render(request, "activities/manage_news.html", {"house": house, "items": items})


@professional_required
def news_edit(request, pk=None):
    house = access.get_house_for_publisher(request.user, request.house)
    item = access.get_news_for_user(request.user, house, pk) if pk else NewsItem(house=house)
    organisations = _my_organisations(request.user, house)
    form = NewsForm(
        request.POST or None, request.FILES or None, instance=item, organisations=organisations
    )
    if not is_coordinator(request.user, house):
        form.fields["organisation"].required = True
    if request.method == "POST" and form.is_valid():
        services_news.news_save(item=form.save(commit=False), actor=request.user)
        messages.success(request, _("Het nieuwsbericht is bewaard."))
        return redirect("activities:manage_news", house_slug=house.slug)
    return render(
        request, "activities/news_form.html", {"house": house, "form": form, "item": item}
    )
