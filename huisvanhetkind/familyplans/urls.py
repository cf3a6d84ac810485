from django.urls import path

from huisvanhetkind.familyplans import views, views_family

app_name = "familyplans"

urlpatterns = [
    path("beheer/gezinsplannen/", views.index, name="index"),
    path("beheer/gezinsplannen/nieuw/", views.new, name="new"),
    path("beheer/gezinsplannen/<int:pk>/", views.detail, name="detail"),
    path("beheer/gezinsplannen/<int:pk>/pdf/", views.pdf, name="pdf"),
    path("beheer/gezinsplannen/<int:pk>/partner/", views.partner_add, name="partner_add"),
    path("beheer/gezinsplannen/<int:pk>/kind/", views.child_add, name="child_add"),
    path("beheer/gezinsplannen/<int:pk>/doel/", views.goal_add, name="goal_add"),
    path(
        "beheer/gezinsplannen/<int:pk>/doel/<int:goal_pk>/zichtbaarheid/",
        views.goal_visibility,
        name="goal_visibility",
    ),
    path(
        "beheer/gezinsplannen/<int:pk>/doel/<int:goal_pk>/akkoord/",
        views.goal_agreement,
        name="goal_agreement",
    ),
    path("beheer/gezinsplannen/<int:pk>/afspraak/", views.action_add, name="action_add"),
    path(
        "beheer/gezinsplannen/<int:pk>/afspraak/<int:action_pk>/status/",
        views.action_status,
        name="action_status",
    ),
    path("beheer/gezinsplannen/<int:pk>/evaluatie/", views.review, name="review"),
    path("beheer/gezinsplannen/<int:pk>/gezinslink/", views.family_link, name="family_link"),
    path("beheer/gezinsplannen/<int:pk>/afsluiten/", views.close, name="close"),
    path("beheer/huis/<slug:house_slug>/gezinsplannen/", views.counts, name="counts"),
    path("<slug:house_slug>/gezinsplan/<str:token>/", views_family.family, name="family"),
    path(
        "<slug:house_slug>/gezinsplan/<str:token>/pdf/", views_family.family_pdf, name="family_pdf"
    ),
]
