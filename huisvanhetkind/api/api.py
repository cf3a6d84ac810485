"""The public API: each app contributes its router."""

from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError
from ninja.openapi.docs import Swagger

from huisvanhetkind.api.auth import ApiTokenAuth
from huisvanhetkind.catalogue.api import PARAMETER_ERROR
from huisvanhetkind.catalogue.api import router as hsds_router
from huisvanhetkind.referrals.api import router as referrals_router

api = NinjaAPI(
    title="Huis van het Kind",
    version="1.0",
    description=(
        "Open data of the Huizen van het Kind: the offer in Open Referral HSDS 3.0. "
        "For a partner organisation, with its API key: the referrals it received, in FHIR R4B."
    ),
    urls_namespace="api",
    docs_url="/docs",
    # Swagger UI from ninja's static files ("ninja" is an installed app, so no CDN), without
    # the badge that asks validator.swagger.io about our document.
    docs=Swagger(settings={"validatorUrl": None}),
)

api.add_router("/hsds/", hsds_router)
# An organisation's own referrals: only with its API key (read-only, every use audited).
api.add_router("/referrals/", referrals_router, auth=ApiTokenAuth())


@api.exception_handler(ValidationError)
def bad_parameter(request, exc: ValidationError):
    """A parameter that does not validate: 400 with one Dutch message, as every other bad
    value of this API gets (not the framework's 422 with pydantic's English list)."""
    error = exc.errors[0] if exc.errors else {}
    if error.get("type") == PARAMETER_ERROR:
        message = error["msg"]
    else:
        name = str(error.get("loc", ("", "?"))[-1])
        message = _("De parameter '%(name)s' heeft een ongeldige waarde.") % {"name": name}
    return api.create_response(request, {"detail": message}, status=400)


@api.exception_handler(AuthenticationError)
def no_valid_key(request, exc: AuthenticationError):
    """No key, or one that is unknown or revoked: 401 with a Dutch message."""
    response = api.create_response(
        request,
        {
            "detail": _(
                "Geef een geldige API-sleutel van je organisatie mee (Authorization: Bearer "
                "<sleutel>); een onbekende of ingetrokken sleutel werkt niet."
            )
        },
        status=401,
    )
    response["WWW-Authenticate"] = 'Bearer realm="api"'
    return response
