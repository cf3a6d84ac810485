"""What a professional holds in questions for an organisation (see ``core.handover``): the
parents' questions assigned to them and the routing rules that assign new ones to them."""

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core import handover
from huisvanhetkind.questions.services_handover import (
    handed_over_questions,
    handed_over_rules,
    questions_hand_over,
)


def _holdings(user, organisation):
    return [
        (
            _("Vragen van ouders toegewezen aan deze persoon"),
            handed_over_questions(user=user, organisation=organisation).count(),
        ),
        (
            _("Verdeelregels die nieuwe vragen aan deze persoon toewijzen"),
            handed_over_rules(user=user, organisation=organisation).count(),
        ),
    ]


def _transfer(from_user, to_user, organisation, actor):
    return questions_hand_over(
        actor=actor, from_user=from_user, to_user=to_user, organisation=organisation
    )


handover.register("questions.assigned", holdings=_holdings, transfer=_transfer)
