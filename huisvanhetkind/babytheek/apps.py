from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BabytheekConfig(AppConfig):
    name = "huisvanhetkind.babytheek"
    verbose_name = _("Babytheek: babyspullen lenen")
