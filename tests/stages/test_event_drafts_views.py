"""`SentenceView.all_of` deals each layer to its sentences exactly as `SentenceView.of` reads them."""

from __future__ import annotations

import pytest

from flashpoint.model import ActorRef, Document, Sentence, Span, TimeRange, Trigger
from flashpoint.stages.event_drafts import SentenceView, usable_triggers

TEXT = "Rebels attacked Gao. Troops fought back in March. Liberation Front clashed with police."


def _actor(start: int, end: int) -> ActorRef:
    return ActorRef("x", "X", TEXT[start:end], Span(start, end))


def _trigger(start: int, end: int, score: float = 1.0) -> Trigger:
    return Trigger("Battles", "Armed clash", Span(start, end), TEXT[start:end], score)


def _doc(sentences: list[tuple[int, int]]) -> Document:
    march = TEXT.index("March")
    return Document(
        text=TEXT,
        doc_id="d",
        sentences=tuple(Sentence(Span(a, b), k) for k, (a, b) in enumerate(sentences)),
        actors=(_actor(0, 6), _actor(21, 27), _actor(51, 66)),
        times=(TimeRange(None, None, None, None, "March", Span(march, march + 5)),),
        triggers=(
            _trigger(7, 15), _trigger(28, 33), _trigger(march, march + 5), _trigger(51, 60),  # in a date, in a name
            _trigger(67, 74), _trigger(67, 82, 0.5),  # overlapping: the stronger stays
        ),
    )


@pytest.mark.parametrize(
    "sentences",
    [
        [(0, 20), (21, 50), (51, 88)],  # the usual: in order, apart
        [(0, 21), (21, 51), (51, 88)],  # touching
        [(0, 20), (51, 88)],  # a gap: records there belong to no sentence
        [(21, 50), (0, 20)],  # out of order: read one by one
        [(0, 40), (21, 88)],  # overlapping: read one by one
        [(0, 0), (0, 20), (20, 20), (21, 88)],  # empty sentences
        [],
    ],
)
def test_all_of_equals_of_each_sentence(sentences: list[tuple[int, int]]) -> None:
    doc = _doc(sentences)
    assert SentenceView.all_of(doc) == [SentenceView.of(doc, sentence) for sentence in doc.sentences]


@pytest.mark.parametrize(
    ("span", "kept"),
    [
        ((7, 15), True),
        ((0, 6), False),  # the whole actor
        ((2, 5), False),  # inside the actor
        ((4, 9), True),  # overlaps it, not inside
        ((51, 60), False),  # inside a later, longer actor
    ],
)
def test_usable_triggers_drops_triggers_inside_names(span: tuple[int, int], kept: bool) -> None:
    doc = _doc([(0, 88)])
    trigger = _trigger(*span)
    assert (usable_triggers(doc, [trigger]) == [trigger]) is kept
