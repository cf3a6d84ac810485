"""URLs of the childcare desk: rounds (included by ``childcare.urls``)."""

urlpatterns: list = []
