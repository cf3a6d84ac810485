from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FamiliesConfig(AppConfig):
    """The family record: one family as the platform knows it, for every house."""

    name = "huisvanhetkind.families"
    label = "families"
    verbose_name = _("Gezinnen")
