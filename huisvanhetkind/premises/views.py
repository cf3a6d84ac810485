"""The rooms' pages (``/beheer/huis/<house>/zalen/``). For the professionals of the house's
partners: the rooms, a week per room (their own bookings, the others' as taken), booking,
their own calendar, the usage agreement and cancelling. For the coordinator: the rooms, the
terms, the requests by priority with their conflicts, and the export as JSON-LD.

Subscribing: on a room's page and on "my calendar" a professional makes a secret link (shown
once) at which a calendar program reads the room's taken times or the organisation's bookings
without logging in (``/<house>/zalen/agenda/<token>.ics``).

Views are thin: access in ``access``, writes in ``services``, reads in ``selectors``."""

import json
from datetime import datetime, timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from huisvanhetkind.core.forms import add_service_errors
from huisvanhetkind.core.http import private_response
from huisvanhetkind.network.access import professional_required
from huisvanhetkind.premises import access, selectors, services
from huisvanhetkind.premises.forms import (
    BookingForm,
    CategoryForm,
    DecisionForm,
    RoomForm,
    TermsForm,
)
from huisvanhetkind.premises.models import Room


def _render(request, template, context):
    return private_response(render(request, template, context))


def _week(request):
    monday = selectors.week_start(request.GET.get("week"), timezone.localdate())
    return monday, monday - timedelta(days=7), monday + timedelta(days=7)


@professional_required
def index(request):
    house, organisations, coordinator = access.get_house_for_rooms(request.user, request.house)
    rooms = Room.objects.filter(house=house)
    if not coordinator:
        rooms = rooms.filter(is_active=True)
    accepted = {o.pk: services.has_accepted(house, o) for o in organisations}
    return _render(
        request,
        "premises/index.html",
        {
            "house": house,
            "rooms": list(rooms),
            "organisations": organisations,
            "accepted": accepted,
            "all_accepted": all(accepted.values()),
            "coordinator": coordinator,
            "bookings": selectors.own_bookings(
                house, {o.pk for o in organisations}, timezone.now()
            ),
            "terms": services.terms_for(house),
        },
    )


def _links_by(user, house, attribute: str) -> dict:
    return {getattr(link, attribute): link for link in selectors.working_links(user, house)}


@professional_required
def room(request, pk):
    room, organisations, coordinator = access.get_room_for_user(request.user, request.house, pk)
    return _room_page(request, room, organisations, coordinator)


def _room_page(request, room, organisations, coordinator, new_link: str | None = None):
    monday, previous, following = _week(request)
    days = selectors.room_week(
        room, monday, organisation_ids={o.pk for o in organisations}, coordinator=coordinator
    )
    return _render(
        request,
        "premises/room.html",
        {
            "house": room.house,
            "room": room,
            "days": days,
            "monday": monday,
            "previous": previous,
            "following": following,
            "coordinator": coordinator,
            "can_book": bool(organisations) and room.is_active,
            "link": _links_by(request.user, room.house, "room_id").get(room.pk),
            # the week links lead to the room's page, also from the page a new link renders
            "week_base": reverse(
                "premises:room", kwargs={"house_slug": room.house.slug, "pk": room.pk}
            ),
            "new_link": new_link,
        },
    )


@professional_required
def partner_calendar(request):
    house, organisations, _coordinator = access.get_house_for_rooms(request.user, request.house)
    if not organisations:
        raise Http404
    return _partner_page(request, house, organisations)


def _partner_page(request, house, organisations, new_link=None):
    monday, previous, following = _week(request)
    links = _links_by(request.user, house, "organisation_id")
    days = selectors.partner_week(house, monday, {o.pk for o in organisations})
    return _render(
        request,
        "premises/partner_calendar.html",
        {
            "house": house,
            "days": days,
            "monday": monday,
            "previous": previous,
            "following": following,
            "organisations": organisations,
            "links": [(o, links.get(o.pk)) for o in organisations],
            "week_base": reverse("premises:partner_calendar", kwargs={"house_slug": house.slug}),
            "new_link": new_link,
        },
    )


