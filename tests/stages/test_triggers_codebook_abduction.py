"""An abduction with no further harm is an abduction, even when the raid is called an attack (EN and FR).

Sentences written for these tests. The codebook codes a kidnapping as an attack only
when further harm is reported (killed, wounded, tortured); the raid in which people are
taken ("gunmen attacked the camp, abducting ...") is not such harm, and neither is an
actor named after death ("death squad").
"""

from __future__ import annotations

import pytest

from flashpoint.kb.trigger_lexicon import TriggerLexicon
from flashpoint.stages.triggers import classify_text

ABDUCTION = "Abduction/forced disappearance"
ATTACK = "Attack"



CASES = [
    (
        "en",
        "Armed men attacked a farm settlement overnight, abducting the owner and two of his workers.",
        ABDUCTION,
    ),
    (
        "en",
        "A death squad raided the clinic on Monday and forcibly abducted a nurse.",
        ABDUCTION,
    ),
    (
        "en",
        "Bandits stormed the seminary and kidnapped four students, police said.",
        ABDUCTION,
    ),
    (
        "en",
        "Gunmen abducted three traders on the highway and later shot them dead.",
        ATTACK,
    ),
    (
        "en",
        "The kidnappers tortured the hostages before dumping their bodies by the road.",
        ATTACK,
    ),
    (
        "fr",
        "Des hommes armés ont attaqué le hameau dans la nuit et enlevé le chef du village.",
        ABDUCTION,
    ),
    (
        "fr",
        "Des ravisseurs ont enlevé trois commerçants puis les ont tués près de la route.",
        ATTACK,
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_abduction_is_an_attack_only_with_harm(
    lexicon: TriggerLexicon, lang: str, text: str, expected: str
) -> None:
    decided = classify_text(text, lang=lang, lexicon=lexicon)
    assert decided is not None and decided[1] == expected


@pytest.mark.parametrize(
    ("lang", "text", "harmed"),
    [
        ("en", "The raiders beat them and left.", True),
        ("en", "A death squad visited the town.", False),
        ("fr", "Deux otages ont été blessés.", True),
        ("fr", "Les ravisseurs ont emmené le maire.", False),
    ],
)
def test_harm_cue_names_harm_done(
    lexicon: TriggerLexicon, lang: str, text: str, harmed: bool
) -> None:
    assert ("harm" in lexicon.language(lang).cues_in(text)) is harmed
