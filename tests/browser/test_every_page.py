"""Every page of the platform on a 360 px wide phone, in the real Chromium: nothing scrolls
sideways and axe finds no violation at any impact, of WCAG 2.2 A/AA or of axe's best practices
(heading order, landmarks, ...).

The data set is what a house really holds after a while: a house with a long name, partners
with long names, services with long words, web addresses and e-mail addresses, activities with
a cancelled and a full session, news, questions in several states, a FAQ entry, partner
applications and an audit trail. Each persona has one browser context that visits its pages in
turn; every failing page is named (URL name and address) in one report at the end."""

import importlib
import re
from datetime import timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.apps import apps
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from huisvanhetkind.activities.models import Activity, NewsItem, Session
from huisvanhetkind.activities.services_registrations import registration_create
from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.care import services as care_services
from huisvanhetkind.care.numbers import fictitious_number
from huisvanhetkind.catalogue.models import Synonym
from huisvanhetkind.catalogue.search.services import rebuild_index
from huisvanhetkind.childcare import services as childcare_services
from huisvanhetkind.childcare.models import Placement
from huisvanhetkind.childcare.months import add_months, first_of_month
from huisvanhetkind.childcare.services_requests import Wish, request_submit
from huisvanhetkind.childcare.services_rounds import placement_confirm, round_run
from huisvanhetkind.childcare.services_tariffs import tariff_year_save
from huisvanhetkind.childcare.services_urgent import urgent_offer_create, urgent_submit
from huisvanhetkind.guidance import services as guidance_services
from huisvanhetkind.network.models import (
    AgeGroup,
    Domain,
    Invitation,
    Municipality,
    OpeningHours,
    Role,
)
from huisvanhetkind.network.workflow import ApplicationStatus
from huisvanhetkind.premises import services_hours
from huisvanhetkind.questions import services as question_services
from huisvanhetkind.questions.models import AnswerTemplate, FaqEntry, Question, RoutingRule, Topic
from huisvanhetkind.referrals import services as referral_services
from tests.childcare.conftest import make_location
from tests.conftest import TOTP_SECRET, logged_in, totp_code, with_second_factor
from tests.factories import (
    PASSWORD,
    DesignationFactory,
    HouseFactory,
    LocationFactory,
    OrganisationFactory,
    PartnerApplicationFactory,
    RoleFactory,
    ServiceFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SLUG = "zoersel-brecht-zandhoven-wijnegem-schilde"
LONG_WORD = "Kinderopvangtoeslagaanvraagondersteuningsbegeleidingstraject"
LONG_URL = (
    "https://www.centrumvoorkinderzorgengezinsondersteuning-sintjozef.be/"
    "onze-werking/opvoedingsondersteuning/inschrijvingsformulier-voor-ouders"
)
LONG_EMAIL = "opvoedingsondersteuning.inschrijvingen@centrumvoorkinderzorg-sintjozef.be"

# WCAG 2.2 A/AA, plus the best practices a new user of a screen reader or a keyboard meets.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

_axe = Axe()


# --- The data set -----------------------------------------------------------------------------


@pytest.fixture
def world():
    importlib.import_module("huisvanhetkind.questions.migrations.0002_load_topics").load(apps, None)
    municipalities = list(
        Municipality.objects.filter(
            name__in=["Zoersel", "Brecht", "Zandhoven", "Wijnegem", "Schilde"]
        )
    )
    house = HouseFactory(
        slug=SLUG,
        name="Huis van het Kind Zoersel-Brecht-Zandhoven-Wijnegem-Schilde",
        tagline="Samen met alle ouders, kinderen en jongeren van de vijf gemeenten",
        mission=f"Wij verbinden ouders met het {LONG_WORD} en veel meer.",
        vision="Elk gezin vindt de weg, zonder drempels.",
        email=LONG_EMAIL,
        phone="+32 3 000 00 00",
        website=LONG_URL,
        municipalities=municipalities,
    )
    kalmthout = HouseFactory(
        slug="kalmthout",
        name="Huis van het Kind Kalmthout",
        municipalities=[Municipality.objects.get(name="Kalmthout")],
    )
    zoersel = municipalities[0]
    location = LocationFactory(
        house=house,
        name="Huis van het Kind Zoersel-Brecht-Zandhoven-Wijnegem-Schilde, hoofdzetel",
        street="Handelslei 167",
        postcode="2980",
        municipality=zoersel,
        accessibility=f"Rolstoeltoegankelijk via de zij-ingang. {LONG_WORD}.",
    )
    for weekday in (0, 2, 4):
        OpeningHours.objects.create(
            location=location, weekday=weekday, opens="09:00", closes="12:00", note=LONG_WORD
        )
    centre = OrganisationFactory(
        name="Centrum voor Kinderzorg en Gezinsondersteuning Sint-Jozef vzw",
        description=f"Met al je vragen over opvoeden. {LONG_WORD}. Meer op {LONG_URL}",
        website=LONG_URL,
        email=LONG_EMAIL,
        phone="+32 3 123 45 67",
        houses=[house],
        domains=["opvoedingsondersteuning", "gezondheid"],
    )
    centre.municipalities.set(municipalities)
    LocationFactory(
        organisation=centre,
        name="Ontmoetingsruimte De Kleine Wereldverkenner",
        street="Kerkstraat 1",
        postcode="2980",
        municipality=zoersel,
    )
    other = OrganisationFactory(name="Kind en Gezin", houses=[house, kalmthout])

    org_admin = with_second_factor(UserFactory(email="beheerder@centrum-sintjozef.example.be"))
    RoleFactory(user=org_admin, kind=Role.Kind.ORGANISATION_ADMIN, organisation=centre)
    worker = with_second_factor(UserFactory(email=LONG_EMAIL.replace(".be", ".example.be")))
    RoleFactory(user=worker, kind=Role.Kind.ORGANISATION_WORKER, organisation=centre)
    coordinator = with_second_factor(UserFactory(email="coordinator@zbzws.example.be"))
    RoleFactory(user=coordinator, kind=Role.Kind.COORDINATOR, house=house)

    # The offer.
    service = ServiceFactory(
        organisation=centre,
        name=f"{LONG_WORD} voor ouders met jonge kinderen",
        alternate_name="Opvoedingswinkel",
        summary=f"Hulp bij het {LONG_WORD}, ook voor aanstaande ouders.",
        description=f"{LONG_WORD}. Lees meer op {LONG_URL} of mail {LONG_EMAIL}.",
        url=LONG_URL,
        email=LONG_EMAIL,
        contact_email=LONG_EMAIL,
        contact_name="Marie-Louise Vandenbroucke-Verstraeten",
        phone="+32 3 123 45 67",
        application_process=f"Vul het formulier in op {LONG_URL}.",
        eligibility_description=LONG_WORD,
        accessibility=LONG_WORD,
        referral_criteria=f"Verwijs door bij {LONG_WORD}.",
        price="12.50",
        social_tariff=True,
        social_tariff_price="2.50",
        age_groups=["0-3", "3-6"],
        service_areas=["Zoersel", "Brecht"],
    )
    consultation = ServiceFactory(
        organisation=other,
        name="Consultatiebureau",
        summary="Gratis opvolging van de groei en de vaccinaties van je kind.",
        domains=["gezondheid"],
        is_free=True,
        age_groups=["0-3"],
    )
    ServiceFactory(organisation=centre, name="Nog niet gepubliceerd aanbod", status="draft")
    Synonym.objects.create(house=house, terms="crèche, kinderdagverblijf, kinderopvang")
    rebuild_index()

    # Activities: a full session (with a waitlist), a cancelled one, an open one.
    activity = Activity.objects.create(
        house=house,
        title=f"Speelbabbel in de {LONG_WORD}",
        summary="Ontmoeting voor ouders met kinderen van 0 tot 3 jaar.",
        description=f"Kom spelen en babbelen. {LONG_URL}",
        place=f"Ontmoetingsruimte De Kleine Wereldverkenner, Kerkstraat 1, Zoersel ({LONG_WORD})",
        online_url=LONG_URL,
        price="3.00",
        social_tariff=True,
        social_tariff_price="1.00",
        accessibility=LONG_WORD,
        registration=Activity.RegistrationMode.REQUIRED,
        capacity=1,
        status=Activity.Status.PUBLISHED,
    )
    activity.organisations.add(centre, other)
    starts = timezone.now().replace(second=0, microsecond=0) + timedelta(days=2)
    full = Session.objects.create(
        activity=activity, starts_at=starts, ends_at=starts + timedelta(hours=2), note=LONG_WORD
    )
    Session.objects.create(
        activity=activity,
        starts_at=starts + timedelta(days=1),
        ends_at=starts + timedelta(days=1, hours=2),
        is_cancelled=True,
        note="Afgelast wegens ziekte",
    )
    open_session = Session.objects.create(
        activity=activity,
        starts_at=starts + timedelta(days=7),
        ends_at=starts + timedelta(days=7, hours=2),
        capacity=10,
    )
    registration, signed = registration_create(
        session=full,
        name="Sara Peeters-Vandenbroucke",
        email=LONG_EMAIL.replace("opvoedings", "ouder."),
        adults=1,
        children_ages=[1],
        remarks=LONG_WORD,
    )
    registration_create(
        session=full, name="Wachtende ouder", phone="0470 00 00 00", children_ages=[2]
    )
    registration_create(
        session=open_session, name="Jonas Goossens", email="jonas@example.be", children_ages=[4]
    )
    news = NewsItem.objects.create(
        house=house,
        organisation=centre,
        title=f"Nieuw: het {LONG_WORD}",
        body=f"<p>Vanaf september. Meer op <a href='{LONG_URL}'>{LONG_URL}</a>.</p>",
        is_published=True,
    )

    # Questions: one answered (with a private page), one routed to the coordinator.
    sleep = Topic.objects.get(slug="slapen", house=None)
    rule = RoutingRule.objects.create(
        house=house,
        position=1,
        name=f"Slapen en {LONG_WORD}",
        topic=sleep,
        organisation=centre,
    )
    question, token = question_services.question_submit(
        house=house,
        text=f"Onze peuter wordt elke nacht wakker. {LONG_WORD}? {LONG_URL}",
        about=Question.About.CHILD,
        child_age=2,
        topic=sleep,
        municipality=zoersel,
        channel=Question.Channel.EMAIL,
        name="Sara",
        email=LONG_EMAIL,
    )
    question_services.question_answer(
        question=question, actor=worker, body=f"Een vast slaapritueel helpt. {LONG_URL}"
    )
    question_services.question_note_add(question=question, actor=worker, body=LONG_WORD)
    unrouted, _token = question_services.question_submit(
        house=house,
        text="Waar kan ik terecht voor een kinderopvangplaats?",
        about=Question.About.EXPECTING,
        child_age=None,
        topic=Topic.objects.get(slug="school-leren", house=None),
        channel=Question.Channel.PHONE,
        phone="0470 12 34 56",
    )
    template = AnswerTemplate.objects.create(
        organisation=centre, title=f"Slapen: {LONG_WORD}", body=f"Zie {LONG_URL}"
    )
    faq = FaqEntry.objects.create(
        house=house,
        topic=sleep,
        source_question=question,
        question=f"Wat als mijn peuter niet slaapt? {LONG_WORD}",
        answer=f"Een vast slaapritueel helpt. {LONG_URL}",
        is_published=True,
    )

    # Partner applications: one to assess, one awaiting the organisation's confirmation.
    application = PartnerApplicationFactory(
        house=house,
        organisation_name=f"Speelpleinwerking {LONG_WORD}",
        website=LONG_URL,
        email=LONG_EMAIL,
        contact_email=LONG_EMAIL,
        motivation=LONG_WORD,
    )
    awaiting = PartnerApplicationFactory(
        house=kalmthout,
        organisation_name=centre.name,
        organisation=centre,
        status=ApplicationStatus.AWAITING_ORGANISATION,
    )
    invitation = Invitation.objects.create(
        email=LONG_EMAIL, role_kind=Role.Kind.ORGANISATION_WORKER, organisation=centre
    )
    audit_record(
        actor=coordinator,
        action=AuditEvent.Action.UPDATE,
        target=centre,
        house=house,
        reason=f"Profiel bijgewerkt: {LONG_WORD}",
        changes={"website": [None, LONG_URL], "email": ["", LONG_EMAIL]},
    )

    # Referrals: the centre sent one to Kind en Gezin (accepted there) and received one.
    receiver = with_second_factor(UserFactory(email="onthaal@kindengezin.example.be"))
    RoleFactory(user=receiver, kind=Role.Kind.ORGANISATION_WORKER, organisation=other)

    def refer(referrer, sender, recipient, offer):
        return referral_services.referral_send(
            actor=referrer,
            house=house,
            from_organisation=sender,
            to_organisation=recipient,
            service=offer,
            family={
                "name": "Sara Peeters-Vandenbroucke",
                "email": LONG_EMAIL.replace("opvoedings", "gezin."),
                "phone": "0470 12 34 56",
                "language": "nl",
            },
            child={"first_name": "Noor", "birth_date": timezone.localdate() - timedelta(days=400)},
            consent={
                "given_by": "parent",
                "obtained_via": "in_person",
                "purpose": f"Ondersteuning bij het {LONG_WORD}",
                "data_categories": ["contact", "child", "reason"],
                "expires_on": timezone.localdate() + timedelta(days=90),
            },
            contact_preference="phone",
            contact_note=f"Liefst na 17 u. {LONG_WORD}",
            reason=f"De ouders vragen hulp bij het {LONG_WORD}. Zie {LONG_URL}.",
        )[0]

    sent_referral = refer(worker, centre, other, consultation)
    for to in ("received", "accepted"):
        referral_services.referral_transition(
            referral=sent_referral, to=to, actor_kind="receiver", actor=receiver
        )
    received_referral = refer(receiver, other, centre, service)

    # Guidance: a bridge worker of the centre guides a family and signals a gap to policy.
    bridge_worker = with_second_factor(UserFactory(email="brugfiguur@centrum-sintjozef.example.be"))
    RoleFactory(user=bridge_worker, kind=Role.Kind.ORGANISATION_WORKER, organisation=centre)
    RoleFactory(user=bridge_worker, kind=Role.Kind.BRIDGE_WORKER, house=house, organisation=centre)
    guided = guidance_services.caseload_start(
        actor=bridge_worker,
        house=house,
        family={"name": "Familie Vandenbroucke-Verstraeten", "email": "vdb@example.be"},
        consent={
            "given_by": "parent",
            "obtained_via": "in_person",
            "data_categories": ["contact", "situation"],
            "expires_on": timezone.localdate() + timedelta(days=200),
        },
        next_contact_on=timezone.localdate() + timedelta(days=3),
    )
    guidance_services.help_question_add(
        entry=guided, actor=bridge_worker, domain="paperwork", text=f"Hulp bij het {LONG_WORD}"
    )
    guidance_services.contact_add(
        entry=guided,
        actor=bridge_worker,
        happened_on=timezone.localdate(),
        kind="accompanied",
        note=f"Samen naar het {LONG_WORD}. {LONG_URL}",
    )
    guidance_services.policy_signal_record(
        actor=bridge_worker,
        house=house,
        domain=Domain.objects.get(slug="vrije-tijd-ontmoeting"),
        age_group=AgeGroup.objects.get(slug="6-12"),
        municipality=zoersel,
        text=f"Geen betaalbaar {LONG_WORD} voor 6-12",
    )

    # The signal index: the centre and Kind en Gezin signalled the same (fictitious) child.
    child_number = fictitious_number(timezone.localdate() - timedelta(days=800), 41)
    signal = care_services.signal_record(
        actor=org_admin,
        house=house,
        organisation=centre,
        number=child_number,
        child_name=f"Noor {LONG_WORD}",
        child_birth_date="12/03/2024",
        notify=False,
    )
    care_services.signal_record(
        actor=receiver, house=house, organisation=other, number=child_number, notify=False
    )
    parent_token = care_services.signal_parent_link(actor=org_admin, signal=signal)

    # Office hours: a desk with a long name, linked to the service, a rule of each kind and a
    # closure of the whole house.
    desk = services_hours.desk_create(
        actor=None,
        house=house,
        data={
            "name": f"Loket {LONG_WORD}",
            "slug": "loket",
            "description": f"Voor al je vragen over het {LONG_WORD}.",
            "organisation": centre,
            "service": service,
            "location": location,
            "is_active": True,
        },
    )
    hour_rules = [
        {"kind": "weekly", "weekdays": [0, 2], "mode": "walk_in"},
        {"kind": "monthly", "weekdays": [3], "positions": [3, -1], "mode": "appointment"},
        {
            "kind": "dates",
            "dates": [timezone.localdate() + timedelta(days=d) for d in (9, 16, 45)],
            "mode": "appointment",
        },
    ]
    for hour_rule in hour_rules:
        services_hours.rule_create(
            actor=None,
            desk=desk,
            data={"starts": "09:00", "ends": "12:00", "note": LONG_WORD} | hour_rule,
        )
    services_hours.closure_create(
        actor=None,
        house=house,
        starts_on=timezone.localdate() + timedelta(days=20),
        ends_on=timezone.localdate() + timedelta(days=30),
        reason=LONG_WORD,
    )
    return SimpleNamespace(**locals())


# --- Checking a page --------------------------------------------------------------------------


def _context(browser):
    """A phone (360 px wide) in Dutch; what the Content-Security-Policy blocks is a failure."""
    context = browser.new_context(viewport={"width": 360, "height": 780}, locale="nl-BE")
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.blocked = []
    page.on(
        "console",
        lambda message: (
            page.blocked.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return context, page


def _problems(page) -> list[str]:
    """What is wrong with the page as it is now (empty when nothing)."""
    problems = []
    page.wait_for_load_state()
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    if overflow > 0:
        wide = page.evaluate(
            """() => {
                const width = document.documentElement.clientWidth;
                const sticksOut = (e) => e.getBoundingClientRect().right > width + 0.5;
                return [...document.querySelectorAll('body *')]
                    .filter((e) => sticksOut(e) && !sticksOut(e.parentElement))
                    .slice(0, 4)
                    .map((e) => e.outerHTML.slice(0, 80));
            }"""
        )
        problems.append(f"{overflow}px wider than the screen ({', '.join(wide)})")
    results = _axe.run(
        page,
        options={
            "runOnly": {"type": "tag", "values": AXE_TAGS},
            # Only what fails: collecting the passes doubles the time of a run.
            "resultTypes": ["violations"],
        },
    )
    for violation in results.response["violations"]:
        targets = [node["target"] for node in violation["nodes"]][:3]
        problems.append(f"{violation['id']} ({violation['impact']}): {violation['help']} {targets}")
    problems.extend(f"CSP: {text}" for text in page.blocked)
    page.blocked.clear()
    return problems


def _visit(page, base_url: str, pages, failures: list[str]) -> set[str]:
    """Check each page; return the names of those that show the data set's long word (the
    positive control: the pages were checked with the long texts on them)."""
    with_long_word = set()
    for name, url, *expected in pages:
        status = expected[0] if expected else 200
        response = page.goto(base_url + url)
        problems = []
        if response.status != status:
            problems.append(f"status {response.status}, expected {status}")
        problems += _problems(page)
        failures.extend(f"{name} ({url}): {problem}" for problem in problems)
        if LONG_WORD in page.content():
            with_long_word.add(name)
    return with_long_word


def _preview(page, base_url: str, name: str, url: str, file: dict, failures: list[str]) -> None:
    """Upload ``file`` on the import page at ``url`` and check the preview it shows."""
    page.goto(base_url + url)
    page.locator("main input[type=file]").set_input_files(file)
    page.get_by_role("button", name="Bekijk wat er zal gebeuren").click()
    page.wait_for_url("**/voorbeeld/")
    failures.extend(f"{name} ({url}): {problem}" for problem in _problems(page))


def _csv(w) -> dict:
    rows = [
        "organisatie;naam;korte uitleg;website;e-mail;domeinen;gemeenten;prijs",
        f"{w.centre.name};{LONG_WORD};{LONG_WORD} voor ouders;{LONG_URL};{LONG_EMAIL};"
        "Opvoedingsondersteuning;Zoersel, Brecht;12,50",
        f"Onbekende vereniging {LONG_WORD};Speelpleinwerking;Zomer;;;;;",
    ]
    content = ("\r\n".join(rows) + "\r\n").encode()
    return {"name": "aanbod.csv", "mimeType": "text/csv", "buffer": content}


def _ics() -> dict:
    day = (timezone.localdate() + timedelta(days=8)).strftime("%Y%m%d")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Centrum Sint-Jozef//agenda//NL",
        "BEGIN:VEVENT",
        "UID:speelbabbel@centrum-sintjozef.example.be",
        f"DTSTART;TZID=Europe/Brussels:{day}T093000",
        f"DTEND;TZID=Europe/Brussels:{day}T113000",
        "RRULE:FREQ=WEEKLY;COUNT=4",
        f"SUMMARY:Speelbabbel in de {LONG_WORD}",
        f"DESCRIPTION:{LONG_URL}",
        f"LOCATION:{LONG_WORD}\\, Kerkstraat 1\\, Zoersel",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]
    content = "\r\n".join(lines).encode()
    return {"name": "agenda.ics", "mimeType": "text/calendar", "buffer": content}


def _referral_journey(page, base_url: str, w, failures: list[str]) -> None:
    """The referral journey as a referrer walks it: the form with every error, the check page,
    then the referral with the family's code and link shown once."""
    page.goto(base_url + reverse("referrals:new") + f"?dienst={w.consultation.pk}")
    page.get_by_role("button", name="Controleren").click()
    page.wait_for_load_state()
    failures.extend(f"referrals:new with errors: {problem}" for problem in _problems(page))
    page.locator("#id_given_by_0").check()
    page.locator("#id_obtained_via_0").check()
    page.locator("#id_purpose").fill(f"Ondersteuning bij het {LONG_WORD}")
    page.locator("#id_data_categories_0").check()
    page.locator("#id_data_categories_2").check()
    page.locator("#id_family_agreed").check()
    page.locator("#id_name").fill("Sara Peeters-Vandenbroucke")
    page.locator("#id_email").fill(LONG_EMAIL)
    page.locator("#id_contact_preference_0").check()
    page.locator("#id_reason").fill(f"Hulp bij het {LONG_WORD}, zie {LONG_URL}")
    page.get_by_role("button", name="Controleren").click()
    page.wait_for_load_state()
    failures.extend(f"referrals:new check page: {problem}" for problem in _problems(page))
    page.get_by_role("button", name="Verstuur", exact=True).click()
    page.wait_for_url(re.compile(r".*/beheer/doorverwijzingen/[0-9]+/$"))
    failures.extend(f"referrals:detail just sent: {problem}" for problem in _problems(page))
    if "Code voor het gezin" not in page.content():
        failures.append("referrals:detail just sent: no code for the family")


def _report(failures):
    assert not failures, f"{len(failures)} problem(s):\n" + "\n".join(failures)


def _professional(browser, base_url: str, user):
    """A browser context with the session of ``user`` (password and second factor passed)."""
    context, page = _context(browser)
    client = logged_in(user)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": base_url,
            }
        ]
    )
    return context, page


