"""Pages of activities: the public calendar, registering, the manage link, the organiser's
pages, news and the feeds."""

import json
import re
from datetime import date, timedelta
from itertools import groupby

from django.conf import settings
from django.contrib import messages
from django.contrib.syndication.views import Feed
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from huisvanhetkind.activities import access, ical, selectors, services
from huisvanhetkind.activities.forms import (
    ActivityForm,
    CalendarFilterForm,
    MessageForm,
    NewsForm,
    NumbersForm,
    PhoneRegistrationForm,
    RegistrationForm,
    SessionChangeForm,
    SessionsForm,
    ascii_int,
)
from huisvanhetkind.activities.models import Activity, NewsItem, Registration, Session
from huisvanhetkind.activities.workflow import RegistrationStatus
from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.core import csv as safe_csv
from huisvanhetkind.core import throttle
from huisvanhetkind.core.http import private_response
from huisvanhetkind.network.access import is_coordinator, professional_required
from huisvanhetkind.network.models import Location, Organisation

S = RegistrationStatus


def _by_day(sessions):
    return [
        (day, list(items))
        for day, items in groupby(sessions, key=lambda s: timezone.localdate(s.starts_at))
    ]


# --- Public: the calendar ----------------------------------------------------------------------


def _calendar_form(request, house, *, week_view: bool = False) -> CalendarFilterForm:
    form = CalendarFilterForm(
        request.GET or None, week_view=week_view, **selectors.calendar_filters(house)
    )
    if form.is_bound:
        form.is_valid()  # a filter that does not validate is left out, and the form says why
    return form


def _sessions(request, house, form, **extra):
    data = form.cleaned_data if form.is_bound else {}
    arguments = {
        "house": house,
        "age_group": data.get("leeftijd", ""),
        "domain": data.get("domein", ""),
        "municipality": data.get("gemeente", ""),
        "price": data.get("prijs", ""),
        "period": data.get("wanneer", ""),
        # An organisation's feed; a number that is not an id is ignored.
        "organisation": ascii_int(request.GET.get("organisatie", ""), low=1, high=MAX_ID),
    }
    arguments.update(extra)
    return selectors.upcoming_sessions(**arguments)


def _filtered_sessions(request, house, **extra):
    form = _calendar_form(request, house)
    return form, _sessions(request, house, form, **extra)


# How far ahead the calendar can be browsed, in weeks.
WEEKS_AHEAD = 104
# Sessions per page of the list by day (a cheap phone scrolls, then asks for the next ones),
# and how many pages can be browsed.
LIST_PAGE = 30
LIST_PAGES = 50
# What chooses the day, week or page on screen (the rest of the query string are the filters).
VIEW_PARAMETERS = ("weergave", "week", "datum", "pagina")
# The largest id a query string may name (a 64-bit primary key).
MAX_ID = 2**63 - 1


def _iso_week(monday: date) -> str:
    year, week, _weekday = monday.isocalendar()
    return f"{year}-W{week:02d}"


def _monday_of(text: str) -> date | None:
    """The Monday of an ISO week such as ``2026-W49``, or None."""
    match = re.fullmatch(r"([0-9]{4})-?W([0-9]{1,2})", text.strip(), flags=re.IGNORECASE)
    if not match:
        return None
    try:
        return date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
    except ValueError:
        return None


def _asked_week(text: str, chosen: date | None, today: date) -> tuple[date, str]:
    """The Monday of the week to show: of the chosen date, of the ``week`` parameter or this
    week; with a notice when the request could not be followed."""
    this_monday = today - timedelta(days=today.weekday())
    if chosen is not None:
        monday = chosen - timedelta(days=chosen.weekday())
    elif text.strip():
        monday = _monday_of(text)
        if monday is None:
            return this_monday, _(
                "We kennen de week '%(week)s' niet. Je ziet de activiteiten van deze week."
            ) % {"week": text.strip()[:20]}
    else:
        return this_monday, ""
    if monday < this_monday:
        return this_monday, _("Die week is al voorbij. Je ziet de activiteiten van deze week.")
    if monday > this_monday + timedelta(weeks=WEEKS_AHEAD):
        return this_monday, _(
            "Zo ver vooruit is er nog niets gepland. Je ziet de activiteiten van deze week."
        )
    return monday, ""


