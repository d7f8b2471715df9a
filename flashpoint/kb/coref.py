"""In-document coreference for ambiguous descriptors ("the group", "l'organisation terroriste").

A descriptor refers back to an actor named earlier whose tags fit the descriptor
(`refers_to`): the nearest sentence that names one wins, and inside a sentence
the first fitting actor (usually the subject). Only a few sentences back are
searched; with no fitting antecedent the mention stays unresolved.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from flashpoint.model import ActorRef, Sentence

COREF_WINDOW = 3  # how many sentences back an antecedent may be
SCORE_CLEAR = 0.85  # one fitting actor in the antecedent's sentence
SCORE_CONTESTED = 0.6  # several fitting actors there: the first is a guess
_FALLBACK_SENTENCE = re.compile(r"[.!?]+[\"'”’»)]*\s+|\n\s*\n")


@dataclass(frozen=True, slots=True)
class SentenceIndex:
    """Maps a character offset to the index of its sentence."""

    starts: tuple[int, ...]

    @classmethod
    def build(cls, text: str, sentences: Sequence[Sentence]) -> SentenceIndex:
        """From the document's sentences, or a punctuation split when it has none."""
        if sentences:
            return cls(tuple(sorted(sentence.span.start for sentence in sentences)))
        return cls((0, *(match.end() for match in _FALLBACK_SENTENCE.finditer(text))))

    def of(self, offset: int) -> int:
        """Index of the sentence containing `offset`."""
        return max(0, bisect.bisect_right(self.starts, offset) - 1)


@dataclass(frozen=True, slots=True)
class Antecedent:
    """The actor a descriptor refers back to, and how sure we are."""

    ref: ActorRef
    score: float


def find_antecedent(
    refs: Sequence[ActorRef],
    mention_start: int,
    refers_to: Sequence[str],
    tags_of: dict[str, tuple[str, ...]],
    sentences: SentenceIndex,
) -> Antecedent | None:
    """The antecedent of a descriptor at `mention_start`, among earlier resolved `refs`."""
    here = sentences.of(mention_start)
    wanted = set(refers_to)
    by_sentence: dict[int, list[ActorRef]] = {}
    for ref in refs:
        if ref.id is None or ref.span.start >= mention_start or ref.resolution == "generic":
            continue
        distance = here - sentences.of(ref.span.start)
        if distance <= COREF_WINDOW and wanted & set(tags_of.get(ref.id, ())):
            by_sentence.setdefault(distance, []).append(ref)
    if not by_sentence:
        return None
    nearest = by_sentence[min(by_sentence)]
    first = min(nearest, key=lambda ref: ref.span.start)
    distinct = {ref.id for ref in nearest}
    return Antecedent(first, SCORE_CLEAR if len(distinct) == 1 else SCORE_CONTESTED)