def r(name, *args, query: str = "", **kwargs) -> tuple[str, str]:
    return name + query, reverse(name, args=args or None, kwargs=kwargs or None) + query


# --- The pages --------------------------------------------------------------------------------


def public_pages(w):
    slug = SLUG
    return [
        r("web:landing"),
        r("web:house", house_slug=slug),
        r("web:partners", house_slug=slug),
        r("web:partners", house_slug=slug, query="?domein=opvoedingsondersteuning"),
        r("web:partner", house_slug=slug, pk=w.centre.pk),
        r("catalogue:catalogue", house_slug=slug),
        r("catalogue:catalogue", house_slug=slug, query="?q=opvoedingsondersteuning"),
        r("catalogue:catalogue", house_slug=slug, query="?q=creche&kost=gratis&leeftijd=0-3"),
        r("catalogue:catalogue", house_slug=slug, query="?q=zzzzqqq"),
        r("catalogue:service", house_slug=slug, pk=w.service.pk),
        r("activities:calendar", house_slug=slug),
        r("activities:calendar", house_slug=slug, query="?weergave=week"),
        r(
            "activities:calendar",
            house_slug=slug,
            query=f"?datum={timezone.localtime(w.full.starts_at).date().isoformat()}",
        ),
        r("activities:calendar", house_slug=slug, query="?wanneer=weekend&prijs=gratis"),
        r("activities:detail", house_slug=slug, pk=w.activity.pk),
        r("activities:register", house_slug=slug, pk=w.open_session.pk),
        r("activities:register", house_slug=slug, pk=w.full.pk),
        r("activities:manage", house_slug=slug, signed=w.signed),
        r("activities:news", house_slug=slug),
        r("activities:news_detail", house_slug=slug, pk=w.news.pk),
        r("questions:ask", house_slug=slug),
        r("questions:private", house_slug=slug, token=w.token),
        r("care:parent", house_slug=slug, token=w.parent_token),
        r("questions:faq", house_slug=slug),
        r("network:apply", house_slug=slug),
        r("network:invitation_accept", token=w.invitation.token),
        r("premises:hours", house_slug=slug),
        r("babytheek:catalogue", house_slug=slug),
        r("appointments:desks", house_slug=slug),
        r("web:accessibility"),
        r("privacy:statement"),
        r("account_login"),
        r("account_reset_password"),
        ("404 of a house", f"/{slug}/bestaat-niet/", 404),
        ("404", "/bestaat-niet/", 404),
    ]


