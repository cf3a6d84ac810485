"""The needs (``/beheer/huis/<house>/noden/``) and reach (``.../bereik/``) of a house for its
coordinator and steering group, the coordinator's open-data switch, and the public open-data
page (``/<house>/open-data/``) with its CSV and JSON downloads.

Views are thin: access in ``access_figures``, reads in ``selectors_needs``/``selectors_reach``,
the switch in ``services_open_data``."""

import io
import json

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from huisvanhetkind.core import csv as safe_csv
from huisvanhetkind.core.http import private_response
from huisvanhetkind.coverage.selectors import as_json, coverage_matrix
from huisvanhetkind.network.access import is_coordinator, professional_required
from huisvanhetkind.participation import access_figures, selectors_needs, selectors_reach
from huisvanhetkind.participation.figures import SMALL
from huisvanhetkind.participation.forms_open_data import OpenDataForm
from huisvanhetkind.participation.selectors import released_surveys, released_table
from huisvanhetkind.participation.services_open_data import open_data_setting, set_open_data

LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/deed.nl"
COVERAGE_KEYS = ("domain", "age_group", "municipality", "services", "organisations")


def _open_data_context(request, house, form=None) -> dict:
    coordinator = is_coordinator(request.user, house)
    setting = open_data_setting(house)
    if coordinator and form is None:
        form = OpenDataForm(initial={"publiceren": "ja" if setting.enabled else "nee"})
    return {"open_data": setting, "open_data_form": form if coordinator else None}


@professional_required
def needs(request):
    house = access_figures.get_house_for_figures(request.user, request.house)
    overview = selectors_needs.needs_overview(house)
    return private_response(
        render(
            request,
            "participation/needs/needs.html",
            {"house": house, "overview": overview, **_open_data_context(request, house)},
        )
    )


@professional_required
def reach(request, form=None, status=200):
    house = access_figures.get_house_for_figures(request.user, request.house)
    table = selectors_reach.reach_table(house)
    return private_response(
        render(
            request,
            "participation/reach/reach.html",
            {"house": house, "reach": table, **_open_data_context(request, house, form)},
            status=status,
        )
    )


@professional_required
def reach_csv(request):
    house = access_figures.get_house_for_figures(request.user, request.house)
    stream = io.StringIO()
    safe_csv.writer(stream).writerows(selectors_reach.csv_rows(selectors_reach.reach_table(house)))
    response = HttpResponse(stream.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="bereik-{house.slug}.csv"'
    return private_response(response)


@professional_required
@require_POST
def open_data_switch(request):
    house = access_figures.get_house_for_open_data_setting(request.user, request.house)
    form = OpenDataForm(request.POST)
    if not form.is_valid():
        return reach(request, form=form, status=400)
    enabled = form.cleaned_data["publiceren"]
    set_open_data(house=house, enabled=enabled, actor=request.user)
    if enabled:
        messages.success(request, _("Het huis publiceert zijn cijfers nu als open data."))
    else:
        messages.success(request, _("Het huis publiceert geen open data meer."))
    return redirect("participation:reach", house_slug=house.slug)


# Public pages -------------------------------------------------------------------------------


FORMATS = ("csv", "json")


def _safe_cell(value):
    """A count of 1 to 4 people never leaves the house, not even a question's total."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value < SMALL:
        return "< 5"
    return value


def _survey_tables(house) -> list[tuple]:
    return [
        (survey, [[_safe_cell(value) for value in row] for row in released_table(survey)])
        for survey in released_surveys(house)
    ]


def open_data(request):
    house, setting = access_figures.get_open_house(request.house)
    return render(
        request,
        "participation/opendata/open_data.html",
        {
            "house": house,
            "setting": setting,
            "licence_url": LICENCE_URL,
            "surveys": [survey for survey, rows in _survey_tables(house) if rows],
        },
    )


def _download(content: str, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _coverage_rows(house) -> list[dict]:
    return as_json(coverage_matrix(house))["cells"]


def open_data_coverage(request, fmt):
    house, _setting = access_figures.get_open_house(request.house)
    if fmt not in FORMATS:
        raise Http404
    cells = _coverage_rows(house)
    name = f"aanbod-{house.slug}"
    if fmt == "json":
        body = {
            "house": house.slug,
            "licence": "CC-BY-4.0",
            "licence_url": LICENCE_URL,
            "generated_at": timezone.now().isoformat(timespec="seconds"),
            "cells": cells,
        }
        return _download(
            json.dumps(body, ensure_ascii=False, indent=1),
            "application/json; charset=utf-8",
            f"{name}.json",
        )
    stream = io.StringIO()
    writer = safe_csv.writer(stream)
    keys = list(cells[0].keys()) if cells else list(COVERAGE_KEYS)
    writer.writerow(keys)
    writer.writerows([[cell[k] for k in keys] for cell in cells])
    return _download(stream.getvalue(), "text/csv; charset=utf-8", f"{name}.csv")


def open_data_survey(request, pk, fmt):
    house, _setting = access_figures.get_open_house(request.house)
    if fmt not in FORMATS:
        raise Http404
    found = [(s, rows) for s, rows in _survey_tables(house) if str(s.pk) == str(pk) and rows]
    if not found:
        raise Http404
    survey, rows = found[0]
    name = f"bevraging-{house.slug}-{survey.pk}"
    if fmt == "json":
        header, *body = rows
        body = {
            "house": house.slug,
            "survey": survey.title,
            "closed_at": survey.closes_at.isoformat(timespec="seconds"),
            "licence": "CC-BY-4.0",
            "licence_url": LICENCE_URL,
            "columns": header,
            "rows": body,
        }
        return _download(
            json.dumps(body, ensure_ascii=False, indent=1, default=str),
            "application/json; charset=utf-8",
            f"{name}.json",
        )
    stream = io.StringIO()
    safe_csv.writer(stream).writerows(rows)
    return _download(stream.getvalue(), "text/csv; charset=utf-8", f"{name}.csv")
