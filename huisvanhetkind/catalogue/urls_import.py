"""The coordinator's CSV import of services (included under /beheer/huis/<house_slug>/aanbod/import/)."""

from django.urls import path

from huisvanhetkind.catalogue import views_import

urlpatterns = [
    path("", views_import.upload, name="import"),
    path("voorbeeld/", views_import.preview, name="import_preview"),
    path("bewaren/", views_import.confirm, name="import_confirm"),
    path("sjabloon.csv", views_import.template, name="import_template"),
]
