from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChildcareConfig(AppConfig):
    name = "huisvanhetkind.childcare"
    verbose_name = _("Lokaal Loket Kinderopvang")
