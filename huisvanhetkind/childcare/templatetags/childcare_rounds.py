"""Template tags of the allocation rounds: what the family's private page of a request shows
about its offers (``childcare/rounds/_family_offers.html``)."""

from dataclasses import dataclass

from django import template
from django.urls import reverse

from huisvanhetkind.childcare import selectors_rounds
from huisvanhetkind.childcare.models import ChildcareRequest, Placement, PlacementStatus
from huisvanhetkind.childcare.services_rounds import offer_deadline

register = template.Library()


@dataclass
class Offer:
    placement: Placement
    deadline: object
    answer_url: str

    @property
    def waiting_for_family(self) -> bool:
        return self.placement.status == PlacementStatus.CONFIRMED

    @property
    def waiting_for_provider(self) -> bool:
        return self.placement.status == PlacementStatus.PROPOSED


@register.simple_tag
def family_offers(childcare_request: ChildcareRequest) -> dict:
    """The request's offers (with where to answer them) and, for its last round, the plain
    reason for every wish that was not met."""
    if not isinstance(childcare_request, ChildcareRequest) or childcare_request.pk is None:
        return {"offers": [], "reasons": [], "round": None}
    offers = []
    for placement in selectors_rounds.family_offers(childcare_request):
        url = ""
        if childcare_request.token:
            url = reverse(
                "childcare:offer_answer",
                kwargs={
                    "house_slug": childcare_request.house.slug,
                    "token": childcare_request.token,
                    "pk": placement.pk,
                },
            )
        offers.append(Offer(placement, offer_deadline(placement), url))
    last = selectors_rounds.request_rounds(childcare_request).first()
    reasons = selectors_rounds.wish_reasons(childcare_request, last) if last else []
    return {"offers": offers, "reasons": reasons, "round": last}
