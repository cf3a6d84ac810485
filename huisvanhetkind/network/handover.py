"""What a professional holds in the network for an organisation: their seats in the house's
groups on its behalf (as member or lead). They go to the colleague who takes over."""

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core import handover
from huisvanhetkind.network.models import GroupMembership
from huisvanhetkind.network.services_groups import group_memberships_hand_over


def _holdings(user, organisation):
    memberships = GroupMembership.objects.filter(
        user=user, organisation=organisation
    ).select_related("group__house")
    return [
        (
            _("Lidmaatschap van groepen namens de organisatie"),
            [
                f"{m.group.name} ({m.group.house.name})"
                + (f" — {_('trekker')}" if m.is_lead else "")
                for m in memberships
            ],
        )
    ]


def _transfer(from_user, to_user, organisation, actor):
    return group_memberships_hand_over(
        actor=actor, from_user=from_user, to_user=to_user, organisation=organisation
    )


handover.register("network.group_memberships", holdings=_holdings, transfer=_transfer)