def professional_pages(w, *, coordinator: bool):
    slug = SLUG
    pages = [
        r("network:dashboard"),
        r("network:team", pk=w.centre.pk),
        r("network:organisation_profile", pk=w.centre.pk),
        r("catalogue:organisation_services", pk=w.centre.pk),
        r("catalogue:service_new", pk=w.centre.pk),
        r("catalogue:service_edit", pk=w.service.pk),
        r("activities:manage_activities"),
        r("activities:activity_new", house_slug=slug),
        r("activities:manage_activity", pk=w.activity.pk),
        r("activities:activity_edit", pk=w.activity.pk),
        r("activities:manage_session", pk=w.full.pk),
        r("activities:session_register", pk=w.open_session.pk),
        r("activities:ical_import_choose", house_slug=slug),
        r("activities:ical_import", house_slug=slug, organisation_pk=w.centre.pk),
        r("activities:manage_news", house_slug=slug),
        r("activities:news_new", house_slug=slug),
        r("activities:news_edit", house_slug=slug, pk=w.news.pk),
        r("questions:inbox"),
        r("questions:detail", pk=w.question.pk),
        r("questions:faq_from_question", pk=w.question.pk),
        r("referrals:inbox"),
        r("referrals:sent"),
        r("referrals:new"),
    ]
    if coordinator:
        pages += [
            r("network:application_queue", house_slug=slug),
            r("network:application", house_slug=slug, pk=w.application.pk),
            r("network:house_partners", house_slug=slug),
            r("network:house_coordinators", house_slug=slug),
            r("network:audit_trail", house_slug=slug),
            r("catalogue:house_services", house_slug=slug),
            r("catalogue:house_services", house_slug=slug, query="?nakijken=1"),
            r("catalogue:synonyms", house_slug=slug),
            r("catalogue:synonyms", house_slug=slug, query="?q=creche"),
            r("catalogue:import", house_slug=slug),
            r("questions:house_inbox", house_slug=slug),
            r("questions:detail", pk=w.unrouted.pk),
            r("questions:needs", house_slug=slug),
            r("questions:routing_rules", house_slug=slug),
            r("questions:routing_rule_new", house_slug=slug),
            r("questions:routing_rule_edit", house_slug=slug, pk=w.rule.pk),
            r("questions:house_faq", house_slug=slug),
            r("questions:house_faq_edit", house_slug=slug, pk=w.faq.pk),
            r("referrals:policy", house_slug=slug),
            r("referrals:figures", house_slug=slug),
            r("guidance:figures", house_slug=slug),
            r("guidance:signals", house_slug=slug),
            r("care:counts", house_slug=slug),
            r("premises:hours_manage", house_slug=slug),
            r("premises:desk_new", house_slug=slug),
            r("premises:desk_manage", house_slug=slug, pk=w.desk.pk),
            r("premises:desk_edit", house_slug=slug, pk=w.desk.pk),
            r("premises:rule_new", house_slug=slug, pk=w.desk.pk),
            r("premises:closure_new", house_slug=slug),
            r("privacy:requests", house_slug=slug),
            r("privacy:request_new", house_slug=slug),
            r("steering:report_index", house_slug=slug),
            r("babytheek:staff_index", house_slug=slug),
            r("babytheek:staff_overdue", house_slug=slug),
            r("babytheek:staff_items", house_slug=slug),
            r("babytheek:staff_item_new", house_slug=slug),
            r("babytheek:staff_members", house_slug=slug),
            r("babytheek:staff_member_new", house_slug=slug),
            r("appointments:staff_index", house_slug=slug),
            r("appointments:staff_day", house_slug=slug, desk_pk=w.desk.pk),
            r("appointments:staff_settings", house_slug=slug, desk_pk=w.desk.pk),
            r("appointments:staff_topics", house_slug=slug, desk_pk=w.desk.pk),
        ]
    else:
        # An organisation's own pages.
        pages += [
            r("network:partnership_request", pk=w.awaiting.pk),
            r("questions:answer_templates", pk=w.centre.pk),
            r("questions:answer_template", pk=w.centre.pk, template_pk=w.template.pk),
            r("referrals:inbox", query="?status=lopend&laat=on"),
            r("referrals:new", query=f"?dienst={w.consultation.pk}"),
            r("referrals:new", query=f"?dienst={w.service.pk}"),  # its own: refused
            r("referrals:detail", pk=w.received_referral.pk),
            r("referrals:detail", pk=w.sent_referral.pk),
            r("guidance:caseload"),  # the organisation's caseload, to read
            r("guidance:detail", pk=w.guided.pk),
            r("care:index"),
            r("care:new"),
            r("care:detail", pk=w.signal.pk),
        ]
    return pages


