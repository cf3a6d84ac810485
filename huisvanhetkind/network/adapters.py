from allauth.account.adapter import DefaultAccountAdapter

from huisvanhetkind.core.http import client_key


class AccountAdapter(DefaultAccountAdapter):
    """Professional accounts exist only through invitations: no open sign-up."""

    def is_open_for_signup(self, request):
        return False

    def get_client_ip(self, request):
        """Log-in rate limits count the client behind the trusted proxies (an IPv6 client per
        /64), the same key as every other rate limit of the platform."""
        return client_key(request)
