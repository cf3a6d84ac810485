"""Fetching a partner's iCalendar feed from a URL, without letting the URL reach inside.

* The host name is resolved once; every address it resolves to must be on the public internet
  (``address_allowed``), and the connection goes to exactly one of those addresses. The HTTP
  library never resolves the name again, so a DNS answer that changes between the check and
  the connection (DNS rebinding) cannot send the request to 127.0.0.1. The Host header, the TLS
  server name (SNI) and the certificate check still use the host name.
* Redirects are followed by hand, at most ``MAX_REDIRECTS``, each hop checked the same way.
* One wall-clock deadline covers the whole fetch (name resolution, connecting, TLS, headers,
  body, redirects): a watchdog shuts the socket down when it passes, so a server that trickles
  one byte a second cannot hold a thread. The body is at most ``MAX_BYTES``.

``ICAL_IMPORT_ALLOW_PRIVATE_HOSTS`` (an intranet deployment, the tests) lifts the address check
only; the rest stays.
"""

import contextlib
import http.client
import ipaddress
import socket
import ssl
import threading
import time as clock
from urllib.parse import urljoin, urlsplit, urlunsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.text import Truncator
from django.utils.translation import gettext as _

MAX_BYTES = 2 * 1024 * 1024
FETCH_SECONDS = 15  # the whole fetch, redirects included
MAX_REDIRECTS = 5
USER_AGENT = "HuisVanHetKind-ical-import/1.0"

# Ranges that ``ipaddress`` does not (all) count as non-global, or that embed an IPv4 address.
DENIED_NETWORKS = [
    ipaddress.ip_network(network)
    for network in (
        "0.0.0.0/8",
        "100.64.0.0/10",  # shared address space (carrier-grade NAT)
        "192.0.0.0/24",  # IETF protocol assignments (192.0.0.9 and .10 included)
        "192.0.2.0/24",
        "198.18.0.0/15",
        "198.51.100.0/24",
        "203.0.113.0/24",
        "224.0.0.0/4",
        "240.0.0.0/4",
        "::/96",  # IPv4-compatible (deprecated)
        "64:ff9b:1::/48",  # local-use NAT64
        "100::/64",  # discard
        "2001::/32",  # Teredo: it hides the client's IPv4 address
        "2001:db8::/32",
        "fc00::/7",
        "fe80::/10",
        "fec0::/10",
        "ff00::/8",
    )
]
NAT64 = ipaddress.ip_network("64:ff9b::/96")
SIX_TO_FOUR = ipaddress.ip_network("2002::/16")


