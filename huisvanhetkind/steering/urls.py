from django.urls import path

from huisvanhetkind.steering import views

app_name = "steering"

urlpatterns = [
    path("beheer/huis/<slug:house_slug>/plan/", views.manage, name="manage"),
    path("beheer/huis/<slug:house_slug>/plan/periode/<int:pk>/", views.period, name="period"),
    path("beheer/huis/<slug:house_slug>/plan/doel/<int:pk>/", views.goal, name="goal"),
    path(
        "beheer/huis/<slug:house_slug>/plan/doel/<int:pk>/verwijderen/",
        views.goal_delete,
        name="goal_delete",
    ),
    path("beheer/huis/<slug:house_slug>/plan/<int:year>/", views.annual_plan, name="annual_plan"),
    path("beheer/huis/<slug:house_slug>/plan/actie/<int:pk>/", views.action, name="action"),
    path(
        "beheer/huis/<slug:house_slug>/plan/actie/<int:pk>/status/",
        views.action_status,
        name="action_status",
    ),
    path(
        "beheer/huis/<slug:house_slug>/plan/actie/<int:pk>/notitie/",
        views.action_note,
        name="action_note",
    ),
    path("<slug:house_slug>/plan/", views.public_plan, name="public_plan"),
]
