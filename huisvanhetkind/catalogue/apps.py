from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "huisvanhetkind.catalogue"
    verbose_name = _("Aanbod")

    def ready(self):
        from huisvanhetkind.catalogue import signals

        signals.connect()
