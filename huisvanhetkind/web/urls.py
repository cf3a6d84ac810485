from django.urls import path

from huisvanhetkind.web import views

app_name = "web"

urlpatterns = [
    path("", views.landing, name="landing"),
    path("toegankelijkheid/", views.accessibility_statement, name="accessibility"),
    path("<slug:house_slug>/", views.house_home, name="house"),
    path("<slug:house_slug>/partners/", views.partner_directory, name="partners"),
    path("<slug:house_slug>/partners/<int:pk>/", views.partner_detail, name="partner"),
]
