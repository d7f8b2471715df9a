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
from typing import Generic, NamedTuple, TypeVar

from flashpoint.stages.phrase_patterns import TOKEN

V = TypeVar("V")
ASCII_DIGITS = frozenset("0123456789")
"""The characters `is_digits` accepts, for one-character membership tests in scanning loops."""
# One entry of a PhraseTable: the words after the first, the value, and whether it needs a capital.
_Option = tuple[tuple[str, ...], V, bool]


class Token(NamedTuple):
    """One token: its surface text, folded form and document offsets.

    A named tuple, not a frozen dataclass: a report has thousands of tokens, and a tuple
    is built in a third of the time (a frozen dataclass sets each field through
    `object.__setattr__`). It is just as immutable and compares field by field.
    """

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
    return list(sentence_tokens(text, offset))


@functools.lru_cache(maxsize=2048)
def sentence_tokens(text: str, offset: int = 0) -> tuple[Token, ...]:
    """`tokenize`, shared: the time, toll and attribution stages each read every sentence,
    so the tokens of the last sentences are kept (an immutable tuple, safe to share)."""
    tokens = []
    position = 0
    # TOKEN takes every non-space character and no space, so between two tokens there is only
    # white space: each word's next occurrence is where it starts. (Cheaper than `finditer`,
    # which builds a match object per token.) TOKEN has no capturing group: `findall` gives words.
    # No token crosses white space (`str.split` and the regex agree on what it is) and TOKEN
    # looks at nothing before a token, so each chunk can be read alone; and a chunk of letters
    # only is one token (no apostrophe to elide, no digit, all of it word characters), which
    # spares the regex for most chunks.
    for chunk in text.split():
        for word in (chunk,) if chunk.isalpha() else TOKEN.findall(chunk):
            start = text.find(word, position)
            position = start + len(word)
            tokens.append(_new_token(Token, (word, fold(word), start + offset, position + offset)))
    return tuple(tokens)


# `tuple.__new__` straight away: the named tuple's own `__new__` is one more Python call per token.
_new_token = tuple.__new__


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
        by_first: dict[str, list[tuple[tuple[str, ...], V]]] = {}
        for phrase, value in pairs:
            key = phrase_key(phrase)
            if key:
                by_first.setdefault(key[0], []).append((key, value))
        # Entries that only match a capitalised token ("May" the month, not "may" the verb).
        cased_keys = {phrase_key(phrase) for phrase in cased}
        # Per first word, longest first: (words after the first, value, only when capitalised).
        self._by_first: dict[str, tuple[_Option[V], ...]] = {
            first: tuple(
                (key[1:], value, key in cased_keys)
                for key, value in sorted(options, key=lambda option: -len(option[0]))
            )
            for first, options in by_first.items()
        }

    @property
    def first_words(self) -> frozenset[str]:
        """Folded words that can start an entry (to skip tokens that start none)."""
        return frozenset(self._by_first)

    def match(self, tokens: Sequence[Token], i: int) -> tuple[V, int] | None:
        """The value and token count of the longest phrase starting at `tokens[i]`."""
        if i >= len(tokens):
            return None
        # Most tokens start no entry: one dict lookup decides, before any loop.
        options = self._by_first.get(tokens[i].norm)
        if options is None:
            return None
        for rest, value, cased in options:
            # The next token alone rejects most longer phrases ("the" + "end of").
            if rest and (i + len(rest) >= len(tokens) or tokens[i + 1].norm != rest[0]):
                continue
            if len(rest) > 1 and not _continues(tokens, i + 2, rest[1:]):
                continue
            if cased and not tokens[i].is_capitalised:
                continue
            return value, len(rest) + 1
        return None


def _continues(tokens: Sequence[Token], i: int, rest: tuple[str, ...]) -> bool:
    """True when `tokens[i:]` starts with the folded words `rest` (the caller checks the length)."""
    for k, part in enumerate(rest):
        if tokens[i + k].norm != part:
            return False
    return True


def is_digits(text: str) -> bool:
    """ASCII digits only: `str.isdigit` also accepts "⓷" and "²", which `int()` rejects."""
    return text.isascii() and text.isdigit()