# --- Subscribable calendars ----------------------------------------------------------------------


@professional_required
@require_POST
def room_link(request, pk):
    """A new secret link to the room's taken times (the old one stops working)."""
    room, organisations, coordinator = access.get_room_for_user(request.user, request.house, pk)
    _link, token = services.calendar_link_create(actor=request.user, house=room.house, room=room)
    new_link = selectors.feed_url(room.house, token)
    return _room_page(request, room, organisations, coordinator, new_link=new_link)


@professional_required
@require_POST
def organisation_link(request):
    """A new secret link to the bookings of one of the user's organisations."""
    house, organisations, _coordinator = access.get_house_for_rooms(request.user, request.house)
    chosen = [o for o in organisations if str(o.pk) == request.POST.get("organisation")]
    if not chosen:
        raise Http404
    _link, token = services.calendar_link_create(
        actor=request.user, house=house, organisation=chosen[0]
    )
    new_link = (chosen[0], selectors.feed_url(house, token))
    return _partner_page(request, house, organisations, new_link=new_link)


@professional_required
@require_POST
def link_revoke(request, pk):
    link = access.get_calendar_link_for_user(request.user, request.house, pk)
    services.calendar_link_revoke(actor=request.user, link=link)
    messages.success(request, _("De agendalink is ingetrokken: hij werkt niet meer."))
    if link.room_id is not None:
        return redirect("premises:room", house_slug=link.house.slug, pk=link.room_id)
    return redirect("premises:partner_calendar", house_slug=link.house.slug)


