"""The childcare figures for the desk and the coordinator, as a page and as a CSV download."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from huisvanhetkind.childcare import access, selectors_figures
from huisvanhetkind.core import csv as safe_csv
from huisvanhetkind.network.access import professional_required


def legend_small() -> str:
    return _(
        "< 5: 1 tot 4 kinderen, niet getoond zodat geen gezin herkenbaar is. "
        "×: niet getoond zodat zo'n klein aantal niet uit een som te berekenen is (5 of meer)."
    )


def legend_median() -> str:
    return _(
        "Mediaan wachttijd: de helft van de kinderen wachtte korter, de helft langer, in dagen "
        "van de aanvraag tot het gezin de plaats aanvaardde; getoond vanaf 5 plaatsingen."
    )


def _csv_response(house, figures) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"kinderopvang-{house.slug}-{figures.period.first:%Y-%m}-{figures.period.last:%Y-%m}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    response.write("\ufeff")  # spreadsheets then read the text as UTF-8
    writer = safe_csv.writer(response, delimiter=";")
    writer.writerow([_("Kinderopvang in cijfers: %(house)s") % {"house": house.name}])
    writer.writerow([_("Periode"), figures.period.label])
    writer.writerow([legend_small()])
    writer.writerow([legend_median()])
    for table in figures.tables:
        writer.writerow([])
        writer.writerow([table.title])
        writer.writerow(
            [
                table.heading,
                _("Open vragen (nu)"),
                _("Plaatsingen aanvaard"),
                _("Waarvan sociaal tarief aangevinkt"),
                _("Mediaan wachttijd (dagen)"),
            ]
        )
        for row in table.rows:
            writer.writerow(
                [row.label, str(row.open), str(row.placed), str(row.social), str(row.median)]
            )
    writer.writerow([])
    writer.writerow([_("Onvervulde vraag per maand")])
    writer.writerow([_("Maand"), _("Gemeente"), _("Kinderen zonder plaats")])
    for row in figures.unmet:
        writer.writerow([row.month_label, row.municipality.name, str(row.count)])
    writer.writerow([])
    writer.writerow([_("Dringende vragen")])
    writer.writerow(
        [
            _("Maand van de antwoordtermijn"),
            _("Dringende vragen"),
            _("Op tijd beantwoord"),
            _("Niet op tijd"),
        ]
    )
    for row in figures.urgent:
        writer.writerow([row.month_label, str(row.due), str(row.in_time), str(row.late)])
    return response


@professional_required
def figures(request):
    house = access.get_house_for_desk(request.user, request.house)
    report = selectors_figures.childcare_figures(house)
    if request.GET.get("formaat") == "csv":
        return _csv_response(house, report)
    return render(
        request,
        "childcare/figures/figures.html",
        {
            "house": house,
            "figures": report,
            "legend_small": legend_small(),
            "legend_median": legend_median(),
        },
    )
