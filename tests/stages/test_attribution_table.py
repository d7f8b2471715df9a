"""Attribution of claims, EN and FR, on hand-written sentences (no spaCy: sentences built by hand)."""

from __future__ import annotations

import re

import pytest

from flashpoint.model import ActorRef, Document, Entity, Sentence, Span
from flashpoint.stages.attribution import AttributionStage


def make_doc(text: str, lang: str = "en", **layers: object) -> Document:
    """A document whose sentences end at ". " (enough for hand-written tests)."""
    sentences, start = [], 0
    for match in re.finditer(r"(?<=[.!?])\s+", text):
        sentences.append(Sentence(Span(start, match.start()), len(sentences)))
        start = match.end()
    if start < len(text):
        sentences.append(Sentence(Span(start, len(text)), len(sentences)))
    return Document.from_text(text, lang=lang).with_layers(sentences=tuple(sentences), **layers)


def claims_of(doc: Document) -> list[tuple[str | None, ...]]:
    out = AttributionStage()(doc)
    return [(c.kind, c.source, c.role, c.verb) for c in out.claims]


ROWS = [
    ("en", "According to Reuters, six soldiers died.", [("outlet", "Reuters", None, "According to")]),
    ("en", "Six soldiers died, according to a local source.", [("anonymous", "a local source", None, "according to")]),
    ("en", "The army said the convoy was hit.", [("group", "The army", None, "said")]),
    ("en", "Witnesses reported gunfire at dawn.", [("anonymous", "Witnesses", None, "reported")]),
    (
        "en",
        "Hama Ould Sidi, a lecturer at the University of Niamey, explained that the group is weak.",
        [("named", "Hama Ould Sidi", "a lecturer at the University of Niamey", "explained")],
    ),
    (
        "en",
        "Talking to “Radio Sahel”, a source in the town, who asked not to be named, says the garrison left.",
        [("outlet", "Radio Sahel", None, "Talking to"), ("anonymous", "a source in the town", None, "says")],
    ),
    ("en", "Issa Ag Bilal told AFP the road was mined.", [("named", "Issa Ag Bilal", None, "told"), ("outlet", "AFP", None, "told")]),
    ("en", "According to the statement, the camp was shelled.", [("document", "the statement", None, "According to")]),
    ("en", "The group boasted of the raid in a video.", [("document", "a video", None, "in")]),
    ("en", "The attack claimed twelve lives.", []),
    ("en", "He said nothing.", []),
    ("fr", "Selon RFI, six soldats sont morts.", [("outlet", "RFI", None, "Selon")]),
    ("fr", "D'après une source sécuritaire, le camp a été visé.", [("anonymous", "une source sécuritaire", None, "D'après")]),
    ("fr", "Moussa Ag Acharatoumane, un élu local, a déclaré que la ville est tombée.", [("named", "Moussa Ag Acharatoumane", "un élu local", "a déclaré")]),
    ("fr", "L'armée a affirmé avoir repoussé l'attaque.", [("group", "L'armée", None, "a affirmé")]),
    ("fr", "Le groupe a revendiqué l'attaque dans un communiqué.", [("group", "Le groupe", None, "a revendiqué"), ("document", "un communiqué", None, "dans")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), ROWS)
def test_attribution_claims(lang: str, text: str, expected: list[tuple[str | None, ...]]) -> None:
    assert claims_of(make_doc(text, lang)) == expected


def test_attribution_quote_is_covered_and_inverted_subject_found() -> None:
    text = "“We lost many men in that ambush,” said Sidi Ag Moussa, a local elder."
    (claim,) = AttributionStage()(make_doc(text)).claims
    assert (claim.kind, claim.source, claim.role) == ("named", "Sidi Ag Moussa", "a local elder")
    assert text[claim.covers.start : claim.covers.end] == "“We lost many men in that ambush,”"


def test_attribution_sentence_initial_according_to_covers_the_sentence() -> None:
    text = "Calm returned. According to AFP, the town fell."
    (claim,) = AttributionStage()(make_doc(text)).claims
    assert text[claim.covers.start : claim.covers.end] == "According to AFP, the town fell."
    assert text[claim.span.start : claim.span.end] == "AFP"


def test_attribution_the_source_points_back_to_the_last_anonymous_source() -> None:
    text = "A source in Gao said the bridge fell. The source also said the market burned."
    claims = AttributionStage()(make_doc(text)).claims
    assert [c.source for c in claims] == ["A source in Gao", "A source in Gao"]
    assert text[claims[1].span.start : claims[1].span.end] == "The source"


def test_attribution_name_after_a_full_stop_completes_a_described_source() -> None:
    text = "The road is mined, according to a researcher at the Timbuktu Institute. Hama Ag Sidi."
    (claim,) = AttributionStage()(make_doc(text)).claims
    assert (claim.kind, claim.source, claim.role) == ("named", "Hama Ag Sidi", "a researcher at the Timbuktu Institute")


def test_attribution_uses_actors_and_person_entities() -> None:
    text = "JNIM claimed the ambush. Amadou Kone said the convoy was hit."
    jnim = ActorRef("jnim", "JNIM: Group for Support of Islam and Muslims", "JNIM", Span(0, 4))
    person = Entity(Span(text.index("Amadou"), text.index(" said")), "Amadou Kone", "PERSON")
    claims = AttributionStage()(make_doc(text, actors=(jnim,), entities=(person,))).claims
    assert [(c.kind, c.source) for c in claims] == [
        ("group", "JNIM: Group for Support of Islam and Muslims"),
        ("named", "Amadou Kone"),
    ]


def test_attribution_extra_outlets_extend_the_list() -> None:
    doc = make_doc("Speaking to Radio Kledu, residents said the well was poisoned.")
    claims = AttributionStage(outlets=["Radio Kledu"])(doc).claims
    assert [(c.kind, c.source) for c in claims] == [("outlet", "Radio Kledu"), ("anonymous", "residents")]


def test_attribution_ignores_person_entities_inside_descriptions_and_extends_partial_ones() -> None:
    """Statistical NER mistakes: a region tagged PERSON, a name tagged without its first words."""
    text = "A source in the Gourma region said the post fell. Sidi Ag Alla, an elder, agrees."
    wrong = Entity(Span(text.index("Gourma"), text.index(" region")), "Gourma", "PERSON")
    partial = Entity(Span(text.index("Alla"), text.index(", an")), "Alla", "PERSON")
    claims = AttributionStage()(make_doc(text, entities=(wrong, partial))).claims
    assert [(c.kind, c.source, c.role) for c in claims] == [
        ("anonymous", "A source in the Gourma region", None),
        ("named", "Sidi Ag Alla", "an elder"),
    ]


def test_attribution_quote_then_outlet_then_inverted_subject_in_french() -> None:
    text = "« Nous avons tout perdu », a déclaré à RFI Ahmed Ag Mohamed, un élu local."
    claims = AttributionStage()(make_doc(text, "fr")).claims
    assert [(c.kind, c.source, c.role) for c in claims] == [
        ("named", "Ahmed Ag Mohamed", "un élu local"),
        ("outlet", "RFI", None),
    ]
    assert all(text[c.covers.start : c.covers.end] == "« Nous avons tout perdu »" for c in claims)
