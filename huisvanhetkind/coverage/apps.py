from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoverageConfig(AppConfig):
    name = "huisvanhetkind.coverage"
    verbose_name = _("Aanbod in kaart (hiaten en overlap)")
