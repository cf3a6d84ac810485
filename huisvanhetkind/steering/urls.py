from django.urls import path

from huisvanhetkind.steering import views, views_meetings, views_report

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
    # The annual report (jaarverslag)
    path(
        "beheer/huis/<slug:house_slug>/jaarverslag/",
        views_report.report_index,
        name="report_index",
    ),
    path(
        "beheer/huis/<slug:house_slug>/jaarverslag/<int:year>/",
        views_report.report,
        name="report",
    ),
    path(
        "beheer/huis/<slug:house_slug>/jaarverslag/<int:year>.pdf",
        views_report.report_pdf,
        name="report_pdf",
    ),
    # Meetings of the groups and the yearly partner consultation
    path("beheer/huis/<slug:house_slug>/vergaderingen/", views_meetings.meetings, name="meetings"),
    path(
        "beheer/huis/<slug:house_slug>/vergaderingen/groep/<int:pk>/nieuw/",
        views_meetings.meeting_new,
        name="meeting_new",
    ),
    path(
        "beheer/huis/<slug:house_slug>/vergaderingen/<int:pk>/",
        views_meetings.meeting,
        name="meeting",
    ),
    path(
        "beheer/huis/<slug:house_slug>/vergaderingen/<int:pk>/bewerken/",
        views_meetings.meeting_edit,
        name="meeting_edit",
    ),
    path(
        "beheer/huis/<slug:house_slug>/vergaderingen/<int:pk>/uitnodigen/",
        views_meetings.meeting_invite,
        name="meeting_invite",
    ),
    path(
        "beheer/huis/<slug:house_slug>/vergaderingen/<int:pk>/vergadering.ics",
        views_meetings.meeting_ics,
        name="meeting_ics",
    ),
    path(
        "beheer/huis/<slug:house_slug>/vergaderingen/document/<int:pk>/",
        views_meetings.document,
        name="meeting_document",
    ),
    path(
        "beheer/huis/<slug:house_slug>/vergaderingen/document/<int:pk>/verwijderen/",
        views_meetings.document_delete,
        name="meeting_document_delete",
    ),
    path(
        "beheer/huis/<slug:house_slug>/partneroverleg/<int:year>/",
        views_meetings.consultation,
        name="consultation",
    ),
]
