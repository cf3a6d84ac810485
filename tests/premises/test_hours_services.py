"""Office hours: the services (desks, rules, closures), their Dutch refusals and the audit
trail; the occurrences a desk hands to the appointments."""

from datetime import date, time, timedelta

import pytest
from django.core.exceptions import ValidationError

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.premises import recurrence, selectors_hours, services_hours
from huisvanhetkind.premises.models import Closure, Desk, OfficeHourRule, Room
from tests.factories import LocationFactory, OrganisationFactory, ServiceFactory
from tests.premises.hours_helpers import add_rule, make_desk, rule_data

pytestmark = pytest.mark.django_db


def messages_of(error: ValidationError) -> dict:
    return error.value.message_dict


def events(target, action):
    return AuditEvent.objects.filter(
        action=action, target_type=target._meta.label_lower, target_id=str(target.pk)
    )


def test_a_desk_links_to_a_partner_its_service_and_a_room_of_the_house(
    house, organisation, coordinator
):
    service = ServiceFactory(organisation=organisation)
    room = Room.objects.create(house=house, name="Gesprekslokaal", capacity=4)
    desk = make_desk(house, coordinator, organisation=organisation, service=service, room=room)
    assert (desk.organisation, desk.service, desk.room) == (organisation, service, room)
    event = events(desk, "create").get()
    assert event.house == house
    assert event.changes["name"] == [None, "Lokaal Loket Kinderopvang"]


def test_a_desk_refuses_links_of_another_house(house, other_house, coordinator):
    elsewhere = OrganisationFactory(name="Partner elders", houses=[other_house])
    service = ServiceFactory(organisation=elsewhere)
    room = Room.objects.create(house=other_house, name="Zaal elders", capacity=4)
    with pytest.raises(ValidationError) as error:
        make_desk(house, coordinator, organisation=elsewhere, service=service, room=room)
    assert messages_of(error) == {
        "organisation": ["Kies een actieve partner van dit huis."],
        "service": ["Kies aanbod van een partner van dit huis."],
        "room": ["Kies een zaal van dit huis."],
    }
    assert not Desk.objects.exists()


def test_a_location_of_the_house_or_a_partner_only(house, other_house, organisation, coordinator):
    own = LocationFactory(house=house, organisation=None)
    elsewhere = LocationFactory(house=other_house, organisation=None)
    assert make_desk(house, coordinator, location=own).location == own
    with pytest.raises(ValidationError) as error:
        make_desk(house, coordinator, name="Ander", slug="ander", location=elsewhere)
    assert "location" in messages_of(error)


def test_two_desks_of_one_house_have_different_names_and_slugs(house, other_house):
    make_desk(house)
    with pytest.raises(ValidationError) as error:
        make_desk(house)
    assert messages_of(error) == {
        "name": ["Dit huis heeft al een loket met die naam."],
        "slug": ["Dit huis heeft al een loket met die korte naam."],
    }
    assert make_desk(other_house).house == other_house  # another house may


def test_updating_a_desk_records_what_changed(house, coordinator):
    desk = make_desk(house, coordinator)
    changes = services_hours.desk_update(
        actor=coordinator, desk=desk, data={"name": "Loket Kinderopvang", "is_active": False}
    )
    assert changes == {
        "name": ["Lokaal Loket Kinderopvang", "Loket Kinderopvang"],
        "is_active": [True, False],
    }
    assert events(desk, "update").count() == 1
    assert services_hours.desk_update(actor=coordinator, desk=desk, data={}) == {}


def test_rules_are_stored_normalised_and_audited(house, coordinator):
    desk = make_desk(house, coordinator)
    rule = add_rule(
        desk, coordinator, kind="monthly", weekdays=["3", 3], positions=[3], dates=["x"]
    )
    rule.refresh_from_db()
    assert (rule.weekdays, rule.positions, rule.dates) == ([3], [3], [])
    event = events(rule, "create").get()
    assert event.changes["kind"] == [None, "monthly"]
    assert event.changes["starts"] == [None, "13:30:00"]


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"starts": time(12), "ends": time(9)}, "ends", "Het einde ligt na het begin."),
        ({"starts": time(9), "ends": time(9)}, "ends", "Het einde ligt na het begin."),
        ({"weekdays": []}, "weekdays", "Kies minstens één weekdag."),
        (
            {"kind": "monthly", "weekdays": [3], "positions": [6]},
            "positions",
            "Kies de eerste, tweede, derde, vierde, vijfde of laatste van de maand.",
        ),
        (
            {"kind": "monthly", "weekdays": [3], "positions": [0]},
            "positions",
            "Kies de eerste, tweede, derde, vierde, vijfde of laatste van de maand.",
        ),
        (
            {"kind": "monthly", "weekdays": [3], "positions": []},
            "positions",
            "Kies de eerste, tweede, derde, vierde, vijfde of laatste van de maand.",
        ),
        ({"kind": "dates", "dates": []}, "dates", "Geef minstens één datum."),
        (
            {"valid_from": date(2027, 2, 1), "valid_until": date(2027, 1, 1)},
            "valid_until",
            "De geldigheid eindigt niet voor ze begint.",
        ),
        ({"mode": "soms"}, "mode", "Kies vrije inloop of op afspraak."),
        (
            {"kind": "daily"},
            "kind",
            "Kies elke week, een weekdag van de maand of bepaalde datums.",
        ),
    ],
)
def test_a_bad_rule_gets_a_dutch_message_and_nothing_is_saved(
    house, coordinator, data, field, message
):
    desk = make_desk(house, coordinator)
    with pytest.raises(ValidationError) as error:
        add_rule(desk, coordinator, **data)
    assert messages_of(error)[field] == [message]
    assert not OfficeHourRule.objects.exists()
    assert not AuditEvent.objects.filter(target_type="premises.officehourrule").exists()


