"""The family's page behind its link: the whole plan in the family's language, its comments,
who sees each goal, a young person's agreement, the PDF and the erasure request; a wrong or
tampered link gives 404, and bad input changes nothing."""

import pytest
from django.urls import reverse

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.familyplans import services
from huisvanhetkind.familyplans.models import Comment, FamilyPlan, SetVia
from tests.familyplans.conftest import TEENAGER_BORN, make_plan

pytestmark = pytest.mark.django_db


def link(plan, token):
    return reverse("familyplans:family", kwargs={"house_slug": plan.house.slug, "token": token})


@pytest.fixture
def token(full_plan, worker):
    return services.plan_family_link(actor=worker, plan=full_plan)


def test_the_family_reads_its_whole_plan(full_plan, token, parent_client):
    response = parent_client.get(link(full_plan, token))
    body = response.content.decode()
    assert response.status_code == 200
    assert "We willen dat Noor beter slaapt" in body and "Onze schulden" in body
    assert "Slaapritueel oefenen" in body and "Kraamzorg Landelijke Thuiszorg" in body
    assert (
        response["Cache-Control"].startswith("private") or "no-store" in response["Cache-Control"]
    )
    assert AuditEvent.objects.filter(
        action="read", target_id=str(full_plan.pk), reason="family link"
    ).exists()


def test_a_tampered_or_old_link_gives_404(full_plan, token, worker, parent_client, other_house):
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert parent_client.get(link(full_plan, tampered)).status_code == 404
    assert parent_client.get(link(full_plan, "x" * 300)).status_code == 404
    other = reverse("familyplans:family", kwargs={"house_slug": other_house.slug, "token": token})
    assert parent_client.get(other).status_code == 404
    services.plan_family_link(actor=worker, plan=full_plan)
    old = parent_client.get(link(full_plan, token))
    assert old.status_code == 404 and "Noor" not in old.content.decode()
    pdf = reverse(
        "familyplans:family_pdf", kwargs={"house_slug": full_plan.house.slug, "token": tampered}
    )
    assert parent_client.get(pdf).status_code == 404


def test_the_page_is_in_the_familys_language(house, worker, organisation, parent_client):
    plan = make_plan(house, worker, organisation, language="fr", email="famille@example.be")
    token = services.plan_family_link(actor=worker, plan=plan)
    response = parent_client.get(link(plan, token))
    assert response.status_code == 200 and response["Content-Language"] == "fr"


def test_the_family_comments_and_bad_input_changes_nothing(full_plan, token, parent_client):
    address = link(full_plan, token)
    response = parent_client.post(address, {"action": "comment", "opmerking-text": "  "})
    assert response.status_code == 400 and "Schrijf je opmerking." in response.content.decode()
    response = parent_client.post(
        address, {"action": "comment", "opmerking-text": "Ok", "opmerking-goal": "999999"}
    )
    assert response.status_code == 400 and "Kies een doel van je plan." in response.content.decode()
    assert not Comment.objects.exists()
    response = parent_client.post(
        address,
        {
            "action": "comment",
            "opmerking-text": "Het slaapdagboek helpt",
            "opmerking-goal": full_plan.shared_goal.pk,
        },
    )
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.goal == full_plan.shared_goal


def test_the_family_chooses_who_sees_a_goal(
    full_plan, token, parent_client, organisation, other_organisation, fourth_organisation
):
    goal = full_plan.private_goal
    address = link(full_plan, token)
    before = sorted(goal.visible_to.values_list("pk", flat=True))
    response = parent_client.post(
        address,
        {
            "action": "visibility",
            "goal": goal.pk,
            f"zicht-{goal.pk}-visible_to": [fourth_organisation.pk],
        },
    )
    assert (
        response.status_code == 400
        and "Kies organisaties uit de lijst." in response.content.decode()
    )
    assert sorted(goal.visible_to.values_list("pk", flat=True)) == before
    response = parent_client.post(
        address,
        {
            "action": "visibility",
            "goal": goal.pk,
            f"zicht-{goal.pk}-visible_to": [organisation.pk, other_organisation.pk],
        },
    )
    assert response.status_code == 302
    goal.refresh_from_db()
    assert set(goal.visible_to.all()) == {organisation, other_organisation}
    assert goal.visibility_set_via == SetVia.FAMILY_LINK and goal.visibility_set_by is None


def test_a_young_person_agrees_through_the_link(
    full_plan, token, worker, organisation, parent_client
):
    teen = services.plan_child_add(
        actor=worker, plan=full_plan, first_name="Lars", birth_date=TEENAGER_BORN
    )
    goal = services.goal_add(
        actor=worker,
        plan=full_plan,
        text="Lars wil weer voetballen",
        child=teen,
        visible_to=[organisation],
        family_present=True,
    )
    address = link(full_plan, token)
    assert "Ik ben Lars en ik ga akkoord" in parent_client.get(address).content.decode()
    assert parent_client.post(address, {"action": "agree", "goal": goal.pk}).status_code == 302
    goal.refresh_from_db()
    assert goal.child_agreed_via == SetVia.FAMILY_LINK


def test_the_family_prints_its_plan(full_plan, token, parent_client):
    address = reverse(
        "familyplans:family_pdf", kwargs={"house_slug": full_plan.house.slug, "token": token}
    )
    response = parent_client.get(address)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_the_family_asks_to_erase_its_plan(full_plan, token, parent_client):
    address = link(full_plan, token)
    confirm = parent_client.get(address + "?stap=wissen")
    assert confirm.status_code == 200 and "Ja, wis mijn plan" in confirm.content.decode()
    # Without the confirmation nothing happens.
    parent_client.post(address, {"action": "erase"})
    full_plan.refresh_from_db()
    assert full_plan.erase_requested_at is None
    response = parent_client.post(address, {"action": "erase", "confirm": "ja"})
    assert response.status_code == 200 and "gewist" in response.content.decode()
    assert services.plans_erase_expired() == 1
    assert not FamilyPlan.objects.exists()
    assert parent_client.get(address).status_code == 404
