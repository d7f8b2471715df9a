"""Who fights whom: a battle needs two armed sides, an attack on civilians one (EN and FR).

Sentences written for these tests. Non-state fighters named as the perpetrators say
nothing about the target, so "militants attacked a village" stays an attack on
civilians; fighters named as the target ("fired on the rebels", "killed dozens of
insurgents") or a military installation attacked ("stormed an army outpost") make it a
battle.
"""

from __future__ import annotations

import pytest

from flashpoint.kb.trigger_lexicon import TriggerLexicon
from flashpoint.stages.triggers import classify_text

CLASH = "Armed clash"
ATTACK = "Attack"



CASES = [
    ("en", "Insurgents raided two hamlets at dawn, killing eleven people.", ATTACK),
    ("en", "Armed militants arrived on motorbikes and opened fire in the market square.", ATTACK),
    ("en", "Jihadist fighters attacked several villages near the border, leaving many dead.", ATTACK),
    ("en", "Rebel fighters attacked a convoy of the national guard on the northern highway.", CLASH),
    ("en", "Gunmen stormed a remote checkpoint manned by the gendarmerie overnight.", CLASH),
    ("en", "The soldiers opened fire on the rebels who tried to cross the river.", CLASH),
    ("en", "The army killed and wounded scores of the insurgents in the hills.", CLASH),
    ("en", "Dozens of bandits were killed when they set upon a police base on the outskirts of the town.", CLASH),
    ("fr", "Des hommes armés ont attaqué un convoi de la gendarmerie près de la frontière.", CLASH),
    ("fr", "Les soldats ont ouvert le feu sur les jihadistes qui tentaient de franchir le fleuve.", CLASH),
    ("fr", "Des terroristes ont attaqué le village et tué plusieurs habitants.", ATTACK),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_battle_needs_an_armed_target(lexicon: TriggerLexicon, lang: str, text: str, expected: str) -> None:
    decided = classify_text(text, lang=lang, lexicon=lexicon)
    assert decided is not None and decided[1] == expected
