"""Spelling variants of one name share a match key; tokens keep their offsets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flashpoint.kb.aliases import alias_keys, is_acronym, name_keys, tokenize


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Al-Mourabitoune", "al Murabitun"),
        ("Al-Qaïda", "al-Qaeda"),
        ("Katiba Massina", "Katiba Macina"),
        ("Azaouad", "Azawad"),
        ("djihadistes", "jihadistes"),
        ("al-Shabaab", "el-Chabab"),
        ("“ISIS”", "ISIS"),
        ("Ménaka", "MENAKA"),
        ("الدولة الإسلامية", "الدولة الاسلامية"),
        ("l’armée", "l'armee"),
    ],
)
def test_aliases_variants_share_keys(left: str, right: str) -> None:
    assert name_keys(left) == name_keys(right)


@pytest.mark.parametrize(("left", "right"), [("Nigerien", "Nigerian"), ("ISIS", "ISIL"), ("Mali", "Malian")])
def test_aliases_distinct_names_keep_distinct_keys(left: str, right: str) -> None:
    assert name_keys(left) != name_keys(right)


def test_aliases_leading_article_is_optional() -> None:
    assert alias_keys("al-Nusra") == [("al", "nusra"), ("nusra",)]


def test_aliases_tokens_do_not_join_across_sentences() -> None:
    tokens = tokenize("JNIM. Group for “Support”")
    assert [token.raw for token in tokens] == ["JNIM", "Group", "for", "Support"]
    assert tokens[0].joins_next is False
    assert tokens[1].joins_next and tokens[2].joins_next


@pytest.mark.parametrize(("text", "expected"), [("IS", True), ("CSP-DPA", True), ("FAMa", False), ("Daesh", False)])
def test_aliases_acronyms_are_case_sensitive(text: str, expected: bool) -> None:
    assert is_acronym(text) is expected


@given(st.text())
def test_aliases_token_offsets_point_into_text(text: str) -> None:
    for token in tokenize(text):
        assert text[token.start : token.end] == token.raw
        assert token.key
