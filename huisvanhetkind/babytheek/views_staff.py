"""The volunteers' pages of the babytheek (``/beheer/huis/<house>/babytheek/``), for the house's
coordinator and bridge workers: the day list (pick-ups and returns), lending and taking back,
the overdue list, the items and the members.

Views are thin: access in ``access``, writes in ``services``, reads (audited) in ``selectors``."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from huisvanhetkind.babytheek import access, selectors, services
from huisvanhetkind.babytheek.forms import ItemForm, MembershipForm, ReturnForm
from huisvanhetkind.core.forms import add_service_errors
from huisvanhetkind.core.http import private_response
from huisvanhetkind.network.access import professional_required


def _render(request, template, context, status=200):
    return private_response(render(request, template, context, status=status))


def _day(request) -> date:
    try:
        return date.fromisoformat(request.GET.get("dag", ""))
    except ValueError:
        return timezone.localdate()


@professional_required
def index(request):
    house = access.get_house_for_staff(request.user, request.house)
    day = _day(request)
    return _render(
        request,
        "babytheek/staff_index.html",
        {
            "house": house,
            "day": day,
            "today": timezone.localdate(),
            "return_form": ReturnForm(),
            **selectors.day_list(request.user, house, day),
        },
    )


@professional_required
def overdue(request):
    house = access.get_house_for_staff(request.user, request.house)
    today = timezone.localdate()
    return _render(
        request,
        "babytheek/staff_overdue.html",
        {
            "house": house,
            "loans": selectors.overdue(request.user, house, today),
            "return_form": ReturnForm(),
        },
    )


@professional_required
def items(request):
    house = access.get_house_for_staff(request.user, request.house)
    return _render(
        request,
        "babytheek/staff_items.html",
        {
            "house": house,
            "entries": selectors.catalogue(house, timezone.localdate(), active_only=False),
        },
    )


@professional_required
def item_edit(request, pk=None):
    house = access.get_house_for_staff(request.user, request.house)
    item = access.get_item_for_staff(request.user, house, pk) if pk else None
    form = ItemForm(request.POST or None, request.FILES or None, instance=item)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = {name: form.cleaned_data[name] for name in form.Meta.fields}
            if not request.FILES.get("photo"):
                data.pop("photo")
            try:
                if item is None:
                    services.item_create(actor=request.user, house=house, data=data)
                else:
                    item.refresh_from_db()
                    services.item_update(actor=request.user, item=item, data=data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Het artikel is bewaard."))
                return redirect("babytheek:staff_items", house_slug=house.slug)
    return _render(
        request,
        "babytheek/staff_item_form.html",
        {"house": house, "item": item, "form": form},
        status=status,
    )


@professional_required
def members(request):
    house = access.get_house_for_staff(request.user, request.house)
    return _render(
        request,
        "babytheek/staff_members.html",
        {"house": house, **selectors.memberships(request.user, house, timezone.localdate())},
    )


@professional_required
def member_new(request):
    house = access.get_house_for_staff(request.user, request.house)
    form = MembershipForm(request.POST or None, initial={"valid_from": timezone.localdate()})
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.membership_create(actor=request.user, house=house, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Het lidmaatschap is bewaard."))
                return redirect("babytheek:staff_members", house_slug=house.slug)
    return _render(
        request, "babytheek/staff_member_form.html", {"house": house, "form": form}, status
    )


@professional_required
@require_POST
def member_paid(request, pk):
    membership = access.get_membership_for_staff(request.user, request.house, pk)
    services.membership_set_paid(
        actor=request.user, membership=membership, fee_paid=request.POST.get("paid") == "yes"
    )
    messages.success(request, _("Het lidmaatschap is bijgewerkt."))
    return redirect("babytheek:staff_members", house_slug=request.house.slug)


def _back(request, house):
    day = request.POST.get("dag", "")
    target = "babytheek:staff_overdue" if request.POST.get("from") == "overdue" else None
    if target:
        return redirect(target, house_slug=house.slug)
    response = redirect("babytheek:staff_index", house_slug=house.slug)
    if day:
        response["Location"] += f"?dag={_day_param(day)}"
    return response


def _day_param(value: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        return timezone.localdate().isoformat()


@professional_required
@require_POST
def lend(request, pk):
    loan = access.get_loan_for_staff(request.user, request.house, pk)
    try:
        services.loan_lend(actor=request.user, loan=loan)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Uitgeleend: %(item)s.") % {"item": loan.item.name})
    return _back(request, loan.item.house)


@professional_required
@require_POST
def give_back(request, pk):
    loan = access.get_loan_for_staff(request.user, request.house, pk)
    form = ReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("De opmerking is te lang (hoogstens 300 tekens)."))
        return _back(request, loan.item.house)
    try:
        services.loan_return(actor=request.user, loan=loan, note=form.cleaned_data["note"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Teruggebracht: %(item)s.") % {"item": loan.item.name})
    return _back(request, loan.item.house)


@professional_required
@require_POST
def cancel(request, pk):
    loan = access.get_loan_for_staff(request.user, request.house, pk)
    try:
        services.loan_cancel(actor=request.user, loan=loan)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("De reservatie is geannuleerd."))
    return _back(request, loan.item.house)
