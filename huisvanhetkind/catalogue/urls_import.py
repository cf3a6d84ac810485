"""The coordinator's CSV import of services (included under /beheer/huis/<house_slug>/aanbod/import/)."""

urlpatterns = []
