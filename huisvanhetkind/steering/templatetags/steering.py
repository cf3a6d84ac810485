"""``{% plan_links user %}``: the links to the plan of each house the user reads, for the
professionals' dashboard (the network app's template loads it; no import between the apps)."""

from django import template

from huisvanhetkind.steering.access import can_edit_plan, houses_with_readable_plan

register = template.Library()


@register.inclusion_tag("steering/_dashboard_links.html")
def plan_links(user):
    return {
        "plans": [(house, can_edit_plan(user, house)) for house in houses_with_readable_plan(user)]
    }
