"""The form value of a slot (seconds since the epoch) in the links and buttons of the week."""

from django import template

from huisvanhetkind.appointments.forms import slot_value as _slot_value

register = template.Library()


@register.filter
def slot_value(moment) -> str:
    return _slot_value(moment)
