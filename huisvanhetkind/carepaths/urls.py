app_name = "carepaths"

urlpatterns = []
