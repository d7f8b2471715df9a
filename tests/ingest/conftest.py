"""Fixtures for ingest tests: invented articles and a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

ARTICLE_PARAGRAPHS = (
    "Armed men on motorbikes attacked a cattle market outside the town of Kelvara on Tuesday morning, "
    "according to two residents reached by telephone.",
    "A local official said at least four traders were killed and several others wounded before the "
    "attackers withdrew towards the river valley.",
    "The regional governor announced that army reinforcements had been sent to the district and that "
    "the market would stay closed until further notice.",
)
ARTICLE_TITLE = "Gunmen attack cattle market near Kelvara"


def article_html(title: str = ARTICLE_TITLE) -> str:
    """An invented news page: navigation, one article, a footer."""
    paragraphs = "".join(f"<p>{text}</p>" for text in ARTICLE_PARAGRAPHS)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>{title}</h1>{paragraphs}</article>"
        "<footer><a href='/about'>About us</a> Copyright The Example Courier</footer></body></html>"
    )


def rss_feed(base: str) -> str:
    """An invented RSS 2.0 feed: one full entry, one entry with only a link."""
    body = "".join(f"&lt;p&gt;{text}&lt;/p&gt;" for text in ARTICLE_PARAGRAPHS)
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Example Courier</title>"
        f"<link>{base}/</link><description>Invented news</description>"
        f"<item><title>{ARTICLE_TITLE}</title><link>{base}/article</link>"
        f"<pubDate>Wed, 08 Mar 2023 09:30:00 GMT</pubDate><description>{body}</description></item>"
        f"<item><title>Link only</title><link>{base}/article</link>"
        "<pubDate>Thu, 09 Mar 2023 10:00:00 GMT</pubDate></item>"
        "</channel></rss>"
    )


@dataclass
class Route:
    """What the test server answers on one path."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    stream: Callable[[BaseHTTPRequestHandler], None] | None = None


@dataclass
class LocalServer:
    """A threaded HTTP server on 127.0.0.1 with a routing table and a log of paths hit."""

    base: str
    routes: dict[str, Route]
    hits: list[str]

    def url(self, path: str) -> str:
        return f"{self.base}{path}"


def _handler(routes: dict[str, Route], hits: list[str]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            hits.append(self.path)
            route = routes.get(self.path, Route(status=404, body=b"not found"))
            self.send_response(route.status)
            for key, value in route.headers.items():
                self.send_header(key, value)
            if route.stream is not None:
                self.end_headers()
                route.stream(self)
                return
            if "Content-Length" not in route.headers:
                self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            self.wfile.write(route.body)

        def log_message(self, format: str, *args: object) -> None:  # keep test output clean
            return

    return Handler


def _stream_megabytes(count: int) -> Callable[[BaseHTTPRequestHandler], None]:
    def write(handler: BaseHTTPRequestHandler) -> None:
        chunk = b"x" * 65536
        try:
            for _ in range(count * 16):
                handler.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            return  # the client hung up at its limit, as it should

    return write


def _trickle(seconds: float) -> Callable[[BaseHTTPRequestHandler], None]:
    def write(handler: BaseHTTPRequestHandler) -> None:
        end = time.monotonic() + seconds
        try:
            while time.monotonic() < end:
                handler.wfile.write(b"slow ")
                handler.wfile.flush()
                time.sleep(0.1)
        except (BrokenPipeError, ConnectionResetError):
            return

    return write


@pytest.fixture()
def local_server() -> Iterator[LocalServer]:
    """HTML article, RSS feed, redirects (safe, private, to file://, loop), huge and slow bodies, a PDF."""
    routes: dict[str, Route] = {}
    hits: list[str] = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(routes, hits))
    server.daemon_threads = True
    port = server.server_address[1]
    base = f"http://127.0.0.1:{port}"
    html = {"Content-Type": "text/html; charset=utf-8"}
    routes.update(
        {
            "/article": Route(headers=html, body=article_html().encode("utf-8")),
            "/nav-only": Route(headers=html, body=b"<html><body><nav><a href='/a'>Home</a> <a href='/b'>News</a></nav></body></html>"),
            "/plain": Route(headers={"Content-Type": "text/plain; charset=windows-1252"}, body="Caf\u00e9 \u201cattack\u201d".encode("cp1252")),
            "/feed.xml": Route(headers={"Content-Type": "application/rss+xml"}, body=rss_feed(base).encode("utf-8")),
            "/redirect-ok": Route(status=302, headers={"Location": "/article"}),
            "/redirect-private": Route(status=302, headers={"Location": f"http://127.0.0.2:{port}/article"}),
            "/redirect-file": Route(status=302, headers={"Location": "file:///etc/passwd"}),
            "/redirect-loop": Route(status=302, headers={"Location": "/redirect-loop"}),
            "/huge-declared": Route(headers={"Content-Type": "text/plain", "Content-Length": str(50_000_000)}, stream=_stream_megabytes(1)),
            "/huge-streamed": Route(headers={"Content-Type": "text/plain", "Connection": "close"}, stream=_stream_megabytes(4)),
            "/slow": Route(headers={"Content-Type": "text/plain", "Connection": "close"}, stream=_trickle(5.0)),
            "/pdf": Route(headers={"Content-Type": "application/pdf"}, body=b"%PDF-1.7\n%binary"),
            "/gone": Route(status=410, body=b"gone"),
        }
    )
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield LocalServer(base=base, routes=routes, hits=hits)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture()
def article_page() -> str:
    """The invented article page as HTML text."""
    return article_html()
