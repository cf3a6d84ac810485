"""URLs of the childcare desk: requests (included by ``childcare.urls``)."""

urlpatterns: list = []
