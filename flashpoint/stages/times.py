"""The `times` stage: every time expression of a document, anchored on its publication date."""

from __future__ import annotations

from typing import ClassVar

from flashpoint.model import Document, Span, TimeRange
from flashpoint.pipeline import Stage
from flashpoint.stages.phrase_lexicons import check_language
from flashpoint.stages.time_expressions import parse_time_expressions


class TimeStage(Stage):
    """Add `doc.times`: one `TimeRange` per time expression, sentence by sentence.

    Reads `doc.sentences`, `doc.published` and `doc.lang` (English when unset); a
    document without sentences is read as one. Months and days without a year are
    anchored on `doc.published`, or left unanchored when it is None. Raises
    ConfigError for a language with no time lexicon.

    Example: `TimeStage()(doc).times`.
    """

    name: ClassVar[str] = "times"
    requires: ClassVar[tuple[str, ...]] = ("sentences",)
    assigns: ClassVar[tuple[str, ...]] = ("times",)

    def __call__(self, doc: Document) -> Document:
        lang = check_language(doc.lang or "en")
        spans = [sentence.span for sentence in doc.sentences] or [Span(0, len(doc.text))]
        found: list[TimeRange] = []
        for span in spans:
            text = span.text_of(doc.text)
            found += parse_time_expressions(text, published=doc.published, lang=lang, offset=span.start)
        return doc.with_layers(times=tuple(found))
