"""The offer in kaart: the heat map with its table, the gaps and overlaps; the coordinator's
marks and population figures. Thin: access, a selector or a service, a template."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from huisvanhetkind.core.forms import add_service_errors
from huisvanhetkind.coverage import access, charts, population_csv, selectors, services
from huisvanhetkind.coverage.forms import GapStatusForm, PopulationFigureForm, PopulationImportForm
from huisvanhetkind.network.access import is_coordinator, professional_required
from huisvanhetkind.network.models import AgeGroup, Domain

MAX_OVERLAPS_SHOWN = 50


def _names(house):
    return {
        "domains": dict(Domain.objects.values_list("slug", "name")),
        "age_groups": dict(AgeGroup.objects.values_list("slug", "name")),
        "municipalities": dict(house.municipalities.values_list("nis_code", "name")),
    }


def _labelled(rows, names):
    for row in rows:
        row["domain_name"] = names["domains"].get(row["domain"], row["domain"])
        row["age_group_name"] = names["age_groups"].get(row["age_group"], row["age_group"])
        row["municipality_name"] = names["municipalities"].get(
            row["municipality"], row["municipality"]
        )
    return rows


@professional_required
def heat_map(request):
    house = access.get_house_for_reader(request.user, request.house)
    matrix = selectors.coverage_matrix(house)
    names = _names(house)
    municipalities = selectors.house_municipalities(house)
    chosen = request.GET.get("gemeente", "")
    codes = [m.nis_code for m in municipalities]
    if chosen not in codes:
        chosen = codes[0] if codes else ""
    grid = selectors.heat_map(house, matrix, chosen) if chosen else None
    services_by_pk = selectors.overlap_services(house, matrix)
    overlaps = _labelled(matrix["overlaps"][:MAX_OVERLAPS_SHOWN], names)
    for overlap in overlaps:
        overlap["members"] = [
            {"pk": pk, "name": services_by_pk[pk][1], "organisation": services_by_pk[pk][2]}
            for pk in overlap["service_pks"]
            if pk in services_by_pk
        ]
    return render(
        request,
        "coverage/heat_map.html",
        {
            "house": house,
            "grid": grid,
            "layout": charts.layout(grid) if grid else None,
            "rows": _grid_rows(grid) if grid else [],
            "municipalities": municipalities,
            "chosen": chosen,
            "gaps": _labelled(matrix["gaps"], names),
            "overlaps": overlaps,
            "overlap_count": len(matrix["overlaps"]),
            "may_mark": is_coordinator(request.user, house),
        },
    )


def _grid_rows(grid):
    return [
        {
            "name": domain_name,
            "cells": [
                grid.counts.get((domain_slug, age_slug), {}) for age_slug, _n in grid.age_groups
            ],
        }
        for domain_slug, domain_name in grid.domains
    ]


@professional_required
def gap_mark(request, gap_id):
    house = access.get_house_for_marker(request.user, request.house)
    cell = selectors.gap_cell(house, gap_id)
    if cell is None:
        raise Http404
    matrix = selectors.coverage_matrix(house)
    gap = next((g for g in matrix["gaps"] if g["id"] == gap_id), None)
    current = next(
        (c for c in matrix["cells"] if all(c[k] == cell[k] for k in cell)), {**cell, "services": 0}
    )
    mark = gap["mark"] if gap else selectors.gap_mark(house, gap_id)
    initial = {"gap_id": gap_id}
    if mark:
        initial.update(status=mark.status, note=mark.note)
    form = GapStatusForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            if form.cleaned_data["gap_id"] != gap_id:
                form.add_error(None, _("Dit formulier hoort bij een ander hiaat."))
            else:
                try:
                    services.gap_status_set(
                        actor=request.user,
                        house=house,
                        gap_id=gap_id,
                        status=form.cleaned_data["status"],
                        note=form.cleaned_data["note"],
                    )
                except ValidationError as error:
                    add_service_errors(form, error)
                else:
                    messages.success(request, _("De status van het hiaat is bewaard."))
                    return redirect("coverage:heat_map", house_slug=house.slug)
    names = _names(house)
    return render(
        request,
        "coverage/gap_mark.html",
        {
            "house": house,
            "gap_id": gap_id,
            "gap": gap,
            "cell": _labelled([dict(current)], names)[0],
            "mark": mark,
            "form": form,
        },
        status=status,
    )


@professional_required
def population(request):
    house = access.get_house_for_marker(request.user, request.house)
    form = PopulationFigureForm(request.POST or None, house=house)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.population_figure_set(actor=request.user, house=house, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Het bevolkingscijfer is bewaard."))
                return redirect("coverage:population", house_slug=house.slug)
    return render(
        request,
        "coverage/population.html",
        {
            "house": house,
            "form": form,
            "import_form": PopulationImportForm(),
            "figures": selectors.population_figures(house),
        },
        status=status,
    )


@professional_required
def population_import(request):
    """A POST of a CSV shows a preview (nothing saved); a POST with ``confirm`` saves it."""
    house = access.get_house_for_marker(request.user, request.house)
    if request.method != "POST":
        return redirect("coverage:population", house_slug=house.slug)
    form = PopulationImportForm(request.POST, request.FILES)
    parsed = None
    if form.is_valid():
        parsed = population_csv.parse(
            form.cleaned_data["content"],
            nis_codes=set(house.municipalities.values_list("nis_code", flat=True)),
            age_groups=list(AgeGroup.objects.all()),
        )
        if not parsed.errors and request.POST.get("confirm") == "1":
            try:
                written = services.population_figures_import(
                    actor=request.user,
                    house=house,
                    year=form.cleaned_data["year"],
                    totals=parsed.totals,
                )
            except ValidationError as error:
                parsed.errors.extend(error.messages)
            else:
                messages.success(
                    request,
                    _("%(count)s bevolkingscijfers zijn bewaard.") % {"count": written},
                )
                return redirect("coverage:population", house_slug=house.slug)
    names = _names(house)
    preview = []
    if parsed and not parsed.errors:
        preview = [
            {
                "municipality": names["municipalities"].get(nis, nis),
                "nis": nis,
                "age_group": names["age_groups"].get(slug, slug),
                "count": count,
            }
            for (nis, slug), count in sorted(parsed.totals.items())
        ]
    ok = parsed is not None and not parsed.errors
    return render(
        request,
        "coverage/population_import.html",
        {
            "house": house,
            "form": form,
            "parsed": parsed,
            "preview": preview,
            "content": form.cleaned_data.get("content", "") if ok else "",
        },
        status=200 if ok else 400,
    )
