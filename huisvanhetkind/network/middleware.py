from django.contrib.auth import logout
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect

from huisvanhetkind.network.access import has_second_factor, is_professional
from huisvanhetkind.network.mfa import second_factor_used

PROTECTED_PREFIXES = ("/beheer/", "/admin/")
# Setting up a second factor and logging out: the only pages of an account without one.
ACCOUNT_PREFIX = "/accounts/"


class SecondFactorMiddleware:
    """A professional is logged in only once this session passed a second factor.

    - An account with a second factor whose session did not use it (a log-in by password alone)
      is logged out, and sent to the log-in page when it asked for a non-public page.
    - An account with a role but no second factor yet (just invited) must set one up: the
      non-public pages send it to the set-up; public pages see it as a visitor.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        path = request.path_info
        if user.is_authenticated and (user.is_staff or is_professional(user)):
            if has_second_factor(user):
                if not second_factor_used(request):
                    logout(request)
                    if path.startswith(PROTECTED_PREFIXES):
                        return redirect_to_login(request.get_full_path())
            elif path.startswith(PROTECTED_PREFIXES):
                return redirect("mfa_activate_totp")
            elif not path.startswith(ACCOUNT_PREFIX):
                request.user = AnonymousUser()
        return self.get_response(request)
