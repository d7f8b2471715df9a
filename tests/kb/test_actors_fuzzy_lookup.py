"""Fuzzy look-ups: the length pre-filter and the memo change no result; capitalised runs
(the fuzzy candidates) are found as the word-by-word definition finds them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from flashpoint.kb import actors as actors_module
from flashpoint.kb.actors import FUZZY_CUTOFF, ActorKB, ResolveContext
from flashpoint.kb.aliases import Token, token_table
from flashpoint.kb.mentions import _CONNECTORS, FUZZY_MIN_RUN_CHARS, _capitalised_runs

CTX = ResolveContext(("ML",), dt.date(2022, 11, 15), frozenset())


def _variants(key: str) -> list[str]:
    """Spellings one edit away: dropped, doubled and swapped letters, a letter added."""
    out = [key[:i] + key[i + 1 :] for i in range(len(key))]
    out += [key[:i] + key[i] + key[i:] for i in range(len(key))]
    out += [key[:i] + key[i + 1] + key[i] + key[i + 2 :] for i in range(len(key) - 1)]
    return out + [key + "s", "x" + key]


def test_fuzzy_length_filter_keeps_every_hit(kb: ActorKB) -> None:
    keys = kb._fuzzy_keys  # every key, the reference choice list
    for key in keys:
        for query in _variants(key)[:12]:
            full = process.extract(query, keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=5)
            near = process.extract(query, kb._fuzzy_keys_near(len(query)), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=5)
            assert [(k, s) for k, s, _ in near] == [(k, s) for k, s, _ in full], query


@pytest.mark.parametrize("text", ["Mourabitoun", "Katiba Macinaa", "Ansarul Islam", "Monday", "Xyzzyplugh"])
def test_fuzzy_memo_returns_the_same_resolution(kb: ActorKB, text: str) -> None:
    first = kb.resolve_fuzzy(text, CTX)
    assert kb.resolve_fuzzy(text, CTX) == first


def test_fuzzy_memo_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    kb = ActorKB.load()
    monkeypatch.setattr(actors_module, "FUZZY_MEMO_SIZE", 2)
    for text in ["Mourabitoun", "Monday", "Tuesday", "Ansarul Islam"]:
        kb.resolve_fuzzy(text, CTX)
        assert len(kb._fuzzy_memo) <= 2


def _reference_runs(tokens: Sequence[Token], covered: set[int]) -> list[tuple[int, int]]:
    """The definition: walk every word; a run joins capitalised words and connectors."""
    runs: list[tuple[int, int]] = []
    index = 0
    while index < len(tokens):
        if index in covered or not tokens[index].raw[:1].isupper():
            index += 1
            continue
        last = probe = index
        while tokens[probe].joins_next and probe + 1 < len(tokens) and probe + 1 not in covered:
            nxt = tokens[probe + 1]
            if not (nxt.raw[:1].isupper() or nxt.raw.lower() in _CONNECTORS):
                break
            probe += 1
            if nxt.raw[:1].isupper():
                last = probe
        if tokens[last].end - tokens[index].start >= FUZZY_MIN_RUN_CHARS:
            runs.append((index, last))
        index = last + 1
    return runs


_WORDS = ["Group", "for", "Support", "of", "the", "Islam", "Mali", "army", "Al", "de", "Ménaka", "x", "É", "Tuesday"]


@given(
    st.lists(st.sampled_from(_WORDS), max_size=14),
    st.lists(st.sampled_from([" ", ". ", "-", "\n", ", "]), min_size=14, max_size=14),
    st.sets(st.integers(0, 13)),
)
def test_capitalised_runs_match_definition(words: list[str], gaps: list[str], covered: set[int]) -> None:
    text = "".join(word + gap for word, gap in zip(words, gaps))
    table = token_table(text)
    assert list(_capitalised_runs(table, covered)) == _reference_runs(table.tokens(), covered)
