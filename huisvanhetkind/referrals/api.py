"""The referrals an organisation received, for its own systems: read-only, in FHIR R4B (mounted
at /api/referrals/).

Every operation needs the organisation's API key (``Authorization: Bearer <key>``). The API
assembly (``huisvanhetkind.api``, a layer above this app) mounts this router with the key's
authentication, so ``request.auth`` is the key: its ``organisation`` and ``name`` are all this
module uses. The list gives a page of Tasks (no personal data) as a FHIR searchset; one referral
gives the whole Bundle of ``fhir.referral_to_fhir`` as the receiving side sees it. Both reads are
written in the audit trail, with the key's name as the reason, here where the data is handed out.
A referral of another organisation is not found (404).
"""

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Router
from ninja.errors import HttpError

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.catalogue.api import (
    DEFAULT_PER_PAGE,
    PAGE,
    PER_PAGE,
    ApiError,
    PageNumber,
    PerPage,
)
from huisvanhetkind.referrals import fhir, selectors
from huisvanhetkind.referrals.models import Referral, ReferralEvent
from huisvanhetkind.referrals.workflow import OUTCOMES

router = Router(tags=["Doorverwijzingen (FHIR R4B)"])
# The largest id a database column holds (a larger one is simply not found).
MAX_ID = 2**63


def _reason(key) -> str:
    return f"API-sleutel {key.name}"


def _received(organisation):
    """The organisation's received referrals, newest first, with what their FHIR needs."""
    outcomes = ReferralEvent.objects.filter(to_status__in=OUTCOMES).order_by("created_at", "id")
    return (
        selectors.received_referrals([organisation.pk])
        .defer(None)
        .select_related("house", "consent", "family", "child", "service__organisation")
        .prefetch_related(Prefetch("events", queryset=outcomes, to_attr="outcome_events"))
        .order_by("-created_at", "-id")
    )


def _list_read(key, referrals: list[Referral]) -> None:
    """The key read a page of the list: one event in the trail of each house on the page (of
    the platform when the page is empty)."""
    houses = {referral.house_id: referral.house for referral in referrals}
    for house in houses.values() or [None]:
        audit_record(
            actor=None,
            action=AuditEvent.Action.READ,
            target=key,
            house=house,
            organisation=key.organisation,
            reason=_reason(key),
        )


def _referral_read(key, referral: Referral) -> None:
    audit_record(
        actor=None,
        action=AuditEvent.Action.READ,
        target=referral,
        house=referral.house,
        organisation=key.organisation,
        reason=_reason(key),
    )


@router.get(
    "/",
    summary="Received referrals (paginated, FHIR R4B searchset of Tasks)",
    response={200: dict, 400: ApiError, 401: ApiError},
    url_name="referral_list",
)
def list_referrals(request, page: PageNumber = PAGE, per_page: PerPage = PER_PAGE):
    """The referrals the key's organisation received, newest first, as a FHIR R4B Bundle of
    type searchset: one Task per referral (status, business status, organisations, dates,
    outcome; no personal data), with the links of the other pages. The full referral is at
    ``/api/referrals/{id}``."""
    key = request.auth
    page, per_page = page or 1, per_page or DEFAULT_PER_PAGE
    referrals = _received(key.organisation)
    total = referrals.count()
    start = (page - 1) * per_page
    items = list(referrals[start : start + per_page])
    _list_read(key, items)

    def page_url(number: int) -> str:
        path = reverse("api:referral_list")
        return request.build_absolute_uri(f"{path}?page={number}&per_page={per_page}")

    last = max(1, -(-total // per_page))
    links = {"self": page_url(page), "first": page_url(1)}
    if page > 1:
        links["previous"] = page_url(min(page - 1, last))
    if page < last:
        links["next"] = page_url(page + 1)
    links["last"] = page_url(last)
    entries = [
        {
            "fullUrl": request.build_absolute_uri(
                reverse("api:referral_detail", kwargs={"referral_id": referral.pk})
            ),
            "resource": fhir.referral_to_fhir_task(referral),
        }
        for referral in items
    ]
    return fhir.searchset(entries, total=total, links=links)


@router.get(
    "/{referral_id}",
    summary="One received referral (FHIR R4B Bundle: Task, ServiceRequest, Consent, ...)",
    response={200: dict, 400: ApiError, 401: ApiError, 404: ApiError},
    url_name="referral_detail",
)
def get_referral(request, referral_id: int):
    """A referral the key's organisation received, as a FHIR R4B Bundle (type collection): the
    Task, its ServiceRequest (with the reason), the family's Consent, the Patient (and the
    parent as RelatedPerson) as far as the consent reaches, the Organizations and the
    HealthcareService. Another organisation's referral is not found."""
    key = request.auth
    referral = None
    if 0 < referral_id < MAX_ID:
        referral = _received(key.organisation).filter(pk=referral_id).first()
    if referral is None:
        raise HttpError(
            404,
            _("Je organisatie ontving geen doorverwijzing met nummer %(id)s.")
            % {"id": referral_id},
        )
    _referral_read(key, referral)
    return fhir.referral_to_fhir(referral, for_receiver=True)
