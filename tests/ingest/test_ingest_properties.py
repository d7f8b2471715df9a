"""Hypothesis invariants of the text-facing ingest functions: a result or an InputError, nothing else."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flashpoint.errors import InputError
from flashpoint.ingest.decode import decode_bytes
from flashpoint.ingest.html import fragment_to_text, html_to_text

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_TAGS = st.sampled_from(["p", "div", "a", "b", "script", "table", "td", "nav", "article", "br", "!--", "![CDATA["])
_HTML = st.lists(
    st.one_of(
        st.text(max_size=40),
        _TAGS.map(lambda tag: f"<{tag}>"),
        _TAGS.map(lambda tag: f"</{tag}>"),
        st.sampled_from(["&amp;", "&#x0;", "&#99999999;", "<", ">", "<!DOCTYPE html>", "<?xml version='1.0'?>"]),
    ),
    max_size=60,
).map("".join)


@FAST
@given(st.binary(max_size=2_000))
def test_decode_bytes_returns_text_or_input_error(data: bytes) -> None:
    try:
        text = decode_bytes(data, path="fuzz.txt")
    except InputError as exc:
        assert exc.path == "fuzz.txt" and exc.message
    else:
        assert text.strip() and "\x00" not in text


@FAST
@given(
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=500),
    st.sampled_from(["utf-8", "utf-16", "utf-32", "utf-8-sig"]),
)
def test_decode_bytes_round_trips_unicode_text(text: str, codec: str) -> None:
    if not text.strip():
        return
    assert decode_bytes(text.encode(codec)) == text.removeprefix("\ufeff")


@FAST
@given(_HTML)
def test_html_to_text_returns_article_or_input_error(html: str) -> None:
    try:
        text, title = html_to_text(html, path="fuzz.html")
    except InputError as exc:
        assert exc.path == "fuzz.html"
    else:
        assert text.strip()
        assert title is None or title.strip()


@FAST
@given(_HTML)
def test_fragment_to_text_never_raises_and_drops_tags(html: str) -> None:
    text = fragment_to_text(html)
    assert "<p>" not in text or "<p>" in html.replace("&lt;", "<")


@pytest.mark.parametrize("depth", [10, 300, 5_000])
def test_html_to_text_nested_tables_and_lists(depth: int) -> None:
    html = "<table><tr><td>" * depth + "cell text" + "</td></tr></table>" * depth
    try:
        html_to_text(html)
    except InputError as exc:
        assert "no article text" in exc.message
