"""Find every known surface form in a text in one pass over its tokens.

Forms are stored in a trie keyed by token keys (see `aliases.py`), built once
when the knowledge base loads. Matching walks the trie from each token and
keeps the longest form that fits (case-sensitive forms must match as written),
so the cost grows with the text, not with the number of aliases. Where matches
overlap, the one covering more tokens wins. The text comes as a `TokenTable`
(columns, not a `Token` per word), and a walk starts only at words that begin a form.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import compress
from typing import Generic, TypeVar

from flashpoint.kb.aliases import TokenTable

T = TypeVar("T")


@dataclass(slots=True)
class _Node(Generic[T]):
    children: dict[str, _Node[T]] = field(default_factory=dict)
    values: list[T] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class TrieMatch(Generic[T]):
    """Tokens `first..last` (inclusive) match the forms in `values`."""

    first: int
    last: int
    values: tuple[T, ...]


class TokenTrie(Generic[T]):
    """A trie of token-key sequences; each complete sequence holds one or more values."""

    def __init__(self) -> None:
        self._root: _Node[T] = _Node()
        self.size = 0

    def add(self, keys: Sequence[str], value: T) -> None:
        """Store `value` under the key sequence `keys`."""
        node = self._root
        for key in keys:
            node = node.children.setdefault(key, _Node())
        node.values.append(value)
        self.size += 1

    def get(self, keys: Sequence[str]) -> list[T]:
        """Values stored under exactly `keys`."""
        node: _Node[T] | None = self._root
        for key in keys:
            node = node.children.get(key) if node else None
        return list(node.values) if node else []

    def find_all(self, tokens: TokenTable, accept: Callable[[T, Sequence[str]], bool] | None = None) -> list[TrieMatch[T]]:
        """Non-overlapping matches in text order, longer ones first where they overlap.

        `accept(value, words)` may refuse a value for the words as written.
        "the Group for Support of Islam and Muslims" keeps the name, not "the group".
        """
        # Most words begin no form: one C-level pass of dict probes picks the few that do.
        starts = compress(range(len(tokens)), map(self._root.children.__contains__, tokens.keys))
        candidates = [match for start in starts if (match := self._longest_at(tokens, start, accept)) is not None]
        candidates.sort(key=lambda m: (m.first - m.last, m.first))
        taken: set[int] = set()
        chosen: list[TrieMatch[T]] = []
        for match in candidates:
            positions = range(match.first, match.last + 1)
            if taken.isdisjoint(positions):
                taken.update(positions)
                chosen.append(match)
        return sorted(chosen, key=lambda m: m.first)

    def _longest_at(
        self, tokens: TokenTable, start: int, accept: Callable[[T, Sequence[str]], bool] | None
    ) -> TrieMatch[T] | None:
        keys, joins = tokens.keys, tokens.joins
        ends: list[tuple[int, list[T]]] = []
        node = self._root
        position = start
        while position < len(keys):
            child = node.children.get(keys[position])
            if child is None:
                break
            node = child
            if node.values:
                ends.append((position, node.values))
            if not joins[position]:
                break
            position += 1
        for last, values in reversed(ends):
            words = tokens.raws[start : last + 1]
            kept = tuple(value for value in values if accept is None or accept(value, words))
            if kept:
                return TrieMatch(start, last, kept)
        return None
