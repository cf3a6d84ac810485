from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "huisvanhetkind.search"
    verbose_name = _("Zoeken")

    def ready(self):
        from huisvanhetkind.search import signals

        signals.connect()
