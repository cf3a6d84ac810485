"""Reads of caseloads and signals to policy that the pages and the other apps share.

A professional's read of a guided family's data is audited here, where it is handed out
(``caseload_read`` for one family, ``caseload_list_read`` for the families a list shows), never
in a view. The coordinator's figures (``guidance_counts``) and ``policy_signals`` hold no family
data.
"""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Count, F, Q, QuerySet

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.guidance.models import (
    CaseloadEntry,
    Contact,
    HelpQuestion,
    LifeDomain,
    PolicySignal,
)
from huisvanhetkind.guidance.workflow import GuidanceStatus, HelpQuestionStatus
from huisvanhetkind.network.access import acting_organisation
from huisvanhetkind.network.models import House, Organisation, Role
from huisvanhetkind.referrals.models import Referral

User = get_user_model()


def _audit_read(entry: CaseloadEntry, user) -> None:
    audit_record(
        actor=user,
        action=AuditEvent.Action.READ,
        target=entry,
        house=entry.house,
        organisation=acting_organisation(user, [entry.organisation]),
    )


def caseload_list(entries: QuerySet[CaseloadEntry], *, ended: bool = False):
    """Entries for a list, with the number of open help questions: running guidance by its
    next contact (unplanned last), ended guidance most recent first."""
    entries = (
        entries.filter(status=GuidanceStatus.ENDED if ended else GuidanceStatus.ACTIVE)
        .select_related("house", "organisation", "bridge_worker", "family")
        .annotate(
            open_questions=Count(
                "help_questions", filter=Q(help_questions__status=HelpQuestionStatus.OPEN)
            )
        )
    )
    if ended:
        return entries.order_by("-ended_on", "-id")
    return entries.order_by(F("next_contact_on").asc(nulls_last=True), "started_on", "id")


def caseload_list_read(entries, user) -> list[CaseloadEntry]:
    """Hand a professional the families a list shows, and write each read in the audit trail
    (an erased entry shows nothing and is not a read)."""
    entries = list(entries)
    for entry in entries:
        if entry.family_id:
            _audit_read(entry, user)
    return entries


def entry_referrals(entry: CaseloadEntry) -> QuerySet[Referral]:
    """The referrals the bridge worker's organisation made for this family in this house, with
    their status and outcome (not what was shared with the receiving side)."""
    if entry.family_id is None:
        return Referral.objects.none()
    return (
        Referral.objects.filter(
            house=entry.house, family_id=entry.family_id, from_organisation=entry.organisation
        )
        .select_related("to_organisation", "service")
        .order_by("-created_at", "-id")
    )


@dataclass
class CaseloadPage:
    entry: CaseloadEntry
    help_questions: list[HelpQuestion]
    contacts: list[Contact]
    referrals: list[Referral]
    colleagues: list

    @property
    def open_questions(self) -> int:
        return sum(1 for q in self.help_questions if q.status == HelpQuestionStatus.OPEN)


def colleague_bridge_workers(entry: CaseloadEntry) -> QuerySet:
    """The other bridge workers of the entry's organisation in its house."""
    return (
        User.objects.filter(
            roles__kind=Role.Kind.BRIDGE_WORKER,
            roles__house=entry.house_id,
            roles__organisation=entry.organisation_id,
        )
        .exclude(pk=entry.bridge_worker_id)
        .order_by("last_name", "first_name", "email")
        .distinct()
    )


def referral_prefill(entry: CaseloadEntry, user) -> dict:
    """What a referral of this guided family starts with: on behalf of the guidance's
    organisation in its house, the family's contact details. The read is audited."""
    audit_record(
        actor=user,
        action=AuditEvent.Action.READ,
        target=entry,
        house=entry.house,
        organisation=acting_organisation(user, [entry.organisation]),
        reason="doorverwijzing voorbereiden",
    )
    initial = {"on_behalf": f"{entry.house_id}-{entry.organisation_id}"}
    family = entry.family
    if family is not None:
        initial |= {
            "name": family.name,
            "email": family.email,
            "phone": family.phone,
            "language": family.language,
        }
    return initial


