"""Keep the processes' copies of the offer (``catalogue.offer``) in step with the database.

Signals, not calls in the services: the offer changes through the catalogue's services, the
HSDS and CSV imports, onboarding (partnerships), the admin and data migrations alike.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from huisvanhetkind.catalogue import offer
from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.network.models import AgeGroup, Domain, House, Municipality, Partnership


def _changed(sender, raw=False, action=None, **kwargs):
    if raw or (action is not None and not action.startswith("post_")):
        return
    offer.changed()


def connect() -> None:
    for model in (Service, Partnership, Domain, AgeGroup, Municipality):
        post_save.connect(_changed, sender=model, dispatch_uid=f"offer-save-{model.__name__}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"offer-delete-{model.__name__}")
    for through in (
        Service.domains.through,
        Service.age_groups.through,
        Service.service_areas.through,
        House.municipalities.through,
    ):
        m2m_changed.connect(_changed, sender=through, dispatch_uid=f"offer-m2m-{through.__name__}")
