"""URLs of the childcare desk: urgent requests (included by ``childcare.urls``)."""

from django.urls import path

from huisvanhetkind.childcare import views_urgent

urlpatterns = [
    path("beheer/kinderopvang/dringend/", views_urgent.urgent_provider, name="urgent_provider"),
    path("beheer/kinderopvang/dringend/nieuw/", views_urgent.urgent_file, name="urgent_file"),
    path(
        "beheer/kinderopvang/dringend/<int:pk>/aanbieden/<int:location_pk>/",
        views_urgent.urgent_offer,
        name="urgent_offer",
    ),
    path(
        "beheer/huis/<slug:house_slug>/kinderopvang/dringend/",
        views_urgent.urgent_desk,
        name="urgent_desk",
    ),
    path(
        "beheer/huis/<slug:house_slug>/kinderopvang/dringend/<int:pk>/",
        views_urgent.urgent_detail,
        name="urgent_detail",
    ),
    path(
        "beheer/huis/<slug:house_slug>/kinderopvang/dringend/<int:pk>/plaatsen/",
        views_urgent.urgent_place,
        name="urgent_place",
    ),
    path(
        "beheer/huis/<slug:house_slug>/kinderopvang/dringend/<int:pk>/geen-plaats/",
        views_urgent.urgent_no_place,
        name="urgent_no_place",
    ),
    # Public pages of a house (their first segment is any house slug).
    path("<slug:house_slug>/kinderopvang/dringend/", views_urgent.urgent_new, name="urgent_new"),
    path(
        "<slug:house_slug>/kinderopvang/dringend/<str:token>/",
        views_urgent.urgent_private,
        name="urgent_private",
    ),
    path(
        "<slug:house_slug>/kinderopvang/dringend/<str:token>/intrekken/",
        views_urgent.urgent_withdraw,
        name="urgent_withdraw",
    ),
]
