from django.shortcuts import redirect

from huisvanhetkind.network.access import has_second_factor, is_professional

PROTECTED_PREFIXES = ("/beheer/", "/admin/")


class SecondFactorMiddleware:
    """Nobody with a role sees a non-public page before a second factor is set up."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if (
            path.startswith(PROTECTED_PREFIXES)
            and request.user.is_authenticated
            and is_professional(request.user)
            and not has_second_factor(request.user)
        ):
            return redirect("mfa_activate_totp")
        return self.get_response(request)
