"""Every write of the family record: find or create a family by its contact details, change
them, add a child. Each write is audited without personal data: the trail says which fields
were filled or changed ("<present>"), never their values."""

from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.core.digests import EMAIL, PHONE, contact_digest
from huisvanhetkind.core.languages import LANGUAGE_NAMES
from huisvanhetkind.core.services import model_update
from huisvanhetkind.families import selectors
from huisvanhetkind.families.models import Child, Family

# What the audit trail says of a personal detail: that it is there, never the value.
PRESENT = "<present>"
CONTACT_FIELDS = ("name", "email", "phone", "address", "language")
# A due date further ahead than a pregnancy lasts is a typing mistake.
LONGEST_PREGNANCY = timedelta(weeks=42)


def _presence(value):
    return PRESENT if value not in (None, "") else None


def _clean_contact(data: dict) -> dict:
    """Trimmed contact details; a Dutch ValidationError for a bad e-mail address or language."""
    cleaned = {
        field: value.strip() if isinstance(value, str) else value for field, value in data.items()
    }
    if cleaned.get("email"):
        validate_email(cleaned["email"])
    if "language" in cleaned and cleaned["language"] not in LANGUAGE_NAMES:
        raise ValidationError(_("Kies een taal uit de lijst."), code="language")
    return cleaned


def _find(email: str, phone: str) -> Family | None:
    """A family by its e-mail address; only without one, by its phone number."""
    if email:
        return selectors.families_by_email(email).first()
    return selectors.families_by_phone(phone).first()


def _keep_digests_current(family: Family) -> None:
    """A family found under an older digest key gets its digests under the current key, so
    that the older key can be retired once no record needs it."""
    current = {
        "email_digest": contact_digest(family.email, EMAIL),
        "phone_digest": contact_digest(family.phone, PHONE),
    }
    if any(getattr(family, field) != value for field, value in current.items()):
        Family.objects.filter(pk=family.pk).update(**current)
        for field, value in current.items():
            setattr(family, field, value)


@transaction.atomic
def family_for_contact(
    *,
    name: str = "",
    email: str = "",
    phone: str = "",
    language: str = "nl",
    address: str = "",
    actor=None,
    reason: str = "",
) -> tuple[Family, bool]:
    """The family with this e-mail address (without one: with this phone number), or a new
    family with these details; returns the family and whether it was created.

    What was typed never changes a family that exists: anyone can type anyone's address into a
    public form, so only ``family_update``, by someone allowed to, changes a record.
    """
    contact = _clean_contact(
        {"name": name, "email": email, "phone": phone, "language": language, "address": address}
    )
    if not contact["email"] and not contact["phone"]:
        raise ValidationError(_("Geef een e-mailadres of een telefoonnummer."), code="contact")
    family = _find(contact["email"], contact["phone"])
    if family is not None:
        _keep_digests_current(family)
        return family, False
    family = Family(
        **contact,
        email_digest=contact_digest(contact["email"], EMAIL),
        phone_digest=contact_digest(contact["phone"], PHONE),
    )
    try:
        with transaction.atomic():
            family.save()
    except IntegrityError:
        # Another request created the family with this e-mail address a moment ago.
        family = _find(contact["email"], contact["phone"])
        if family is None:
            raise
        return family, False
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        target=family,
        reason=reason,
        changes={field: [None, PRESENT] for field in CONTACT_FIELDS if _presence(contact[field])},
    )
    return family, True


@transaction.atomic
def family_update(*, family: Family, data: dict, actor=None, reason: str = "") -> dict:
    """Change a family's contact details (any of name, email, phone, address, language); the
    digests follow the e-mail address and phone number. Returns what changed as
    ``{field: [before, after]}``; the audit trail gets the same fields, as "<present>"."""
    unknown = set(data) - set(CONTACT_FIELDS)
    if unknown:
        raise ValueError(f"family_update changes only {CONTACT_FIELDS}, not {sorted(unknown)}.")
    family = Family.objects.select_for_update().get(pk=family.pk)
    data = _clean_contact(data)
    email = data.get("email", family.email)
    phone = data.get("phone", family.phone)
    if not email and not phone:
        raise ValidationError(_("Geef een e-mailadres of een telefoonnummer."), code="contact")
    if email and selectors.families_by_email(email).exclude(pk=family.pk).exists():
        raise ValidationError(_("Er is al een gezin met dit e-mailadres."), code="duplicate")
    changes = model_update(
        instance=family,
        data={
            **data,
            "email_digest": contact_digest(email, EMAIL),
            "phone_digest": contact_digest(phone, PHONE),
        },
    )
    trail = {
        field: [_presence(before), _presence(after)]
        for field, (before, after) in changes.items()
        if field in CONTACT_FIELDS
    }
    if trail:
        audit_record(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            target=family,
            reason=reason,
            changes=trail,
        )
    return {field: change for field, change in changes.items() if field in CONTACT_FIELDS}


