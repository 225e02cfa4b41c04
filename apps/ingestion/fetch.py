"""Fetch a URL politely and safely: httpx, a size cap, few redirects, and an SSRF guard.

The guard decides on addresses, not names. A host is resolved once, every address it resolves
to must be public, and the socket is opened to the address that was checked, so a DNS answer
that changes between the check and the connection (DNS rebinding) cannot reach an internal
service. Every redirect hop opens a new connection and goes through the same check.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx
from django.conf import settings

Resolver = Callable[[str, int], list[str]]


class FetchError(Exception):
    """A fetch failed; the message says why in words an editor can act on."""

    transient = False


class PermanentFetchError(FetchError):
    """Trying again will not help: a 404, a refused address, a binary file, a page too big."""


class TransientFetchError(FetchError):
    """The network or the server had a bad moment: a timeout, a reset, a 503."""

    transient = True


class BlockedAddress(PermanentFetchError):
    """The URL leads to an address Parley must never connect to (SSRF guard)."""


# --- The decision -------------------------------------------------------------------------------

# IPv6 prefixes that carry an IPv4 address inside: the embedded one is what the packet reaches.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.ipv4_mapped:
        return ip.ipv4_mapped
    if ip.sixtofour:
        return ip.sixtofour
    if ip.teredo:
        return ip.teredo[1]
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def is_allowed_ip(address: str | ipaddress.IPv4Address | ipaddress.IPv6Address, *, allow_loopback: bool = False) -> bool:
    """Return whether Parley may open a connection to this address: public unicast only."""
    try:
        ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.scope_id:
            return False  # fe80::1%eth0 and friends are link-local by construction
        if ip in _NAT64_LOCAL:
            return False
        inner = _embedded_ipv4(ip)
        if inner is not None:
            return is_allowed_ip(inner, allow_loopback=allow_loopback)
    if ip.is_loopback:
        return allow_loopback
    return ip.is_global and not (
        ip.is_multicast or ip.is_private or ip.is_link_local or ip.is_reserved or ip.is_unspecified
    )


def address_kind(address: str) -> str:
    """Say in a word why an address is refused, for the error an editor reads."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return "invalid"
    if isinstance(ip, ipaddress.IPv6Address) and _embedded_ipv4(ip) is not None:
        ip = _embedded_ipv4(ip)
    for kind in ("loopback", "link_local", "multicast", "unspecified", "private", "reserved"):
        if getattr(ip, f"is_{kind}"):
            return kind.replace("_", "-")
    return "non-public"


# inet_aton still accepts what old URL parsers did: 2130706433, 0x7f.1, 0177.0.0.1, 127.1.
_LEGACY_IPV4 = re.compile(r"^(0x[0-9a-f]+|[0-9]+)(\.(0x[0-9a-f]+|[0-9]+)){0,3}\.?$", re.IGNORECASE)


def literal_ip(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """Return the address a host name spells directly (any IPv4 form the C library accepts), or None."""
    host = host.strip("[]")
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if _LEGACY_IPV4.match(host):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host.rstrip(".")))
        except OSError:
            return None
    return None


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for host (TCP)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise PermanentFetchError(f"the host name {host!r} does not resolve ({exc.strerror})") from None
    return list(dict.fromkeys(info[4][0] for info in infos))


def checked_addresses(host: str, port: int, *, resolver: Resolver | None = None, allow_loopback: bool | None = None) -> list[str]:
    """Resolve host once and return its addresses if every one of them is allowed; else raise BlockedAddress."""
    if allow_loopback is None:
        allow_loopback = settings.PARLEY_ALLOW_LOOPBACK_FETCH
    literal = literal_ip(host)
    addresses = [str(literal)] if literal is not None else (resolver or system_resolver)(host, port)
    if not addresses:
        raise PermanentFetchError(f"the host name {host!r} does not resolve")
    for address in addresses:
        # A name with one public and one private address is refused as a whole: which one the
        # connection would use is up to the resolver's order, so an attacker could pick it.
        if not is_allowed_ip(address.split("%", 1)[0], allow_loopback=allow_loopback) or "%" in address:
            if literal is None:
                where = f"{host} resolves to {address},"
            else:  # 0x0a.0.0.1 and friends: say which address the spelling stands for
                where = f"{host} is" if host.strip("[]") == address else f"{host} means {address},"
            raise BlockedAddress(f"{where} a {address_kind(address)} address: Parley fetches only public addresses")
    return addresses


def check_url(url: str, *, resolver: Resolver | None = None, resolve: bool = True) -> str:
    """Refuse a URL that is not http(s) or leads to a forbidden address; return it unchanged.

    With resolve=False only what the URL spells is judged (scheme, credentials, a literal IP in
    any form): a web request should not wait on DNS, and the fetcher checks again anyway.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise PermanentFetchError(f"only http and https URLs can be fetched, not {parts.scheme or 'no scheme'!r}")
    if not parts.hostname:
        raise PermanentFetchError("the URL has no host")
    if parts.username or parts.password:
        raise PermanentFetchError("URLs with a user name or password are not fetched")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise PermanentFetchError("the URL's port is not a number between 0 and 65535") from None
    if resolve or literal_ip(parts.hostname) is not None:
        checked_addresses(parts.hostname, port, resolver=resolver)
    return url


class GuardedBackend(httpcore.SyncBackend):
    """httpcore's socket backend, but it connects only to addresses the guard has checked."""

    def __init__(self, resolver: Resolver | None = None):
        self.resolver = resolver

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        last_error: Exception | None = None
        for address in checked_addresses(host, port, resolver=self.resolver):
            try:
                # The IP, not the name: no second lookup an attacker's DNS could answer differently.
                # TLS still verifies the certificate against `host` (httpcore passes it as SNI).
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last_error = exc
        raise last_error  # type: ignore[misc]


