from django.http import HttpResponse
from django.shortcuts import render

from huisvanhetkind.core import csv as safe_csv
from huisvanhetkind.network import access
from huisvanhetkind.privacy import selectors


def statement(request):
    return render(
        request,
        "privacy/statement.html",
        {
            "sections": selectors.statement_sections(),
            "categories": selectors.categories_overview(),
        },
    )


@access.professional_required
def record(request):
    house = access.get_house_for_coordinator(request.user, request.house)
    return render(
        request,
        "privacy/record.html",
        {
            "house": house,
            "columns": selectors.record_columns(),
            "rows": selectors.record_rows(),
        },
    )


@access.professional_required
def record_csv(request):
    house = access.get_house_for_coordinator(request.user, request.house)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="verwerkingsregister-{house.slug}.csv"'
    response["Cache-Control"] = "private, no-store"
    response.write("\ufeff")  # a byte order mark: spreadsheets then read the text as UTF-8
    writer = safe_csv.writer(response, delimiter=";")
    writer.writerow(selectors.record_columns())
    writer.writerows(selectors.record_rows())
    return response
