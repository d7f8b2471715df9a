"""Match many word-initial regex patterns over a text quickly, longest pattern first at each word.

One big alternation tried at every character is slow in Python's `re` (hundreds of
alternatives per position). Lexicon patterns always start a word, so we compute each
pattern's possible first letters, build one alternation per first letter, and try
only the alternation of the letter at each word start: one `match` per word.

Example:
    >>> matcher = PhraseMatcher(["clash(?:es)?", "air\\\\s+strikes?"])
    >>> [(m.start, m.end, m.index) for m in matcher.finditer("Clashes after air strikes")]
    [(0, 7, 0), (14, 25, 1)]
"""

from __future__ import annotations

import re
import re._parser as sre_parse  # type: ignore[import-not-found]  # the stdlib's own regex parser; Python is pinned to 3.11
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, cast

_WORD_START = re.compile(r"(?<!\w)\w")
_ZERO_WIDTH = {sre_parse.AT, sre_parse.ASSERT, sre_parse.ASSERT_NOT}
_MAX_RANGE = 64


class PatternError(ValueError):
    """A pattern is not valid, or cannot start a word with a known letter."""


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    """One match: character offsets and the index of the pattern that matched."""

    start: int
    end: int
    index: int


class PhraseMatcher:
    """Case-insensitive matcher over `patterns` (regex strings, each anchored at a word start).

    At each word start, patterns that must match more text are tried first (by their
    minimum match width, then in the given order), so "air strike" wins over "air".
    """

    def __init__(self, patterns: Sequence[str]) -> None:
        groups: dict[str, list[int]] = {}
        order = sorted(range(len(patterns)), key=lambda i: (-min_width(patterns[i]), i))
        for index in order:
            pattern = patterns[index]
            for char in first_letters(pattern):
                groups.setdefault(char, []).append(index)
        self.size = len(patterns)
        self._by_char = {
            char: re.compile("|".join(f"(?P<p{i}>{patterns[i]})" for i in indices), re.IGNORECASE)
            for char, indices in groups.items()
        }

    def finditer(self, text: str) -> Iterator[PhraseMatch]:
        """The best match at each word start, in text order, minus matches inside an earlier one.

        Matches may overlap ("gunmen killed" and "killed eleven villagers" both count), but a
        match lying wholly inside an earlier match ("bomb" in "roadside bomb") is dropped.
        """
        covered_to = 0
        for word in _WORD_START.finditer(text):
            regex = self._by_char.get(word.group().lower())
            match = regex.match(text, word.start()) if regex else None
            if match is None or match.end() <= max(covered_to, match.start()):
                continue
            covered_to = match.end()
            yield PhraseMatch(match.start(), match.end(), int(str(match.lastgroup)[1:]))

    def search(self, text: str) -> bool:
        """True when any pattern matches somewhere in `text`."""
        return next(self.finditer(text), None) is not None


def min_width(pattern: str) -> int:
    """The fewest characters a match of `pattern` can span."""
    return int(sre_parse.parse(pattern, re.IGNORECASE).getwidth()[0])


def first_letters(pattern: str) -> frozenset[str]:
    """Lower-cased letters a match of `pattern` can begin with; PatternError if unbounded."""
    try:
        parsed = sre_parse.parse(pattern, re.IGNORECASE)
    except re.error as exc:
        raise PatternError(f"bad pattern: {exc}") from exc
    chars, nullable = _first(list(parsed))
    if chars is None or nullable or not chars:
        raise PatternError("pattern must begin with a letter or a small set of letters")
    lowered = frozenset(char.lower() for char in chars)
    if any(not char.isalnum() and char != "_" for char in lowered):
        raise PatternError("pattern must begin with a word character")
    return lowered


def _first(items: list[tuple[object, object]]) -> tuple[set[str] | None, bool]:
    """First characters of a parsed sequence, and whether it can match the empty string."""
    found: set[str] = set()
    for op, av in items:
        chars, nullable = _first_of_item(op, av)
        if chars is None:
            return None, False
        found |= chars
        if not nullable:
            return found, False
    return found, True


def _first_of_item(op: object, av: object) -> tuple[set[str] | None, bool]:
    if op is sre_parse.LITERAL:
        return {chr(av)}, False  # type: ignore[arg-type]
    if op is sre_parse.IN:
        return _first_of_set(av), False  # type: ignore[arg-type]
    if op is sre_parse.SUBPATTERN:
        return _first(list(av[-1]))  # type: ignore[index]
    if op is sre_parse.BRANCH:
        found: set[str] = set()
        any_nullable = False
        for branch in av[1]:  # type: ignore[index]
            chars, nullable = _first(list(branch))
            if chars is None:
                return None, False
            found |= chars
            any_nullable = any_nullable or nullable
        return found, any_nullable
    if op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT):
        low, _, body = cast(tuple[int, int, Any], av)
        chars, nullable = _first(list(body))
        return chars, nullable or low == 0
    if op in _ZERO_WIDTH:
        return set(), True
    return None, False


def _first_of_set(items: list[tuple[object, object]]) -> set[str] | None:
    found: set[str] = set()
    for op, av in items:
        if op is sre_parse.LITERAL:
            found.add(chr(av))  # type: ignore[arg-type]
        elif op is sre_parse.RANGE and av[1] - av[0] <= _MAX_RANGE:  # type: ignore[index]
            found.update(chr(code) for code in range(av[0], av[1] + 1))  # type: ignore[index]
        else:
            return None
    return found
