"""The public API: each app contributes its router."""

from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import ValidationError
from ninja.openapi.docs import Swagger

from huisvanhetkind.catalogue.api import PARAMETER_ERROR
from huisvanhetkind.catalogue.api import router as hsds_router

api = NinjaAPI(
    title="Huis van het Kind",
    version="1.0",
    description="Open data of the Huizen van het Kind: the offer in Open Referral HSDS 3.0.",
    urls_namespace="api",
    docs_url="/docs",
    # Swagger UI from ninja's static files ("ninja" is an installed app, so no CDN), without
    # the badge that asks validator.swagger.io about our document.
    docs=Swagger(settings={"validatorUrl": None}),
)

api.add_router("/hsds/", hsds_router)


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