def subscribed_feed(request, token):
    """The feed of a secret link, for calendar programs (no log-in)."""
    link = access.get_calendar_link(request.house, token)
    response = HttpResponse(
        selectors.link_calendar(link, timezone.now()),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="agenda.ics"'
    return private_response(response)


@professional_required
def agreement(request):
    house, organisations, _coordinator = access.get_house_for_rooms(request.user, request.house)
    if not organisations:
        raise Http404
    if request.method == "POST":
        chosen = [o for o in organisations if str(o.pk) == request.POST.get("organisation")]
        if not chosen or request.POST.get("accept") != "yes":
            messages.error(request, _("Vink aan dat je de gebruiksovereenkomst aanvaardt."))
        else:
            services.agreement_accept(actor=request.user, house=house, organisation=chosen[0])
            messages.success(request, _("De gebruiksovereenkomst is aanvaard."))
            return redirect("premises:index", house_slug=house.slug)
    return _render(
        request,
        "premises/agreement.html",
        {
            "house": house,
            "terms": services.terms_for(house),
            "organisations": [(o, services.has_accepted(house, o)) for o in organisations],
        },
    )


@professional_required
def book(request, pk):
    room, organisations, _coordinator = access.get_room_for_user(request.user, request.house, pk)
    if not organisations or not room.is_active:
        raise Http404
    form = BookingForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        tz = timezone.get_current_timezone()
        organisation = next(o for o in organisations if o.pk == data["organisation"])
        try:
            created = services.booking_request(
                actor=request.user,
                house=room.house,
                organisation=organisation,
                room=room,
                title=data["title"],
                attendees=data["attendees"],
                starts_at=datetime.combine(data["day"], data["starts"], tzinfo=tz),
                ends_at=datetime.combine(data["day"], data["ends"], tzinfo=tz),
                buffer_before=data["buffer_before"],
                buffer_after=data["buffer_after"],
                weeks=data["weeks"],
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                error = ValidationError(
                    {
                        {"starts_at": "starts", "ends_at": "ends"}.get(k, k): v
                        for k, v in error.error_dict.items()
                    }
                )
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Je aanvraag is verstuurd (%(n)s keer); de coördinator beslist.")
                % {"n": len(created)},
            )
            return redirect("premises:index", house_slug=room.house.slug)
    return _render(
        request,
        "premises/book.html",
        {"house": room.house, "room": room, "form": form, "terms": services.terms_for(room.house)},
    )


@professional_required
def room_feed(request, pk):
    room, _organisations, _coordinator = access.get_room_for_user(request.user, request.house, pk)
    response = HttpResponse(
        selectors.room_calendar(room, timezone.now()), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="zaal-{room.pk}.ics"'
    return private_response(response)


@professional_required
@require_POST
def cancel(request, pk):
    house, organisations, coordinator = access.get_house_for_rooms(request.user, request.house)
    if coordinator:
        booking = access.get_booking_for_coordinator(request.user, request.house, pk)
    else:
        booking = access.get_booking_for_partner(request.user, request.house, pk)
    try:
        services.booking_cancel(actor=request.user, booking=booking, by_coordinator=coordinator)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("De reservatie is geannuleerd."))
    return redirect("premises:index", house_slug=house.slug)


# --- The coordinator -----------------------------------------------------------------------------


@professional_required
def room_new(request):
    house = access.get_house_for_coordinator(request.user, request.house)
    form = RoomForm(request.POST or None, instance=Room(house=house))
    if request.method == "POST" and form.is_valid():
        try:
            services.room_create(actor=request.user, house=house, data=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De zaal is toegevoegd."))
            return redirect("premises:index", house_slug=house.slug)
    return _render(request, "premises/room_form.html", {"house": house, "form": form})


@professional_required
def room_edit(request, pk):
    house = access.get_house_for_coordinator(request.user, request.house)
    room, _organisations, _coordinator = access.get_room_for_user(request.user, request.house, pk)
    form = RoomForm(request.POST or None, instance=Room.objects.get(pk=room.pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.room_update(actor=request.user, room=room, data=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De zaal is bewaard."))
            return redirect("premises:room", house_slug=house.slug, pk=room.pk)
    return _render(request, "premises/room_form.html", {"house": house, "form": form, "room": room})


@professional_required
def terms(request):
    house = access.get_house_for_coordinator(request.user, request.house)
    form = TermsForm(request.POST or None, instance=services.terms_for(house))
    if request.method == "POST" and form.is_valid():
        services.terms_save(actor=request.user, house=house, data=form.cleaned_data)
        messages.success(request, _("De voorwaarden zijn bewaard."))
        return redirect("premises:index", house_slug=house.slug)
    return _render(request, "premises/terms.html", {"house": house, "form": form})


@professional_required
def requests(request):
    house = access.get_house_for_coordinator(request.user, request.house)
    return _render(
        request,
        "premises/requests.html",
        {
            "house": house,
            "pending": selectors.pending_requests(house),
            "categories": CategoryForm.base_fields["category"].choices,
        },
    )


@professional_required
@require_POST
def decide(request, pk):
    booking = access.get_booking_for_coordinator(request.user, request.house, pk)
    form = DecisionForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Kies goedkeuren of afwijzen."))
        if form.cleaned_data["decision"] == "approve":
            services.booking_approve(actor=request.user, booking=booking)
            messages.success(request, _("De reservatie is goedgekeurd."))
        else:
            services.booking_decline(
                actor=request.user, booking=booking, reason=form.cleaned_data["reason"]
            )
            messages.success(request, _("De reservatie is afgewezen."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("premises:requests", house_slug=booking.room.house.slug)


@professional_required
@require_POST
def category(request, pk):
    booking = access.get_booking_for_coordinator(request.user, request.house, pk)
    try:
        services.booking_set_category(
            actor=request.user, booking=booking, category=request.POST.get("category", "")
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(reverse("premises:requests", kwargs={"house_slug": request.house.slug}))


@professional_required
def export(request):
    house = access.get_house_for_coordinator(request.user, request.house)
    data = selectors.bookings_jsonld(house, selectors.export_bookings(house))
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1),
        content_type="application/ld+json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="zaalreservaties-{house.slug}.jsonld"'
    return private_response(response)
