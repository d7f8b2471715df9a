"""Crowds: mob violence, arrests near protests, and what a word alone cannot decide (EN and FR).

Sentences written for these tests. Unorganised groups fighting with sticks or stones,
and groups attacking a rally, are mob violence; a protest named as the reason for an
arrest is not the event; "violence" near a crowd does not by itself say who was
violent, so it cannot turn a peaceful march into a riot; protesters who pull down walls
or block roads are violent (the overlay cue keeps "protesters" a crowd word).
"""

from __future__ import annotations

import pytest

from flashpoint.kb.trigger_lexicon import TriggerLexicon
from flashpoint.stages.triggers import classify_text

MOB = "Mob violence"
RIOT = "Violent demonstration"
PEACEFUL = "Peaceful protest"



CASES = [
    ("en", "One man died when neighbours clashed using clubs and stones over a grazing dispute.", MOB),
    ("en", "Fighting between rival villagers left three people injured on Tuesday.", MOB),
    ("en", "A group of nationalists attacked a peaceful rally outside the town hall.", MOB),
    ("en", "Protesters pull down metal barriers leading to the ministry.", RIOT),
    ("en", "Crowds of protesters blocked the main highway and stopped traffic for hours.", RIOT),
    ("en", "Hundreds of students marched to the parliament to decry the arrests and violence.", PEACEFUL),
    ("en", "Police arrested the union leader on charges of organising an unauthorised protest.", "Arrests"),
    ("en", "Security agents continue to detain people for taking part in the demonstrations.", "Arrests"),
    ("fr", "Une rixe entre deux groupes de jeunes à coups de bâtons a fait un mort.", MOB),
    ("fr", "Le militant a été arrêté pour avoir organisé une manifestation interdite.", "Arrests"),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_crowd_sub_type(lexicon: TriggerLexicon, lang: str, text: str, expected: str) -> None:
    decided = classify_text(text, lang=lang, lexicon=lexicon)
    assert decided is not None and decided[1] == expected
