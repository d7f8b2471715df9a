"""A word in two cue classes counts for both: "protesters" is a crowd and a protest scene."""

from __future__ import annotations

import pytest

from flashpoint.kb.trigger_lexicon import (
    OVERLAY_CUES,
    TriggerLexicon,
)


@pytest.mark.parametrize(
    ("lang", "text"),
    [("en", "The protesters sat down outside the ministry."), ("fr", "Les manifestants se sont assis devant le ministère.")],
)
def test_overlay_word_counts_for_both_classes(lexicon: TriggerLexicon, lang: str, text: str) -> None:
    cues = lexicon.language(lang).cues_in(text)
    assert {"crowd", "protest_scene"} <= cues


def test_overlay_classes_stay_out_of_the_shared_matcher(lexicon: TriggerLexicon) -> None:
    language = lexicon.language("en")
    assert OVERLAY_CUES.isdisjoint(language.cue_classes)
    assert set(language.overlay_classes) == {"protest_scene", "harm"}
