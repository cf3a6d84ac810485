"""The request id, one log line per request and the request metrics (docs/operations.md, *Logs*).

``RequestLogMiddleware`` comes first in MIDDLEWARE: it takes the proxy's ``X-Request-ID`` (nginx
sets it) or makes one, binds it to the log context (``core.logs``) for everything the request
does, tasks it enqueues included (``core.taskqueue``), returns it as ``X-Request-ID``, and at
the end writes the request's line and its metrics (``core.metrics``).
``RequestContextMiddleware`` comes last: once the user and the house are known, it adds the
user's id and the house's slug to the context of the view's own log lines.

A line names the route (``/<slug:house_slug>/vragen/<str:token>/``), never the address asked
(a family's private page has its key in the address), nor a query string or a form.
"""

import logging
import time

from huisvanhetkind.core import logs, metrics

logger = logging.getLogger("huisvanhetkind.request")

HEADER = "X-Request-ID"
# Probes and scrapes: counted, but their lines only at DEBUG (every few seconds each).
QUIET_VIEWS = {"healthz", "readyz", "metrics"}


def view_name(request) -> str:
    match = getattr(request, "resolver_match", None)
    return match.view_name if match is not None and match.view_name else "none"


def user_id(request):
    # Only once the authentication middleware set it; never the user's e-mail or name.
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return user.pk
    return None


def house_slug(request):
    house = getattr(request, "house", None)
    return getattr(house, "slug", None)


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = logs.valid_request_id(request.headers.get(HEADER)) or logs.new_request_id()
        request.request_id = request_id
        start = time.perf_counter()
        with logs.bound(request_id=request_id):
            response = self.get_response(request)
            seconds = time.perf_counter() - start
            response[HEADER] = request_id
            view = view_name(request)
            metrics.request_observe(
                method=request.method, view=view, status=response.status_code, seconds=seconds
            )
            path = logs.route_path(request)
            level = logging.ERROR if response.status_code >= 500 else logging.INFO
            if view in QUIET_VIEWS:
                level = logging.DEBUG
            logger.log(
                level,
                "%s %s %s",
                request.method,
                path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": path,
                    "view": view,
                    "status": response.status_code,
                    "duration_ms": round(seconds * 1000, 1),
                    "user_id": user_id(request),
                    "house": house_slug(request),
                },
            )
        return response


class RequestContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        logs.bind(user_id=user_id(request), house=house_slug(request))
        return None
