"""What a bridge worker holds for an organisation (see ``core.handover``): the families they
guide. When they leave the organisation, the caseload moves to a colleague bridge worker."""

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core import handover
from huisvanhetkind.guidance.services import caseloads_hand_over, handed_over_entries


def _holdings(user, organisation):
    return [
        (
            _("Gezinnen die deze persoon als brugfiguur begeleidt of begeleidde"),
            handed_over_entries(user=user, organisation=organisation).count(),
        )
    ]


def _transfer(from_user, to_user, organisation, actor):
    return caseloads_hand_over(
        actor=actor, from_user=from_user, to_user=to_user, organisation=organisation
    )


handover.register("guidance.caseload", holdings=_holdings, transfer=_transfer)
