"""The only way a PDF of the platform loads a stylesheet or an image (docs/adr/0006): a static file
of the platform, read from disk. Every other URL is refused without a request."""

import mimetypes
import posixpath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.utils._os import safe_join
from weasyprint.urls import URLFetcher, URLFetcherResponse


class RefusedURL(ValueError):
    """A URL the PDF may not load: not one of the platform's own static files."""


class StaticFilesFetcher(URLFetcher):
    """WeasyPrint's only way to load a stylesheet or an image: a static file of the platform,
    read from disk (the apps' static folders, then ``STATIC_ROOT`` for the hashed names of a
    production build). Every other URL is refused without a request; WeasyPrint then leaves the
    resource out and logs an error."""

    def __init__(self, *, origin: str):
        super().__init__(allowed_protocols=())
        # The scheme and host the page was rendered for ("https://kalmthout.example.be").
        self.origin = origin.rstrip("/")

    def fetch(self, url, headers=None):
        path = self.static_path(url)
        absolute = self._find(path)
        if absolute is None:
            raise RefusedURL(f"Not a static file of the platform: {url}")
        content_type = mimetypes.guess_type(absolute)[0] or "application/octet-stream"
        with open(absolute, "rb") as file:
            body = file.read()
        return URLFetcherResponse(url, body, {"Content-Type": content_type})

    def static_path(self, url: str) -> str:
        """The path of ``url`` inside the static files, or RefusedURL."""
        parts = urlsplit(url)
        static = urlsplit(settings.STATIC_URL)
        if static.netloc:  # static files on another host (a CDN): only that host and path
            allowed = (static.scheme, static.netloc)
        else:
            origin = urlsplit(self.origin)
            allowed = (origin.scheme, origin.netloc)
        if parts.scheme not in ("http", "https") or (parts.scheme, parts.netloc) != allowed:
            raise RefusedURL(f"Only the platform's own static files: {url}")
        if not parts.path.startswith(static.path):
            raise RefusedURL(f"Only the platform's own static files: {url}")
        path = unquote(parts.path[len(static.path) :])
        normal = posixpath.normpath(path) if path else ""
        if not normal or normal != path or normal.startswith(("/", "..")) or "\\" in path:
            raise RefusedURL(f"Not a plain path of a static file: {url}")
        return path

    @staticmethod
    def _find(path: str) -> str | None:
        found = finders.find(path)
        if found:
            return found
        try:
            candidate = safe_join(str(settings.STATIC_ROOT), path)
        except SuspiciousFileOperation:
            return None
        try:
            with open(candidate, "rb"):
                return candidate
        except OSError:
            return None
