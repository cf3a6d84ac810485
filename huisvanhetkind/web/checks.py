from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def demo_mode_is_not_for_production(app_configs, **kwargs):
    if settings.DEMO_MODE and not settings.DEBUG:
        return [
            Error(
                "DEMO_MODE is on while DEBUG is off.",
                hint="The demo log-in helpers must never run in production: unset DEMO_MODE.",
                id="huisvanhetkind.E001",
            )
        ]
    return []
