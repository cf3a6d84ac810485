from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PremisesConfig(AppConfig):
    name = "huisvanhetkind.premises"
    verbose_name = _("Het huis: zalen, permanenties, afspraken en babytheek")

    def ready(self):
        from huisvanhetkind.premises import schedules  # noqa: F401  (registers its HSDS schedules)
