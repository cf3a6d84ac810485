from django.urls import path

from huisvanhetkind.babytheek import views_public, views_staff

app_name = "babytheek"

P = "beheer/huis/<slug:house_slug>/babytheek/"
F = "<slug:house_slug>/babytheek/"
urlpatterns = [
    path(P, views_staff.index, name="staff_index"),
    path(P + "te-laat/", views_staff.overdue, name="staff_overdue"),
    path(P + "artikels/", views_staff.items, name="staff_items"),
    path(P + "artikels/nieuw/", views_staff.item_edit, name="staff_item_new"),
    path(P + "artikels/<int:pk>/", views_staff.item_edit, name="staff_item_edit"),
    path(P + "leden/", views_staff.members, name="staff_members"),
    path(P + "leden/nieuw/", views_staff.member_new, name="staff_member_new"),
    path(P + "leden/<int:pk>/betaald/", views_staff.member_paid, name="staff_member_paid"),
    path(P + "ontleningen/<int:pk>/uitlenen/", views_staff.lend, name="staff_lend"),
    path(P + "ontleningen/<int:pk>/terug/", views_staff.give_back, name="staff_return"),
    path(P + "ontleningen/<int:pk>/annuleren/", views_staff.cancel, name="staff_cancel"),
    # Public pages of a house: their first segment is any house slug.
    path(F, views_public.catalogue, name="catalogue"),
    path(F + "<int:pk>/reserveren/", views_public.reserve, name="reserve"),
    path(F + "<int:pk>/wachtlijst/", views_public.waitlist, name="waitlist"),
    path(F + "reservatie/<str:signed>/", views_public.reservation, name="reservation"),
    path(
        F + "reservatie/<str:signed>/annuleren/",
        views_public.reservation_cancel,
        name="reservation_cancel",
    ),
]
