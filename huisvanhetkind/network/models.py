"""The network: houses, municipalities, organisations, partnerships, locations, people and roles."""

import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.network.validators import (
    format_enterprise_number,
    validate_enterprise_number,
    validate_house_slug,
)
from huisvanhetkind.network.workflow import ApplicationStatus


def new_hsds_id() -> str:
    """The identifier of a record in Open Referral HSDS exports and imports."""
    return str(uuid.uuid4())


class Municipality(models.Model):
    nis_code = models.CharField(_("NIS-code"), max_length=5, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    province = models.CharField(_("provincie"), max_length=50, default="Antwerpen")
    postcodes = models.JSONField(_("postcodes"), default=list, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")

    def __str__(self):
        return self.name


class Domain(models.Model):
    """A policy domain (beleidsdomein) of the strategic note."""

    slug = models.SlugField(unique=True)
    name = models.CharField(_("naam"), max_length=100)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("beleidsdomein")
        verbose_name_plural = _("beleidsdomeinen")

    def __str__(self):
        return self.name


class AgeGroup(models.Model):
    """An age group; expecting parents have no age bounds (both are null)."""

    slug = models.SlugField(unique=True)
    name = models.CharField(_("naam"), max_length=100)
    min_age = models.PositiveSmallIntegerField(_("vanaf leeftijd"), null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(_("tot leeftijd"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("leeftijdsgroep")
        verbose_name_plural = _("leeftijdsgroepen")

    def __str__(self):
        return self.name


class House(models.Model):
    """A Huis van het Kind: the tenant of the platform."""

    name = models.CharField(_("naam"), max_length=150)
    slug = models.SlugField(
        _("korte naam in de adresbalk"),
        max_length=80,
        unique=True,
        validators=[validate_house_slug],
    )
    domain = models.CharField(
        _("eigen domeinnaam"),
        max_length=200,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Bijvoorbeeld huisvanhetkind.kalmthout.be. Leeg laten als er geen is."),
    )
    municipalities = models.ManyToManyField(
        Municipality, related_name="houses", verbose_name=_("gemeenten")
    )
    tagline = models.CharField(_("korte zin"), max_length=200, blank=True)
    mission = models.TextField(_("missie"), blank=True)
    vision = models.TextField(_("visie"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    website = models.URLField(_("website"), blank=True)
    accent_colour = models.CharField(_("huiskleur"), max_length=7, default="#0b6e4f")
    is_active = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Huis van het Kind")
        verbose_name_plural = _("Huizen van het Kind")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("web:house", kwargs={"house_slug": self.slug})


class Organisation(models.Model):
    class Kind(models.TextChoices):
        PUBLIC = "public", _("lokaal bestuur of OCMW")
        PREVENTIVE_HEALTH = "health", _("preventieve gezondheidszorg")
        CHILDCARE = "childcare", _("kinderopvang")
        PARENTING = "parenting", _("opvoedingsondersteuning")
        EDUCATION = "education", _("onderwijs en CLB")
        YOUTH_CARE = "youthcare", _("geestelijke gezondheid en jeugdhulp")
        WELFARE = "welfare", _("welzijn en armoedebestrijding")
        LEISURE = "leisure", _("vrije tijd, jeugdwerk en sport")
        OTHER = "other", _("andere")

    hsds_id = models.CharField(max_length=64, unique=True, default=new_hsds_id, editable=False)
    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(
        _("soort organisatie"), max_length=20, choices=Kind.choices, default=Kind.OTHER
    )
    description = models.TextField(_("beschrijving"), blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    enterprise_number = models.CharField(
        _("ondernemingsnummer (KBO)"),
        max_length=10,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_enterprise_number],
    )
    domains = models.ManyToManyField(
        Domain, blank=True, related_name="organisations", verbose_name=_("domeinen")
    )
    age_groups = models.ManyToManyField(
        AgeGroup, blank=True, related_name="organisations", verbose_name=_("leeftijdsgroepen")
    )
    municipalities = models.ManyToManyField(
        Municipality, blank=True, related_name="organisations", verbose_name=_("werkt in")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self):
        return self.name

    @property
    def enterprise_number_display(self) -> str:
        return format_enterprise_number(self.enterprise_number) if self.enterprise_number else ""


class Partnership(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("actief")
        PAUSED = "paused", _("gepauzeerd")
        ENDED = "ended", _("beëindigd")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="partnerships"
    )
    house = models.ForeignKey(House, on_delete=models.CASCADE, related_name="partnerships")
    since = models.DateField(_("partner sinds"), default=timezone.localdate)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "house"], name="one_partnership_per_house"
            )
        ]
        verbose_name = _("partnerschap")
        verbose_name_plural = _("partnerschappen")

    def __str__(self):
        return f"{self.organisation} @ {self.house}"


class Location(models.Model):
    """A physical place: the house itself or a site of an organisation."""

    hsds_id = models.CharField(max_length=64, unique=True, default=new_hsds_id, editable=False)
    name = models.CharField(_("naam"), max_length=150)
    house = models.ForeignKey(
        House, null=True, blank=True, on_delete=models.CASCADE, related_name="locations"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="locations"
    )
    street = models.CharField(_("straat en nummer"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=4)
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, verbose_name=_("gemeente")
    )
    accessibility = models.TextField(_("toegankelijkheid"), blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(house__isnull=False) | Q(organisation__isnull=False),
                name="location_has_owner",
            )
        ]
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")

    def __str__(self):
        return f"{self.name}, {self.street}, {self.postcode} {self.municipality}"

    @property
    def address_line(self) -> str:
        return f"{self.street}, {self.postcode} {self.municipality.name}"


class OpeningHours(models.Model):
    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("maandag")
        TUESDAY = 1, _("dinsdag")
        WEDNESDAY = 2, _("woensdag")
        THURSDAY = 3, _("donderdag")
        FRIDAY = 4, _("vrijdag")
        SATURDAY = 5, _("zaterdag")
        SUNDAY = 6, _("zondag")

    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("dag"), choices=Weekday.choices)
    opens = models.TimeField(_("van"))
    closes = models.TimeField(_("tot"))
    note = models.CharField(_("opmerking"), max_length=150, blank=True)

    class Meta:
        ordering = ["weekday", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes__gt=models.F("opens")), name="opens_before_closes"
            )
        ]
        verbose_name = _("openingsuur")
        verbose_name_plural = _("openingsuren")

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}-{self.closes:%H:%M}"


