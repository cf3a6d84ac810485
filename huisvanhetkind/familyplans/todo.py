"""What the family plan adds to a professional's to-do list (``core.todo``): the running plans
they are the contact of whose review date came, and the late agreements of their organisations
(theirs, or nobody's in particular), while the family's consent for that organisation runs and
the organisation sees the goal. Only numbers, never the family."""

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from huisvanhetkind.care.sharing import current_consent_q
from huisvanhetkind.core import todo
from huisvanhetkind.core.todo import TodoItem
from huisvanhetkind.familyplans.models import Action, FamilyPlan, PlanPartner
from huisvanhetkind.familyplans.services import goal_visible_to
from huisvanhetkind.familyplans.workflow import PlanStatus
from huisvanhetkind.network.access import member_organisation_ids


def _review_item(plan: FamilyPlan) -> TodoItem:
    return TodoItem(
        title=_("Gezinsplan #%(number)s: tijd voor de evaluatie") % {"number": plan.pk},
        url=reverse("familyplans:detail", kwargs={"pk": plan.pk}),
        due=plan.review_on,
        urgent=True,
        detail=_("evalueer het plan met het gezin en de partners"),
    )


def _action_item(action: Action) -> TodoItem:
    return TodoItem(
        title=_("Afspraak #%(action)s in gezinsplan #%(plan)s is te laat")
        % {"action": action.pk, "plan": action.plan_id},
        url=reverse("familyplans:detail", kwargs={"pk": action.plan_id}) + f"#afspraak-{action.pk}",
        due=action.due_on,
        urgent=True,
    )


def _more(left: int) -> TodoItem:
    return TodoItem(
        title=ngettext("en nog %(n)s in gezinsplannen", "en nog %(n)s in gezinsplannen", left)
        % {"n": left},
        url=reverse("familyplans:index"),
        count=left,
    )


def family_plan_items(user) -> list[TodoItem]:
    mine = member_organisation_ids(user)
    if not mine:
        return []
    today = timezone.localdate()
    current = PlanPartner.objects.filter(current_consent_q(today, "consent__"))
    reviews = FamilyPlan.objects.filter(
        status=PlanStatus.ACTIVE,
        keeper=user,
        review_on__lte=today,
        pk__in=current.filter(organisation_id__in=mine).values("plan_id"),
    ).order_by("review_on", "id")
    items = todo.capped(reviews, _review_item, more=_more)
    late = (
        Action.objects.late(today)
        .filter(plan__status=PlanStatus.ACTIVE, organisation_id__in=mine)
        .filter(Q(person=user) | Q(person__isnull=True))
        .select_related("goal__child")
        .prefetch_related("goal__visible_to")
        .order_by("due_on", "id")
    )
    allowed = {
        (part.plan_id, part.organisation_id)
        for part in current.filter(organisation_id__in=mine, plan__status=PlanStatus.ACTIVE)
    }
    visible = [
        action
        for action in late
        if (action.plan_id, action.organisation_id) in allowed
        and goal_visible_to(action.goal, action.organisation_id, today)
    ]
    if len(visible) > todo.LIMIT:
        return (
            items
            + [_action_item(a) for a in visible[: todo.LIMIT]]
            + [_more(len(visible) - todo.LIMIT)]
        )
    return items + [_action_item(a) for a in visible]


todo.register(
    "familyplans", heading=gettext_lazy("Gezinsplannen"), items=family_plan_items, position=19
)
