"""Tokens with character offsets, and longest-match lookup of lexicon phrases.

The time, toll and attribution parsers work on the same light tokens: a word, a
number with its separators, or one punctuation mark. Each token keeps its span in
the document and a folded form (lower case, no accents, straight apostrophes) so
that "Février", "fevrier" and "février" match the same lexicon entry.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from flashpoint.stages.phrase_patterns import TOKEN

V = TypeVar("V")


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its surface text, folded form and document offsets."""

    text: str
    norm: str
    start: int
    end: int

    @property
    def is_capitalised(self) -> bool:
        """True when the token starts with an upper-case letter."""
        return self.text[:1].isupper()

    @property
    def is_word(self) -> bool:
        """True for alphabetic tokens (possibly with an apostrophe)."""
        return self.text[:1].isalpha()


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, strip accents and straighten apostrophes, for matching only."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'").lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokenize(text: str, *, offset: int = 0) -> list[Token]:
    """Split `text` into tokens whose spans are shifted by `offset` into the document."""
    return [
        Token(m.group(), fold(m.group()), m.start() + offset, m.end() + offset)
        for m in TOKEN.finditer(text)
    ]


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The folded token sequence a lexicon phrase matches."""
    if phrase.endswith(("'", "’")):
        # An elided word ("d'") only splits off before a letter, as it does in text.
        return tuple(token.norm for token in tokenize(phrase + "x"))[:-1]
    return tuple(token.norm for token in tokenize(phrase))


class PhraseTable(Generic[V]):
    """Lexicon phrases (one or more tokens) mapped to values, matched longest first."""

    def __init__(self, entries: Mapping[str, V] | Iterable[tuple[str, V]], *, cased: Iterable[str] = ()) -> None:
        pairs = entries.items() if isinstance(entries, Mapping) else entries
        self._by_first: dict[str, list[tuple[tuple[str, ...], V]]] = {}
        for phrase, value in pairs:
            key = phrase_key(phrase)
            if key:
                self._by_first.setdefault(key[0], []).append((key, value))
        for options in self._by_first.values():
            options.sort(key=lambda option: -len(option[0]))
        # Entries that only match a capitalised token ("May" the month, not "may" the verb).
        self._cased = {phrase_key(phrase) for phrase in cased}

    @property
    def first_words(self) -> frozenset[str]:
        """Folded words that can start an entry (to skip tokens that start none)."""
        return frozenset(self._by_first)

    def match(self, tokens: Sequence[Token], i: int) -> tuple[V, int] | None:
        """The value and token count of the longest phrase starting at `tokens[i]`."""
        if i >= len(tokens):
            return None
        for key, value in self._by_first.get(tokens[i].norm, ()):
            end = i + len(key)
            if end > len(tokens) or any(tokens[i + k].norm != part for k, part in enumerate(key)):
                continue
            if key in self._cased and not tokens[i].is_capitalised:
                continue
            return value, len(key)
        return None


def is_digits(text: str) -> bool:
    """ASCII digits only: `str.isdigit` also accepts "⓷" and "²", which `int()` rejects."""
    return text.isascii() and text.isdigit()
