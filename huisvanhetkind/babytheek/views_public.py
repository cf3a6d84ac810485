"""The family's pages of the babytheek (``/<house>/babytheek/``), without an account: the
catalogue, reserving an item, the waitlist, and the reservation behind the signed link of the
e-mail (see and cancel). They work without JavaScript."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from huisvanhetkind.babytheek import access, selectors, services
from huisvanhetkind.babytheek.forms import ReservationForm, WaitlistForm
from huisvanhetkind.babytheek.workflow import LoanStatus as S
from huisvanhetkind.core.forms import add_service_errors
from huisvanhetkind.core.http import private_response


def catalogue(request):
    house = request.house
    access.get_house_or_404(house)
    today = timezone.localdate()
    return render(
        request,
        "babytheek/catalogue.html",
        {"house": house, "entries": selectors.catalogue(house, today), "today": today},
    )


def reserve(request, pk):
    house = request.house
    item = access.get_public_item(house, pk)
    today = timezone.localdate()
    first_day = services.available_from(item, today)
    form = ReservationForm(request.POST or None, initial={"pickup_date": first_day})
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                loan, signed = services.loan_reserve(
                    actor=None,
                    house=house,
                    item=item,
                    pickup_date=data["pickup_date"],
                    name=data["name"],
                    email=data["email"],
                    phone=data["phone"],
                    postcode=data["postcode"],
                    new_membership=data["membership"] == "new",
                    social_tariff=data["social_tariff"],
                    today=today,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Je reservatie is bevestigd. Je krijgt een e-mail met deze link."),
                )
                return redirect(
                    reverse(
                        "babytheek:reservation", kwargs={"house_slug": house.slug, "signed": signed}
                    )
                )
    response = render(
        request,
        "babytheek/reserve.html",
        {"house": house, "item": item, "form": form, "first_day": first_day},
        status=status,
    )
    return private_response(response)


def waitlist(request, pk):
    house = request.house
    item = access.get_public_item(house, pk)
    form = WaitlistForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.waitlist_join(
                    actor=None,
                    house=house,
                    item=item,
                    name=form.cleaned_data["name"],
                    email=form.cleaned_data["email"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Je staat op de wachtlijst. Je krijgt een e-mail als het artikel vrij is."),
                )
                return redirect("babytheek:catalogue", house_slug=house.slug)
    response = render(
        request,
        "babytheek/waitlist.html",
        {"house": house, "item": item, "form": form},
        status=status,
    )
    return private_response(response)


def reservation(request, signed):
    house = request.house
    loan = access.get_loan_for_link(house, signed)
    return private_response(
        render(
            request,
            "babytheek/reservation.html",
            {
                "house": house,
                "loan": loan,
                "item": loan.item,
                "signed": signed,
                "can_cancel": loan.status == S.RESERVED,
            },
        )
    )


@require_POST
def reservation_cancel(request, signed):
    house = request.house
    loan = access.get_loan_for_link(house, signed)
    try:
        services.loan_cancel(actor=None, loan=loan)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("babytheek:reservation", house_slug=house.slug, signed=signed)
    messages.success(request, _("Je reservatie is geannuleerd."))
    return redirect("babytheek:catalogue", house_slug=house.slug)
