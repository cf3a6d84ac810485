from django.apps import AppConfig


class ThrowAwayConfig(AppConfig):
    """A test app for models defined inside a test (``isolate_apps``), never installed."""

    name = "tests.privacy"
    label = "privacy_tests"
