"""Keep the postings per house in step with the partnerships (``SearchHousePosting``)."""

from django.db.models.signals import post_delete, post_save

from huisvanhetkind.catalogue.search.services import index_partnership
from huisvanhetkind.network.models import Partnership


def _partnership_changed(sender, instance, raw=False, created=True, **kwargs):
    # A change of status keeps the rows (the catalogue filters on the status); a new or a
    # removed partnership adds or removes the house's copy of the organisation's postings.
    if not raw and created:
        index_partnership(organisation_id=instance.organisation_id, house_id=instance.house_id)


def connect() -> None:
    post_save.connect(_partnership_changed, sender=Partnership, dispatch_uid="house-postings-save")
    post_delete.connect(
        _partnership_changed, sender=Partnership, dispatch_uid="house-postings-delete"
    )
