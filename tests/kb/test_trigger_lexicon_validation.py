"""Trigger lexicon files: the shipped ones load; broken user files fail naming file, entry, field."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.datafiles import read_manifest
from flashpoint.errors import ConfigError, DataFileError
from flashpoint.kb.trigger_lexicon import load_trigger_lexicon
from flashpoint.kb.trigger_patterns import expand_pattern
from flashpoint.stages.triggers import classify_text, find_triggers

HEADER = 'schema: flashpoint.triggers.v1\nversion: "1"\nupdated: "2026-11-28"\nsource: test\nlicence: CC0\n'


def _user_file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "extra.yaml"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_trigger_lexicon_shipped_languages_load() -> None:
    lexicon = load_trigger_lexicon()
    assert lexicon.languages == ("en", "fr")
    for lang in lexicon.languages:
        language = lexicon.language(lang)
        assert language.entries and language.threshold > 0


@pytest.mark.parametrize("name", ["typology.yaml", "triggers/en.yaml", "triggers/fr.yaml"])
def test_trigger_lexicon_files_are_in_the_manifest(name: str) -> None:
    assert read_manifest()[name] == "6"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("lang: en\ntriggers:\n  Armed Clash:\n    'skirmish': 1.0\n", "unknown sub-event type 'Armed Clash'"),
        ("lang: en\ntriggers:\n  Armed clash:\n    'skirm(ish': 1.0\n", "bad pattern"),
        ("lang: en\ntriggers:\n  Armed clash:\n    'skirmish': 0\n", "weight must be > 0"),
        ("lang: en\ntriggers:\n  Armed clash:\n    '.*fight': 1.0\n", "must begin with"),
        (
            "lang: en\ngeneric:\n  - pattern: 'hit'\n    weight: 1.0\n    default: Attack\n    resolve:\n      nosuchcue: Grenade\n",
            "undefined cue class 'nosuchcue'",
        ),
        ("lang: english\n", "lang"),
    ],
)
def test_trigger_lexicon_bad_user_file(tmp_path: Path, body: str, message: str) -> None:
    path = _user_file(tmp_path, body)
    with pytest.raises(DataFileError, match=message) as caught:
        load_trigger_lexicon(extra=[path], languages=("en",))
    assert caught.value.path == str(path)
    assert "extra.yaml" in str(caught.value)


def test_trigger_lexicon_user_file_adds_triggers(tmp_path: Path) -> None:
    text = "The brigade conducted a razzia on the hamlet."
    assert classify_text(text, lexicon=load_trigger_lexicon()) != ("Violence against civilians", "Attack")
    path = _user_file(tmp_path, "lang: en\ntriggers:\n  Attack:\n    'razzias?': 3.0\n")
    lexicon = load_trigger_lexicon(extra=[path])
    assert classify_text(text, lexicon=lexicon) == ("Violence against civilians", "Attack")


def test_trigger_lexicon_unknown_shipped_language() -> None:
    with pytest.raises(ConfigError, match="'es'"):
        load_trigger_lexicon(languages=("es",))


@pytest.mark.parametrize(
    ("pattern", "text", "matched"),
    [
        ("road ?side bombs?", "a roadside bomb", "roadside bomb"),
        ("road ?side bombs?", "two road side bombs", "road side bombs"),
        ("air[- ]strikes?", "an air-strike", "air-strike"),
        ("opened fire ~ protesters", "opened fire on the unarmed protesters", "opened fire on the unarmed protesters"),
        ("clash(es|ed)?", "clashed", "clashed"),
    ],
)
def test_trigger_lexicon_pattern_syntax(pattern: str, text: str, matched: str) -> None:
    import re

    found = re.search(expand_pattern(pattern), text, re.IGNORECASE)
    assert found is not None and found.group() == matched


def test_trigger_lexicon_pattern_stops_at_word_end() -> None:
    lexicon = load_trigger_lexicon()
    assert not [t for t in find_triggers("The clashing colours of the mural.", lexicon=lexicon) if t.text == "clash"]


def test_trigger_lexicon_context_only_generic_needs_cues(tmp_path: Path) -> None:
    path = _user_file(tmp_path, "lang: en\ngeneric:\n  - pattern: 'uproar'\n    weight: 1.0\n")
    with pytest.raises(DataFileError, match="without a default needs cues"):
        load_trigger_lexicon(extra=[path], languages=("en",))


@pytest.mark.parametrize(
    ("text", "inside", "outside"),
    [
        ("Crowds rallied against the killing of two farmers, and police fired tear gas.", "killing", "tear gas"),
        ("Nurses marched to demand justice for a colleague shot by guards.", "shot", "Nurses"),
    ],
)
def test_trigger_lexicon_grievance_spans_end_at_the_clause(text: str, inside: str, outside: str) -> None:
    spans = load_trigger_lexicon().language("en").grievance_spans(text)
    assert any(start <= text.index(inside) < end for start, end in spans)
    assert not any(start <= text.index(outside) < end for start, end in spans)
