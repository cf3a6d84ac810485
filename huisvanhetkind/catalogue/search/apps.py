from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The catalogue's search index, a Django app of its own inside the catalogue: its label
    stays "search" (its tables and migrations keep their names)."""

    name = "huisvanhetkind.catalogue.search"
    label = "search"
    verbose_name = _("Zoeken")

    def ready(self):
        from huisvanhetkind.catalogue.search import signals

        signals.connect()
