"""The demo writes its network through the network's services: each house, organisation,
partnership, location and pending application is in the audit trail once, in the trail's shape,
and seeding again records nothing more."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.demo.services import demo_hsds_id, load
from huisvanhetkind.network.models import House, Location, Organisation, PartnerApplication

pytestmark = pytest.mark.django_db


def seed() -> None:
    call_command("seed_demo", stdout=StringIO())


def created(model) -> set[str]:
    return set(
        AuditEvent.objects.filter(action="create", target_type=model._meta.label_lower).values_list(
            "target_id", flat=True
        )
    )


@override_settings(DEMO_MODE=True, DEBUG=True)
def test_the_demos_network_is_in_the_trail_once_and_a_second_seed_records_nothing():
    seed()
    network = load("houses") | load("organisations") | load("people")
    for model in (House, Organisation, Location, PartnerApplication):
        assert created(model) == {str(pk) for pk in model.objects.values_list("pk", flat=True)}
    kind_en_gezin = Organisation.objects.get(name="Kind en Gezin")
    assert kind_en_gezin.hsds_id == demo_hsds_id("organisation", "Kind en Gezin")
    row = next(r for r in network["organisations"] if r["name"] == "Kind en Gezin")
    houses = set(
        AuditEvent.objects.filter(
            action="create", target_type="network.organisation", target_id=str(kind_en_gezin.pk)
        ).values_list("house__slug", flat=True)
    )
    assert houses == set(row["houses"])
    for event in AuditEvent.objects.filter(target_type__startswith="network."):
        assert all(
            isinstance(change, list) and len(change) == 2 for change in event.changes.values()
        )

    network_events = AuditEvent.objects.filter(target_type__startswith="network.").count()
    seed()
    assert AuditEvent.objects.filter(target_type__startswith="network.").count() == network_events
