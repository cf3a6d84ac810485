from django.urls import path

from huisvanhetkind.api import views

app_name = "api_tokens"

urlpatterns = [
    path("beheer/organisatie/<int:pk>/api-sleutels/", views.api_tokens, name="list"),
    path(
        "beheer/organisatie/<int:pk>/api-sleutels/<int:token_pk>/intrekken/",
        views.api_token_revoke,
        name="revoke",
    ),
]
