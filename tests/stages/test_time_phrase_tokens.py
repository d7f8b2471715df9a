"""The shared light tokens and phrase tables of the time, toll and attribution parsers.

`sentence_tokens` is compared with a plain `finditer` reading of the same pattern, and
`PhraseTable.match` with a brute-force longest-first search, on hand-written rows.
"""

from __future__ import annotations

import pytest

from flashpoint.stages.phrase_patterns import TOKEN
from flashpoint.stages.phrase_tokens import (
    PhraseTable,
    Token,
    fold,
    phrase_key,
    sentence_tokens,
    tokenize,
)

TEXTS = [
    "Clashes between last May and October.",
    "L'armée a déclaré jusqu'au 12 février, d'après l'AFP.",
    "  Two  spaces,\ttabs\nand new lines  ",
    "1 200 morts et 1\u202f300 blessés\u00a0: 12/03/2023, 3-5 mars.",
    "“Quoted”, he said — aujourd'hui’s year's end…",
    "٣ days, ² and ⓷ are not ASCII digits.",
    "",
    "   ",
    "x",
]


def _reference(text: str, offset: int) -> list[Token]:
    return [Token(m.group(), fold(m.group()), m.start() + offset, m.end() + offset) for m in TOKEN.finditer(text)]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("offset", [0, 17])
def test_sentence_tokens_match_a_plain_regex_reading(text: str, offset: int) -> None:
    tokens = sentence_tokens(text, offset)
    assert list(tokens) == _reference(text, offset)
    assert tokenize(text, offset=offset) == _reference(text, offset)
    assert all(text[t.start - offset : t.end - offset] == t.text for t in tokens)


def test_sentence_tokens_are_shared_and_immutable() -> None:
    text = "The army said 12 soldiers were killed on Sunday."
    first = sentence_tokens(text, 40)
    assert sentence_tokens(text, 40) is first
    assert isinstance(first, tuple)
    assert sentence_tokens(text, 41) is not first
    assert sentence_tokens(text, 41)[0].start == 41


ENTRIES = {"the end of": "end", "the": "article", "end": "noun", "the end": "short", "mai": "may-fr", "a": "one"}
# (text, position, expected (value, size) or None)
MATCH_ROWS = [
    ("the end of May", 0, ("end", 3)),
    ("the end", 0, ("short", 2)),
    ("the end.", 0, ("short", 2)),
    ("the", 0, ("article", 1)),
    ("the ending", 0, ("article", 1)),
    ("The End Of", 0, ("end", 3)),
    ("the end of May", 1, ("noun", 1)),
    ("the end of May", 3, None),
    ("the end of May", 4, None),
    ("Mai", 0, ("may-fr", 1)),
    ("mai", 0, None),
    ("a", 0, ("one", 1)),
    ("in the end of", 1, ("end", 3)),
]


def _brute_force(entries: dict[str, str], cased: set[str], tokens: list[Token], i: int) -> tuple[str, int] | None:
    keys = sorted(((phrase_key(p), v, p in cased) for p, v in entries.items()), key=lambda e: -len(e[0]))
    for key, value, needs_capital in keys:
        if tuple(t.norm for t in tokens[i : i + len(key)]) != key:
            continue
        if needs_capital and not tokens[i].is_capitalised:
            continue
        return value, len(key)
    return None


@pytest.mark.parametrize(("text", "i", "expected"), MATCH_ROWS)
def test_phrase_table_matches_longest_first(text: str, i: int, expected: tuple[str, int] | None) -> None:
    table = PhraseTable(ENTRIES, cased=["mai"])
    tokens = tokenize(text)
    assert table.match(tokens, i) == expected
    assert table.match(tokens, i) == _brute_force(ENTRIES, {"mai"}, tokens, i)


def test_phrase_table_first_words() -> None:
    assert PhraseTable(ENTRIES).first_words == frozenset({"the", "end", "mai", "a"})