class GuardedTransport(httpx.HTTPTransport):
    """An httpx transport whose connection pool uses GuardedBackend and never a proxy."""

    def __init__(self, *, resolver: Resolver | None = None, ssl_context: ssl.SSLContext | None = None):
        super().__init__(trust_env=False, retries=0)
        # httpx has no public hook for the network backend; the pool is rebuilt with ours.
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl_context or httpx.create_ssl_context(trust_env=False),
            max_connections=10,
            max_keepalive_connections=0,
            network_backend=GuardedBackend(resolver),
        )


# --- Fetching -----------------------------------------------------------------------------------


def _certificate_error(exc: BaseException) -> ssl.SSLCertVerificationError | None:
    """The certificate check that failed under an httpx connect error (httpx wraps httpcore wraps ssl), if any."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


@dataclass
class FetchedPage:
    url: str  # the final URL, after redirects
    status: int
    content: bytes
    headers: dict[str, str] = field(default_factory=dict)
    redirects: list[str] = field(default_factory=list)

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        match = re.search(r"charset=[\"']?([\w.:-]+)", self.headers.get("content-type", ""), re.IGNORECASE)
        return match.group(1) if match else None


_REDIRECTS = {301, 302, 303, 307, 308}
_TRANSIENT_STATUS = {408, 425, 429, 500, 502, 503, 504}


def fetch(
    url: str,
    *,
    headers: dict[str, str] | None = None,
    resolver: Resolver | None = None,
    max_bytes: int | None = None,
    timeout: float | None = None,
    max_redirects: int | None = None,
    ssl_context: ssl.SSLContext | None = None,
    before_request: Callable[[str], None] | None = None,
) -> FetchedPage:
    """GET url with the guard, the size cap and the redirect limit; raise a FetchError saying why it failed.

    ssl_context replaces the system's trust store (certifi's); tests pass one that trusts their own CA.
    before_request is called with the URL of each request (redirect hops too) just before it goes.
    """
    max_bytes = settings.PARLEY_FETCH_MAX_BYTES if max_bytes is None else max_bytes
    timeout = settings.PARLEY_FETCH_TIMEOUT if timeout is None else timeout
    max_redirects = settings.PARLEY_FETCH_MAX_REDIRECTS if max_redirects is None else max_redirects
    request_headers = {"User-Agent": settings.PARLEY_USER_AGENT, "Accept-Encoding": "gzip, deflate", **(headers or {})}
    seen: list[str] = []
    with httpx.Client(
        transport=GuardedTransport(resolver=resolver, ssl_context=ssl_context), timeout=timeout, follow_redirects=False, trust_env=False
    ) as client:
        while True:
            check_url(url, resolver=resolver)
            if before_request is not None:
                before_request(url)
            try:
                with client.stream("GET", url, headers=request_headers) as response:
                    if response.status_code in _REDIRECTS and "location" in response.headers:
                        if len(seen) >= max_redirects:
                            raise PermanentFetchError(f"more than {max_redirects} redirects (last: {url})")
                        seen.append(url)
                        url = urljoin(url, response.headers["location"])
                        if url in seen:
                            raise PermanentFetchError(f"redirect loop at {url}")
                        continue
                    if response.status_code == 304:
                        return FetchedPage(str(response.url), 304, b"", dict(response.headers), seen)
                    if response.status_code in _TRANSIENT_STATUS:
                        raise TransientFetchError(f"the server answered {response.status_code} {response.reason_phrase}")
                    if response.status_code >= 400:
                        raise PermanentFetchError(f"the server answered {response.status_code} {response.reason_phrase}")
                    declared = response.headers.get("content-length", "")
                    if declared.isdigit() and int(declared) > max_bytes:
                        raise PermanentFetchError(f"the page is {int(declared)} bytes, more than the {max_bytes}-byte limit")
                    body = bytearray()
                    for chunk in response.iter_bytes():
                        body += chunk
                        if len(body) > max_bytes:
                            raise PermanentFetchError(f"the page is larger than the {max_bytes}-byte limit")
                    return FetchedPage(str(response.url), response.status_code, bytes(body), dict(response.headers), seen)
            except httpx.TimeoutException:
                raise TransientFetchError(f"no answer from {urlsplit(url).hostname} within {timeout}s") from None
            except httpx.ConnectError as exc:
                if (bad := _certificate_error(exc)) is not None:
                    # A certificate that does not verify will not verify in a minute either.
                    raise PermanentFetchError(
                        f"the TLS certificate of {urlsplit(url).hostname} is not valid: {bad.verify_message or bad.reason}"
                    ) from None
                raise TransientFetchError(f"network error reaching {urlsplit(url).hostname}: {exc or type(exc).__name__}") from None
            except httpx.TransportError as exc:
                raise TransientFetchError(f"network error reaching {urlsplit(url).hostname}: {exc or type(exc).__name__}") from None
            except httpx.DecodingError as exc:
                raise PermanentFetchError(f"the response could not be decompressed: {exc}") from None
