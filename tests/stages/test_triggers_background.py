"""Causes and earlier events set aside: the event reported is the main clause's (EN and FR).

Sentences written for these tests. Words after a cause phrase ("because of", "in the
wake of", "à cause de"), an earlier phase ("had previously involved") or a dated noun ("a
deadly 2015 bombing") name background, not the event; they count only when the text
reports no other event ("were treated following a gas attack": the attack is the event).
"""

from __future__ import annotations

import pytest

from flashpoint.kb.trigger_lexicon import TriggerLexicon
from flashpoint.stages.triggers import classify_text, find_triggers

GOV = "Government regains territory"



CASES = [
    (
        "en",
        "Army units recaptured the market town, the scene of a deadly 2015 car bombing, on Friday.",
        GOV,
    ),
    (
        "en",
        "Government troops retook the valley from rebels who withdrew following weeks of artillery bombardment.",
        GOV,
    ),
    (
        "en",
        "The army recaptured the ridge, ending an offensive that had previously relied on air strikes.",
        GOV,
    ),
    (
        "en",
        "About 12,000 villagers have fled their homes because of repeated militia raids, aid agencies said.",
        "Other",
    ),
    (
        "en",
        "Dozens of patients were treated on Sunday following a chlorine attack on the district.",
        "Chemical weapon",
    ),
    (
        "fr",
        "L'armée a repris la ville, théâtre d'un attentat à la voiture piégée en 2015.",
        GOV,
    ),
    (
        "fr",
        "Des milliers d'habitants ont fui leurs villages à cause des attaques répétées des jihadistes.",
        "Other",
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_background_does_not_decide_the_event(
    lexicon: TriggerLexicon, lang: str, text: str, expected: str
) -> None:
    decided = classify_text(text, lang=lang, lexicon=lexicon)
    assert decided is not None and decided[1] == expected


def test_background_triggers_dropped_only_beside_another_event(
    lexicon: TriggerLexicon,
) -> None:
    text = "Troops retook the town, the scene of a 2016 bombing."
    found = find_triggers(text, lexicon=lexicon)
    assert found and {t.sub_event_type for t in found} == {GOV}
    alone = "Residents still recall the scene of a 2016 bombing."
    assert [t.text for t in find_triggers(alone, lexicon=lexicon)] == ["bombing"]
