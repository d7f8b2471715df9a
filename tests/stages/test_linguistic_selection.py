"""The fast path's first pass: which sentences the statistical NER reads (no model loaded)."""

from __future__ import annotations

import pytest

from flashpoint.build import Resources
from flashpoint.settings import Settings


@pytest.fixture(scope="module")
def select(fp_settings: Settings):  # type: ignore[no-untyped-def]
    return Resources(fp_settings).ner_selector()


def test_known_openers_cover_countries_actor_names_and_number_words(fp_settings: Settings) -> None:
    known = Resources(fp_settings).known_openers("en")
    assert {"mali", "burkinabe", "jnim", "thousands", "dozens", "seven"} <= known


@pytest.mark.parametrize(
    ("sentence", "chosen"),
    [
        ("Tessit was attacked by gunmen on Sunday.", True),  # an unknown opening name with a trigger
        ("Tessit is a quiet town.", False),  # no trigger: nothing to code there
        ("Malian troops attacked the camp.", False),  # the country's demonym explains the name
        ("Dozens of people were killed.", False),  # a number word
        ("JNIM attacked the camp.", False),  # an actor the knowledge base knows
        ("Police attacked the crowd.", False),  # written in lower case elsewhere in the report
    ],
)
def test_ner_reads_only_sentences_opening_with_an_unexplained_name(select, sentence: str, chosen: bool) -> None:  # type: ignore[no-untyped-def]
    assert select(sentence, "en", frozenset({"police", "said"})) is chosen
