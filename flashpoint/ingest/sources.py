"""Where documents come from: a file, a folder, stdin, JSONL/CSV, an RSS/Atom feed, URLs.

`iter_documents` streams `RawDocument`s (never loading a whole corpus); a bad item
becomes a `Failure(stage="ingest")` naming it and the reason, and iteration goes on.

Example:
    >>> for item in iter_documents("reports/", max_chars=2_000_000):  # doctest: +SKIP
    ...     print(item.path)
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import BinaryIO

from flashpoint.errors import InputError
from flashpoint.ingest.address_policy import AddressPolicy
from flashpoint.ingest.decode import decode_bytes
from flashpoint.ingest.feeds import MAX_FEED_BYTES, iter_feed, looks_like_feed
from flashpoint.ingest.fetch import FetchedPage, fetch_page, fetch_url, page_to_document
from flashpoint.ingest.html import html_to_text
from flashpoint.ingest.raw import RawDocument, finalise, guarded, ingest_failure
from flashpoint.ingest.records import iter_csv, iter_jsonl
from flashpoint.model import Failure

__all__ = ["RawDocument", "iter_documents", "read_path"]

DOCUMENT_SUFFIXES = frozenset({".txt", ".html", ".htm", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
# Decoded text never has more characters than its bytes have; UTF-32 has 4 bytes each.
_BYTES_PER_CHAR = 4
_STDIN = "<stdin>"


def _byte_cap(max_chars: int) -> int:
    return max_chars * _BYTES_PER_CHAR


def _refuse_oversized(size: int, *, max_chars: int, where: str) -> None:
    if size > _byte_cap(max_chars):
        raise InputError(
            f"file is {size / 1e6:.1f} MB, over the limit of {max_chars:,} characters (max_doc_chars)", path=where
        )


def _bytes_to_document(data: bytes, *, where: str, is_html: bool, max_chars: int) -> RawDocument:
    text = decode_bytes(data, path=where)
    title = None
    if is_html:
        text, title = html_to_text(text, path=where)
    doc = RawDocument(text=text, path=where, url=None, published=None, source=None, title=title, doc_id=None)
    return finalise(doc, max_chars=max_chars, where=where)


def read_path(path: Path, *, max_chars: int) -> RawDocument:
    """Read one file: `.html`/`.htm` through `html_to_text`, anything else as text.

    Raises:
        InputError: missing or unreadable file, over the size limit (says the size and the
        limit), empty, binary, undecodable, or an HTML page with no article text.
    """
    where = str(path)
    try:
        if not path.is_file():
            raise InputError("is not a file" if path.exists() else "no such file", path=where)
        _refuse_oversized(path.stat().st_size, max_chars=max_chars, where=where)
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path=where) from exc
    return _bytes_to_document(data, where=where, is_html=path.suffix.lower() in HTML_SUFFIXES, max_chars=max_chars)


def _looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _read_stdin(stream: BinaryIO, *, max_chars: int) -> RawDocument:
    data = stream.read(_byte_cap(max_chars) + 1)
    _refuse_oversized(len(data), max_chars=max_chars, where=_STDIN)
    return _bytes_to_document(data, where=_STDIN, is_html=_looks_like_html(data), max_chars=max_chars)


def _iter_folder(folder: Path, *, max_chars: int) -> Iterator[RawDocument | Failure]:
    """Report files under `folder`, recursively, in sorted order; hidden entries are skipped."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        for name in sorted(files):
            path = Path(root, name)
            if not name.startswith(".") and path.suffix.lower() in DOCUMENT_SUFFIXES:
                yield guarded(str(path), partial(read_path, path, max_chars=max_chars))


def _iter_url(url: str, *, max_chars: int, allow_private: bool) -> Iterator[RawDocument | Failure]:
    """A URL is a feed (each entry a document) or one article."""
    try:
        page = fetch_page(url, policy=AddressPolicy(allow_private=allow_private), max_bytes=MAX_FEED_BYTES)
    except InputError as exc:
        yield ingest_failure(url, exc)
        return
    if looks_like_feed(page.body, page.content_type):
        yield from iter_feed(page.body, where=url, max_chars=max_chars, allow_private=allow_private)
        return
    yield guarded(url, partial(_page_document, page, url=url, max_chars=max_chars))


def _page_document(page: FetchedPage, *, url: str, max_chars: int) -> RawDocument:
    return finalise(page_to_document(page, requested_url=url), max_chars=max_chars, where=url)


def _url_document(url: str, *, max_chars: int, allow_private: bool) -> RawDocument:
    return finalise(fetch_url(url, allow_private=allow_private), max_chars=max_chars, where=url)


def _iter_url_list(path: Path, *, max_chars: int, allow_private: bool) -> Iterator[RawDocument | Failure]:
    """One article per line of a `.urls` file; blank lines and `#` comments are skipped."""
    with path.open(encoding="utf-8", errors="replace") as lines:
        for line in lines:
            url = line.strip()
            if url and not url.startswith("#"):
                yield guarded(url, partial(_url_document, url, max_chars=max_chars, allow_private=allow_private))


def _iter_feed_file(path: Path, *, max_chars: int, allow_private: bool) -> Iterator[RawDocument | Failure]:
    where = str(path)
    try:
        if path.stat().st_size > MAX_FEED_BYTES:
            raise InputError(f"feed file is over the limit of {MAX_FEED_BYTES:,} bytes", path=where)
        data = path.read_bytes()
    except OSError as exc:
        yield ingest_failure(where, InputError(f"cannot read file: {exc.strerror or exc}", path=where))
        return
    except InputError as exc:
        yield ingest_failure(where, exc)
        return
    yield from iter_feed(data, where=where, max_chars=max_chars, allow_private=allow_private)


def iter_documents(
    target: str | Path, *, max_chars: int, allow_private: bool = False
) -> Iterator[RawDocument | Failure]:
    """Stream the documents of `target`: a file, a folder (recursive, sorted), `-` for stdin,
    a `.jsonl`/`.csv` of documents, a feed (`.xml`/`.rss`/`.atom` file or an http(s) URL, which
    may also be a single article), or a `.urls` list of article URLs.

    Yields `RawDocument`, or `Failure(doc_id=None, stage="ingest", error, path)` for a bad item.

    Raises:
        InputError: when `target` itself does not exist.
    """
    if isinstance(target, str) and target == "-":
        yield guarded(_STDIN, partial(_read_stdin, sys.stdin.buffer, max_chars=max_chars))
        return
    if isinstance(target, str) and target.lower().startswith(("http://", "https://")):
        yield from _iter_url(target, max_chars=max_chars, allow_private=allow_private)
        return
    path = Path(target)
    if not path.exists():
        raise InputError("no such file or folder", path=str(path))
    yield from _iter_path(path, max_chars=max_chars, allow_private=allow_private)


def _iter_path(path: Path, *, max_chars: int, allow_private: bool) -> Iterator[RawDocument | Failure]:
    suffix = path.suffix.lower()
    if path.is_dir():
        yield from _iter_folder(path, max_chars=max_chars)
    elif suffix == ".jsonl":
        yield from iter_jsonl(path, max_chars=max_chars, allow_private=allow_private)
    elif suffix == ".csv":
        yield from iter_csv(path, max_chars=max_chars, allow_private=allow_private)
    elif suffix in FEED_SUFFIXES:
        yield from _iter_feed_file(path, max_chars=max_chars, allow_private=allow_private)
    elif suffix == ".urls":
        yield from _iter_url_list(path, max_chars=max_chars, allow_private=allow_private)
    else:
        yield guarded(str(path), partial(read_path, path, max_chars=max_chars))
