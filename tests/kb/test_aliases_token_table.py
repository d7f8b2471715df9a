"""The column tokenizer gives exactly the tokens of the word-by-word definition, and the
fast paths of `fold` and `skeleton` give exactly the keys of the plain rules."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flashpoint.kb.aliases import (
    ARABIC_LETTERS,
    ARTICLE_KEYS,
    GAP_RE,
    LATIN_RULES,
    TOKEN_RE,
    Token,
    TokenTable,
    fold,
    skeleton,
    token_key,
    token_table,
    tokenize,
)

# Letters, digits, every kind of separator a name may contain or end at, underscores,
# combining marks, Arabic (with tatweel and vowel marks): the cases the splitter must agree on.
_ALPHABET = "aAéÉzZ09 \t\n\u00a0-\u2013'’\"“”«»`´_.,;()\u0301\u0308ـالدوَة"


def _reference_tokens(text: str) -> list[Token]:
    """The tokenizer's definition, one regex match and one gap test per word."""
    matches = list(TOKEN_RE.finditer(text))
    tokens: list[Token] = []
    for index, match in enumerate(matches):
        following = matches[index + 1] if index + 1 < len(matches) else None
        joins = following is not None and GAP_RE.fullmatch(text, match.end(), following.start()) is not None
        key = token_key(match.group())
        if key:
            tokens.append(Token(match.start(), match.end(), match.group(), key, joins))
    return tokens


def _reference_skeleton(folded: str) -> str:
    if not folded.isascii():
        return folded
    if folded in ARTICLE_KEYS:
        return ARTICLE_KEYS[folded]
    key = folded
    for pattern, replacement in LATIN_RULES:
        key = pattern.sub(replacement, key)
    return key or folded


def _reference_fold(raw: str) -> str:
    decomposed = unicodedata.normalize("NFKD", raw.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(ARABIC_LETTERS)


@pytest.mark.parametrize(
    "text",
    ["", "   ", "JNIM", "a_b", "\u0640", "a \u0640 b", "\u0301a\u0301", "al-Qaïda.\n\nLe groupe", "x,\ny", "“ISIS” -- IS"],
)
def test_token_table_matches_reference_on_edge_cases(text: str) -> None:
    assert tokenize(text) == _reference_tokens(text)


@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_token_table_matches_reference(text: str) -> None:
    assert token_table(text).tokens() == _reference_tokens(text)


@given(st.text(max_size=40))
def test_token_table_matches_reference_on_any_text(text: str) -> None:
    assert tokenize(text) == _reference_tokens(text)


def test_token_table_rows_can_be_cut_and_filtered() -> None:
    table = token_table("the Group for Support")
    assert table.since(1).raws == ("Group", "for", "Support")
    assert table.since(1).tokens() == table.tokens()[1:]
    kept = table.where((True, False, True, False))
    assert kept.tokens() == [table.tokens()[0], table.tokens()[2]]
    assert len(token_table("")) == 0


@given(st.text(alphabet="abcdeghijklmnopqrstuwxyz", max_size=12))
def test_skeleton_matches_regex_rules(folded: str) -> None:
    assert skeleton(folded) == _reference_skeleton(folded)


@pytest.mark.parametrize("word", ["tchadien", "Chabaab", "ckhq", "aei", "Mourabitoune", "djihadistes", "Ouallam"])
def test_skeleton_matches_regex_rules_on_rule_overlaps(word: str) -> None:
    assert skeleton(fold(word)) == _reference_skeleton(_reference_fold(word))


@given(st.text(max_size=20))
def test_fold_matches_unicode_path(raw: str) -> None:
    assert fold(raw) == _reference_fold(raw)


def test_literal_rules_are_plain_letters() -> None:
    # The str.replace path is only sound for patterns without regex syntax.
    for pattern, replacement in LATIN_RULES:
        if pattern.pattern.isalpha():
            assert re.escape(pattern.pattern) == pattern.pattern and "\\" not in replacement


def test_token_table_is_a_table() -> None:
    assert isinstance(token_table("a b"), TokenTable)
