"""Fill the database with the two demo houses, their partners and fictitious professionals."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from huisvanhetkind.demo.services import DEMO_PASSWORD, demo_seed


class Command(BaseCommand):
    help = "Load the demo houses, partners and accounts (only with DEMO_MODE=1 and DEBUG=1)."

    def handle(self, *args, **options):
        if not settings.DEMO_MODE or not settings.DEBUG:
            raise CommandError(
                "seed_demo only runs in the demo (DEMO_MODE=1 and DEBUG=1): it creates accounts "
                "with known passwords."
            )
        result = demo_seed()
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.houses} houses, {result.organisations} organisations, "
                f"{result.services} services ({result.indexed} in the search index)."
            )
        )
        self.stdout.write("")
        self.stdout.write(
            "Log in at http://127.0.0.1:8000/accounts/login/ with one of these demo accounts:"
        )
        for role, email in result.accounts:
            self.stdout.write(f"  {role:<13} {email}")
        self.stdout.write(f"  password for all: {DEMO_PASSWORD}")
        self.stdout.write(
            "  second factor: run `make demo-code EMAIL=<address>` for the current code, or add the "
            "secret from `make demo-code EMAIL=<address>` to an authenticator app."
        )
        self.stdout.write("  e-mails (invitations, decisions) are written to var/mail/.")
        link = result.family_link
        if link is not None:
            self.stdout.write("")
            self.stdout.write(
                "A family's own page of a referral that its receiver contacted (the README's "
                '"What to try" follows a referral from start to end):'
            )
            self.stdout.write(f"  family link: {link.url}")
            if link.code:
                self.stdout.write(f"  or type the code {link.code} on {link.code_url}")
        if result.childcare_link:
            self.stdout.write("")
            self.stdout.write(
                "A family's childcare request with a place its provider confirmed after the "
                "demo's allocation round (accept or decline it there):"
            )
            self.stdout.write(f"  childcare link: {result.childcare_link}")
