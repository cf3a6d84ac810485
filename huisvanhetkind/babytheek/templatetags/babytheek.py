"""Links to the babytheek: on the workplace of who runs it, on the home page of a house that has
one."""

from django import template

from huisvanhetkind.babytheek.access import runs_babytheek
from huisvanhetkind.babytheek.models import Item
from huisvanhetkind.network.access import roles_of
from huisvanhetkind.network.models import House

register = template.Library()


@register.inclusion_tag("babytheek/_dashboard_links.html")
def babytheek_links(user):
    house_ids = {role.house_id for role in roles_of(user) if role.house_id}
    houses = House.objects.filter(pk__in=house_ids, is_active=True).order_by("name")
    return {"houses": [house for house in houses if runs_babytheek(user, house)]}


@register.inclusion_tag("babytheek/_house_link.html")
def house_babytheek_link(house):
    return {"house": house, "has_items": Item.objects.filter(house=house, is_active=True).exists()}
