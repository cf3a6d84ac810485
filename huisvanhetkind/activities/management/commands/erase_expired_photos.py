"""Remove the photos that are no longer needed (run daily): those of activities that ended
ACTIVITY_PHOTO_RETENTION_DAYS ago, and files no activity or news item names any more."""

from django.core.management.base import BaseCommand

from huisvanhetkind.activities import services_news


class Command(BaseCommand):
    help = (
        "Remove the photos of activities that ended more than ACTIVITY_PHOTO_RETENTION_DAYS ago "
        "and the photo files that no activity or news item uses any more."
    )

    def handle(self, *args, **options):
        removed = services_news.photos_erase_expired()
        self.stdout.write(
            f"Removed {removed['activities']} activity photo(s) past retention and "
            f"{removed['orphans']} unused photo file(s)."
        )
