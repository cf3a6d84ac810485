from django.urls import path

from huisvanhetkind.guidance import views

app_name = "guidance"

urlpatterns = [
    # The bridge worker: their caseload, one family and its actions.
    path("beheer/brugfiguur/", views.caseload, name="caseload"),
    path("beheer/brugfiguur/gezin/<int:pk>/", views.caseload_detail, name="detail"),
    path("beheer/brugfiguur/gezin/<int:pk>/doorverwijzen/", views.caseload_refer, name="refer"),
    path(
        "beheer/brugfiguur/gezin/<int:pk>/<slug:action>/",
        views.caseload_action,
        name="action",
    ),
    # Per house: a new family, the signals to policy, the coordinator's counts.
    path("beheer/huis/<slug:house_slug>/brugfiguur/nieuw/", views.caseload_new, name="new"),
    path("beheer/huis/<slug:house_slug>/beleidssignalen/", views.signals, name="signals"),
    path(
        "beheer/huis/<slug:house_slug>/beleidssignalen/nieuw/",
        views.signal_new,
        name="signal_new",
    ),
    path("beheer/huis/<slug:house_slug>/brugfiguren/cijfers/", views.figures, name="figures"),
]
