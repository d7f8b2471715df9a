"""Match many word-initial regex patterns over a text quickly, longest pattern first at each word.

One big alternation tried at every character is slow in Python's `re` (hundreds of
alternatives per position). Lexicon patterns always start a word, so each pattern is
indexed by the first KEY_LENGTH characters its matches can begin with (a trie read from
the parsed regex), and each word of a text by its own first KEY_LENGTH characters. At a
word, only the patterns whose prefixes fit its key are tried, in priority order; the
patterns fitting a key are worked out once and remembered, so most words cost nothing.
The word index of a text is shared by all matchers reading it (a trigger lexicon runs
several over each sentence).

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
from functools import lru_cache
from typing import Any, cast

_WORD = re.compile(r"\w+")
_ZERO_WIDTH = {sre_parse.AT, sre_parse.ASSERT, sre_parse.ASSERT_NOT}
_REPEATS = {sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, sre_parse.POSSESSIVE_REPEAT}
_ONE_UNNAMED_CHAR = {sre_parse.ANY, sre_parse.NOT_LITERAL, sre_parse.CATEGORY}
_MAX_RANGE = 64
# Words are keyed by this many characters from their start; a pattern by the prefixes of
# that length its matches can have, or by shorter ones past _MAX_PREFIXES of them.
KEY_LENGTH = 4
_MAX_PREFIXES = 512
# Each pattern is compiled alone, so a reference back to a group would change its meaning.
_REFERS_BACK = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")
_ANY = ""  # in a prefix: a character we cannot name
_Prefixes = frozenset[tuple[str, ...]]
_EMPTY: _Prefixes = frozenset({()})
# Keys are word beginnings of the texts seen; past this many, a matcher starts afresh.
_TABLE_LIMIT = 200_000


class PatternError(ValueError):
    """A pattern is not valid, or cannot start a word with a known letter."""


class _TooMany(Exception):
    """Prefixes of this length are too many to index; shorter ones are tried."""


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    """One match: character offsets and the index of the pattern that matched."""

    start: int
    end: int
    index: int


@dataclass(frozen=True, slots=True)
class WordIndex:
    """The word starts of a text by key (their first KEY_LENGTH characters)."""

    keys: frozenset[str]
    starts: dict[str, tuple[int, ...]]


class _Node:
    """A node of the prefix trie: patterns whose prefixes end here fit any continuation."""

    __slots__ = ("_by_char", "children", "ends")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.ends: set[int] = set()
        # Memo: the children whose character the regex engine matches with a text character.
        self._by_char: dict[str, tuple[_Node, ...]] = {}

    def following(self, text_char: str) -> tuple[_Node, ...]:
        try:
            return self._by_char[text_char]
        except KeyError:
            found = tuple(child for char, child in self.children.items() if _same(char, text_char))
            self._by_char[text_char] = found
            return found


_Candidates = tuple[tuple[int, "re.Pattern[str]"], ...]


class PhraseMatcher:
    """Case-insensitive matcher over `patterns` (regex strings, each anchored at a word start).

    At each word start, patterns that must match more text are tried first (by their
    minimum match width, then in the given order), so "air strike" wins over "air"; the
    first that matches there is taken. Patterns may not refer back to a group (`\\1`).
    """

    def __init__(self, patterns: Sequence[str]) -> None:
        self.patterns = tuple(patterns)
        self.size = len(patterns)
        groups: dict[str, list[int]] = {}
        order = sorted(range(len(patterns)), key=lambda i: (-min_width(patterns[i]), i))
        for index in order:
            for char in first_letters(patterns[index]):
                groups.setdefault(char, []).append(index)
        self._groups = {char: tuple(indices) for char, indices in groups.items()}
        self._regexes = tuple(re.compile(pattern, re.IGNORECASE) for pattern in patterns)
        self._trie = _Node()
        for index, pattern in enumerate(patterns):
            for prefix in word_prefixes(pattern):
                _insert(self._trie, prefix, index)
        self._table: dict[str, _Candidates] = {}
        self._live: set[str] = set()

    def finditer(self, text: str) -> Iterator[PhraseMatch]:
        """The best match at each word start, in text order, minus matches inside an earlier one.

        Matches may overlap ("gunmen killed" and "killed eleven villagers" both count), but a
        match lying wholly inside an earlier match ("bomb" in "roadside bomb") is dropped.
        """
        words = word_index(text)
        if len(self._table) > _TABLE_LIMIT:
            # New objects, not clear(): a call running in another thread keeps its own.
            self._table, self._live = {}, set()
        table, live_keys = self._table, self._live
        for key in words.keys.difference(table):
            self._resolve(key, table, live_keys)
        live = words.keys & live_keys
        if not live:
            return
        covered_to = 0
        for start, candidates in sorted((start, table[key]) for key in live for start in words.starts[key]):
            for index, regex in candidates:
                match = regex.match(text, start)
                if match is not None:
                    break
            else:
                continue
            if match.end() <= max(covered_to, start):
                continue
            covered_to = match.end()
            yield PhraseMatch(start, match.end(), index)

    def search(self, text: str) -> bool:
        """True when any pattern matches somewhere in `text`."""
        return next(self.finditer(text), None) is not None

    def _resolve(self, key: str, table: dict[str, _Candidates], live_keys: set[str]) -> None:
        """Remember the patterns to try, in priority order, at words beginning with `key`.

        The first character picks the patterns as `str.lower` names it; the trie then drops
        those no prefix of which fits `key`, as the regex engine folds case. The order is the
        one alternation of the group would try, so the first to match is the one it finds.
        """
        group = self._groups.get(key[0].lower(), ())
        fitting = _fitting(self._trie, key) if group else set()
        candidates = tuple((index, self._regexes[index]) for index in group if index in fitting)
        if candidates:
            live_keys.add(key)
        table[key] = candidates


@lru_cache(maxsize=64)
def word_index(text: str) -> WordIndex:
    """The word starts of `text` by key; shared by every matcher reading the same text."""
    starts: dict[str, list[int]] = {}
    # `\w+` finds the same starts as `(?<!\w)\w` (each maximal run of word characters), in
    # fewer regex steps; the positions are taken before the loop that files them.
    for start in [match.start() for match in _WORD.finditer(text)]:
        key = text[start : start + KEY_LENGTH]
        if key in starts:
            starts[key].append(start)
        else:
            starts[key] = [start]
    return WordIndex(frozenset(starts), {key: tuple(found) for key, found in starts.items()})


def _insert(root: _Node, prefix: tuple[str, ...], index: int) -> None:
    node = root
    for char in prefix:
        node = node.children.setdefault(char, _Node())
    node.ends.add(index)


def _fitting(root: _Node, key: str) -> set[int]:
    """Patterns with a prefix that `key` can begin (a shorter prefix fits any continuation)."""
    found: set[int] = set()
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        found |= node.ends
        if depth < len(key):
            stack.extend((child, depth + 1) for child in node.following(key[depth]))
    return found


@lru_cache(maxsize=65536)
def _same(char: str, text_char: str) -> bool:
    """Whether the pattern character `char` matches `text_char`, as the regex engine folds case."""
    return char == _ANY or re.fullmatch(re.escape(char), text_char, re.IGNORECASE) is not None


def min_width(pattern: str) -> int:
    """The fewest characters a match of `pattern` can span."""
    return int(sre_parse.parse(pattern, re.IGNORECASE).getwidth()[0])


def first_letters(pattern: str) -> frozenset[str]:
    """Lower-cased letters a match of `pattern` can begin with; PatternError if unbounded."""
    try:
        parsed = sre_parse.parse(pattern, re.IGNORECASE)
    except re.error as exc:
        raise PatternError(f"bad pattern: {exc}") from exc
    if _REFERS_BACK.search(pattern):
        raise PatternError("pattern must not refer back to a group")
    chars, nullable = _first(list(parsed))
    if chars is None or nullable or not chars:
        raise PatternError("pattern must begin with a letter or a small set of letters")
    lowered = frozenset(char.lower() for char in chars)
    if any(not char.isalnum() and char != "_" for char in lowered):
        raise PatternError("pattern must begin with a word character")
    return lowered


def word_prefixes(pattern: str) -> _Prefixes:
    """The first KEY_LENGTH characters (as written) of every match; fewer where they are too many.

    A prefix shorter than KEY_LENGTH means the match may end there, or that what follows
    cannot be named: it fits any continuation. `_ANY` stands for a character not named.
    """
    items = list(sre_parse.parse(pattern, re.IGNORECASE))
    for length in range(KEY_LENGTH, 0, -1):
        try:
            return _prefixes(items, length)
        except _TooMany:
            continue
    return _EMPTY


def _prefixes(items: list[tuple[object, object]], length: int) -> _Prefixes:
    found = _EMPTY
    for op, av in items:
        if all(len(prefix) == length for prefix in found):
            break
        found = _extend(found, _prefixes_of_item(op, av, length), length)
    return found


def _extend(heads: _Prefixes, tails: _Prefixes, length: int) -> _Prefixes:
    joined = frozenset(head if len(head) == length else (head + tail)[:length] for head in heads for tail in tails)
    return _bounded(joined)


def _bounded(prefixes: _Prefixes) -> _Prefixes:
    if len(prefixes) > _MAX_PREFIXES:
        raise _TooMany
    return prefixes


def _prefixes_of_item(op: object, av: object, length: int) -> _Prefixes:
    if op is sre_parse.LITERAL:
        return frozenset({(chr(cast(int, av)),)})
    if op is sre_parse.IN:
        chars = _first_of_set(cast(list[tuple[object, object]], av))
        return frozenset({(_ANY,)}) if chars is None else _bounded(frozenset((char,) for char in chars))
    if op in _ONE_UNNAMED_CHAR:
        return frozenset({(_ANY,)})
    if op is sre_parse.SUBPATTERN:
        return _prefixes(list(av[-1]), length)  # type: ignore[index]
    if op is sre_parse.ATOMIC_GROUP:
        return _prefixes(list(cast(Any, av)), length)
    if op is sre_parse.BRANCH:
        return _bounded(frozenset().union(*(_prefixes(list(branch), length) for branch in av[1])))  # type: ignore[index]
    if op in _REPEATS:
        low, high, body = cast(tuple[int, int, Any], av)
        return _repeated(low, high, _prefixes(list(body), length), length)
    if op in _ZERO_WIDTH:
        return _EMPTY
    # A construct we do not read (a back-reference) may span any characters, or none.
    return frozenset((_ANY,) * count for count in range(length + 1))


def _repeated(low: int, high: int, body: _Prefixes, length: int) -> _Prefixes:
    """Prefixes of `low` to `high` repetitions of a body with prefixes `body`."""
    found = _EMPTY if low == 0 else frozenset()
    current = _EMPTY
    for count in range(1, min(high, low + length) + 1):
        current = _extend(current, body, length)
        if count >= low:
            found = _bounded(found | current)
        elif all(len(prefix) == length for prefix in current):
            return _bounded(found | current)  # more repetitions cannot change full-length prefixes
    return found


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
