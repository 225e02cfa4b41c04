"""A fetched URL never reaches a loopback, private or link-local address, also after redirects and DNS tricks.

Addresses outside 127.0.0.0/8 are only ever judged by the guard's decision function or answered
by a resolver stub: no test sends a packet to them.
"""

from __future__ import annotations

import pytest

from apps.ingestion.fetch import (
    BlockedAddress,
    PermanentFetchError,
    check_url,
    checked_addresses,
    fetch,
    is_allowed_ip,
    literal_ip,
)


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1", "127.255.255.254", "::1",  # loopback
        "10.0.0.1", "172.16.5.4", "192.168.1.1", "fc00::1", "fd12:3456::1",  # private
        "169.254.169.254", "fe80::1",  # link-local, including the cloud metadata service
        "100.64.0.1",  # carrier-grade NAT
        "0.0.0.0", "::",  # unspecified
        "224.0.0.1", "239.255.255.250", "ff02::1",  # multicast
        "240.0.0.1", "255.255.255.255",  # reserved, broadcast
        "192.0.2.10", "198.51.100.7", "203.0.113.9", "2001:db8::1",  # documentation ranges
        "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254",  # IPv4-mapped IPv6
        "64:ff9b::7f00:1", "64:ff9b::a00:1",  # NAT64 to loopback and private
        "2002:7f00:1::1", "2002:a9fe:a9fe::1",  # 6to4 around loopback and link-local
        "not an address",
    ],
)
def test_it_refuses_non_public_addresses(address):
    assert is_allowed_ip(address) is False


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:93.184.216.34"])
def test_it_allows_public_unicast_addresses(address):
    assert is_allowed_ip(address) is True


def test_loopback_is_allowed_only_when_tests_turn_it_on_and_private_stays_refused():
    assert is_allowed_ip("127.0.0.1", allow_loopback=True) is True
    assert is_allowed_ip("::ffff:127.0.0.1", allow_loopback=True) is True
    assert is_allowed_ip("10.0.0.1", allow_loopback=True) is False
    assert is_allowed_ip("169.254.169.254", allow_loopback=True) is False


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("2130706433", "127.0.0.1"),  # decimal
        ("0177.0.0.1", "127.0.0.1"),  # octal
        ("0x7f.0.0.1", "127.0.0.1"),  # hexadecimal
        ("0x7f000001", "127.0.0.1"),
        ("127.1", "127.0.0.1"),  # short form
        ("017700000001", "127.0.0.1"),
        ("0xa9.0xfe.0xa9.0xfe", "169.254.169.254"),
        ("[::ffff:7f00:1]", "::ffff:7f00:1"),
    ],
)
def test_it_reads_numeric_host_forms_as_the_addresses_they_are(host, expected):
    assert str(literal_ip(host)) == expected


@pytest.mark.parametrize(
    "url",
    [
        "http://2130706433/", "http://0177.0.0.1/", "http://0x7f.1/", "http://[::1]/", "http://[::ffff:127.0.0.1]/",
        "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1:8080/admin", "http://[fe80::1]/",
    ],
)
def test_it_refuses_urls_spelling_a_forbidden_address_without_resolving_anything(url, settings):
    settings.PARLEY_ALLOW_LOOPBACK_FETCH = False

    def resolver(host, port):
        raise AssertionError("a literal address must not be looked up")

    with pytest.raises(BlockedAddress):
        check_url(url, resolver=resolver)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://127.0.0.1:6379/_INFO", "http://user:pw@example.org/"])
def test_it_refuses_other_schemes_and_credentials_in_urls(url):
    with pytest.raises(PermanentFetchError):
        check_url(url, resolver=lambda host, port: ["93.184.216.34"])


def test_a_name_resolving_to_one_public_and_one_private_address_is_refused_as_a_whole():
    def resolver(host, port):
        return ["93.184.216.34", "10.0.0.7"]

    with pytest.raises(BlockedAddress, match="10.0.0.7"):
        checked_addresses("mixed.parley-test.invalid", 443, resolver=resolver, allow_loopback=False)


def test_a_name_resolving_to_loopback_is_refused_when_loopback_is_off(site, settings):
    settings.PARLEY_ALLOW_LOOPBACK_FETCH = False
    site.route("/secret", body=b"internal admin page", headers={"Content-Type": "text/html"})
    port = site.base.rsplit(":", 1)[1]

    with pytest.raises(BlockedAddress):
        fetch(f"http://internal.parley-test.invalid:{port}/secret", resolver=lambda host, p: ["127.0.0.1"])
    with pytest.raises(BlockedAddress):
        fetch(site.url("/secret"))
    assert site.hits["/secret"] == 0


def test_the_connection_goes_to_the_checked_address_not_to_a_second_lookup(site):
    """DNS rebinding: a name that answers safely first and 10.x next must not reach 10.x."""
    site.route("/page", body=b"<html>hello</html>", headers={"Content-Type": "text/html"})
    port = int(site.base.rsplit(":", 1)[1])
    answers = iter([["127.0.0.1"], ["10.0.0.8"], ["10.0.0.8"]])
    looked_up = []

    def rebinding_resolver(host, p):
        looked_up.append(host)
        return next(answers)

    # The first answer passes the URL check; the connection resolves once more, is checked
    # again, and refuses the private answer before any packet leaves.
    with pytest.raises(BlockedAddress, match="10.0.0.8"):
        fetch(f"http://rebind.parley-test.invalid:{port}/page", resolver=rebinding_resolver)
    assert site.hits["/page"] == 0

    # And a stable answer is used as given: the socket goes to the checked IP (the name itself
    # does not exist in any DNS), while the Host header keeps the name.
    page = fetch(f"http://stable.parley-test.invalid:{port}/page", resolver=lambda host, p: ["127.0.0.1"])
    assert page.content == b"<html>hello</html>"
    assert site.requests[-1][1]["host"] == f"stable.parley-test.invalid:{port}"


def test_every_redirect_hop_is_checked_again(site):
    site.route("/to-metadata", status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"})
    site.route("/to-private-name", status=301, headers={"Location": "http://intranet.parley-test.invalid/"})

    def resolver(host, port):
        return {"intranet.parley-test.invalid": ["192.168.0.10"]}.get(host, ["127.0.0.1"])

    with pytest.raises(BlockedAddress, match="169.254.169.254"):
        fetch(site.url("/to-metadata"), resolver=resolver)
    with pytest.raises(BlockedAddress, match="192.168.0.10"):
        fetch(site.url("/to-private-name"), resolver=resolver)


def test_a_redirect_to_a_private_address_in_hexadecimal_is_refused(site):
    site.route("/hop", status=302, headers={"Location": "http://0x0a.0.0.1/"})

    with pytest.raises(BlockedAddress, match="10.0.0.1"):
        fetch(site.url("/hop"), resolver=lambda host, port: ["127.0.0.1"])
    assert site.hits["/hop"] == 1
