"""The activity page's schema.org JSON-LD cannot be broken out of by an activity's title."""

import json
import re

import pytest
from django.urls import reverse

from tests.factories import ActivityFactory, SessionFactory

pytestmark = pytest.mark.django_db


def test_json_ld_escapes_markup_so_a_title_cannot_blank_the_page(parent_client, house):
    activity = ActivityFactory(house=house, title="Speelpret <!--<script> & co")
    SessionFactory(activity=activity)
    page = parent_client.get(
        reverse("activities:detail", kwargs={"house_slug": house.slug, "pk": activity.pk})
    ).content.decode()
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    assert "<" not in script and "&" not in script
    assert "\\u003C!--\\u003Cscript\\u003E \\u0026 co" in script
    assert json.loads(script)[0]["name"] == "Speelpret <!--<script> & co"
    # The page goes on after the data: the title is shown as text.
    assert "Speelpret &lt;!--&lt;script&gt; &amp; co" in page
