"""Placeholder for the professionals' pages (inbox, sent, the journey, one referral)."""

from django.http import Http404


def _not_yet(request, *args, **kwargs):
    raise Http404


inbox = sent = new = detail = action = policy = _not_yet
