"""What a professional holds in the signal index for an organisation (see ``core.handover``):
the live signals they are the contact of (and with them the lead role)."""

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.care.services import handed_over_signals, signals_hand_over
from huisvanhetkind.core import handover


def _holdings(user, organisation):
    return [
        (
            _("Signalen in de signaalindex waarvan deze persoon contactpersoon is"),
            handed_over_signals(user=user, organisation=organisation).count(),
        )
    ]


def _transfer(from_user, to_user, organisation, actor):
    return signals_hand_over(
        actor=actor, from_user=from_user, to_user=to_user, organisation=organisation
    )


handover.register("care.signals", holdings=_holdings, transfer=_transfer)
