"""The public API: each app contributes its router."""

from ninja import NinjaAPI

from huisvanhetkind.catalogue.api import router as hsds_router

api = NinjaAPI(
    title="Huis van het Kind",
    version="1.0",
    description="Open data of the Huizen van het Kind: the offer in Open Referral HSDS 3.0.",
    urls_namespace="api",
    docs_url="/docs",
)

api.add_router("/hsds/", hsds_router)
