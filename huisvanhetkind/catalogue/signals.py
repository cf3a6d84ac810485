"""Keep the processes' copies of the offer (``catalogue.offer``) in step with the database.

Signals, not calls in the services: the offer changes through the catalogue's services, the
HSDS and CSV imports, onboarding (partnerships), the admin and data migrations alike.

Each write names the houses whose offer it changes, so only their copies are reloaded: a
service, the houses its organisation is a partner of (also those of the organisation it had
before a save, should it have moved); a partnership, its house; a house's municipalities, that
house. A domain, an age group or a municipality (their names are in every copy) concern every
house.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from huisvanhetkind.catalogue import offer
from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.network.models import AgeGroup, Domain, House, Municipality, Partnership

EVERY_HOUSE = (Domain, AgeGroup, Municipality)


def houses_of_organisations(organisation_ids) -> set[int]:
    return set(
        Partnership.objects.filter(organisation_id__in=organisation_ids).values_list(
            "house_id", flat=True
        )
    )


def houses_of_services(service_ids) -> set[int]:
    organisations = Service.objects.filter(pk__in=service_ids).values("organisation_id")
    return houses_of_organisations(organisations)


def _service_before(sender, instance, raw=False, **kwargs):
    """Remember the organisation a saved service had, should the save move it."""
    if raw or instance.pk is None:
        return
    instance._offer_organisation_before = (
        Service.objects.filter(pk=instance.pk).values_list("organisation_id", flat=True).first()
    )


def _service_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    organisations = {instance.organisation_id}
    before = getattr(instance, "_offer_organisation_before", None)
    if before is not None:
        organisations.add(before)
    offer.changed(houses_of_organisations(organisations))


def _partnership_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        offer.changed([instance.house_id])


def _every_house_changed(sender, raw=False, **kwargs):
    if not raw:
        offer.changed()


def _service_links_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """A service's domains, age groups or municipalities (from either side of the link)."""
    if not action.startswith("post_"):
        return
    if not reverse:
        offer.changed(houses_of_organisations([instance.organisation_id]))
    elif pk_set is not None:
        offer.changed(houses_of_services(pk_set))
    else:  # a domain, age group or municipality cleared of all its services
        offer.changed()


def _house_municipalities_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    if not reverse:
        offer.changed([instance.pk])
    elif pk_set is not None:
        offer.changed(pk_set)
    else:  # a municipality taken from every house
        offer.changed()


def connect() -> None:
    pre_save.connect(_service_before, sender=Service, dispatch_uid="offer-before-Service")
    post_save.connect(_service_changed, sender=Service, dispatch_uid="offer-save-Service")
    post_delete.connect(_service_changed, sender=Service, dispatch_uid="offer-delete-Service")
    for name, signal in (("save", post_save), ("delete", post_delete)):
        signal.connect(
            _partnership_changed, sender=Partnership, dispatch_uid=f"offer-{name}-Partnership"
        )
        for model in EVERY_HOUSE:
            signal.connect(
                _every_house_changed, sender=model, dispatch_uid=f"offer-{name}-{model.__name__}"
            )
    for through in (
        Service.domains.through,
        Service.age_groups.through,
        Service.service_areas.through,
    ):
        m2m_changed.connect(
            _service_links_changed, sender=through, dispatch_uid=f"offer-m2m-{through.__name__}"
        )
    m2m_changed.connect(
        _house_municipalities_changed,
        sender=House.municipalities.through,
        dispatch_uid="offer-m2m-house-municipalities",
    )
