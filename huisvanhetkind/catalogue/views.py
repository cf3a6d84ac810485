from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from huisvanhetkind.catalogue import access, selectors, services
from huisvanhetkind.catalogue.forms import SearchTestForm, ServiceForm, SynonymForm
from huisvanhetkind.catalogue.jsonld import service_jsonld
from huisvanhetkind.catalogue.search.selectors import explain_query
from huisvanhetkind.catalogue.workflow import ALLOWED_TRANSITIONS, ServiceStatus
from huisvanhetkind.core.jsonld import jsonld_script_text
from huisvanhetkind.core.page_cache import shared_page
from huisvanhetkind.network import access as network_access
from huisvanhetkind.network.access import professional_required
from huisvanhetkind.questions.selectors import faq_questions

PAGE_SIZE = 20


@shared_page
def catalogue(request):
    """Public: the offer of a house, searchable and filterable, without an account."""
    house = request.house
    filters = selectors.CatalogueFilters.from_request(request.GET)
    ids, facets, house_offer = selectors.search_catalogue(house, filters)
    page = Paginator(ids, PAGE_SIZE).get_page(filters.page)
    page.object_list = selectors.result_cards(house_offer, list(page.object_list))
    return render(
        request,
        "catalogue/catalogue.html",
        {
            "house": house,
            "filters": filters,
            "facets": facets,
            "page": page,
            "page_params": filters.as_params(),
            "faq": faq_questions(house, filters.query, limit=3) if filters.query else [],
        },
    )


@shared_page
def service_detail(request, pk):
    house = request.house
    service = selectors.public_service(house, pk)
    if service is None:
        raise Http404
    url = request.build_absolute_uri(
        reverse("catalogue:service", kwargs={"house_slug": house.slug, "pk": pk})
    )
    return render(
        request,
        "catalogue/service_detail.html",
        {
            "house": house,
            "service": service,
            "show_professional": network_access.is_professional(request.user)
            and network_access.has_second_factor(request.user),
            "jsonld": jsonld_script_text(service_jsonld(service, url)),
        },
    )


@professional_required
def organisation_services(request, pk):
    organisation = network_access.get_organisation_for_member(request.user, pk)
    return render(
        request,
        "catalogue/organisation_services.html",
        {"organisation": organisation, "services": selectors.organisation_services(organisation)},
    )


@professional_required
def service_new(request, pk):
    organisation = network_access.get_organisation_for_member(request.user, pk)
    form = ServiceForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            service = services.service_create(
                organisation=organisation, actor=request.user, data=form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("'%(name)s' is bewaard als concept.") % {"name": service.name}
            )
            return redirect("catalogue:service_edit", pk=service.pk)
    return render(
        request, "catalogue/service_form.html", {"organisation": organisation, "form": form}
    )


@professional_required
def service_edit(request, pk):
    service = access.get_service_for_editing(request.user, pk)
    form = ServiceForm(request.POST or None, instance=service, organisation=service.organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services.service_update(service=service, actor=request.user, data=form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De wijzigingen zijn bewaard."))
            return redirect("catalogue:service_edit", pk=service.pk)
    service.refresh_from_db()
    return render(
        request,
        "catalogue/service_form.html",
        {
            "organisation": service.organisation,
            "service": service,
            "form": form,
            "transitions": [
                ServiceStatus(s) for s in sorted(ALLOWED_TRANSITIONS[ServiceStatus(service.status)])
            ],
            "history": selectors.service_history(service),
        },
    )


@require_POST
@professional_required
def service_status(request, pk):
    service = access.get_service_for_editing(request.user, pk)
    target = request.POST.get("status", "")
    if target not in ServiceStatus.values:
        messages.error(request, _("Onbekende status."))
    else:
        try:
            services.service_transition(service=service, actor=request.user, to=target)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("De status is nu '%(status)s'.") % {"status": ServiceStatus(target).label},
            )
    return redirect("catalogue:service_edit", pk=service.pk)


@require_POST
@professional_required
def service_verify(request, pk):
    service = access.get_service_for_editing(request.user, pk)
    services.service_verify(service=service, actor=request.user)
    messages.success(
        request, _("Bedankt: '%(name)s' staat als nagekeken genoteerd.") % {"name": service.name}
    )
    return redirect(
        _local_next(request) or reverse("catalogue:service_edit", kwargs={"pk": service.pk})
    )


def _local_next(request) -> str:
    """The ``next`` of a POST when it is a path on this site, else "" (no open redirect)."""
    target = request.POST.get("next", "")
    is_local = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    # Only a path: not "//host", not "/\\host", not a full URL even of this host.
    if is_local and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return ""


@professional_required
def house_services(request):
    house = network_access.get_house_for_coordinator(request.user, request.house)
    stale_only = request.GET.get("nakijken") == "1"
    return render(
        request,
        "catalogue/house_services.html",
        {
            "house": house,
            "services": selectors.house_services(house, stale_only=stale_only),
            "stale_only": stale_only,
        },
    )


@professional_required
def synonyms(request):
    house = network_access.get_house_for_coordinator(request.user, request.house)
    form = SynonymForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.synonym_save(house=house, actor=request.user, terms=form.cleaned_data["terms"])
        except ValidationError as error:
            form.add_error("terms", error)
        else:
            messages.success(request, _("De synoniemen zijn bewaard."))
            return redirect("catalogue:synonyms", house_slug=house.slug)
    test_form = SearchTestForm(request.GET or None)
    explanation = None
    if test_form.is_valid() and test_form.cleaned_data["q"]:
        explanation = explain_query(test_form.cleaned_data["q"], house=house)
    return render(
        request,
        "catalogue/synonyms.html",
        {
            "house": house,
            "synonyms": selectors.house_synonyms(house),
            "form": form,
            "test_form": test_form,
            "explanation": explanation,
        },
    )


@require_POST
@professional_required
def synonym_delete(request, pk):
    synonym = access.get_synonym_for_coordinator(request.user, request.house, pk)
    services.synonym_delete(synonym=synonym, actor=request.user)
    messages.success(request, _("De synoniemen zijn verwijderd."))
    return redirect("catalogue:synonyms", house_slug=request.house.slug)
