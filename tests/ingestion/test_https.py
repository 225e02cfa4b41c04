"""HTTPS fetching against a local TLS server whose certificates come from a throwaway CA (trustme).

The fetcher opens its socket to the address it checked, not to the name, so these tests make
sure TLS still speaks to the name: SNI carries it and the certificate is checked against it,
never against the IP. Names resolve through a resolver stub to 127.0.0.1; addresses outside
127.0.0.0/8 are only judged by the guard, and a recorder on every socket shows no packet left.
"""

from __future__ import annotations

import datetime as dt
import socket
import ssl
import threading
from http.server import ThreadingHTTPServer

import httpx
import pytest
import trustme

from apps.ingestion.extract_page import extract_page
from apps.ingestion.fetch import BlockedAddress, PermanentFetchError, TransientFetchError, fetch
from tests.ingestion.conftest import LocalSite, _handler

NAME = "news.parley-test.example"  # exists in no DNS: only the resolver stub knows it


class TLSSite(LocalSite):
    def __init__(self):
        super().__init__()
        self.server_names: list[str | None] = []  # the SNI of each handshake
        self.port = 0

    def named_url(self, path: str, name: str = NAME) -> str:
        return f"https://{name}:{self.port}{path}"


@pytest.fixture(scope="module")
def ca():
    return trustme.CA()


@pytest.fixture
def tls_site_with():
    """Start a local HTTPS server presenting a given certificate; stopped after the test."""
    servers = []

    def start(cert: trustme.LeafCert) -> TLSSite:
        site = TLSSite()
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        cert.configure_cert(context)
        context.sni_callback = lambda _sock, server_name, _context: site.server_names.append(server_name)
        server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
        server.daemon_threads = True
        server.socket = context.wrap_socket(server.socket, server_side=True)
        site.port = server.server_address[1]
        site.base = f"https://127.0.0.1:{site.port}"
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        servers.append(server)
        return site

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def trusting(ca):
    """The fetcher's own TLS settings (certifi, hostname check, certificate required), trusting the test CA too."""
    context = httpx.create_ssl_context(trust_env=False)
    ca.configure_trust(context)
    return context


@pytest.fixture
def connections(monkeypatch):
    """Every address a socket is asked to connect to during the test."""
    seen: list[tuple] = []
    real_connect = socket.socket.connect

    def recording_connect(sock, address):
        seen.append(address)
        return real_connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", recording_connect)
    return seen


def stub(extra: dict[str, list[str]] | None = None):
    names = {NAME: ["127.0.0.1"], **(extra or {})}
    return lambda host, port: names[host]


def test_a_page_is_fetched_over_https_with_the_name_in_sni_and_the_socket_on_the_checked_address(
    tls_site_with, ca, trusting, connections
):
    site = tls_site_with(ca.issue_cert(NAME))  # a certificate for the name only: no IP in it
    site.serve_pages()

    page = fetch(site.named_url("/pages/article-en.html"), resolver=stub(), ssl_context=trusting)

    assert page.status == 200 and page.url == site.named_url("/pages/article-en.html")
    assert "compare drafts of a ceasefire framework" in extract_page(page).text
    assert site.server_names == [NAME], "the TLS handshake names the host, not the IP"
    assert site.requests[-1][1]["host"] == f"{NAME}:{site.port}"
    assert connections == [("127.0.0.1", site.port)], "the socket went to the address the guard checked"


def test_a_certificate_for_the_ip_alone_is_refused_for_the_name(tls_site_with, ca, trusting):
    """Verification is against the name in the URL; the IP the socket uses does not make it pass."""
    site = tls_site_with(ca.issue_cert("127.0.0.1"))
    site.serve_pages()

    with pytest.raises(PermanentFetchError, match=f"TLS certificate of {NAME} is not valid: Hostname mismatch"):
        fetch(site.named_url("/pages/article-en.html"), resolver=stub(), ssl_context=trusting)
    assert fetch(site.url("/pages/article-en.html"), ssl_context=trusting).status == 200, "and valid for the IP itself"
    assert site.hits["/pages/article-en.html"] == 1


@pytest.mark.parametrize(
    ("certificate", "reason"),
    [
        (lambda ca: ca.issue_cert("other.parley-test.example"), "Hostname mismatch"),
        (lambda ca: trustme.CA().issue_cert(NAME), "unable to get local issuer certificate"),
        (lambda ca: ca.issue_cert(NAME, not_before=dt.datetime(2019, 1, 1), not_after=dt.datetime(2020, 1, 1)), "certificate has expired"),
    ],
    ids=["another name", "an unknown CA", "expired"],
)
def test_a_bad_certificate_is_refused_with_the_reason_and_no_request_is_sent(tls_site_with, ca, trusting, certificate, reason):
    site = tls_site_with(certificate(ca))
    site.serve_pages()

    with pytest.raises(PermanentFetchError, match=reason):
        fetch(site.named_url("/pages/article-en.html"), resolver=stub(), ssl_context=trusting)
    assert site.requests == [], "nothing was asked over a connection that did not verify"


def test_without_the_test_ca_the_system_trust_store_refuses_the_server(tls_site_with, ca):
    site = tls_site_with(ca.issue_cert(NAME))

    with pytest.raises(PermanentFetchError, match="unable to get local issuer certificate"):
        fetch(site.named_url("/"), resolver=stub())


def test_a_plain_http_answer_on_the_https_port_is_a_network_error_not_a_certificate_one(site, trusting):
    site.serve_pages()
    port = site.base.rsplit(":", 1)[1]

    with pytest.raises(TransientFetchError, match="network error"):
        fetch(f"https://{NAME}:{port}/pages/article-en.html", resolver=stub(), ssl_context=trusting)


@pytest.mark.parametrize(
    ("location", "refused"),
    [
        ("http://10.0.0.1/", "10.0.0.1"),
        ("https://10.0.0.1/admin", "10.0.0.1"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254"),
        ("https://intranet.parley-test.example/", "intranet.parley-test.example resolves to 192.168.0.10"),
        ("http://0x0a.0.0.1/", "10.0.0.1"),
    ],
)
def test_a_redirect_from_https_to_a_refused_address_is_stopped_before_any_packet(
    tls_site_with, ca, trusting, connections, location, refused
):
    site = tls_site_with(ca.issue_cert(NAME))
    site.route("/moved", status=302, headers={"Location": location})

    with pytest.raises(BlockedAddress, match=refused.replace(".", r"\.")):
        fetch(site.named_url("/moved"), resolver=stub({"intranet.parley-test.example": ["192.168.0.10"]}), ssl_context=trusting)
    assert site.hits["/moved"] == 1
    assert connections == [("127.0.0.1", site.port)], "only the first hop was connected to"


def test_a_redirect_from_https_to_https_on_another_name_verifies_that_name(tls_site_with, ca, trusting):
    first = tls_site_with(ca.issue_cert(NAME))
    second = tls_site_with(ca.issue_cert("wire.parley-test.example"))
    second.serve_pages()
    first.route("/moved", status=301, headers={"Location": second.named_url("/pages/article-en.html", "wire.parley-test.example")})
    resolver = stub({"wire.parley-test.example": ["127.0.0.1"]})

    page = fetch(first.named_url("/moved"), resolver=resolver, ssl_context=trusting)

    assert page.redirects == [first.named_url("/moved")]
    assert first.server_names == [NAME] and second.server_names == ["wire.parley-test.example"]
