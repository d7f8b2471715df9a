"""Trigger spans point at the trigger words; the stage works sentence by sentence."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flashpoint.errors import ConfigError, InputError
from flashpoint.kb.trigger_lexicon import TriggerLexicon, load_trigger_lexicon
from flashpoint.model import Document, Sentence, Span
from flashpoint.pipeline import Pipeline
from flashpoint.stages.triggers import TriggerStage, find_triggers

_LEXICON = load_trigger_lexicon()


@pytest.fixture(scope="module")
def lexicon() -> TriggerLexicon:
    return _LEXICON


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Rebels clashed with troops near the river.", "en", [("clashed", "Armed clash")]),
        ("An air strike hit the market.", "en", [("An air strike", None), ("air strike", "Air/drone strike")]),
        ("A roadside bomb exploded.", "en", [("roadside bomb", "Remote explosive/landmine/IED")]),
        ("Police fired tear gas at the crowd.", "en", [("tear gas", "Protest with intervention")]),
        ("Deux otages ont été enlevés hier.", "fr", [("enlevés", "Abduction/forced disappearance")]),
        ("Un kamikaze s'est fait exploser.", "fr", [("kamikaze", "Suicide bomb")]),
    ],
)
def test_triggers_span_points_at_the_words(
    lexicon: TriggerLexicon, text: str, lang: str, expected: list[tuple[str, str | None]]
) -> None:
    found = find_triggers(text, lang=lang, lexicon=lexicon)
    for trigger in found:
        assert text[trigger.span.start : trigger.span.end] == trigger.text
        assert trigger.event_type == lexicon.typology.event_type_of(trigger.sub_event_type)
    by_text = {t.text: t.sub_event_type for t in found}
    wanted = [(words, sub) for words, sub in expected if sub is not None]
    for words, sub_type in wanted:
        assert by_text.get(words) == sub_type, (words, by_text)


def test_triggers_longest_phrase_wins_over_its_parts(lexicon: TriggerLexicon) -> None:
    found = find_triggers("A suicide car bomb went off at the checkpoint.", lexicon=lexicon)
    texts = [t.text for t in found]
    assert "suicide car bomb" in texts
    assert "car bomb" not in texts and "bomb" not in texts


def test_triggers_offset_shifts_spans(lexicon: TriggerLexicon) -> None:
    text = "Gunmen kidnapped a trader."
    plain = find_triggers(text, lexicon=lexicon)
    shifted = find_triggers(text, lexicon=lexicon, offset=100)
    assert [t.span.start + 100 for t in plain] == [t.span.start for t in shifted]


def test_triggers_generic_word_resolved_by_its_sentence(lexicon: TriggerLexicon) -> None:
    text = "Drones attacked the convoy. Later, gunmen attacked a wedding party."
    first = Span(0, 27)
    second = Span(28, len(text))
    doc = Document.from_text(text).with_layers(sentences=(Sentence(first, 0), Sentence(second, 1)))
    out = TriggerStage(lexicon)(doc)
    in_first = [t for t in out.triggers if first.contains(t.span)]
    in_second = [t for t in out.triggers if second.contains(t.span)]
    assert "Air/drone strike" in {t.sub_event_type for t in in_first}
    assert in_second and {t.sub_event_type for t in in_second} == {"Attack"}
    for trigger in out.triggers:
        assert out.text[trigger.span.start : trigger.span.end] == trigger.text


def test_triggers_stage_declares_layers_and_runs_in_a_pipeline(lexicon: TriggerLexicon) -> None:
    stage = TriggerStage(lexicon)
    assert (stage.name, stage.requires, stage.assigns) == ("triggers", ("sentences",), ("triggers",))
    with pytest.raises(ConfigError, match="sentences"):
        Pipeline([stage])


def test_triggers_stage_without_sentences_reads_the_whole_text(lexicon: TriggerLexicon) -> None:
    doc = Document.from_text("Rioters torched cars.", lang="en")
    out = TriggerStage(lexicon)(doc)
    assert out.triggers and out is not doc and doc.triggers == ()


def test_triggers_stage_rejects_unsupported_language(lexicon: TriggerLexicon) -> None:
    doc = Document.from_text("Los rebeldes atacaron el pueblo.", lang="es")
    with pytest.raises(InputError, match="supported: en, fr") as caught:
        TriggerStage(lexicon)(doc)
    assert caught.value.stage == "triggers" and caught.value.doc_id == doc.doc_id


def test_triggers_unknown_language_is_a_config_error(lexicon: TriggerLexicon) -> None:
    with pytest.raises(ConfigError, match="'de'"):
        find_triggers("text", lang="de", lexicon=lexicon)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_triggers_any_string_gives_spans_inside_the_text(text: str) -> None:
    for trigger in find_triggers(text, lexicon=_LEXICON):
        assert 0 <= trigger.span.start < trigger.span.end <= len(text)
        assert text[trigger.span.start : trigger.span.end] == trigger.text
