"""The states of a referral, who may move it from one state to the next, and the outcomes that
close it.

Every edge names its actors: the receiving organisation, the referring organisation, the family
(through its own link) and the system (the daily expiry run). ``ensure_transition`` refuses a
move the table does not allow, and a move the table allows only for someone else, each with a
Dutch message.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core import workflow


class ReferralStatus(models.TextChoices):
    SENT = "sent", _("verstuurd")
    RECEIVED = "received", _("geopend")
    ACCEPTED = "accepted", _("aanvaard")
    DECLINED = "declined", _("geweigerd")
    CONTACTED = "contacted", _("contact opgenomen")
    WAITLISTED = "waitlisted", _("op de wachtlijst")
    NOT_REACHED = "not_reached", _("geen contact gekregen")
    GOT_HELP = "got_help", _("geholpen")
    NO_HELP = "no_help", _("niet geholpen")
    NOT_INTERESTED = "not_interested", _("niet meer nodig")
    CLOSED = "closed", _("afgesloten")
    WITHDRAWN = "withdrawn", _("ingetrokken door de verwijzer")
    CONSENT_WITHDRAWN = "consent_withdrawn", _("toestemming ingetrokken")
    EXPIRED = "expired", _("verlopen")


class Actor(models.TextChoices):
    RECEIVER = "receiver", _("ontvangende organisatie")
    REFERRER = "referrer", _("verwijzer")
    FAMILY = "family", _("gezin")
    SYSTEM = "system", _("systeem")


class DeclineReason(models.TextChoices):
    NO_CAPACITY = "no_capacity", _("geen plaats of capaciteit")
    NOT_ELIGIBLE = "not_eligible", _("het gezin komt niet in aanmerking")
    WRONG_SERVICE = "wrong_service", _("een ander aanbod past beter")
    ALREADY_KNOWN = "already_known", _("het gezin krijgt al hulp van ons")
    OUTSIDE_AREA = "outside_area", _("buiten ons werkgebied")
    OTHER = "other", _("andere reden")


S = ReferralStatus
A = Actor

# (from, to) -> who may make that move.
TRANSITIONS: dict[tuple[str, str], frozenset[str]] = {
    (S.SENT, S.RECEIVED): frozenset({A.RECEIVER}),
    (S.SENT, S.ACCEPTED): frozenset({A.RECEIVER}),
    (S.SENT, S.DECLINED): frozenset({A.RECEIVER}),
    (S.RECEIVED, S.ACCEPTED): frozenset({A.RECEIVER}),
    (S.RECEIVED, S.DECLINED): frozenset({A.RECEIVER}),
    (S.ACCEPTED, S.CONTACTED): frozenset({A.RECEIVER}),
    (S.ACCEPTED, S.WAITLISTED): frozenset({A.RECEIVER}),
    (S.ACCEPTED, S.NOT_REACHED): frozenset({A.RECEIVER}),
    (S.WAITLISTED, S.CONTACTED): frozenset({A.RECEIVER}),
    # The family says it got help (or not) through its own link as soon as it was contacted.
    (S.CONTACTED, S.GOT_HELP): frozenset({A.RECEIVER, A.FAMILY}),
    (S.CONTACTED, S.NO_HELP): frozenset({A.RECEIVER, A.FAMILY}),
    (S.CONTACTED, S.NOT_INTERESTED): frozenset({A.RECEIVER, A.FAMILY}),
    (S.WAITLISTED, S.GOT_HELP): frozenset({A.RECEIVER, A.FAMILY}),
    (S.WAITLISTED, S.NO_HELP): frozenset({A.RECEIVER, A.FAMILY}),
    (S.WAITLISTED, S.NOT_INTERESTED): frozenset({A.RECEIVER, A.FAMILY}),
    # Closing needs an outcome: got help, could not get help, no longer interested (or, after
    # acceptance, that the family could not be reached).
    (S.GOT_HELP, S.CLOSED): frozenset({A.RECEIVER}),
    (S.NO_HELP, S.CLOSED): frozenset({A.RECEIVER}),
    (S.NOT_INTERESTED, S.CLOSED): frozenset({A.RECEIVER}),
    (S.NOT_REACHED, S.CLOSED): frozenset({A.RECEIVER}),
    # The referrer withdraws before acceptance.
    (S.SENT, S.WITHDRAWN): frozenset({A.REFERRER}),
    (S.RECEIVED, S.WITHDRAWN): frozenset({A.REFERRER}),
}

# The family withdraws its consent, and the system expires a referral whose consent ended, from
# every state that is not an end state.
END_STATES = (S.DECLINED, S.CLOSED, S.WITHDRAWN, S.CONSENT_WITHDRAWN, S.EXPIRED)
_RUNNING = [state for state in S if state not in END_STATES]
for _state in _RUNNING:
    TRANSITIONS[(_state, S.CONSENT_WITHDRAWN)] = frozenset({A.FAMILY})
    TRANSITIONS[(_state, S.EXPIRED)] = frozenset({A.SYSTEM})

ALLOWED_TRANSITIONS: dict[str, set[str]] = {}
for _old, _new in TRANSITIONS:
    ALLOWED_TRANSITIONS.setdefault(_old, set()).add(_new)

RUNNING_STATES = tuple(_RUNNING)
# Waiting for the receiving organisation's answer: the response clock runs.
AWAITING_ANSWER = (S.SENT, S.RECEIVED)
BEFORE_ACCEPTANCE = AWAITING_ANSWER
OUTCOMES = (S.GOT_HELP, S.NO_HELP, S.NOT_INTERESTED, S.NOT_REACHED)
# The states that e-mail the referrer (besides every change being visible on the referral).
NOTIFY_REFERRER = (S.ACCEPTED, S.DECLINED, S.CLOSED, S.CONSENT_WITHDRAWN, S.EXPIRED)


def can_transition(old: str, new: str, actor: str | None = None) -> bool:
    actors = TRANSITIONS.get((old, new))
    return actors is not None and (actor is None or actor in actors)


def next_states(old: str, actor: str) -> list[str]:
    """The states ``actor`` may move a referral in ``old`` to, in the order of the states."""
    return [state for state in S if can_transition(old, state, actor)]


def ensure_transition(old: str, new: str, actor: str) -> None:
    """Raise a ValidationError (in Dutch) when ``actor`` may not move ``old`` to ``new``."""
    workflow.check_transition(
        ReferralStatus,
        ALLOWED_TRANSITIONS,
        old,
        new,
        gettext("Een doorverwijzing met status “%(old)s” kan niet “%(new)s” worden."),
    )
    if actor not in TRANSITIONS[(old, new)]:
        raise ValidationError(
            gettext("De %(actor)s kan een doorverwijzing niet “%(new)s” maken.")
            % {"actor": Actor(actor).label, "new": ReferralStatus(new).label},
            code="actor",
        )
