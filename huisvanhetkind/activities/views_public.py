"""Public pages of activities: the calendar, an activity, the feeds, registering without an
account, the family's manage link, and news. The calendar's date rules are in ``calendar``."""

from datetime import date, timedelta
from itertools import groupby

from django.conf import settings
from django.contrib import messages
from django.contrib.syndication.views import Feed
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from huisvanhetkind.activities import calendar as dates
from huisvanhetkind.activities import ical, selectors, services_registrations
from huisvanhetkind.activities.forms import (
    CalendarFilterForm,
    NumbersForm,
    RegistrationForm,
    ascii_int,
    registration_arguments,
)
from huisvanhetkind.activities.models import NewsItem, Session
from huisvanhetkind.activities.workflow import RegistrationStatus
from huisvanhetkind.core import throttle
from huisvanhetkind.core.http import private_response
from huisvanhetkind.core.jsonld import jsonld_script_text
from huisvanhetkind.core.page_cache import shared_form_page, shared_page
from huisvanhetkind.core.pdf import pdf_response

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


# Kept here for the views that read them (the rules are in ``calendar``).
LIST_PAGE = dates.LIST_PAGE
# What chooses the day, week or page on screen (the rest of the query string are the filters).
VIEW_PARAMETERS = ("weergave", "week", "datum", "pagina")
# The largest id a query string may name (a 64-bit primary key).
MAX_ID = 2**63 - 1


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
    days = dates.week_days(monday)
    # The week is the period here: "this week" or "weekend" of the list does not apply.
    sessions = list(
        _sessions(
            request,
            house,
            form,
            period="",
            date_from=days[0],
            date_to=days[-1],
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
    neighbours = dates.neighbour_weeks(monday, today)
    previous = monday - timedelta(weeks=1)
    following = monday + timedelta(weeks=1)
    return {
        "monday": monday,
        "sunday": days[-1],
        "week": dates.iso_week(monday),
        "week_number": monday.isocalendar()[1],
        "week_days": [
            (day, by_day.get(day, []), _calendar_query(request, datum=day.isoformat(), wanneer=""))
            for day in days
        ],
        "incomplete_from": incomplete_from,
        "week_limit": selectors.CALENDAR_LIMIT,
        "is_this_week": monday == dates.monday_of(today),
        "previous_week": neighbours["previous"],
        "next_week": neighbours["next"],
        "previous_query": _calendar_query(
            request, weergave="week", week=dates.iso_week(previous), wanneer=""
        ),
        "this_week_query": _calendar_query(request, weergave="week", wanneer=""),
        "next_query": _calendar_query(
            request, weergave="week", week=dates.iso_week(following), wanneer=""
        ),
    }


def _list_context(request, house, form, day: date | None) -> dict:
    """One page of the coming sessions by day (of one chosen day, or of every coming day)."""
    page = dates.asked_page(request.GET.get("pagina", "1"))
    extra = {"date_from": day, "date_to": day} if day else {}
    offset = (page - 1) * dates.LIST_PAGE
    # One more than a page: whether there is a next page, without counting them all.
    sessions = list(
        _sessions(request, house, form, offset=offset, limit=dates.LIST_PAGE + 1, **extra)
    )
    has_next = len(sessions) > dates.LIST_PAGE and page < dates.LIST_PAGES
    same_day = {"datum": day.isoformat()} if day else {}
    return {
        "chosen_day": day,
        "days": _by_day(sessions[: dates.LIST_PAGE]),
        "page_number": page,
        "previous_page_query": _calendar_query(request, pagina=str(page - 1), **same_day)
        if page > 1
        else None,
        "next_page_query": _calendar_query(request, pagina=str(page + 1), **same_day)
        if has_next
        else None,
    }


@shared_page
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
        monday, notice = dates.asked_week(request.GET.get("week", ""), chosen, today)
        context.update(_week_context(request, house, form, monday, today))
    else:
        day, notice = dates.asked_day(chosen, today)
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
    return jsonld_script_text(events)


@shared_page
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
    """A session of this house's public calendar; its house is the request's (not read again)."""
    session = get_object_or_404(Session.objects.public(house), pk=pk)
    session.activity.house = house
    return session


@shared_page
def session_ics(request, pk):
    session = _public_session(request.house, pk)
    response = HttpResponse(
        ical.session_calendar(session), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="activiteit-{session.pk}.ics"'
    return response


@shared_page
def feed_ics(request):
    house = request.house
    _form, sessions = _filtered_sessions(request, house, with_places=False)
    name = _("Activiteiten van %(house)s") % {"house": house.name}
    body = ical.feed_calendar(name, house, sessions)
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


# --- Public: registering without an account ---------------------------------------------------


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


@shared_form_page
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
            registration, signed = services_registrations.registration_create(
                session=session,
                **registration_arguments(form.cleaned_data),
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
            return redirect(services_registrations.manage_url(registration, signed))
    return render(
        request,
        "activities/register.html",
        {"house": house, "session": session, "activity": session.activity, "form": form},
        status=status,
    )


def _invalid_link(request, house, error: ValidationError):
    response = render(
        request,
        "activities/link_invalid.html",
        {"house": house, "error": error.messages[0]},
        status=404,
    )
    return private_response(response)


def _manage_context(request, registration, signed, form) -> dict:
    return {
        "house": request.house,
        "registration": registration,
        "session": registration.session,
        "form": form,
        # The page's own address, written on the page and its printed slip.
        "manage_link": request.build_absolute_uri(
            services_registrations.manage_url(registration, signed)
        ),
        "pdf_url": reverse(
            "activities:manage_pdf", kwargs={"house_slug": request.house.slug, "signed": signed}
        ),
    }


def manage(request, signed):
    """The family's own page behind the signed link: see, change the numbers, cancel."""
    house = request.house
    try:
        registration = services_registrations.registration_by_link(house=house, signed=signed)
    except ValidationError as error:
        return _invalid_link(request, house, error)
    initial = {
        "adults": registration.adults,
        "children_ages": ", ".join(str(a) for a in registration.children_ages),
    }
    form = NumbersForm(initial=initial)
    status = 200
    if request.method == "POST":
        if request.POST.get("action") == "cancel":
            try:
                services_registrations.registration_cancel(registration=registration)
            except ValidationError as error:
                messages.error(request, error.messages[0])
            else:
                messages.success(request, _("Je inschrijving is geannuleerd."))
            return redirect(request.path)
        form = NumbersForm(request.POST)
        if form.is_valid():
            try:
                services_registrations.registration_change(
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
        _manage_context(request, registration, signed, form),
        status=status,
    )
    return private_response(response)


def manage_pdf(request, signed):
    """The family's slip of its registration (when, where, who, the link): the manage page as it
    prints, as a PDF. The same link, the same refusals as the page."""
    house = request.house
    try:
        registration = services_registrations.registration_by_link(house=house, signed=signed)
    except ValidationError as error:
        return _invalid_link(request, house, error)
    session = registration.session
    context = _manage_context(request, registration, signed, NumbersForm())
    filename = f"{session.activity.title}-{timezone.localtime(session.starts_at):%Y-%m-%d}"
    return private_response(
        pdf_response(request, "activities/manage.html", context, filename=filename, inline=True)
    )


# --- Public: news ------------------------------------------------------------------------------


@shared_page
def news_list(request):
    house = request.house
    return render(
        request,
        "activities/news_list.html",
        {"house": house, "items": selectors.latest_news(house=house, limit=50)},
    )


@shared_page
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