@transaction.atomic
def child_add(
    *,
    family: Family,
    first_name: str = "",
    birth_date: date | None = None,
    due_date: date | None = None,
    actor=None,
    reason: str = "",
) -> Child:
    """Add a child to a family: born (a birth date, not in the future) or expected (a due date,
    at most 42 weeks ahead), never both."""
    if (birth_date is None) == (due_date is None):
        raise ValidationError(
            _("Geef de geboortedatum, of voor een kindje op komst de uitgerekende datum."),
            code="dates",
        )
    today = timezone.localdate()
    if birth_date is not None and birth_date > today:
        raise ValidationError(_("Een geboortedatum ligt niet in de toekomst."), code="birth_date")
    if due_date is not None and due_date > today + LONGEST_PREGNANCY:
        raise ValidationError(
            _("Een uitgerekende datum ligt hoogstens 42 weken in de toekomst."), code="due_date"
        )
    child = Child.objects.create(
        family=family, first_name=first_name.strip(), birth_date=birth_date, due_date=due_date
    )
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        target=child,
        reason=reason,
        changes={
            field: [None, PRESENT]
            for field in ("first_name", "birth_date", "due_date")
            if _presence(getattr(child, field))
        },
    )
    return child


# --- Retention ------------------------------------------------------------------------------------

# A family record nothing links to any more is deleted this many days after it was created or
# last changed: a form that creates the family before the record that links to it is not raced.
ORPHAN_GRACE_DAYS = 30


def _links() -> list[tuple[type, str, type]]:
    """(model, field, Family or Child) of every relation to the family record from outside it.

    The apps that link to a family (referrals, plans, paths, childcare...) sit above this one,
    so they are found through the models' meta, never imported: a relation added later counts
    without a change here."""
    return [
        (relation.related_model, relation.field.name, target)
        for target in (Family, Child)
        for relation in target._meta.related_objects
        if relation.related_model not in (Family, Child)
    ]


def _linked() -> Q:
    """The families that some record outside the family record still links to."""
    linked = Q()
    for model, field, target in _links():
        ids = model._base_manager.filter(**{f"{field}__isnull": False}).values(field)
        if target is Family:
            linked |= Q(pk__in=ids)
        else:
            linked |= Q(pk__in=Child.objects.filter(pk__in=ids).values("family"))
    return linked


def families_due_for_erasure(now: datetime) -> QuerySet[Family]:
    """Families that nothing links to any more, untouched for ``ORPHAN_GRACE_DAYS`` days."""
    cutoff = now - timedelta(days=ORPHAN_GRACE_DAYS)
    return Family.objects.filter(created_at__lt=cutoff, updated_at__lt=cutoff).exclude(_linked())


@transaction.atomic
def family_erase(*, pk: int, now: datetime) -> bool:
    """Delete one family that is still due (locked and checked again: a record that links to
    it since is waited for and keeps it), with its children. The audit trail keeps that it
    existed and how many children it had, never a name. False when it is not due any more."""
    family = families_due_for_erasure(now).select_for_update().filter(pk=pk).first()
    if family is None:
        return False
    children = Child.objects.filter(family=family).count()
    audit_record(
        actor=None,
        action=AuditEvent.Action.ERASE,
        target=family,
        reason=f"geen koppeling meer, {ORPHAN_GRACE_DAYS} dagen",
        changes={"family": [PRESENT, None], "children": [children, 0]},
    )
    family.delete()
    return True


def families_erase_orphaned(*, now: datetime | None = None) -> int:
    """The retention rule: delete every family record nothing links to any more (see
    ``families_due_for_erasure``); returns how many. A second run finds nothing left."""
    now = now or timezone.now()
    pks = list(families_due_for_erasure(now).values_list("pk", flat=True))
    return sum(family_erase(pk=pk, now=now) for pk in pks)
