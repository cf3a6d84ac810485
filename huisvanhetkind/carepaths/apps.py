from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CarePathsConfig(AppConfig):
    name = "huisvanhetkind.carepaths"
    verbose_name = _("Zorgpaden")
