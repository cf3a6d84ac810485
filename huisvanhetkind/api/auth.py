"""The API key of an organisation, sent as ``Authorization: Bearer <key>``.

``request.auth`` becomes the key (an ``ApiToken``, with ``organisation`` and ``name``); an
unknown, revoked or missing key gets 401 with a Dutch message (``api.api``).
"""

from ninja.security import HttpBearer

from huisvanhetkind.api.selectors import api_token_for_key
from huisvanhetkind.api.services import api_token_used


class ApiTokenAuth(HttpBearer):
    def authenticate(self, request, token):
        api_token = api_token_for_key(token)
        if api_token is None:
            return None
        api_token_used(token=api_token)
        return api_token
