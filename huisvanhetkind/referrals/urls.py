from django.urls import path

from huisvanhetkind.referrals import views

app_name = "referrals"

urlpatterns = [
    # Professionals: the received and sent referrals, a new one, one referral.
    path("beheer/doorverwijzingen/", views.inbox, name="inbox"),
    path("beheer/doorverwijzingen/verstuurd/", views.sent, name="sent"),
    path("beheer/doorverwijzingen/nieuw/", views.new, name="new"),
    path("beheer/doorverwijzingen/<int:pk>/", views.detail, name="detail"),
    # Public pages of a house last: their first segment is any house slug.
    path("<slug:house_slug>/doorverwijzing/", views.family_code, name="family_code"),
    path("<slug:house_slug>/doorverwijzing/<str:token>/", views.family, name="family"),
]
