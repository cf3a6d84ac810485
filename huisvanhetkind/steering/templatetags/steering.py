"""``{% plan_links user %}``: the links to the plan of each house the user reads, for the
professionals' dashboard (the network app's template loads it; no import between the apps)."""

from functools import lru_cache

from django import template
from django.template.defaultfilters import floatformat
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from huisvanhetkind.network.access import is_coordinator
from huisvanhetkind.network.models import GroupMembership
from huisvanhetkind.steering.access import can_edit_plan, houses_with_readable_plan
from huisvanhetkind.steering.models import AnnualPlan
from huisvanhetkind.steering.workflow import ActionStatus

register = template.Library()


@register.inclusion_tag("steering/_dashboard_links.html")
def plan_links(user):
    houses = houses_with_readable_plan(user)
    year = timezone.localdate().year
    meeting_houses = (
        set(
            GroupMembership.objects.filter(user=user, group__house__in=houses).values_list(
                "group__house_id", flat=True
            )
        )
        if houses
        else set()
    )
    return {
        "plans": [
            (
                house,
                can_edit_plan(user, house),
                house.pk in meeting_houses or is_coordinator(user, house),
            )
            for house in houses
        ],
        "year": year,
        "with_plan": set(
            AnnualPlan.objects.filter(house__in=houses, year=year).values_list(
                "house_id", flat=True
            )
        )
        if houses
        else set(),
    }


@lru_cache(maxsize=8)
def _texts(language: str) -> dict[str, str]:
    """The words of a plan's rows in ``language``, translated once per language and process (a
    plan page shows hundreds of rows; docs/performance.md, *The plan*)."""
    return {
        "weight": _("gewicht %(weight)s"),
        "no_figure": _("nog geen cijfer"),
        "progress_of": _("Voortgang van %(name)s"),
        "lead": _("trekker %(lead)s"),
        "budget": _("budget € %(budget)s"),
        "from_to": _("van %(baseline)s naar %(target)s"),
        **{f"status:{value}": str(label) for value, label in ActionStatus.choices},
    }


def texts() -> dict[str, str]:
    return _texts(get_language() or "")


def _progress_html(value, name, weight, words: dict[str, str]) -> str:
    """The HTML of ``plan_progress`` (its parts escaped here: format_html's generality costs
    too much for the hundreds of rows of a plan page)."""
    weight_html = (
        f' <span class="plan-weight">{escape(words["weight"] % {"weight": weight})}</span>'
        if weight
        else ""
    )
    if value is None:
        return (
            f'<span class="plan-progress"><span>{escape(words["no_figure"])}</span>'
            f"{weight_html}</span>"
        )
    label = escape(words["progress_of"] % {"name": name})
    return (
        f'<span class="plan-progress"><progress max="100" value="{escape(value)}" '
        f'aria-label="{label}"></progress> <strong>{escape(value)} %</strong>{weight_html}</span>'
    )


@register.simple_tag
def plan_progress(value, name, weight=None):
    """A progress bar with its figure in text (and the weight beside it when given): a native
    ``<progress>`` element, no JavaScript. A tag, not an include: a plan page shows hundreds."""
    return mark_safe(_progress_html(value, name, weight, texts()))  # noqa: S308 (escaped above)


@register.simple_tag
def plan_action(item, action_base: str = "", public: bool = False):
    """One action of a plan as a list item: its title (a link for professionals), status and
    progress; for professionals also the lead, the budget, the weight and the indicator with
    its baseline and target. Rendered here, not in a template: a plan holds hundreds."""
    action = item.action
    words = texts()
    title = escape(action.title)
    status = escape(words.get(f"status:{action.status}", action.status))
    if public:
        head = f"{title} ({status})"
    else:
        head = f'<a href="{escape(action_base)}{action.pk}/">{title}</a> — {status}'
        if action.lead_organisation_id:
            head += ", " + escape(words["lead"] % {"lead": action.lead_organisation.name})
        if action.budget is not None:
            head += ", " + escape(words["budget"] % {"budget": action.budget})
    progress = _progress_html(item.progress, action.title, None if public else action.weight, words)
    indicator = ""
    if item.indicator is not None:
        text = f"{item.indicator.label}: {item.shown_value}"
        if not public:
            text += " (%s)" % (
                words["from_to"]
                % {
                    "baseline": floatformat(action.baseline, "-2"),
                    "target": floatformat(action.target, "-2"),
                }
            )
        indicator = f" <small>{escape(text)}</small>"
    return mark_safe(f"<li>{head}<br>{progress}{indicator}</li>")  # noqa: S308 (escaped above)
