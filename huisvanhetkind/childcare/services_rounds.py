"""Every write of the allocation rounds: running a round, the provider's confirmation or refusal
of a placement, the out-of-round placement, the family's answer and the expiry of an offer.

A round locks the house's row for its whole run, so two runs for one house never overlap; a run
also names the last round of that month it knew of (``expected_last``), so a form sent twice
(a double click, a second desk worker with the same preview) runs once and the second is told.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.childcare import selectors_rounds as selectors
from huisvanhetkind.childcare.allocation import allocate, validate
from huisvanhetkind.childcare.models import (
    AllocationRound,
    ChildcareLocation,
    ChildcareRequest,
    Placement,
    PlacementStatus,
    RequestStatus,
)
from huisvanhetkind.childcare.months import month_label
from huisvanhetkind.childcare.services_placements import person, placement_move
from huisvanhetkind.childcare.services_requests import PRESENT, request_status_change
from huisvanhetkind.core.mail import send_templated_mail_on_commit
from huisvanhetkind.core.workdays import add_working_days
from huisvanhetkind.network.models import House
from huisvanhetkind.network.selectors import organisation_admin_emails

# The working days a provider and then the family have to answer an offer of a round.
OFFER_WORKING_DAYS = 10
REFUSAL_MAX_LENGTH = 500


def _family_language(childcare_request: ChildcareRequest) -> str:
    return getattr(childcare_request.family, "language", "") or childcare_request.language or "nl"


def private_url(childcare_request: ChildcareRequest) -> str:
    """The family's private page of its request (its token is kept encrypted), or ''."""
    if not childcare_request.token:
        return ""
    return reverse(
        "childcare:request_private",
        kwargs={"house_slug": childcare_request.house.slug, "token": childcare_request.token},
    )


def _request_move(childcare_request, new: str, *, actor, reason: str, end_reason: str = ""):
    """Change a request's status through the requests' one function (nothing when it already
    has it); an ending request's ``end_reason`` is what the family reads."""
    locked = ChildcareRequest.objects.select_for_update(of=("self",)).get(pk=childcare_request.pk)
    if locked.status == new:
        return locked
    locked = request_status_change(
        childcare_request=locked,
        target=new,
        actor=person(actor),
        reason=end_reason or reason,
    )
    childcare_request.status = locked.status
    childcare_request.ended_at = locked.ended_at
    return locked


def _lock_placement(placement: Placement) -> Placement:
    return (
        Placement.objects.select_for_update(of=("self",))
        .select_related("request__house", "request__family", "location__service", "round")
        .get(pk=placement.pk)
    )


def _reopen_if_nothing_pending(childcare_request, *, actor, reason: str) -> None:
    """An offered request whose offers all ended is open again (it waits for the next round)."""
    pending = childcare_request.placements.filter(status__in=selectors.PENDING).exists()
    if not pending and childcare_request.status == RequestStatus.OFFERED:
        _request_move(childcare_request, RequestStatus.OPEN, actor=actor, reason=reason)


# --- running a round ----------------------------------------------------------------------------


def _mail_providers(allocation_round: AllocationRound, placements: list[Placement]) -> None:
    """One summary per provider organisation: how many places each of its locations has to
    confirm (never a child's name), and where."""
    by_organisation: dict = {}
    for placement in placements:
        organisation = placement.location.service.organisation
        by_organisation.setdefault(organisation, {}).setdefault(placement.location, 0)
        by_organisation[organisation][placement.location] += 1
    for organisation, counts in by_organisation.items():
        recipients = organisation_admin_emails(organisation) or (
            [organisation.email] if organisation.email else []
        )
        if not recipients:
            continue
        send_templated_mail_on_commit(
            to=recipients,
            template="childcare/rounds/email/provider_summary",
            context={
                "organisation": organisation,
                "month": month_label(allocation_round.month),
                "deadline": allocation_round.offer_deadline,
                "locations": sorted(counts.items(), key=lambda item: item[0].service.name),
            },
        )


