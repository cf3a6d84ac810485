"""HTTP helpers shared by the apps: who is asking (the client's address behind a known number of
trusted reverse proxies) and the headers of a family's private page."""

import ipaddress

from django.conf import settings

# An IPv6 visitor controls a whole /64 (one address per device and per hour is usual), so rate
# limits count the network, not the address.
IPV6_PREFIX = 64


def client_ip(request) -> str:
    """The client's address as the nearest trusted proxy saw it.

    With ``TRUSTED_PROXY_COUNT = n`` (the proxies that append to ``X-Forwarded-For``), the client
    is the n-th address from the right: everything left of it was written by the client itself
    and is not trusted. Without proxies, or when the header is missing, too short or malformed,
    the socket's address (``REMOTE_ADDR``) is used.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count > 0:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= count:
            candidate = forwarded[-count]
            try:
                return str(ipaddress.ip_address(candidate))
            except ValueError:
                pass
    return remote


def client_key(request) -> str:
    """What rate limits count: the IPv4 address, or the /64 network of an IPv6 address (an
    IPv4 address embedded in IPv6 counts as that IPv4 address)."""
    address = client_ip(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address or "unknown"
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/{IPV6_PREFIX}", strict=False))
    return str(parsed)


def private_response(response):
    """A family's private page (its address is the key): never cached, never indexed, and its
    address never sent to another site. "same-origin", not "no-referrer": with the latter the
    browser sends ``Origin: null`` with the page's own forms, which the CSRF check refuses."""
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
