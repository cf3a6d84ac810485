"""Placeholder views; the pages arrive in the next commits."""

from django.http import Http404


def _not_yet(request, *args, **kwargs):
    raise Http404


inbox = sent = new = detail = family_code = family = _not_yet
