"""Every write to the network: houses, organisations, partnerships, locations, onboarding,
invitations and roles.

``actor=None`` is the platform itself (the demo seeder, an import, a command): the trail records
it as "systeem"."""

from collections.abc import Iterable
from datetime import time, timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.core import handover
from huisvanhetkind.core.handover import Holding
from huisvanhetkind.core.mail import send_templated_mail_on_commit
from huisvanhetkind.core.services import model_update
from huisvanhetkind.network import access
from huisvanhetkind.network.models import (
    House,
    Invitation,
    Location,
    OpeningHours,
    Organisation,
    PartnerApplication,
    Partnership,
    Role,
)
from huisvanhetkind.network.selectors import (
    coordinator_emails,
    find_duplicate,
    matching_organisation,
    organisation_admin_emails,
    organisation_houses,
    platform_admin_emails,
    role_leaves_organisation,
)
from huisvanhetkind.network.services_groups import bridge_worker_end, works_for
from huisvanhetkind.network.validators import normalise_enterprise_number
from huisvanhetkind.network.workflow import (
    COORDINATOR_STEPS,
    ORGANISATION_STEPS,
    ApplicationStatus,
    ensure_transition,
)

User = get_user_model()

ORGANISATION_RELATIONS = ("domains", "age_groups", "municipalities")
# One line of opening hours: weekday (0 is Monday), opens, closes, note.
OpeningHoursRow = tuple[int, time, time, str]


def _audit_organisation_event(
    *,
    actor,
    action: str,
    target,
    organisation: Organisation,
    context_house: House | None = None,
    reason: str = "",
    changes: dict | None = None,
) -> None:
    """Record an event about an organisation's people once in the trail of every house it is
    partner of (each of those houses' families is concerned); an organisation of no house yet
    records it in the house where it happened, if any."""
    houses = list(House.objects.filter(partnerships__organisation=organisation).distinct())
    for house in houses or [context_house]:
        audit_record(
            actor=actor, action=action, target=target, house=house, reason=reason, changes=changes
        )


def _plain(value):
    """A value as the trail holds it: a record by its primary key, related records as the sorted
    list of their names, times and dates as text."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, models.QuerySet | list | tuple | set):
        return sorted(str(item) for item in value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _created(data: dict) -> dict:
    """What a creation wrote, in the trail's shape: ``{field: [None, value]}``; fields left
    empty are left out."""
    plain = {field: _plain(value) for field, value in data.items()}
    return {field: [None, value] for field, value in plain.items() if value not in (None, "", [])}


def _actor_pk(actor) -> int | None:
    return actor.pk if getattr(actor, "is_authenticated", False) else None


# --- houses ---------------------------------------------------------------------------------


@transaction.atomic
def house_save(*, actor, house: House | None = None, data: dict) -> House:
    """Create a house (``house`` None) or change it: its fields and, under ``municipalities``,
    the municipalities it serves. A platform admin creates houses; a coordinator may change their
    own. Nothing is saved, and nothing recorded, when nothing changed."""
    if not access.can_save_house(actor, house):
        raise PermissionDenied(_("Alleen een platformbeheerder maakt of wijzigt dit huis."))
    fields = {field: value for field, value in data.items() if field != "municipalities"}
    if house is None:
        house = House(**fields)
        house.full_clean()
        house.save()
        if "municipalities" in data:
            house.municipalities.set(data["municipalities"])
        action, changes = AuditEvent.Action.CREATE, _created(data)
    else:
        house = House.objects.select_for_update().get(pk=house.pk)
        changes = model_update(instance=house, data=data, m2m=("municipalities",))
        if changes:
            house.full_clean()  # refused: the transaction undoes the change
        action = AuditEvent.Action.UPDATE
    if changes:
        audit_record(actor=actor, action=action, target=house, house=house, changes=changes)
    return house


# --- organisations and partnerships ---------------------------------------------------------


@transaction.atomic
def organisation_create(
    *, actor, data: dict, houses: Iterable[House] = (), hsds_id: str = ""
) -> Organisation:
    """Create an organisation, partner of ``houses``: by a platform admin, or by the coordinator
    of those houses (approving an application, importing an offer). ``data`` holds its fields
    and, under ``domains``, ``age_groups`` and ``municipalities``, its related records;
    ``hsds_id`` keeps the identifier an HSDS source (or the demo) gave it. Recorded in the trail
    of each of its houses."""
    houses = list(houses)
    if not access.can_create_organisation(actor, houses):
        raise PermissionDenied(
            _("Alleen een platformbeheerder of de coördinator van het huis maakt een organisatie.")
        )
    fields = {field: value for field, value in data.items() if field not in ORGANISATION_RELATIONS}
    number = fields.get("enterprise_number")
    fields["enterprise_number"] = normalise_enterprise_number(number) if number else None
    organisation = Organisation(**fields)
    if hsds_id:
        organisation.hsds_id = hsds_id
    organisation.full_clean()
    organisation.save()
    for field in ORGANISATION_RELATIONS:
        if field in data:
            getattr(organisation, field).set(data[field])
    changes = _created({"hsds_id": organisation.hsds_id, **data, **fields})
    for house in houses or [None]:
        audit_record(
            actor=actor,
            action=AuditEvent.Action.CREATE,
            target=organisation,
            house=house,
            changes=changes,
        )
    for house in houses:
        partnership_create(actor=actor, organisation=organisation, house=house)
    return organisation


@transaction.atomic
def organisation_update(*, organisation: Organisation, actor, data: dict) -> Organisation:
    """Change an organisation's public profile; the trail of each of its houses records what
    changed (nothing is saved or recorded when nothing did)."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    changes = model_update(instance=organisation, data=data, m2m=ORGANISATION_RELATIONS)
    if changes:
        _audit_organisation_event(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            target=organisation,
            organisation=organisation,
            changes=changes,
        )
    return organisation