@transaction.atomic
def round_run(
    *, house: House, month: date, actor, expected_last: int | None = None
) -> AllocationRound:
    """Run the allocation round of ``house`` for ``month``: validate and allocate the open
    requests and free places, store input and result, and propose a placement per assignment
    (each request is then offered). When the independent audit finds a blocking pair the round
    is stored flagged and nothing is placed.

    ``expected_last``: the pk of the last round of this month that the caller saw (0 for none);
    when another run came in between, the run is refused."""
    House.objects.select_for_update(of=("self",)).filter(pk=house.pk).first()
    latest = selectors.last_round(house, month)
    if expected_last is not None and (latest.pk if latest else 0) != expected_last:
        raise ValidationError(
            _(
                "Intussen liep er al een ronde voor %(month)s. Bekijk eerst het resultaat "
                "voordat je nog een ronde start."
            )
            % {"month": month_label(month)}
        )
    data = selectors.round_input(house, month)
    problems = validate(data)
    if problems:
        raise ValidationError(problems)
    if not data["children"]:
        raise ValidationError(
            _("Er zijn geen open opvangvragen voor %(month)s: er valt niets te verdelen.")
            % {"month": month_label(month)}
        )
    result = allocate(data)
    today = timezone.localdate()
    allocation_round = AllocationRound.objects.create(
        house=house,
        month=month,
        input=data,
        result=result,
        blocking_pairs=len(result["blocking_pairs"]),
        offer_deadline=add_working_days(today, OFFER_WORKING_DAYS),
        run_by=person(actor),
    )
    stats = result["stats"]
    audit_record(
        actor=person(actor),
        action=AuditEvent.Action.CREATE,
        target=allocation_round,
        house=house,
        reason="allocation round",
        changes={
            "month": [None, f"{month:%Y-%m}"],
            "children": [None, stats["children"]],
            "placed": [None, stats["placed"]],
            "blocking_pairs": [None, allocation_round.blocking_pairs],
        },
    )
    if allocation_round.blocking_pairs:
        # The audit failed: show the round, place nobody.
        return allocation_round
    children = {c["id"]: c for c in data["children"]}
    placements = []
    requests = ChildcareRequest.objects.select_related("house").in_bulk(
        [selectors.pk_of(cid) for cid, pid in result["assignments"].items() if pid]
    )
    locations = ChildcareLocation.objects.select_related("service__organisation", "house").in_bulk(
        [selectors.pk_of(pid) for pid in result["assignments"].values() if pid]
    )
    for cid, pid in result["assignments"].items():
        if pid is None:
            continue
        childcare_request = requests[selectors.pk_of(cid)]
        placement = Placement.objects.create(
            request=childcare_request,
            location=locations[selectors.pk_of(pid)],
            round=allocation_round,
            month=month,
            wish_rank=children[cid]["wishes"].index(pid) + 1,
            status=PlacementStatus.PROPOSED,
        )
        audit_record(
            actor=person(actor),
            action=AuditEvent.Action.CREATE,
            target=placement,
            house=house,
            reason="allocation round",
            changes={
                "request": [None, childcare_request.pk],
                "location": [None, placement.location_id],
                "round": [None, allocation_round.pk],
                "status": [None, placement.status],
            },
        )
        _request_move(
            childcare_request, RequestStatus.OFFERED, actor=actor, reason="allocation round"
        )
        placements.append(placement)
    _mail_providers(allocation_round, placements)
    return allocation_round


# --- the provider's answer ----------------------------------------------------------------------


@transaction.atomic
def placement_confirm(*, placement: Placement, actor) -> Placement:
    """The provider confirms a proposed place; the family is told it can accept it."""
    placement = _lock_placement(placement)
    if placement.status != PlacementStatus.PROPOSED:
        raise ValidationError(_("Deze plaatsing wacht niet (meer) op je bevestiging."))
    deadline = offer_deadline(placement)
    if deadline is not None and timezone.localdate() > deadline:
        raise ValidationError(
            _(
                "Je kon deze plaatsing bevestigen tot en met %(date)s. De plaats telt mee in "
                "de volgende ronde."
            )
            % {"date": deadline.strftime("%d/%m/%Y")}
        )
    placement_move(
        placement,
        PlacementStatus.CONFIRMED,
        actor=actor,
        reason="provider confirmed",
        provider_answered_at=timezone.now(),
        decided_by=person(actor),
    )
    _mail_family(placement, "childcare/rounds/email/offer_waiting")
    return placement


