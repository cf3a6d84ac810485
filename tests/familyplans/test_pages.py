"""The professionals' pages of the family plan: making a plan, the forms of the round table
(bad input gets a Dutch message, a 400 and changes nothing), the PDF, the coordinator's counts;
and who learns nothing (an organisation outside the plan, the house's coordinator for content,
another house's coordinator, an anonymous visitor), with the same answer for "no plan" and "not
yours", and a partner whose consent expired."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.familyplans import services
from huisvanhetkind.familyplans.models import Action, FamilyPlan, Goal, PlanPartner, SetVia
from huisvanhetkind.familyplans.workflow import ActionStatus
from huisvanhetkind.referrals.models import Consent
from tests.conftest import logged_in
from tests.familyplans.conftest import TEENAGER_BORN

pytestmark = pytest.mark.django_db


def detail(plan_or_pk):
    return reverse("familyplans:detail", kwargs={"pk": getattr(plan_or_pk, "pk", plan_or_pk)})


def url(name, plan, **kwargs):
    return reverse(f"familyplans:{name}", kwargs={"pk": plan.pk, **kwargs})


def state():
    return (
        FamilyPlan.objects.count(),
        PlanPartner.objects.count(),
        Goal.objects.count(),
        Action.objects.count(),
        Consent.objects.count(),
        list(Action.objects.values_list("status", flat=True)),
    )


def new_plan_data(organisation, **overrides):
    data = {
        "organisation": organisation.pk,
        "family_name": "Gezin Wouters",
        "email": "gezin.wouters@example.be",
        "phone": "",
        "language": "nl",
        "given_by": Consent.GivenBy.PARENT,
        "obtained_via": Consent.ObtainedVia.IN_PERSON,
        "expires_on": (timezone.localdate() + timedelta(days=200)).isoformat(),
        "review_on": "",
        "family_present": "on",
    }
    data.update(overrides)
    return data


def test_the_worker_makes_a_plan_through_the_page(worker, organisation):
    client = logged_in(worker)
    page = client.get(reverse("familyplans:new"))
    assert page.status_code == 200 and 'for="id_family_name"' in page.content.decode()
    response = client.post(reverse("familyplans:new"), new_plan_data(organisation))
    plan = FamilyPlan.objects.get()
    assert response.status_code == 302 and response.url == detail(plan)
    body = client.get(detail(plan)).content.decode()
    assert "Gezin Wouters" in body and "Opvoedingspunt Kalmthout" in body
    assert AuditEvent.objects.filter(
        action="read", target_id=str(plan.pk), organisation=organisation
    ).exists()
    listing = client.get(reverse("familyplans:index")).content.decode()
    assert detail(plan) in listing


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"family_present": ""}, "gezin erbij"),
        ({"family_name": ""}, "Vul de naam van het gezin in."),
        ({"email": "geen-adres"}, "Vul een geldig e-mailadres in."),
        ({"email": ""}, "e-mailadres of een telefoonnummer"),
        ({"expires_on": "morgen"}, "Vul een datum in"),
        ({"given_by": "buurman"}, "Kies wie de toestemming geeft."),
        ({"review_on": "2001-01-01"}, "na vandaag"),
    ],
)
def test_bad_input_on_the_new_plan_page_changes_nothing(worker, organisation, overrides, message):
    before = state()
    response = logged_in(worker).post(
        reverse("familyplans:new"), new_plan_data(organisation, **overrides)
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert state() == before


def test_the_round_table_forms_work_through_the_page(
    plan, worker, organisation, other_organisation, third_organisation, nurse
):
    client = logged_in(worker)
    response = client.post(
        url("partner_add", plan),
        {
            "partner-organisation": other_organisation.pk,
            "partner-given_by": Consent.GivenBy.PARENT,
            "partner-obtained_via": Consent.ObtainedVia.IN_PERSON,
            "partner-expires_on": (timezone.localdate() + timedelta(days=100)).isoformat(),
            "partner-family_present": "on",
        },
    )
    assert response.status_code == 302
    response = client.post(
        url("goal_add", plan),
        {
            "doel-text": "Meer rust aan tafel",
            "doel-visible_to": [organisation.pk, other_organisation.pk],
            "doel-family_present": "on",
        },
    )
    assert response.status_code == 302
    goal = Goal.objects.get()
    response = client.post(
        url("action_add", plan),
        {
            "afspraak-goal": goal.pk,
            "afspraak-what": "Samen een weekschema maken",
            "afspraak-organisation": other_organisation.pk,
            "afspraak-person": nurse.pk,
            "afspraak-due_on": (timezone.localdate() + timedelta(days=14)).isoformat(),
            "afspraak-support": "",
        },
    )
    assert response.status_code == 302
    action = Action.objects.get()
    assert action.person == nurse
    nurse_client = logged_in(nurse)
    page = nurse_client.get(detail(plan)).content.decode()
    assert "Meer rust aan tafel" in page and "Samen een weekschema maken" in page
    response = nurse_client.post(
        url("action_status", plan, action_pk=action.pk), {"status": ActionStatus.DONE}
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE


def test_bad_input_on_the_round_table_forms_changes_nothing(
    full_plan, worker, organisation, other_organisation, fourth_organisation
):
    client = logged_in(worker)
    action = full_plan.actions.get()
    cases = [
        (url("goal_add", full_plan), {"doel-text": "", "doel-family_present": "on"}, "woorden"),
        (
            url("goal_add", full_plan),
            {"doel-text": "Rust", "doel-visible_to": [organisation.pk]},
            "gezin erbij",
        ),
        (
            url("goal_add", full_plan),
            {"doel-text": "Rust", "doel-visible_to": ["x"], "doel-family_present": "on"},
            "Kies organisaties uit de lijst.",
        ),
        (
            url("action_add", full_plan),
            {
                "afspraak-goal": full_plan.private_goal.pk,
                "afspraak-what": "Iets",
                "afspraak-organisation": other_organisation.pk,
            },
            "mag dit doel niet zien",
        ),
        (
            url("action_add", full_plan),
            {"afspraak-goal": full_plan.shared_goal.pk, "afspraak-what": ""},
            "Zeg wat er afgesproken is.",
        ),
        (
            url("action_add", full_plan),
            {
                "afspraak-goal": full_plan.shared_goal.pk,
                "afspraak-what": "Iets",
                "afspraak-organisation": other_organisation.pk,
                "afspraak-due_on": "31-31-2026",
            },
            "Vul een datum in",
        ),
        (
            url("partner_add", full_plan),
            {"partner-organisation": fourth_organisation.pk, "partner-given_by": "parent"},
            "Kies hoe de toestemming gegeven werd.",
        ),
        (
            url("partner_add", full_plan),
            {
                "partner-organisation": fourth_organisation.pk,
                "partner-given_by": "parent",
                "partner-obtained_via": "in_person",
                "partner-expires_on": (timezone.localdate() + timedelta(days=30)).isoformat(),
            },
            "gezin erbij",
        ),
        (
            url("action_status", full_plan, action_pk=action.pk),
            {"status": "weg"},
            "status uit de lijst",
        ),
        (url("action_status", full_plan, action_pk=action.pk), {"status": "open"}, "kan niet"),
        (url("review", full_plan), {"evaluatie-review_on": ""}, "volgende evaluatie"),
        (
            url("child_add", full_plan),
            {"kind-first_name": "Mo", "kind-birth_date": "2099-01-01"},
            "toekomst",
        ),
        (
            url("goal_visibility", full_plan, goal_pk=full_plan.shared_goal.pk),
            {f"zicht-{full_plan.shared_goal.pk}-visible_to": [organisation.pk]},
            "gezin erbij",
        ),
    ]
    for address, data, message in cases:
        before = state()
        response = client.post(address, data)
        body = response.content.decode()
        assert response.status_code == 400, (address, data)
        assert message in body, (address, message)
        assert state() == before


def test_the_family_link_is_shown_once(plan, worker):
    client = logged_in(worker)
    client.post(url("family_link", plan))
    page = client.get(detail(plan)).content.decode()
    address = reverse("familyplans:family", kwargs={"house_slug": plan.house.slug, "token": "X"})
    assert address[:-2] in page
    assert address[:-2] not in client.get(detail(plan)).content.decode()


def test_the_plan_prints_as_pdf_with_only_what_the_organisation_sees(full_plan, nurse):
    response = logged_in(nurse).get(url("pdf", full_plan))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_outsiders_learn_nothing(
    full_plan, outsider_worker, coordinator, other_coordinator, client
):
    missing = full_plan.pk + 999
    for user in (outsider_worker, coordinator, other_coordinator):
        browser = logged_in(user)
        for address in (
            detail(full_plan),
            detail(missing),
            url("pdf", full_plan),
            reverse("familyplans:pdf", kwargs={"pk": missing}),
        ):
            assert browser.get(address).status_code == 404, (user, address)
        assert browser.post(url("close", full_plan), {"confirm": "ja"}).status_code == 404
        assert browser.post(url("family_link", full_plan)).status_code == 404
        listing = browser.get(reverse("familyplans:index"))
        assert "Noor" not in listing.content.decode()
    anonymous = client.get(detail(full_plan))
    assert anonymous.status_code == 302 and "login" in anonymous.url
    assert client.get(detail(missing)).status_code == 302
    full_plan.refresh_from_db()
    assert full_plan.is_active and full_plan.token_hash is None


def test_an_expired_consent_hides_the_plan_page_at_once(full_plan, nurse, other_organisation):
    client = logged_in(nurse)
    assert client.get(detail(full_plan)).status_code == 200
    Consent.objects.filter(family_plan_parts__organisation=other_organisation).update(
        expires_on=timezone.localdate() - timedelta(days=1)
    )
    assert client.get(detail(full_plan)).status_code == 404
    assert "Noor" not in client.get(reverse("familyplans:index")).content.decode()


def test_the_coordinator_sees_counts_only(full_plan, coordinator, other_coordinator, client, house):
    address = reverse("familyplans:counts", kwargs={"house_slug": house.slug})
    page = logged_in(coordinator).get(address)
    body = page.content.decode()
    assert page.status_code == 200 and "Lopende gezinsplannen" in body
    assert "Noor" not in body and "Peeters" not in body
    assert logged_in(other_coordinator).get(address).status_code == 404
    assert client.get(address).status_code == 302


def test_the_professional_records_the_young_persons_agreement_with_them_present(
    plan, worker, organisation
):
    teen = services.plan_child_add(
        actor=worker, plan=plan, first_name="Lars", birth_date=TEENAGER_BORN
    )
    goal = services.goal_add(
        actor=worker,
        plan=plan,
        text="Voetbal",
        child=teen,
        visible_to=[organisation],
        family_present=True,
    )
    client = logged_in(worker)
    address = url("goal_agreement", plan, goal_pk=goal.pk)
    response = client.post(address, {})
    assert response.status_code == 400 and "jongere erbij is" in response.content.decode()
    assert (
        client.post(address, {f"akkoord-{goal.pk}-young_person_present": "on"}).status_code == 302
    )
    goal.refresh_from_db()
    assert goal.child_agreed_via == SetVia.WITH_FAMILY and goal.child_agreed_by == worker
    assert (
        client.post(address, {f"akkoord-{goal.pk}-young_person_present": "on"}).status_code == 404
    )


def test_closing_needs_a_confirmation_and_then_the_plan_stops(full_plan, worker):
    client = logged_in(worker)
    response = client.post(url("close", full_plan), {}, follow=True)
    assert "Bevestig dat u het plan wil afsluiten." in response.content.decode()
    full_plan.refresh_from_db()
    assert full_plan.is_active
    client.post(url("close", full_plan), {"confirm": "ja"})
    full_plan.refresh_from_db()
    assert not full_plan.is_active and full_plan.closed_at
    body = client.get(detail(full_plan)).content.decode()
    assert "Doel toevoegen" not in body and "afgesloten" in body
