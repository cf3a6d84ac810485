"""The form value of a slot (seconds since the epoch) in the links and buttons of the week, and
the link to the appointments on a house's home page."""

from django import template

from huisvanhetkind.appointments.forms import slot_value as _slot_value
from huisvanhetkind.appointments.selectors import bookable_desks

register = template.Library()


@register.filter
def slot_value(moment) -> str:
    return _slot_value(moment)


@register.inclusion_tag("appointments/_house_link.html")
def house_appointments_link(house):
    return {"house": house, "desks": bookable_desks(house) if house else []}
