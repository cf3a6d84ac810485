"""``{% plan_links user %}``: the links to the plan of each house the user reads, for the
professionals' dashboard (the network app's template loads it; no import between the apps)."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from huisvanhetkind.steering.access import can_edit_plan, houses_with_readable_plan

register = template.Library()


@register.inclusion_tag("steering/_dashboard_links.html")
def plan_links(user):
    return {
        "plans": [(house, can_edit_plan(user, house)) for house in houses_with_readable_plan(user)]
    }


@register.simple_tag
def plan_progress(value, name, weight=None):
    """A progress bar with its figure in text (and the weight beside it when given): a native
    ``<progress>`` element, no JavaScript. A tag, not an include: a plan page shows hundreds."""
    weight_html = (
        format_html(
            ' <span class="plan-weight">{}</span>', _("gewicht %(weight)s") % {"weight": weight}
        )
        if weight
        else ""
    )
    if value is None:
        return format_html(
            '<span class="plan-progress"><span>{}</span>{}</span>',
            _("nog geen cijfer"),
            weight_html,
        )
    return format_html(
        '<span class="plan-progress"><progress max="100" value="{}" aria-label="{}"></progress>'
        " <strong>{} %</strong>{}</span>",
        value,
        _("Voortgang van %(name)s") % {"name": name},
        value,
        weight_html,
    )
