from django.urls import path

from huisvanhetkind.network import views

app_name = "network"

urlpatterns = [
    path("beheer/", views.dashboard, name="dashboard"),
    path(
        "beheer/huis/<slug:house_slug>/aanvragen/",
        views.application_queue,
        name="application_queue",
    ),
    path(
        "beheer/huis/<slug:house_slug>/aanvragen/<int:pk>/",
        views.application_detail,
        name="application",
    ),
    path("beheer/huis/<slug:house_slug>/audit/", views.audit_trail, name="audit_trail"),
    path(
        "beheer/huis/<slug:house_slug>/coordinatoren/",
        views.house_coordinators,
        name="house_coordinators",
    ),
    path("beheer/huis/<slug:house_slug>/partners/", views.house_partners, name="house_partners"),
    path(
        "beheer/partnerschappen/<int:pk>/",
        views.partnership_request,
        name="partnership_request",
    ),
    path("beheer/organisatie/<int:pk>/team/", views.team, name="team"),
    path(
        "beheer/organisatie/<int:pk>/profiel/",
        views.organisation_profile,
        name="organisation_profile",
    ),
    path(
        "beheer/organisatie/<int:pk>/team/<int:role_pk>/intrekken/",
        views.role_remove,
        name="role_remove",
    ),
    path("uitnodiging/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("<slug:house_slug>/partner-worden/", views.apply, name="apply"),
]
