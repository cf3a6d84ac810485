"""Appointments: an appointment booked through the service, then moved past its retention."""

from huisvanhetkind.appointments import services
from huisvanhetkind.appointments.models import Appointment
from huisvanhetkind.core.mail import no_mail
from tests.appointments.conftest import make_appointment_desk, slots, topic_of

APPOINTMENT = "appointments.Appointment"


def seed_appointment(sweep):
    desk = make_appointment_desk(sweep.house, slug="loket-sweep", name="Loket (sweep)")
    with no_mail():
        appointment, _signed = services.appointment_book(
            actor=None,
            desk=desk,
            topic=topic_of(desk),
            starts_at=slots(desk)[0].starts_at,
            name=sweep.marker(APPOINTMENT),
            email=sweep.email(APPOINTMENT),
            phone=sweep.phone(APPOINTMENT),
            interpreter=True,
            interpreter_language=f"Taal {sweep.marker(APPOINTMENT)}",
            note=f"Opmerking {sweep.marker(APPOINTMENT)}",
        )
    Appointment.objects.filter(pk=appointment.pk).update(
        starts_at=sweep.days_ago(),
        ends_at=sweep.days_ago() + (appointment.ends_at - appointment.starts_at),
    )


SEEDERS = {APPOINTMENT: seed_appointment}
