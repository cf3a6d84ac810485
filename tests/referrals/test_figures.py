"""The coordinator's referral figures: the counts per month, domain and partner, the median
time to accept, the share of "got help", the reasons of refusal; small numbers hidden so that
no family can be singled out (not even by subtracting from a total); only for the house's
coordinator; the CSV download; bad filters."""

import itertools
import random
from datetime import datetime, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from huisvanhetkind.core.workdays import is_working_day
from huisvanhetkind.network.models import Role
from huisvanhetkind.referrals import figures, services
from huisvanhetkind.referrals.models import Referral
from huisvanhetkind.referrals.workflow import Actor, DeclineReason, ReferralStatus
from tests.conftest import logged_in, with_second_factor
from tests.factories import OrganisationFactory, RoleFactory, UserFactory
from tests.referrals.helpers import consent_data, send

S = ReferralStatus


def url(house) -> str:
    return f"/beheer/huis/{house.slug}/doorverwijzingen/"


def a_quiet_monday():
    """A Monday about ten weeks ago whose next two weeks have no public holiday."""
    day = timezone.localdate() - timedelta(days=70)
    day -= timedelta(days=day.weekday())
    while not all(
        is_working_day(day + timedelta(days=n)) for n in range(14) if (day.weekday() + n) % 7 < 5
    ):
        day -= timedelta(days=7)
    return day


def at(day, hour=10):
    return timezone.make_aware(datetime.combine(day, time(hour)))


def move(referral, receiver, *states, now=None, **extra):
    for state in states:
        referral = services.referral_transition(
            referral=referral, to=state, actor_kind=Actor.RECEIVER, actor=receiver, now=now, **extra
        )
    return referral


def family(number):
    return {
        "name": f"Gezin Geheim{number}",
        "email": f"gezin{number}@example.be",
        "phone": "",
        "language": "nl",
    }


@pytest.fixture
def made(
    house,
    worker,
    organisation,
    receiving_organisation,
    receiving_service,
    receiver,
    third_organisation,
    third_party,
):
    """14 referrals: 6 from the worker accepted after 0, 1, 1, 2, 4 and 5 working days (5 of
    them closed with "got help"), 2 declined for lack of capacity, 5 still waiting a month
    later, and 1 from the third partner."""
    monday = a_quiet_monday()
    later = monday + timedelta(days=35)
    consent = consent_data(expires_on=timezone.localdate() + timedelta(days=60))
    number = itertools.count()

    def sent(when, referrer=worker, sender=organisation):
        return send(
            house,
            referrer,
            sender,
            receiving_organisation,
            receiving_service,
            family=family(next(number)),
            consent=consent,
            now=at(when),
        )[0]

    for offset in (0, 1, 1, 2, 4, 7):  # working days 0, 1, 1, 2, 4, 5
        referral = sent(monday)
        referral = move(referral, receiver, S.ACCEPTED, now=at(monday + timedelta(days=offset), 15))
        if offset != 7:
            move(referral, receiver, S.CONTACTED, S.GOT_HELP, S.CLOSED)
    for _ in range(2):
        move(
            sent(monday),
            receiver,
            S.DECLINED,
            decline_reason=DeclineReason.NO_CAPACITY,
            now=at(monday, 16),
        )
    for _ in range(5):
        sent(later)
    sent(later, referrer=third_party, sender=third_organisation)
    return {"monday": monday, "later": later}


def counts(row):
    return {column: cell.value for column, cell in row.counts.items() if cell.value}


def test_the_figures_count_per_month_domain_and_partner(made, house, coordinator, worker):
    response = logged_in(coordinator).get(url(house))
    assert response.status_code == 200
    report = response.context["figures"]
    assert [table.key for table in report.tables] == ["month", "domain", "from", "to"]
    assert counts(report.total) == {
        "total": 14,
        "status:sent": 6,
        "status:accepted": 1,
        "status:declined": 2,
        "status:closed": 5,
        "reason:no_capacity": 2,
        "closed_helped": 5,
    }
    # Working days from sending to acceptance: 0, 1, 1, 2, 4, 5.
    assert report.total.median_days == 1.5
    assert report.total.helped_share == 1.0

    months, domains, senders, receivers = report.tables
    assert len(months.rows) == 12  # the last 12 months, those without referrals too
    by_month = {row.month: counts(row) for row in months.rows}
    assert by_month[made["monday"].replace(day=1)]["total"] == 8
    assert by_month[made["later"].replace(day=1)] == {"total": 6, "status:sent": 6}
    assert [row.label for row in domains.rows] == ["Gezondheid"]
    assert [(row.label, row.total.value) for row in senders.rows] == [
        ("Opvoedingspunt Kalmthout", 13),
        ("Sportdienst Kalmthout", 1),
    ]
    assert [(row.label, counts(row)) for row in receivers.rows] == [
        ("Kraamzorg Landelijke Thuiszorg", counts(report.total))
    ]
    assert senders.rows[0].median_days == 1.5 and senders.rows[1].median_days is None

    page = response.content.decode()
    assert "Doorverwijzingen in cijfers" in page
    assert "Geheim" not in page and "gezin1@example.be" not in page  # no family, ever
    assert "Mediaan werkdagen tot aanvaarden" in page and "1,5" in page
    assert "100 %" in page  # the share of "got help" of the house
    assert f'href="{url(house)}regels/"' in page  # the response-time policy
    assert '<th scope="col">' in page and '<th scope="row">' in page and "<caption" in page
    # Positive control beside the refusals below: a worker of the house gets nothing.
    assert logged_in(worker).get(url(house)).status_code == 404


