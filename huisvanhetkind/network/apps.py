from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "huisvanhetkind.network"
    verbose_name = _("Netwerk")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from huisvanhetkind.network import mfa  # noqa: F401  (connects its signal receiver)
        from huisvanhetkind.network.models import House
        from huisvanhetkind.network.selectors import forget_houses

        post_save.connect(forget_houses, sender=House, dispatch_uid="network.forget_houses")
        post_delete.connect(forget_houses, sender=House, dispatch_uid="network.forget_houses_d")
