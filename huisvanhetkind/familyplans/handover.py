"""What a professional holds in family plans for an organisation (see ``core.handover``): the
running plans they are the contact of, and the running agreements they are the person of."""

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core import handover
from huisvanhetkind.familyplans.services import held_actions, held_plans, plans_hand_over


def _holdings(user, organisation):
    return [
        (
            _("Gezinsplannen waarvan deze persoon aanspreekpunt is"),
            held_plans(user=user, organisation=organisation).count(),
        ),
        (
            _("Afspraken in gezinsplannen die deze persoon uitvoert"),
            held_actions(user=user, organisation=organisation).count(),
        ),
    ]


def _transfer(from_user, to_user, organisation, actor):
    return plans_hand_over(
        actor=actor, from_user=from_user, to_user=to_user, organisation=organisation
    )


handover.register("familyplans.plans", holdings=_holdings, transfer=_transfer)
