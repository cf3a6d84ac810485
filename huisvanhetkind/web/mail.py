"""Sending e-mail after the transaction commits, from two templates (subject and body)."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation


def send_templated_mail_on_commit(
    *, to: list[str], template: str, context: dict, language: str = "nl"
):
    """Render ``<template>_subject.txt`` and ``<template>.txt`` and send them once the data is saved."""
    context = {**context, "site_url": settings.SITE_URL}

    def _send():
        with translation.override(language):
            subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
            body = render_to_string(f"{template}.txt", context)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to)

    transaction.on_commit(_send)
