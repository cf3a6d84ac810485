"""The shared pieces of every app's services: state checks, model_update and audit values."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import models

from huisvanhetkind.core.services import audit_value, model_update
from huisvanhetkind.core.workflow import can_transition, check_transition
from huisvanhetkind.network.models import Domain
from tests.factories import OrganisationFactory


class Light(models.TextChoices):
    RED = "red", "rood"
    GREEN = "green", "groen"
    OFF = "off", "uit"


ALLOWED = {Light.RED: {Light.GREEN, Light.OFF}, Light.GREEN: {Light.RED}, Light.OFF: set()}


def test_an_allowed_move_passes_and_another_is_refused_in_dutch():
    check_transition(Light, ALLOWED, "red", "green")
    assert can_transition(ALLOWED, "green", "red")
    with pytest.raises(ValidationError) as refused:
        check_transition(Light, ALLOWED, "off", "green")
    assert refused.value.messages == ["De status “uit” kan niet “groen” worden."]


@pytest.mark.django_db
def test_model_update_saves_and_returns_only_what_changed(house, django_assert_num_queries):
    organisation = OrganisationFactory(name="Kind en Gezin", phone="03 111 11 11")
    changes = model_update(
        instance=organisation, data={"name": "Kind en Gezin", "phone": "03 222 22 22"}
    )
    assert changes == {"phone": ["03 111 11 11", "03 222 22 22"]}
    organisation.refresh_from_db()
    assert organisation.phone == "03 222 22 22"
    with django_assert_num_queries(0):
        assert model_update(instance=organisation, data={"phone": "03 222 22 22"}) == {}


@pytest.mark.django_db
def test_model_update_compares_many_to_many_members(house):
    organisation = OrganisationFactory(houses=[house], domains=["gezondheid"])
    from huisvanhetkind.network.models import Domain

    new = list(Domain.objects.filter(slug__in=["gezondheid", "onderwijs"]))
    changes = model_update(instance=organisation, data={"domains": new}, m2m=("domains",))
    assert list(changes) == ["domains"]
    before, after = changes["domains"]
    assert len(before) == 1 and len(after) == 2
    assert model_update(instance=organisation, data={"domains": new}, m2m=("domains",)) == {}


def test_audit_value_gives_every_kind_of_value_as_the_trail_holds_it(house):
    domains = list(Domain.objects.filter(slug__in=["gezondheid", "onderwijs"]))
    assert audit_value(house) == house.pk
    assert audit_value(domains[::-1]) == sorted(str(d) for d in domains)
    assert audit_value(Domain.objects.filter(pk__in=[d.pk for d in domains])) == sorted(
        str(d) for d in domains
    )
    assert audit_value(["nl", "fr"]) == ["nl", "fr"]  # order of a plain list kept
    assert audit_value([date(2026, 1, 2), 3]) == ["2026-01-02", 3]
    assert audit_value(Decimal("2.50")) == "2.50"
    assert audit_value({"a": 1}) == {"a": 1}
    assert audit_value(None) is None and audit_value(True) is True
