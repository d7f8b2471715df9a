"""Extraction as a plain function: read documents, run the pipeline, keep failures.

`flashpoint extract` and `flashpoint eval --extract` are thin wrappers over this.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from flashpoint.ingest.raw import RawDocument
from flashpoint.ingest.sources import iter_documents
from flashpoint.model import Document, Failure
from flashpoint.pipeline import Pipeline


def to_document(raw: RawDocument, *, published: dt.date | None, lang: str | None = None) -> Document:
    """The pipeline's document; an explicit `published` or `lang` wins over the source's."""
    doc = raw.to_document()
    if published is not None:
        doc = replace(doc, published=published)
    return replace(doc, lang=lang) if lang is not None else doc


def extract_documents(
    nlp: Pipeline,
    target: str | Path,
    *,
    published: dt.date | None = None,
    lang: str | None = None,
    max_chars: int = 2_000_000,
    allow_private: bool = False,
) -> Iterator[Document | Failure]:
    """Each document of `target` processed, or the `Failure` that says why it was not."""
    items = iter_documents(target, max_chars=max_chars, allow_private=allow_private)
    docs = (item if isinstance(item, Failure) else to_document(item, published=published, lang=lang) for item in items)
    yield from nlp.pipe_safe(docs)
