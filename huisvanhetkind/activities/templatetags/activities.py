"""``{% house_activities_and_news house %}``: the next activities and the latest news of a house,
for its home page."""

from django import template

from huisvanhetkind.activities import selectors

register = template.Library()


@register.inclusion_tag("activities/_home.html")
def house_activities_and_news(house, sessions=3, news=3):
    return {"house": house, **selectors.home_summary(house, sessions=sessions, news=news)}
