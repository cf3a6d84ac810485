"""The one list of platform paths: no house slug can shadow one, on the path or on a house's own
domain."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from huisvanhetkind.core.paths import PLATFORM_PATHS, RESERVED_SLUGS
from huisvanhetkind.network.validators import validate_house_slug


def _routes(patterns, prefix=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route


def _first_segment(route: str) -> str:
    return route.lstrip("^").split("/", 1)[0].rstrip("$")


def test_every_top_level_path_of_the_platform_is_reserved():
    segments = {_first_segment(route) for route in _routes(get_resolver().url_patterns)}
    segments -= {"", "<slug:house_slug>"}
    assert segments, "the walk found no platform paths"
    assert segments <= RESERVED_SLUGS, f"not in core.paths: {sorted(segments - RESERVED_SLUGS)}"


@pytest.mark.parametrize("slug", sorted(RESERVED_SLUGS))
def test_a_house_cannot_take_a_platform_path_as_its_slug(slug):
    with pytest.raises(ValidationError):
        validate_house_slug(slug)


def test_an_ordinary_slug_is_accepted():
    validate_house_slug("kalmthout")


@pytest.mark.django_db
def test_on_a_houses_own_domain_platform_paths_stay_the_platforms(house, settings):
    settings.ALLOWED_HOSTS = ["huisvanhetkind.kalmthout.be"]
    house.domain = "huisvanhetkind.kalmthout.be"
    house.save()
    client = Client(HTTP_HOST="huisvanhetkind.kalmthout.be")
    assert client.get("/accounts/login/").status_code == 200
    assert client.get("/healthz").status_code == 200
    # The control: a house page on that domain is the house's, without the slug.
    assert house.name in client.get("/partners/").content.decode()


def test_platform_paths_are_unique():
    segments = [path.segment for path in PLATFORM_PATHS]
    assert len(segments) == len(set(segments))
