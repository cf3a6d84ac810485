from django.urls import path

from huisvanhetkind.privacy import views

app_name = "privacy"

urlpatterns = [
    path("privacy/", views.statement, name="statement"),
    path(
        "beheer/huis/<slug:house_slug>/verwerkingsregister/",
        views.record,
        name="record",
    ),
    path(
        "beheer/huis/<slug:house_slug>/verwerkingsregister.csv",
        views.record_csv,
        name="record_csv",
    ),
]
