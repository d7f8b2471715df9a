"""Regex alternations over many phrases, factored by shared prefixes.

A plain `a|b|c|...` over hundreds of phrases makes the regex engine try every
phrase at every position of the text; the same set written as a prefix tree
(`(?:ma(?:li|uritania)|ni(?:ger(?:ia)?))`) tries one branch per character. The
optional tails are greedy, so the longest phrase is tried first and a shorter one
only when what follows rejects the longer (same result as longest-first order).

Example:
    >>> prefix_alternation(["mali", "mauritania", "niger", "nigeria"])
    '(?:(?:ma(?:li|uritania)|niger(?:ia)?))'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""


def prefix_alternation(phrases: Iterable[str]) -> str:
    """A non-capturing regex group matching exactly `phrases` (escaped), longest first."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[_END] = {}
    return f"(?:{_group(trie)})" if trie else "(?!)"


def _group(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    optional = _END in node
    branches = [_branch(char, child) for char, child in sorted(node.items()) if char != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if optional else body


def _branch(char: str, child: dict[str, dict]) -> str:  # type: ignore[type-arg]
    # Follow single-child chains so "uritania" is one literal, not eight nested groups.
    text = re.escape(char)
    while len(child) == 1 and _END not in child:
        (char, child), = child.items()
        text += re.escape(char)
    return text + _group(child)
