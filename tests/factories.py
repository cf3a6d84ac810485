"""Factories for the network; reference lists (domains, age groups, municipalities) come from
the data migrations and are looked up, not created."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from huisvanhetkind.network.models import (
    Designation,
    Domain,
    Group,
    GroupMembership,
    House,
    Location,
    Municipality,
    Organisation,
    PartnerApplication,
    Partnership,
    Role,
)

PASSWORD = "Een-sterk-wachtwoord-42"


def enterprise_number(n: int) -> str:
    """A valid (fictitious) KBO number derived from ``n``."""
    base = 2_000_000 + n
    return f"0{base:07d}{97 - base % 97:02d}"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@example.be")
    username = factory.SelfAttribute("email")
    first_name = factory.Faker("first_name", locale="nl_BE")
    last_name = factory.Faker("last_name", locale="nl_BE")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def email_address(self, create, extracted, **kwargs):
        if create:
            self.save()
            EmailAddress.objects.create(user=self, email=self.email, primary=True, verified=True)


class HouseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = House
        django_get_or_create = ["slug"]
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Huis van het Kind Test {n}")
    slug = factory.Sequence(lambda n: f"huis-{n}")
    mission = "Samen sterk voor elk gezin."
    email = "info@huis.example.be"

    @factory.post_generation
    def municipalities(self, create, extracted, **kwargs):
        if create:
            self.municipalities.set(extracted or [Municipality.objects.get(name="Kalmthout")])


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    kind = Organisation.Kind.PARENTING
    description = "We helpen ouders met vragen over opvoeden."
    enterprise_number = factory.Sequence(enterprise_number)

    @factory.post_generation
    def houses(self, create, extracted, **kwargs):
        for house in extracted or []:
            Partnership.objects.create(organisation=self, house=house)

    @factory.post_generation
    def domains(self, create, extracted, **kwargs):
        if create and extracted:
            self.domains.set(Domain.objects.filter(slug__in=extracted))


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    name = "Hoofdzetel"
    street = "Kapellensteenweg 170"
    postcode = "2920"
    municipality = factory.LazyFunction(lambda: Municipality.objects.get(name="Kalmthout"))


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Role

    user = factory.SubFactory(UserFactory)
    kind = Role.Kind.ORGANISATION_WORKER


class PartnerApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerApplication

    organisation_name = factory.Sequence(lambda n: f"Nieuwe vereniging {n}")
    kind = Organisation.Kind.LEISURE
    description = "Speelnamiddagen voor kinderen."
    contact_name = "An Peeters"
    contact_email = factory.Sequence(lambda n: f"contact{n}@vereniging.example.be")


class DesignationFactory(factory.django.DjangoModelFactory):
    """A task of a partner organisation in a house (a Lokaal Loket Kinderopvang); give an
    ``organisation`` that is partner of ``house``."""

    class Meta:
        model = Designation

    house = factory.SubFactory(HouseFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    kind = Designation.Kind.CHILDCARE_DESK


class GroupFactory(factory.django.DjangoModelFactory):
    """A group of a house, without members and without an entry in the trail."""

    class Meta:
        model = Group

    house = factory.SubFactory(HouseFactory)
    kind = Group.Kind.STEERING
    name = factory.Sequence(lambda n: f"Groep {n}")


class GroupMembershipFactory(factory.django.DjangoModelFactory):
    """A seat in a group on behalf of ``organisation`` (None: on behalf of the house, as its
    coordinator); give a ``user`` who works for that organisation."""

    class Meta:
        model = GroupMembership

    group = factory.SubFactory(GroupFactory)
    user = factory.SubFactory(UserFactory)
    organisation = None


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "catalogue.Service"
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Aanbod {n}")
    summary = "Een korte uitleg voor ouders."
    description = "Een langere beschrijving."
    status = "published"

    @factory.post_generation
    def domains(self, create, extracted, **kwargs):
        """Parenting support unless named; ``domains=[]`` for a service without a domain."""
        if create:
            slugs = ["opvoedingsondersteuning"] if extracted is None else extracted
            self.domains.set(Domain.objects.filter(slug__in=slugs))

    @factory.post_generation
    def age_groups(self, create, extracted, **kwargs):
        if create and extracted:
            from huisvanhetkind.network.models import AgeGroup

            self.age_groups.set(AgeGroup.objects.filter(slug__in=extracted))

    @factory.post_generation
    def service_areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.service_areas.set(Municipality.objects.filter(name__in=extracted))

    @factory.post_generation
    def target_groups(self, create, extracted, **kwargs):
        if create and extracted:
            from huisvanhetkind.catalogue.models import TargetGroup

            self.target_groups.set(TargetGroup.objects.filter(slug__in=extracted))

    @factory.post_generation
    def locations(self, create, extracted, **kwargs):
        if create and extracted:
            self.locations.set(extracted)

    @factory.post_generation
    def indexed(self, create, extracted, **kwargs):
        """``indexed=True``: in the search index, with all the links above (as the catalogue's
        services index a service they save)."""
        if create and extracted:
            from huisvanhetkind.catalogue.search.services import index_service

            index_service(self)


# --- Questions ----------------------------------------------------------------------------------
# Topics and age groups come from the data migrations and are looked up, not created.


def _global_topic(slug: str = "slapen"):
    from huisvanhetkind.questions.models import Topic

    return Topic.objects.get(slug=slug, house=None)


def _age_group(slug: str):
    from huisvanhetkind.network.models import AgeGroup

    return AgeGroup.objects.get(slug=slug)


def _new_token() -> str:
    from huisvanhetkind.core.tokens import new_token

    return new_token()


def _digest(question) -> str:
    from huisvanhetkind.core.tokens import token_digest

    return token_digest(question.token)


def _now():
    from django.utils import timezone

    return timezone.now()


def _due_on():
    from datetime import timedelta

    from django.utils import timezone

    return timezone.localdate() + timedelta(days=3)


class QuestionFactory(factory.django.DjangoModelFactory):
    """A parent's question as stored after asking, with the first step of its history
    (``received``); ``question.token`` is the key of its private link. Give ``organisation``
    (and ``status``, ``assignee``) for a routed question: nothing is routed or e-mailed here."""

    class Meta:
        model = "questions.Question"
        skip_postgeneration_save = True

    house = factory.SubFactory(HouseFactory)
    token = factory.LazyFunction(_new_token)
    token_hash = factory.LazyAttribute(_digest)
    text = "Mijn peuter slaapt slecht. Wat kan ik doen?"
    about = "child"
    child_age = 2
    age_group = factory.LazyFunction(lambda: _age_group("0-3"))
    topic = factory.LazyFunction(_global_topic)
    municipality = factory.LazyAttribute(lambda q: q.house.municipalities.first())
    channel = "email"
    email = "ouder@example.be"
    email_digest = factory.LazyAttribute(lambda q: _contact_digest(q.email))
    consent_at = factory.LazyFunction(_now)
    due_on = factory.LazyFunction(_due_on)

    @factory.post_generation
    def received(self, create, extracted, **kwargs):
        if create:
            self.events.create(kind="received", to_status=self.status)


class RoutingRuleFactory(factory.django.DjangoModelFactory):
    """A rule of a house; give an ``organisation`` that is partner of that house."""

    class Meta:
        model = "questions.RoutingRule"

    house = factory.SubFactory(HouseFactory)
    position = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Regel {n}")
    organisation = factory.SubFactory(OrganisationFactory)


class AnswerTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "questions.AnswerTemplate"

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Sjabloon {n}")
    body = "Beste ouder, bedankt voor je vraag."


class FaqEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "questions.FaqEntry"

    house = factory.SubFactory(HouseFactory)
    question = factory.Sequence(lambda n: f"Veelgestelde vraag {n}?")
    answer = "Een algemeen antwoord voor alle ouders."
    is_published = True


# --- Activities ---------------------------------------------------------------------------------
# Records as the services store them, without their side effects (no e-mail, no audit): use the
# services where the behaviour under test is the write itself.


def _starts_in(days: int):
    from datetime import timedelta

    from django.utils import timezone

    return timezone.now().replace(microsecond=0) + timedelta(days=days)


def _two_hours_after(session):
    from datetime import timedelta

    return session.starts_at + timedelta(hours=2)


def _contact_digest(value: str) -> str:
    from huisvanhetkind.core.digests import EMAIL, contact_digest

    return contact_digest(value, EMAIL)


class ActivityFactory(factory.django.DjangoModelFactory):
    """A published, free activity of a house; ``organisations=[...]`` names its partners."""

    class Meta:
        model = "activities.Activity"
        skip_postgeneration_save = True

    house = factory.SubFactory(HouseFactory)
    title = factory.Sequence(lambda n: f"Activiteit {n}")
    summary = "Ontmoeting voor ouders met jonge kinderen."
    place = "Huis van het Kind, Kerkstraat 1, Kalmthout"
    is_free = True
    status = "published"

    @factory.post_generation
    def organisations(self, create, extracted, **kwargs):
        if create and extracted:
            self.organisations.set(extracted)


class SessionFactory(factory.django.DjangoModelFactory):
    """A session of two hours, three days from now (``starts_at`` to choose another moment)."""

    class Meta:
        model = "activities.Session"

    activity = factory.SubFactory(ActivityFactory)
    starts_at = factory.LazyFunction(lambda: _starts_in(3))
    ends_at = factory.LazyAttribute(_two_hours_after)


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A confirmed registration of one adult and one child, without a manage link."""

    class Meta:
        model = "activities.Registration"

    session = factory.SubFactory(SessionFactory)
    name = "Sara Peeters"
    email = factory.Sequence(lambda n: f"ouder{n}@example.be")
    email_digest = factory.LazyAttribute(lambda r: _contact_digest(r.email))
    adults = 1
    children = 1
    children_ages = factory.LazyFunction(lambda: [1])
    consent_at = factory.LazyFunction(lambda: _starts_in(0))
    status = "confirmed"


class NewsItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "activities.NewsItem"

    house = factory.SubFactory(HouseFactory)
    title = factory.Sequence(lambda n: f"Nieuws {n}")
    body = "<p>Nieuws voor alle gezinnen.</p>"
    is_published = True


# --- Guidance (bridge workers) -------------------------------------------------------------------


def _in_days(days: int):
    from datetime import timedelta

    from django.utils import timezone

    return timezone.localdate() + timedelta(days=days)


class GuidanceFamilyFactory(factory.django.DjangoModelFactory):
    """A family record as ``families.services.family_for_contact`` makes it (with its digests)."""

    class Meta:
        model = "families.Family"

    name = "Familie Peeters"
    email = factory.Sequence(lambda n: f"gezin{n}@example.be")
    email_digest = factory.LazyAttribute(lambda f: _contact_digest(f.email))


class GuidanceConsentFactory(factory.django.DjangoModelFactory):
    """A consent to guidance by a bridge worker of ``recipient``, valid for 180 days."""

    class Meta:
        model = "referrals.Consent"

    house = factory.SubFactory(HouseFactory)
    family = factory.SubFactory(GuidanceFamilyFactory)
    recipient = factory.SubFactory(OrganisationFactory)
    requested_by = factory.SelfAttribute("recipient")
    purpose = "begeleiding door een brugfiguur"
    data_categories = factory.LazyFunction(lambda: ["contact", "situation"])
    obtained_via = "in_person"
    expires_on = factory.LazyFunction(lambda: _in_days(180))


class CaseloadEntryFactory(factory.django.DjangoModelFactory):
    """A family guided by ``bridge_worker`` (give one with a bridge worker role in ``house`` for
    ``organisation``), with its consent."""

    class Meta:
        model = "guidance.CaseloadEntry"

    house = factory.SubFactory(HouseFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    bridge_worker = factory.SubFactory(UserFactory)
    family = factory.SubFactory(GuidanceFamilyFactory)
    consent = factory.SubFactory(
        GuidanceConsentFactory,
        house=factory.SelfAttribute("..house"),
        family=factory.SelfAttribute("..family"),
        recipient=factory.SelfAttribute("..organisation"),
    )
    next_contact_on = factory.LazyFunction(lambda: _in_days(7))


class PolicySignalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "guidance.PolicySignal"

    house = factory.SubFactory(HouseFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    recorded_by = factory.SubFactory(UserFactory)
    domain = factory.LazyFunction(lambda: Domain.objects.get(slug="vrije-tijd-ontmoeting"))
    age_group = factory.LazyFunction(lambda: _age_group("6-12"))
    municipality = factory.LazyFunction(lambda: Municipality.objects.get(name="Kalmthout"))
    text = "Geen betaalbare zwemlessen voor 6- tot 12-jarigen"
