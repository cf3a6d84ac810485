""" "Mijn gegevens": thin views over ``privacy.my_data``. Every page is reached only through a
signed link from the family's own mailbox; a tampered link is a 404, an old one a plain page."""

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from huisvanhetkind.core import throttle
from huisvanhetkind.core.digests import normalise_email
from huisvanhetkind.core.pdf import pdf_response
from huisvanhetkind.families.services import family_update
from huisvanhetkind.privacy import my_data
from huisvanhetkind.privacy.forms_my_data import ContactForm, EmailForm

PER_ADDRESS = 5
PER_CLIENT = 20
NO_STORE = "private, no-store"


def _no_store(response):
    response["Cache-Control"] = NO_STORE
    response["Referrer-Policy"] = "same-origin"
    return response


def _family(token):
    try:
        return my_data.family_for_view_link(token)
    except my_data.LinkInvalid as error:
        raise Http404 from error


def _expired(request):
    return _no_store(render(request, "privacy/my_data/expired.html", status=410))


@require_http_methods(["GET", "POST"])
def ask(request):
    form = EmailForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email, code = form.cleaned_data["email"], form.cleaned_data["code"]
        # The e-mail path counts the typed address; the code path counts the code (and, inside
        # ``link_request_by_code``, the address it finds, without telling).
        allowed = throttle.allow_client(request, "privacy.my_data.client", limit=PER_CLIENT) and (
            throttle.allow("privacy.my_data.email", normalise_email(email), limit=PER_ADDRESS)
            if email
            else throttle.allow("privacy.my_data.code", code, limit=PER_ADDRESS)
        )
        if not allowed:
            return _no_store(render(request, "privacy/my_data/throttled.html", status=429))

        def url_for(token):
            return request.build_absolute_uri(reverse("privacy:my_data", args=[token]))

        if email:
            my_data.link_request(email=email, url_for=url_for)
        else:
            my_data.link_request_by_code(code=code, url_for=url_for, address_limit=PER_ADDRESS)
        return redirect("privacy:my_data_sent")
    return _no_store(
        render(
            request, "privacy/my_data/ask.html", {"form": form}, status=400 if form.errors else 200
        )
    )


def sent(request):
    return _no_store(render(request, "privacy/my_data/sent.html"))


def overview(request, token):
    try:
        family = _family(token)
    except my_data.LinkExpired:
        return _expired(request)
    held = my_data.holdings_read(family=family, reason=_("mijn gegevens: overzicht"))
    return _no_store(
        render(
            request,
            "privacy/my_data/overview.html",
            {
                "token": token,
                "held": held,
                "plan": my_data.erasure_plan(held),
                "contact_form": ContactForm(
                    initial={
                        "name": family.name,
                        "email": family.email,
                        "phone": family.phone,
                        "address": family.address,
                        "language": family.language,
                    }
                ),
            },
        )
    )


def export_json(request, token):
    try:
        family = _family(token)
    except my_data.LinkExpired:
        return _expired(request)
    held = my_data.holdings_read(family=family, reason=_("mijn gegevens: export (JSON)"))
    response = HttpResponse(
        json.dumps(my_data.export_data(held), ensure_ascii=False, indent=2, default=str),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="mijn-gegevens.json"'
    return _no_store(response)


def export_pdf(request, token):
    try:
        family = _family(token)
    except my_data.LinkExpired:
        return _expired(request)
    held = my_data.holdings_read(family=family, reason=_("mijn gegevens: export (PDF)"))
    response = pdf_response(
        request,
        "privacy/my_data/export_pdf.html",
        {"data": my_data.export_data(held), "held": held},
        filename="mijn-gegevens",
    )
    return _no_store(response)


@require_http_methods(["GET", "POST"])
def contact(request, token):
    try:
        family = _family(token)
    except my_data.LinkExpired:
        return _expired(request)
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            family_update(
                family=family,
                data=form.cleaned_data,
                actor=None,
                reason=_("gewijzigd door het gezin via mijn gegevens"),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _(
                    "Je gegevens zijn aangepast. Vraag een nieuwe link als je je e-mailadres wijzigde."
                ),
            )
            family.refresh_from_db()
            return redirect("privacy:my_data", token=my_data.view_link_token(family))
    if request.method == "GET":
        form = ContactForm(
            initial={
                "name": family.name,
                "email": family.email,
                "phone": family.phone,
                "address": family.address,
                "language": family.language,
            }
        )
    return _no_store(
        render(
            request,
            "privacy/my_data/contact.html",
            {"form": form, "token": token},
            status=400 if form.errors else 200,
        )
    )


@require_POST
def consent_withdraw(request, token, consent_pk):
    try:
        family = _family(token)
    except my_data.LinkExpired:
        return _expired(request)
    if my_data.consent_withdraw(family=family, consent_pk=consent_pk) is None:
        raise Http404
    messages.success(
        request,
        _("Je toestemming is ingetrokken. Wat je deelde, wordt gewist."),
    )
    return redirect("privacy:my_data", token=token)


@require_POST
def erase_request(request, token):
    try:
        family = _family(token)
    except my_data.LinkExpired:
        return _expired(request)
    if not throttle.allow("privacy.my_data.erase", str(family.pk), limit=PER_ADDRESS):
        return _no_store(render(request, "privacy/my_data/throttled.html", status=429))
    my_data.erase_link_send(
        family=family,
        url_for=lambda erase_token: request.build_absolute_uri(
            reverse("privacy:my_data_erase", args=[erase_token])
        ),
    )
    messages.success(
        request,
        _("We stuurden je een e-mail. Bevestig het wissen met de link erin (30 minuten geldig)."),
    )
    return redirect("privacy:my_data", token=token)


@require_http_methods(["GET", "POST"])
def erase_confirm(request, erase_token):
    try:
        family, made = my_data.family_for_erase_link(erase_token)
    except my_data.LinkInvalid as error:
        raise Http404 from error
    except my_data.LinkExpired:
        return _expired(request)
    if request.method == "POST":
        try:
            plan = my_data.erase_confirm(family=family, made=made)
        except my_data.LinkExpired:
            return _expired(request)
        return _no_store(render(request, "privacy/my_data/erased.html", {"plan": plan}))
    held = my_data.holdings_read(family=family, reason=_("mijn gegevens: wissen bekijken"))
    return _no_store(
        render(request, "privacy/my_data/erase.html", {"plan": my_data.erasure_plan(held)})
    )


def readings(request, token):
    try:
        family = _family(token)
    except my_data.LinkExpired:
        return _expired(request)
    held = my_data.holdings_read(family=family, reason=_("mijn gegevens: wie las mijn gegevens"))
    return _no_store(
        render(
            request,
            "privacy/my_data/readings.html",
            {"token": token, "readings": my_data.readings(held)},
        )
    )
