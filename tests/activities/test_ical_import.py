"""Importing a partner's own iCalendar feed: one activity per event, idempotent by UID."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from huisvanhetkind.activities import services_registrations
from huisvanhetkind.activities.ical_import import MAX_BYTES, ical_import, parse_feed
from huisvanhetkind.activities.models import Activity, ImportedEvent, Registration, Session
from huisvanhetkind.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

BRUSSELS = ZoneInfo("Europe/Brussels")
SOURCE = "https://opvoedingspunt.example.be/agenda.ics"


def next_weekday(weekday: int, *, weeks: int = 1) -> date:
    """A date ``weeks`` weeks from now that falls on ``weekday`` (0 = Monday)."""
    today = timezone.localdate()
    return today + timedelta(days=(weekday - today.weekday()) % 7 + 7 * weeks)


def stamp(day: date, hour: int, minute: int = 0) -> str:
    return datetime.combine(day, time(hour, minute)).strftime("%Y%m%dT%H%M%S")


def vevent(
    uid="speelbabbel@opvoedingspunt.example.be",
    *,
    day=None,
    hour=9,
    minutes=120,
    summary="Speelbabbel",
    extra=(),
):
    day = day or next_weekday(1)
    start = datetime.combine(day, time(hour))
    end = start + timedelta(minutes=minutes)
    lines = ["BEGIN:VEVENT"]
    if uid:
        lines.append(f"UID:{uid}")
    lines += [
        f"DTSTAMP:{stamp(day, 8)}Z",
        f"DTSTART;TZID=Europe/Brussels:{start:%Y%m%dT%H%M%S}",
        f"DTEND;TZID=Europe/Brussels:{end:%Y%m%dT%H%M%S}",
        f"SUMMARY:{summary}",
        "LOCATION:Huis van het Kind\\, Kerkstraat 1\\, Kalmthout",
        *extra,
        "END:VEVENT",
    ]
    return "\r\n".join(lines)


def ics(*events: str) -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Opvoedingspunt//agenda//NL", *events]
    return ("\r\n".join([*lines, "END:VCALENDAR", ""])).encode()


def run(house, organisation, data, *, source=SOURCE, actor=None, dry_run=False):
    return ical_import(
        house=house,
        organisation=organisation,
        data=data,
        source=source,
        actor=actor,
        dry_run=dry_run,
    )


def snapshot():
    """Everything an import may write, to prove that a second one writes nothing."""
    return (
        list(Activity.objects.values().order_by("pk")),
        list(Session.objects.values().order_by("pk")),
        list(ImportedEvent.objects.values().order_by("pk")),
        AuditEvent.objects.count(),
    )


def test_single_event_becomes_a_published_activity_with_one_session(house, organisation, worker):
    day = next_weekday(2)

    report = run(house, organisation, ics(vevent(day=day)), actor=worker)

    assert (report.created, report.saved, report.has_problems) == (1, True, False)
    activity = Activity.objects.get()
    assert activity.title == "Speelbabbel"
    assert activity.status == Activity.Status.PUBLISHED
    assert activity.registration == Activity.RegistrationMode.NONE
    assert activity.place == "Huis van het Kind, Kerkstraat 1, Kalmthout"
    assert list(activity.organisations.all()) == [organisation]
    session = activity.sessions.get()
    assert session.starts_at == datetime.combine(day, time(9), BRUSSELS)
    assert session.ends_at == datetime.combine(day, time(11), BRUSSELS)
    imported = ImportedEvent.objects.get()
    assert (imported.uid, imported.source, imported.activity) == (
        "speelbabbel@opvoedingspunt.example.be",
        SOURCE,
        activity,
    )
    assert AuditEvent.objects.filter(action=AuditEvent.Action.CREATE, actor=worker).exists()


def test_weekly_rule_with_exdate_becomes_one_activity_with_its_sessions(house, organisation):
    first = next_weekday(1)
    skipped = first + timedelta(weeks=2)
    event = vevent(
        day=first,
        extra=[
            "RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=6",
            f"EXDATE;TZID=Europe/Brussels:{stamp(skipped, 9)}",
        ],
    )

    run(house, organisation, ics(event))

    activity = Activity.objects.get()
    days = [timezone.localtime(s.starts_at).date() for s in activity.sessions.all()]
    assert days == [first + timedelta(weeks=w) for w in (0, 1, 3, 4, 5)]
    assert {timezone.localtime(s.starts_at).time() for s in activity.sessions.all()} == {time(9)}
    assert activity.recurrence == "FREQ=WEEKLY;COUNT=6;BYDAY=TU"
    assert activity.exception_dates == [skipped.isoformat()]


def test_endless_rule_stops_a_year_ahead_and_skips_the_past(house, organisation):
    long_ago = next_weekday(1) - timedelta(weeks=150)
    event = vevent(day=long_ago, extra=["RRULE:FREQ=WEEKLY;BYDAY=TU"])

    run(house, organisation, ics(event))

    sessions = list(Session.objects.all())
    assert 51 <= len(sessions) <= 53
    assert sessions[0].starts_at >= timezone.now()
    assert sessions[-1].starts_at <= timezone.now() + timedelta(days=366)


def test_rule_in_utc_until_and_a_floating_time_respect_their_time_zones(house, organisation):
    first = next_weekday(0)
    utc_event = "\r\n".join(
        [
            "BEGIN:VEVENT",
            "UID:utc@example.be",
            f"DTSTART:{stamp(first, 8)}Z",
            "DURATION:PT1H30M",
            f"RRULE:FREQ=DAILY;UNTIL={stamp(first + timedelta(days=2), 8)}Z",
            "SUMMARY:Ochtendwandeling",
            "END:VEVENT",
        ]
    )
    floating = "\r\n".join(
        [
            "BEGIN:VEVENT",
            "UID:floating@example.be",
            f"DTSTART:{stamp(first, 14)}",
            f"DTEND:{stamp(first, 15)}",
            "SUMMARY:Voorleesuur",
            "END:VEVENT",
        ]
    )

    run(house, organisation, ics(utc_event, floating))

    walk = Activity.objects.get(title="Ochtendwandeling")
    starts = [s.starts_at for s in walk.sessions.all()]
    assert starts == [datetime.combine(first + timedelta(days=d), time(8), UTC) for d in range(3)]
    assert walk.sessions.first().ends_at - starts[0] == timedelta(minutes=90)
    reading = Activity.objects.get(title="Voorleesuur").sessions.get()
    assert reading.starts_at == datetime.combine(first, time(14), BRUSSELS)


def test_all_day_event_lasts_the_day(house, organisation):
    day = next_weekday(5)
    event = "\r\n".join(
        [
            "BEGIN:VEVENT",
            "UID:speeldag@example.be",
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            "SUMMARY:Speeldag",
            "END:VEVENT",
        ]
    )

    run(house, organisation, ics(event))

    session = Session.objects.get()
    assert session.starts_at == datetime.combine(day, time.min, BRUSSELS)
    assert session.ends_at == datetime.combine(day + timedelta(days=1), time.min, BRUSSELS)
    assert session.note == "hele dag"


def test_recurrence_id_override_changes_that_one_session_or_cancels_it(house, organisation):
    first = next_weekday(1)
    moved, cancelled = first + timedelta(weeks=1), first + timedelta(weeks=2)
    series = vevent(day=first, extra=["RRULE:FREQ=WEEKLY;COUNT=4"])
    afternoon = vevent(
        day=moved,
        hour=14,
        summary="Speelbabbel in de namiddag",
        extra=[f"RECURRENCE-ID;TZID=Europe/Brussels:{stamp(moved, 9)}"],
    )
    off = vevent(
        day=cancelled,
        extra=[f"RECURRENCE-ID;TZID=Europe/Brussels:{stamp(cancelled, 9)}", "STATUS:CANCELLED"],
    )

    report = run(house, organisation, ics(series, afternoon, off))

    assert report.created == 1
    sessions = list(Activity.objects.get().sessions.all())
    assert len(sessions) == 4
    assert timezone.localtime(sessions[1].starts_at) == datetime.combine(moved, time(14), BRUSSELS)
    assert sessions[1].note == "Speelbabbel in de namiddag"
    assert [s.is_cancelled for s in sessions] == [False, False, True, False]


def test_reimporting_the_same_feed_changes_nothing(house, organisation, worker):
    first = next_weekday(1)
    feed = ics(
        vevent(day=first, extra=["RRULE:FREQ=WEEKLY;COUNT=5"]),
        vevent(
            day=first + timedelta(weeks=1),
            hour=14,
            extra=[f"RECURRENCE-ID;TZID=Europe/Brussels:{stamp(first + timedelta(weeks=1), 9)}"],
        ),
        vevent("slaap@example.be", day=next_weekday(3), summary="Slaapworkshop"),
    )
    run(house, organisation, feed, actor=worker)
    before = snapshot()

    report = run(house, organisation, feed, actor=worker)

    assert (report.created, report.updated, report.unchanged, report.cancelled) == (0, 0, 2, 0)
    assert snapshot() == before


def test_changed_event_updates_its_activity_and_keeps_the_session(house, organisation):
    day = next_weekday(2)
    run(house, organisation, ics(vevent(day=day)))
    activity = Activity.objects.get()
    activity.registration = Activity.RegistrationMode.REQUIRED
    activity.capacity = 10
    activity.save()
    session = activity.sessions.get()
    services_registrations.registration_create(
        session=session, name="Sara Peeters", email="sara@example.be", adults=1, children_ages=[1]
    )

    report = run(
        house,
        organisation,
        ics(vevent(day=day + timedelta(days=1), hour=10, summary="Speelbabbel (nieuwe dag)")),
    )

    assert report.updated == 1
    assert "titel" in report.outcomes[0].changes
    activity.refresh_from_db()
    assert activity.title == "Speelbabbel (nieuwe dag)"
    assert activity.needs_registration  # what the feed does not say is left alone
    moved = activity.sessions.get()
    assert moved.pk == session.pk
    assert moved.starts_at == datetime.combine(day + timedelta(days=1), time(10), BRUSSELS)
    assert moved.registrations.count() == 1


def test_changed_rule_cancels_the_sessions_it_no_longer_has(house, organisation):
    first = next_weekday(1)
    run(house, organisation, ics(vevent(day=first, extra=["RRULE:FREQ=WEEKLY;COUNT=4"])))

    report = run(house, organisation, ics(vevent(day=first, extra=["RRULE:FREQ=WEEKLY;COUNT=2"])))

    assert report.updated == 1
    assert [s.is_cancelled for s in Session.objects.all()] == [False, False, True, True]


def test_cancelled_event_cancels_the_activity_and_a_new_one_is_skipped(house, organisation):
    run(house, organisation, ics(vevent()))

    report = run(
        house,
        organisation,
        ics(
            vevent(extra=["STATUS:CANCELLED"]),
            vevent("nieuw@example.be", extra=["STATUS:CANCELLED"]),
        ),
    )

    assert (report.cancelled, report.skipped, report.created) == (1, 1, 0)
    activity = Activity.objects.get()
    assert activity.status == Activity.Status.CANCELLED
    assert activity.sessions.get().is_cancelled


def test_disappeared_event_gets_its_future_sessions_cancelled_and_registrations_kept(
    house, organisation, on_commit
):
    run(house, organisation, ics(vevent(), vevent("slaap@example.be", summary="Slaapworkshop")))
    workshop = Activity.objects.get(title="Slaapworkshop")
    workshop.registration = Activity.RegistrationMode.REQUIRED
    workshop.capacity = 10
    workshop.save()
    registration, _signed = services_registrations.registration_create(
        session=workshop.sessions.get(),
        name="Sara Peeters",
        email="sara@example.be",
        adults=1,
        children_ages=[1],
    )
    mail.outbox.clear()

    with on_commit():
        report = run(house, organisation, ics(vevent()))

    assert (report.unchanged, report.cancelled) == (1, 1)
    assert workshop.sessions.get().is_cancelled
    assert Registration.objects.filter(pk=registration.pk).exists()
    assert [m.to for m in mail.outbox] == [["sara@example.be"]]
    assert not Activity.objects.get(title="Speelbabbel").sessions.get().is_cancelled


def test_another_feed_of_the_same_organisation_does_not_cancel_this_one(house, organisation):
    run(house, organisation, ics(vevent()))

    run(house, organisation, ics(vevent("ander@example.be")), source="vorming.ics")

    assert Session.objects.filter(is_cancelled=False).count() == 2


def test_sessions_added_by_hand_are_left_alone(house, organisation):
    run(house, organisation, ics(vevent()))
    activity = Activity.objects.get()
    extra = timezone.now().replace(microsecond=0) + timedelta(days=20)
    by_hand = Session.objects.create(
        activity=activity, starts_at=extra, ends_at=extra + timedelta(hours=1)
    )

    run(house, organisation, ics(vevent(summary="Speelbabbel!")))

    by_hand.refresh_from_db()
    assert not by_hand.is_cancelled


def test_same_uid_of_another_organisation_is_another_activity(
    house, organisation, other_organisation
):
    run(house, organisation, ics(vevent()))
    run(house, other_organisation, ics(vevent()))

    assert Activity.objects.count() == 2


def test_dry_run_reports_and_saves_nothing(house, organisation):
    report = run(house, organisation, ics(vevent()), dry_run=True)

    assert (report.created, report.saved) == (1, False)
    assert not Activity.objects.exists()
    assert not AuditEvent.objects.exists()


# --- Bad input: a clear Dutch message, nothing changed ----------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Dit is gewoon tekst.", "geen iCalendar-bestand"),
        (b"<html><body>Agenda</body></html>", "geen iCalendar-bestand"),
        (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nkapot\r\n", "beschadigd"),
        (ics(), "geen activiteiten"),
        (b"BEGIN:VCALENDAR\r\n" + b"X" * MAX_BYTES, "groter dan 2 MB"),
    ],
    ids=["text", "html", "broken", "empty", "too-big"],
)
def test_unusable_file_is_refused_with_a_dutch_message(house, organisation, data, message):
    run(house, organisation, ics(vevent()))
    before = snapshot()

    with pytest.raises(ValidationError) as error:
        run(house, organisation, data)

    assert message in error.value.messages[0]
    assert snapshot() == before


@pytest.mark.parametrize(
    ("event", "message"),
    [
        (vevent(uid=""), "geen UID"),
        (
            "BEGIN:VEVENT\r\nUID:x@example.be\r\nSUMMARY:Zonder begin\r\nEND:VEVENT",
            "Het begin (DTSTART) ontbreekt",
        ),
        (
            "BEGIN:VEVENT\r\nUID:x@example.be\r\nDTSTART:morgen\r\nSUMMARY:Kapot\r\nEND:VEVENT",
            "Het begin (DTSTART) ontbreekt of is geen geldige",
        ),
        (vevent(extra=["RRULE:FREQ=SOMETIMES"]), "herhaling"),
        (vevent(minutes=-60), "eindigt voor ze begint"),
        (vevent(summary=""), "geen titel"),
    ],
    ids=["no-uid", "no-dtstart", "broken-dtstart", "broken-rrule", "ends-before", "no-title"],
)
def test_one_bad_event_is_reported_and_nothing_is_saved(house, organisation, event, message):
    report = run(house, organisation, ics(vevent("goed@example.be"), event))

    assert report.has_problems and not report.saved
    assert any(message in problem for problem in report.errors[0].problems)
    assert report.errors[0].number == 2
    assert not Activity.objects.exists()
    assert "Er is niets bewaard" in report.lines()[-1]


def test_a_feed_with_too_many_sessions_is_refused(house, organisation, monkeypatch):
    monkeypatch.setattr("huisvanhetkind.activities.ical_parse.MAX_SESSIONS", 3)

    with pytest.raises(ValidationError) as error:
        run(house, organisation, ics(vevent(extra=["RRULE:FREQ=WEEKLY;COUNT=5"])))

    assert "meer dan 3 momenten" in error.value.messages[0]
    assert not Activity.objects.exists()


def test_duplicate_uid_is_a_problem(house, organisation):
    report = run(house, organisation, ics(vevent(), vevent(summary="Nog eens")))

    assert "meer dan één keer" in report.errors[0].problems[0]
    assert not Activity.objects.exists()


def test_parse_takes_html_descriptions_as_plain_text():
    event = vevent(extra=["DESCRIPTION:<p>Voor ouders &amp\\; kinderen</p><p>Gratis</p>"])

    (parsed,) = parse_feed(ics(event))

    assert parsed.summary == "Voor ouders & kinderen"
    assert parsed.description == "Voor ouders & kinderen\nGratis"


@pytest.mark.django_db(transaction=True)
def test_imports_of_one_feed_at_the_same_time_each_save_it_once(tmp_path):
    from tests.activities.concurrency import play

    result = play("imports", tmp_path)

    assert result["errors"] == []
    assert result["saved"] == [True] * 4
    assert result["imported_events"] == 2
    assert result["activities"] == 1 + 2  # the scenario's house has one activity of its own
    assert result["sessions"] == 1 + 2


# --- Recurrence bombs -----------------------------------------------------------------------


@pytest.mark.parametrize("freq", ["SECONDLY", "MINUTELY", "HOURLY"])
def test_rules_finer_than_daily_are_refused_with_a_dutch_message(house, organisation, freq):
    report = run(house, organisation, ics(vevent(extra=[f"RRULE:FREQ={freq};COUNT=3"])))

    assert report.has_problems and not report.saved
    assert f"herhaalt te vaak (FREQ={freq})" in report.errors[0].problems[0]
    assert not Activity.objects.exists()


def test_a_daily_rule_is_imported(house, organisation):
    report = run(house, organisation, ics(vevent(extra=["RRULE:FREQ=DAILY;COUNT=3"])))

    assert report.saved and report.created == 1
    assert Session.objects.count() == 3


def test_a_rule_with_too_many_times_a_day_is_refused(house, organisation):
    hours = "RRULE:FREQ=DAILY;COUNT=10;BYHOUR=8,9,10,11,12"
    twice = "RRULE:FREQ=DAILY;COUNT=4;BYHOUR=9,14"

    refused = run(house, organisation, ics(vevent(extra=[hours])))
    accepted = run(house, organisation, ics(vevent(extra=[twice])))

    assert "meer dan 4 momenten per dag" in refused.errors[0].problems[0]
    assert accepted.saved and Session.objects.count() == 4


@pytest.mark.parametrize(
    "rule",
    ["FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "FREQ=DAILY;INTERVAL=7;BYDAY=SU"],
    ids=["february-30", "interval-never-on-its-day"],
)
def test_a_rule_that_never_matches_stops_at_the_horizon(house, organisation, monkeypatch, rule):
    # dateutil would walk to the year 9999 looking for a match (seconds per event); the walk
    # enters another month about 13 times for a year ahead.
    from dateutil import rrule as dateutil_rrule

    months = []
    rebuild = dateutil_rrule._iterinfo.rebuild

    def counting(info, year, month):
        months.append((year, month))
        return rebuild(info, year, month)

    monkeypatch.setattr(dateutil_rrule._iterinfo, "rebuild", counting)
    tuesday = next_weekday(1)

    (event,) = parse_feed(ics(vevent(day=tuesday, extra=[f"RRULE:{rule}"])))

    assert not event.problems
    assert [o.starts_at.date() for o in event.occurrences] == [tuesday]  # DTSTART itself
    assert len(months) < 20
    # Positive control: the same walk finds every day of a rule that matches.
    months.clear()
    (daily,) = parse_feed(ics(vevent(day=tuesday, extra=["RRULE:FREQ=DAILY"])))
    assert len(daily.occurrences) > 300
    assert 10 < len(months) < 20


def test_a_long_rule_is_cut_at_the_cap_and_the_preview_says_so(house, organisation, monkeypatch):
    monkeypatch.setattr("huisvanhetkind.activities.ical_parse.MAX_OCCURRENCES", 5)

    report = run(house, organisation, ics(vevent(extra=["RRULE:FREQ=WEEKLY"])))

    assert report.saved
    assert Session.objects.count() == 5
    assert "alleen de eerste 5 momenten" in " ".join(report.outcomes[0].changes)


def test_a_rule_walked_through_too_often_is_refused(house, organisation, monkeypatch):
    monkeypatch.setattr("huisvanhetkind.activities.ical_parse.MAX_RULE_STEPS", 50)
    long_ago = timezone.localdate() - timedelta(days=100)
    recently = timezone.localdate() - timedelta(days=10)

    refused = run(house, organisation, ics(vevent(day=long_ago, extra=["RRULE:FREQ=DAILY"])))
    accepted = run(
        house, organisation, ics(vevent(day=recently, extra=["RRULE:FREQ=DAILY;COUNT=40"]))
    )

    assert "meer dan 50 keer sinds het begin" in refused.errors[0].problems[0]
    assert accepted.saved and accepted.created == 1


@pytest.mark.parametrize(
    "rule", ["FREQ=DAILY;INTERVAL=0", "FREQ=YEARLY;BYEASTER=1"], ids=["interval-0", "byeaster"]
)
def test_rules_dateutil_cannot_walk_safely_are_refused(house, organisation, rule):
    report = run(house, organisation, ics(vevent(extra=[f"RRULE:{rule}"])))

    assert report.has_problems
    assert "herhaling" in report.errors[0].problems[0]


def test_a_feed_whose_rules_take_too_long_to_expand_is_refused(house, organisation, monkeypatch):
    monkeypatch.setattr("huisvanhetkind.activities.ical_parse.PARSE_SECONDS", 0)

    with pytest.raises(ValidationError) as error:
        run(house, organisation, ics(vevent(extra=["RRULE:FREQ=WEEKLY"])))

    assert "te veel rekenwerk" in error.value.messages[0]
    assert not Activity.objects.exists()
