"""PhraseMatcher: word-start matching, longest pattern first, contained matches dropped."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flashpoint.kb.phrase_matcher import PatternError, PhraseMatcher, first_letters

PATTERNS = [r"bombs?(?!\w)", r"car\s+bombs?(?!\w)", r"suicide\s+car\s+bombs?(?!\w)", r"clash(?:es|ed)?(?!\w)"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a suicide car bomb", [("suicide car bomb", 2)]),
        ("a car bomb and a bomb", [("car bomb", 1), ("bomb", 0)]),
        ("Clashes erupted", [("Clashes", 3)]),
        ("carbombs and clashing", []),
        ("", []),
    ],
)
def test_phrase_matcher_finds_longest_at_word_starts(text: str, expected: list[tuple[str, int]]) -> None:
    matcher = PhraseMatcher(PATTERNS)
    assert [(text[m.start : m.end], m.index) for m in matcher.finditer(text)] == expected


def test_phrase_matcher_keeps_overlapping_but_not_contained() -> None:
    matcher = PhraseMatcher([r"gunmen\s+killed(?!\w)", r"killed\s+\w+\s+villagers(?!\w)", r"villagers(?!\w)"])
    text = "gunmen killed six villagers"
    assert [text[m.start : m.end] for m in matcher.finditer(text)] == ["gunmen killed", "killed six villagers"]


@pytest.mark.parametrize(
    ("pattern", "letters"),
    [("(?:war)?planes?", {"w", "p"}), ("[A-C]x", {"a", "b", "c"}), ("Émeutes?", {"é"}), ("IEDs?", {"i"})],
)
def test_phrase_matcher_first_letters(pattern: str, letters: set[str]) -> None:
    assert first_letters(pattern) == letters


@pytest.mark.parametrize("pattern", [r".*x", r"\w+", r"(?:a)?", r"-x"])
def test_phrase_matcher_rejects_patterns_without_a_first_letter(pattern: str) -> None:
    with pytest.raises(PatternError):
        first_letters(pattern)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcdeilmorsu -")), max_size=60))
def test_phrase_matcher_agrees_with_plain_regex_on_what_matches(text: str) -> None:
    """Every match is a real regex match starting a word; and if a pattern matches at a word start, something is found."""
    matcher = PhraseMatcher(PATTERNS)
    found = list(matcher.finditer(text))
    for match in found:
        assert match.start == 0 or not text[match.start - 1].isalnum()
        assert re.compile(PATTERNS[match.index], re.IGNORECASE).match(text, match.start)
    any_word_match = any(
        re.compile(p, re.IGNORECASE).match(text, i) for p in PATTERNS for i in range(len(text)) if i == 0 or not text[i - 1].isalnum()
    )
    assert bool(found) == bool(any_word_match)
