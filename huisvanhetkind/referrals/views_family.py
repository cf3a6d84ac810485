"""Placeholder for the family's pages (its link, the short code) and the printed slip."""

from django.http import Http404


def _not_yet(request, *args, **kwargs):
    raise Http404


family_code = family = slip = _not_yet
