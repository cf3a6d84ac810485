"""The demo's family plan: the fictitious family Vermeulen in Kalmthout with three partners,
each through the family's consent, goals seen only by the partners the family chose, a late
agreement in the maker's to-do list and the family's link; written once."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from huisvanhetkind.demo.familyplans import demo_family_plan_token
from huisvanhetkind.demo.services import demo_seed
from huisvanhetkind.familyplans import selectors, services
from huisvanhetkind.familyplans.models import FamilyPlan
from huisvanhetkind.familyplans.todo import family_plan_items

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_family_plan_with_three_partners_written_once():
    demo_seed()
    plan = FamilyPlan.objects.get(house__slug="kalmthout")
    today = timezone.localdate()
    names = {p.organisation.name for p in plan.partners.all()}
    assert names == {
        "Opvoedingspunt Kalmthout",
        "Kind en Gezin",
        "OCMW Kalmthout, sociale dienst",
    }
    assert len(services.current_partner_ids(plan, today)) == 3
    kind_en_gezin = plan.partners.get(organisation__name="Kind en Gezin").organisation
    user = get_user_model().objects.get(username="lien.claes@kind-en-gezin.example.be")
    view = selectors.plan_read(actor=user, plan=plan, organisation=kind_en_gezin, today=today)
    assert len(view.goals) == 1 and view.hidden == 2
    maker = get_user_model().objects.get(username="jonas.goossens@kalmthout.example.be")
    assert any("te laat" in item.title for item in family_plan_items(maker))
    address = reverse(
        "familyplans:family",
        kwargs={"house_slug": "kalmthout", "token": demo_family_plan_token("vermeulen")},
    )
    page = Client().get(address)
    assert (
        page.status_code == 200 and "Jens wil terug naar de jeugdbeweging" in page.content.decode()
    )
    demo_seed()
    assert FamilyPlan.objects.count() == 1
