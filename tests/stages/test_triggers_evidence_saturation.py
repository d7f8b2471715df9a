"""A sub-type's evidence saturates: one word counts once, and the sum stops at a multiple of the best word."""

from __future__ import annotations

import pytest

from flashpoint.kb.trigger_lexicon import TriggerLexicon
from flashpoint.model import Span, Trigger
from flashpoint.stages.triggers import (
    EVIDENCE_CAP,
    classify_text,
    score_triggers,
    trigger_lemma,
)

AIR = "Air/drone strike"


def _trigger(text: str, score: float, sub_type: str = AIR) -> Trigger:
    return Trigger(
        "Explosions/Remote violence", sub_type, Span(0, len(text)), text, score
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("air strikes", "Airstrike"),
        ("air-strike", "airstrikes"),
        ("attacked", "attack"),
        ("tuées", "tué"),
    ],
)
def test_inflections_share_a_lemma(a: str, b: str) -> None:
    assert trigger_lemma(a) == trigger_lemma(b)


def test_repeated_word_counts_once() -> None:
    assert score_triggers(
        [_trigger("air strikes", 3.0), _trigger("Airstrike", 3.0)]
    ) == {AIR: 3.0}


def test_distinct_words_add_up_to_a_cap() -> None:
    words = [
        "airstrike",
        "warplanes",
        "drone",
        "sorties",
        "barrel bomb",
        "gunships",
        "bombers",
        "jets",
    ]
    assert score_triggers([_trigger(word, 3.0) for word in words])[
        AIR
    ] == pytest.approx(EVIDENCE_CAP * 3.0)
    assert score_triggers([_trigger("airstrike", 3.0), _trigger("drone", 1.5)])[
        AIR
    ] == pytest.approx(4.5)
    # Weak words still add up: "killed and wounded" reaches a score neither reaches alone.
    assert score_triggers([_trigger("killed", 0.5), _trigger("wounded", 0.5)])[
        AIR
    ] == pytest.approx(1.0)



@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # Many weapon words in one aside do not outvote the capture the sentence reports.
        (
            "en",
            "Troops recaptured the hill town after rockets, mortars, artillery and howitzer shells hit it.",
            "Government regains territory",
        ),
        (
            "fr",
            "L'armée a repris la localité après des tirs d'obus, de mortiers, de roquettes et d'artillerie.",
            "Government regains territory",
        ),
    ],
)
def test_weapon_pile_does_not_outvote_the_main_event(
    lexicon: TriggerLexicon, lang: str, text: str, expected: str
) -> None:
    decided = classify_text(text, lang=lang, lexicon=lexicon)
    assert decided is not None and decided[1] == expected