def bridge_worker_pages(w):
    slug = SLUG
    return [
        r("network:dashboard"),
        r("guidance:caseload"),
        r("guidance:caseload", query="?beeindigd=1"),
        r("guidance:new", house_slug=slug),
        r("guidance:detail", pk=w.guided.pk),
        r("guidance:signals", house_slug=slug),
        r("guidance:signal_new", house_slug=slug),
    ]


def _guidance_errors(page, base_url: str, w, failures: list[str]) -> None:
    """The bridge worker's forms sent empty: each page with its error summary."""
    page.goto(base_url + reverse("guidance:new", args=[SLUG]))
    page.get_by_role("button", name="Gezin toevoegen").click()
    page.wait_for_load_state()
    failures.extend(f"guidance:new with errors: {problem}" for problem in _problems(page))
    page.goto(base_url + reverse("guidance:detail", args=[w.guided.pk]))
    page.get_by_role("button", name="Hulpvraag bewaren").click()
    page.wait_for_load_state()
    failures.extend(f"guidance:detail with errors: {problem}" for problem in _problems(page))
    page.goto(base_url + reverse("guidance:signal_new", args=[SLUG]))
    page.get_by_role("button", name="Signaal bewaren").click()
    page.wait_for_load_state()
    failures.extend(f"guidance:signal_new with errors: {problem}" for problem in _problems(page))


