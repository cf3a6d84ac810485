"""Every write to the network: onboarding, invitations and roles."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.core.mail import send_templated_mail_on_commit
from huisvanhetkind.network.models import (
    House,
    Invitation,
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
)
from huisvanhetkind.network.validators import normalise_enterprise_number
from huisvanhetkind.network.workflow import can_transition

User = get_user_model()


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


@transaction.atomic
def application_submit(
    *, house: House, data: dict, domains=(), municipalities=()
) -> PartnerApplication:
    """Store a "Partner worden" request and tell the coordinators of the house."""
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
    recipients = coordinator_emails(house)
    if recipients:
        send_templated_mail_on_commit(
            to=recipients,
            template="network/email/application_received",
            context={"application": application, "house": house},
        )
    return application


def _ensure_transition(application: PartnerApplication, target: str):
    if not can_transition(application.status, target):
        raise ValidationError(_("Over deze aanvraag is al beslist."))


@transaction.atomic
def application_approve(*, application: PartnerApplication, actor) -> Organisation:
    """Approve an application.

    A new organisation becomes a partner and the application's contact is invited as its
    admin. An organisation that already exists (same enterprise number or name, for example a
    partner of another house) is never handed to the applicant: the application waits until the
    organisation's own admins (or, when it has none, a platform admin) confirm the partnership
    (see ``application_confirm_partnership``), and they decide who of their people gets access.
    """
    application = PartnerApplication.objects.select_for_update().get(pk=application.pk)
    existing = matching_organisation(
        name=application.organisation_name, enterprise_number=application.enterprise_number
    )
    if existing is None:
        return _approve_new_organisation(application=application, actor=actor)
    _ensure_transition(application, PartnerApplication.Status.AWAITING_ORGANISATION)
    if existing.partnerships.filter(house=application.house).exists():
        raise ValidationError(
            _(
                "%(name)s is al partner van dit huis. Wijs deze aanvraag af: de beheerders van "
                "de organisatie kunnen de aanvrager zelf uitnodigen."
            )
            % {"name": existing.name}
        )
    application.status = PartnerApplication.Status.AWAITING_ORGANISATION
    application.decided_at = timezone.now()
    application.decided_by = actor
    application.organisation = existing
    application.save()
    audit_record(
        actor=actor,
        action=AuditEvent.Action.APPROVE,
        target=application,
        house=application.house,
        changes={"organisation_id": existing.pk, "status": application.status},
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
    _ensure_transition(application, PartnerApplication.Status.APPROVED)
    organisation = Organisation.objects.create(
        name=application.organisation_name,
        kind=application.kind,
        description=application.description,
        website=application.website,
        email=application.email,
        phone=application.phone,
        enterprise_number=application.enterprise_number or None,
    )
    organisation.domains.set(application.domains.all())
    organisation.municipalities.set(application.municipalities.all())
    Partnership.objects.create(organisation=organisation, house=application.house)
    application.status = PartnerApplication.Status.APPROVED
    application.decided_at = timezone.now()
    application.decided_by = actor
    application.organisation = organisation
    application.save()
    audit_record(
        actor=actor,
        action=AuditEvent.Action.APPROVE,
        target=application,
        house=application.house,
        changes={"organisation_id": organisation.pk},
    )
    invitation_create(
        actor=actor,
        email=application.contact_email,
        role_kind=Role.Kind.ORGANISATION_ADMIN,
        organisation=organisation,
        house=application.house,
    )
    return organisation


def _partnership_houses(application: PartnerApplication) -> list[House]:
    """The application's house and every house of its organisation: each trail shows the answer."""
    houses = {application.house, *organisation_houses(application.organisation)}
    return sorted(houses, key=lambda house: house.name)


@transaction.atomic
def application_confirm_partnership(*, application: PartnerApplication, actor) -> Partnership:
    """The existing organisation's admin confirms: it becomes a partner of the house. Nobody is
    invited; the organisation's admins invite their own people."""
    application = (
        PartnerApplication.objects.select_for_update()
        .select_related("house", "organisation")
        .get(pk=application.pk)
    )
    if application.status != PartnerApplication.Status.AWAITING_ORGANISATION:
        raise ValidationError(_("Over deze aanvraag is al beslist."))
    partnership, _created = Partnership.objects.get_or_create(
        organisation=application.organisation, house=application.house
    )
    application.status = PartnerApplication.Status.APPROVED
    application.organisation_answered_at = timezone.now()
    application.organisation_answered_by = actor
    application.save()
    for house in _partnership_houses(application):
        audit_record(
            actor=actor,
            action=AuditEvent.Action.APPROVE,
            target=application,
            house=house,
            changes={
                "organisation_id": application.organisation_id,
                "partner_of": application.house.slug,
                "confirmed_by_organisation": True,
            },
        )
    _tell_partnership_answer(application=application, confirmed=True)
    return partnership


