"""PhraseMatcher's prefix dispatch finds exactly what one alternation per first letter finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flashpoint.kb import phrase_matcher
from flashpoint.kb.phrase_matcher import (
    PatternError,
    PhraseMatcher,
    first_letters,
    min_width,
    word_prefixes,
)
from flashpoint.kb.trigger_lexicon import load_trigger_lexicon

# Optional parts, classes, gaps, repeats, look-arounds, letters whose case folds oddly (ſ/s, K/k).
PATTERNS = [
    r"(?:war)?planes?(?!\w)",
    r"air\s+strikes?(?!\w)",
    r"air(?!\w)",
    r"[Ss]hell(?:ing|ed)?",
    r"s[éeě]ge",
    r"kill(?:ed)?\W+(?:\w+\W+){0,2}?(?:men|me)",
    r"[0-9]{1,3}\s+killed",
    r"(?:a|an|the)\s+raid",
    r"K\w*k",
    r"ſe",
    r"Émeutes?",
    r"iı",
    r"mé\w?",
]
ALPHABET = list("aeiklmnoprstwSKAÉéěıİſK0123 -'\n")


def reference_finditer(patterns: list[str], text: str) -> list[tuple[int, int, int]]:
    """The plain algorithm: at each word start, one alternation of the patterns its first letter can start."""
    groups: dict[str, list[int]] = {}
    for index in sorted(range(len(patterns)), key=lambda i: (-min_width(patterns[i]), i)):
        for char in first_letters(patterns[index]):
            groups.setdefault(char, []).append(index)
    regexes = {c: re.compile("|".join(f"(?P<p{i}>{patterns[i]})" for i in ix), re.IGNORECASE) for c, ix in groups.items()}
    found, covered_to = [], 0
    for word in re.finditer(r"(?<!\w)\w", text):
        regex = regexes.get(word.group().lower())
        match = regex.match(text, word.start()) if regex else None
        if match is None or match.end() <= max(covered_to, match.start()):
            continue
        covered_to = match.end()
        found.append((match.start(), match.end(), int(str(match.lastgroup)[1:])))
    return found


def matches(matcher: PhraseMatcher, text: str) -> list[tuple[int, int, int]]:
    return [(m.start, m.end, m.index) for m in matcher.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(ALPHABET), max_size=80))
def test_phrase_matcher_dispatch_agrees_with_one_alternation_per_letter(text: str) -> None:
    assert matches(PhraseMatcher(PATTERNS), text) == reference_finditer(PATTERNS, text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(ALPHABET), max_size=40), min_size=1, max_size=5))
def test_phrase_matcher_dispatch_agrees_when_its_memo_is_renewed(texts: list[str]) -> None:
    matcher = PhraseMatcher(PATTERNS)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(phrase_matcher, "_TABLE_LIMIT", 0)
        for text in texts:
            assert matches(matcher, text) == reference_finditer(PATTERNS, text)


@pytest.mark.parametrize(
    ("pattern", "prefixes"),
    [
        ("clash(?:es)?", {("c", "l", "a", "s")}),
        ("(?:war)?planes?", {("w", "a", "r", "p"), ("p", "l", "a", "n")}),
        ("air", {("a", "i", "r")}),
        (r"a\s+b", {("a", "", "b"), ("a", "", "", "b"), ("a", "", "", "")}),
        (r"ab(?=c)d", {("a", "b", "d")}),
        ("[ab]x{2,}", {("a", "x", "x"), ("a", "x", "x", "x"), ("b", "x", "x"), ("b", "x", "x", "x")}),
        ("ab?c", {("a", "b", "c"), ("a", "c")}),
    ],
)
def test_phrase_matcher_word_prefixes(pattern: str, prefixes: set[tuple[str, ...]]) -> None:
    assert word_prefixes(pattern) == prefixes


def test_phrase_matcher_word_prefixes_shorten_when_too_many() -> None:
    # Four digits from a range have 10**4 prefixes: the index falls back to shorter ones.
    prefixes = word_prefixes("[0-9][0-9][0-9][0-9]")
    assert prefixes and all(len(prefix) < 4 for prefix in prefixes)


@pytest.mark.parametrize("pattern", [r"(a)\1", r"(?P<x>a)(?P=x)", r"(a)?(?(1)b|c)"])
def test_phrase_matcher_rejects_back_references(pattern: str) -> None:
    with pytest.raises(PatternError):
        PhraseMatcher([pattern])


def test_phrase_matcher_dispatch_agrees_on_the_shipped_lexicons(shared_dir: Path) -> None:
    """Every matcher of both shipped lexicons, over the seed article, whole and by line and in upper case."""
    text = (shared_dir / "seed" / "menaka-article.txt").read_text(encoding="utf-8")
    samples = [text, text.upper(), *[line for line in text.splitlines() if line.strip()]]
    lexicon = load_trigger_lexicon()
    for lang in lexicon.languages:
        language = lexicon.language(lang)
        for field in ("trigger_matcher", "cue_matcher", "negative_matcher", "overlay_matcher", "grievance_matcher"):
            matcher = getattr(language, field)
            if matcher is None:
                continue
            for sample in samples:
                assert matches(matcher, sample) == reference_finditer(list(matcher.patterns), sample), (lang, field)
