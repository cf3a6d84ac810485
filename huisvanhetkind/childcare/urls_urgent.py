"""URLs of the childcare desk: urgent (included by ``childcare.urls``)."""

urlpatterns: list = []
