"""Who may see which care path, step, offer and template. Every access rule of the care paths
lives here, and the one rule of care coordination comes from ``care.sharing``.

A path (the family's name, its steps and history) is seen by the people of an organisation that
takes part in it (started it, holds one of its steps, or is offered one now) while the family's
consent for that organisation is current, checked at every read: an expired or withdrawn
consent hides the path from that organisation at once. Everybody else, the coordinator of the
house included, gets the same 404 whether the path exists or not. The coordinator manages the
house's templates and reads counts only.
"""

from django.http import Http404
from django.utils import timezone

from huisvanhetkind.carepaths.models import CarePath, PathTemplate, StepHandover, StepTemplate
from huisvanhetkind.carepaths.selectors import visible_organisation_ids
from huisvanhetkind.network.access import get_house_for_coordinator, member_organisation_ids
from huisvanhetkind.network.models import Organisation

LARGEST_ID = 2**31 - 1


def _mine(user, pk) -> set[int]:
    if not user.is_authenticated:
        raise Http404
    mine = member_organisation_ids(user)
    if not mine or not 0 < int(pk) <= LARGEST_ID:
        raise Http404
    return mine


def get_path_for_user(user, pk, today=None) -> tuple[CarePath, list[Organisation]]:
    """The path and the user's organisations that see it (the one that started it first), or
    Http404."""
    mine = _mine(user, pk)
    path = (
        CarePath.objects.select_related("house", "template", "family", "started_by_organisation")
        .filter(pk=pk)
        .first()
    )
    if path is None:
        raise Http404
    seeing = visible_organisation_ids(mine, path, today or timezone.localdate())
    if not seeing:
        raise Http404
    organisations = sorted(
        Organisation.objects.filter(pk__in=seeing),
        key=lambda o: (o.pk != path.started_by_organisation_id, o.name),
    )
    return path, organisations


def get_step_for_user(user, path_pk, step_pk, today=None):
    """A step of a path the user sees, with the path and the user's seeing organisations."""
    path, organisations = get_path_for_user(user, path_pk, today)
    if not 0 < int(step_pk) <= LARGEST_ID:
        raise Http404
    step = path.steps.select_related("organisation").filter(pk=step_pk).first()
    if step is None:
        raise Http404
    step.path = path
    return step, path, organisations


def get_handover_for_user(user, path_pk, pk, today=None):
    """An offer of a step of a path the user sees."""
    path, organisations = get_path_for_user(user, path_pk, today)
    if not 0 < int(pk) <= LARGEST_ID:
        raise Http404
    handover = (
        StepHandover.objects.select_related("step", "from_organisation", "to_organisation")
        .filter(pk=pk, step__path=path)
        .first()
    )
    if handover is None:
        raise Http404
    handover.step.path = path
    return handover, path, organisations


def get_house_for_templates(user, house):
    """The house whose templates and figures the user (its coordinator) manages, or Http404."""
    if not user.is_authenticated:
        raise Http404
    return get_house_for_coordinator(user, house)


def get_template_for_coordinator(user, house, pk) -> PathTemplate:
    get_house_for_templates(user, house)
    if not 0 < int(pk) <= LARGEST_ID:
        raise Http404
    template = PathTemplate.objects.select_related("house").filter(pk=pk, house=house).first()
    if template is None:
        raise Http404
    return template


def get_step_template_for_coordinator(
    user, house, pk, step_pk
) -> tuple[PathTemplate, StepTemplate]:
    template = get_template_for_coordinator(user, house, pk)
    if not 0 < int(step_pk) <= LARGEST_ID:
        raise Http404
    step = template.steps.filter(pk=step_pk).first()
    if step is None:
        raise Http404
    return template, step
