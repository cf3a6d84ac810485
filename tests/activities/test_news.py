"""News by the coordinator and partners: sanitised, public list and detail, an Atom feed."""

from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import timezone

from huisvanhetkind.activities import services_news
from huisvanhetkind.activities.models import NewsItem
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def publish(house, title="Nieuwe Speelbabbel", **extra):
    data = {"house": house, "title": title, "body": "<p>Welkom!</p>", "is_published": True}
    data.update(extra)
    return services_news.news_save(item=NewsItem(**data), actor=None)


def test_body_is_sanitised(house):
    item = publish(
        house,
        body='<p onclick="x()">Hallo<script>alert(1)</script> <a href="https://kindengezin.be">link</a></p>',
    )

    assert "script" not in item.body and "onclick" not in item.body
    assert 'href="https://kindengezin.be"' in item.body


def test_news_list_detail_and_atom_feed(parent_client, house, other_house):
    item = publish(house)
    publish(house, title="Nog niet", is_published=False)
    publish(house, title="Later", published_at=timezone.now() + timedelta(days=2))
    publish(other_house, title="Elders")

    listing = parent_client.get(reverse("activities:news", kwargs={"house_slug": house.slug}))
    detail = parent_client.get(
        reverse("activities:news_detail", kwargs={"house_slug": house.slug, "pk": item.pk})
    )
    feed = parent_client.get(reverse("activities:news_feed", kwargs={"house_slug": house.slug}))

    html = listing.content.decode()
    assert "Nieuwe Speelbabbel" in html
    assert "Nog niet" not in html and "Later" not in html and "Elders" not in html
    assert "<p>Welkom!</p>" in detail.content.decode()
    assert feed["Content-Type"].startswith("application/atom+xml")
    titles = [
        e.findtext(f"{ATOM}title")
        for e in ElementTree.fromstring(feed.content).iter(f"{ATOM}entry")
    ]
    assert titles == ["Nieuwe Speelbabbel"]


def test_unpublished_news_is_404(parent_client, house):
    item = publish(house, is_published=False)

    url = reverse("activities:news_detail", kwargs={"house_slug": house.slug, "pk": item.pk})
    assert parent_client.get(url).status_code == 404


def test_partner_writes_news_for_its_own_organisation(worker, house, organisation):
    response = logged_in(worker).post(
        reverse("activities:news_new", kwargs={"house_slug": house.slug}),
        {
            "title": "Workshop slapen",
            "body": "<p>Kom <b>gerust</b></p><img src=x onerror=alert(1)>",
            "organisation": organisation.pk,
            "published_at": "2026-01-01T10:00",
            "is_published": "on",
        },
    )

    assert response.status_code == 302
    item = NewsItem.objects.get()
    assert item.organisation == organisation and "onerror" not in item.body


def test_outsider_cannot_edit_a_partners_news(outsider, house, organisation):
    item = publish(house, organisation=organisation)

    url = reverse("activities:news_edit", kwargs={"house_slug": house.slug, "pk": item.pk})
    assert logged_in(outsider).post(url, {"title": "Gekaapt"}).status_code == 404
    item.refresh_from_db()
    assert item.title == "Nieuwe Speelbabbel"


def test_worker_of_another_house_cannot_manage_news(other_coordinator, house):
    url = reverse("activities:manage_news", kwargs={"house_slug": house.slug})

    assert logged_in(other_coordinator).get(url).status_code == 404


def test_coordinator_manages_all_news_of_the_house(coordinator, house, organisation):
    publish(house, organisation=organisation, title="Van een partner")

    response = logged_in(coordinator).get(
        reverse("activities:manage_news", kwargs={"house_slug": house.slug})
    )

    assert "Van een partner" in response.content.decode()


def test_home_page_block_shows_next_activities_and_latest_news(house, session):  # noqa: ARG001
    from django.template import Context, Template

    publish(house, title="Open huis")
    html = Template("{% load activities %}{% house_activities_and_news house %}").render(
        Context({"house": house})
    )

    assert "Speelbabbel" in html and "Open huis" in html
