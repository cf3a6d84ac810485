"""Sending e-mail after the transaction commits, from two templates (subject and body)."""

import logging
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)

# The addresses that could not be reached during the current request (None outside a request).
_undelivered: ContextVar[list[str] | None] = ContextVar("undelivered", default=None)
# True within ``no_mail()``: the e-mails of the block are not sent at all.
_silenced: ContextVar[bool] = ContextVar("silenced", default=False)


@contextmanager
def collect_undelivered():
    """Within the block, an e-mail that cannot be sent is logged and its addresses collected
    instead of raised: the data it is about is saved by then, and an error page would hide
    that (``web.middleware.UndeliveredMailMiddleware`` tells the visitor)."""
    token = _undelivered.set([])
    try:
        yield _undelivered.get()
    finally:
        _undelivered.reset(token)


@contextmanager
def no_mail():
    """Within the block, ``send_templated_mail_on_commit`` sends nothing: for the demo seeder,
    which writes the made-up families' history through the same services as the pages and must
    not e-mail anyone."""
    token = _silenced.set(True)
    try:
        yield
    finally:
        _silenced.reset(token)


def send_templated_mail_on_commit(
    *, to: list[str], template: str, context: dict, language: str = "nl"
):
    """Render ``<template>_subject.txt`` and ``<template>.txt`` and send them once the data is saved.

    In a request a failure to send is logged and reported to the visitor; elsewhere (a
    background task, a command) it is raised, so that the task fails visibly. Within
    ``no_mail()`` nothing is sent."""
    if _silenced.get():
        return
    context = {**context, "site_url": settings.SITE_URL}

    def _send():
        with translation.override(language):
            subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
            body = render_to_string(f"{template}.txt", context)
        undelivered = _undelivered.get()
        try:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to)
        except Exception as error:
            if undelivered is None:
                raise
            # Neither the addresses nor the traceback (SMTPRecipientsRefused carries the
            # addresses in its message): the log is no place for personal data.
            logger.error(
                "E-mail %s to %d recipient(s) could not be sent: %s",
                template,
                len(to),
                type(error).__name__,
            )
            undelivered.extend(to)

    transaction.on_commit(_send)
