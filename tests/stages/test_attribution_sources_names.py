"""`NameIndex.find`: the longest listed name a phrase contains, the first listed among equals."""

from __future__ import annotations

import pytest

from flashpoint.stages.attribution_sources import NameIndex, source_lexicon
from flashpoint.stages.phrase_tokens import phrase_key, tokenize

NAMES = ["Sky News", "Sky News Arabia", "News", "Arabia", "RFI", "Radio France Internationale", "AFP"]
# (phrase, expected (name, first, end) or None)
ROWS = [
    ("speaking to Sky News Arabia", ("Sky News Arabia", 2, 5)),
    ("Sky News and Sky News Arabia", ("Sky News Arabia", 3, 6)),
    ("Sky News reported", ("Sky News", 0, 2)),
    ("Arabia and News", ("News", 2, 3)),
    ("AFP and RFI", ("RFI", 2, 3)),
    ("the RFI and AFP", ("RFI", 1, 2)),
    ("Radio France Internationale", ("Radio France Internationale", 0, 3)),
    ("a local source", None),
    ("", None),
]


def _brute_force(names: dict[tuple[str, ...], str], norms: list[str]) -> tuple[str, int, int] | None:
    for key, name in sorted(names.items(), key=lambda item: -len(item[0])):
        for i in range(len(norms) - len(key) + 1):
            if tuple(norms[i : i + len(key)]) == key:
                return name, i, i + len(key)
    return None


@pytest.mark.parametrize(("phrase", "expected"), ROWS)
def test_find_longest_then_first_listed(phrase: str, expected: tuple[str, int, int] | None) -> None:
    names = {phrase_key(name): name for name in NAMES}
    norms = [token.norm for token in tokenize(phrase)]
    assert NameIndex(names).find(norms) == expected
    assert NameIndex(names).find(norms) == _brute_force(names, norms)


def test_an_empty_name_matches_only_when_nothing_else_does() -> None:
    names = {phrase_key(name): name for name in ["", "AFP"]}
    assert NameIndex(names).find(["told", "afp"]) == ("AFP", 1, 2)
    assert NameIndex(names).find(["told", "us"]) == ("", 0, 0)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_shipped_outlets_agree_with_brute_force(lang: str) -> None:
    lexicon = source_lexicon(lang)
    phrases = [" ".join(name for name in list(lexicon.outlets.values())[k : k + 3]) for k in range(0, 30, 3)]
    for phrase in phrases:
        norms = [token.norm for token in tokenize(phrase)]
        assert lexicon.outlet_names.find(norms) == _brute_force(lexicon.outlets, norms)
        assert lexicon.outlet_names.find(norms) is not None
