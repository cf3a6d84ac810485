from django.urls import path

from huisvanhetkind.activities import views_import, views_organiser, views_public

app_name = "activities"

urlpatterns = [
    path("beheer/activiteiten/", views_organiser.manage_activities, name="manage_activities"),
    path("beheer/activiteiten/<int:pk>/", views_organiser.manage_activity, name="manage_activity"),
    path(
        "beheer/activiteiten/<int:pk>/wijzigen/",
        views_organiser.activity_edit,
        name="activity_edit",
    ),
    path(
        "beheer/activiteiten/moment/<int:pk>/",
        views_organiser.manage_session,
        name="manage_session",
    ),
    path(
        "beheer/activiteiten/moment/<int:pk>/export.csv",
        views_organiser.session_csv,
        name="session_csv",
    ),
    path(
        "beheer/activiteiten/moment/<int:pk>/inschrijven/",
        views_organiser.session_register,
        name="session_register",
    ),
    path(
        "beheer/activiteiten/inschrijving/<int:pk>/annuleren/",
        views_organiser.registration_cancel,
        name="registration_cancel",
    ),
    path(
        "beheer/huis/<slug:house_slug>/activiteiten/nieuw/",
        views_organiser.activity_edit,
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
    path("beheer/huis/<slug:house_slug>/nieuws/", views_organiser.manage_news, name="manage_news"),
    path("beheer/huis/<slug:house_slug>/nieuws/nieuw/", views_organiser.news_edit, name="news_new"),
    path(
        "beheer/huis/<slug:house_slug>/nieuws/<int:pk>/",
        views_organiser.news_edit,
        name="news_edit",
    ),
    # Public pages of a house last: their first segment is any house slug.
    path("<slug:house_slug>/activiteiten/", views_public.calendar, name="calendar"),
    path("<slug:house_slug>/activiteiten/feed.ics", views_public.feed_ics, name="feed"),
    path("<slug:house_slug>/activiteiten/<int:pk>/", views_public.activity_detail, name="detail"),
    path(
        "<slug:house_slug>/activiteiten/moment/<int:pk>/inschrijven/",
        views_public.register,
        name="register",
    ),
    path(
        "<slug:house_slug>/activiteiten/moment/<int:pk>/agenda.ics",
        views_public.session_ics,
        name="session_ics",
    ),
    path(
        "<slug:house_slug>/activiteiten/inschrijving/<str:signed>/",
        views_public.manage,
        name="manage",
    ),
    path(
        "<slug:house_slug>/activiteiten/inschrijving/<str:signed>/inschrijving.pdf",
        views_public.manage_pdf,
        name="manage_pdf",
    ),
    path("<slug:house_slug>/nieuws/", views_public.news_list, name="news"),
    path("<slug:house_slug>/nieuws/feed.atom", views_public.news_feed, name="news_feed"),
    path("<slug:house_slug>/nieuws/<int:pk>/", views_public.news_detail, name="news_detail"),
]
