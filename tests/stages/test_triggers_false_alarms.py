"""Reports that are not conflict events: migration, denials, sanctions, weapons programmes, fires.

Sentences written for these tests (EN and FR). Each names a conflict word (intercepted,
detained, missile, air strikes, burned) in a frame that is not a conflict event.
"""

from __future__ import annotations

import pytest

from flashpoint.kb.trigger_lexicon import TriggerLexicon
from flashpoint.stages.triggers import classify_text

NOT_EVENTS = [
    ("en", "Coast guards intercepted a boat carrying 80 migrants off the southern coast."),
    ("en", "Border police detained 20 migrants hidden in the back of a truck."),
    ("en", "The ministry denied that its aircraft were responsible for the air strikes on the clinic."),
    ("en", "The council imposed new sanctions over the country's ballistic missile programme."),
    ("en", "A warehouse and two shops burned after a fire broke out in the industrial district."),
    ("en", "Customs officers intercepted a shipment of counterfeit medicine at the port."),
    ("fr", "Les garde-côtes ont intercepté une embarcation transportant des migrants."),
    ("fr", "Le gouvernement a démenti toute implication dans les frappes aériennes."),
]


@pytest.mark.parametrize(("lang", "text"), NOT_EVENTS)
def test_not_a_conflict_event(lexicon: TriggerLexicon, lang: str, text: str) -> None:
    assert classify_text(text, lang=lang, lexicon=lexicon) is None
