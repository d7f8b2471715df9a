"""A grievance runs over coordinated nouns ("the arrests and violence") but stops at a new clause."""

from __future__ import annotations

import pytest

from flashpoint.kb.trigger_lexicon import TriggerLexicon


@pytest.mark.parametrize(
    ("lang", "text", "inside", "outside"),
    [
        (
            "en",
            "Students marched to decry the arrests and violence against their classmates.",
            "violence",
            "Students",
        ),
        (
            "en",
            "Hundreds rallied against the detentions and the abductions of activists.",
            "abductions",
            "rallied",
        ),
        (
            "en",
            "Hundreds rallied against the detentions, and the police fired tear gas.",
            "detentions",
            "tear gas",
        ),
        (
            "en",
            "Traders protested over the arrests and police then dispersed them with batons.",
            "arrests",
            "dispersed",
        ),
        (
            "fr",
            "Des étudiants ont manifesté contre les arrestations et les violences subies par leurs camarades.",
            "violences",
            "étudiants",
        ),
        (
            "fr",
            "Des femmes ont manifesté contre les enlèvements et la police a dispersé le cortège.",
            "enlèvements",
            "dispersé",
        ),
    ],
)
def test_grievance_spans_join_nouns_not_clauses(
    lexicon: TriggerLexicon, lang: str, text: str, inside: str, outside: str
) -> None:
    spans = lexicon.language(lang).grievance_spans(text)
    assert any(start <= text.index(inside) < end for start, end in spans)
    assert not any(start <= text.index(outside) < end for start, end in spans)
