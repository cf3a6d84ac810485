from django.urls import path

from huisvanhetkind.knowledge import views

app_name = "knowledge"

P = "beheer/huis/<slug:house_slug>/kennis/"

urlpatterns = [
    path(P, views.library, name="library"),
    path(P + "nieuw/", views.item_new, name="item_new"),
    path(P + "nieuwsbrief/", views.digest_choice, name="digest_choice"),
    path(P + "<int:pk>/", views.item_detail, name="item"),
    path(P + "<int:pk>/wijzigen/", views.item_edit, name="item_edit"),
    path(P + "<int:pk>/verwijderen/", views.item_delete, name="item_delete"),
    path(P + "<int:pk>/document/", views.document, name="document"),
    path(P + "vormingen/", views.trainings, name="trainings"),
    path(P + "vormingen/<int:pk>/inschrijven/", views.training_register, name="register"),
    path(P + "vormingen/<int:pk>/uitschrijven/", views.training_unregister, name="unregister"),
    path(P + "vormingen/<int:pk>/aanwezigheden/", views.attendance, name="attendance"),
    path(P + "vormingen/attest/<int:pk>/", views.certificate, name="certificate"),
]
