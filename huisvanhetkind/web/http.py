"""Response helpers shared by the apps."""


def private_response(response):
    """A family's private page (its address is the key): never cached, never indexed, and its
    address never sent to another site. "same-origin", not "no-referrer": with the latter the
    browser sends ``Origin: null`` with the page's own forms, which the CSRF check refuses."""
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
