"""The demo's referrals: every status between the Kalmthout partners, each written through the
referral services by the actor of its step, spread over months, without e-mail, written once; a
bridge worker account with a caseload (help questions, contacts, the referrals made, an overdue
contact) and signals to policy, seen only by whom may; and the family link `make demo` prints,
which opens the family's page (and only that page, only in its house) and takes "Ik kreeg
hulp"."""

import re
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.http import Http404
from django.test import Client, override_settings
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.demo.referrals import demo_referral_rows, demo_referral_token
from huisvanhetkind.demo.services import load
from huisvanhetkind.guidance import access as guidance_access
from huisvanhetkind.guidance.models import CaseloadEntry, PolicySignal
from huisvanhetkind.guidance.selectors import entry_referrals
from huisvanhetkind.network.access import is_bridge_worker, works_for
from huisvanhetkind.network.models import House, Organisation, Partnership, Role
from huisvanhetkind.referrals import selectors
from huisvanhetkind.referrals.codes import normalise_short_code
from huisvanhetkind.referrals.models import Referral, ReferralEvent
from huisvanhetkind.referrals.workflow import Actor, ReferralStatus
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db

in_the_demo = override_settings(DEMO_MODE=True, DEBUG=True)
LINK = re.compile(r"family link: (\S+)")
CODE = re.compile(r"or type the code (\S+) on (\S+)")
BRIDGE_WORKER = "brugfiguur@kalmthout.example.be"


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def printed_link(output: str) -> str:
    return urlsplit(LINK.search(output).group(1)).path


