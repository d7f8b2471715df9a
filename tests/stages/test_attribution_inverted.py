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


def test_attribution_named_speaker_with_a_role_after_a_clause_naming_a_group() -> None:
    text = "The group controls several villages around Djibo, said Amadou Sawadogo, a researcher at the University of Ouagadougou."
    doc = Document.from_text(text).with_layers(lang="en", sentences=(Sentence(Span(0, len(text)), 0),))
    (claim,) = AttributionStage()(doc).claims
    assert (claim.source, claim.kind, claim.role) == ("Amadou Sawadogo", "named", "a researcher at the University of Ouagadougou")


def test_attribution_residents_who_speak_are_witnesses_not_a_group_claim() -> None:
    from flashpoint.model import ActorRef

    text = "Residents of Kaya told reporters that gunmen had burned the market."
    residents = ActorRef("civilians", "Civilians", "Residents", Span(0, 9), inter=7)
    doc = Document.from_text(text).with_layers(lang="en", sentences=(Sentence(Span(0, len(text)), 0),), actors=(residents,))
    (claim,) = AttributionStage()(doc).claims
    assert claim.kind == "anonymous" and claim.source.startswith("Residents")
