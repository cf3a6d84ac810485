"""``{% room_links user %}``: the links to the rooms of each house the user sees, for the
professionals' dashboard (the network app's template loads it; no import between the apps)."""

from django import template

from huisvanhetkind.premises.access import houses_with_rooms

register = template.Library()


@register.inclusion_tag("premises/_dashboard_links.html")
def room_links(user):
    return {"houses": houses_with_rooms(user)}