@transaction.atomic
def application_refuse_partnership(
    *, application: PartnerApplication, actor, reason: str
) -> PartnerApplication:
    """The existing organisation's admin refuses: the organisation does not become a partner."""
    application = (
        PartnerApplication.objects.select_for_update()
        .select_related("house", "organisation")
        .get(pk=application.pk)
    )
    if application.status != PartnerApplication.Status.AWAITING_ORGANISATION:
        raise ValidationError(_("Over deze aanvraag is al beslist."))
    if not reason.strip():
        raise ValidationError(
            _("Geef een reden op: de coördinator van het huis krijgt die te lezen.")
        )
    application.status = PartnerApplication.Status.DECLINED
    application.organisation_answered_at = timezone.now()
    application.organisation_answered_by = actor
    application.decision_reason = reason.strip()
    application.save()
    for house in _partnership_houses(application):
        audit_record(
            actor=actor,
            action=AuditEvent.Action.DECLINE,
            target=application,
            house=house,
            reason=application.decision_reason,
            changes={
                "organisation_id": application.organisation_id,
                "partner_of": application.house.slug,
                "refused_by_organisation": True,
            },
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
    application = PartnerApplication.objects.select_for_update().get(pk=application.pk)
    if application.status != PartnerApplication.Status.PENDING:
        raise ValidationError(_("Over deze aanvraag is al beslist."))
    if not reason.strip():
        raise ValidationError(_("Geef een reden op: de aanvrager krijgt die te lezen."))
    application.status = PartnerApplication.Status.DECLINED
    application.decided_at = timezone.now()
    application.decided_by = actor
    application.decision_reason = reason.strip()
    application.save()
    audit_record(
        actor=actor,
        action=AuditEvent.Action.DECLINE,
        target=application,
        house=application.house,
        reason=application.decision_reason,
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
    changes = {"role": role_kind, "organisation_id": organisation.pk if organisation else None}
    if organisation is not None:
        _audit_organisation_event(
            actor=actor,
            action=AuditEvent.Action.INVITE,
            target=invitation,
            organisation=organisation,
            context_house=house,
            changes=changes,
        )
    else:
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
        changes = {"user": user.email, "kind": kind}
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
def role_revoke(*, actor, role: Role, context_house=None) -> None:
    if role.user_id == getattr(actor, "pk", None) and role.kind == Role.Kind.ORGANISATION_ADMIN:
        others = Role.objects.filter(
            organisation=role.organisation, kind=Role.Kind.ORGANISATION_ADMIN
        ).exclude(pk=role.pk)
        if not others.exists():
            raise ValidationError(
                _("Je bent de enige beheerder van deze organisatie: duid eerst iemand anders aan.")
            )
    changes = {"user": role.user.email, "kind": role.kind}
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
        from allauth.account.models import EmailAddress

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


@transaction.atomic
def organisation_update(*, organisation: Organisation, actor, data: dict) -> Organisation:
    """Change an organisation's public profile; the trail of each of its houses records what changed."""
    organisation = Organisation.objects.select_for_update().get(
        pk=organisation.pk
    )  # compare with the saved state
    changes = {}
    for field, value in data.items():
        if field in ("domains", "age_groups", "municipalities"):
            before = {str(x) for x in getattr(organisation, field).all()}
            after = {str(x) for x in value}
            if before != after:
                changes[field] = {"voor": sorted(before), "na": sorted(after)}
                getattr(organisation, field).set(value)
        elif getattr(organisation, field) != value:
            changes[field] = {"voor": getattr(organisation, field), "na": value}
            setattr(organisation, field, value)
    if changes:
        organisation.save()
        _audit_organisation_event(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            target=organisation,
            organisation=organisation,
            changes=changes,
        )
    return organisation


def application_retention_days() -> int:
    return getattr(settings, "PARTNER_APPLICATION_RETENTION_DAYS", 365)


def applications_erase_expired(*, now=None) -> int:
    """Erase the personal data (contact, e-mail, phone, free text) of applications declined
    longer than the retention period ago; the organisation's name, kind, enterprise number,
    house, domains, municipalities and dates stay as the record of the decision."""
    now = now or timezone.now()
    days = application_retention_days()
    expired = PartnerApplication.objects.filter(
        status=PartnerApplication.Status.DECLINED,
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
            )
        erased += 1
    return erased
