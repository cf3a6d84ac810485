"""What the surveys add to a professional's to-do list (``core.todo``): per survey they author,
the free-text answers waiting for a person to review them (one query, a count per survey)."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from huisvanhetkind.core import todo
from huisvanhetkind.core.todo import TodoItem
from huisvanhetkind.network.access import coordinated_house_ids, member_organisation_ids
from huisvanhetkind.participation.models import Answer
from huisvanhetkind.participation.workflow import ReviewStatus


def review_items(user) -> list[TodoItem]:
    houses, mine = coordinated_house_ids(user), member_organisation_ids(user)
    if not houses and not mine:
        return []
    survey = "question__section__survey"
    rows = (
        Answer.objects.filter(review=ReviewStatus.PENDING, erased_at__isnull=True)
        .filter(
            Q(**{f"{survey}__house_id__in": houses}) | Q(**{f"{survey}__organisation_id__in": mine})
        )
        .values(f"{survey}_id", f"{survey}__title", f"{survey}__house__slug")
        .annotate(n=Count("pk"))
        .order_by(f"{survey}__title")[:20]
    )
    return [
        TodoItem(
            title=ngettext(
                "%(n)s vrij antwoord na te lezen: %(survey)s",
                "%(n)s vrije antwoorden na te lezen: %(survey)s",
                row["n"],
            )
            % {"n": row["n"], "survey": row[f"{survey}__title"]},
            url=reverse(
                "participation:review",
                kwargs={"house_slug": row[f"{survey}__house__slug"], "pk": row[f"{survey}_id"]},
            ),
            count=row["n"],
            detail=_("pas na het nalezen komen ze bij de resultaten"),
        )
        for row in rows
    ]


todo.register("participation", heading=gettext_lazy("Bevragingen"), items=review_items, position=50)
