"""Who manages an organisation's API keys: its own admins (and platform admins), nobody else."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from huisvanhetkind.api.models import ApiToken
from huisvanhetkind.network.access import is_organisation_admin
from huisvanhetkind.network.models import Organisation


def get_organisation_for_api_tokens(user, pk) -> Organisation:
    """The organisation whose keys ``user`` manages, or 404."""
    organisation = get_object_or_404(Organisation, pk=pk)
    if not is_organisation_admin(user, organisation):
        raise Http404
    return organisation


def get_api_token_for_admin(user, pk, token_pk) -> ApiToken:
    """A key of an organisation ``user`` manages, or 404."""
    organisation = get_organisation_for_api_tokens(user, pk)
    return get_object_or_404(
        ApiToken.objects.select_related("organisation"), pk=token_pk, organisation=organisation
    )
