"""`RawDocument`: a report as read from a file, feed, URL or row, before any stage runs;
and the steps every reader shares (final clean-up and limits, turning errors into `Failure`s)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from flashpoint.errors import FlashpointError, InputError
from flashpoint.ingest.decode import check_text, strip_invisible
from flashpoint.model import Document, Failure


@dataclass(frozen=True, slots=True)
class RawDocument:
    """Text plus where it came from; `doc_id` is set only when the source gave one.

    Example:
        >>> RawDocument("Two killed.", path="a.txt", url=None, published=None,
        ...             source=None, title=None, doc_id=None).to_document().lang is None
        True
    """

    text: str
    path: str | None
    url: str | None
    published: dt.date | None
    source: str | None
    title: str | None
    doc_id: str | None

    def to_document(self) -> Document:
        """The pipeline's `Document` (normalised text; content-hash id unless the source gave one)."""
        return Document.from_text(
            self.text,
            published=self.published,
            doc_id=self.doc_id,
            path=self.path,
            url=self.url,
            source=self.source,
            title=self.title,
        )


def ingest_failure(where: str, exc: Exception) -> Failure:
    """The `Failure` of one unreadable item; Flashpoint errors keep their own message."""
    if isinstance(exc, FlashpointError):
        return Failure(doc_id=None, stage="ingest", error=exc.message, path=exc.path or where)
    return Failure(doc_id=None, stage="ingest", error=f"{type(exc).__name__}: {exc}", path=where)


def guarded(where: str, read: Callable[[], RawDocument]) -> RawDocument | Failure:
    """Run one item's reader; any error becomes a `Failure` so the batch goes on."""
    try:
        return read()
    except Exception as exc:  # one bad item must never end the batch
        return ingest_failure(where, exc)


def finalise(doc: RawDocument, *, max_chars: int, where: str) -> RawDocument:
    """Every reader's last step: drop invisible characters, re-check the text, enforce `max_chars`.

    Raises:
        InputError: nothing but invisible characters, or longer than `max_chars` (`max_doc_chars`).
    """
    text = strip_invisible(doc.text)
    check_text(text, path=where)
    if len(text) > max_chars:
        raise InputError(
            f"document has {len(text):,} characters, over the limit of {max_chars:,} (max_doc_chars)", path=where
        )
    return doc if text == doc.text else dataclasses.replace(doc, text=text)
