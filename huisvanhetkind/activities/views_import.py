"""An organiser imports their own iCalendar feed (file or URL): upload, preview, confirm.

The calendar (at most 2 MB) is kept in the session between the preview and the confirm step.
A file is imported when the preview is confirmed, so what is saved is what was previewed,
checked against the data of that moment. A URL is fetched again and imported by the background
worker (``tasks.import_ical_url``): the page then shows the import's status until it is done.
The preview of a URL is fetched in the request, bounded by the fetch deadline.
"""

import base64
import hashlib

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_tasks import TaskResultStatus
from django_tasks.exceptions import TaskResultDoesNotExist, TaskResultMismatch

from huisvanhetkind.activities import access, ical_import, tasks
from huisvanhetkind.activities.forms import IcalConfirmForm, IcalImportForm
from huisvanhetkind.network.access import professional_required

SESSION_KEY = "activities_ical_import"
# Background imports that had finished when they were started (TASKS_BACKEND=immediate keeps no
# results): {result id: {"house", "organisation", "outcome"}}, the last few only.
RESULTS_KEY = "activities_ical_import_results"
KEPT_RESULTS = 5


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _stored(request, house, organisation):
    """The calendar kept for this house and organisation: (content, source) or None."""
    stored = request.session.get(SESSION_KEY)
    if not stored or (stored.get("house"), stored.get("organisation")) != (
        house.pk,
        organisation.pk,
    ):
        return None
    return base64.b64decode(stored["content"]), stored["source"], stored.get("url", False)


def _import(request, house, organisation, content: bytes, source: str, *, dry_run: bool):
    return ical_import.ical_import(
        house=house,
        organisation=organisation,
        data=content,
        source=source,
        actor=request.user,
        dry_run=dry_run,
    )


@professional_required
def choose(request):
    """Which organisation's calendar: straight on when there is only one."""
    house = request.house
    if house is None:
        raise Http404
    organisations = list(access.importable_organisations(request.user, house))
    if not organisations:
        raise Http404
    if len(organisations) == 1:
        return redirect(
            "activities:ical_import", house_slug=house.slug, organisation_pk=organisations[0].pk
        )
    return render(
        request,
        "activities/ical_import_choose.html",
        {"house": house, "organisations": organisations},
    )


@professional_required
def upload(request, organisation_pk):
    house = request.house
    organisation = access.get_organisation_for_import(request.user, house, organisation_pk)
    if request.method != "POST":
        return _upload_page(request, house, organisation, IcalImportForm())
    request.session.pop(SESSION_KEY, None)  # a new upload replaces the one kept
    form = IcalImportForm(request.POST, request.FILES)
    if form.is_valid():
        upload_file, url = form.cleaned_data["file"], form.cleaned_data["url"]
        field = "file" if upload_file else "url"
        try:
            if upload_file:
                content, source = upload_file.read(), upload_file.name
            else:
                content, source = ical_import.fetch(url), url
            _import(request, house, organisation, content, source, dry_run=True)
        except ValidationError as error:
            form.add_error(field, error)
        else:
            request.session[SESSION_KEY] = {
                "house": house.pk,
                "organisation": organisation.pk,
                "content": base64.b64encode(content).decode("ascii"),
                "source": source,
                "url": not upload_file,
            }
            return redirect(
                "activities:ical_import_preview",
                house_slug=house.slug,
                organisation_pk=organisation.pk,
            )
    return _upload_page(request, house, organisation, form, status=400)


def _upload_page(request, house, organisation, form, *, status=200):
    return render(
        request,
        "activities/ical_import.html",
        {"house": house, "organisation": organisation, "form": form},
        status=status,
    )


def _preview(request, house, organisation, stored, report, *, status=200):
    content, source, is_url = stored
    return render(
        request,
        "activities/ical_import_preview.html",
        {
            "house": house,
            "organisation": organisation,
            "source": source,
            "is_url": is_url,
            "report": report,
            "form": IcalConfirmForm(initial={"digest": _digest(content)}),
        },
        status=status,
    )


