"""The states of the childcare desk's requests, urgent requests and placements, and the moves
between them (``core.workflow``): the only way their status changes."""

from huisvanhetkind.childcare.models import PlacementStatus, RequestStatus, UrgentStatus
from huisvanhetkind.core.workflow import check_transition

REQUEST_MOVES = {
    RequestStatus.OPEN: (
        RequestStatus.OFFERED,
        RequestStatus.PLACED,
        RequestStatus.WITHDRAWN,
        RequestStatus.CLOSED,
    ),
    # An offer refused by the provider or declined by the family puts the request back to open.
    RequestStatus.OFFERED: (
        RequestStatus.OPEN,
        RequestStatus.PLACED,
        RequestStatus.WITHDRAWN,
        RequestStatus.CLOSED,
    ),
    RequestStatus.PLACED: (),
    RequestStatus.WITHDRAWN: (),
    RequestStatus.CLOSED: (),
}

URGENT_MOVES = {
    UrgentStatus.NEW: (UrgentStatus.PLACED, UrgentStatus.NO_PLACE, UrgentStatus.WITHDRAWN),
    UrgentStatus.PLACED: (),
    UrgentStatus.NO_PLACE: (),
    UrgentStatus.WITHDRAWN: (),
}

PLACEMENT_MOVES = {
    PlacementStatus.PROPOSED: (
        PlacementStatus.CONFIRMED,
        PlacementStatus.REFUSED,
        PlacementStatus.EXPIRED,
    ),
    PlacementStatus.CONFIRMED: (
        PlacementStatus.ACCEPTED,
        PlacementStatus.DECLINED,
        PlacementStatus.EXPIRED,
    ),
    PlacementStatus.REFUSED: (),
    PlacementStatus.ACCEPTED: (),
    PlacementStatus.DECLINED: (),
    PlacementStatus.EXPIRED: (),
}


def check_request_move(old: str, new: str) -> None:
    check_transition(RequestStatus, REQUEST_MOVES, old, new)


def check_urgent_move(old: str, new: str) -> None:
    check_transition(UrgentStatus, URGENT_MOVES, old, new)


def check_placement_move(old: str, new: str) -> None:
    check_transition(PlacementStatus, PLACEMENT_MOVES, old, new)
