"""Rebuild the search index of the catalogue from scratch (after an import or a text change)."""

import time

from django.core.management.base import BaseCommand

from huisvanhetkind.catalogue import offer
from huisvanhetkind.catalogue.search.services import rebuild_index


class Command(BaseCommand):
    help = "Index every service of the catalogue again for search."

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size", type=int, default=1000, help="Services read per batch (default 1000)."
        )

    def handle(self, *args, batch_size, **options):
        started = time.monotonic()
        count = rebuild_index(batch_size=batch_size)
        offer.changed()  # after a bulk load the processes' copies of the offer are stale too
        elapsed = time.monotonic() - started
        self.stdout.write(f"Indexed {count} services in {elapsed:.1f} s.")
