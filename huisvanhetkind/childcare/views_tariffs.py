"""The income-related tariff: the desk enters a year's figures, families get an estimate."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from huisvanhetkind.childcare import access, selectors_tariffs, services_tariffs
from huisvanhetkind.childcare.forms_tariffs import EstimateForm, TariffYearForm
from huisvanhetkind.network.access import professional_required

ESTIMATE_FIELDS = ("inkomen", "uren", "dagen", "andere_kinderen", "sociaal")


def estimate(request):
    """Public: an estimate of the income-related price, from this year's tariff of the house."""
    house = request.house
    year = timezone.localdate().year
    tariff = selectors_tariffs.tariff_for(house, year)
    bound = any(name in request.GET for name in ESTIMATE_FIELDS)
    form = EstimateForm(request.GET if bound else None, initial={"andere_kinderen": 0})
    result = None
    if tariff is not None and bound and form.is_valid():
        data = form.cleaned_data
        result = selectors_tariffs.estimate(
            tariff,
            data["inkomen"],
            data["uren"],
            data["andere_kinderen"],
            social_tariff=data["sociaal"],
            days_per_month=data["dagen"],
        )
    return render(
        request,
        "childcare/tariffs/estimate.html",
        {"house": house, "year": year, "tariff": tariff, "form": form, "result": result},
        status=400 if tariff is not None and form.is_bound and form.errors else 200,
    )


@professional_required
def tariff_desk(request):
    """The desk enters or changes the figures of a year (``?jaar=`` picks the year)."""
    house = access.get_house_for_desk(request.user, request.house)
    years = selectors_tariffs.tariff_years(house)
    try:
        year = int(request.GET.get("jaar", ""))
    except ValueError:
        year = timezone.localdate().year
    if not services_tariffs.FIRST_YEAR <= year <= services_tariffs.LAST_YEAR:
        year = timezone.localdate().year
    current = next((tariff for tariff in years if tariff.year == year), None)
    initial = {"year": year}
    if current is not None:
        initial.update({name: getattr(current, name) for name in services_tariffs.FIELDS})
    form = TariffYearForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services_tariffs.tariff_year_save(
                house=house, actor=request.user, year=data["year"], data=data
            )
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                form.add_error(field if field in form.fields else None, problems)
        else:
            messages.success(
                request,
                _("Het inkomenstarief van %(year)s is bewaard.") % {"year": data["year"]},
            )
            return redirect(f"{request.path}?jaar={data['year']}")
    return render(
        request,
        "childcare/tariffs/desk.html",
        {"house": house, "years": years, "year": year, "current": current, "form": form},
        status=400 if form.is_bound and form.errors else 200,
    )
