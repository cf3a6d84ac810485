from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SteeringConfig(AppConfig):
    name = "huisvanhetkind.steering"
    verbose_name = _("Sturing van het netwerk")
