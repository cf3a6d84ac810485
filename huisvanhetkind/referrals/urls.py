from django.urls import path

from huisvanhetkind.referrals import views, views_family, views_figures

app_name = "referrals"

urlpatterns = [
    # Professionals: the received and sent referrals, a new one, one referral and its actions.
    path("beheer/doorverwijzingen/", views.inbox, name="inbox"),
    path("beheer/doorverwijzingen/verstuurd/", views.sent, name="sent"),
    path("beheer/doorverwijzingen/nieuw/", views.new, name="new"),
    path("beheer/doorverwijzingen/<int:pk>/", views.detail, name="detail"),
    path("beheer/doorverwijzingen/<int:pk>/briefje.pdf", views_family.slip, name="slip"),
    path("beheer/doorverwijzingen/<int:pk>/<slug:action>/", views.action, name="action"),
    # The coordinator: the house's rules (response time) and figures.
    path("beheer/huis/<slug:house_slug>/doorverwijzingen/", views_figures.figures, name="figures"),
    path("beheer/huis/<slug:house_slug>/doorverwijzingen/regels/", views.policy, name="policy"),
    # Public pages of a house last: their first segment is any house slug.
    path("<slug:house_slug>/doorverwijzing/", views_family.family_code, name="family_code"),
    path("<slug:house_slug>/doorverwijzing/<str:token>/", views_family.family, name="family"),
]
