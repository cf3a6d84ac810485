from django.urls import path

from huisvanhetkind.coverage import views

app_name = "coverage"

urlpatterns = [
    path("beheer/huis/<slug:house_slug>/aanbod-in-kaart/", views.heat_map, name="heat_map"),
    path(
        "beheer/huis/<slug:house_slug>/aanbod-in-kaart/hiaten/<str:gap_id>/",
        views.gap_mark,
        name="gap_mark",
    ),
    path(
        "beheer/huis/<slug:house_slug>/aanbod-in-kaart/bevolking/",
        views.population,
        name="population",
    ),
    path(
        "beheer/huis/<slug:house_slug>/aanbod-in-kaart/bevolking/importeren/",
        views.population_import,
        name="population_import",
    ),
]
