from django.urls import path

from huisvanhetkind.premises import views

app_name = "premises"

P = "beheer/huis/<slug:house_slug>/zalen/"
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
]