def caseload_read(entry: CaseloadEntry, user) -> CaseloadPage:
    """Hand a professional one guided family (who may see it: ``access``), and write that read
    in the audit trail. Call it once for every page that shows it."""
    _audit_read(entry, user)
    return CaseloadPage(
        entry=entry,
        help_questions=list(entry.help_questions.order_by("status", "created_at", "id")),
        contacts=list(entry.contacts.select_related("recorded_by").order_by("-happened_on", "-id")),
        referrals=list(entry_referrals(entry)),
        colleagues=list(colleague_bridge_workers(entry)),
    )


# --- The coordinator: counts only ---------------------------------------------------------------


@dataclass
class GuidanceCounts:
    per_bridge_worker: list[dict]  # organisation, bridge worker, active families
    per_organisation: list[dict]  # organisation, active families
    open_per_domain: list[tuple[str, int]]  # life domain label, open help questions
    active: int
    overdue: int


def guidance_counts(house: House, today: date) -> GuidanceCounts:
    """How many families the bridge workers of a house guide now, per bridge worker and per
    organisation, and their open help questions per life domain. Never a family."""
    active = CaseloadEntry.objects.filter(house=house, status=GuidanceStatus.ACTIVE)
    per_worker = {
        (row["organisation_id"], row["bridge_worker_id"]): row["families"]
        for row in active.values("organisation_id", "bridge_worker_id").annotate(
            families=Count("id")
        )
    }
    # Every bridge worker of the house, also those who guide nobody yet.
    roles = (
        Role.objects.filter(house=house, kind=Role.Kind.BRIDGE_WORKER)
        .select_related("user", "organisation")
        .order_by("organisation__name", "user__last_name", "user__email")
    )
    rows = []
    for role in roles:
        rows.append(
            {
                "organisation": role.organisation.name,
                "bridge_worker": role.user.get_full_name() or role.user.email,
                "families": per_worker.pop((role.organisation_id, role.user_id), 0),
            }
        )
    # Guidance whose bridge worker is no longer one here (waiting to be handed over).
    waiting: dict[int, int] = {}
    for (organisation_id, _user_id), families in per_worker.items():
        waiting[organisation_id] = waiting.get(organisation_id, 0) + families
    names = dict(Organisation.objects.filter(pk__in=waiting).values_list("pk", "name"))
    for organisation_id, families in sorted(waiting.items(), key=lambda item: names[item[0]]):
        rows.append(
            {"organisation": names[organisation_id], "bridge_worker": None, "families": families}
        )
    per_organisation = list(
        active.values("organisation__name")
        .annotate(families=Count("id"))
        .order_by("organisation__name")
    )
    open_counts = dict(
        HelpQuestion.objects.filter(entry__in=active, status=HelpQuestionStatus.OPEN)
        .values_list("domain")
        .annotate(n=Count("id"))
        .values_list("domain", "n")
    )
    return GuidanceCounts(
        per_bridge_worker=rows,
        per_organisation=[
            {"organisation": row["organisation__name"], "families": row["families"]}
            for row in per_organisation
        ],
        open_per_domain=[(label, open_counts.get(value, 0)) for value, label in LifeDomain.choices],
        active=active.count(),
        overdue=active.filter(next_contact_on__lt=today).count(),
    )


# --- Signals to policy --------------------------------------------------------------------------


def policy_signals(house: House, since: date | None = None) -> QuerySet[PolicySignal]:
    """The signals to policy of a house (from ``since`` on), newest first: what the
    participation figures read. They hold no family data."""
    signals = PolicySignal.objects.filter(house=house)
    if since is not None:
        signals = signals.filter(observed_on__gte=since)
    return signals.select_related("domain", "age_group", "municipality", "organisation").order_by(
        "-observed_on", "-id"
    )
