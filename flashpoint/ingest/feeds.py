"""Documents from an RSS/Atom feed: one per entry, its text from the entry's content or summary.

An entry with no text at all is fetched from its link (SSRF-safe). The feed is always
handed to feedparser as bytes, so feedparser itself never opens a URL or a file.

Example:
    >>> docs = list(iter_feed(Path("news.rss").read_bytes(), where="news.rss", max_chars=100_000))  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator, Mapping
from functools import partial
from typing import Any

import feedparser

from flashpoint.errors import InputError
from flashpoint.ingest.fetch import fetch_url
from flashpoint.ingest.html import fragment_to_text
from flashpoint.ingest.raw import RawDocument, finalise, guarded, ingest_failure
from flashpoint.model import Failure

# A feed archive can be far larger than one report; it is parsed whole, so cap it.
MAX_FEED_BYTES = 50_000_000
_FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")


def looks_like_feed(body: bytes, content_type: str = "") -> bool:
    """True when a response or file is an RSS/Atom feed (by media type, else by its root element)."""
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"<html" in head:
        return False
    if content_type not in _FEED_TYPES and not head.startswith(b"<"):
        return False
    return content_type in _FEED_TYPES or any(root in head for root in _FEED_ROOTS)


def iter_feed(
    data: bytes, *, where: str, max_chars: int, allow_private: bool = False
) -> Iterator[RawDocument | Failure]:
    """One `RawDocument` per feed entry; an unreadable feed or entry yields a `Failure`."""
    if len(data) > MAX_FEED_BYTES:
        yield ingest_failure(where, InputError(f"feed is {len(data):,} bytes, over the limit of {MAX_FEED_BYTES:,}"))
        return
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None)
        detail = f": {reason}" if reason else ""
        yield ingest_failure(where, InputError(f"not an RSS/Atom feed with entries{detail}", path=where))
        return
    source = _text_or_none(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, start=1):
        link = _text_or_none(entry.get("link"))
        item = f"{where}#entry{number}"
        read = partial(_entry_document, entry, item, source, max_chars, allow_private)
        yield guarded(link or item, read)


def _entry_document(
    entry: Mapping[str, Any], where: str, source: str | None, max_chars: int, allow_private: bool
) -> RawDocument:
    link = _text_or_none(entry.get("link"))
    text = fragment_to_text(_entry_html(entry))
    if not text.strip():
        if link is None:
            raise InputError("feed entry has no text and no link", path=where)
        text = fetch_url(link, allow_private=allow_private).text
    doc = RawDocument(
        text=text,
        path=where,
        url=link,
        published=_entry_date(entry),
        source=source,
        title=_text_or_none(entry.get("title")),
        doc_id=None,
    )
    return finalise(doc, max_chars=max_chars, where=link or where)


def _entry_html(entry: Mapping[str, Any]) -> str:
    """The fullest HTML the entry carries: `content` (e.g. content:encoded), else the summary."""
    contents = entry.get("content") or []
    values = [str(part.get("value") or "") for part in contents if isinstance(part, Mapping)]
    full = max(values, key=len, default="")
    summary = str(entry.get("summary") or "")
    return full if len(full) >= len(summary) else summary


def _entry_date(entry: Mapping[str, Any]) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            try:
                return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
            except ValueError:
                continue
    return None


def _text_or_none(value: object) -> str | None:
    return str(value).strip() or None if value is not None else None
