from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo's commands and data; it imports the other apps, none imports it."""

    name = "huisvanhetkind.demo"
    label = "demo"
    verbose_name = "Demo"
