"""Factories for the network; reference lists (domains, age groups, municipalities) come from
the data migrations and are looked up, not created."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from huisvanhetkind.network.models import (
    Domain,
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
        if create:
            self.domains.set(
                Domain.objects.filter(slug__in=extracted or ["opvoedingsondersteuning"])
            )

    @factory.post_generation
    def age_groups(self, create, extracted, **kwargs):
        if create and extracted:
            from huisvanhetkind.network.models import AgeGroup

            self.age_groups.set(AgeGroup.objects.filter(slug__in=extracted))

    @factory.post_generation
    def service_areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.service_areas.set(Municipality.objects.filter(name__in=extracted))
