from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "huisvanhetkind.activities"
    verbose_name = _("Activiteiten en nieuws")