def _care_errors(page, base_url: str, failures: list[str]) -> None:
    """A signal with a wrong national number: the page with its error summary."""
    page.goto(base_url + reverse("care:new"))
    page.locator("#id_number").fill("12.34.56-789.00")
    page.get_by_role("button", name="Signaal bewaren").click()
    page.wait_for_load_state()
    if not page.locator(".error-summary").count():
        failures.append("care:new with errors: no error summary")
    failures.extend(f"care:new with errors: {problem}" for problem in _problems(page))


# --- The tests --------------------------------------------------------------------------------


def test_every_public_page_fits_a_phone_and_passes_axe(live_server, browser, world):
    context, page = _context(browser)
    failures = []
    shown = _visit(page, live_server.url, public_pages(world), failures)
    context.close()
    _report(failures)
    assert {
        "web:house",
        "web:partner",
        "catalogue:catalogue?q=opvoedingsondersteuning",
        "catalogue:service",
        "activities:calendar",
        "activities:detail",
        "activities:news_detail",
        "questions:faq",
    } <= shown


def test_log_in_and_second_factor_pages_fit_a_phone_and_pass_axe(live_server, browser, world):
    failures = []
    base = live_server.url
    context, page = _context(browser)
    # Log-in with a password, then the TOTP code.
    page.goto(base + reverse("account_login"))
    page.locator("#id_login").fill(world.org_admin.email)
    page.locator("#id_password").fill("wrong password")
    page.locator("main form button[type=submit]").first.click()
    failures += [f"log-in with an error: {p}" for p in _problems(page)]
    page.locator("#id_login").fill(world.org_admin.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**" + reverse("mfa_authenticate"))
    failures += [f"mfa_authenticate: {p}" for p in _problems(page)]
    page.locator("#id_code").fill("000000")
    page.locator("main form button[type=submit]").first.click()
    failures += [f"mfa_authenticate with an error: {p}" for p in _problems(page)]
    page.locator("#id_code").fill(totp_code(TOTP_SECRET))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/beheer/")
    _visit(page, base, [r("mfa_index"), r("account_change_password")], failures)
    context.close()

    # A professional without a second factor sets up TOTP, then sees the recovery codes.
    newcomer = UserFactory(email="nieuw@centrum-sintjozef.example.be")
    RoleFactory(user=newcomer, kind=Role.Kind.ORGANISATION_WORKER, organisation=world.centre)
    context, page = _context(browser)
    page.goto(base + reverse("account_login"))
    page.locator("#id_login").fill(newcomer.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    # Straight to the set-up of a second factor: the password just typed confirms it.
    page.wait_for_url("**" + reverse("mfa_activate_totp"))
    failures += [f"mfa_activate_totp: {p}" for p in _problems(page)]
    secret = page.locator("#authenticator_secret").input_value()
    page.locator("#id_code").fill(totp_code(secret))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r".*/accounts/2fa/.*"))
    failures += [f"after TOTP set-up ({page.url}): {p}" for p in _problems(page)]
    _visit(page, base, [r("mfa_view_recovery_codes"), r("account_reauthenticate")], failures)
    context.close()
    _report(failures)


