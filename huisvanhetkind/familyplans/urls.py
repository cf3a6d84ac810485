app_name = "familyplans"

urlpatterns = []
