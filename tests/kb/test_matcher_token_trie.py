"""TokenTrie over a token table: longest form wins, a walk stops where words do not join,
`accept` sees the words as written, and only words that begin a form start a walk."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flashpoint.kb.aliases import alias_keys, token_table
from flashpoint.kb.matcher import TokenTrie

FORMS = ["group", "the group", "Group for Support of Islam", "IS", "Islam", "al-Nusra"]


def _trie() -> TokenTrie[str]:
    trie: TokenTrie[str] = TokenTrie()
    for form in FORMS:
        for keys in alias_keys(form):
            trie.add(keys, form)
    return trie


def _as_written(value: str, words: Sequence[str]) -> bool:
    return value != "IS" or tuple(words) == ("IS",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Group for Support of Islam attacked", [("Group for Support of Islam", "Group for Support of Islam")]),
        ("the Group for Islam", [("the Group", "the group"), ("Islam", "Islam")]),
        ("the group. Islam", [("the group", "the group"), ("Islam", "Islam")]),
        ("the. group", [("group", "group")]),
        ("IS fighters, is it", [("IS", "IS")]),
        ("the Nusra and al-Nusra", [("Nusra", "al-Nusra"), ("al-Nusra", "al-Nusra")]),
        ("", []),
    ],
)
def test_trie_finds_longest_joined_forms(text: str, expected: list[tuple[str, str]]) -> None:
    table = token_table(text)
    found = [
        (text[table.starts[m.first] : table.ends[m.last]], m.values[0])
        for m in _trie().find_all(table, _as_written)
    ]
    assert found == expected


def _reference(trie: TokenTrie[str], text: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """Every start walked, no head filter: the matches the filtered walk must reproduce."""
    table = token_table(text)
    candidates = [m for i in range(len(table)) if (m := trie._longest_at(table, i, _as_written)) is not None]
    candidates.sort(key=lambda m: (m.first - m.last, m.first))
    taken: set[int] = set()
    chosen = []
    for m in candidates:
        if taken.isdisjoint(range(m.first, m.last + 1)):
            taken.update(range(m.first, m.last + 1))
            chosen.append((m.first, m.last, m.values))
    return sorted(chosen)


_WORDS = ["the", "group", "Group", "for", "Support", "of", "Islam", "IS", "is", "al", "Nusra", "x"]


@given(st.lists(st.sampled_from(_WORDS), max_size=12), st.lists(st.sampled_from([" ", ". ", "-", ", "]), min_size=12, max_size=12))
def test_trie_head_filter_changes_nothing(words: list[str], gaps: list[str]) -> None:
    text = "".join(word + gap for word, gap in zip(words, gaps))
    trie = _trie()
    got = [(m.first, m.last, m.values) for m in trie.find_all(token_table(text), _as_written)]
    assert got == _reference(trie, text)