def test_every_page_of_an_organisation_admin_fits_a_phone_and_passes_axe(
    live_server, browser, world
):
    context, page = _professional(browser, live_server.url, world.org_admin)
    failures = []
    _visit(page, live_server.url, professional_pages(world, coordinator=False), failures)
    _referral_journey(page, live_server.url, world, failures)
    _care_errors(page, live_server.url, failures)
    _preview(
        page,
        live_server.url,
        "activities:ical_import_preview",
        reverse("activities:ical_import", args=[SLUG, world.centre.pk]),
        _ics(),
        failures,
    )
    context.close()
    _report(failures)


def test_every_page_of_the_coordinator_fits_a_phone_and_passes_axe(live_server, browser, world):
    context, page = _professional(browser, live_server.url, world.coordinator)
    failures = []
    shown = _visit(page, live_server.url, professional_pages(world, coordinator=True), failures)
    _preview(
        page,
        live_server.url,
        "catalogue:import_preview",
        reverse("catalogue:import", args=[SLUG]),
        _csv(world),
        failures,
    )
    context.close()
    _report(failures)
    assert {
        "network:application",
        "network:audit_trail",
        "questions:detail",
        "questions:routing_rules",
        "catalogue:service_edit",
    } <= shown


def test_every_page_of_a_bridge_worker_fits_a_phone_and_passes_axe(live_server, browser, world):
    context, page = _professional(browser, live_server.url, world.bridge_worker)
    failures = []
    shown = _visit(page, live_server.url, bridge_worker_pages(world), failures)
    _guidance_errors(page, live_server.url, world, failures)
    context.close()
    _report(failures)
    assert {"guidance:detail", "guidance:signals"} <= shown


