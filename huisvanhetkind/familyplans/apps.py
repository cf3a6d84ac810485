from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FamilyPlansConfig(AppConfig):
    name = "huisvanhetkind.familyplans"
    verbose_name = _("Gezinsplannen")