@transaction.atomic
def partnership_create(*, actor, organisation: Organisation, house: House) -> Partnership:
    """Make the organisation a partner of the house; a partnership that exists (whatever its
    status) is returned as it is, without a trail.

    Who may is the step that calls it: a coordinator's approval of a new organisation, the
    organisation's own confirmation of a coordinator's approval, the creation of an organisation
    by a platform admin or coordinator, an import by the coordinator, the demo seeder."""
    partnership, created = Partnership.objects.get_or_create(organisation=organisation, house=house)
    if created:
        _audit_organisation_event(
            actor=actor,
            action=AuditEvent.Action.CREATE,
            target=partnership,
            organisation=organisation,
            context_house=house,
            changes={
                "organisation_id": [None, organisation.pk],
                "house_id": [None, house.pk],
                "status": [None, partnership.status],
                "since": [None, str(partnership.since)],
            },
        )
    return partnership


# --- locations ------------------------------------------------------------------------------


def _hours_as_text(rows: list[OpeningHoursRow]) -> list[list]:
    return [[day, f"{opens:%H:%M}", f"{closes:%H:%M}", note] for day, opens, closes, note in rows]


@transaction.atomic
def location_save(
    *,
    actor,
    location: Location | None = None,
    data: dict,
    opening_hours: Iterable[OpeningHoursRow] | None = None,
    hsds_id: str = "",
) -> Location:
    """Create a location (``location`` None; ``hsds_id`` keeps the identifier an HSDS source or
    the demo gave it) or change it; ``data`` holds its fields, its owner under ``house`` or
    ``organisation``. ``opening_hours`` (when given) replace the location's hours if they differ.
    Recorded in the trail of the owner's houses; nothing is recorded when nothing changed."""
    owners = [location] if location is not None else []
    owners.append(
        Location(
            house=data.get("house", location.house if location else None),
            organisation=data.get("organisation", location.organisation if location else None),
        )
    )
    for owner in owners:
        if not access.can_save_location(actor, house=owner.house, organisation=owner.organisation):
            raise PermissionDenied(
                _("Alleen wie het aanbod van de eigenaar bijhoudt, wijzigt deze locatie.")
            )
    hours = None if opening_hours is None else sorted(tuple(row) for row in opening_hours)
    for day, opens, closes, _note in hours or []:
        if closes <= opens:
            raise ValidationError(
                _("Een openingsuur sluit na het openen, niet %(day)s van %(opens)s tot %(closes)s.")
                % {
                    "day": OpeningHours.Weekday(day).label,
                    "opens": f"{opens:%H:%M}",
                    "closes": f"{closes:%H:%M}",
                }
            )
    if location is None:
        location = Location(**data)
        if hsds_id:
            location.hsds_id = hsds_id
        location.full_clean()
        location.save()
        action = AuditEvent.Action.CREATE
        changes = _created({"hsds_id": location.hsds_id, **data})
        current = None
    else:
        location = Location.objects.select_for_update().get(pk=location.pk)
        action = AuditEvent.Action.UPDATE
        changes = model_update(instance=location, data=data)
        if changes:
            location.full_clean()  # refused: the transaction undoes the change
        current = sorted(
            (h.weekday, h.opens, h.closes, h.note) for h in location.opening_hours.all()
        )
    if hours is not None and hours != current:
        location.opening_hours.all().delete()
        OpeningHours.objects.bulk_create(
            OpeningHours(location=location, weekday=day, opens=opens, closes=closes, note=note)
            for day, opens, closes, note in hours
        )
        changes["opening_hours"] = [
            None if current is None else _hours_as_text(current),
            _hours_as_text(hours),
        ]
    if changes:
        if location.organisation_id:
            _audit_organisation_event(
                actor=actor,
                action=action,
                target=location,
                organisation=location.organisation,
                changes=changes,
            )
        else:
            audit_record(
                actor=actor, action=action, target=location, house=location.house, changes=changes
            )
    return location


