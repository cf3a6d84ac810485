from django.urls import path

from huisvanhetkind.carepaths import views

app_name = "carepaths"

urlpatterns = [
    path("beheer/zorgpaden/", views.index, name="index"),
    path("beheer/zorgpaden/starten/", views.start, name="start"),
    path("beheer/zorgpaden/starten/gezin/", views.family, name="family"),
    path("beheer/zorgpaden/<int:pk>/", views.detail, name="detail"),
    path("beheer/zorgpaden/<int:pk>/toestemming/", views.consent, name="consent"),
    path("beheer/zorgpaden/<int:pk>/stoppen/", views.stop, name="stop"),
    path(
        "beheer/zorgpaden/<int:pk>/stappen/<int:step_pk>/checklist/",
        views.step_tick,
        name="step_tick",
    ),
    path(
        "beheer/zorgpaden/<int:pk>/stappen/<int:step_pk>/overslaan/",
        views.step_skip,
        name="step_skip",
    ),
    path(
        "beheer/zorgpaden/<int:pk>/stappen/<int:step_pk>/heropenen/",
        views.step_reopen,
        name="step_reopen",
    ),
    path(
        "beheer/zorgpaden/<int:pk>/stappen/<int:step_pk>/overdragen/",
        views.step_offer,
        name="step_offer",
    ),
    path(
        "beheer/zorgpaden/<int:pk>/overdrachten/<int:handover_pk>/",
        views.handover_answer,
        name="handover_answer",
    ),
    path("beheer/huis/<slug:house_slug>/zorgpaden/", views.templates, name="templates"),
    path("beheer/huis/<slug:house_slug>/zorgpaden/cijfers/", views.figures, name="figures"),
    path("beheer/huis/<slug:house_slug>/zorgpaden/<int:pk>/", views.template, name="template"),
    path(
        "beheer/huis/<slug:house_slug>/zorgpaden/<int:pk>/stappen/<int:step_pk>/",
        views.step_template,
        name="step_template",
    ),
    path(
        "beheer/huis/<slug:house_slug>/zorgpaden/<int:pk>/stappen/<int:step_pk>/verwijderen/",
        views.step_template_delete,
        name="step_template_delete",
    ),
]
