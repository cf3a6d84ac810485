"""Core's pages. The project's URL configuration passes each view ``allowed``, the rule of who
may see it (core knows no roles): see ``huisvanhetkind/urls.py``."""

from django.urls import path

from huisvanhetkind.core import views

app_name = "core"

urlpatterns = [
    path("beheer/platform/taken/", views.job_runs, name="job_runs"),
]
