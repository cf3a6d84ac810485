from django.urls import path

from huisvanhetkind.activities import views, views_import

app_name = "activities"

urlpatterns = [
    path("beheer/activiteiten/", views.manage_activities, name="manage_activities"),
    path("beheer/activiteiten/<int:pk>/", views.manage_activity, name="manage_activity"),
    path("beheer/activiteiten/<int:pk>/wijzigen/", views.activity_edit, name="activity_edit"),
    path("beheer/activiteiten/moment/<int:pk>/", views.manage_session, name="manage_session"),
    path("beheer/activiteiten/moment/<int:pk>/export.csv", views.session_csv, name="session_csv"),
    path(
        "beheer/activiteiten/moment/<int:pk>/inschrijven/",
        views.session_register,
        name="session_register",
    ),
    path(
        "beheer/activiteiten/inschrijving/<int:pk>/annuleren/",
        views.registration_cancel,
        name="registration_cancel",
    ),
    path(
        "beheer/huis/<slug:house_slug>/activiteiten/nieuw/",
        views.activity_edit,
        name="activity_new",
    ),
    path(
        "beheer/huis/<slug:house_slug>/activiteiten/importeren/",
        views_import.choose,
        name="ical_import_choose",
    ),
    path(
        "beheer/huis/<slug:house_slug>/activiteiten/importeren/<int:organisation_pk>/",
        views_import.upload,
        name="ical_import",
    ),
    path(
        "beheer/huis/<slug:house_slug>/activiteiten/importeren/<int:organisation_pk>/voorbeeld/",
        views_import.preview,
        name="ical_import_preview",
    ),
    path(
        "beheer/huis/<slug:house_slug>/activiteiten/importeren/<int:organisation_pk>/bewaren/",
        views_import.confirm,
        name="ical_import_confirm",
    ),
    path(
        "beheer/huis/<slug:house_slug>/activiteiten/importeren/<int:organisation_pk>/"
        "import/<str:result_id>/",
        views_import.status,
        name="ical_import_status",
    ),
    path("beheer/huis/<slug:house_slug>/nieuws/", views.manage_news, name="manage_news"),
    path("beheer/huis/<slug:house_slug>/nieuws/nieuw/", views.news_edit, name="news_new"),
    path("beheer/huis/<slug:house_slug>/nieuws/<int:pk>/", views.news_edit, name="news_edit"),
    # Public pages of a house last: their first segment is any house slug.
    path("<slug:house_slug>/activiteiten/", views.calendar, name="calendar"),
    path("<slug:house_slug>/activiteiten/feed.ics", views.feed_ics, name="feed"),
    path("<slug:house_slug>/activiteiten/<int:pk>/", views.activity_detail, name="detail"),
    path(
        "<slug:house_slug>/activiteiten/moment/<int:pk>/inschrijven/",
        views.register,
        name="register",
    ),
    path(
        "<slug:house_slug>/activiteiten/moment/<int:pk>/agenda.ics",
        views.session_ics,
        name="session_ics",
    ),
    path(
        "<slug:house_slug>/activiteiten/inschrijving/<str:signed>/",
        views.manage,
        name="manage",
    ),
    path("<slug:house_slug>/nieuws/", views.news_list, name="news"),
    path("<slug:house_slug>/nieuws/feed.atom", views.news_feed, name="news_feed"),
    path("<slug:house_slug>/nieuws/<int:pk>/", views.news_detail, name="news_detail"),
]
