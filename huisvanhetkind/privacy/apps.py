from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """The register of personal data read whole: the privacy statement, the record of processing
    activities (GDPR art. 30) and the retention rules' runs."""

    name = "huisvanhetkind.privacy"
    label = "privacy"
    verbose_name = _("Privacy")