class Role(models.Model):
    """A professional's role; a house coordinator has a house, organisation roles an organisation,
    a bridge worker both (the house that designated them, the organisation they work for)."""

    class Kind(models.TextChoices):
        PLATFORM_ADMIN = "platform_admin", _("platformbeheerder")
        COORDINATOR = "coordinator", _("coördinator van het huis")
        ORGANISATION_ADMIN = "org_admin", _("beheerder van de organisatie")
        ORGANISATION_WORKER = "org_worker", _("medewerker van de organisatie")
        # A person of a partner organisation whom the house's coordinator designates as bridge
        # worker (brugfiguur) in that house: it has both a house and an organisation.
        BRIDGE_WORKER = "bridge_worker", _("brugfiguur")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="roles"
    )
    kind = models.CharField(_("rol"), max_length=20, choices=Kind.choices)
    house = models.ForeignKey(
        House, null=True, blank=True, on_delete=models.CASCADE, related_name="roles"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="roles"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="role_scope_matches_kind",
                condition=(
                    Q(kind="platform_admin", house__isnull=True, organisation__isnull=True)
                    | Q(kind="coordinator", house__isnull=False, organisation__isnull=True)
                    | Q(
                        kind__in=["org_admin", "org_worker"],
                        house__isnull=True,
                        organisation__isnull=False,
                    )
                    | Q(kind="bridge_worker", house__isnull=False, organisation__isnull=False)
                ),
            ),
            models.UniqueConstraint(
                fields=["user", "kind", "house"],
                condition=Q(house__isnull=False),
                name="unique_house_role",
            ),
            models.UniqueConstraint(
                fields=["user", "kind", "organisation"],
                condition=Q(organisation__isnull=False, house__isnull=True),
                name="unique_organisation_role",
            ),
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(kind="platform_admin"),
                name="unique_platform_admin_role",
            ),
        ]
        verbose_name = _("rol")
        verbose_name_plural = _("rollen")

    def __str__(self):
        scope = self.house or self.organisation or _("platform")
        if self.house_id and self.organisation_id:
            scope = f"{self.organisation}, {self.house}"
        return f"{self.user} — {self.get_kind_display()} ({scope})"