@transaction.atomic
def placement_refuse(*, placement: Placement, actor, reason: str) -> Placement:
    """The provider refuses a proposed place, with a reason: the place counts as free again in
    the next round and the request is open again."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Geef een reden waarom je deze plaatsing weigert."))
    if len(reason) > REFUSAL_MAX_LENGTH:
        raise ValidationError(
            _("De reden is te lang: gebruik hoogstens %(n)s tekens.") % {"n": REFUSAL_MAX_LENGTH}
        )
    placement = _lock_placement(placement)
    if placement.status != PlacementStatus.PROPOSED:
        raise ValidationError(_("Deze plaatsing wacht niet (meer) op je bevestiging."))
    placement_move(
        placement,
        PlacementStatus.REFUSED,
        actor=actor,
        reason="provider refused",
        refusal_reason=reason,
        provider_answered_at=timezone.now(),
        decided_by=person(actor),
    )
    _reopen_if_nothing_pending(placement.request, actor=actor, reason="provider refused")
    return placement


@transaction.atomic
def placement_outside_round(
    *,
    childcare: ChildcareLocation,
    request_number: int,
    month: date,
    advice_by: str,
    advice_reference: str,
    actor,
) -> Placement:
    """A provider places a child outside the rounds, with the written advice of a family service:
    at most ``quota_of(licensed places)`` per calendar year. The place is confirmed by the
    provider at once and waits for the family's answer."""
    advice_by = (advice_by or "").strip()
    advice_reference = (advice_reference or "").strip()
    if not advice_by or not advice_reference:
        raise ValidationError(
            _("Noem de gezinsdienst die schriftelijk advies gaf en het kenmerk van dat advies.")
        )
    ChildcareLocation.objects.select_for_update(of=("self",)).filter(pk=childcare.pk).first()
    childcare_request = (
        ChildcareRequest.objects.select_for_update(of=("self",))
        .filter(pk=request_number, house=childcare.house, wishes__location=childcare)
        .first()
    )
    if childcare_request is None:
        raise ValidationError(
            _("Er is geen opvangvraag met nummer %(n)s die deze opvang kiest.")
            % {"n": request_number}
        )
    if childcare_request.status != RequestStatus.OPEN:
        raise ValidationError(
            _("Opvangvraag #%(n)s wacht niet op een plaats (ze is %(status)s).")
            % {"n": request_number, "status": childcare_request.get_status_display()}
        )
    year = timezone.localdate().year
    quota = selectors.quota_of(childcare.licensed_places)
    used = selectors.outside_round_used([childcare.pk], year).get(childcare.pk, 0)
    if used >= quota:
        raise ValidationError(
            _(
                "Deze opvang plaatste dit jaar al %(used)s van de %(quota)s kinderen die ze "
                "buiten de rondes mag plaatsen (10 %% van %(licensed)s vergunde plaatsen)."
            )
            % {"used": used, "quota": quota, "licensed": childcare.licensed_places}
        )
    free = selectors.capacities(childcare.house, month, [childcare])[childcare.pk]
    if free <= 0:
        raise ValidationError(
            _(
                "Deze opvang heeft voor %(month)s geen vrije plaats meer. Pas eerst de vrije "
                "plaatsen aan."
            )
            % {"month": month_label(month)}
        )
    wish = childcare_request.wishes.filter(location=childcare).first()
    now = timezone.now()
    placement = Placement.objects.create(
        request=childcare_request,
        location=childcare,
        month=month,
        wish_rank=wish.rank if wish else None,
        status=PlacementStatus.CONFIRMED,
        outside_round=True,
        advice_by=advice_by[:200],
        advice_reference=advice_reference[:100],
        decided_by=person(actor),
        provider_answered_at=now,
        created_at=now,
    )
    audit_record(
        actor=person(actor),
        action=AuditEvent.Action.CREATE,
        target=placement,
        house=childcare.house,
        organisation=childcare.service.organisation,
        reason="placement outside the rounds",
        changes={
            "request": [None, childcare_request.pk],
            "location": [None, childcare.pk],
            "month": [None, f"{month:%Y-%m}"],
            "outside_round": [None, True],
            "advice_by": [None, placement.advice_by],
            # The advice's reference may be a family's file number elsewhere: not in the audit.
            "advice_reference": [None, PRESENT],
            "status": [None, placement.status],
        },
    )
    _request_move(
        childcare_request, RequestStatus.OFFERED, actor=actor, reason="placement outside the rounds"
    )
    placement.request = childcare_request
    _mail_family(placement, "childcare/rounds/email/offer_waiting")
    return placement


# --- the family's answer ------------------------------------------------------------------------


