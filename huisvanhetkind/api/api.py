"""The public API: each app contributes its router."""

from ninja import NinjaAPI

api = NinjaAPI(
    title="Huis van het Kind",
    version="1.0",
    description="Open data of the Huizen van het Kind: the offer in Open Referral HSDS 3.0.",
    urls_namespace="api",
    docs_url="/docs",
)