class Designation(models.Model):
    """A task the coordinator gives a partner organisation in the house, such as being one of
    its Lokale Loketten Kinderopvang (a regional house may designate several). A designation
    belongs to the organisation, not to a person: its people act on it."""

    class Kind(models.TextChoices):
        CHILDCARE_DESK = "childcare_desk", _("Lokaal Loket Kinderopvang")

    house = models.ForeignKey(House, on_delete=models.CASCADE, related_name="designations")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="designations"
    )
    kind = models.CharField(_("opdracht"), max_length=20, choices=Kind.choices)
    since = models.DateField(_("sinds"), default=timezone.localdate)

    class Meta:
        ordering = ["kind", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["house", "organisation", "kind"], name="one_designation_per_kind"
            )
        ]
        verbose_name = _("opdracht van een partner")
        verbose_name_plural = _("opdrachten van partners")

    def __str__(self):
        return f"{self.organisation} — {self.get_kind_display()} ({self.house})"


class Group(models.Model):
    """A group of a house with its own members: the steering group, the partner consultation,
    a working group, an intervision group (intervisie: partners reflect on cases together)."""

    class Kind(models.TextChoices):
        STEERING = "steering", _("stuurgroep")
        PARTNER_CONSULTATION = "consultation", _("partneroverleg")
        WORKING = "working", _("werkgroep")
        INTERVISION = "intervision", _("intervisiegroep")

    house = models.ForeignKey(House, on_delete=models.CASCADE, related_name="groups")
    kind = models.CharField(_("soort groep"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("naam"), max_length=150)
    description = models.TextField(_("opdracht van de groep"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["house", "name"], name="unique_group_name_per_house")
        ]
        verbose_name = _("groep")
        verbose_name_plural = _("groepen")

    def __str__(self):
        return f"{self.name} ({self.get_kind_display()})"


class GroupMembership(models.Model):
    """A professional in a group: on behalf of a partner organisation, or (no organisation) of
    the house itself, as its coordinator does. A group has at most one lead (trekker)."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_memberships"
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="group_memberships",
        verbose_name=_("namens"),
    )
    is_lead = models.BooleanField(_("trekker"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-is_lead", "user__last_name", "user__first_name", "user__email"]
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="one_membership_per_group"),
            models.UniqueConstraint(
                fields=["group"], condition=Q(is_lead=True), name="one_lead_per_group"
            ),
        ]
        verbose_name = _("lid van een groep")
        verbose_name_plural = _("leden van groepen")

    def __str__(self):
        return f"{self.user} — {self.group}"


def _new_token() -> str:
    return secrets.token_urlsafe(32)


def _invitation_expiry():
    return timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS)


class Invitation(models.Model):
    """An invitation by e-mail to become a professional user with one role."""

    email = models.EmailField(_("e-mail"))
    role_kind = models.CharField(_("rol"), max_length=20, choices=Role.Kind.choices)
    house = models.ForeignKey(
        House, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="invitations"
    )
    token = models.CharField(max_length=64, unique=True, default=_new_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=_invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")

    def __str__(self):
        return f"{self.email} ({self.get_role_kind_display()})"

    def get_absolute_url(self):
        return reverse("network:invitation_accept", kwargs={"token": self.token})

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()


class PartnerApplication(models.Model):
    """A request of an organisation to join the network of a house ("Partner worden")."""

    house = models.ForeignKey(House, on_delete=models.CASCADE, related_name="applications")
    organisation_name = models.CharField(_("naam van de organisatie"), max_length=200)
    kind = models.CharField(
        _("soort organisatie"), max_length=20, choices=Organisation.Kind.choices
    )
    enterprise_number = models.CharField(
        _("ondernemingsnummer (KBO)"),
        max_length=10,
        blank=True,
        validators=[validate_enterprise_number],
    )
    description = models.TextField(_("wat doet jullie organisatie voor gezinnen?"))
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("algemeen e-mailadres"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    domains = models.ManyToManyField(Domain, blank=True, verbose_name=_("domeinen"))
    municipalities = models.ManyToManyField(Municipality, blank=True, verbose_name=_("werkt in"))
    contact_name = models.CharField(_("naam contactpersoon"), max_length=150)
    contact_email = models.EmailField(_("e-mail contactpersoon"))
    motivation = models.TextField(_("waarom willen jullie aansluiten?"), blank=True)
    status = models.CharField(
        max_length=10, choices=ApplicationStatus.choices, default=ApplicationStatus.PENDING
    )
    submitted_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision_reason = models.TextField(_("reden"), blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="applications"
    )
    # The answer of an existing organisation's admin to the coordinator's approval.
    organisation_answered_at = models.DateTimeField(null=True, blank=True)
    organisation_answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # When the personal data of a declined application was erased (retention).
    erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("aanvraag tot partnerschap")
        verbose_name_plural = _("aanvragen tot partnerschap")

    def __str__(self):
        return f"{self.organisation_name} → {self.house}"