def size_error() -> ValidationError:
    """The file or the download is too large."""
    return ValidationError(
        _("Dit bestand is groter dan %(size)d MB. Splits de agenda of importeer minder tegelijk.")
        % {"size": MAX_BYTES // (1024 * 1024)}
    )


def fetch_error(url: str, reason: str) -> ValidationError:
    return ValidationError(
        _("De agenda op %(url)s kan niet opgehaald worden: %(reason)s")
        % {"url": Truncator(url).chars(80), "reason": reason}
    )


def address_allowed(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether an address is on the public internet, judging an IPv6 address that carries an
    IPv4 address (IPv4-mapped, NAT64, 6to4) by that IPv4 address."""
    if ip.version == 6:
        if ip.ipv4_mapped is not None:
            return address_allowed(ip.ipv4_mapped)
        if ip in NAT64:
            return address_allowed(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
        if ip in SIX_TO_FOUR:
            return address_allowed(ip.sixtofour)
    if any(ip in network for network in DENIED_NETWORKS if network.version == ip.version):
        return False
    return ip.is_global and not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


def check_url(url: str) -> str:
    """An http(s) URL (webcal:// is https://), normalised; raises a Dutch ValidationError."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme in ("webcal", "webcals"):
        parts, scheme = parts._replace(scheme="https"), "https"
    if scheme not in ("http", "https") or not parts.hostname:
        raise ValidationError(_("Geef een webadres dat begint met http:// of https://."))
    try:
        parts.port  # noqa: B018 - raises ValueError when the port is not a number
    except ValueError as error:
        raise ValidationError(_("Het poortnummer in dit webadres is niet geldig.")) from error
    return urlunsplit(parts._replace(scheme=scheme))


class _Watchdog:
    """Shuts down the sockets of one fetch when its deadline passes, which ends any read or
    TLS handshake that is still waiting, however slowly the server sends."""

    def __init__(self, deadline: float):
        self.deadline = deadline
        self.fired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(0.0, deadline - clock.monotonic()), self._fire)
        self._timer.daemon = True

    def __enter__(self):
        self._timer.start()
        return self

    def __exit__(self, *exc_info):
        self._timer.cancel()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            if self.fired:
                raise TimeoutError
            self._sockets.append(sock)

    def remaining(self) -> float:
        left = self.deadline - clock.monotonic()
        if left <= 0 or self.fired:
            raise TimeoutError
        return left

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            for sock in self._sockets:
                # The plain socket's shutdown (the TLS layer may be busy in the other thread);
                # a socket closed or detached already is no matter.
                with contextlib.suppress(OSError):
                    socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _resolve(host: str, port: int, watchdog: _Watchdog) -> list[tuple]:
    """``getaddrinfo`` within the deadline (it has no timeout of its own)."""
    answer: dict = {}

    def resolve():
        try:
            answer["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as error:
            answer["error"] = error

    thread = threading.Thread(target=resolve, name="ical-fetch-dns", daemon=True)
    thread.start()
    thread.join(watchdog.remaining())
    if thread.is_alive():
        raise TimeoutError
    if "error" in answer:
        raise answer["error"]
    return [(family, sockaddr) for family, _type, _proto, _name, sockaddr in answer["infos"]]


def _checked_addresses(url: str, host: str, port: int, watchdog: _Watchdog) -> list[tuple]:
    """The addresses of ``host``, each of them checked: (family, sockaddr) pairs."""
    try:
        addresses = _resolve(host, port, watchdog)
    except (socket.gaierror, UnicodeError) as error:
        raise fetch_error(url, _("dit adres bestaat niet.")) from error
    if not addresses:
        raise fetch_error(url, _("dit adres bestaat niet."))
    if not settings.ICAL_IMPORT_ALLOW_PRIVATE_HOSTS:
        for _family, sockaddr in addresses:
            if not address_allowed(ipaddress.ip_address(sockaddr[0].split("%", 1)[0])):
                raise fetch_error(url, _("dit adres ligt niet op het publieke internet."))
    return addresses


def _pinned_connector(addresses: list[tuple], watchdog: _Watchdog):
    """A replacement for ``socket.create_connection`` that connects to the checked addresses
    only (in the resolver's order), never resolving the name again."""

    def connect(_address, timeout, source_address=None):
        error: OSError = ConnectionError()
        for family, sockaddr in addresses:
            sock = socket.socket(family, socket.SOCK_STREAM)
            try:
                watchdog.watch(sock)
                sock.settimeout(min(timeout, watchdog.remaining()))
                sock.connect(sockaddr)
            except OSError as failure:
                sock.close()
                error = failure
                if isinstance(failure, TimeoutError) and watchdog.fired:
                    break
                continue
            return sock
        raise error

    return connect


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host, port, *, addresses, watchdog, timeout):
        super().__init__(host, port, timeout=timeout)
        self._create_connection = _pinned_connector(addresses, watchdog)


def _tls_context() -> ssl.SSLContext:
    return ssl.create_default_context()


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """TLS to the pinned address; the server name (SNI) and the certificate check are the
    host name's. The handshake starts after the watchdog watches the TLS socket."""

    def __init__(self, host, port, *, addresses, watchdog, timeout):
        super().__init__(host, port, timeout=timeout, context=_tls_context())
        self._create_connection = _pinned_connector(addresses, watchdog)
        self._watchdog = watchdog

    def connect(self):
        http.client.HTTPConnection.connect(self)
        self.sock = self._context.wrap_socket(
            self.sock, server_hostname=self.host, do_handshake_on_connect=False
        )
        self._watchdog.watch(self.sock)
        self.sock.do_handshake()


def _request(url: str, watchdog: _Watchdog):
    """One hop: (response, connection), or raises a Dutch ValidationError."""
    parts = urlsplit(url)
    try:
        host = parts.hostname.encode("idna").decode("ascii")
    except UnicodeError as error:
        raise fetch_error(url, _("dit adres bestaat niet.")) from error
    https = parts.scheme == "https"
    port = parts.port or (443 if https else 80)
    addresses = _checked_addresses(url, host, port, watchdog)
    kind = _PinnedHTTPSConnection if https else _PinnedHTTPConnection
    connection = kind(
        host, port, addresses=addresses, watchdog=watchdog, timeout=watchdog.remaining()
    )
    path = urlunsplit(("", "", parts.path or "/", parts.query, ""))
    connection.request("GET", path, headers={"User-Agent": USER_AGENT, "Accept": "text/calendar"})
    return connection.getresponse(), connection


def _download(url: str, watchdog: _Watchdog) -> bytes:
    current = url
    for _hop in range(MAX_REDIRECTS + 1):
        response, connection = _request(current, watchdog)
        try:
            if response.status in (301, 302, 303, 307, 308):
                location = response.getheader("Location")
                if not location:
                    raise fetch_error(url, _("de server verwijst door zonder nieuw adres."))
                try:
                    current = check_url(urljoin(current, location))
                except ValidationError as error:
                    raise fetch_error(
                        url, _("de server verwijst door naar een ongeldig adres.")
                    ) from error
                continue
            if response.status != 200:
                raise fetch_error(
                    url,
                    _("de server antwoordt met foutcode %(code)d.") % {"code": response.status},
                )
            length = response.getheader("Content-Length", "")
            if length.isdigit() and int(length) > MAX_BYTES:
                raise size_error()
            chunks, size = [], 0
            while chunk := response.read1(64 * 1024):
                size += len(chunk)
                if size > MAX_BYTES:
                    raise size_error()
                watchdog.remaining()  # raises once the deadline has passed
                chunks.append(chunk)
            watchdog.remaining()  # a shut-down socket ends the body early: that is no body
            return b"".join(chunks)
        finally:
            connection.close()
    raise fetch_error(url, _("de server verwijst te vaak door."))


def fetch(url: str, *, seconds: float | None = None) -> bytes:
    """The content behind an http(s) URL: at most MAX_BYTES, all of it within ``seconds``
    (FETCH_SECONDS). Raises a ValidationError in Dutch."""
    checked = check_url(url)
    seconds = FETCH_SECONDS if seconds is None else seconds
    with _Watchdog(clock.monotonic() + seconds) as watchdog:
        try:
            return _download(checked, watchdog)
        except ValidationError:
            raise
        except TimeoutError as error:
            raise fetch_error(url, _("de server antwoordt te traag.")) from error
        except ssl.SSLCertVerificationError as error:
            raise fetch_error(
                url, _("het beveiligingscertificaat van de server is niet geldig.")
            ) from error
        except (OSError, http.client.HTTPException, ValueError) as error:
            if watchdog.fired:
                raise fetch_error(url, _("de server antwoordt te traag.")) from error
            raise fetch_error(url, _("de server is niet bereikbaar.")) from error
