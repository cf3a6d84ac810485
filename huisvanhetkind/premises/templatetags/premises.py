"""Template tags of the premises app, for the templates of the layers above it (no import
between the apps):

- ``{% room_links user %}``: the links to the rooms of each house the user sees, for the
  professionals' dashboard (the network app's template loads it);
- ``{% house_office_hours house %}``: the office hours of the house's desks, for the house's
  home page (web);
- ``{% service_office_hours house service %}``: the office hours of the desks linked to a
  service, for the service's public page (through web's ``web/_service_extras.html``).
"""

from django import template

from huisvanhetkind.premises import selectors_hours
from huisvanhetkind.premises.access import houses_with_rooms

register = template.Library()


@register.inclusion_tag("premises/_dashboard_links.html")
def room_links(user):
    return {"houses": houses_with_rooms(user)}


@register.inclusion_tag("premises/_house_hours.html")
def house_office_hours(house):
    return {"house": house, "desks": selectors_hours.house_hours(house) if house else []}


@register.inclusion_tag("premises/_service_hours.html")
def service_office_hours(house, service):
    return {"house": house, "desks": selectors_hours.service_hours(house, service)}
