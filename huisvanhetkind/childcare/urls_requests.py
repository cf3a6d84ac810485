"""URLs of the childcare desk: requests (included by ``childcare.urls``)."""

from django.urls import path

from huisvanhetkind.childcare import views_requests as views

urlpatterns: list = [
    path("beheer/kinderopvang/aanvragen/", views.provider_requests, name="provider_requests"),
    path(
        "beheer/kinderopvang/aanvragen/<int:pk>/",
        views.provider_request,
        name="provider_request",
    ),
    path(
        "beheer/huis/<slug:house_slug>/kinderopvang/aanvragen/",
        views.desk_requests,
        name="desk_requests",
    ),
    path(
        "beheer/huis/<slug:house_slug>/kinderopvang/aanvragen/<int:pk>/",
        views.desk_request,
        name="desk_request",
    ),
    # The family (no account): the form and the private link.
    path("<slug:house_slug>/kinderopvang/aanvraag/", views.request_new, name="request_new"),
    path(
        "<slug:house_slug>/kinderopvang/aanvraag/<str:token>/",
        views.request_private,
        name="request_private",
    ),
    path(
        "<slug:house_slug>/kinderopvang/aanvraag/<str:token>/wijzigen/",
        views.request_change,
        name="request_change",
    ),
    path(
        "<slug:house_slug>/kinderopvang/aanvraag/<str:token>/intrekken/",
        views.request_withdraw,
        name="request_withdraw",
    ),
    path(
        "<slug:house_slug>/kinderopvang/aanvraag/<str:token>/bevestigen/",
        views.request_confirm,
        name="request_confirm",
    ),
]
