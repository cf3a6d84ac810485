from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "huisvanhetkind.participation"
    verbose_name = _("Inspraak en bevragingen")
