"""URLs of the childcare desk: the tariff, the cost estimate and the figures (included by
``childcare.urls``)."""

from django.urls import path

from huisvanhetkind.childcare import views_figures, views_tariffs

urlpatterns: list = [
    path(
        "beheer/huis/<slug:house_slug>/kinderopvang/tarief/",
        views_tariffs.tariff_desk,
        name="tariff_desk",
    ),
    path(
        "beheer/huis/<slug:house_slug>/kinderopvang/cijfers/",
        views_figures.figures,
        name="figures",
    ),
    path("<slug:house_slug>/kinderopvang/kostprijs/", views_tariffs.estimate, name="estimate"),
]
