"""The typed model: content hashes, spans, layers."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flashpoint.model import Document, Span, content_hash


@pytest.mark.parametrize(
    ("a", "b"),
    [("Two killed.\r\n", "Two killed.\n"), ("Cafe\u0301", "Café")],
)
def test_model_content_hash_ignores_line_endings_and_unicode_form(a: str, b: str) -> None:
    assert content_hash(a) == content_hash(b)


def test_model_document_with_layers_returns_a_copy() -> None:
    doc = Document.from_text("Clashes near Gao.", published=dt.date(2023, 1, 2))
    later = doc.with_layers(countries=("ML",))
    assert doc.countries == () and later.countries == ("ML",)
    assert later.doc_id == doc.doc_id


@given(st.text(), st.integers(0, 50), st.integers(0, 50))
def test_model_span_text_of_is_a_slice(text: str, a: int, b: int) -> None:
    start, end = sorted((a, b))
    assert Span(start, end).text_of(text) == text[start:end]
