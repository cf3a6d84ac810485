"""``{% todo_count as n %}``: how many things wait for the professional of this request (the
count beside *Mijn werkplek* in the navigation), kept a minute per session (``todo.menu_count``)."""

from django import template

from huisvanhetkind.core import todo

register = template.Library()


@register.simple_tag(takes_context=True)
def todo_count(context) -> int:
    request = context.get("request")
    if request is None:
        return 0
    return todo.menu_count(request)
