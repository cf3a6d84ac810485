""" "Mijn gegevens" for the physical house: a family's appointments at a desk and its babytheek
records (memberships, their loans, places on a waitlist), found by the keyed digest of its
e-mail address, as questions and registrations are (``my_data.holdings``).

Erasure goes through each app's own services:

- an appointment is erased at once (``appointments.services.appointment_erase``); one still to
  come is cancelled first, so its slot is free again for another family;
- a babytheek membership is erased at once with its loans' notes and links, after its
  reservations are cancelled (the items are free again, the waitlist is told); **while the
  family still has an item at home** the babytheek must know who has it and how to ask it
  back, so the name and contact stay until the item is back and are erased the night after
  (``babytheek.services.membership_erase``); the page says so, naming the item;
- a place on a waitlist is deleted at once (``babytheek.services.waitlist_entry_erase``).
"""

from datetime import datetime

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from huisvanhetkind.appointments import selectors as appointment_selectors
from huisvanhetkind.appointments import services as appointment_services
from huisvanhetkind.appointments.models import Appointment
from huisvanhetkind.appointments.workflow import AppointmentStatus
from huisvanhetkind.babytheek import selectors as babytheek_selectors
from huisvanhetkind.babytheek import services as babytheek_services
from huisvanhetkind.babytheek.models import Membership, WaitlistEntry
from huisvanhetkind.babytheek.workflow import LoanStatus


def house_holdings(digests: list[str]) -> dict:
    """The family's appointments and babytheek records, by its e-mail digests (every house)."""
    memberships = babytheek_selectors.memberships_by_email_digests(digests)
    return {
        "appointments": appointment_selectors.appointments_by_email_digests(digests),
        "babytheek_memberships": memberships,
        "babytheek_loans": [loan for m in memberships for loan in m.loans.all()],
        "babytheek_waitlist": babytheek_selectors.waitlist_by_email_digests(digests),
    }


def _when(value) -> str | None:
    return value.isoformat() if value else None


def export_house(held) -> dict:
    """The appointments and babytheek records as JSON-ready data (one key per kind)."""
    return {
        "appointments": [
            {
                "house": appointment.desk.house.name,
                "desk": appointment.desk.name,
                "topic": appointment.topic.title,
                "starts_at": _when(appointment.starts_at),
                "ends_at": _when(appointment.ends_at),
                "status": appointment.get_status_display(),
                "name": appointment.name,
                "email": appointment.email,
                "phone": appointment.phone,
                "language": appointment.language,
                "interpreter": appointment.interpreter,
                "interpreter_language": appointment.interpreter_language,
                "wheelchair": appointment.wheelchair,
                "note": appointment.note,
                "cancel_reason": appointment.cancel_reason,
                "created_at": _when(appointment.created_at),
            }
            for appointment in held.appointments
        ],
        "babytheek_memberships": [
            {
                "house": membership.house.name,
                "name": membership.name,
                "email": membership.email,
                "phone": membership.phone,
                "postcode": membership.postcode,
                "social_tariff": membership.social_tariff,
                "fee_paid": membership.fee_paid,
                "valid_from": _when(membership.valid_from),
                "valid_until": _when(membership.valid_until),
                "erase_requested_at": _when(membership.erase_requested_at),
            }
            for membership in held.babytheek_memberships
        ],
        "babytheek_loans": [
            {
                "house": loan.item.house.name,
                "item": loan.item.name,
                "pickup_date": _when(loan.pickup_date),
                "due_date": _when(loan.due_date),
                "status": loan.get_status_display(),
                "lent_at": _when(loan.lent_at),
                "returned_at": _when(loan.returned_at),
                "return_note": loan.return_note,
            }
            for loan in held.babytheek_loans
        ],
        "babytheek_waitlist": [
            {
                "house": entry.item.house.name,
                "item": entry.item.name,
                "name": entry.name,
                "email": entry.email,
                "created_at": _when(entry.created_at),
                "notified_at": _when(entry.notified_at),
            }
            for entry in held.babytheek_waitlist
        ],
    }


def _moment(value: datetime) -> str:
    return formats.date_format(timezone.localtime(value), "j F Y, H.i")


def plan_house(held, plan, now: datetime) -> None:
    """Add the appointments and babytheek records to an erasure plan (``my_data.ErasurePlan``):
    what is erased at once, and what the babytheek keeps while an item is at home."""
    for appointment in held.appointments:
        names = {"desk": appointment.desk.name, "moment": _moment(appointment.starts_at)}
        if appointment.status == AppointmentStatus.BOOKED and appointment.starts_at > now:
            what = _(
                "je afspraak bij %(desk)s op %(moment)s (we annuleren ze, zodat een ander gezin "
                "dat tijdstip kan nemen)"
            )
        else:
            what = _("je afspraak bij %(desk)s van %(moment)s")
        plan.now.append((appointment, what % names))
    for membership in held.babytheek_memberships:
        house = membership.house.name
        loans = list(membership.loans.all())
        at_home = [loan.item.name for loan in loans if loan.status == LoanStatus.LENT]
        reserved = any(loan.status == LoanStatus.RESERVED for loan in loans)
        what = (
            _("je lidmaatschap van de babytheek van %(house)s (we annuleren je reservaties)")
            if reserved
            else _("je lidmaatschap van de babytheek van %(house)s")
        ) % {"house": house}
        if at_home:
            plan.later.append(
                (
                    membership,
                    what,
                    _(
                        "je leent nog %(items)s; tot je het terugbrengt, bewaart de babytheek je "
                        "naam en contactgegevens om het terug te vragen, en de nacht nadat je "
                        "het terugbracht, wissen we ze"
                    )
                    % {"items": ", ".join(at_home)},
                    None,
                )
            )
        else:
            plan.now.append((membership, what))
    for entry in held.babytheek_waitlist:
        plan.now.append(
            (
                entry,
                _("je plaats op de wachtlijst voor %(item)s in %(house)s")
                % {"item": entry.item.name, "house": entry.item.house.name},
            )
        )


def erase_house_record(record, now: datetime) -> bool:
    """Erase one appointment or babytheek record through its app's service (see the module's
    docstring); False when ``record`` is of another kind."""
    reason = _("het gezin vroeg het wissen via mijn gegevens")
    if isinstance(record, Appointment):
        appointment_services.appointment_erase(appointment=record, reason=reason, now=now)
    elif isinstance(record, Membership):
        babytheek_services.membership_erase(membership=record, reason=reason, now=now)
    elif isinstance(record, WaitlistEntry):
        babytheek_services.waitlist_entry_erase(entry=record, reason=reason)
    else:
        return False
    return True


def house_records_held(digests: list[str]) -> bool:
    """Whether an appointment or a babytheek record carries one of ``digests``."""
    return bool(digests) and (
        Appointment.objects.filter(email_digest__in=digests, erased_at__isnull=True).exists()
        or Membership.objects.filter(email_digest__in=digests, erased_at__isnull=True).exists()
        or WaitlistEntry.objects.filter(email_digest__in=digests).exists()
    )
