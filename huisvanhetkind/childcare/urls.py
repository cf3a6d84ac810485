app_name = "childcare"

urlpatterns = []
