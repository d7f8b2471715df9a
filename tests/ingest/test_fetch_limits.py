"""Size, time, status and media-type limits of URL fetching (server on 127.0.0.1)."""

from __future__ import annotations

import time

from typing import TYPE_CHECKING

import pytest

from flashpoint.errors import InputError
from flashpoint.ingest.address_policy import AddressPolicy
from flashpoint.ingest.fetch import fetch_page, fetch_url

if TYPE_CHECKING:
    from tests.ingest.conftest import LocalServer

pytestmark = pytest.mark.integration
PRIVATE_OK = AddressPolicy(allow_private=True)


def test_fetch_refuses_declared_size_over_cap(local_server: LocalServer) -> None:
    with pytest.raises(InputError, match="50,000,000 bytes, over the limit of 1,000,000"):
        fetch_page(local_server.url("/huge-declared"), policy=PRIVATE_OK, max_bytes=1_000_000)


def test_fetch_stops_reading_streamed_body_at_cap(local_server: LocalServer) -> None:
    started = time.monotonic()
    with pytest.raises(InputError, match="over the limit of 100,000 bytes"):
        fetch_page(local_server.url("/huge-streamed"), policy=PRIVATE_OK, max_bytes=100_000)
    assert time.monotonic() - started < 5


def test_fetch_gives_up_after_total_time_limit(local_server: LocalServer) -> None:
    started = time.monotonic()
    with pytest.raises(InputError, match="time limit|Timeout"):
        fetch_page(local_server.url("/slow"), policy=PRIVATE_OK, timeout=1.0)
    assert time.monotonic() - started < 3


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/pdf", "served application/pdf, not HTML or text"),
        ("/gone", "HTTP 410"),
        ("/missing", "HTTP 404"),
        ("/nav-only", "HTML page has no article text"),
    ],
)
def test_fetch_url_errors_name_url_and_reason(local_server: LocalServer, path: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        fetch_url(local_server.url(path), allow_private=True)
    assert local_server.url(path) in str(caught.value)


def test_fetch_url_decodes_declared_charset(local_server: LocalServer) -> None:
    doc = fetch_url(local_server.url("/plain"), allow_private=True)
    assert doc.text == "Caf\u00e9 \u201cattack\u201d"
    assert doc.title is None


def test_fetch_connection_refused_is_input_error() -> None:
    with pytest.raises(InputError, match="could not fetch"):
        fetch_page("http://127.0.0.1:9/", policy=PRIVATE_OK, timeout=2.0)
