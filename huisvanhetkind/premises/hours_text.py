"""Office hours in plain Dutch, for families: "elke derde donderdag van de maand, 9-12 u, op
afspraak", "elke maandag en woensdag, 13.30-16 u, vrije inloop", "om de twee weken op
donderdag, 9-12 u, op afspraak", "op 5, 12 en 19 januari ...",
and the next occurrences ("donderdag 17 december, 9-12 u").

Reads the engine's ``Rule``, ``Closure`` and ``Occurrence`` (``recurrence``); every word is
marked for translation.
"""

from datetime import date, time

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from huisvanhetkind.premises import recurrence as r

DAY_NAMES = (
    gettext_lazy("maandag"),
    gettext_lazy("dinsdag"),
    gettext_lazy("woensdag"),
    gettext_lazy("donderdag"),
    gettext_lazy("vrijdag"),
    gettext_lazy("zaterdag"),
    gettext_lazy("zondag"),
)
MONTH_NAMES = (
    gettext_lazy("januari"),
    gettext_lazy("februari"),
    gettext_lazy("maart"),
    gettext_lazy("april"),
    gettext_lazy("mei"),
    gettext_lazy("juni"),
    gettext_lazy("juli"),
    gettext_lazy("augustus"),
    gettext_lazy("september"),
    gettext_lazy("oktober"),
    gettext_lazy("november"),
    gettext_lazy("december"),
)
ORDINALS = {
    1: gettext_lazy("eerste"),
    2: gettext_lazy("tweede"),
    3: gettext_lazy("derde"),
    4: gettext_lazy("vierde"),
    5: gettext_lazy("vijfde"),
    r.LAST: gettext_lazy("laatste"),
}
# The choices of a weekly rule's interval (the coordinator's form).
INTERVAL_NAMES = {
    1: gettext_lazy("elke week"),
    2: gettext_lazy("om de twee weken"),
    3: gettext_lazy("om de drie weken"),
    4: gettext_lazy("om de vier weken"),
}
MODE_NAMES = {
    r.WALK_IN: gettext_lazy("vrije inloop"),
    r.APPOINTMENT: gettext_lazy("op afspraak"),
}


def join(items) -> str:
    """ "a", "a en b", "a, b en c"."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return _("%(first)s en %(last)s") % {"first": ", ".join(items[:-1]), "last": items[-1]}


def clock(moment: time) -> str:
    """9, 13.30 (the Flemish way of writing an hour)."""
    return f"{moment.hour}" if moment.minute == 0 else f"{moment.hour}.{moment.minute:02d}"


def time_range(starts: time, ends: time) -> str:
    return _("%(starts)s-%(ends)s u") % {"starts": clock(starts), "ends": clock(ends)}


def day_month(day: date, *, year: bool = False) -> str:
    text = f"{day.day} {MONTH_NAMES[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def long_day(day: date) -> str:
    """ "donderdag 17 december"."""
    return f"{DAY_NAMES[day.weekday()]} {day_month(day)}"


def _days(weekdays) -> str:
    return join(DAY_NAMES[d] for d in sorted(set(weekdays)))


def _positions(positions) -> str:
    # "eerste en derde", the last one last
    ordered = sorted(set(positions), key=lambda p: 99 if p == r.LAST else p)
    return join(ORDINALS[p] for p in ordered)


def _dates(dates, today: date) -> str:
    dates = sorted(set(dates))
    with_year = any(d.year != today.year for d in dates)
    if len({(d.year, d.month) for d in dates}) == 1:
        text = f"{join(str(d.day) for d in dates)} {MONTH_NAMES[dates[0].month - 1]}"
        return _("op %(days)s") % {"days": f"{text} {dates[0].year}" if with_year else text}
    return _("op %(days)s") % {"days": join(day_month(d, year=with_year) for d in dates)}


def when(rule: r.Rule, today: date) -> str:
    """The days of ``rule``: "elke maandag en woensdag", "om de twee weken op donderdag",
    "elke derde donderdag van de maand", "op 5, 12 en 19 januari"."""
    if rule.kind == r.WEEKLY_RULE and rule.interval in INTERVAL_NAMES and rule.interval != 1:
        return _("%(every)s op %(days)s") % {
            "every": INTERVAL_NAMES[rule.interval],
            "days": _days(rule.weekdays),
        }
    if rule.kind == r.WEEKLY_RULE:
        return _("elke %(days)s") % {"days": _days(rule.weekdays)}
    if rule.kind == r.MONTHLY_RULE:
        return _("elke %(nth)s %(days)s van de maand") % {
            "nth": _positions(rule.positions),
            "days": _days(rule.weekdays),
        }
    return _dates(rule.dates, today)


def validity(rule: r.Rule, today: date) -> str:
    """ "vanaf 1 februari 2027", "tot 30 juni 2027", "van ... tot ...", or "" (a start in the
    past is not worth saying)."""
    starts = rule.valid_from if rule.valid_from and rule.valid_from > today else None
    ends = rule.valid_until
    if rule.kind == r.DATES_RULE:
        return ""
    if starts and ends:
        return _("van %(starts)s tot en met %(ends)s") % {
            "starts": day_month(starts, year=True),
            "ends": day_month(ends, year=True),
        }
    if starts:
        return _("vanaf %(starts)s") % {"starts": day_month(starts, year=True)}
    if ends:
        return _("tot en met %(ends)s") % {"ends": day_month(ends, year=True)}
    return ""


def describe(rule: r.Rule, today: date) -> str:
    """ "elke derde donderdag van de maand, 9-12 u, op afspraak"."""
    text = _("%(when)s, %(hours)s, %(mode)s") % {
        "when": when(rule, today),
        "hours": time_range(rule.starts, rule.ends),
        "mode": MODE_NAMES[rule.mode],
    }
    valid = validity(rule, today)
    return f"{text} ({valid})" if valid else text


def describe_occurrence(occurrence: r.Occurrence, tz) -> str:
    """ "donderdag 17 december, 9-12 u"."""
    starts, ends = occurrence.starts_at.astimezone(tz), occurrence.ends_at.astimezone(tz)
    return _("%(day)s, %(hours)s") % {
        "day": long_day(occurrence.day),
        "hours": time_range(starts.time(), ends.time()),
    }


def describe_closure(closure: r.Closure, today: date) -> str:
    """ "gesloten op 25 december 2026", "gesloten van 24 december 2026 tot en met 1 januari
    2027 (kerstvakantie)"."""
    if closure.starts_on == closure.ends_on:
        text = _("gesloten op %(day)s") % {"day": day_month(closure.starts_on, year=True)}
    else:
        text = _("gesloten van %(starts)s tot en met %(ends)s") % {
            "starts": day_month(closure.starts_on, year=True),
            "ends": day_month(closure.ends_on, year=True),
        }
    return f"{text} ({closure.reason})" if closure.reason else text
