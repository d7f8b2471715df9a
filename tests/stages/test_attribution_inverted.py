"""Inverted reporting verbs: the subject follows the verb at the end of the sentence."""

from __future__ import annotations

import pytest

from flashpoint.model import Document, Sentence, Span
from flashpoint.stages.attribution import AttributionStage


@pytest.mark.parametrize(
    ("text", "lang", "source"),
    [
        ("Dix soldats ont été tués mardi près de Tillabéri, a annoncé le ministère de la Défense.", "fr", "le ministère de la Défense"),
        ("Ten soldiers were killed near Tillaberi, the defence ministry said.", "en", "the defence ministry"),
        ("Ten soldiers were killed near Tillaberi, said the defence ministry.", "en", "the defence ministry"),
    ],
)
def test_attribution_subject_after_a_closing_reporting_verb(text: str, lang: str, source: str) -> None:
    doc = Document.from_text(text).with_layers(lang=lang, sentences=(Sentence(Span(0, len(text)), 0),))
    claims = AttributionStage()(doc).claims
    assert [c.source for c in claims] == [source]
