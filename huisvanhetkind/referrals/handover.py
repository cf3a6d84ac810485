"""What a professional holds in referrals for an organisation (see ``core.handover``): the
running referrals they sent on its behalf and the ones they handle for it."""

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core import handover
from huisvanhetkind.referrals.services_handover import (
    handed_over_handled,
    handed_over_sent,
    referrals_hand_over,
)


def _holdings(user, organisation):
    return [
        (
            _("Lopende doorverwijzingen die deze persoon verstuurde"),
            handed_over_sent(user=user, organisation=organisation).count(),
        ),
        (
            _("Lopende doorverwijzingen die deze persoon behandelt"),
            handed_over_handled(user=user, organisation=organisation).count(),
        ),
    ]


def _transfer(from_user, to_user, organisation, actor):
    return referrals_hand_over(
        actor=actor, from_user=from_user, to_user=to_user, organisation=organisation
    )


handover.register("referrals.held", holdings=_holdings, transfer=_transfer)
