from django.conf import settings

from huisvanhetkind.network.access import is_professional


def platform(request):
    return {
        "current_house": getattr(request, "house", None),
        "is_professional": is_professional(request.user) if hasattr(request, "user") else False,
        "demo_mode": settings.DEMO_MODE,
    }
