"""RSS/Atom feeds (files and URLs) and URL lists; network parts use a server on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from flashpoint.ingest.feeds import looks_like_feed
from flashpoint.ingest.sources import RawDocument, iter_documents
from flashpoint.model import Failure

if TYPE_CHECKING:
    from tests.ingest.conftest import LocalServer

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Bulletin du Nord</title>
<entry><title>Embuscade sur la route</title><link href="https://example.org/embuscade"/>
<updated>2024-01-07T18:00:00Z</updated>
<content type="html">&lt;p&gt;Une embuscade a visé un convoi de ravitaillement dimanche, selon une source sécuritaire.&lt;/p&gt;</content>
</entry>
<entry><title>Sans texte</title><updated>2024-01-08T18:00:00Z</updated></entry>
</feed>"""


def test_atom_file_entries_become_documents(tmp_path: Path) -> None:
    path = tmp_path / "bulletin.atom"
    path.write_text(ATOM, encoding="utf-8")
    doc, failure = list(iter_documents(path, max_chars=10_000))
    assert isinstance(doc, RawDocument)
    assert doc.text == "Une embuscade a visé un convoi de ravitaillement dimanche, selon une source sécuritaire."
    assert (doc.title, doc.url, doc.published, doc.source) == (
        "Embuscade sur la route", "https://example.org/embuscade", dt.date(2024, 1, 7), "Bulletin du Nord",
    )  # fmt: skip
    assert isinstance(failure, Failure) and failure.error == "feed entry has no text and no link"
    assert failure.path == f"{path}#entry2"


@pytest.mark.parametrize(
    "content",
    [b"", b"<html><body>not a feed</body></html>", b"<?xml version='1.0'?><rss><channel></channel></rss>", b"\x00\x01garbage"],
    ids=["empty", "html", "no-entries", "binary"],
)
def test_unreadable_feed_file_is_one_failure(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.xml"
    path.write_bytes(content)
    [failure] = list(iter_documents(path, max_chars=10_000))
    assert isinstance(failure, Failure) and "not an RSS/Atom feed" in failure.error and failure.path == str(path)


def test_feed_entity_expansion_is_not_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    path = tmp_path / "xxe.rss"
    path.write_text(
        f"<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY x SYSTEM 'file://{secret}'>]>"
        "<rss version='2.0'><channel><title>t</title><item><title>a</title>"
        "<description>Leaked: &x; after a long description of clashes in the valley.</description></item></channel></rss>",
        encoding="utf-8",
    )
    texts = [item.text for item in iter_documents(path, max_chars=10_000) if isinstance(item, RawDocument)]
    assert all("TOP-SECRET-VALUE" not in text for text in texts)


@pytest.mark.parametrize(
    ("body", "content_type", "expected"),
    [
        (b"<?xml version='1.0'?><rss version='2.0'>", "", True),
        (b"<feed xmlns='http://www.w3.org/2005/Atom'>", "text/xml", True),
        (b"<?xml version='1.0'?><data/>", "application/rss+xml", True),
        (b"<!DOCTYPE html><html><body>rss</body></html>", "text/html", False),
        (b"plain text mentioning <rss later", "text/plain", False),
        (b"\xef\xbb\xbf  <rss version='2.0'>", "", True),
        (b"just text", "text/plain", False),
    ],
)
def test_looks_like_feed(body: bytes, content_type: str, expected: bool) -> None:
    assert looks_like_feed(body, content_type) is expected


@pytest.mark.integration
def test_feed_url_yields_entries_and_fetches_link_only_entry(local_server: LocalServer) -> None:
    first, second = list(iter_documents(local_server.url("/feed.xml"), max_chars=10_000, allow_private=True))
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert first.published == dt.date(2023, 3, 8) and first.source == "Example Courier"
    assert "cattle market" in first.text and "<p>" not in first.text
    assert second.title == "Link only" and "cattle market" in second.text
    assert local_server.hits == ["/feed.xml", "/article"]


@pytest.mark.integration
def test_article_url_target_is_one_document(local_server: LocalServer) -> None:
    [doc] = list(iter_documents(local_server.url("/article"), max_chars=10_000, allow_private=True))
    assert isinstance(doc, RawDocument) and doc.title == "Gunmen attack cattle market near Kelvara"


@pytest.mark.integration
def test_url_target_refused_by_default_is_a_failure(local_server: LocalServer) -> None:
    [failure] = list(iter_documents(local_server.url("/feed.xml"), max_chars=10_000))
    assert isinstance(failure, Failure) and "loopback" in failure.error
    assert failure.path == local_server.url("/feed.xml") and local_server.hits == []


@pytest.mark.integration
def test_url_list_fetches_each_and_reports_each_failure(tmp_path: Path, local_server: LocalServer) -> None:
    path = tmp_path / "reading.urls"
    urls = [local_server.url("/article"), local_server.url("/pdf"), "file:///etc/passwd", local_server.url("/nav-only")]
    path.write_text("# morning reading\n\n" + "\n".join(urls) + "\n", encoding="utf-8")
    items = list(iter_documents(path, max_chars=10_000, allow_private=True))
    assert isinstance(items[0], RawDocument)
    errors = [item.error for item in items[1:] if isinstance(item, Failure)]
    assert [item.path for item in items[1:]] == urls[1:]
    assert ["application/pdf" in errors[0], "only http and https" in errors[1], "no article text" in errors[2]] == [True] * 3


@pytest.mark.integration
def test_jsonl_row_with_only_url_is_fetched(tmp_path: Path, local_server: LocalServer) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text(f'{{"url": "{local_server.url("/article")}", "published": "2023-03-08", "id": "k1"}}\n', encoding="utf-8")
    [doc] = list(iter_documents(path, max_chars=10_000, allow_private=True))
    assert isinstance(doc, RawDocument) and "cattle market" in doc.text and doc.doc_id == "k1"
