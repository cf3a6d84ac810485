"""URLs of the childcare desk: rounds (included by ``childcare.urls``)."""

from django.urls import path

from huisvanhetkind.childcare import views_rounds

urlpatterns: list = [
    path(
        "beheer/huis/<slug:house_slug>/kinderopvang/rondes/",
        views_rounds.rounds,
        name="rounds",
    ),
    path(
        "beheer/huis/<slug:house_slug>/kinderopvang/rondes/<int:pk>/",
        views_rounds.round_report,
        name="round",
    ),
    path(
        "beheer/huis/<slug:house_slug>/kinderopvang/rondes/<int:pk>/invoer.json",
        views_rounds.round_input,
        name="round_input",
    ),
    path(
        "beheer/huis/<slug:house_slug>/kinderopvang/rondes/<int:pk>/uitkomst.json",
        views_rounds.round_result,
        name="round_result",
    ),
    path(
        "beheer/kinderopvang/plaatsingen/",
        views_rounds.provider_placements,
        name="placements",
    ),
    path(
        "beheer/kinderopvang/plaatsingen/<int:pk>/bevestigen/",
        views_rounds.placement_confirm,
        name="placement_confirm",
    ),
    path(
        "beheer/kinderopvang/plaatsingen/<int:pk>/weigeren/",
        views_rounds.placement_refuse,
        name="placement_refuse",
    ),
    path(
        "beheer/kinderopvang/<int:pk>/buiten-ronde/",
        views_rounds.placement_outside,
        name="placement_outside",
    ),
    path(
        "<slug:house_slug>/kinderopvang/aanvraag/<str:token>/aanbod/<int:pk>/",
        views_rounds.offer_answer,
        name="offer_answer",
    ),
]
