"""``{% urgent_open_count house %}``: the open urgent requests of a house, for the desk's home
page (the block links to the urgent requests' list)."""

from django import template

from huisvanhetkind.childcare import selectors_urgent

register = template.Library()


@register.simple_tag
def urgent_open_count(house) -> int:
    return selectors_urgent.open_urgent_count(house)


@register.simple_tag
def urgent_overdue_count(house) -> int:
    return selectors_urgent.overdue_urgent_count(house)
