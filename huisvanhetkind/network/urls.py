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
        "beheer/huis/<slug:house_slug>/brugfiguren/",
        views.house_bridge_workers,
        name="house_bridge_workers",
    ),
    path(
        "beheer/huis/<slug:house_slug>/brugfiguren/<int:pk>/beeindigen/",
        views.house_bridge_worker_end,
        name="house_bridge_worker_end",
    ),
    path(
        "beheer/huis/<slug:house_slug>/loketten-kinderopvang/",
        views.house_childcare_desks,
        name="house_childcare_desks",
    ),
    path(
        "beheer/huis/<slug:house_slug>/loketten-kinderopvang/<int:pk>/opheffen/",
        views.house_childcare_desk_end,
        name="house_childcare_desk_end",
    ),
    path("beheer/huis/<slug:house_slug>/groepen/", views.house_groups, name="house_groups"),
    path("beheer/huis/<slug:house_slug>/groepen/<int:pk>/", views.house_group, name="house_group"),
    path(
        "beheer/huis/<slug:house_slug>/groepen/<int:pk>/opheffen/",
        views.house_group_delete,
        name="house_group_delete",
    ),
    path(
        "beheer/huis/<slug:house_slug>/groepen/<int:pk>/leden/<int:membership_pk>/",
        views.house_group_member,
        name="house_group_member",
    ),
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