# --- partner applications -------------------------------------------------------------------


@transaction.atomic
def application_submit(
    *, house: House, data: dict, domains=(), municipalities=(), notify: bool = True
) -> PartnerApplication:
    """Store a "Partner worden" request and tell the coordinators of the house (``notify=False``:
    the demo seeder stores its pending applications without e-mailing anyone)."""
    duplicate = find_duplicate(
        house=house,
        name=data["organisation_name"],
        enterprise_number=data.get("enterprise_number", ""),
    )
    if duplicate:
        raise ValidationError(duplicate)
    if data.get("enterprise_number"):
        data = {**data, "enterprise_number": normalise_enterprise_number(data["enterprise_number"])}
    application = PartnerApplication.objects.create(house=house, **data)
    application.domains.set(domains)
    application.municipalities.set(municipalities)
    # The trail keeps no personal data of the contact: it outlives the application's retention.
    audit_record(
        actor=None,
        action=AuditEvent.Action.CREATE,
        target=application,
        house=house,
        changes={
            "organisation_name": [None, application.organisation_name],
            "status": [None, application.status],
        },
    )
    recipients = coordinator_emails(house)
    if notify and recipients:
        send_templated_mail_on_commit(
            to=recipients,
            template="network/email/application_received",
            context={"application": application, "house": house},
        )
    return application


def _partnership_houses(application: PartnerApplication) -> list[House]:
    """The application's house and every house of its organisation: each trail shows the answer."""
    houses = {application.house, *organisation_houses(application.organisation)}
    return sorted(houses, key=lambda house: house.name)


def _application_move(
    *,
    application: PartnerApplication,
    actor,
    to: str,
    steps: dict,
    action: str,
    data: dict,
    reason: str = "",
    in_every_house: bool = False,
) -> PartnerApplication:
    """The one way an application changes state: lock it, check that ``steps`` allow the move,
    save the new status with ``data`` and record ``{"status": [old, new]}`` (with the other
    changed fields) in the trail of its house, or (``in_every_house``) of its house and each
    house of its organisation."""
    application = (
        PartnerApplication.objects.select_for_update()
        .select_related("house", "organisation")
        .get(pk=application.pk)
    )
    ensure_transition(application.status, to, steps=steps)
    changes = model_update(instance=application, data={"status": to, **data})
    houses = _partnership_houses(application) if in_every_house else [application.house]
    for house in houses:
        audit_record(
            actor=actor,
            action=action,
            target=application,
            house=house,
            reason=reason,
            changes=changes,
        )
    return application