def test_counts_under_five_show_as_under_five(made, house, coordinator):
    report = logged_in(coordinator).get(url(house)).context["figures"]
    total = report.total
    # 1 accepted, 2 declined: hidden; 14 in all, 6 waiting and 5 closed: shown.
    assert str(total.counts["status:accepted"]) == "< 5"
    assert str(total.counts["status:declined"]) == "< 5"
    assert str(total.counts["reason:no_capacity"]) == "< 5"
    assert [str(total.total), str(total.counts["status:closed"])] == ["14", "5"]
    sport = report.tables[2].rows[1]
    assert sport.label == "Sportdienst Kalmthout" and str(sport.total) == "< 5"
    # The sending partner of 13 is not shown beside the total of 14: 14 - 13 would give the 1.
    assert str(report.tables[2].rows[0].total) != "13"
    page = logged_in(coordinator).get(url(house)).content.decode()
    assert "&lt; 5" in page
    assert '<span class="visually-hidden">verborgen</span>' in page


def tables_of(report, mark_of=lambda cell: cell.mark):
    """The page's counts and marks as ``figures.protect`` gives and takes them."""
    bodies = [
        [{c: x.value for c, x in row.counts.items()} for row in t.rows] for t in report.tables
    ]
    marks = [
        [{c: mark_of(x) for c, x in row.counts.items()} for row in t.rows] for t in report.tables
    ]
    total = {c: x.value for c, x in report.total.counts.items()}
    total_marks = {c: mark_of(x) for c, x in report.total.counts.items()}
    return bodies, total, marks, total_marks


def test_no_hidden_count_follows_from_the_totals_shown(made, house, coordinator):
    """Every sum of the page (a row's total and its statuses, the declined ones and their
    reasons, the closed ones and the share of "got help", a column and the total row) that
    holds a hidden count (not 0) holds at least two, and for every hidden count of 1 to 4
    another filling of the hidden counts fits every sum."""
    report = logged_in(coordinator).get(url(house)).context["figures"]
    bodies, total, marks, total_marks = tables_of(report)
    rows = [(total, total_marks)] + [
        (row, row_marks)
        for body, body_marks in zip(bodies, marks, strict=True)
        for row, row_marks in zip(body, body_marks, strict=True)
    ]
    for row, row_marks in rows:
        for whole, parts in figures.ROW_SUMS:
            hidden = [c for c in (whole, *parts) if row_marks[c] != figures.SHOWN and row[c]]
            assert len(hidden) != 1, (whole, hidden)
    for body, body_marks in zip(bodies, marks, strict=True):
        for column in figures.COLUMNS:
            cells = [(total[column], total_marks[column])] + [
                (row[column], row_marks[column])
                for row, row_marks in zip(body, body_marks, strict=True)
            ]
            assert len([v for v, mark in cells if mark != figures.SHOWN and v]) != 1, column
    assert figures.unsafe_counts(bodies, total, marks, total_marks) == []
    # Positive control: hiding only the counts of 1 to 4 would give the Sportdienst's 1 away
    # (14 in all, 13 from the Opvoedingspunt).
    small_only = tables_of(
        report, lambda cell: figures.SMALL_MARK if 0 < cell.value < 5 else figures.SHOWN
    )
    assert ((2, 1), "total") in figures.unsafe_counts(*small_only)


