"""Who sees a caseload: the bridge worker who guides the family and the admins of their
organisation; nobody else, by URL or by form (a colleague, a worker of the organisation who is no
bridge worker, a third partner, the coordinator of the house or of another house, an anonymous
visitor). The coordinator sees counts only. Every read of a family is in the audit trail."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.guidance import selectors, services
from huisvanhetkind.guidance.models import HelpQuestion, PolicySignal
from huisvanhetkind.network.models import AgeGroup, Domain, Municipality
from tests.conftest import logged_in
from tests.guidance.conftest import family_data, start

pytestmark = pytest.mark.django_db

NAME = "Familie El Amrani"


def detail(entry):
    return reverse("guidance:detail", kwargs={"pk": entry.pk})


def action(entry, name):
    return reverse("guidance:action", kwargs={"pk": entry.pk, "action": name})


def reads(entry):
    return AuditEvent.objects.filter(
        target_type="guidance.caseloadentry", target_id=str(entry.pk), action="read"
    )


def help_question_post():
    return {"hulpvraag-domain": "school", "hulpvraag-text": "Huiswerkbegeleiding zoeken"}


@pytest.fixture
def outsiders(colleague, worker, third_party, other_bridge_worker, coordinator, other_coordinator):
    """Everyone who must not see a family's guidance, by name."""
    return {
        "a colleague bridge worker": colleague,
        "a worker of the organisation who is no bridge worker": worker,
        "a worker of a third partner": third_party,
        "a bridge worker of another partner": other_bridge_worker,
        "the coordinator of the house": coordinator,
        "the coordinator of another house": other_coordinator,
    }


def test_a_family_s_guidance_is_seen_by_its_bridge_worker_and_the_organisation_admin_only(
    entry, bridge_worker, org_admin, outsiders
):
    # Positive controls: the bridge worker (with the forms) and the admin (read only).
    page = logged_in(bridge_worker).get(detail(entry))
    assert page.status_code == 200 and NAME in page.content.decode()
    assert "Hulpvraag bewaren" in page.content.decode()
    page = logged_in(org_admin).get(detail(entry))
    assert page.status_code == 200 and NAME in page.content.decode()
    assert "Hulpvraag bewaren" not in page.content.decode()
    for who, user in outsiders.items():
        response = logged_in(user).get(detail(entry))
        assert response.status_code == 404, who
        assert NAME not in response.content.decode(), who


def test_an_anonymous_visitor_is_sent_to_the_log_in(entry):
    for url in (
        reverse("guidance:caseload"),
        detail(entry),
        reverse("guidance:new", kwargs={"house_slug": entry.house.slug}),
        reverse("guidance:figures", kwargs={"house_slug": entry.house.slug}),
        reverse("guidance:signals", kwargs={"house_slug": entry.house.slug}),
    ):
        response = Client().get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
    response = Client().post(action(entry, "hulpvraag"), help_question_post())
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not HelpQuestion.objects.exists()


def test_nobody_else_changes_a_guidance_by_form(entry, bridge_worker, org_admin, outsiders):
    for who, user in {**outsiders, "the organisation's admin": org_admin}.items():
        client = logged_in(user)
        for name, data in (
            ("hulpvraag", help_question_post()),
            (
                "contact",
                {"contact-happened_on": str(timezone.localdate()), "contact-kind": "phone"},
            ),
            ("afsluiten", {"einde-reason": "done"}),
            ("toestemming-intrekken", {"intrekken-confirm": "on"}),
        ):
            assert client.post(action(entry, name), data).status_code == 404, (who, name)
    entry.refresh_from_db()
    assert entry.is_active and entry.family_id and not entry.help_questions.exists()
    assert not entry.contacts.exists() and entry.consent.withdrawn_at is None
    # The control: the bridge worker's own post goes through.
    response = logged_in(bridge_worker).post(action(entry, "hulpvraag"), help_question_post())
    assert response.status_code == 302 and entry.help_questions.count() == 1


def test_only_the_organisation_admin_hands_a_family_to_another_bridge_worker(
    entry, bridge_worker, colleague, org_admin, coordinator
):
    data = {"overdragen-to_user": colleague.pk}
    for user in (bridge_worker, colleague, coordinator):
        assert logged_in(user).post(action(entry, "overdragen"), data).status_code == 404
    entry.refresh_from_db()
    assert entry.bridge_worker == bridge_worker
    response = logged_in(org_admin).post(action(entry, "overdragen"), data)
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.bridge_worker == colleague
    # The one who took over sees it now; the one who handed it over no longer does.
    assert logged_in(colleague).get(detail(entry)).status_code == 200
    assert logged_in(bridge_worker).get(detail(entry)).status_code == 404


def test_the_caseload_list_shows_each_their_own(
    house, entry, bridge_worker, colleague, org_admin, worker, third_party, coordinator
):
    url = reverse("guidance:caseload")
    assert NAME in logged_in(bridge_worker).get(url).content.decode()
    assert NAME in logged_in(org_admin).get(url).content.decode()
    # A colleague bridge worker has a list of their own, without this family.
    mine = start(
        house, colleague, family=family_data(name="Familie Janssens", email="j@example.be")
    )
    page = logged_in(colleague).get(url).content.decode()
    assert "Familie Janssens" in page and NAME not in page
    assert "Familie Janssens" not in logged_in(bridge_worker).get(url).content.decode()
    assert mine.pk
    for user in (worker, third_party, coordinator):
        assert logged_in(user).get(url).status_code == 404