@transaction.atomic
def application_approve(*, application: PartnerApplication, actor) -> Organisation:
    """Approve an application.

    A new organisation becomes a partner and the application's contact is invited as its
    admin. An organisation that already exists (same enterprise number or name, for example a
    partner of another house) is never handed to the applicant: the application waits until the
    organisation's own admins (or, when it has none, a platform admin) confirm the partnership
    (see ``application_confirm_partnership``), and they decide who of their people gets access.
    """
    existing = matching_organisation(
        name=application.organisation_name, enterprise_number=application.enterprise_number
    )
    if existing is None:
        return _approve_new_organisation(application=application, actor=actor)
    application = _application_move(
        application=application,
        actor=actor,
        to=ApplicationStatus.AWAITING_ORGANISATION,
        steps=COORDINATOR_STEPS,
        action=AuditEvent.Action.APPROVE,
        data={
            "decided_at": timezone.now(),
            "decided_by_id": _actor_pk(actor),
            "organisation_id": existing.pk,
        },
    )
    # Checked after the step, so that a decided application says so first; refusing here undoes
    # the step (and its trail) with the transaction.
    if existing.partnerships.filter(house=application.house).exists():
        raise ValidationError(
            _(
                "%(name)s is al partner van dit huis. Wijs deze aanvraag af: de beheerders van "
                "de organisatie kunnen de aanvrager zelf uitnodigen."
            )
            % {"name": existing.name}
        )
    admins = organisation_admin_emails(existing)
    send_templated_mail_on_commit(
        to=admins or platform_admin_emails(),
        template="network/email/partnership_confirmation_requested",
        context={
            "application": application,
            "house": application.house,
            "organisation": existing,
            "to_platform_admin": not admins,
        },
    )
    send_templated_mail_on_commit(
        to=[application.contact_email],
        template="network/email/application_awaiting_organisation",
        context={"application": application, "house": application.house, "organisation": existing},
    )
    return existing


def _approve_new_organisation(*, application: PartnerApplication, actor) -> Organisation:
    # The organisation is made first, so that the step records it; when the step is refused
    # (a decided application) the transaction undoes both.
    organisation = organisation_create(
        actor=actor,
        data={
            "name": application.organisation_name,
            "kind": application.kind,
            "description": application.description,
            "website": application.website,
            "email": application.email,
            "phone": application.phone,
            "enterprise_number": application.enterprise_number,
            "domains": application.domains.all(),
            "municipalities": application.municipalities.all(),
        },
        houses=[application.house],
    )
    application = _application_move(
        application=application,
        actor=actor,
        to=ApplicationStatus.APPROVED,
        steps=COORDINATOR_STEPS,
        action=AuditEvent.Action.APPROVE,
        data={
            "decided_at": timezone.now(),
            "decided_by_id": _actor_pk(actor),
            "organisation_id": organisation.pk,
        },
    )
    invitation_create(
        actor=actor,
        email=application.contact_email,
        role_kind=Role.Kind.ORGANISATION_ADMIN,
        organisation=organisation,
        house=application.house,
    )
    return organisation


@transaction.atomic
def application_confirm_partnership(*, application: PartnerApplication, actor) -> Partnership:
    """The existing organisation's admin confirms: it becomes a partner of the house. Nobody is
    invited; the organisation's admins invite their own people."""
    application = _application_move(
        application=application,
        actor=actor,
        to=ApplicationStatus.APPROVED,
        steps=ORGANISATION_STEPS,
        action=AuditEvent.Action.APPROVE,
        data={
            "organisation_answered_at": timezone.now(),
            "organisation_answered_by_id": _actor_pk(actor),
        },
        in_every_house=True,
    )
    partnership = partnership_create(
        actor=actor, organisation=application.organisation, house=application.house
    )
    _tell_partnership_answer(application=application, confirmed=True)
    return partnership


@transaction.atomic
def application_refuse_partnership(
    *, application: PartnerApplication, actor, reason: str
) -> PartnerApplication:
    """The existing organisation's admin refuses: the organisation does not become a partner."""
    if not reason.strip():
        raise ValidationError(
            _("Geef een reden op: de coördinator van het huis krijgt die te lezen.")
        )
    application = _application_move(
        application=application,
        actor=actor,
        to=ApplicationStatus.DECLINED,
        steps=ORGANISATION_STEPS,
        action=AuditEvent.Action.DECLINE,
        data={
            "organisation_answered_at": timezone.now(),
            "organisation_answered_by_id": _actor_pk(actor),
            "decision_reason": reason.strip(),
        },
        reason=reason.strip(),
        in_every_house=True,
    )
    _tell_partnership_answer(application=application, confirmed=False)
    return application