@professional_required
def preview(request, organisation_pk):
    house = request.house
    organisation = access.get_organisation_for_import(request.user, house, organisation_pk)
    stored = _stored(request, house, organisation)
    if stored is None:
        messages.info(request, _("Kies eerst een agendabestand of een webadres."))
        return redirect(
            "activities:ical_import", house_slug=house.slug, organisation_pk=organisation.pk
        )
    content, source, _is_url = stored
    report = _import(request, house, organisation, content, source, dry_run=True)
    return _preview(request, house, organisation, stored, report)


@professional_required
@require_POST
def confirm(request, organisation_pk):
    house = request.house
    organisation = access.get_organisation_for_import(request.user, house, organisation_pk)
    stored = _stored(request, house, organisation)
    form = IcalConfirmForm(request.POST)
    if stored is None or not form.is_valid() or form.cleaned_data["digest"] != _digest(stored[0]):
        messages.error(
            request,
            _("Dit is niet (meer) de agenda die je bekeek. Kies ze opnieuw."),
        )
        return redirect(
            "activities:ical_import", house_slug=house.slug, organisation_pk=organisation.pk
        )
    content, source, is_url = stored
    if is_url:
        return _start_background_import(request, house, organisation, source)
    report = _import(request, house, organisation, content, source, dry_run=False)
    if not report.saved:  # something changed since the preview
        return _preview(request, house, organisation, stored, report, status=400)
    del request.session[SESSION_KEY]
    messages.success(
        request, _("De agenda is geïmporteerd: %(summary)s.") % {"summary": report.summary()}
    )
    return redirect("activities:manage_activities")


def _start_background_import(request, house, organisation, url):
    result = tasks.import_ical_url.enqueue(
        house_id=house.pk,
        organisation_id=organisation.pk,
        user_id=request.user.pk,
        url=url,
        language=get_language(),
    )
    del request.session[SESSION_KEY]
    if result.is_finished:  # run already (TASKS_BACKEND=immediate), and kept nowhere else
        kept = dict(list(request.session.get(RESULTS_KEY, {}).items())[-(KEPT_RESULTS - 1) :])
        kept[result.id] = {
            "house": house.pk,
            "organisation": organisation.pk,
            "state": _state(result),
            "outcome": _outcome(result),
        }
        request.session[RESULTS_KEY] = kept
    return redirect(
        "activities:ical_import_status",
        house_slug=house.slug,
        organisation_pk=organisation.pk,
        result_id=result.id,
    )


def _state(result) -> str:
    if result.status == TaskResultStatus.SUCCESSFUL:
        return "done"
    if result.status == TaskResultStatus.FAILED:
        return "failed"
    return "running" if result.status == TaskResultStatus.RUNNING else "waiting"


def _outcome(result) -> dict | None:
    return result.return_value if result.status == TaskResultStatus.SUCCESSFUL else None


def _import_for(request, house, organisation, result_id: str):
    """(state, outcome) of a background import of this organisation's calendar, or 404."""
    kept = request.session.get(RESULTS_KEY, {}).get(result_id)
    if kept is not None:
        if (kept["house"], kept["organisation"]) != (house.pk, organisation.pk):
            raise Http404
        return kept["state"], kept["outcome"]
    try:
        result = tasks.import_ical_url.get_result(result_id)
    except (TaskResultDoesNotExist, TaskResultMismatch, NotImplementedError) as error:
        raise Http404 from error
    if (result.kwargs.get("house_id"), result.kwargs.get("organisation_id")) != (
        house.pk,
        organisation.pk,
    ):
        raise Http404
    return _state(result), _outcome(result)


@professional_required
def status(request, organisation_pk, result_id):
    """How a background import is doing, and its result when it is done. Only people who may
    import for the organisation see it."""
    house = request.house
    organisation = access.get_organisation_for_import(request.user, house, organisation_pk)
    state, outcome = _import_for(request, house, organisation, result_id)
    return render(
        request,
        "activities/ical_import_status.html",
        {"house": house, "organisation": organisation, "state": state, "outcome": outcome},
    )
