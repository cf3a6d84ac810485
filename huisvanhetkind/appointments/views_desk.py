"""The professional's pages of the appointments (``/beheer/huis/<house>/afspraken/``), for the
coordinator of the house and the workers of the desk's organisation: the desks, a desk's day
list (interpreter and accessibility needs highlighted; every read audited), marking done or
no-show, cancelling with a reason, and the desk's settings and topics.

Views are thin: access in ``access``, writes in ``services``, reads (audited) in ``selectors``."""

from datetime import date, timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from huisvanhetkind.appointments import access, selectors, services
from huisvanhetkind.appointments.forms import CancelForm, SettingsForm, TopicForm
from huisvanhetkind.appointments.models import AppointmentSettings
from huisvanhetkind.appointments.workflow import AppointmentStatus as S
from huisvanhetkind.core.forms import add_service_errors
from huisvanhetkind.core.http import private_response
from huisvanhetkind.network.access import professional_required


def _render(request, template, context, status=200):
    return private_response(render(request, template, context, status=status))


def _day(value) -> date:
    try:
        return date.fromisoformat(value or "")
    except ValueError:
        return timezone.localdate()


def _back(desk, day):
    url = reverse(
        "appointments:staff_day", kwargs={"house_slug": desk.house.slug, "desk_pk": desk.pk}
    )
    return redirect(f"{url}?dag={day.isoformat()}")


@professional_required
def index(request):
    desks = access.staff_desks(request.user, request.house)
    return _render(
        request, "appointments/staff_index.html", {"house": request.house, "desks": desks}
    )


@professional_required
def day(request, desk_pk):
    desk = access.get_desk_for_staff(request.user, request.house, desk_pk)
    shown = _day(request.GET.get("dag"))
    appointments = selectors.day_list(
        request.user, desk, shown, organisation=access.acting_organisation(request.user, desk)
    )
    return _render(
        request,
        "appointments/staff_day.html",
        {
            "house": desk.house,
            "desk": desk,
            "day": shown,
            "previous": shown - timedelta(days=1),
            "following": shown + timedelta(days=1),
            "appointments": appointments,
            "now": timezone.now(),
            "S": S,
            "cancel_form": CancelForm(),
        },
    )


@professional_required
@require_POST
def mark(request, desk_pk, pk):
    appointment = access.get_appointment_for_staff(request.user, request.house, desk_pk, pk)
    try:
        services.appointment_mark(
            actor=request.user, appointment=appointment, status=request.POST.get("status", "")
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("De afspraak is aangeduid."))
    return _back(appointment.desk, timezone.localtime(appointment.starts_at).date())


@professional_required
@require_POST
def cancel(request, desk_pk, pk):
    appointment = access.get_appointment_for_staff(request.user, request.house, desk_pk, pk)
    form = CancelForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(m for e in form.errors.values() for m in e))
    else:
        try:
            services.appointment_cancel(
                actor=request.user, appointment=appointment, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("De afspraak is geannuleerd; het gezin krijgt een e-mail."))
    return _back(appointment.desk, timezone.localtime(appointment.starts_at).date())


@professional_required
def settings(request, desk_pk):
    desk = access.get_desk_for_staff(request.user, request.house, desk_pk)
    current = AppointmentSettings.objects.filter(desk=desk).first()
    form = SettingsForm(request.POST or None, instance=current or AppointmentSettings(desk=desk))
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.settings_save(actor=request.user, desk=desk, data=form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("De instellingen zijn bewaard."))
                return redirect("appointments:staff_index", house_slug=desk.house.slug)
    return _render(
        request,
        "appointments/staff_settings.html",
        {"house": desk.house, "desk": desk, "form": form},
        status,
    )


@professional_required
def topics(request, desk_pk):
    desk = access.get_desk_for_staff(request.user, request.house, desk_pk)
    form = TopicForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.topic_create(actor=request.user, desk=desk, data=form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Het onderwerp is bewaard."))
                return redirect(
                    "appointments:staff_topics", house_slug=desk.house.slug, desk_pk=desk.pk
                )
    return _render(
        request,
        "appointments/staff_topics.html",
        {"house": desk.house, "desk": desk, "topics": selectors.topics_of(desk), "form": form},
        status,
    )


@professional_required
def topic_edit(request, desk_pk, pk):
    topic = access.get_topic_for_staff(request.user, request.house, desk_pk, pk)
    desk = topic.desk
    form = TopicForm(request.POST or None, instance=topic)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            topic.refresh_from_db()
            try:
                services.topic_update(actor=request.user, topic=topic, data=form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Het onderwerp is bewaard."))
                return redirect(
                    "appointments:staff_topics", house_slug=desk.house.slug, desk_pk=desk.pk
                )
    return _render(
        request,
        "appointments/staff_topic_form.html",
        {"house": desk.house, "desk": desk, "topic": topic, "form": form},
        status,
    )
