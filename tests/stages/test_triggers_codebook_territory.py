"""Territory and weapons rules on sentences written for these tests (EN and FR).

The side that takes ground is the capture verb's subject (or its passive agent), not
the nearest actor word; fighting that ends in a hold is the change of territory; ground
taken after the other side withdrew is a non-violent transfer; devices destroyed or
cleared are disrupted weapons use.
"""

from __future__ import annotations

import pytest

from flashpoint.kb.trigger_lexicon import TriggerLexicon
from flashpoint.stages.triggers import classify_text, explain_text

GOV = "Government regains territory"
NSA = "Non-state actor overtakes territory"



CASES = [
    ("en", "Government troops, in a new push against the rebels, recaptured the river port.", GOV),
    ("en", "National army units in an offensive on jihadist militants seized the district centre.", GOV),
    ("en", "The garrison town was captured by separatist fighters on Monday.", NSA),
    ("en", "An army spokesman said insurgents took control of two villages overnight.", NSA),
    ("en", "The soldiers drove the insurgents out of the valley after a week of operations.", GOV),
    ("en", "After fierce clashes with the army, the rebels captured the district headquarters.", NSA),
    ("en", "The militia entered the town after government troops withdrew from it.", "Non-violent transfer of territory"),
    ("en", "The rebels moved into the deserted base without encountering any resistance.", "Non-violent transfer of territory"),
    ("en", "The insurgents attempted to seize the airport but were pushed back after heavy clashes.", "Armed clash"),
    ("en", "Soldiers destroyed forty landmines and two improvised explosive devices in the area.", "Disrupted weapons use"),
    ("en", "Deminers cleared hundreds of mines from the farmland last month.", "Disrupted weapons use"),
    ("fr", "Lors d'une offensive contre les jihadistes, les soldats ont pris le contrôle du village.", GOV),
    ("fr", "La localité a été prise par des hommes armés dans la nuit.", NSA),
    ("fr", "Les rebelles ont pris le contrôle de la ville après le retrait de l'armée.", "Non-violent transfer of territory"),
]


@pytest.mark.parametrize(("lang", "text", "sub_type"), CASES)
def test_triggers_codebook_territory_sub_type(lexicon: TriggerLexicon, lang: str, text: str, sub_type: str) -> None:
    result = classify_text(text, lang=lang, lexicon=lexicon)
    assert result == (lexicon.typology.event_type_of(sub_type), sub_type)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Fierce clashes and gun battles raged for hours before troops recaptured the town.", "fighting_ends_in_a_hold"),
        ("Rebels overran and seized control of the town after government forces pulled out.", "capture_after_a_withdrawal"),
    ],
)
def test_triggers_codebook_territory_rule_named(lexicon: TriggerLexicon, text: str, rule: str) -> None:
    result = explain_text(text, lexicon=lexicon)
    assert result is not None and result.rule == rule


@pytest.mark.parametrize(
    "text",
    [
        "The rebel Liberation Army denied any role in the killings.",
        "A series of explosions tore through the industrial area where ammonium nitrate was stored.",
    ],
)
def test_triggers_codebook_no_territory_or_bomb_from_names_and_accidents(lexicon: TriggerLexicon, text: str) -> None:
    result = classify_text(text, lexicon=lexicon)
    assert result is None or result[1] not in (GOV, "Remote explosive/landmine/IED")
