"""`RawDocument`: a report as read from a file, feed, URL or row, before any stage runs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from flashpoint.model import Document


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