# --- The childcare desk ---------------------------------------------------------------------


@pytest.fixture
def childcare(world):
    """The regional house's childcare: Kind en Gezin designated as its desk, a location of the
    centre (the organisation admin's) with free places, this year's tariff, two requests (one
    with a long note), an urgent request the centre offered a place for, and a round for next
    month whose two places wait: one for the provider, one (confirmed) for the family."""
    house, coordinator = world.house, world.coordinator
    DesignationFactory(house=house, organisation=world.other)
    month = add_months(first_of_month(timezone.localdate()), 1)
    location = make_location(
        house=house,
        organisation=world.centre,
        name=f"Kinderdagverblijf De {LONG_WORD}",
        municipality="Zoersel",
        street="Handelslei 167",
        postcode="2980",
    )
    second = make_location(
        house=house,
        organisation=world.centre,
        name="Gezinsopvang De Kleine Wereldverkenner",
        municipality="Zoersel",
        kind="gezinsopvang",
        licensed_places=8,
    )
    childcare_services.free_places_set(childcare=location, actor=None, places={month: 1})
    childcare_services.free_places_set(childcare=second, actor=None, places={month: 1})
    tariff_year_save(
        house=house,
        actor=coordinator,
        year=timezone.localdate().year,
        data={
            "income_floor": Decimal("2323.36"),
            "income_ceiling": Decimal("6645.17"),
            "price_min": Decimal("6.17"),
            "price_max": Decimal("36.11"),
            "rate_percent": Decimal("15.24"),
            "income_divisor": 22,
            "short_day_hours": Decimal("5"),
            "long_day_hours": Decimal("11"),
            "short_day_percent": Decimal("60"),
            "long_day_percent": Decimal("150"),
            "sibling_discount_percent": Decimal("20"),
            "social_tariff_percent": Decimal("50"),
        },
    )
    zoersel = Municipality.objects.get(name="Zoersel")
    tokens = []
    for number, wishes in enumerate(([location, second], [second])):
        childcare_request, token = request_submit(
            house=house,
            municipality=zoersel,
            name=f"Ouder {number}",
            email=f"ouder{number}@example.be",
            child_first_name="Mila",
            birth_date=timezone.localdate() - timedelta(days=200),
            wished_start=month,
            half_days=8,
            wishes=[Wish(location=w, rank=rank) for rank, w in enumerate(wishes, start=1)],
            working=True,
            sworn=True,
            social_tariff=False,
            note=f"Wij zoeken opvang voor het {LONG_WORD}.",
        )
        tokens.append((childcare_request, token))
    urgent, urgent_token = urgent_submit(
        house=house,
        family={"name": "Ouder Dringend", "email": "dringend@example.be", "language": "nl"},
        child={"first_name": "Noah", "birth_date": timezone.localdate() - timedelta(days=400)},
        municipality=zoersel,
        reason="work",
        needed_from=timezone.localdate() + timedelta(days=10),
        half_days=6,
        situation=f"Nieuw werk vanaf maandag. {LONG_WORD}.",
    )
    urgent_offer_create(urgent=urgent, location=location, actor=world.org_admin)
    allocation_round = round_run(house=house, month=month, actor=coordinator)
    waiting = Placement.objects.get(location=location)
    confirmed = placement_confirm(placement=Placement.objects.get(location=second), actor=None)
    return SimpleNamespace(**locals())


