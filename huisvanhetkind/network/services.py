"""Every write about a partner application ("Partner worden"): its submission, the
coordinator's approval or refusal, the existing organisation's confirmation or refusal of the
partnership, and the erasure of its personal data after the retention period. The houses,
organisations and invitations it leads to are written by ``services_organisations`` and
``services_people``.

``actor=None`` is the platform itself (the demo seeder, an import, a command): the trail records
it as "systeem"."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.core.mail import send_templated_mail_on_commit
from huisvanhetkind.core.services import model_update
from huisvanhetkind.network.models import House, Organisation, PartnerApplication, Partnership, Role
from huisvanhetkind.network.selectors import (
    coordinator_emails,
    find_duplicate,
    matching_organisation,
    organisation_admin_emails,
    organisation_houses,
    platform_admin_emails,
)
from huisvanhetkind.network.services_organisations import organisation_create, partnership_create
from huisvanhetkind.network.services_people import invitation_create
from huisvanhetkind.network.validators import normalise_enterprise_number
from huisvanhetkind.network.workflow import (
    COORDINATOR_STEPS,
    ORGANISATION_STEPS,
    ApplicationStatus,
    ensure_transition,
)


def _actor_pk(actor) -> int | None:
    return actor.pk if getattr(actor, "is_authenticated", False) else None


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
        PartnerApplication.objects.select_for_update(of=("self",))
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
            # Only while not erased: a second run of the task beside this one writes nothing.
            if not PartnerApplication.objects.filter(
                pk=application.pk, erased_at__isnull=True
            ).update(
                contact_name="",
                contact_email="",
                email="",
                phone="",
                website="",
                description="",
                motivation="",
                decision_reason="",
                erased_at=now,
            ):
                continue
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
