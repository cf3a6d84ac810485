from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "huisvanhetkind.network"
    verbose_name = _("Netwerk")

    def ready(self):
        from huisvanhetkind.network import mfa  # noqa: F401  (connects its signal receiver)