def test_a_bridge_worker_whose_designation_ended_no_longer_sees_the_family(
    entry, bridge_worker, org_admin
):
    bridge_worker.roles.filter(kind="bridge_worker").delete()
    assert logged_in(bridge_worker).get(detail(entry)).status_code == 404
    # The organisation's admin still reads it (and can hand it over).
    page = logged_in(org_admin).get(detail(entry)).content.decode()
    assert NAME in page and "Overdragen aan een collega-brugfiguur" in page


def test_the_coordinator_sees_counts_never_names(
    house, entry, bridge_worker, colleague, coordinator, other_coordinator, org_admin
):
    services.help_question_add(
        entry=entry, actor=bridge_worker, domain="housing", text="Zoekt een sociale woning"
    )
    url = reverse("guidance:figures", kwargs={"house_slug": house.slug})
    before = AuditEvent.objects.filter(action="read").count()
    response = logged_in(coordinator).get(url)
    page = response.content.decode()
    assert response.status_code == 200
    # Escaped as on the page: a name such as D'hondt is shown as D&#x27;hondt in the HTML.
    assert escape(bridge_worker.get_full_name()) in page
    assert escape(colleague.get_full_name()) in page
    assert NAME not in page and "sociale woning" not in page and "el.amrani" not in page
    counts = selectors.guidance_counts(house, timezone.localdate())
    assert counts.active == 1
    assert {row["bridge_worker"]: row["families"] for row in counts.per_bridge_worker} == {
        bridge_worker.get_full_name(): 1,
        colleague.get_full_name(): 0,
    }
    assert dict(counts.open_per_domain)["wonen"] == 1
    assert AuditEvent.objects.filter(action="read").count() == before  # no family was read
    for user in (other_coordinator, bridge_worker, org_admin):
        assert logged_in(user).get(url).status_code == 404


def test_only_a_bridge_worker_of_the_house_starts_guiding_there(
    house, other_house, bridge_worker, worker, coordinator
):
    url = reverse("guidance:new", kwargs={"house_slug": house.slug})
    assert logged_in(bridge_worker).get(url).status_code == 200
    for user in (worker, coordinator):
        assert logged_in(user).get(url).status_code == 404
    other = reverse("guidance:new", kwargs={"house_slug": other_house.slug})
    assert logged_in(bridge_worker).get(other).status_code == 404


def test_signals_go_to_the_coordinator_of_the_house(
    house,
    bridge_worker,
    other_bridge_worker,
    third_party,
    coordinator,
    other_coordinator,
):
    data = {
        "domain": Domain.objects.get(slug="vrije-tijd-ontmoeting"),
        "age_group": AgeGroup.objects.get(slug="6-12"),
        "municipality": Municipality.objects.get(name="Kalmthout"),
    }
    services.policy_signal_record(
        actor=bridge_worker, house=house, text="Geen betaalbare zwemlessen", **data
    )
    services.policy_signal_record(
        actor=other_bridge_worker, house=house, text="Geen speelpleinwerking in juli", **data
    )
    url = reverse("guidance:signals", kwargs={"house_slug": house.slug})
    page = logged_in(coordinator).get(url).content.decode()
    assert "zwemlessen" in page and "speelpleinwerking" in page
    own = logged_in(bridge_worker).get(url).content.decode()
    assert "zwemlessen" in own and "speelpleinwerking" not in own
    for user in (third_party, other_coordinator):
        assert logged_in(user).get(url).status_code == 404
    new = reverse("guidance:signal_new", kwargs={"house_slug": house.slug})
    assert logged_in(coordinator).get(new).status_code == 404
    assert logged_in(bridge_worker).get(new).status_code == 200
    assert PolicySignal.objects.count() == 2


# --- The audit trail of reads ---------------------------------------------------------------------


def test_every_read_of_a_family_is_audited_once_per_page(entry, bridge_worker, org_admin):
    logged_in(bridge_worker).get(detail(entry))
    assert reads(entry).count() == 1
    read = reads(entry).get()
    assert read.actor == bridge_worker and read.organisation == entry.organisation
    assert read.house == entry.house
    logged_in(org_admin).get(detail(entry))
    assert reads(entry).filter(actor=org_admin).count() == 1
    logged_in(bridge_worker).get(reverse("guidance:caseload"))
    assert reads(entry).filter(actor=bridge_worker).count() == 2
    # A refused form shows the page again: that is a read as well.
    logged_in(bridge_worker).post(action(entry, "hulpvraag"), {"hulpvraag-domain": "school"})
    assert reads(entry).filter(actor=bridge_worker).count() == 3


def test_a_refused_look_is_no_read(entry, third_party, coordinator):
    logged_in(third_party).get(detail(entry))
    logged_in(coordinator).get(detail(entry))
    assert not reads(entry).exists()


def test_an_erased_family_is_no_read_in_the_list(entry, bridge_worker):
    services.caseload_consent_withdraw(entry=entry, actor=bridge_worker)
    logged_in(bridge_worker).get(reverse("guidance:caseload") + "?beeindigd=1")
    assert not reads(entry).exists()
    page = logged_in(bridge_worker).get(detail(entry)).content.decode()
    assert NAME not in page and "gegevens van dit gezin zijn gewist" in page


def test_the_list_marks_overdue_contacts(house, entry, bridge_worker):
    type(entry).objects.filter(pk=entry.pk).update(
        next_contact_on=timezone.localdate() - timedelta(days=2)
    )
    page = logged_in(bridge_worker).get(reverse("guidance:caseload")).content.decode()
    assert "te laat" in page
