"""An organisation's admin makes and revokes the organisation's API keys."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from huisvanhetkind.api import access, selectors, services
from huisvanhetkind.api.forms import ApiTokenForm
from huisvanhetkind.core.http import private_response
from huisvanhetkind.network.access import professional_required


@professional_required
def api_tokens(request, pk):
    """The keys of an organisation, and a form for a new one; a new key is shown once, on the
    answer to the form (never cached)."""
    organisation = access.get_organisation_for_api_tokens(request.user, pk)
    form = ApiTokenForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, new_key = services.api_token_create(
                actor=request.user, organisation=organisation, name=form.cleaned_data["name"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            form = ApiTokenForm()
    response = render(
        request,
        "api/tokens.html",
        {
            "organisation": organisation,
            "tokens": selectors.organisation_api_tokens(organisation).select_related("created_by"),
            "form": form,
            "new_key": new_key,
        },
    )
    return private_response(response)


@professional_required
@require_POST
def api_token_revoke(request, pk, token_pk):
    token = access.get_api_token_for_admin(request.user, pk, token_pk)
    services.api_token_revoke(actor=request.user, token=token)
    messages.success(
        request,
        _("De sleutel “%(name)s” is ingetrokken: hij werkt niet meer.") % {"name": token.name},
    )
    return redirect("api_tokens:list", pk=token.organisation_id)