def _asked_day(chosen: date | None, today: date) -> tuple[date | None, str]:
    """The one day to show (None: every coming day), with a notice when it cannot be shown."""
    if chosen is None:
        return None, ""
    if chosen < today:
        return None, _("Die dag is al voorbij. Je ziet alle komende activiteiten.")
    if chosen > today + timedelta(weeks=WEEKS_AHEAD):
        return None, _("Zo ver vooruit is er nog niets gepland. Je ziet alle komende activiteiten.")
    return chosen, ""


def _calendar_query(request, **changes) -> str:
    """The filters on screen plus ``changes`` (an empty value removes a parameter)."""
    query = request.GET.copy()
    for name in (*VIEW_PARAMETERS, *changes):
        query.pop(name, None)
    for name, value in changes.items():
        if value:
            query[name] = value
    return query.urlencode()


def _week_context(request, house, form, monday: date, today: date) -> dict:
    sunday = monday + timedelta(days=6)
    # The week is the period here: "this week" or "weekend" of the list does not apply.
    sessions = list(
        _sessions(
            request,
            house,
            form,
            period="",
            date_from=monday,
            date_to=sunday,
            limit=selectors.CALENDAR_LIMIT + 1,
        )
    )
    # A week with more sessions than a page can hold shows the first ones; from the day of the
    # last one shown, each day links to its own pages.
    incomplete_from = None
    if len(sessions) > selectors.CALENDAR_LIMIT:
        sessions = sessions[: selectors.CALENDAR_LIMIT]
        incomplete_from = timezone.localdate(sessions[-1].starts_at)
    by_day = dict(_by_day(sessions))
    this_monday = today - timedelta(days=today.weekday())
    previous, following = monday - timedelta(weeks=1), monday + timedelta(weeks=1)
    return {
        "monday": monday,
        "sunday": sunday,
        "week": _iso_week(monday),
        "week_number": monday.isocalendar()[1],
        "week_days": [
            (day, by_day.get(day, []), _calendar_query(request, datum=day.isoformat(), wanneer=""))
            for day in (monday + timedelta(days=offset) for offset in range(7))
        ],
        "incomplete_from": incomplete_from,
        "week_limit": selectors.CALENDAR_LIMIT,
        "is_this_week": monday == this_monday,
        "previous_week": (previous, previous + timedelta(days=6))
        if previous >= this_monday
        else None,
        "next_week": (following, following + timedelta(days=6))
        if following <= this_monday + timedelta(weeks=WEEKS_AHEAD)
        else None,
        "previous_query": _calendar_query(
            request, weergave="week", week=_iso_week(previous), wanneer=""
        ),
        "this_week_query": _calendar_query(request, weergave="week", wanneer=""),
        "next_query": _calendar_query(
            request, weergave="week", week=_iso_week(following), wanneer=""
        ),
    }


def _list_context(request, house, form, day: date | None) -> dict:
    """One page of the coming sessions by day (of one chosen day, or of every coming day)."""
    page = ascii_int(request.GET.get("pagina", "1"), low=1, high=LIST_PAGES) or 1
    extra = {"date_from": day, "date_to": day} if day else {}
    offset = (page - 1) * LIST_PAGE
    # One more than a page: whether there is a next page, without counting them all.
    sessions = list(_sessions(request, house, form, offset=offset, limit=LIST_PAGE + 1, **extra))
    has_next = len(sessions) > LIST_PAGE and page < LIST_PAGES
    same_day = {"datum": day.isoformat()} if day else {}
    return {
        "chosen_day": day,
        "days": _by_day(sessions[:LIST_PAGE]),
        "page_number": page,
        "previous_page_query": _calendar_query(request, pagina=str(page - 1), **same_day)
        if page > 1
        else None,
        "next_page_query": _calendar_query(request, pagina=str(page + 1), **same_day)
        if has_next
        else None,
    }


def calendar(request):
    """The public calendar: the coming sessions per day (or those of one chosen day), or the
    seven days of a week with links to the other weeks. Plain links and forms, no JavaScript;
    a day or week that cannot be shown falls back with a notice."""
    house = request.house
    today = timezone.localdate()
    week_view = request.GET.get("weergave") == "week"
    form = _calendar_form(request, house, week_view=week_view)
    chosen = form.cleaned_data.get("datum") if form.is_bound else None
    context = {"house": house, "form": form, "week_view": week_view, "today": today}
    if week_view:
        monday, notice = _asked_week(request.GET.get("week", ""), chosen, today)
        context.update(_week_context(request, house, form, monday, today))
    else:
        day, notice = _asked_day(chosen, today)
        context.update(_list_context(request, house, form, day))
    context.update(
        notice=notice,
        query=_calendar_query(request),  # the feed follows the filters, not the day on screen
        day_view_query=_calendar_query(request, weergave=""),
        week_view_query=_calendar_query(request, weergave="week", wanneer=""),
    )
    return render(request, "activities/calendar.html", context)