def _tell_partnership_answer(*, application: PartnerApplication, confirmed: bool) -> None:
    """The coordinators of the house read the answer (and the reason of a refusal); the
    applicant hears the outcome, without the organisation's reason."""
    context = {
        "application": application,
        "house": application.house,
        "organisation": application.organisation,
        "confirmed": confirmed,
    }
    recipients = coordinator_emails(application.house)
    if recipients:
        send_templated_mail_on_commit(
            to=recipients, template="network/email/partnership_answered", context=context
        )
    send_templated_mail_on_commit(
        to=[application.contact_email],
        template="network/email/application_organisation_answered",
        context=context,
    )


@transaction.atomic
def application_decline(
    *, application: PartnerApplication, actor, reason: str
) -> PartnerApplication:
    if not reason.strip():
        raise ValidationError(_("Geef een reden op: de aanvrager krijgt die te lezen."))
    application = _application_move(
        application=application,
        actor=actor,
        to=ApplicationStatus.DECLINED,
        steps=COORDINATOR_STEPS,
        action=AuditEvent.Action.DECLINE,
        data={
            "decided_at": timezone.now(),
            "decided_by_id": _actor_pk(actor),
            "decision_reason": reason.strip(),
        },
        reason=reason.strip(),
    )
    send_templated_mail_on_commit(
        to=[application.contact_email],
        template="network/email/application_declined",
        context={"application": application, "house": application.house},
    )
    return application


@transaction.atomic
def invitation_create(
    *,
    actor,
    email: str,
    role_kind: str,
    organisation: Organisation | None = None,
    house: House | None = None,
) -> Invitation:
    """Invite someone by e-mail to take up a role. ``house`` gives the context of the invitation."""
    email = email.strip().lower()
    if (
        role_kind in (Role.Kind.ORGANISATION_ADMIN, Role.Kind.ORGANISATION_WORKER)
        and organisation is None
    ):
        raise ValidationError(
            _("Een uitnodiging voor een organisatie heeft een organisatie nodig.")
        )
    already = Role.objects.filter(user__email__iexact=email, kind=role_kind)
    already = (
        already.filter(organisation=organisation) if organisation else already.filter(house=house)
    )
    if already.exists():
        raise ValidationError(_("%(email)s heeft deze rol al.") % {"email": email})
    invitation = Invitation.objects.create(
        email=email,
        role_kind=role_kind,
        organisation=organisation,
        house=house,
        invited_by=actor,
    )
    changes = {"role": [None, role_kind]}
    if organisation is not None:
        changes["organisation_id"] = [None, organisation.pk]
        _audit_organisation_event(
            actor=actor,
            action=AuditEvent.Action.INVITE,
            target=invitation,
            organisation=organisation,
            context_house=house,
            changes=changes,
        )
    else:
        changes["house_id"] = [None, house.pk if house else None]
        audit_record(
            actor=actor,
            action=AuditEvent.Action.INVITE,
            target=invitation,
            house=house,
            changes=changes,
        )
    send_templated_mail_on_commit(
        to=[email],
        template="network/email/invitation",
        context={
            "invitation": invitation,
            "organisation": organisation,
            "house": house,
            "inviter": actor,
        },
    )
    return invitation


@transaction.atomic
def role_grant(
    *, actor, user, kind: str, house: House | None = None, organisation=None, context_house=None
) -> Role:
    role, created = Role.objects.get_or_create(
        user=user, kind=kind, house=house, organisation=organisation
    )
    if created:
        changes = {"user": [None, user.email], "role": [None, kind]}
        if organisation is not None:
            _audit_organisation_event(
                actor=actor,
                action=AuditEvent.Action.ROLE_GRANT,
                target=role,
                organisation=organisation,
                context_house=context_house,
                changes=changes,
            )
        else:
            audit_record(
                actor=actor,
                action=AuditEvent.Action.ROLE_GRANT,
                target=role,
                house=house or context_house,
                changes=changes,
            )
    return role


