from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Infrastructure that several apps share; it imports no domain app."""

    name = "huisvanhetkind.core"
    label = "core"
    verbose_name = "Core"

    def ready(self):
        from huisvanhetkind.core import requeue  # noqa: F401  (connects its signal receiver)
