"""The care paths' pages: the coordinator's templates and figures, starting a path, a step
ticked, skipped and handed over between partners; bad input on every form gets a Dutch message
and changes nothing; and who learns nothing: a partner without the family's consent, the
coordinator of another house (and of this one, for content), an anonymous visitor."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.carepaths import selectors, services
from huisvanhetkind.carepaths.models import CarePath, PathStep, PathTemplate, StepHandover
from huisvanhetkind.carepaths.todo import care_path_items
from huisvanhetkind.carepaths.workflow import HandoverStatus, PathStatus, StepStatus
from huisvanhetkind.referrals.models import Consent
from huisvanhetkind.referrals.services import consent_withdraw
from tests.carepaths.conftest import consent_for
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db


def detail(path):
    return reverse("carepaths:detail", kwargs={"pk": path.pk})


def templates_url(house):
    return reverse("carepaths:templates", kwargs={"house_slug": house.slug})


def template_url(template):
    return reverse(
        "carepaths:template", kwargs={"house_slug": template.house.slug, "pk": template.pk}
    )


STEP_POST = {
    "action": "step",
    "title": "Consultatiebureau: 1 maand",
    "track": "medical",
    "partner_kind": "health",
    "amount": "4",
    "unit": "weeks",
    "direction": "after",
    "window": "2",
    "window_unit": "weeks",
    "checklist": "Groei gemeten\n\nVaccinatie besproken\n",
}


# --- The coordinator ----------------------------------------------------------------------------


def test_the_coordinator_makes_a_template_with_a_step(house, coordinator):
    client = logged_in(coordinator)
    assert client.get(templates_url(house)).status_code == 200
    response = client.post(
        templates_url(house),
        {"name": "Perinataal zorgpad", "description": "", "reference_kind": "due_date"},
    )
    template = PathTemplate.objects.get()
    assert response.status_code == 302 and response.url == template_url(template)
    response = client.post(template_url(template), STEP_POST)
    assert response.status_code == 302
    step = template.steps.get()
    assert (step.offset_days, step.window_days) == (28, 14)
    assert step.checklist == ["Groei gemeten", "Vaccinatie besproken"]
    page = client.get(template_url(template)).content.decode()
    assert "Consultatiebureau: 1 maand" in page and "28 dagen na de referentiedatum" in page
    edit = reverse(
        "carepaths:step_template",
        kwargs={"house_slug": house.slug, "pk": template.pk, "step_pk": step.pk},
    )
    assert 'value="4"' in client.get(edit).content.decode()
    response = client.post(
        edit, {**STEP_POST, "direction": "before", "amount": "10", "unit": "days"}
    )
    step.refresh_from_db()
    assert response.status_code == 302 and step.offset_days == -10


@pytest.mark.parametrize(
    "data, message",
    [
        ({"name": "", "reference_kind": "due_date"}, "Geef het zorgpad een naam."),
        ({"name": "X", "reference_kind": "maan"}, "Kies vanaf welke datum"),
        (
            {"name": "Eerste 1000 dagen", "reference_kind": "due_date"},
            "al een zorgpad met deze naam",
        ),
    ],
)
def test_bad_template_input_gets_a_dutch_message_and_changes_nothing(
    house, coordinator, template, data, message
):
    response = logged_in(coordinator).post(templates_url(house), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert PathTemplate.objects.count() == 1


@pytest.mark.parametrize(
    "change, message",
    [
        ({"title": ""}, "Geef de stap een titel."),
        ({"track": "x"}, "Kies het spoor"),
        ({"partner_kind": "x"}, "Kies welke soort partner"),
        ({"amount": "abc"}, "Vul een geheel getal in."),
        ({"amount": "-3"}, "Vul 0 of meer in"),
        ({"amount": "200", "unit": "weeks"}, "hoogstens drie jaar"),
        ({"window": "400"}, "hoogstens 366 dagen"),
        ({"checklist": "x" * 201}, "hoogstens 200 tekens"),
    ],
)
def test_bad_step_input_gets_a_dutch_message_and_changes_nothing(
    coordinator, template, change, message
):
    before = list(template.steps.values_list("title", "offset_days"))
    response = logged_in(coordinator).post(template_url(template), {**STEP_POST, **change})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert list(template.steps.values_list("title", "offset_days")) == before


def test_changing_a_template_in_use_makes_a_new_version_through_the_page(
    coordinator, template, path
):
    response = logged_in(coordinator).post(
        template_url(template),
        {
            "action": "template",
            "name": "Eerste 1000 dagen",
            "description": "Nieuw",
            "reference_kind": "birth_date",
        },
    )
    new = PathTemplate.objects.get(retired_at__isnull=True)
    assert new.pk != template.pk and response.url == template_url(new)
    assert new.steps.count() == 2
    path.refresh_from_db()
    assert path.template_id == template.pk


def test_templates_are_the_coordinators_of_their_own_house_only(
    house, template, other_coordinator, worker
):
    for client in (logged_in(other_coordinator), logged_in(worker)):
        assert client.get(templates_url(house)).status_code == 404
        assert client.get(template_url(template)).status_code == 404
        assert client.post(template_url(template), STEP_POST).status_code == 404
    anonymous = Client().get(template_url(template))
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous.url
    assert template.steps.count() == 2


def test_the_figures_are_counts_only_with_small_numbers_hidden(house, coordinator, path, worker):
    step = path.steps.get(title="Screening perinatale depressie")
    services.step_tick(actor=worker, step=step, ticked=[0])
    services.step_transition(actor=worker, step=step, to=StepStatus.DONE)
    page = logged_in(coordinator).get(
        reverse("carepaths:figures", kwargs={"house_slug": house.slug})
    )
    body = page.content.decode()
    assert page.status_code == 200
    assert "Eerste 1000 dagen" in body and "&lt; 5" in body
    assert "Sarah Janssens" not in body
    for client in (logged_in(worker), Client()):
        response = client.get(reverse("carepaths:figures", kwargs={"house_slug": house.slug}))
        assert response.status_code in (302, 404)


# --- Starting a path -----------------------------------------------------------------------------


def test_the_worker_records_a_family_and_starts_a_path(house, worker, organisation, template):
    client = logged_in(worker)
    start = reverse("carepaths:start")
    assert client.get(start).status_code == 200
    partnership = organisation.partnerships.get(house=house)
    response = client.post(
        reverse("carepaths:family"),
        {
            "partnership": partnership.pk,
            "name": "Familie Peeters",
            "email": "peeters@example.be",
            "obtained_via": "in_person",
            "expires_on": (timezone.localdate() + timedelta(days=100)).isoformat(),
        },
    )
    consent = Consent.objects.get(recipient=organisation)
    assert response.status_code == 302 and f"toestemming={consent.pk}" in response.url
    assert "Familie Peeters" in client.get(response.url).content.decode()
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.READ,
        target_type="referrals.consent",
        target_id=str(consent.pk),
        organisation=organisation,
    ).exists()
    response = client.post(
        start,
        {
            "template": template.pk,
            "consent": consent.pk,
            "reference_date": timezone.localdate().isoformat(),
        },
    )
    path = CarePath.objects.get()
    assert response.status_code == 302 and response.url == detail(path)
    page = client.get(detail(path)).content.decode()
    assert "Familie Peeters" in page and "Screening perinatale depressie" in page
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.READ, target_id=str(path.pk), organisation=organisation
    ).exists()
    assert "Familie Peeters" in client.get(reverse("carepaths:index")).content.decode()


@pytest.mark.parametrize(
    "change, message",
    [
        ({"reference_date": ""}, "Vul de datum in"),
        ({"reference_date": "31/02/2025"}, "Vul een geldige datum in"),
        ({"reference_date": "01/01/2001"}, "hoogstens twee jaar terug"),
        ({"template": "999999"}, "Kies een zorgpad uit de lijst."),
        ({"consent": "999999"}, "Kies een gezin uit de lijst."),
    ],
)
def test_bad_start_input_gets_a_dutch_message_and_starts_nothing(
    worker, template, consent, change, message
):
    data = {
        "template": template.pk,
        "consent": consent.pk,
        "reference_date": timezone.localdate().isoformat(),
        **change,
    }
    response = logged_in(worker).post(reverse("carepaths:start"), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not CarePath.objects.exists()


def test_bad_family_input_gets_a_dutch_message_and_records_nothing(house, worker, organisation):
    partnership = organisation.partnerships.get(house=house)
    response = logged_in(worker).post(
        reverse("carepaths:family"),
        {"partnership": partnership.pk, "name": "", "obtained_via": "", "expires_on": ""},
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Geef de naam van het gezin." in body and "Geef een e-mailadres" in body
    assert "Vul de datum in" in body
    assert not Consent.objects.exists()


def test_another_partners_consent_cannot_be_used_to_start(
    house, third_party, third_organisation, template, consent
):
    response = logged_in(third_party).post(
        reverse("carepaths:start"),
        {
            "template": template.pk,
            "consent": consent.pk,
            "reference_date": timezone.localdate().isoformat(),
        },
    )
    assert (
        response.status_code == 400 and "Kies een gezin uit de lijst." in response.content.decode()
    )
    assert "Sarah Janssens" not in response.content.decode()
    assert not CarePath.objects.exists()


# --- Steps and handover ----------------------------------------------------------------------------


def _step(path, title="Huisbezoek na de geboorte"):
    return path.steps.get(title=title)


def _step_url(name, path, step):
    return reverse(f"carepaths:{name}", kwargs={"pk": path.pk, "step_pk": step.pk})


def test_a_step_is_ticked_and_finished_on_the_page(path, worker):
    step = _step(path)
    client = logged_in(worker)
    prefix = f"stap{step.pk}"
    response = client.post(
        _step_url("step_tick", path, step), {f"{prefix}-ticked": ["0"], "action": "done"}
    )
    assert response.status_code == 400
    assert "Vink eerst alle punten van de checklist af." in response.content.decode()
    step.refresh_from_db()
    assert step.status == StepStatus.OPEN and step.ticked == []
    response = client.post(
        _step_url("step_tick", path, step), {f"{prefix}-ticked": ["9"], "action": "save"}
    )
    assert response.status_code == 400 and "Kies alleen punten" in response.content.decode()
    response = client.post(
        _step_url("step_tick", path, step), {f"{prefix}-ticked": ["0", "1"], "action": "done"}
    )
    step.refresh_from_db()
    assert response.status_code == 302 and step.status == StepStatus.DONE


def test_skipping_on_the_page_needs_a_reason(path, worker):
    step = _step(path)
    client = logged_in(worker)
    response = client.post(_step_url("step_skip", path, step), {f"stap{step.pk}-reason": ""})
    assert response.status_code == 400
    assert "Zeg waarom de stap overgeslagen wordt." in response.content.decode()
    step.refresh_from_db()
    assert step.status == StepStatus.OPEN
    response = client.post(
        _step_url("step_skip", path, step), {f"stap{step.pk}-reason": "Gedaan door de vroedvrouw"}
    )
    step.refresh_from_db()
    assert response.status_code == 302 and step.status == StepStatus.SKIPPED
    assert client.post(_step_url("step_reopen", path, step)).status_code == 302
    step.refresh_from_db()
    assert step.status == StepStatus.OPEN


def test_a_step_is_handed_over_and_accepted_through_the_pages(
    path, worker, nurse, organisation, other_organisation
):
    step = _step(path)
    client = logged_in(worker)
    prefix = f"stap{step.pk}"
    # Bad input: no partner chosen; a partner without the family's consent.
    for data, message in (
        ({f"{prefix}-to_organisation": ""}, "Kies een partner van dit huis."),
        ({f"{prefix}-to_organisation": str(other_organisation.pk)}, "geen geldige toestemming"),
    ):
        response = client.post(_step_url("step_offer", path, step), data)
        assert response.status_code == 400 and message in response.content.decode()
    assert not StepHandover.objects.exists()
    # The nurse sees nothing yet.
    assert logged_in(nurse).get(detail(path)).status_code == 404
    # Bad consent input, then the family's consent for the Kraamzorg.
    consent_url = reverse("carepaths:consent", kwargs={"pk": path.pk})
    response = client.post(consent_url, {"recipient": other_organisation.pk, "expires_on": ""})
    assert response.status_code == 400 and "Vul de datum in" in response.content.decode()
    response = client.post(
        consent_url,
        {
            "recipient": other_organisation.pk,
            "obtained_via": "in_person",
            "expires_on": (timezone.localdate() + timedelta(days=60)).isoformat(),
        },
    )
    assert response.status_code == 302
    response = client.post(
        _step_url("step_offer", path, step),
        {
            f"{prefix}-to_organisation": str(other_organisation.pk),
            f"{prefix}-note": "Na de bevalling",
        },
    )
    assert response.status_code == 302
    handover = StepHandover.objects.get()
    nurse_client = logged_in(nurse)
    page = nurse_client.get(detail(path)).content.decode()
    assert "Stap aanvaarden" in page and "Sarah Janssens" in page
    answer = reverse(
        "carepaths:handover_answer", kwargs={"pk": path.pk, "handover_pk": handover.pk}
    )
    assert nurse_client.post(answer, {"action": "maybe"}).status_code == 302
    handover.refresh_from_db()
    assert handover.status == HandoverStatus.OFFERED
    assert nurse_client.post(answer, {"action": "accept"}).status_code == 302
    step.refresh_from_db()
    assert step.organisation == other_organisation
    assert "Checklist bewaren" in nurse_client.get(detail(path)).content.decode()


def test_stopping_needs_a_reason_and_only_the_starter_stops(
    path, worker, nurse, other_organisation
):
    consent_for(path.house, path.family, other_organisation)
    services.handover_offer(actor=worker, step=_step(path), to_organisation=other_organisation)
    stop = reverse("carepaths:stop", kwargs={"pk": path.pk})
    response = logged_in(worker).post(stop, {"reason": ""})
    assert (
        response.status_code == 400 and "Zeg waarom het zorgpad stopt." in response.content.decode()
    )
    response = logged_in(nurse).post(stop, {"reason": "Wij stoppen"})
    assert response.status_code == 400
    path.refresh_from_db()
    assert path.status == PathStatus.RUNNING
    assert logged_in(worker).post(stop, {"reason": "Verhuisd"}).status_code == 302
    path.refresh_from_db()
    assert path.status == PathStatus.STOPPED


# --- Who learns nothing ----------------------------------------------------------------------------


def test_outsiders_learn_nothing_of_a_path(path, third_party, other_coordinator, coordinator):
    missing = reverse("carepaths:detail", kwargs={"pk": path.pk + 1000})
    step = _step(path)
    for user in (third_party, other_coordinator, coordinator):
        client = logged_in(user)
        assert client.get(detail(path)).status_code == 404
        assert client.get(missing).status_code == 404
        assert (
            client.post(
                _step_url("step_skip", path, step), {f"stap{step.pk}-reason": "x"}
            ).status_code
            == 404
        )
        assert "Sarah Janssens" not in client.get(reverse("carepaths:index")).content.decode()
    anonymous = Client()
    for url in (detail(path), missing, reverse("carepaths:index")):
        response = anonymous.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response.url
    step.refresh_from_db()
    assert step.status == StepStatus.OPEN
    assert care_path_items(third_party) == []


def test_a_partner_whose_consent_ends_no_longer_sees_the_path_at_once(
    path, worker, nurse, other_organisation
):
    receiver_consent = consent_for(path.house, path.family, other_organisation)
    handover = services.handover_offer(
        actor=worker, step=_step(path), to_organisation=other_organisation
    )
    services.handover_answer(actor=nurse, handover=handover, accept=True)
    client = logged_in(nurse)
    assert client.get(detail(path)).status_code == 200
    assert "Sarah Janssens" in client.get(reverse("carepaths:index")).content.decode()
    consent_withdraw(consent=receiver_consent, actor=None)
    assert client.get(detail(path)).status_code == 404
    assert "Sarah Janssens" not in client.get(reverse("carepaths:index")).content.decode()
    # The starting partner, whose consent runs on, still sees it.
    assert logged_in(worker).get(detail(path)).status_code == 200


def test_an_expired_consent_hides_the_path_too(path, worker, consent):
    Consent.objects.filter(pk=consent.pk).update(
        expires_on=timezone.localdate() - timedelta(days=1)
    )
    assert logged_in(worker).get(detail(path)).status_code == 404


# --- The to-do list --------------------------------------------------------------------------------


def test_overdue_steps_and_offers_are_in_the_to_do_list(
    path, worker, nurse, coordinator, other_organisation
):
    overdue = _step(path, "Screening perinatale depressie")
    assert overdue.due_on < timezone.localdate()
    items = care_path_items(worker)
    assert [i.urgent for i in items] == [True]
    assert "Screening perinatale depressie" in items[0].title
    assert "Sarah" not in items[0].title + items[0].detail
    consent_for(path.house, path.family, other_organisation)
    services.handover_offer(actor=worker, step=_step(path), to_organisation=other_organisation)
    offers = care_path_items(nurse)
    assert len(offers) == 1 and "aanvaarden of weigeren" in offers[0].detail
    counted = care_path_items(coordinator)
    assert len(counted) == 1 and counted[0].count == 1
    PathStep.objects.filter(pk=overdue.pk).update(status=StepStatus.DONE)
    assert care_path_items(worker) == []


def _reads(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return sum(1 for q in queries if not q["sql"].lstrip().upper().startswith("INSERT"))


def test_the_list_and_the_path_read_a_fixed_number_of_queries(
    house, template, worker, organisation, path, other_organisation
):
    client = logged_in(worker)
    few = (_reads(client, reverse("carepaths:index")), _reads(client, detail(path)))
    for n in range(3):
        consent = consent_for(house, path.family, organisation)
        family_consent = services.family_consent_record(
            actor=worker,
            house=house,
            organisation=organisation,
            name=f"Gezin {n}",
            email=f"gezin{n}@example.be",
            phone="",
            obtained_via="in_person",
            expires_on=consent.expires_on,
            purpose="Zorgpad",
        )
        services.path_start(
            actor=worker,
            template=template,
            consent=family_consent,
            reference_date=timezone.localdate(),
            organisation=organisation,
        )
    consent_for(house, path.family, other_organisation)
    for step in path.steps.all():
        services.handover_offer(actor=worker, step=step, to_organisation=other_organisation)
    many = (_reads(client, reverse("carepaths:index")), _reads(client, detail(path)))
    assert many == few


def test_the_list_of_running_paths_pages_and_audits_only_what_it_shows(
    house, template, worker, organisation, path, monkeypatch
):
    monkeypatch.setattr(selectors, "PAGE_SIZE", 2)
    for n in range(2):
        family_consent = services.family_consent_record(
            actor=worker,
            house=house,
            organisation=organisation,
            name=f"Gezin {n}",
            email=f"gezin{n}@example.be",
            phone="",
            obtained_via="in_person",
            expires_on=consent_for(house, path.family, organisation).expires_on,
            purpose="Zorgpad",
        )
        services.path_start(
            actor=worker,
            template=template,
            consent=family_consent,
            reference_date=timezone.localdate(),
            organisation=organisation,
        )
    client = logged_in(worker)
    reads = AuditEvent.objects.filter(action=AuditEvent.Action.READ, reason="lijst van zorgpaden")
    first = client.get(reverse("carepaths:index")).content.decode()
    assert "Gezin 1" in first and "Gezin 0" in first and "pagina=2" in first
    assert reads.count() == 2
    second = client.get(reverse("carepaths:index") + "?pagina=2").content.decode()
    assert path.family.name in second and "Gezin 0" not in second and "pagina=1" in second
    assert reads.count() == 3
    # A page number that is no page shows the first page.
    assert "Gezin 1" in client.get(reverse("carepaths:index") + "?pagina=%C2%B2").content.decode()
