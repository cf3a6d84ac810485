"""The annual report (jaarverslag) of a house, for the readers of its plan (the coordinator, the
steering group and the house's active partners; ``access.get_house_for_reader``): a chooser of
the years with an annual plan, the report of a year as a print page, and the same template as a
PDF (``core.pdf``). Reads in ``selectors_report``."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from huisvanhetkind.core.pdf import pdf_response
from huisvanhetkind.network.access import professional_required
from huisvanhetkind.steering import access, selectors_report
from huisvanhetkind.steering.forms_report import ReportYearForm
from huisvanhetkind.steering.models import AnnualPlan


def _chooser(request, house, years, *, data=None, message="", status=200, year=None):
    form = ReportYearForm(
        data, years=years, initial={"jaar": year or (years[0] if years else None)}
    )
    if data is not None:
        form.is_valid()
    return render(
        request,
        "steering/report_index.html",
        {"house": house, "years": years, "form": form, "message": message},
        status=status,
    )


@professional_required
def report_index(request):
    """The years to choose from; ``?jaar=`` leads to that year's report."""
    house = access.get_house_for_reader(request.user, request.house)
    years = selectors_report.report_years(house)
    if "jaar" in request.GET:
        form = ReportYearForm(request.GET, years=years)
        if form.is_valid():
            return redirect(
                "steering:report", house_slug=house.slug, year=form.cleaned_data["jaar"]
            )
        return _chooser(request, house, years, data=request.GET, status=400)
    return _chooser(request, house, years)


def _report_context(request, year: int) -> dict:
    house = access.get_house_for_reader(request.user, request.house)
    if not selectors_report.FIRST_YEAR <= year <= selectors_report.LAST_YEAR:
        raise Http404
    plan = AnnualPlan.objects.select_related("period").filter(house=house, year=year).first()
    if plan is None:
        return {"house": house, "year": year, "plan": None}
    return {
        "house": house,
        "year": year,
        "plan": plan,
        "report": selectors_report.annual_report(house, plan),
        "made_on": timezone.localdate(),
    }


def _missing(request, context):
    years = selectors_report.report_years(context["house"])
    message = _("Voor %(year)s is er geen jaarplan, en dus geen jaarverslag.") % {
        "year": context["year"]
    }
    return _chooser(request, context["house"], years, message=message, status=404)


@professional_required
def report(request, year):
    context = _report_context(request, year)
    if context["plan"] is None:
        return _missing(request, context)
    return render(request, "steering/report.html", context)


@professional_required
def report_pdf(request, year):
    context = _report_context(request, year)
    if context["plan"] is None:
        return _missing(request, context)
    context["pdf"] = True
    return pdf_response(
        request,
        "steering/report.html",
        context,
        filename=f"jaarverslag-{context['house'].slug}-{year}",
    )
