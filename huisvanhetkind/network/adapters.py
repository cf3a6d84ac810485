from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Professional accounts exist only through invitations: no open sign-up."""

    def is_open_for_signup(self, request):
        return False
