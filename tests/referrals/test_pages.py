"""The professionals' referral pages: the received and the sent lists (filters, late, pages,
a constant number of queries), one referral from either side with its actions, and the house's
response time."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.network.models import Role
from huisvanhetkind.referrals import selectors, services
from huisvanhetkind.referrals.models import Referral
from huisvanhetkind.referrals.workflow import Actor
from tests.conftest import logged_in
from tests.factories import RoleFactory, UserFactory
from tests.referrals.helpers import send

INBOX = "/beheer/doorverwijzingen/"
SENT = "/beheer/doorverwijzingen/verstuurd/"
POLICY = "/beheer/huis/kalmthout/doorverwijzingen/regels/"


def detail(referral):
    return f"/beheer/doorverwijzingen/{referral.pk}/"


def act(client, referral, action, **data):
    return client.post(f"{detail(referral)}{action}/", data)


def move(referral, receiver, *states):
    for to in states:
        referral = services.referral_transition(
            referral=referral, to=to, actor_kind=Actor.RECEIVER, actor=receiver
        )
    return referral


def status(referral) -> str:
    return Referral.objects.get(pk=referral.pk).status


# --- The lists ----------------------------------------------------------------------------------


def test_the_receiver_lists_what_it_received_and_the_referrer_what_it_sent(
    referral, worker, receiver, third_party
):
    label = f"Doorverwijzing #{referral.pk}"
    inbox = logged_in(receiver).get(INBOX).content.decode()
    assert label in inbox and "Opvoedingspunt Kalmthout" in inbox and "Kraamzorg aan huis" in inbox
    sent = logged_in(worker).get(SENT).content.decode()
    assert label in sent and "Kraamzorg Landelijke Thuiszorg" in sent
    # Each only their own side: nothing the referrer sent is in its inbox, and the reverse.
    assert label not in logged_in(worker).get(INBOX).content.decode()
    assert label not in logged_in(receiver).get(SENT).content.decode()
    # A third partner of the same house sees neither.
    for url in (INBOX, SENT):
        page = logged_in(third_party).get(url)
        assert page.status_code == 200 and label not in page.content.decode()
    # No family's data in the lists.
    assert "Sarah" not in inbox and "Sarah" not in sent


def test_the_lists_filter_by_status_and_lateness(
    house, worker, organisation, receiving_organisation, receiving_service, receiver
):
    late, _token, _code = send(
        house,
        worker,
        organisation,
        receiving_organisation,
        receiving_service,
        now=timezone.now() - timedelta(days=30),
    )
    fresh, _token, _code = send(
        house, worker, organisation, receiving_organisation, receiving_service
    )
    accepted = move(
        send(house, worker, organisation, receiving_organisation, receiving_service)[0],
        receiver,
        "accepted",
    )
    client = logged_in(receiver)
    for url in (INBOX, SENT):
        viewer = client if url == INBOX else logged_in(worker)
        page = viewer.get(url).content.decode()
        assert page.count("te laat</strong>") == 1  # late is visible on both sides
        only_late = viewer.get(f"{url}?laat=on").content.decode()
        assert f"#{late.pk}<" in only_late
        assert f"#{fresh.pk}<" not in only_late and f"#{accepted.pk}<" not in only_late
        only_accepted = viewer.get(f"{url}?status=accepted").content.decode()
        assert f"#{accepted.pk}<" in only_accepted and f"#{late.pk}<" not in only_accepted
        running = viewer.get(f"{url}?status=lopend").content.decode()
        assert all(f"#{r.pk}<" in running for r in (late, fresh, accepted))
        # A status that does not exist is no filter (and no error).
        assert viewer.get(f"{url}?status=bestaat-niet&pagina=x").status_code == 200


def test_the_lists_page_without_counting(
    house, worker, organisation, receiving_organisation, receiving_service, receiver
):
    for _ in range(27):
        send(house, worker, organisation, receiving_organisation, receiving_service)
    client = logged_in(receiver)
    first = client.get(INBOX).content.decode()
    assert "Pagina 1" in first and "pagina=2" in first and "Vorige" not in first
    assert first.count("Doorverwijzing #") == 25
    second = client.get(f"{INBOX}?pagina=2").content.decode()
    assert second.count("Doorverwijzing #") == 2 and "Vorige" in second and "Volgende" not in second
    assert client.get(f"{INBOX}?pagina=99999999999").status_code == 200


@pytest.mark.parametrize("url", [INBOX, SENT])
def test_the_lists_take_as_many_queries_for_30_referrals_as_for_5(
    url,
    house,
    worker,
    organisation,
    receiving_organisation,
    receiving_service,
    receiver,
    django_assert_max_num_queries,
):
    client = logged_in(receiver if url == INBOX else worker)
    # Each referral handled by a colleague: the list shows the handler, and the menu's to-do
    # count (with its own bounded queries, tested with the to-do list) stays out of the way.
    colleague = UserFactory(email="collega@kraamzorg.example.be", first_name="Lien")
    RoleFactory(
        user=colleague, kind=Role.Kind.ORGANISATION_WORKER, organisation=receiving_organisation
    )

    def add(count):
        for _ in range(count):
            referral = send(house, worker, organisation, receiving_organisation, receiving_service)
            services.referral_assign(referral=referral[0], handler=colleague, actor=receiver)

    add(5)
    with django_assert_max_num_queries(50) as few:
        assert client.get(url).content.decode().count("Doorverwijzing #") == 5
    add(25)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(url).content.decode()
        assert page.count("Doorverwijzing #") == 25 and page.count("Lien") == 25


@pytest.mark.skipif(connection.vendor != "sqlite", reason="reads SQLite's query plan")
@pytest.mark.parametrize("url", [INBOX, SENT])
def test_the_lists_read_the_newest_first_from_the_index(url, referral, worker, receiver):
    client = logged_in(receiver if url == INBOX else worker)
    with CaptureQueriesContext(connection) as queries:
        assert f"#{referral.pk}<" in client.get(url).content.decode()
    listed = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith('SELECT "referrals_referral"."id"') and "LIMIT 26" in q["sql"]
    ]
    assert len(listed) == 1
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {listed[0]}")
        plan = " ".join(str(row) for row in cursor.fetchall())
    assert "_idx (" in plan and "TEMP B-TREE" not in plan, plan


# --- One referral: the receiving side -----------------------------------------------------------


def test_the_receiver_reads_what_the_family_shared_and_the_read_is_audited(
    referral, receiver, worker
):
    page = logged_in(receiver).get(detail(referral)).content.decode()
    for text in (
        "Sarah Janssens",
        "sarah.janssens@example.be",
        "0470 12 34 56",
        "Liefst na 17 u.",
        "Mama voelt zich erg moe",
        "Alleen jouw organisatie leest dit.",
        "Kraamzorg aan huis na de geboorte",  # the consent's purpose
        "contactgegevens",
        "de reden van de doorverwijzing",
    ):
        assert text in page, text
    assert status(referral) == "received"  # opened
    reads = AuditEvent.objects.filter(
        action=AuditEvent.Action.READ, target_type="referrals.referral", target_id=str(referral.pk)
    )
    assert reads.count() == 1 and reads.get().actor == receiver
    assert "Sarah" not in reads.get().target_label


def test_the_receiver_gets_exactly_the_next_steps_the_workflow_allows(referral, receiver):
    client = logged_in(receiver)
    page = client.get(detail(referral)).content.decode()
    assert "/aanvaarden/" in page and "/weigeren/" in page
    assert "/contact-opgenomen/" not in page and "/afsluiten/" not in page
    assert "/intrekken/" not in page  # the referrer's
    assert act(client, referral, "aanvaarden", expected="received").status_code == 302
    page = client.get(detail(referral)).content.decode()
    for slug in ("contact-opgenomen", "wachtlijst", "niet-bereikt"):
        assert f"/{slug}/" in page
    assert "/aanvaarden/" not in page and "/weigeren/" not in page
    for action, expected, now in (
        ("wachtlijst", "accepted", "waitlisted"),
        ("contact-opgenomen", "waitlisted", "contacted"),
        ("geholpen", "contacted", "got_help"),
        ("afsluiten", "got_help", "closed"),
    ):
        assert act(client, referral, action, expected=expected).status_code == 302
        assert status(referral) == now
    page = client.get(detail(referral)).content.decode()
    assert "Wat nu?" not in page
    history = [e.to_status for e in selectors.referral_history(referral)]
    assert history == [
        "sent",
        "received",
        "accepted",
        "waitlisted",
        "contacted",
        "got_help",
        "closed",
    ]


def test_a_stale_form_is_refused_with_a_dutch_message(referral, receiver):
    client = logged_in(receiver)
    client.get(detail(referral))  # received
    assert act(client, referral, "aanvaarden", expected="received").status_code == 302
    # A colleague's page still showed "received": their "decline" loses.
    response = client.post(
        f"{detail(referral)}weigeren/",
        {"expected": "received", "decline_reason": "no_capacity"},
        follow=True,
    )
    assert "Iemand anders wijzigde deze doorverwijzing net (nu: “aanvaard”)" in (
        response.content.decode()
    )
    assert status(referral) == "accepted"
    # Without the status the page showed, the move is refused too.
    response = act(client, referral, "wachtlijst")
    assert status(referral) == "accepted"
    # Positive control: with the current status it goes through.
    act(client, referral, "wachtlijst", expected="accepted")
    assert status(referral) == "waitlisted"


def test_a_move_the_workflow_does_not_allow_is_refused_in_dutch(referral, receiver):
    client = logged_in(receiver)
    client.get(detail(referral))
    response = client.post(f"{detail(referral)}afsluiten/", {"expected": "received"}, follow=True)
    assert "kan niet “afgesloten” worden" in response.content.decode()
    assert status(referral) == "received"
    assert act(client, referral, "bestaat-niet", expected="received").status_code == 404


def test_the_receiver_declines_with_a_reason_from_the_list_and_a_note(
    referral, receiver, worker, mailoutbox, on_commit
):
    client = logged_in(receiver)
    client.get(detail(referral))
    # No reason: refused on the page, nothing changes.
    response = act(client, referral, "weigeren", expected="received", decline_note="Vol.")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Kies waarom je de doorverwijzing weigert." in html and "Controleer je invoer" in html
    assert status(referral) == "received"
    response = act(
        client,
        referral,
        "weigeren",
        expected="received",
        decline_reason="no_capacity",
        decline_note="x" * 501,
    )
    assert (
        response.status_code == 400 and "Schrijf hoogstens 500 tekens." in response.content.decode()
    )
    response = act(client, referral, "weigeren", expected="received", decline_reason="made_up")
    assert response.status_code == 400 and status(referral) == "received"
    # Positive control.
    with on_commit():
        response = act(
            client,
            referral,
            "weigeren",
            expected="received",
            decline_reason="no_capacity",
            decline_note="Probeer de Opvoedingswinkel.",
        )
    assert response.status_code == 302 and status(referral) == "declined"
    assert any(m.to == [worker.email] for m in mailoutbox)
    # The referrer sees the reason's label and the note, never the family's reason.
    page = logged_in(worker).get(detail(referral)).content.decode()
    assert "Geen plaats of capaciteit" in page and "Probeer de Opvoedingswinkel." in page
    assert "Mama voelt zich" not in page


def test_the_receiver_assigns_a_colleague(referral, receiver, receiving_organisation, worker):
    colleague = UserFactory(email="collega@kraamzorg.example.be", first_name="Lien")
    RoleFactory(
        user=colleague, kind=Role.Kind.ORGANISATION_WORKER, organisation=receiving_organisation
    )
    client = logged_in(receiver)
    assert act(client, referral, "toewijzen", handler=colleague.pk).status_code == 302
    assert Referral.objects.get(pk=referral.pk).handler == colleague
    assert "Lien" in client.get(INBOX).content.decode()
    # Somebody of another organisation is not in the list: refused in Dutch.
    response = act(client, referral, "toewijzen", handler=worker.pk)
    assert response.status_code == 400 and "Kies een collega uit de lijst." in (
        response.content.decode()
    )
    response = act(client, referral, "toewijzen", handler="٣")
    assert response.status_code == 400
    assert Referral.objects.get(pk=referral.pk).handler == colleague
    # Nobody.
    assert act(client, referral, "toewijzen", handler="").status_code == 302
    assert Referral.objects.get(pk=referral.pk).handler is None


# --- One referral: the referring side -----------------------------------------------------------


def test_the_referrer_sees_status_and_history_not_the_reason(referral, worker, receiver):
    client = logged_in(worker)
    page = client.get(detail(referral)).content.decode()
    assert "Verstuurd" in page and "Sarah Janssens" in page
    assert "Mama voelt zich" not in page and "Liefst na 17 u." not in page
    assert "leest alleen de ontvangende partner" in page
    assert "/aanvaarden/" not in page and "/intrekken/" in page
    assert status(referral) == "sent"  # the referrer's visit does not open it
    # The receiver's move shows on the referrer's page.
    move(referral, receiver, "received", "accepted")
    page = client.get(detail(referral)).content.decode()
    assert "Aanvaard" in page and "/intrekken/" not in page


def test_the_referrer_withdraws_before_acceptance(referral, worker, receiver):
    client = logged_in(worker)
    assert act(client, referral, "intrekken", expected="sent").status_code == 302
    assert status(referral) == "withdrawn"
    # Too late once accepted.
    other = send(
        referral.house,
        worker,
        referral.from_organisation,
        referral.to_organisation,
        referral.service,
    )[0]
    move(other, receiver, "accepted")
    response = client.post(f"{detail(other)}intrekken/", {"expected": "accepted"}, follow=True)
    assert "kan niet “ingetrokken door de verwijzer” worden" in response.content.decode()
    assert status(other) == "accepted"
    # The receiver cannot withdraw, the referrer cannot accept.
    response = logged_in(receiver).post(
        f"{detail(other)}intrekken/", {"expected": "accepted"}, follow=True
    )
    assert status(other) == "accepted"
    third = send(referral.house, worker, referral.from_organisation, referral.to_organisation)[0]
    response = client.post(f"{detail(third)}aanvaarden/", {"expected": "sent"}, follow=True)
    assert "Je werkt niet voor de partner die deze doorverwijzing kreeg." in (
        response.content.decode()
    )
    assert status(third) == "sent"


def test_the_referrer_emails_a_new_link_and_prints_a_new_slip(
    referral, worker, mailoutbox, on_commit
):
    client = logged_in(worker)
    page = client.get(detail(referral)).content.decode()
    assert f'action="{detail(referral)}briefje.pdf"' in page
    assert f'action="{detail(referral)}nieuwe-link/"' in page
    before = Referral.objects.get(pk=referral.pk).token_hash
    with on_commit():
        assert act(client, referral, "nieuwe-link").status_code == 302
    assert Referral.objects.get(pk=referral.pk).token_hash != before
    assert [m for m in mailoutbox if m.to == ["sarah.janssens@example.be"]]


def test_a_family_without_email_gets_no_new_link_button(
    house, worker, organisation, receiving_organisation, receiving_service
):
    referral = send(
        house,
        worker,
        organisation,
        receiving_organisation,
        receiving_service,
        family={"name": "Ahmed", "phone": "0470 99 88 77", "language": "nl"},
    )[0]
    client = logged_in(worker)
    page = client.get(detail(referral)).content.decode()
    assert "nieuwe-link/" not in page and "briefje.pdf" in page
    response = client.post(f"{detail(referral)}nieuwe-link/", follow=True)
    assert "Van dit gezin is geen e-mailadres gekend." in response.content.decode()


def test_a_late_referral_is_marked_on_both_sides(
    house, worker, organisation, receiving_organisation, receiving_service, receiver
):
    late = send(
        house,
        worker,
        organisation,
        receiving_organisation,
        receiving_service,
        now=timezone.now() - timedelta(days=30),
    )[0]
    fresh = send(house, worker, organisation, receiving_organisation, receiving_service)[0]
    for user in (worker, receiver):
        client = logged_in(user)
        assert "te laat" in client.get(detail(late)).content.decode()
        assert "te laat" not in client.get(detail(fresh)).content.decode()


# --- The house's response time ------------------------------------------------------------------


def test_the_coordinator_sets_the_response_time(house, coordinator, worker, outsider):
    client = logged_in(coordinator)
    page = client.get(POLICY).content.decode()
    assert 'value="5"' in page
    for bad in ("0", "31", "vijf", "٣", ""):
        response = client.post(POLICY, {"response_days": bad})
        assert response.status_code == 400
        assert "Vul een aantal werkdagen in, van 1 tot 30." in response.content.decode()
    assert selectors.response_days(house) == 5
    assert client.post(POLICY, {"response_days": "10"}).status_code == 302
    assert selectors.response_days(house) == 10
    event = AuditEvent.objects.filter(target_type="referrals.referralpolicy").get()
    assert event.changes == {"response_days": [None, 10]} and event.actor == coordinator
    # Workers, other organisations and anonymous visitors: not their page.
    for user in (worker, outsider):
        assert logged_in(user).get(POLICY).status_code == 404
        assert logged_in(user).post(POLICY, {"response_days": "3"}).status_code == 404
    assert selectors.response_days(house) == 10


# --- Where the pages are linked from ------------------------------------------------------------


def test_the_service_page_the_workspace_and_the_menu_lead_to_referrals(
    house, receiving_service, worker, coordinator, parent_client
):
    service_page = f"/kalmthout/aanbod/{receiving_service.pk}/"
    link = f'href="/beheer/doorverwijzingen/nieuw/?dienst={receiving_service.pk}"'
    assert link in logged_in(worker).get(service_page).content.decode()
    # A family does not see it (positive control above).
    assert link not in parent_client.get(service_page).content.decode()
    workspace = logged_in(worker).get("/beheer/").content.decode()
    for url in (INBOX, SENT, "/beheer/doorverwijzingen/nieuw/"):
        assert f'href="{url}"' in workspace
    assert f'href="{POLICY}"' not in workspace
    assert f'href="{POLICY}"' in logged_in(coordinator).get("/beheer/").content.decode()
    assert f'href="{INBOX}">Doorverwijzingen<' in workspace  # the menu
    assert f'href="{INBOX}"' not in parent_client.get("/kalmthout/").content.decode()
