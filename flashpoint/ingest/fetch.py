"""Fetch a report from a URL without letting the URL reach places it should not (SSRF).

The address check happens where the socket is opened: our network backend resolves
the host, refuses the connection if any address is non-public (see `AddressPolicy`),
and connects to the address it checked, so DNS tricks between check and connect
cannot slip through. Redirects are followed by hand, each hop re-checked; the body is
capped in bytes (after decompression) and the whole fetch in time.

Example:
    >>> doc = fetch_url("https://example.org/report.html")  # doctest: +SKIP
"""

from __future__ import annotations

import codecs
import socket
import time
import typing
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpcore
import httpx

from flashpoint import __version__
from flashpoint.errors import InputError
from flashpoint.ingest.address_policy import AddressPolicy
from flashpoint.ingest.decode import check_text, decode_bytes, strip_invisible
from flashpoint.ingest.html import html_to_text
from flashpoint.ingest.raw import RawDocument

MAX_REDIRECTS = 5
_USER_AGENT = f"flashpoint/{__version__} (conflict-report ingest)"
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_TEXT_TYPES = frozenset({"text/plain", "text/markdown", "text/x-markdown"})
_ACCEPT = "text/html, application/xhtml+xml, text/plain, application/rss+xml, application/atom+xml, */*;q=0.5"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """A response body with the URL that served it (after redirects) and its media type."""

    url: str
    content_type: str
    charset: str | None
    body: bytes


class _GuardedBackend(httpcore.NetworkBackend):
    """Resolves, checks every address against the policy, then connects to a checked one."""

    def __init__(self, policy: AddressPolicy) -> None:
        self._policy = policy
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[typing.Any] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = _resolve(host, port)
        for address in addresses:
            reason = self._policy.refusal(address)
            if reason is not None:
                raise InputError(
                    f"refusing to fetch from {host}: {address} is {reason} (allow private URLs to override)",
                    field="url",
                )
        error: OSError | httpcore.ConnectError | None = None
        for address in addresses:
            try:
                return self._inner.connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, OSError) as exc:
                error = exc
        raise httpcore.ConnectError(f"could not connect to {host}: {error}")

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: typing.Iterable[typing.Any] | None = None
    ) -> httpcore.NetworkStream:
        raise InputError("unix sockets are never fetched", field="url")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def _resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise httpcore.ConnectError(f"cannot resolve host {host!r}: {exc}") from exc
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not addresses:
        raise httpcore.ConnectError(f"host {host!r} has no address")
    return addresses


class _GuardedTransport(httpx.HTTPTransport):
    """httpx's transport with its connection pool built on the guarded backend."""

    def __init__(self, policy: AddressPolicy) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            network_backend=_GuardedBackend(policy),
        )


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"}:
        raise InputError(f"only http and https URLs are fetched, not {parts.scheme or 'a bare path'!r}", path=url)
    if not parts.hostname:
        raise InputError("URL has no host", path=url)


def fetch_page(
    url: str, *, policy: AddressPolicy, max_bytes: int = 10_000_000, timeout: float = 20.0
) -> FetchedPage:
    """GET `url` following at most `MAX_REDIRECTS` redirects, each hop checked by `policy`.

    Raises:
        InputError: refused address or scheme, HTTP error status, too many redirects,
        body over `max_bytes`, slower than `timeout` seconds in total, or network failure.
    """
    deadline = time.monotonic() + timeout
    headers = {"User-Agent": _USER_AGENT, "Accept": _ACCEPT}
    with httpx.Client(
        transport=_GuardedTransport(policy), timeout=timeout, follow_redirects=False, trust_env=False, headers=headers
    ) as client:
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            _check_url(current)
            try:
                page, redirect = _get_once(client, current, max_bytes=max_bytes, deadline=deadline)
            except InputError as exc:
                exc.path = exc.path or url
                raise
            except httpx.HTTPError as exc:
                raise InputError(f"could not fetch: {type(exc).__name__}: {exc}", path=url) from exc
            if page is not None:
                return page
            current = redirect or current
    raise InputError(f"more than {MAX_REDIRECTS} redirects", path=url)


def _get_once(
    client: httpx.Client, url: str, *, max_bytes: int, deadline: float
) -> tuple[FetchedPage | None, str | None]:
    """One request: (page, None), or (None, next URL) for a redirect."""
    remaining = max(0.1, deadline - time.monotonic())
    with client.stream("GET", url, timeout=remaining) as response:
        if response.status_code in _REDIRECTS:
            location = response.headers.get("location")
            if not location:
                raise InputError(f"redirect {response.status_code} without a Location header", path=url)
            return None, str(response.url.join(location))
        if response.status_code >= 400:
            raise InputError(f"server answered HTTP {response.status_code}", path=url)
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise InputError(f"response is {int(declared):,} bytes, over the limit of {max_bytes:,}", path=url)
        body = _read_capped(response, max_bytes=max_bytes, deadline=deadline, url=url)
        media_type, _, params = response.headers.get("content-type", "").partition(";")
        return FetchedPage(str(response.url), media_type.strip().lower(), _charset(params), body), None


def _read_capped(response: httpx.Response, *, max_bytes: int, deadline: float, url: str) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise InputError(f"response is over the limit of {max_bytes:,} bytes", path=url)
        if time.monotonic() > deadline:
            raise InputError("download took longer than the time limit", path=url)
        chunks.append(chunk)
    return b"".join(chunks)


def _charset(params: str) -> str | None:
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            name = value.strip().strip("\"'")
            try:
                return codecs.lookup(name).name
            except LookupError:
                return None
    return None


def page_to_document(page: FetchedPage, *, requested_url: str) -> RawDocument:
    """Turn a fetched HTML or plain-text page into a `RawDocument`; refuse other media types."""
    kind = page.content_type
    if kind and kind not in _HTML_TYPES and kind not in _TEXT_TYPES and kind != "application/octet-stream":
        raise InputError(f"URL served {kind}, not HTML or text", path=requested_url)
    text = decode_bytes(page.body, path=requested_url, encoding=page.charset)
    title = None
    if kind in _HTML_TYPES or (kind in {"", "application/octet-stream"} and text.lstrip()[:1] == "<"):
        text, title = html_to_text(text, path=requested_url)
    text = strip_invisible(text)
    check_text(text, path=requested_url)
    return RawDocument(
        text=text,
        path=None,
        url=page.url,
        published=None,
        source=urlsplit(page.url).hostname,
        title=title,
        doc_id=None,
    )


def fetch_url(
    url: str, *, allow_private: bool = False, max_bytes: int = 10_000_000, timeout: float = 20.0
) -> RawDocument:
    """Fetch one article (HTML or plain text) from `url`, SSRF-safe.

    Private, loopback and link-local targets are refused unless `allow_private`; every
    redirect hop is checked; the body is capped at `max_bytes`, the fetch at `timeout` s.

    Raises:
        InputError: naming the URL and the reason (refused address, HTTP status, size,
        time, media type, no article text).
    """
    page = fetch_page(url, policy=AddressPolicy(allow_private=allow_private), max_bytes=max_bytes, timeout=timeout)
    return page_to_document(page, requested_url=url)
