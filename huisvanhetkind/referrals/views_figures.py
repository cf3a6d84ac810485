"""The coordinator's referral figures for a period, as a page and as a CSV download."""

from urllib.parse import urlencode

from django import forms
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from huisvanhetkind.core import csv as safe_csv
from huisvanhetkind.network.access import get_house_for_coordinator, professional_required
from huisvanhetkind.referrals import figures as referral_figures
from huisvanhetkind.referrals.figures import Period, recent_period, year_period

# The first year the year filter offers.
FIRST_YEAR = 2020


class FiguresFilterForm(forms.Form):
    """The period: the last 12 months (nothing chosen), a year, or one month of a year."""

    jaar = forms.TypedChoiceField(
        label=gettext_lazy("Jaar"),
        coerce=int,
        required=False,
        error_messages={"invalid_choice": gettext_lazy("Kies een jaar uit de lijst.")},
    )
    maand = forms.TypedChoiceField(
        label=gettext_lazy("Maand"),
        coerce=int,
        required=False,
        choices=[("", gettext_lazy("het hele jaar"))] + list(MONTHS.items()),
        error_messages={"invalid_choice": gettext_lazy("Kies een maand uit de lijst.")},
    )

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jaar"].choices = [("", _("de laatste 12 maanden"))] + [
            (year, str(year)) for year in range(today.year, FIRST_YEAR - 1, -1)
        ]

    def clean(self):
        data = super().clean()
        if data.get("maand") and not data.get("jaar"):
            self.add_error("jaar", _("Kies ook het jaar van die maand."))
        return data

    def period(self, today) -> Period:
        """The period asked for; the last 12 months when nothing (valid) was asked."""
        if not self.is_bound or not self.is_valid() or not self.cleaned_data.get("jaar"):
            return recent_period(today)
        return year_period(self.cleaned_data["jaar"], self.cleaned_data.get("maand"))


def _csv_response(house, figures) -> HttpResponse:
    """The page's tables, one after the other, with the same hidden counts."""
    period = figures.period
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"doorverwijzingen-{house.slug}-{period.first:%Y-%m}-{period.last:%Y-%m}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    response.write("\ufeff")  # a byte order mark: spreadsheets then read the text as UTF-8
    writer = safe_csv.writer(response, delimiter=";")
    writer.writerow([_("Doorverwijzingen van %(house)s") % {"house": house.name}])
    writer.writerow([_("Periode"), period.label])
    writer.writerow([legend_small()])
    writer.writerow([legend_median()])
    for table in figures.tables:
        writer.writerow([])
        writer.writerow([table.title])
        writer.writerow(
            [
                table.heading,
                _("Doorverwijzingen"),
                *referral_figures.status_labels(),
                _("Mediaan werkdagen tot aanvaarden"),
                _("Aandeel afgesloten met “geholpen”"),
                *[
                    _("Geweigerd: %(reason)s") % {"reason": r}
                    for r in referral_figures.reason_labels()
                ],
            ]
        )
        for row in [*table.rows, table.total]:
            writer.writerow(
                [
                    row.label,
                    str(row.total),
                    *[str(cell) for cell in row.statuses],
                    str(row.median),
                    str(row.share),
                    *[str(cell) for cell in row.reasons],
                ]
            )
    return response


def legend_small() -> str:
    return _(
        "< 5: 1 tot 4 doorverwijzingen, niet getoond zodat geen gezin herkenbaar is. "
        "×: niet getoond zodat zo'n klein aantal niet uit een totaal te berekenen is (5 of meer)."
    )


def legend_median() -> str:
    return _(
        "Mediaan werkdagen tot aanvaarden: de werkdagen na de dag van versturen tot en met de "
        "dag van aanvaarden (0 is dezelfde dag), zonder weekends en feestdagen; getoond vanaf 5 "
        "aanvaarde doorverwijzingen."
    )


@professional_required
def figures(request):
    house = get_house_for_coordinator(request.user, request.house)
    today = timezone.localdate()
    form = FiguresFilterForm(request.GET or None, today=today)
    period = form.period(today)
    report = referral_figures.referral_figures(house, period)
    wants_csv = request.GET.get("formaat") == "csv"
    if wants_csv and not form.errors:
        return _csv_response(house, report)
    query = {"formaat": "csv"}
    if period.kind != "recent":
        query["jaar"] = period.first.year
        if period.kind == "month":
            query["maand"] = period.first.month
    return render(
        request,
        "referrals/figures.html",
        {
            "house": house,
            "form": form,
            "figures": report,
            "period": period,
            "csv_url": f"{request.path}?{urlencode(query)}",
            "status_labels": referral_figures.status_labels(),
            "reason_labels": referral_figures.reason_labels(),
            "legend_small": legend_small(),
            "legend_median": legend_median(),
        },
    )
