from django.urls import path

from huisvanhetkind.childcare import urls_requests, urls_rounds, urls_tariffs, urls_urgent, views

app_name = "childcare"

urlpatterns = [
    path("beheer/kinderopvang/", views.provider_locations, name="provider_locations"),
    path("beheer/kinderopvang/<int:pk>/plaatsen/", views.provider_places, name="provider_places"),
    path("beheer/kinderopvang/<int:pk>/gegevens/", views.provider_details, name="provider_details"),
    path("beheer/huis/<slug:house_slug>/kinderopvang/", views.desk, name="desk"),
    path(
        "beheer/huis/<slug:house_slug>/kinderopvang/importeren/",
        views.import_upload,
        name="import",
    ),
    path(
        "beheer/huis/<slug:house_slug>/kinderopvang/importeren/voorbeeld/",
        views.import_preview,
        name="import_preview",
    ),
    path(
        "beheer/huis/<slug:house_slug>/kinderopvang/importeren/bevestigen/",
        views.import_confirm,
        name="import_confirm",
    ),
    path(
        "beheer/huis/<slug:house_slug>/kinderopvang/importeren/<int:pk>/",
        views.import_status,
        name="import_status",
    ),
    path(
        "beheer/huis/<slug:house_slug>/kinderopvang/importeren/opvanglocaties.csv",
        views.import_template,
        name="import_template",
    ),
    *urls_requests.urlpatterns,
    *urls_urgent.urlpatterns,
    *urls_rounds.urlpatterns,
    *urls_tariffs.urlpatterns,
    # Public pages of a house last: their first segment is any house slug.
    path("<slug:house_slug>/kinderopvang/", views.offer, name="offer"),
    path("<slug:house_slug>/kinderopvang/<int:pk>/", views.location, name="location"),
]
