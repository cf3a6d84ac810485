from django.urls import include, path

from huisvanhetkind.catalogue import views

app_name = "catalogue"

urlpatterns = [
    path(
        "beheer/organisatie/<int:pk>/aanbod/",
        views.organisation_services,
        name="organisation_services",
    ),
    path("beheer/organisatie/<int:pk>/aanbod/nieuw/", views.service_new, name="service_new"),
    path("beheer/aanbod/<int:pk>/", views.service_edit, name="service_edit"),
    path("beheer/aanbod/<int:pk>/status/", views.service_status, name="service_status"),
    path("beheer/aanbod/<int:pk>/nagekeken/", views.service_verify, name="service_verify"),
    path("beheer/huis/<slug:house_slug>/aanbod/", views.house_services, name="house_services"),
    path("beheer/huis/<slug:house_slug>/synoniemen/", views.synonyms, name="synonyms"),
    path(
        "beheer/huis/<slug:house_slug>/synoniemen/<int:pk>/verwijderen/",
        views.synonym_delete,
        name="synonym_delete",
    ),
    path(
        "beheer/huis/<slug:house_slug>/aanbod/import/",
        include("huisvanhetkind.catalogue.urls_import"),
    ),
    # Public pages of a house last: their first segment is any house slug.
    path("<slug:house_slug>/aanbod/", views.catalogue, name="catalogue"),
    path("<slug:house_slug>/aanbod/<int:pk>/", views.service_detail, name="service"),
]