@in_the_demo
def test_the_demo_has_a_referral_in_every_status_and_seeding_again_adds_nothing(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        first = seed()
    assert mail.outbox == []  # not the receivers, the referrers or the families
    kalmthout = House.objects.get(slug="kalmthout")
    referrals = Referral.objects.filter(house=kalmthout)
    assert set(referrals.values_list("status", flat=True)) == set(ReferralStatus.values)
    # The demo's referrals, and those that found no help behind the needs page (demo/figures.py).
    no_help = {"referrals": []} | load("figures")["referrals"]
    assert referrals.count() == len(demo_referral_rows(load("referrals"))) + len(
        demo_referral_rows(no_help)
    )
    assert not Referral.objects.exclude(house=kalmthout).exists()
    # Between active partners of the house, each side one of the demo's accounts.
    partners = set(
        Partnership.objects.filter(house=kalmthout, status=Partnership.Status.ACTIVE).values_list(
            "organisation_id", flat=True
        )
    )
    for referral in referrals.select_related("referrer", "from_organisation"):
        assert {referral.from_organisation_id, referral.to_organisation_id} <= partners
        assert works_for(referral.referrer, referral.from_organisation)
    # Over the last months, with late ones still waiting for an answer.
    today = timezone.localdate()
    months = {(r.year, r.month) for r in referrals.values_list("created_at", flat=True)}
    assert len(months) >= 4
    assert referrals.late(today).filter(status=ReferralStatus.SENT).exists()
    assert referrals.late(today).filter(status=ReferralStatus.RECEIVED).exists()
    assert referrals.filter(status=ReferralStatus.SENT, due_on__gte=today).exists()
    # Each step by its own actor: the referrer withdraws, the family withdraws its consent and
    # says it got help, the system expires, the receiving partner answers.
    events = ReferralEvent.objects.filter(referral__house=kalmthout)
    by = {
        status: set(events.filter(to_status=status).values_list("actor_kind", flat=True))
        for status in ReferralStatus.values
    }
    assert by[ReferralStatus.SENT] == {Actor.REFERRER}
    assert by[ReferralStatus.WITHDRAWN] == {Actor.REFERRER}
    assert by[ReferralStatus.CONSENT_WITHDRAWN] == {Actor.FAMILY}
    assert by[ReferralStatus.EXPIRED] == {Actor.SYSTEM}
    assert by[ReferralStatus.ACCEPTED] == by[ReferralStatus.DECLINED] == {Actor.RECEIVER}
    assert by[ReferralStatus.GOT_HELP] == {Actor.RECEIVER, Actor.FAMILY}
    assert referrals.filter(family_outcome=Referral.Outcome.GOT_HELP).exists()
    assert set(
        referrals.filter(status=ReferralStatus.DECLINED).values_list("decline_reason", flat=True)
    ) >= {"no_capacity", "not_eligible"}
    # A withdrawn consent erased what the family shared; a running referral keeps it.
    withdrawn = referrals.filter(status=ReferralStatus.CONSENT_WITHDRAWN)
    assert withdrawn.exists()
    assert not withdrawn.filter(family__isnull=False).exists()
    assert not withdrawn.filter(erased_at__isnull=True).exists()
    assert not referrals.filter(status=ReferralStatus.CONTACTED, family__isnull=True).exists()
    # Enough in every status that the house's totals show numbers, not "< 5".
    for status in ReferralStatus.values:
        assert referrals.filter(status=status).count() >= 5, status

    trail = AuditEvent.objects.filter(target_type__regex=r"^(referrals|families)\.")
    counts = (Referral.objects.count(), events.count(), trail.count())
    with django_capture_on_commit_callbacks(execute=True):
        second = seed()
    assert (Referral.objects.count(), events.count(), trail.count()) == counts
    assert second == first
    assert mail.outbox == []


@in_the_demo
def test_the_printed_family_link_opens_the_family_page_where_it_says_it_got_help():
    output = seed()
    path = printed_link(output)
    kalmthout = House.objects.get(slug="kalmthout")
    token = demo_referral_token("contact-kind-en-gezin")
    assert path == f"/kalmthout/doorverwijzing/{token}/"
    referral = selectors.referral_by_token(kalmthout, token)
    assert referral.status == ReferralStatus.CONTACTED
    assert referral.family.name == "Sarah Janssens"
    code, code_url = CODE.search(output).groups()
    assert urlsplit(code_url).path == "/kalmthout/doorverwijzing/"
    assert selectors.referral_by_short_code(kalmthout, normalise_short_code(code)) == referral

    visitor = Client()
    page = visitor.get(path)
    assert page.status_code == 200
    assert "Ik kreeg hulp" in page.content.decode()
    # Neither a tampered link nor the same link in the other house opens anything.
    tampered = path.replace(token, token[:-1] + ("A" if token[-1] != "A" else "B"))
    assert visitor.get(tampered).status_code == 404
    other = path.replace("/kalmthout/", "/zoersel-brecht-zandhoven-wijnegem-schilde/")
    assert visitor.get(other).status_code == 404
    assert visitor.get(path).status_code == 200

    answer = visitor.post(path, {"action": "got_help"})
    assert answer.status_code == 302
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.GOT_HELP
    assert referral.family_outcome == Referral.Outcome.GOT_HELP
    # Seeded again, the demo leaves what its visitor did, and the link still opens the page.
    assert printed_link(seed()) == path
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.GOT_HELP
    assert visitor.get(path).status_code == 200


@in_the_demo
def test_the_bridge_worker_is_printed_and_is_bridge_worker_in_kalmthout_only():
    output = seed()
    assert re.search(rf"bridge_worker\s+{re.escape(BRIDGE_WORKER)}", output)
    user = get_user_model().objects.get(email=BRIDGE_WORKER)
    kalmthout = House.objects.get(slug="kalmthout")
    other_house = House.objects.get(slug="zoersel-brecht-zandhoven-wijnegem-schilde")
    ocmw = Organisation.objects.get(name="OCMW Kalmthout, sociale dienst")
    role = Role.objects.get(user=user, kind=Role.Kind.BRIDGE_WORKER)
    assert (role.house, role.organisation) == (kalmthout, ocmw)
    assert is_bridge_worker(user, kalmthout)
    assert not is_bridge_worker(user, other_house)
    assert works_for(user, ocmw)
    # The demo's other accounts are no bridge workers.
    colleague = get_user_model().objects.get(email="jonas.goossens@kalmthout.example.be")
    assert not is_bridge_worker(colleague, kalmthout)
    # Designated once, by the platform, in the house's trail.
    seed()
    grants = AuditEvent.objects.filter(
        action=AuditEvent.Action.ROLE_GRANT, target_type="network.role", target_id=str(role.pk)
    )
    assert grants.count() == 1 and grants.get().house == kalmthout


@in_the_demo
def test_the_bridge_worker_guides_families_and_signals_gaps_seen_only_by_whom_may():
    seed()
    users = get_user_model().objects
    bridge_worker = users.get(email=BRIDGE_WORKER)
    kalmthout = House.objects.get(slug="kalmthout")
    data = load("guidance")
    caseload = guidance_access.caseload_for_user(bridge_worker)
    assert caseload.active().count() == len(data["families"]) >= 2
    for entry in caseload:
        assert entry.house == kalmthout and entry.family is not None
        assert entry.help_questions.exists() and entry.contacts.exists()
        assert entry.next_contact_on is not None
        # The family the bridge worker referred: its referrals show in the caseload.
        assert entry_referrals(entry).exists()
        assert guidance_access.get_caseload_entry_for_user(bridge_worker, entry.pk) == entry
    today = timezone.localdate()
    assert caseload.overdue(today).count() == 1
    assert caseload.filter(help_questions__status="answered").exists()
    assert caseload.filter(help_questions__status="open").exists()
    signals = guidance_access.get_policy_signals_for_user(bridge_worker, kalmthout)
    # Its own signals, and the year of signals behind the needs page (demo/figures.py).
    assert signals.filter(text__in=[row["text"] for row in data["signals"]]).count() == len(
        data["signals"]
    )
    assert signals.count() == PolicySignal.objects.filter(house=kalmthout).count()

    # Nobody else reads a family: not a worker of another partner, not the house's
    # coordinator (counts and signals only), not the other house's coordinator.
    entry = caseload.first()
    colleague = users.get(email="jonas.goossens@kalmthout.example.be")
    coordinator = users.get(email="coordinator@kalmthout.example.be")
    outsider = users.get(email="coordinator@zbzws.example.be")
    for user in (colleague, coordinator, outsider):
        assert not guidance_access.caseload_for_user(user).exists()
        with pytest.raises(Http404):
            guidance_access.get_caseload_entry_for_user(user, entry.pk)
    assert (
        guidance_access.get_policy_signals_for_user(coordinator, kalmthout).count()
        == signals.count()
    )
    with pytest.raises(Http404):
        guidance_access.get_policy_signals_for_user(outsider, kalmthout)

    # The pages the README names: the bridge worker's caseload and a family in it; the
    # coordinator's counts, but not the family.
    guide = logged_in(bridge_worker)
    page = guide.get("/beheer/brugfiguur/")
    assert page.status_code == 200 and "Nadia Benali" in page.content.decode()
    assert guide.get(f"/beheer/brugfiguur/gezin/{entry.pk}/").status_code == 200
    house_coordinator = logged_in(coordinator)
    assert house_coordinator.get("/beheer/huis/kalmthout/brugfiguren/cijfers/").status_code == 200
    assert house_coordinator.get(f"/beheer/brugfiguur/gezin/{entry.pk}/").status_code == 404

    counts = (CaseloadEntry.objects.count(), PolicySignal.objects.count())
    seed()
    assert (CaseloadEntry.objects.count(), PolicySignal.objects.count()) == counts


@in_the_demo
def test_the_readmes_walk_through_a_referral_works_on_the_demo(
    django_capture_on_commit_callbacks,
):
    """The README's "Following a referral in the demo", steps 1 and 2."""
    seed()
    users = get_user_model().objects
    referrer = logged_in(users.get(email="jonas.goossens@kalmthout.example.be"))
    receiver = logged_in(users.get(email="lien.claes@kind-en-gezin.example.be"))
    third_party = logged_in(users.get(email="kinderopvang@kalmthout.example.be"))

    sent = referrer.get("/beheer/doorverwijzingen/verstuurd/")
    assert sent.status_code == 200 and "te laat" in sent.content.decode()
    assert receiver.get("/beheer/doorverwijzingen/").status_code == 200
    newest = Referral.objects.filter(
        to_organisation__name="Kind en Gezin", status=ReferralStatus.SENT
    ).first()
    assert newest.service.name == "Huisbezoek na de geboorte"
    assert newest.from_organisation.name == "Opvoedingspunt Kalmthout"
    # A partner that is neither side sees nothing of it; the receiver opens it.
    assert third_party.get(f"/beheer/doorverwijzingen/{newest.pk}/").status_code == 404
    assert receiver.get(f"/beheer/doorverwijzingen/{newest.pk}/").status_code == 200
    newest.refresh_from_db()
    assert newest.status == ReferralStatus.RECEIVED

    with django_capture_on_commit_callbacks(execute=True):
        receiver.post(
            f"/beheer/doorverwijzingen/{newest.pk}/aanvaarden/",
            {"expected": ReferralStatus.RECEIVED},
        )
    receiver.post(
        f"/beheer/doorverwijzingen/{newest.pk}/contact-opgenomen/",
        {"expected": ReferralStatus.ACCEPTED},
    )
    newest.refresh_from_db()
    assert newest.status == ReferralStatus.CONTACTED
    assert [m.to for m in mail.outbox] == [["jonas.goossens@kalmthout.example.be"]]
    page = referrer.get(f"/beheer/doorverwijzingen/{newest.pk}/").content.decode()
    assert str(ReferralStatus.CONTACTED.label).capitalize() in page
