"""Index keys: Arabic-via-English/French spellings of a name share a key; different names don't."""

from __future__ import annotations

import pytest

from flashpoint.gazetteer.keys import name_keys, phonetic_key, skeleton_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Tamalt", "Tamalat"),  # vowel dropped
        ("Tamalt", "Tamalelt"),  # letters added around a doubled consonant
        ("Andéramboukane", "Anderanboukan"),  # m/n before b, final e
        ("Ouagadougou", "Wagadugu"),  # ou/w/u
        ("Djibo", "Jibo"),  # dj/j
        ("Inchinanane", "Insanan"),  # ch/s, dropped vowels and doubled n
        ("Aghzaraghan", "Akhzarakhan"),  # gh/kh
        ("Gao", "Qao"),  # g/q
        ("ميناكا", "Ménaka"),  # Arabic script vs French spelling
        ("تمالت", "Tamalt"),
        ("Algérie", "Algeria"),
    ],
)
def test_skeleton_key_collides_for_spelling_variants(a: str, b: str) -> None:
    assert name_keys(a).skeleton == name_keys(b).skeleton


@pytest.mark.parametrize(("a", "b"), [("Tamalt", "Ménaka"), ("Gao", "Kidal"), ("Mali", "Niger"), ("Djibo", "Arbinda")])
def test_skeleton_key_separates_different_names(a: str, b: str) -> None:
    assert name_keys(a).skeleton != name_keys(b).skeleton


@pytest.mark.parametrize(("a", "b"), [("Tindia", "Dindia"), ("Fada Ngourma", "Bada Ngourma"), ("Zimtenga", "Jimtenga")])
def test_phonetic_key_merges_voicing_and_place(a: str, b: str) -> None:
    assert name_keys(a).phonetic == name_keys(b).phonetic != ""


@pytest.mark.parametrize(("skeleton", "expected"), [("", ""), ("jb", ""), ("tmlt", "tnlt"), ("ndrbkn", "ntrbkn")])
def test_phonetic_key_needs_three_consonant_classes(skeleton: str, expected: str) -> None:
    assert phonetic_key(skeleton) == expected


def test_skeleton_key_of_vowels_only_is_empty() -> None:
    assert skeleton_key("aoui") == ""


def test_prefixed_keys_skip_a_phonetic_key_equal_to_the_skeleton() -> None:
    keys = name_keys("Inchinanane")
    assert keys.skeleton == keys.phonetic
    assert keys.prefixed() == ("n inchinanane", "s nsn")
    assert "p nsn" in keys.query_keys()


def test_empty_name_has_no_keys() -> None:
    assert name_keys("").prefixed() == ()
