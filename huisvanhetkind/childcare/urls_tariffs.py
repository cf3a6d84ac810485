"""URLs of the childcare desk: tariffs (included by ``childcare.urls``)."""

urlpatterns: list = []
