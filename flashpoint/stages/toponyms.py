"""Find toponym candidates in a sentence and tell their role, without a model.

A capitalised name counts as a toponym candidate when NER calls it a place, when a
locative cue precedes it ("in", "village of"), when a region word follows it
("Ménaka region"), or when it continues a list of such names ("A, B and C").
Its role comes from the words before it: "University of Bamako" is context,
not the place of an event. Cues live in `data/place_cues.yaml`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from pydantic import BaseModel, ValidationError

from flashpoint.alternation import prefix_alternation
from flashpoint.datafiles import data_path, read_data_file, validation_message
from flashpoint.errors import DataFileError
from flashpoint.model import Span

# A capitalised word; an apostrophe may join letters (N'Djamena) but not a possessive 's.
_WORD = r"[A-ZÀ-ÖØ-Þ](?:[\w\-]|['’](?!s\b))*\w|[A-ZÀ-ÖØ-Þ]"
_PARTICLE = r"(?:al|el|ag|ould|de|du|des|la|le|ben|bin|ad|ar|as|an)[\-\s]"
# A name may follow a French elided article ("près d'Arbinda", "l'Oudalan").
_NAME = re.compile(rf"(?:(?<![\w’'])|(?<=\b[dDlL]['’]))(?:{_WORD})(?:(?:\s|-)(?:{_PARTICLE})?(?:{_WORD}))*")
_LIST_JOIN = re.compile(r"^\s*(?:,|and|et|or|ou|&)\s*(?:and\s+|et\s+)?$")
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# A name this close after another, and not in a list with it, locates the first one.
_QUALIFIER_GAP = 40


class LanguageCues(BaseModel):
    """Cue lists for one language."""

    context_before: list[str]
    locative_before: list[str]
    region_words: list[str]
    region_anaphora: list[str]
    border_words: list[str]
    never_places: list[str]
    span_before: list[str]


@dataclass(frozen=True, slots=True)
class Toponym:
    """A candidate name, its span and the role its context suggests."""

    span: Span
    text: str
    role: str
    """event, context, container (", Ménaka" after a list), qualifier ("near Djibo" after a village)."""
    region_word: bool = False


def load_place_cues() -> dict[str, LanguageCues]:
    """Cues per language from `data/place_cues.yaml`."""
    path = data_path("place_cues.yaml")
    content = read_data_file(path)
    cues: dict[str, LanguageCues] = {}
    for lang in ("en", "fr"):
        try:
            cues[lang] = LanguageCues(**content[lang])
        except (KeyError, TypeError, ValidationError) as exc:
            detail = validation_message(path, lang, exc) if isinstance(exc, ValidationError) else f"missing {lang}"
            raise DataFileError(detail, path=str(path), field=lang) from exc
    return cues


_DETERMINER = re.compile(r"\s+(?:the|a|an|la|le|les|l['’])\s*$", re.IGNORECASE)


_ELIDED = re.compile(r"\b([dl])['’]$")


@functools.lru_cache(maxsize=64)
def _ending(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One compiled pattern: the text ends with one of the phrases, at a word boundary."""
    return re.compile(rf"(?:^|(?<![^\W_])){prefix_alternation(phrases)}$")


def _ends_with_any(before: str, phrases: list[str] | tuple[str, ...]) -> bool:
    return _ending(tuple(phrases)).search(_tail(before[-60:])) is not None


@functools.lru_cache(maxsize=1024)
def _tail(before: str) -> str:
    """The words before a name, lower-cased, elisions spelt out, a final determiner dropped
    (each name asks several cue lists about the same words)."""
    tail = _ELIDED.sub(lambda m: "de" if m.group(1) == "d" else "le", before.lower().rstrip())
    return _DETERMINER.sub("", " " + tail).strip()


@functools.lru_cache(maxsize=8)
def _region_of(words: tuple[str, ...]) -> tuple[str, ...]:
    """"state of", "région de": a region word before the name."""
    return tuple(f"{word} {link}" for word in words for link in ("of", "de", "du"))