@transaction.atomic
def role_revoke(*, actor, role: Role, context_house=None, successor=None) -> list[Holding]:
    """End a role. When it is the person's last role in an organisation (admin or worker), what
    they hold for it (see ``core.handover``) moves to ``successor``, a colleague of the same
    organisation; with something held and no colleague, nothing changes. Their bridge worker
    roles for that organisation end with it. Returns what moved."""
    if role.user_id == getattr(actor, "pk", None) and role.kind == Role.Kind.ORGANISATION_ADMIN:
        others = Role.objects.filter(
            organisation=role.organisation, kind=Role.Kind.ORGANISATION_ADMIN
        ).exclude(pk=role.pk)
        if not others.exists():
            raise ValidationError(
                _("Je bent de enige beheerder van deze organisatie: duid eerst iemand anders aan.")
            )
    if role.kind == Role.Kind.BRIDGE_WORKER:
        # Ended by the organisation that employs the person: in the trail of its house.
        bridge_worker_end(actor=actor, role=role)
        return []
    moved = []
    leaves = role_leaves_organisation(role)
    if leaves:
        if successor is not None and (
            successor.pk == role.user_id or not works_for(successor, role.organisation)
        ):
            raise ValidationError(
                _("Kies een collega van %(name)s die blijft.") % {"name": role.organisation.name}
            )
        moved = handover.transfer(
            from_user=role.user, to_user=successor, organisation=role.organisation, actor=actor
        )
        bridge_roles = Role.objects.filter(
            user=role.user, organisation=role.organisation, kind=Role.Kind.BRIDGE_WORKER
        ).select_related("user", "house", "organisation")
        for bridge_role in bridge_roles:
            bridge_worker_end(
                actor=actor,
                role=bridge_role,
                reason=_("Werkt niet meer voor %(name)s.") % {"name": role.organisation.name},
            )
    changes = {"user": [role.user.email, None], "role": [role.kind, None]}
    if moved:
        changes["handed_over_to"] = [None, successor.email]
    if role.organisation_id:
        _audit_organisation_event(
            actor=actor,
            action=AuditEvent.Action.ROLE_REVOKE,
            target=role,
            organisation=role.organisation,
            context_house=context_house,
            changes=changes,
        )
    else:
        audit_record(
            actor=actor,
            action=AuditEvent.Action.ROLE_REVOKE,
            target=role,
            house=role.house or context_house,
            changes=changes,
        )
    role.delete()
    return moved


@transaction.atomic
def invitation_accept(
    *, invitation: Invitation, user=None, first_name: str = "", last_name: str = "", password=""
):
    """Take up an invitation: create the account when needed and grant the role."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_usable:
        raise ValidationError(
            _("Deze uitnodiging is verlopen of al gebruikt. Vraag een nieuwe uitnodiging.")
        )
    if user is None:
        if User.objects.filter(email__iexact=invitation.email).exists():
            raise ValidationError(
                _("Er bestaat al een account met dit e-mailadres: meld je eerst aan.")
            )
        user = User.objects.create_user(
            username=invitation.email[:150],
            email=invitation.email,
            password=password,
            first_name=first_name,
            last_name=last_name,
        )
        EmailAddress.objects.create(user=user, email=invitation.email, primary=True, verified=True)
    elif user.email.lower() != invitation.email.lower():
        raise ValidationError(_("Deze uitnodiging is voor een ander e-mailadres."))
    role_grant(
        actor=invitation.invited_by,
        user=user,
        kind=invitation.role_kind,
        house=invitation.house if invitation.role_kind == Role.Kind.COORDINATOR else None,
        organisation=invitation.organisation,
        context_house=invitation.house,
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return user


def application_retention_days() -> int:
    return getattr(settings, "PARTNER_APPLICATION_RETENTION_DAYS", 365)


def applications_erase_expired(*, now=None) -> int:
    """Erase the personal data (contact, e-mail, phone, free text) of applications declined
    longer than the retention period ago; the organisation's name, kind, enterprise number,
    house, domains, municipalities and dates stay as the record of the decision."""
    now = now or timezone.now()
    days = application_retention_days()
    expired = PartnerApplication.objects.filter(
        status=ApplicationStatus.DECLINED,
        decided_at__lt=now - timedelta(days=days),
        erased_at__isnull=True,
    ).select_related("house")
    erased = 0
    for application in expired:
        with transaction.atomic():
            PartnerApplication.objects.filter(pk=application.pk).update(
                contact_name="",
                contact_email="",
                email="",
                phone="",
                website="",
                description="",
                motivation="",
                decision_reason="",
                erased_at=now,
            )
            audit_record(
                actor=None,
                action=AuditEvent.Action.ERASE,
                target=application,
                house=application.house,
                reason=_("Bewaartermijn van %(days)s dagen verstreken.") % {"days": days},
                changes={"erased_at": [None, str(now)]},
            )
        erased += 1
    return erased
