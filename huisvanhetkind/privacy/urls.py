from django.urls import path

from huisvanhetkind.privacy import views, views_my_data, views_requests

R = "beheer/huis/<slug:house_slug>/privacyverzoeken/"

app_name = "privacy"

urlpatterns = [
    path("mijn-gegevens/", views_my_data.ask, name="my_data_ask"),
    path("mijn-gegevens/verstuurd/", views_my_data.sent, name="my_data_sent"),
    path(
        "mijn-gegevens/wissen/<str:erase_token>/", views_my_data.erase_confirm, name="my_data_erase"
    ),
    path("mijn-gegevens/<str:token>/", views_my_data.overview, name="my_data"),
    path("mijn-gegevens/<str:token>/export.json", views_my_data.export_json, name="my_data_json"),
    path("mijn-gegevens/<str:token>/export.pdf", views_my_data.export_pdf, name="my_data_pdf"),
    path("mijn-gegevens/<str:token>/contact/", views_my_data.contact, name="my_data_contact"),
    path(
        "mijn-gegevens/<str:token>/toestemming/<int:consent_pk>/intrekken/",
        views_my_data.consent_withdraw,
        name="my_data_consent_withdraw",
    ),
    path(
        "mijn-gegevens/<str:token>/wissen/",
        views_my_data.erase_request,
        name="my_data_erase_request",
    ),
    path("mijn-gegevens/<str:token>/wie-las/", views_my_data.readings, name="my_data_readings"),
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
    path(R, views_requests.requests, name="requests"),
    path(R + "nieuw/", views_requests.request_new, name="request_new"),
    path(R + "<int:pk>/", views_requests.request_detail, name="request"),
    path(R + "<int:pk>/in-behandeling/", views_requests.request_start, name="request_start"),
    path(R + "<int:pk>/verlengen/", views_requests.request_extend, name="request_extend"),
    path(R + "<int:pk>/antwoord/", views_requests.request_answer, name="request_answer"),
]