def _starts_with_any(after: str, words: list[str]) -> bool:
    first = after.lower().lstrip().split(" ", 1)[0].strip(",.;:")
    return first in words


def _strip_leading(text: str, start: int, stop_words: frozenset[str]) -> tuple[str, int]:
    """Drop leading function words ("The Insanan region" -> "Insanan region")."""
    while True:
        head, _, rest = text.partition(" ")
        if not rest or head.lower() not in stop_words:
            return text, start
        start += len(head) + 1
        text = rest


def find_toponyms(
    sentence: str,
    *,
    offset: int,
    cues: LanguageCues,
    stop_words: frozenset[str],
    entity_spans: dict[tuple[int, int], str],
    blocked: list[Span],
    known_place: Callable[[str], bool] | None = None,
) -> list[Toponym]:
    """Toponym candidates of one sentence with their roles (document offsets).

    `entity_spans` maps NER spans to labels; `blocked` are spans already taken by
    actors, times or claim sources; `known_place` vouches for a sentence-opening name
    that has no cue (the gazetteer knows it in the report's countries).
    """
    found: list[Toponym] = []
    joins: list[str] = []
    spans_from_first = False
    previous_end: int | None = None
    for match in _NAME.finditer(sentence):
        text, start = _strip_leading(match.group(), match.start(), stop_words)
        if text.lower() in stop_words or text.lower() in cues.never_places:
            previous_end = None
            continue
        span = Span(offset + start, offset + start + len(text))
        if any(b.start < span.end and span.start < b.end for b in blocked):
            previous_end = None
            continue
        before, after = sentence[:start], sentence[start + len(text) :]
        region_word = (
            _starts_with_any(after, cues.region_words)
            or text.split()[-1].lower() in cues.region_words
            or _ends_with_any(before, _region_of(tuple(cues.region_words)))
        )
        in_list = previous_end is not None and bool(_LIST_JOIN.match(sentence[previous_end:start]))
        is_place = (
            entity_spans.get((span.start, span.end)) in _PLACE_LABELS
            or _ends_with_any(before, cues.locative_before)
            or region_word
            or in_list
        )
        labelled = entity_spans.get((span.start, span.end)) in _PLACE_LABELS
        opening_name = start == 0 and not region_word and not labelled
        if opening_name and known_place is not None and known_place(text):
            is_place, opening_name = True, False
        if not is_place or opening_name:
            previous_end = None
            continue
        role = "context" if _is_dateline(text, start, after) else _role(before, cues)
        if role == "event" and not in_list and found and start + offset - found[-1].span.end <= _QUALIFIER_GAP:
            role = "qualifier"  # "Gasseliki, near Djibo in Soum province": Djibo and Soum locate Gasseliki
        if in_list and previous_end is not None and _closes_list(sentence[previous_end:start], joins):
            role = "container"
        elif in_list and spans_from_first:
            role = "qualifier"  # "between Gao and Ansongo": one stretch, located by its first end
        if not in_list:
            spans_from_first = _ends_with_any(before, cues.span_before)
        joins.append(sentence[previous_end:start] if in_list and previous_end is not None else "")
        found.append(Toponym(span, text, role, region_word))
        previous_end = start + len(text)
    return found


_DATELINE_AFTER = re.compile(r"^\s*(?:\([^)]{1,20}\)\s*)?(?:[,—–-]|\()")


def _is_dateline(text: str, start: int, after: str) -> bool:
    """"OUAGADOUGOU — ..." or "NIAMEY, June 3 (AFP) -": where the report was filed."""
    return start == 0 and text.isupper() and len(text) > 2 and bool(_DATELINE_AFTER.match(after))


def _role(before: str, cues: LanguageCues) -> str:
    return "context" if _ends_with_any(before, cues.context_before) else "event"


def _closes_list(join: str, joins: list[str]) -> bool:
    """True for the ", Ménaka" in "A, B and C, Ménaka": a comma after a list already closed by "and"."""
    closed = bool(joins) and re.search(r"\b(and|et)\b", joins[-1]) is not None
    return closed and join.strip() == ","
