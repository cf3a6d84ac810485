"""Recording signals: the number's checks (Dutch messages, nothing stored), the age limit, match
e-mails that name only organisation, contact and date, siblings, the lead, key rotation,
withdrawal, expiry and erasure, handover."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.care import selectors, services
from huisvanhetkind.care.models import Signal
from huisvanhetkind.care.numbers import fictitious_number, parse_number
from huisvanhetkind.care.todo import care_items
from huisvanhetkind.core.digests import DEVELOPMENT_KEY
from tests.care.conftest import CHILD, OTHER_CHILD, PARENT, SIBLING, record

pytestmark = pytest.mark.django_db

NEW_KEY = "2027-01:" + "n" * 40


def messages_of(excinfo, field="number"):
    return excinfo.value.message_dict[field]


def test_the_fictitious_numbers_pass_the_checksum_in_both_centuries():
    assert parse_number(CHILD).birth_date == date(2017, 7, 30)
    assert parse_number(PARENT).birth_date == date(1988, 5, 12)
    bis = parse_number(fictitious_number(date(2018, 3, 9), 5, bis_offset=40))
    assert bis.is_bis and bis.birth_date == date(2018, 3, 9)
    typed = f"{CHILD[:2]}.{CHILD[2:4]}.{CHILD[4:6]}-{CHILD[6:9]}.{CHILD[9:]}"
    assert parse_number(typed).compact == CHILD


@pytest.mark.parametrize(
    "number, words",
    [
        (CHILD[:-1] + str((int(CHILD[-1]) + 1) % 10), "controlegetal"),
        ("1707300338A", "letters niet"),
        ("123", "11 cijfers"),
        # A BIS number's month is 21-32 or 41-52: 35 is neither.
        ("173530" + CHILD[6:], "maand"),
        ("", "Vul het"),
    ],
)
def test_a_wrong_number_gets_a_dutch_message_and_nothing_is_stored(
    house, worker, organisation, number, words
):
    with pytest.raises(ValidationError) as excinfo:
        record(house, worker, organisation, number=number)
    assert words in " ".join(messages_of(excinfo))
    assert not Signal.objects.exists()
    assert not AuditEvent.objects.filter(target_type="care.signal").exists()


def _with_checksum(first_nine: str, after_2000: bool) -> str:
    check = 97 - int(("2" if after_2000 else "") + first_nine) % 97
    return f"{first_nine}{check:02d}"


def test_an_impossible_birth_date_with_a_good_checksum_is_refused(house, worker, organisation):
    for number in (_with_checksum("170230012", True), _with_checksum("171301012", True)):
        with pytest.raises(ValidationError) as excinfo:
            record(house, worker, organisation, number=number)
        assert any("geboortedatum" in m or "maand" in m for m in messages_of(excinfo)), messages_of(
            excinfo
        )
    # Positive control: the same counter on an existing day is accepted.
    assert record(house, worker, organisation, number=_with_checksum("170228012", True))


def test_a_bis_number_with_a_wrong_month_offset_is_refused(house, worker, organisation):
    with pytest.raises(ValidationError) as excinfo:
        record(house, worker, organisation, number=_with_checksum("173509012", True))
    assert "BIS-nummer 21 tot 32 of 41 tot 52" in messages_of(excinfo)[0]
    assert record(house, worker, organisation, number=_with_checksum("172309012", True))


def test_someone_aged_23_or_more_is_refused(house, worker, organisation):
    today = timezone.localdate()
    born = today.replace(year=today.year - 23) - timedelta(days=1)
    with pytest.raises(ValidationError) as excinfo:
        record(house, worker, organisation, number=fictitious_number(born, 7))
    assert "23 jaar" in messages_of(excinfo)[0]
    assert not Signal.objects.exists()
    younger = today.replace(year=today.year - 22) - timedelta(days=1)
    signal = record(house, worker, organisation, number=fictitious_number(younger, 7))
    # It ends when the child turns 23, before the two years are over.
    assert signal.ends_on == younger.replace(year=younger.year + 23)


def test_a_signal_ends_two_years_after_it_was_made(signal):
    today = timezone.localdate()
    assert signal.ends_on == today.replace(year=today.year + 2)
    assert signal.child_digest and CHILD not in signal.child_digest
    assert signal.child_key == DEVELOPMENT_KEY.split(":")[0]


def test_a_second_organisation_signals_the_same_child_and_both_are_told(
    house, worker, organisation, nurse, other_organisation, on_commit
):
    first = record(house, worker, organisation)
    assert not mail.outbox
    with on_commit():
        second = record(
            house, nurse, other_organisation, number=CHILD[:2] + "." + CHILD[2:], child_name="Lotte"
        )
    assert sorted(m.to[0] for m in mail.outbox) == sorted([worker.email, nurse.email])
    to_worker = next(m for m in mail.outbox if m.to == [worker.email])
    to_nurse = next(m for m in mail.outbox if m.to == [nurse.email])
    assert "Kraamzorg Landelijke Thuiszorg" in to_worker.body
    assert "Ine Peeters" in to_worker.body
    assert "Opvoedingspunt Kalmthout" in to_nurse.body
    for message in mail.outbox:
        # Nothing about the child: no number, no name, no birth date.
        for secret in (CHILD, CHILD[:6], "Lotte", "Janssens", "30/07/2017", "2017"):
            assert secret not in message.body + message.subject
    assert [s.pk for s in selectors.matches(first, timezone.localdate())] == [second.pk]
    # The first one involved leads; the others see it.
    assert selectors.lead_of(second, timezone.localdate()).pk == first.pk


def test_a_third_organisation_without_a_signal_hears_nothing(
    house, worker, organisation, nurse, other_organisation, third_party, on_commit
):
    record(house, worker, organisation)
    with on_commit():
        record(house, nurse, other_organisation)
    assert third_party.email not in [m.to[0] for m in mail.outbox]
    assert len(mail.outbox) == 2  # positive control


def test_the_same_organisation_cannot_signal_a_child_twice(signal, house, worker, organisation):
    with pytest.raises(ValidationError) as excinfo:
        record(house, worker, organisation)
    assert "al gesignaleerd" in messages_of(excinfo)[0]
    assert Signal.objects.count() == 1


def test_a_sibling_matches_through_a_parents_number(
    house, worker, organisation, nurse, other_organisation, on_commit
):
    first = record(house, worker, organisation, parent_number=PARENT)
    with on_commit():
        second = record(house, nurse, other_organisation, number=SIBLING, parent_number=PARENT)
    assert len(mail.outbox) == 2
    found = selectors.matches(second, timezone.localdate())
    assert [s.pk for s in found] == [first.pk] and found[0].is_sibling
    # Positive control: another child with no parent in common does not match.
    mail.outbox.clear()
    with on_commit():
        record(house, nurse, other_organisation, number=OTHER_CHILD)
    assert not mail.outbox


def test_a_signal_made_under_an_old_key_still_matches_and_is_rekeyed(
    settings, house, worker, organisation, nurse, other_organisation, on_commit
):
    old = record(house, worker, organisation, parent_number=PARENT)
    old_digest = old.child_digest
    settings.FAMILY_DIGEST_KEYS = [NEW_KEY, DEVELOPMENT_KEY]
    with on_commit():
        new = record(house, nurse, other_organisation, parent_number=PARENT)
    assert len(mail.outbox) == 2
    old.refresh_from_db()
    assert old.child_key == "2027-01" and old.parent_key == "2027-01"
    assert old.child_digest == new.child_digest != old_digest
    assert (
        AuditEvent.objects.filter(
            action=AuditEvent.Action.UPDATE,
            target_id=str(old.pk),
            changes__has_any_keys=["child_key", "parent_key"],
        ).count()
        == 2
    )
    # Both carry the current key's digest now: they match without the old key.
    settings.FAMILY_DIGEST_KEYS = [NEW_KEY]
    assert selectors.matches(new, timezone.localdate())


def test_the_lead_is_chosen_and_moves_with_handover_and_withdrawal(
    house, worker, organisation, nurse, other_organisation, third_party, org_admin
):
    first = record(house, worker, organisation)
    second = record(house, nurse, other_organisation)
    services.signal_make_lead(actor=worker, signal=first, lead=second)
    today = timezone.localdate()
    assert selectors.lead_of(first, today).pk == second.pk
    with pytest.raises(ValidationError):
        services.signal_make_lead(actor=third_party, signal=first, lead=first)
    assert selectors.lead_of(first, today).pk == second.pk
    # The lead's contact leaves: a colleague takes the signal, and with it the lead.
    colleague = org_admin
    moved = services.signals_hand_over(
        actor=worker, from_user=worker, to_user=colleague, organisation=organisation
    )
    assert moved == 1
    first.refresh_from_db()
    assert first.contact == colleague
    services.signal_withdraw(actor=nurse, signal=second)
    assert selectors.lead_of(first, today) is None  # only one organisation left
    assert not selectors.matches(first, today)


def test_only_the_recording_organisation_withdraws(signal, nurse, worker):
    with pytest.raises(ValidationError):
        services.signal_withdraw(actor=nurse, signal=signal)
    signal.refresh_from_db()
    assert signal.withdrawn_at is None
    services.signal_withdraw(actor=worker, signal=signal, reason="Niet meer betrokken")
    signal.refresh_from_db()
    assert signal.withdrawn_at is not None


def test_ended_signals_are_erased_by_the_daily_job(
    house, worker, organisation, nurse, other_organisation
):
    today = timezone.localdate()
    old = record(house, worker, organisation, today=today - timedelta(days=731))
    withdrawn = record(house, nurse, other_organisation, number=SIBLING)
    services.signal_withdraw(actor=nurse, signal=withdrawn)
    live = record(house, worker, organisation, number=OTHER_CHILD)
    assert set(services.erasure_due(timezone.now())) == {old, withdrawn}
    assert services.signals_erase_ended() == 2
    assert list(Signal.objects.all()) == [live]
    assert (
        AuditEvent.objects.filter(action=AuditEvent.Action.ERASE, target_type="care.signal").count()
        == 2
    )


def test_the_parent_link_shows_the_signals_and_asks_removal(signal, worker, on_commit):
    token = services.signal_parent_link(actor=worker, signal=signal)
    assert signal.parent_token_hash and token not in signal.parent_token_hash
    found = selectors.signal_for_parent_token(signal.house.slug, token)
    assert found == signal
    assert selectors.signal_for_parent_token(signal.house.slug, token + "x") is None
    with on_commit():
        services.signal_request_removal(signal=found)
    assert mail.outbox[0].to == [worker.email]
    assert "Lotte" not in mail.outbox[0].body
    signal.refresh_from_db()
    assert signal.removal_requested_at is not None


def test_the_coordinator_counts(house, worker, organisation, nurse, other_organisation):
    record(house, worker, organisation)
    record(house, nurse, other_organisation)
    record(house, worker, organisation, number=OTHER_CHILD)
    counts = selectors.house_counts(house, timezone.localdate())
    assert (counts.signals, counts.children, counts.matched_children, counts.organisations) == (
        3,
        2,
        1,
        2,
    )


def test_a_removal_request_is_in_the_organisations_to_do_list(signal, worker, nurse, org_admin):
    assert not todo_titles(worker)
    services.signal_request_removal(signal=signal)
    assert todo_titles(worker) == [f"Signaal #{signal.pk}: de ouder vraagt verwijdering"]
    assert todo_titles(org_admin) == todo_titles(worker)  # the organisation's, not one person's
    assert not todo_titles(nurse)  # positive control above: another organisation sees nothing
    services.signal_withdraw(actor=worker, signal=signal)
    assert not todo_titles(worker)


def todo_titles(user):
    return [item.title for item in care_items(user)]
