"""Toponym candidates and their roles, without a model."""

from __future__ import annotations

import pytest
from spacy.lang.en.stop_words import STOP_WORDS

from flashpoint.model import Span
from flashpoint.stages.toponyms import find_toponyms, load_place_cues

CUES = load_place_cues()["en"]


def roles(sentence: str, blocked: list[Span] | None = None) -> list[tuple[str, str]]:
    found = find_toponyms(sentence, offset=0, cues=CUES, stop_words=frozenset(STOP_WORDS), entity_spans={}, blocked=blocked or [])
    return [(t.text, t.role) for t in found]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Fighting was reported in the villages of Koro, Bankass and Dinangourou, Mopti.",
         [("Koro", "event"), ("Bankass", "event"), ("Dinangourou", "event"), ("Mopti", "container")]),
        ("said a lecturer at the University of Niamey.", [("Niamey", "context")]),
        ("Soldiers entered the Tillaberi region on Monday.", [("Tillaberi", "event")]),
        ("Witnesses said the attack happened near Boni.", [("Boni", "event")]),
        ("Heavy rain fell.", []),
    ],
)
def test_toponyms_roles(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert roles(sentence) == expected


def test_toponyms_blocked_spans_are_not_places() -> None:
    sentence = "The attack near Boni was claimed by JNIM."
    assert roles(sentence, blocked=[Span(16, 20)]) == []


FR_CUES = load_place_cues()["fr"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("une opération près d'Arbinda le 12 mars.", ["Arbinda"]),
        ("dans la province du Soum, tuant dix civils.", ["Soum"]),
    ],
)
def test_toponyms_french_elided_articles(sentence: str, expected: list[str]) -> None:
    from spacy.lang.fr.stop_words import STOP_WORDS as FR_STOP

    found = find_toponyms(sentence, offset=0, cues=FR_CUES, stop_words=frozenset(FR_STOP), entity_spans={}, blocked=[])
    assert [t.text for t in found] == expected


def test_toponyms_possessive_does_not_join_names() -> None:
    assert roles("near Djibo in Burkina Faso's Soum province.") == [("Djibo", "event"), ("Burkina Faso", "qualifier"), ("Soum", "qualifier")]


def test_toponyms_opening_name_needs_a_label_or_the_gazetteer() -> None:
    sentence = "Djibo came under fire on Sunday."
    assert roles(sentence) == []
    found = find_toponyms(sentence, offset=0, cues=CUES, stop_words=frozenset(STOP_WORDS), entity_spans={},
                          blocked=[], known_place=lambda name: name == "Djibo")
    assert [(t.text, t.role) for t in found] == [("Djibo", "event")]


@pytest.mark.parametrize("sentence", ["OUAGADOUGOU — Gunmen attacked Djibo.", "NIAMEY, June 3 (AFP) - Troops entered Tillaberi."])
def test_toponyms_dateline_is_context(sentence: str) -> None:
    found = find_toponyms(sentence, offset=0, cues=CUES, stop_words=frozenset(STOP_WORDS), entity_spans={},
                          blocked=[], known_place=lambda name: True)
    assert found[0].role == "context"


def test_toponyms_between_two_places_is_one_stretch() -> None:
    assert roles("Traders were kidnapped on the road between Gao and Ansongo.") == [("Gao", "event"), ("Ansongo", "qualifier")]
