"""``{% knowledge_links user %}``: the links to the partners' library and trainings of each
house the user reads, for the professionals' dashboard (the network app's template loads it)."""

from django import template

from huisvanhetkind.knowledge.access import readable_houses

register = template.Library()


@register.inclusion_tag("knowledge/_dashboard_links.html")
def knowledge_links(user):
    return {"houses": readable_houses(user)}
