"""The family's pages of the appointments (``/<house>/afspraak/``), without an account: the
desks that take appointments, a desk's topics, a week of free slots (week navigation by links),
the booking form, and the appointment behind the signed link of the e-mail (see, change to
another slot, cancel). They work without JavaScript."""

from datetime import date, timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from huisvanhetkind.appointments import access, selectors, services
from huisvanhetkind.appointments.forms import BookingForm, slot_from
from huisvanhetkind.appointments.workflow import AppointmentStatus as S
from huisvanhetkind.core.forms import add_service_errors
from huisvanhetkind.core.http import private_response


def _desk(request, desk_slug):
    access.get_house_or_404(request.house)
    desk = selectors.public_desk(request.house, desk_slug)
    if desk is None:
        raise Http404
    return desk


def _topic(desk, topic_pk):
    for topic in desk.appointment_topics.all():
        if str(topic.pk) == str(topic_pk):
            return topic
    raise Http404


LOOK_AHEAD_WEEKS = 5  # without ?week=, the first week with a free slot among these


def _week_context(request, desk, exclude=None) -> dict:
    """A week of free slots: the Monday asked for (``?week=``, kept within today's week and the
    horizon), or else the first week with a free slot; with the Mondays of the previous and
    next week when those can be shown. The same queries whichever week is shown."""
    settings = desk.appointment_settings
    today = timezone.localdate()
    first = selectors.week_start(today)
    last = selectors.week_start(today + timedelta(days=settings.horizon_days))
    try:
        week = selectors.week_start(date.fromisoformat(request.GET.get("week", "")))
        span = 7
    except ValueError:
        week, span = None, 7 * LOOK_AHEAD_WEEKS
    start = min(max(week, first), last) if week else first
    days = [
        day
        for day in selectors.desk_slots(
            desk, settings, start, start + timedelta(days=span), exclude=exclude
        )
        if day.bookable
    ]
    if week is None:
        week = selectors.week_start(days[0].day) if days else first
        days = [day for day in days if week <= day.day < week + timedelta(days=7)]
    week = min(max(week, first), last)
    return {
        "week": week,
        "week_end": week + timedelta(days=6),
        "previous": week - timedelta(days=7) if week > first else None,
        "following": week + timedelta(days=7) if week < last else None,
        "days": days,
    }


def desks(request):
    house = access.get_house_or_404(request.house)
    return render(
        request,
        "appointments/desks.html",
        {"house": house, "desks": selectors.bookable_desks(house)},
    )


def desk(request, desk_slug):
    found = _desk(request, desk_slug)
    return render(
        request,
        "appointments/desk.html",
        {"house": request.house, "desk": found, "topics": list(found.appointment_topics.all())},
    )


def week(request, desk_slug, topic_pk):
    found = _desk(request, desk_slug)
    topic = _topic(found, topic_pk)
    return render(
        request,
        "appointments/week.html",
        {"house": request.house, "desk": found, "topic": topic, **_week_context(request, found)},
    )


def book(request, desk_slug, topic_pk):
    found = _desk(request, desk_slug)
    topic = _topic(found, topic_pk)
    form = BookingForm(request.POST or None, initial={"tijd": request.GET.get("tijd", "")})
    moment = slot_from(
        request.POST.get("tijd") if request.method == "POST" else request.GET.get("tijd")
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                appointment, signed = services.appointment_book(
                    actor=None,
                    desk=found,
                    topic=topic,
                    starts_at=data["tijd"],
                    name=data["name"],
                    email=data["email"],
                    phone=data["phone"],
                    language=data["language"],
                    interpreter=data["interpreter"],
                    interpreter_language=data["interpreter_language"],
                    wheelchair=data["wheelchair"],
                    note=data["note"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Je afspraak is geboekt. Je krijgt een e-mail met deze link."),
                )
                return redirect(
                    reverse(
                        "appointments:mine",
                        kwargs={"house_slug": request.house.slug, "signed": signed},
                    )
                )
    response = render(
        request,
        "appointments/book.html",
        {"house": request.house, "desk": found, "topic": topic, "form": form, "moment": moment},
        status=status,
    )
    return private_response(response)


def mine(request, signed):
    appointment = access.get_appointment_for_link(request.house, signed)
    return private_response(
        render(
            request,
            "appointments/mine.html",
            {
                "house": request.house,
                "appointment": appointment,
                "desk": appointment.desk,
                "topic": appointment.topic,
                "signed": signed,
                "can_change": appointment.status == S.BOOKED
                and appointment.starts_at > timezone.now(),
            },
        )
    )


def change(request, signed):
    appointment = access.get_appointment_for_link(request.house, signed)
    if appointment.status != S.BOOKED or appointment.starts_at <= timezone.now():
        raise Http404
    desk = appointment.desk
    error = ""
    status = 200
    if request.method == "POST":
        status = 400
        try:
            services.appointment_change(
                actor=None,
                appointment=appointment,
                starts_at=slot_from(request.POST.get("tijd")),
            )
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            messages.success(
                request, _("Je afspraak is verplaatst. Het oude tijdstip is weer vrij.")
            )
            return redirect("appointments:mine", house_slug=request.house.slug, signed=signed)
    context = {
        "house": request.house,
        "appointment": appointment,
        "desk": desk,
        "topic": appointment.topic,
        "signed": signed,
        "error": error,
        **_week_context(request, desk, exclude=appointment),
    }
    return private_response(render(request, "appointments/change.html", context, status=status))


@require_POST
def cancel(request, signed):
    appointment = access.get_appointment_for_link(request.house, signed)
    try:
        services.appointment_cancel_by_family(appointment=appointment)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("appointments:mine", house_slug=request.house.slug, signed=signed)
    messages.success(request, _("Je afspraak is geannuleerd. Het tijdstip is weer vrij."))
    return redirect("appointments:desks", house_slug=request.house.slug)
