"""Template tags of the activities:

- ``{% house_activities_and_news house %}``: the next activities and the latest news of a house,
  for its home page;
- ``{% session_cards sessions calendar_url %}``: the cards of the calendar (list and week).

The cards are written here rather than by an ``{% include %}`` per session: a busy week shows
200 of them, and the template engine spent about 80 µs on each (resolving variables, the ``time``
filter, a plural per card); this costs a fifth of that (docs/performance.md, "Activities").
"""

from django import template
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from huisvanhetkind.activities import selectors

register = template.Library()


@register.inclusion_tag("activities/_home.html")
def house_activities_and_news(house, sessions=3, news=3):
    return {"house": house, **selectors.home_summary(house, sessions=sessions, news=news)}


def _places(session) -> str:
    if not session.activity.needs_registration:
        return gettext("vrij binnenlopen")
    free = session.free_places
    if free is None:
        return ""
    if free > 0:
        return ngettext("nog %(count)s plaats vrij", "nog %(count)s plaatsen vrij", free) % {
            "count": free
        }
    return gettext("volzet, wachtlijst")


@register.simple_tag
def session_cards(sessions, calendar_url) -> SafeString:
    """One ``<li class="card">`` per session: title (to the activity's page, which is the
    calendar URL plus its id), time and place, summary, price and free places."""
    escape = conditional_escape
    free_tag = f'<span class="tag tag--good">{escape(gettext("gratis"))}</span>'
    social_tag = f'<span class="tag">{escape(gettext("sociaal tarief"))}</span>'
    url = escape(calendar_url)
    cards = []
    for session in sessions:
        activity = session.activity
        where = activity.where
        start = timezone.localtime(session.starts_at).strftime("%H:%M")
        end = timezone.localtime(session.ends_at).strftime("%H:%M")
        meta = f"{start}–{end} · {escape(where)}" if where else f"{start}–{end}"
        summary = f"\n  <p>{escape(activity.summary)}</p>" if activity.summary else ""
        price = free_tag if activity.is_free else social_tag if activity.social_tariff else ""
        places = _places(session)
        place_tag = f'<span class="tag">{escape(places)}</span>' if places else ""
        cards.append(
            f'<li class="card">\n  <h3><a href="{url}{activity.pk}/">{escape(activity.title)}</a>'
            f'</h3>\n  <p class="meta">{meta}</p>{summary}\n  <p>{price}\n  {place_tag}</p>\n</li>'
        )
    return mark_safe("".join(cards))  # noqa: S308 - every value above is escaped