def brute_force_given_away(bodies, marks, total, total_marks) -> list:
    """The hidden counts of 1 to 4 that take one value in every whole-number filling of the
    hidden cells that fits all the sums and what the marks say ("< 5": 0 to 4, "×": 5 or more;
    the parts of the share: any), found by trying them all."""
    # No count is above the number of referrals (or a little more, when that is hidden).
    limit = total["total"] + (0 if total_marks["total"] == figures.SHOWN else 6)
    cells, values, bounds = [], {}, {}
    for key, row, row_marks in [((None,), total, total_marks)] + [
        ((t, r), row, m)
        for t, (body, body_marks) in enumerate(zip(bodies, marks, strict=True))
        for r, (row, m) in enumerate(zip(body, body_marks, strict=True))
    ]:
        for column in figures.COLUMNS:
            values[(key, column)] = row[column]
            if row_marks[column] != figures.SHOWN:
                cells.append((key, column))
                bounds[(key, column)] = (
                    (0, limit)
                    if column in figures.SHARE_PARTS
                    else (0, 4)
                    if row_marks[column] == figures.SMALL_MARK
                    else (5, limit)
                )
    sums = [[((None,), s, 1)] + [((None,), p, -1) for p in parts] for s, parts in figures.ROW_SUMS]
    for t, body in enumerate(bodies):
        for r in range(len(body)):
            sums += [
                [((t, r), s, 1)] + [((t, r), p, -1) for p in parts] for s, parts in figures.ROW_SUMS
            ]
        sums += [
            [((None,), c, 1)] + [((t, r), c, -1) for r in range(len(body))] for c in figures.COLUMNS
        ]
    position = {cell: i for i, cell in enumerate(cells)}
    checks = {}
    for terms in sums:
        hidden = [(position[(k, c)], sign) for k, c, sign in terms if (k, c) in position]
        if hidden:
            known = sum(sign * values[(k, c)] for k, c, sign in terms if (k, c) not in position)
            checks.setdefault(max(i for i, _ in hidden), []).append((hidden, -known))
    small = [i for i, cell in enumerate(cells) if 0 < values[cell] < 5]
    seen = {i: set() for i in small}
    x = [0] * len(cells)

    def search(i):
        if i == len(cells):
            for j in small:
                seen[j].add(x[j])
            return all(len(v) > 1 for v in seen.values())
        low, high = bounds[cells[i]]
        for value in range(low, high + 1):
            x[i] = value
            if all(sum(s * x[j] for j, s in h) == k for h, k in checks.get(i, [])) and search(
                i + 1
            ):
                return True
        return False

    search(0)
    return [cells[i] for i in small if len(seen[i]) < 2]


def row_of(**values):
    row = dict.fromkeys(figures.COLUMNS, 0)
    row.update({key.replace("__", ":"): value for key, value in values.items()})
    return row


def test_complementary_suppression_on_small_tables():
    """Seeded random small houses: whatever the numbers, no hidden count of 1 to 4 can be
    worked out from the sums of the tables together."""
    rng = random.Random(14)
    for _case in range(20):
        referrals = [
            (
                rng.randrange(3),
                rng.randrange(2),
                rng.choice(["sent", "accepted", "declined", "closed"]),
                rng.choice(["no_capacity", "other"]),
                rng.random() < 0.5,
            )
            for _ in range(rng.randint(1, 7))
        ]
        bodies = []
        for dimension in (0, 1):
            rows = {}
            for referral in referrals:
                row = rows.setdefault(referral[dimension], row_of())
                row["total"] += 1
                row[f"status:{referral[2]}"] += 1
                if referral[2] == "declined":
                    row[f"reason:{referral[3]}"] += 1
                if referral[2] == "closed":
                    row["closed_helped" if referral[4] else "closed_other"] += 1
            bodies.append([rows[key] for key in sorted(rows)])
        total = {c: sum(row[c] for row in bodies[0]) for c in figures.COLUMNS}
        marks, total_marks = figures.protect(bodies, total)
        assert not brute_force_given_away(bodies, marks, total, total_marks), referrals


def test_a_single_small_count_beside_a_total_gets_a_complement():
    bodies = [
        [
            row_of(total=6, status__sent=1, status__received=5),
            row_of(total=20, status__sent=10, status__received=10),
        ]
    ]
    total = {c: sum(row[c] for row in bodies[0]) for c in figures.COLUMNS}
    ((first, second),), total_marks = figures.protect(bodies, total)
    assert first["status:sent"] == figures.SMALL_MARK
    assert first["status:received"] != figures.SHOWN  # else 6 - 5 gives the 1
    assert second["status:sent"] != figures.SHOWN  # else 11 - 10 gives it
    assert total_marks["total"] == figures.SHOWN  # the total of the period stays


def test_only_the_coordinator_of_the_house_sees_the_figures(
    made, house, coordinator, other_coordinator, worker, receiver, third_party, parent_client
):
    assert logged_in(coordinator).get(url(house)).status_code == 200
    for user in (other_coordinator, worker, receiver, third_party):
        assert logged_in(user).get(url(house)).status_code == 404
        assert logged_in(user).get(url(house), {"formaat": "csv"}).status_code == 404
    anonymous = parent_client.get(url(house))
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
    # The other coordinator has figures of their own house, not of this one.
    assert (
        logged_in(other_coordinator)
        .get("/beheer/huis/zoersel-brecht-zandhoven-wijnegem-schilde/doorverwijzingen/")
        .status_code
        == 200
    )


