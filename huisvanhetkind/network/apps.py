from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "huisvanhetkind.network"
    verbose_name = _("Netwerk")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from huisvanhetkind.network import mfa  # noqa: F401  (connects its signal receiver)
        from huisvanhetkind.network.models import AgeGroup, Domain, House, Municipality
        from huisvanhetkind.network.selectors import forget_houses, forget_reference_lists

        post_save.connect(forget_houses, sender=House, dispatch_uid="network.forget_houses")
        post_delete.connect(forget_houses, sender=House, dispatch_uid="network.forget_houses_d")
        for model in (AgeGroup, Domain, Municipality):
            for name, signal in (("save", post_save), ("delete", post_delete)):
                signal.connect(
                    forget_reference_lists,
                    sender=model,
                    dispatch_uid=f"network.forget_reference_lists_{name}_{model.__name__}",
                )
        m2m_changed.connect(
            forget_reference_lists,
            sender=House.municipalities.through,
            dispatch_uid="network.forget_reference_lists_house_municipalities",
        )
