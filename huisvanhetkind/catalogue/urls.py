from django.urls import include, path

app_name = "catalogue"

urlpatterns = [
    path(
        "beheer/huis/<slug:house_slug>/aanbod/import/",
        include("huisvanhetkind.catalogue.urls_import"),
    ),
]
