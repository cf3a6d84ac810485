from django.urls import path

from huisvanhetkind.appointments import views_desk, views_family

app_name = "appointments"

P = "beheer/huis/<slug:house_slug>/afspraken/"
D = P + "<int:desk_pk>/"
F = "<slug:house_slug>/afspraak/"
urlpatterns = [
    path(P, views_desk.index, name="staff_index"),
    path(D, views_desk.day, name="staff_day"),
    path(D + "instellingen/", views_desk.settings, name="staff_settings"),
    path(D + "onderwerpen/", views_desk.topics, name="staff_topics"),
    path(D + "onderwerpen/<int:pk>/", views_desk.topic_edit, name="staff_topic_edit"),
    path(D + "<int:pk>/aanduiden/", views_desk.mark, name="staff_mark"),
    path(D + "<int:pk>/annuleren/", views_desk.cancel, name="staff_cancel"),
    # Public pages of a house: their first segment is any house slug.
    path(F, views_family.desks, name="desks"),
    path(F + "mijn/<str:signed>/", views_family.mine, name="mine"),
    path(F + "mijn/<str:signed>/wijzigen/", views_family.change, name="change"),
    path(F + "mijn/<str:signed>/annuleren/", views_family.cancel, name="cancel"),
    path(F + "<slug:desk_slug>/", views_family.desk, name="desk"),
    path(F + "<slug:desk_slug>/<int:topic_pk>/", views_family.week, name="week"),
    path(F + "<slug:desk_slug>/<int:topic_pk>/boeken/", views_family.book, name="book"),
]