def childcare_pages(c):
    slug, (first, first_token), (_second, second_token) = SLUG, *c.tokens
    public = [
        r("childcare:offer", house_slug=slug),
        r("childcare:location", house_slug=slug, pk=c.location.pk),
        r("childcare:estimate", house_slug=slug),
        r("childcare:estimate", house_slug=slug, query="?inkomen=3500&uren=9&dagen=18"),
        r("childcare:request_new", house_slug=slug),
        r("childcare:urgent_new", house_slug=slug),
        r("childcare:request_private", house_slug=slug, token=first_token),
        r("childcare:request_change", house_slug=slug, token=first_token),
        r("childcare:request_withdraw", house_slug=slug, token=first_token),
        r("childcare:request_private", house_slug=slug, token=second_token),
        r(
            "childcare:offer_answer",
            house_slug=slug,
            token=second_token,
            pk=c.confirmed.pk,
        ),
        r("childcare:urgent_private", house_slug=slug, token=c.urgent_token),
    ]
    desk = [
        r("childcare:desk", house_slug=slug),
        r("childcare:desk_requests", house_slug=slug),
        r("childcare:desk_request", house_slug=slug, pk=first.pk),
        r("childcare:urgent_desk", house_slug=slug),
        r("childcare:urgent_detail", house_slug=slug, pk=c.urgent.pk),
        r("childcare:rounds", house_slug=slug),
        r("childcare:rounds", house_slug=slug, query=f"?maand={c.month:%Y-%m}"),
        r("childcare:round", house_slug=slug, pk=c.allocation_round.pk),
        r("childcare:tariff_desk", house_slug=slug),
        r("childcare:figures", house_slug=slug),
        r("childcare:import", house_slug=slug),
    ]
    provider = [
        r("childcare:provider_locations"),
        r("childcare:provider_places", pk=c.location.pk),
        r("childcare:provider_details", pk=c.location.pk),
        r("childcare:provider_requests"),
        r("childcare:provider_request", pk=first.pk),
        r("childcare:urgent_provider"),
        r("childcare:urgent_file"),
        r("childcare:placements"),
        r("childcare:placement_refuse", pk=c.waiting.pk),
        r("childcare:placement_outside", pk=c.location.pk),
    ]
    return public, desk, provider


def test_every_childcare_page_fits_a_phone_and_passes_axe(live_server, browser, childcare):
    """The family's, the desk's (here the coordinator's) and the provider's pages."""
    public, desk, provider = childcare_pages(childcare)
    failures = []
    context, page = _context(browser)
    shown = _visit(page, live_server.url, public, failures)
    context.close()
    for user, pages in ((childcare.coordinator, desk), (childcare.world.org_admin, provider)):
        context, page = _professional(browser, live_server.url, user)
        shown |= _visit(page, live_server.url, pages, failures)
        context.close()
    _report(failures)
    assert {"childcare:offer", "childcare:desk_request", "childcare:urgent_detail"} <= shown
