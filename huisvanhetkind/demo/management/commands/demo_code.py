"""Print the current second-factor code of a demo account (only with DEMO_MODE=1)."""

from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from huisvanhetkind.demo.services import demo_totp_secret


class Command(BaseCommand):
    help = "Print the TOTP secret and current code of a demo account."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        if not settings.DEMO_MODE or not settings.DEBUG:
            raise CommandError("demo_code only works in the demo (DEMO_MODE=1 and DEBUG=1).")
        secret = demo_totp_secret(email)
        counters = list(yield_hotp_counters_from_time())
        current = counters[len(counters) // 2]
        self.stdout.write(f"secret: {secret}")
        self.stdout.write(f"code:   {format_hotp_value(hotp_value(secret, current))}")