def test_the_csv_has_the_same_tables_and_hidden_counts(
    made, house, coordinator, third_organisation
):
    third_organisation.name = "=HYPERLINK(1)"
    third_organisation.save()
    response = logged_in(coordinator).get(url(house), {"formaat": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Cache-Control"] == "private, no-store"
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == "Doorverwijzingen van Huis van het Kind Kalmthout"
    for title in (
        "Per maand",
        "Per beleidsdomein",
        "Per verwijzende partner",
        "Per ontvangende partner",
    ):
        assert title in lines
    # Total, 14 statuses (sent, received, accepted, declined, ..., closed, ...), the median,
    # the share of "got help", the 6 reasons of refusal: in every table.
    total = "Totaal;14;6;0;< 5;< 5;0;0;0;0;0;0;5;0;0;0;1,5;100 %;< 5;0;0;0;0;0"
    assert lines.count(total) == 4
    assert "'=HYPERLINK(1);< 5;" in text  # the name cannot run as a formula
    assert "Geheim" not in text


def test_a_year_and_a_month_choose_the_period(made, house, coordinator):
    monday = made["monday"]
    client = logged_in(coordinator)
    response = client.get(url(house), {"jaar": monday.year, "maand": monday.month})
    report = response.context["figures"]
    assert report.period.kind == "month" and report.total.total.value == 8
    assert [row.month for row in report.tables[0].rows] == [monday.replace(day=1)]
    whole_year = client.get(url(house), {"jaar": monday.year}).context["figures"]
    assert len(whole_year.tables[0].rows) == 12
    assert whole_year.tables[0].rows[0].month.month == 1
    csv = client.get(url(house), {"jaar": monday.year, "maand": monday.month, "formaat": "csv"})
    assert f"-{monday:%Y-%m}-{monday:%Y-%m}.csv" in csv["Content-Disposition"]
    # A year without referrals.
    empty = client.get(url(house), {"jaar": "2020"}).context["figures"]
    assert empty.total.total.value == 0
    assert (
        "Geen doorverwijzingen in deze periode."
        in client.get(url(house), {"jaar": "2020"}).content.decode()
    )


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"jaar": "abc"}, "Kies een jaar uit de lijst."),
        ({"jaar": "99999"}, "Kies een jaar uit de lijst."),
        ({"jaar": "1999"}, "Kies een jaar uit de lijst."),
        ({"jaar": "２０２５"}, "Kies een jaar uit de lijst."),
        ({"jaar": "2025", "maand": "13"}, "Kies een maand uit de lijst."),
        ({"jaar": "2025", "maand": "x"}, "Kies een maand uit de lijst."),
        ({"maand": "3"}, "Kies ook het jaar van die maand."),
    ],
)
def test_a_bad_filter_gets_a_dutch_message_and_the_last_12_months(
    made, house, coordinator, query, message
):
    client = logged_in(coordinator)
    response = client.get(url(house), query)
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page and 'class="error-summary"' in page
    assert response.context["figures"].period.kind == "recent"
    assert response.context["figures"].total.total.value == 14
    # The CSV is not given for a period that was not understood: the page says why.
    response = client.get(url(house), {**query, "formaat": "csv"})
    assert response["Content-Type"].startswith("text/html") and message in response.content.decode()
    # Positive control: a good filter works.
    assert client.get(url(house), {"jaar": "2025"}).context["form"].is_valid()


def test_the_figures_take_the_same_number_of_queries_for_more_partners(
    made, house, coordinator, receiving_organisation, receiving_service
):
    client = logged_in(coordinator)
    client.get(url(house))
    with CaptureQueriesContext(connection) as before:
        client.get(url(house))
    for number in range(4):
        partner = OrganisationFactory(name=f"Partner {number}", houses=[house], domains=[])
        referrer = with_second_factor(UserFactory(email=f"p{number}@example.be"))
        RoleFactory(user=referrer, kind=Role.Kind.ORGANISATION_WORKER, organisation=partner)
        send(
            house,
            referrer,
            partner,
            receiving_organisation,
            receiving_service,
            family=family(100 + number),
        )
    with CaptureQueriesContext(connection) as after:
        client.get(url(house))
    assert len(after) == len(before)
    assert Referral.objects.count() == 18


def test_working_days_leave_out_weekends_and_holidays():
    monday = a_quiet_monday()
    assert figures.working_days_between(monday, monday) == 0
    assert figures.working_days_between(monday, monday + timedelta(days=4)) == 4
    assert figures.working_days_between(monday + timedelta(days=4), monday + timedelta(days=7)) == 1
    christmas_eve = timezone.localdate().replace(year=2025, month=12, day=24)
    assert figures.working_days_between(christmas_eve, christmas_eve + timedelta(days=2)) == 1