def offer_deadline(placement: Placement) -> date | None:
    """The last day the family can answer (an out-of-round place has none)."""
    return placement.round.offer_deadline if placement.round_id else None


def _mail_family(placement: Placement, template: str) -> None:
    childcare_request = placement.request
    family = childcare_request.family
    if not family.email:
        return
    send_templated_mail_on_commit(
        to=[family.email],
        template=template,
        context={
            "placement": placement,
            "location": placement.location.service.name,
            "month": placement.month,
            "deadline": offer_deadline(placement),
            "url": private_url(childcare_request),
            "request_number": childcare_request.pk,
        },
        language=_family_language(childcare_request),
    )


def _check_family_may_answer(placement: Placement) -> None:
    if placement.status != PlacementStatus.CONFIRMED:
        raise ValidationError(_("Dit aanbod kan je niet (meer) beantwoorden."))
    deadline = offer_deadline(placement)
    if deadline is not None and timezone.localdate() > deadline:
        raise ValidationError(
            _("Je kon dit aanbod beantwoorden tot en met %(date)s. Die dag is voorbij.")
            % {"date": deadline.strftime("%d/%m/%Y")}
        )


@transaction.atomic
def placement_accept(*, placement: Placement) -> Placement:
    """The family accepts a confirmed offer: the request is placed and its other offers end."""
    placement = _lock_placement(placement)
    _check_family_may_answer(placement)
    placement_move(
        placement,
        PlacementStatus.ACCEPTED,
        actor=None,
        reason="family accepted",
        family_answered_at=timezone.now(),
    )
    # The request ends: its other offers expire with it (services_placements).
    _request_move(
        placement.request,
        RequestStatus.PLACED,
        actor=None,
        reason="family accepted",
        end_reason="plaats aanvaard",
    )
    return placement


@transaction.atomic
def placement_decline(*, placement: Placement, withdraw: bool = False) -> Placement:
    """The family declines a confirmed offer: the place counts as free again in the next round,
    and the request is open again (or withdrawn, when the family also withdraws it)."""
    placement = _lock_placement(placement)
    _check_family_may_answer(placement)
    placement_move(
        placement,
        PlacementStatus.DECLINED,
        actor=None,
        reason="family declined",
        family_answered_at=timezone.now(),
    )
    childcare_request = placement.request
    if withdraw:
        _request_move(
            childcare_request,
            RequestStatus.WITHDRAWN,
            actor=None,
            reason="family declined and withdrew",
            end_reason="ingetrokken door het gezin",
        )
    else:
        _reopen_if_nothing_pending(childcare_request, actor=None, reason="family declined")
    return placement


def expiry_due(today: date):
    """The placements whose round's answer deadline passed without an answer."""
    return Placement.objects.filter(
        status__in=selectors.PENDING, round__offer_deadline__lt=today
    ).order_by("pk")


@transaction.atomic
def placement_expire(*, placement_id: int, today: date) -> bool:
    """Expire one unanswered placement after its deadline (locked and checked again: a second
    run finds it expired and does nothing); the request is open again. True when it changed."""
    placement = (
        Placement.objects.select_for_update(of=("self",))
        .select_related("request__house", "request__family", "location__service", "round")
        .filter(pk=placement_id, status__in=selectors.PENDING, round__offer_deadline__lt=today)
        .first()
    )
    if placement is None:
        return False
    was = placement.status
    placement_move(placement, PlacementStatus.EXPIRED, actor=None, reason="deadline passed")
    _reopen_if_nothing_pending(placement.request, actor=None, reason="offer expired")
    if was == PlacementStatus.CONFIRMED:
        # The family knew of this offer: tell it the offer ended and its request waits again.
        _mail_family(placement, "childcare/rounds/email/offer_expired")
    return True


def rounds_erase_expired(*, cutoff: date) -> int:
    """Delete the rounds whose start month is before ``cutoff``. Their placements stay (they are
    kept, and erased, with their request): they only lose the link to the round."""
    deleted = 0
    for allocation_round in AllocationRound.objects.filter(month__lt=cutoff).order_by("pk"):
        with transaction.atomic():
            audit_record(
                actor=None,
                action=AuditEvent.Action.ERASE,
                target=allocation_round,
                house=allocation_round.house,
                reason="retention: 12 months after the round's month",
            )
            Placement.objects.filter(round=allocation_round).update(round=None)
            allocation_round.delete()
        deleted += 1
    return deleted