def _json_ld(activity, sessions, request) -> str:
    url = request.build_absolute_uri(request.path)
    events = []
    for session in sessions:
        event = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": activity.title,
            "description": activity.summary or activity.description[:300],
            "startDate": session.starts_at.isoformat(),
            "endDate": session.ends_at.isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "url": url,
            "inLanguage": activity.language,
            "isAccessibleForFree": activity.is_free,
            "organizer": [
                {"@type": "Organization", "name": o.name} for o in activity.organisations.all()
            ],
        }
        if activity.online_url and not activity.location_id and not activity.place:
            event["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
            event["location"] = {"@type": "VirtualLocation", "url": activity.online_url}
        else:
            event["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
            event["location"] = {"@type": "Place", "name": activity.where}
        if activity.is_free:
            event["offers"] = {"@type": "Offer", "price": "0", "priceCurrency": "EUR"}
        elif activity.price is not None:
            event["offers"] = {
                "@type": "Offer",
                "price": str(activity.price),
                "priceCurrency": "EUR",
            }
        events.append(event)
    text = json.dumps(events, ensure_ascii=False)
    # Never let the content close the script element.
    return mark_safe(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def activity_detail(request, pk):
    house = request.house
    activity = selectors.public_activity(house=house, pk=pk)
    if activity is None:
        raise Http404
    sessions = list(selectors.upcoming_sessions(house=house, activity=activity, limit=20))
    return render(
        request,
        "activities/detail.html",
        {
            "house": house,
            "activity": activity,
            "sessions": sessions,
            "json_ld": _json_ld(activity, sessions, request),
        },
    )


def _public_session(house, pk) -> Session:
    return get_object_or_404(Session.objects.public(house).select_related("activity__house"), pk=pk)


def session_ics(request, pk):
    session = _public_session(request.house, pk)
    response = HttpResponse(
        ical.session_calendar(session), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="activiteit-{session.pk}.ics"'
    return response


def feed_ics(request):
    house = request.house
    _form, sessions = _filtered_sessions(request, house, with_places=False)
    name = _("Activiteiten van %(house)s") % {"house": house.name}
    body = ical.feed_calendar(name, house, sessions)
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


# --- Public: registering without an account ---------------------------------------------------


def _registration_fields(data: dict) -> dict:
    """What a registration form (the family's or the organiser's) hands to the service."""
    return {
        "name": data["name"],
        "email": data.get("email", ""),
        "phone": data.get("phone", ""),
        "adults": data["adults"],
        "children_ages": data["children_ages"],
        "social_tariff": data.get("social_tariff", False),
        "remarks": data.get("remarks", ""),
        "consent": data["consent"],
    }


# Rate limits of the public registration form, per hour. A family registers for a few sessions
# an hour and may correct the form a few times; a shared connection (a school, a library, a
# mobile network) carries a few families. Organisers registering a family by phone are not
# counted.
REGISTER_CLIENT_LIMIT = 30  # submissions of the form from one client (address or IPv6 /64)
REGISTER_SESSION_LIMIT = 5  # registrations from one client for one session
REGISTER_EMAIL_LIMIT = 10  # registrations with one e-mail address, from anywhere


def _registration_throttled(request, session, form) -> str:
    """Count a submission of the registration form; the Dutch reason when it is one too many
    (checked before anything is saved or e-mailed), else an empty string."""
    valid = form.is_valid()
    if not settings.REGISTRATION_RATE_LIMITS:
        return ""
    if not throttle.allow_client(request, "activity-register", limit=REGISTER_CLIENT_LIMIT):
        return _(
            "Van op deze verbinding werden het voorbije uur al veel inschrijvingen verstuurd. "
            "Probeer het over een uur opnieuw, of neem contact op met de organisator."
        )
    if not valid:
        return ""
    if not throttle.allow_client(
        request, f"activity-register-session:{session.pk}", limit=REGISTER_SESSION_LIMIT
    ):
        return _(
            "Van op deze verbinding werd het voorbije uur al een paar keer ingeschreven voor dit "
            "moment. Wil je je inschrijving wijzigen? Gebruik de link uit je bevestigingsmail, "
            "of neem contact op met de organisator."
        )
    email = form.cleaned_data.get("email", "").strip().lower()
    if email and not throttle.allow("activity-register-email", email, limit=REGISTER_EMAIL_LIMIT):
        return _(
            "Met dit e-mailadres werd het voorbije uur al vaak ingeschreven. "
            "Probeer het over een uur opnieuw."
        )
    return ""


def register(request, pk):
    house = request.house
    session = _public_session(house, pk)
    if not session.activity.needs_registration:
        raise Http404
    form = RegistrationForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        refused = _registration_throttled(request, session, form)
        if refused:
            form.add_error(None, refused)
            status = 429
    if status == 400 and form.is_valid():
        try:
            registration, signed = services.registration_create(
                session=session,
                **_registration_fields(form.cleaned_data),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if registration.status == S.CONFIRMED:
                messages.success(request, _("Je bent ingeschreven."))
            else:
                messages.info(
                    request,
                    _(
                        "Dit moment is volzet. Je staat op de wachtlijst en krijgt bericht als er een plaats vrijkomt."
                    ),
                )
            return redirect(services.manage_url(registration, signed))
    return render(
        request,
        "activities/register.html",
        {"house": house, "session": session, "activity": session.activity, "form": form},
        status=status,
    )


def manage(request, signed):
    """The family's own page behind the signed link: see, change the numbers, cancel."""
    house = request.house
    try:
        registration = services.registration_by_link(house=house, signed=signed)
    except ValidationError as error:
        response = render(
            request,
            "activities/link_invalid.html",
            {"house": house, "error": error.messages[0]},
            status=404,
        )
        return private_response(response)
    session = registration.session
    initial = {
        "adults": registration.adults,
        "children_ages": ", ".join(str(a) for a in registration.children_ages),
    }
    form = NumbersForm(initial=initial)
    status = 200
    if request.method == "POST":
        if request.POST.get("action") == "cancel":
            try:
                services.registration_cancel(registration=registration)
            except ValidationError as error:
                messages.error(request, error.messages[0])
            else:
                messages.success(request, _("Je inschrijving is geannuleerd."))
            return redirect(request.path)
        form = NumbersForm(request.POST)
        if form.is_valid():
            try:
                services.registration_change(
                    registration=registration,
                    adults=form.cleaned_data["adults"],
                    children_ages=form.cleaned_data["children_ages"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Je inschrijving is aangepast."))
                return redirect(request.path)
        status = 400
    response = render(
        request,
        "activities/manage.html",
        {"house": house, "registration": registration, "session": session, "form": form},
        status=status,
    )
    return private_response(response)


# --- Public: news ------------------------------------------------------------------------------


def news_list(request):
    house = request.house
    return render(
        request,
        "activities/news_list.html",
        {"house": house, "items": selectors.latest_news(house=house, limit=50)},
    )


def news_detail(request, pk):
    house = request.house
    item = get_object_or_404(NewsItem.objects.public(house).select_related("organisation"), pk=pk)
    return render(request, "activities/news_detail.html", {"house": house, "item": item})


class NewsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request):
        return request.house

    def title(self, house):
        return _("Nieuws van %(house)s") % {"house": house.name}

    def link(self, house):
        return reverse("activities:news", kwargs={"house_slug": house.slug})

    def subtitle(self, house):
        return house.tagline or self.title(house)

    def items(self, house):
        return selectors.latest_news(house=house, limit=30)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.body

    def item_link(self, item):
        return reverse(
            "activities:news_detail", kwargs={"house_slug": item.house.slug, "pk": item.pk}
        )

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at


news_feed = NewsFeed()


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
            services.registration_mark_attendance(
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
    registrations = list(selectors.session_registrations(session))
    audit_record(
        actor=request.user,
        action=AuditEvent.Action.READ,
        target=session.activity,
        house=activity.house,
        reason=_("inschrijvingen van een moment bekeken"),
        changes={"session": session.pk, "registrations": [r.pk for r in registrations]},
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
    registrations = list(selectors.session_registrations(session))
    audit_record(
        actor=request.user,
        action=AuditEvent.Action.READ,
        target=session.activity,
        house=session.activity.house,
        reason=_("inschrijvingen van een moment geëxporteerd"),
        changes={"session": session.pk, "export": "csv", "count": len(registrations)},
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
            registration, _signed = services.registration_create(
                session=session,
                **_registration_fields(form.cleaned_data),
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
        services.registration_cancel(registration=registration, actor=request.user)
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
        services.news_save(item=form.save(commit=False), actor=request.user)
        messages.success(request, _("Het nieuwsbericht is bewaard."))
        return redirect("activities:manage_news", house_slug=house.slug)
    return render(
        request, "activities/news_form.html", {"house": house, "form": form, "item": item}
    )
