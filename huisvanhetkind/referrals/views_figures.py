"""Placeholder for the coordinator's referral figures."""

from django.http import Http404


def _not_yet(request, *args, **kwargs):
    raise Http404


figures = _not_yet
