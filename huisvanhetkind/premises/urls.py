from django.urls import path

from huisvanhetkind.premises import views, views_hours

app_name = "premises"

P = "beheer/huis/<slug:house_slug>/zalen/"
H = "beheer/huis/<slug:house_slug>/permanenties/"
urlpatterns = [
    path(P, views.index, name="index"),
    path(P + "mijn-agenda/", views.partner_calendar, name="partner_calendar"),
    path(P + "overeenkomst/", views.agreement, name="agreement"),
    path(P + "nieuw/", views.room_new, name="room_new"),
    path(P + "voorwaarden/", views.terms, name="terms"),
    path(P + "aanvragen/", views.requests, name="requests"),
    path(P + "export.jsonld", views.export, name="export"),
    path(P + "<int:pk>/", views.room, name="room"),
    path(P + "<int:pk>/bewerken/", views.room_edit, name="room_edit"),
    path(P + "<int:pk>/reserveren/", views.book, name="book"),
    path(P + "<int:pk>/agenda.ics", views.room_feed, name="room_feed"),
    path(P + "reservaties/<int:pk>/beslissen/", views.decide, name="decide"),
    path(P + "reservaties/<int:pk>/categorie/", views.category, name="category"),
    path(P + "reservaties/<int:pk>/annuleren/", views.cancel, name="cancel"),
    path(P + "<int:pk>/agendalink/", views.room_link, name="room_link"),
    path(P + "mijn-agenda/agendalink/", views.organisation_link, name="organisation_link"),
    path(P + "agendalinks/<int:pk>/intrekken/", views.link_revoke, name="link_revoke"),
    # A secret link's feed, for calendar programs (no log-in).
    path(
        "<slug:house_slug>/zalen/agenda/<str:token>.ics",
        views.subscribed_feed,
        name="subscribed_feed",
    ),
    # Office hours: public, then the coordinator's pages.
    path("<slug:house_slug>/permanenties/", views_hours.hours, name="hours"),
    path("<slug:house_slug>/permanenties.json", views_hours.hours_json, name="hours_json"),
    path("<slug:house_slug>/permanenties/<slug:desk>.ics", views_hours.desk_feed, name="desk_feed"),
    path(H, views_hours.hours_manage, name="hours_manage"),
    path(H + "loketten/nieuw/", views_hours.desk_new, name="desk_new"),
    path(H + "loketten/<int:pk>/", views_hours.desk_manage, name="desk_manage"),
    path(H + "loketten/<int:pk>/bewerken/", views_hours.desk_edit, name="desk_edit"),
    path(H + "loketten/<int:pk>/verwijderen/", views_hours.desk_delete, name="desk_delete"),
    path(H + "loketten/<int:pk>/uren/nieuw/", views_hours.rule_new, name="rule_new"),
    path(H + "uren/<int:pk>/bewerken/", views_hours.rule_edit, name="rule_edit"),
    path(H + "uren/<int:pk>/verwijderen/", views_hours.rule_delete, name="rule_delete"),
    path(H + "sluitingen/nieuw/", views_hours.closure_new, name="closure_new"),
    path(H + "sluitingen/<int:pk>/verwijderen/", views_hours.closure_delete, name="closure_delete"),
]
