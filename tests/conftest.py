"""The four personas of every test: a parent (no account), a partner worker, a worker of another
organisation (the outsider) and the coordinator."""

import base64
import hashlib
import hmac
import struct
import time

import pytest
from allauth.account.internal.flows.login import (
    _AUTHENTICATION_METHODS_USER_SESSION_KEY,
    AUTHENTICATION_METHODS_SESSION_KEY,
)
from allauth.mfa.totp.internal.auth import TOTP
from django.test import Client

from huisvanhetkind.network.models import Municipality, Role
from tests.factories import (
    HouseFactory,
    OrganisationFactory,
    RoleFactory,
    ServiceFactory,
    UserFactory,
)
from tests.referrals.helpers import send

TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def pytest_configure(config):
    """A fast password hasher: the tests create hundreds of accounts and log many of them in;
    PBKDF2's 1,000,000 rounds would be most of the suite's time. Production keeps PBKDF2."""
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def totp_code(secret: str = TOTP_SECRET, offset: int = 0) -> str:
    """The TOTP code of ``secret`` for the current 30-second window (plus ``offset`` windows)."""
    counter = int(time.time()) // 30 + offset
    digest = hmac.new(base64.b32decode(secret), struct.pack(">Q", counter), hashlib.sha1).digest()
    start = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[start : start + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def with_second_factor(user):
    TOTP.activate(user, TOTP_SECRET)
    return user


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    from huisvanhetkind.catalogue import offer
    from huisvanhetkind.network.selectors import forget_houses, forget_reference_lists

    cache.clear()
    offer.forget()
    yield
    cache.clear()
    offer.forget()
    forget_houses()
    forget_reference_lists()


@pytest.fixture(autouse=True)
def _dutch_outside_requests():
    """Every test starts in the platform's language: a request in French leaves French active
    in the thread, and a later test reading a message outside a request would see it."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """``with on_commit():`` runs what a real commit would trigger (e-mails) at the end of the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def house(db):
    return HouseFactory(
        slug="kalmthout",
        name="Huis van het Kind Kalmthout",
        municipalities=[Municipality.objects.get(name="Kalmthout")],
    )


@pytest.fixture
def other_house(db):
    return HouseFactory(
        slug="zoersel-brecht-zandhoven-wijnegem-schilde",
        name="Huis van het Kind Zoersel-Brecht-Zandhoven-Wijnegem-Schilde",
        municipalities=list(
            Municipality.objects.filter(
                name__in=["Zoersel", "Brecht", "Zandhoven", "Wijnegem", "Schilde"]
            )
        ),
    )


@pytest.fixture
def organisation(house):
    return OrganisationFactory(
        name="Opvoedingspunt Kalmthout", houses=[house], domains=["opvoedingsondersteuning"]
    )


@pytest.fixture
def other_organisation(house):
    return OrganisationFactory(
        name="Kraamzorg Landelijke Thuiszorg", houses=[house], domains=["gezondheid"]
    )


@pytest.fixture
def parent_client():
    """A parent: no account, no log-in."""
    return Client()


@pytest.fixture
def worker(organisation):
    user = with_second_factor(UserFactory(email="medewerker@opvoedingspunt.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=organisation)
    return user


@pytest.fixture
def org_admin(organisation):
    user = with_second_factor(UserFactory(email="beheer@opvoedingspunt.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_ADMIN, organisation=organisation)
    return user


@pytest.fixture
def outsider(other_organisation):
    """A worker (and admin) of another organisation of the same house."""
    user = with_second_factor(UserFactory(email="buitenstaander@kraamzorg.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_ADMIN, organisation=other_organisation)
    return user


@pytest.fixture
def coordinator(house):
    user = with_second_factor(UserFactory(email="coordinator@kalmthout.example.be"))
    RoleFactory(user=user, kind=Role.Kind.COORDINATOR, house=house)
    return user


@pytest.fixture
def other_coordinator(other_house):
    user = with_second_factor(UserFactory(email="coordinator@regio.example.be"))
    RoleFactory(user=user, kind=Role.Kind.COORDINATOR, house=other_house)
    return user


def logged_in(user) -> Client:
    """A client logged in with password and second factor already passed (as allauth records
    them in the session: the platform checks that this session used the second factor)."""
    client = Client()
    client.force_login(user)
    session = client.session
    now = time.time()
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "password", "at": now, "email": user.email},
        {"method": "mfa", "at": now, "type": "totp"},
    ]
    session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(user.pk)
    session.save()
    return client


# --- Referrals (tests/referrals and tests/api): a referrer of the Opvoedingspunt (``worker``)
# refers a family to the Kraamzorg (``other_organisation``), whose ``receiver`` answers;
# ``third_party`` works for a third partner of the same house and must see nothing.


@pytest.fixture
def receiving_organisation(other_organisation):
    return other_organisation


@pytest.fixture
def receiver(receiving_organisation):
    user = with_second_factor(UserFactory(email="onthaal@kraamzorg.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=receiving_organisation)
    return user


@pytest.fixture
def receiving_service(receiving_organisation):
    return ServiceFactory(
        organisation=receiving_organisation, name="Kraamzorg aan huis", domains=["gezondheid"]
    )


@pytest.fixture
def third_organisation(house):
    return OrganisationFactory(name="Sportdienst Kalmthout", houses=[house], domains=[])


@pytest.fixture
def third_party(third_organisation):
    """A worker of a third partner of the same house: sees no referral between the other two."""
    user = with_second_factor(UserFactory(email="medewerker@sportdienst.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=third_organisation)
    return user


@pytest.fixture
def sent_referral(house, worker, organisation, receiving_organisation, receiving_service, receiver):
    """A referral sent by ``worker`` to the ``receiver``'s organisation, and its family token and
    short code."""
    return send(house, worker, organisation, receiving_organisation, receiving_service)


@pytest.fixture
def referral(sent_referral):
    return sent_referral[0]
