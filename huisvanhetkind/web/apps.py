from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "huisvanhetkind.web"
    verbose_name = _("Website")

    def ready(self):
        from huisvanhetkind.web import checks  # noqa: F401  (registers the system checks)
