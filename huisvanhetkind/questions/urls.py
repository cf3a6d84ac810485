from django.urls import path

from huisvanhetkind.questions import views

app_name = "questions"

urlpatterns = [
    path("beheer/vragen/", views.inbox, name="inbox"),
    path("beheer/vragen/<int:pk>/", views.question_detail, name="detail"),
    path("beheer/vragen/<int:pk>/faq/", views.faq_from_question, name="faq_from_question"),
    path("beheer/vragen/<int:pk>/<slug:action>/", views.question_action, name="action"),
    path(
        "beheer/organisatie/<int:pk>/antwoordsjablonen/",
        views.answer_templates,
        name="answer_templates",
    ),
    path(
        "beheer/organisatie/<int:pk>/antwoordsjablonen/<int:template_pk>/",
        views.answer_templates,
        name="answer_template",
    ),
    path(
        "beheer/organisatie/<int:pk>/antwoordsjablonen/<int:template_pk>/verwijderen/",
        views.answer_template_delete,
        name="answer_template_delete",
    ),
    path("beheer/huis/<slug:house_slug>/vragen/", views.house_inbox, name="house_inbox"),
    path("beheer/huis/<slug:house_slug>/vragen/noden/", views.needs, name="needs"),
    path("beheer/huis/<slug:house_slug>/vragen/noden/noden.pdf", views.needs_pdf, name="needs_pdf"),
    path("beheer/huis/<slug:house_slug>/vragen/regels/", views.routing_rules, name="routing_rules"),
    path(
        "beheer/huis/<slug:house_slug>/vragen/regels/nieuw/",
        views.routing_rule_edit,
        name="routing_rule_new",
    ),
    path(
        "beheer/huis/<slug:house_slug>/vragen/regels/<int:pk>/",
        views.routing_rule_edit,
        name="routing_rule_edit",
    ),
    path(
        "beheer/huis/<slug:house_slug>/vragen/regels/<int:pk>/verwijderen/",
        views.routing_rule_delete,
        name="routing_rule_delete",
    ),
    path(
        "beheer/huis/<slug:house_slug>/vragen/regels/<int:pk>/verplaatsen/",
        views.routing_rule_move,
        name="routing_rule_move",
    ),
    path("beheer/huis/<slug:house_slug>/faq/", views.house_faq, name="house_faq"),
    path("beheer/huis/<slug:house_slug>/faq/<int:pk>/", views.house_faq, name="house_faq_edit"),
    # Public pages of a house last: their first segment is any house slug.
    path("<slug:house_slug>/vraag/", views.ask, name="ask"),
    path("<slug:house_slug>/vraag/faq/", views.faq, name="faq"),
    path("<slug:house_slug>/vraag/antwoord/<str:token>/", views.private, name="private"),
]
