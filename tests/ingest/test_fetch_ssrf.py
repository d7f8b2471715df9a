"""SSRF guard of URL ingest, against a real server on 127.0.0.1."""

from __future__ import annotations

import ipaddress

from typing import TYPE_CHECKING

import pytest

from flashpoint.errors import InputError
from flashpoint.ingest.address_policy import AddressPolicy
from flashpoint.ingest.fetch import fetch_page, fetch_url

if TYPE_CHECKING:
    from tests.ingest.conftest import LocalServer

pytestmark = pytest.mark.integration

# Trusts exactly the test server's address, so a redirect elsewhere on loopback is "private".
ONLY_TEST_SERVER = AddressPolicy(allowed_networks=(ipaddress.ip_network("127.0.0.1/32"),))


def test_fetch_refuses_loopback_by_default_without_connecting(local_server: LocalServer) -> None:
    with pytest.raises(InputError, match="loopback") as caught:
        fetch_url(local_server.url("/article"))
    assert caught.value.path == local_server.url("/article")
    assert local_server.hits == []


def test_fetch_refuses_localhost_name_resolving_to_loopback(local_server: LocalServer) -> None:
    url = local_server.url("/article").replace("127.0.0.1", "localhost")
    with pytest.raises(InputError, match="loopback"):
        fetch_url(url)
    assert local_server.hits == []


def test_fetch_allow_private_reads_the_article(local_server: LocalServer) -> None:
    doc = fetch_url(local_server.url("/article"), allow_private=True)
    assert doc.title == "Gunmen attack cattle market near Kelvara"
    assert "cattle market" in doc.text
    assert "Sport" not in doc.text
    assert doc.url == local_server.url("/article")
    assert doc.source == "127.0.0.1"


def test_fetch_follows_safe_redirect_and_reports_final_url(local_server: LocalServer) -> None:
    doc = fetch_url(local_server.url("/redirect-ok"), allow_private=True)
    assert doc.url == local_server.url("/article")
    assert local_server.hits == ["/redirect-ok", "/article"]


def test_fetch_refuses_redirect_to_private_address(local_server: LocalServer) -> None:
    with pytest.raises(InputError, match=r"127\.0\.0\.2 is a loopback address"):
        fetch_page(local_server.url("/redirect-private"), policy=ONLY_TEST_SERVER)
    assert local_server.hits == ["/redirect-private"]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/redirect-file", "only http and https"),
        ("/redirect-loop", "more than 5 redirects"),
    ],
)
def test_fetch_refuses_bad_redirects(local_server: LocalServer, path: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        fetch_page(local_server.url(path), policy=ONLY_TEST_SERVER)


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://example.org/x", "gopher://127.0.0.1:70/", "http:///nohost", "/just/a/path"],
)
def test_fetch_refuses_non_http_urls_without_network(url: str) -> None:
    with pytest.raises(InputError, match="only http and https|no host"):
        fetch_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "http://[::1]:9/",
        "http://0.0.0.0:9/",
        "http://[::ffff:127.0.0.1]:9/",
        "http://2130706433:9/",  # 127.0.0.1 written as one integer
        "http://127.1:9/",
    ],
)
def test_fetch_refuses_loopback_spellings(url: str) -> None:
    with pytest.raises(InputError, match="refusing to fetch"):
        fetch_url(url, timeout=2.0)
