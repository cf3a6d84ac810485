from django.urls import path

from huisvanhetkind.participation import views, views_figures, views_public

app_name = "participation"

H = "beheer/huis/<slug:house_slug>/bevragingen/"

urlpatterns = [
    path("beheer/bevragingen/", views.index, name="index"),
    path(H + "nieuw/", views.new, name="new"),
    path(H + "<int:pk>/", views.edit, name="edit"),
    path(H + "<int:pk>/onderdelen/", views.section_add, name="section_add"),
    path(H + "<int:pk>/onderdelen/<int:section_pk>/", views.section_edit, name="section"),
    path(H + "<int:pk>/vragen/", views.question_add, name="question_add"),
    path(H + "<int:pk>/vragen/<int:question_pk>/", views.question, name="question"),
    path(
        H + "<int:pk>/vragen/<int:question_pk>/verwijderen/",
        views.question_delete,
        name="question_delete",
    ),
    path(H + "<int:pk>/vragen/<int:question_pk>/keuzes/", views.choice_add, name="choice_add"),
    path(
        H + "<int:pk>/keuzes/<int:choice_pk>/verwijderen/",
        views.choice_delete,
        name="choice_delete",
    ),
    path(H + "<int:pk>/publiceren/", views.publish, name="publish"),
    path(H + "<int:pk>/papier/", views.paper, name="paper"),
    path(H + "<int:pk>/resultaten/", views.results, name="results"),
    path(H + "<int:pk>/resultaten.csv", views.results_csv, name="results_csv"),
    path(H + "<int:pk>/nalezen/", views.review, name="review"),
    path(H + "<int:pk>/nalezen/<int:answer_pk>/", views.review_answer, name="review_answer"),
    # Public pages of a house last: their first segment is any house slug.
    path("<slug:house_slug>/bevragingen/", views_public.open_surveys, name="public_list"),
    path("<slug:house_slug>/bevraging/<str:key>/", views_public.answer, name="answer"),
    path("<slug:house_slug>/bevraging/<str:key>/bedankt/", views_public.thanks, name="thanks"),
]

# Needs, reach and open data of a house (views_figures).
F = "beheer/huis/<slug:house_slug>/"
urlpatterns = [
    path(F + "noden/", views_figures.needs, name="needs"),
    path(F + "bereik/", views_figures.reach, name="reach"),
    path(F + "bereik/bereik.csv", views_figures.reach_csv, name="reach_csv"),
    path(F + "open-data/", views_figures.open_data_switch, name="open_data_switch"),
    path("<slug:house_slug>/open-data/", views_figures.open_data, name="open_data"),
    path(
        "<slug:house_slug>/open-data/aanbod.<str:fmt>",
        views_figures.open_data_coverage,
        name="open_data_coverage",
    ),
    path(
        "<slug:house_slug>/open-data/bevraging-<int:pk>.<str:fmt>",
        views_figures.open_data_survey,
        name="open_data_survey",
    ),
    *urlpatterns,
]
