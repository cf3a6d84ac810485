from django.urls import path

from huisvanhetkind.care import views

app_name = "care"

urlpatterns = [
    path("beheer/signalen/", views.index, name="index"),
    path("beheer/signalen/nieuw/", views.new, name="new"),
    path("beheer/signalen/<int:pk>/", views.detail, name="detail"),
    path("beheer/signalen/<int:pk>/intrekken/", views.withdraw, name="withdraw"),
    path("beheer/signalen/<int:pk>/regievoerder/", views.lead, name="lead"),
    path("beheer/signalen/<int:pk>/ouderlink/", views.parent_link, name="parent_link"),
    path("beheer/huis/<slug:house_slug>/signalen/", views.counts, name="counts"),
    path("<slug:house_slug>/signaal/<str:token>/", views.parent, name="parent"),
]
