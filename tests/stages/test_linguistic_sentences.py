"""Rule-based sentences and paragraphs (no model)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flashpoint.stages.linguistic import (
    lower_case_words,
    opening,
    opens_with_name,
    split_paragraphs,
    split_sentences,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gen. Diarra said Col. A. Goita won. Then 12 people died!", ["Gen. Diarra said Col. A. Goita won.", "Then 12 people died!"]),
        ("“Is it over?” he asked. It was 3.5 km away.", ["“Is it over?” he asked.", "It was 3.5 km away."]),
        ("Le M. Traoré a parlé. Le 12 mars, ils sont partis.", ["Le M. Traoré a parlé.", "Le 12 mars, ils sont partis."]),
        ("No final stop", ["No final stop"]),
    ],
)
def test_linguistic_split_sentences(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == expected


def test_linguistic_paragraphs_strip_bullets_and_keep_offsets() -> None:
    text = "Title\n\n• First point. Second.\n- Third"
    paragraphs = split_paragraphs(text)
    assert [p.text for p in paragraphs] == ["Title", "First point. Second.", "Third"]
    assert all(text[p.offset : p.offset + len(p.text)] == p.text for p in paragraphs)


@pytest.mark.parametrize(("text", "expected"), [("Djibo was attacked.", True), ("The army said.", False), ("in Gao", False)])
def test_linguistic_opens_with_name(text: str, expected: bool) -> None:
    assert opens_with_name(text, "en") is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Police fired tear gas.", False), ("Thousands marched.", False), ("Djibo's market burned.", False), ("Kaya was calm.", True)],
)
def test_linguistic_opens_with_name_skips_common_words(text: str, expected: bool) -> None:
    common = lower_case_words("the police said thousands of people left djibo") | {"djibo"}
    assert opens_with_name(text, "en", common) is expected


def test_linguistic_lower_case_words_are_the_ones_written_in_lower_case() -> None:
    assert lower_case_words("Police said police and Kaya, d'Ouagadougou, tirs") == {"said", "police", "and", "d'Ouagadougou", "tirs"}


def test_linguistic_opening_window() -> None:
    assert opening("one two three four", 2) == "one two" and opening("a b", None) == "a b"


@given(st.text(max_size=300))
def test_linguistic_sentences_are_inside_the_text_and_ordered(text: str) -> None:
    bounds = split_sentences(text)
    assert all(0 <= a < b <= len(text) for a, b in bounds)
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(bounds, bounds[1:]))