def test_at_most_sixty_dates(house):
    desk = make_desk(house)
    many = [date(2027, 1, 1) + timedelta(days=i) for i in range(61)]
    with pytest.raises(ValidationError) as error:
        add_rule(desk, kind="dates", dates=many)
    assert messages_of(error) == {"dates": ["Geef hoogstens 60 datums."]}


def test_updating_a_rule_records_only_what_changed(house, coordinator):
    desk = make_desk(house, coordinator)
    rule = add_rule(desk, coordinator)
    changes = services_hours.rule_update(
        actor=coordinator, rule=rule, data=rule_data(weekdays=[1, 3], mode="appointment")
    )
    assert changes == {"weekdays": [[1], [1, 3]], "mode": ["walk_in", "appointment"]}
    rule.refresh_from_db()
    assert rule.weekdays == [1, 3]
    with pytest.raises(ValidationError):
        services_hours.rule_update(
            actor=coordinator, rule=rule, data=rule_data(starts=time(16), ends=time(9))
        )
    rule.refresh_from_db()
    assert rule.starts == time(13, 30)


def test_deleting_is_audited(house, coordinator):
    desk = make_desk(house, coordinator)
    rule = add_rule(desk, coordinator)
    pk = rule.pk
    services_hours.rule_delete(actor=coordinator, rule=rule)
    assert AuditEvent.objects.filter(
        action="delete", target_type="premises.officehourrule", target_id=str(pk)
    ).exists()
    services_hours.desk_delete(actor=coordinator, desk=desk)
    assert not Desk.objects.exists()


def test_a_closure_ends_on_or_after_its_first_day(house, coordinator):
    with pytest.raises(ValidationError) as error:
        services_hours.closure_create(
            actor=coordinator,
            house=house,
            starts_on=date(2026, 12, 24),
            ends_on=date(2026, 12, 23),
        )
    assert messages_of(error) == {"ends_on": ["De laatste dag ligt niet voor de eerste dag."]}
    assert not Closure.objects.exists()
    one_day = services_hours.closure_create(
        actor=coordinator, house=house, starts_on=date(2026, 12, 25), ends_on=date(2026, 12, 25)
    )
    assert events(one_day, "create").exists()


def test_a_closure_for_a_desk_of_another_house_is_refused(house, other_house, coordinator):
    elsewhere = make_desk(other_house)
    with pytest.raises(ValidationError) as error:
        services_hours.closure_create(
            actor=coordinator,
            house=house,
            desk=elsewhere,
            starts_on=date(2026, 12, 24),
            ends_on=date(2026, 12, 31),
        )
    assert messages_of(error) == {"desk": ["Kies een loket van dit huis."]}


def test_desk_occurrences_leave_out_the_house_and_the_desk_closures_but_not_others(house):
    desk, other = make_desk(house), make_desk(house, name="Opvoedingspunt", slug="opvoedingspunt")
    add_rule(desk, kind="weekly", weekdays=[1])  # Tuesdays
    add_rule(desk, kind="monthly", weekdays=[3], positions=[3], mode="appointment")
    services_hours.closure_create(
        actor=None, house=house, starts_on=date(2026, 12, 21), ends_on=date(2027, 1, 1)
    )
    services_hours.closure_create(
        actor=None, house=house, desk=desk, starts_on=date(2027, 1, 5), ends_on=date(2027, 1, 5)
    )
    services_hours.closure_create(
        actor=None, house=house, desk=other, starts_on=date(2027, 1, 12), ends_on=date(2027, 1, 12)
    )
    found = selectors_hours.desk_occurrences(desk, date(2026, 12, 14), date(2027, 1, 22))
    assert [o.day for o in found] == [
        date(2026, 12, 15),
        date(2026, 12, 17),
        date(2027, 1, 12),
        date(2027, 1, 19),
        date(2027, 1, 21),
    ]
    slots = selectors_hours.desk_occurrences(
        desk, date(2026, 12, 14), date(2027, 1, 22), modes=(recurrence.APPOINTMENT,)
    )
    assert [o.day for o in slots] == [date(2026, 12, 17), date(2027, 1, 21)]
    assert all(o.desk == desk.pk for o in found)


def test_times_written_as_text_are_read_and_a_missing_time_is_refused(house):
    desk = make_desk(house)
    rule = add_rule(desk, starts="09:00", ends="12:30")
    assert (rule.starts, rule.ends) == (time(9), time(12, 30))
    with pytest.raises(ValidationError) as error:
        add_rule(desk, starts="negen uur")
    assert messages_of(error) == {"starts": ["Geef een begin- en een einduur."]}
