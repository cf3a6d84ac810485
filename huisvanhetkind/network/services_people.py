"""Every write about the network's people: invitations, accepting them, and the roles they
grant; ending a role hands over what the person held for their organisation.

``actor=None`` is the platform itself (the demo seeder, an import, a command): the trail records
it as "systeem"."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.core import handover
from huisvanhetkind.core.handover import Holding
from huisvanhetkind.core.mail import send_templated_mail_on_commit
from huisvanhetkind.network.models import House, Invitation, Organisation, Role
from huisvanhetkind.network.selectors import role_leaves_organisation
from huisvanhetkind.network.services_groups import bridge_worker_end, works_for
from huisvanhetkind.network.services_organisations import audit_organisation_event

User = get_user_model()


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
        audit_organisation_event(
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
            audit_organisation_event(
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
        audit_organisation_event(
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
