"""The one typed data model every stage reads and writes.

A `Document` carries the text and, layer by layer, what each stage found in it.
Records are frozen and slotted; every record that comes from the text carries a
`Span` (character offsets into `Document.text`). Unknown is `None` plus a
precision code, never a made-up default.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import unicodedata
from dataclasses import dataclass, field
from typing import Any

_FROZEN = {"frozen": True, "slots": True}


@dataclass(**_FROZEN)
class Span:
    """Half-open character range `[start, end)` into a document's text."""

    start: int
    end: int

    @classmethod
    def of(cls, text: str, phrase: str, *, after: int = 0) -> Span:
        """The span of the first `phrase` in `text` at or after `after` (ValueError if absent)."""
        start = text.index(phrase, after)
        return cls(start, start + len(phrase))

    def text_of(self, text: str) -> str:
        """Return the characters this span covers in `text`."""
        return text[self.start : self.end]

    def contains(self, other: Span) -> bool:
        """True when `other` lies inside this span."""
        return self.start <= other.start and other.end <= self.end

    def to_list(self) -> list[int]:
        """JSON form: `[start, end]`."""
        return [self.start, self.end]


@dataclass(**_FROZEN)
class Sentence:
    """A sentence of the document, with the character span it covers."""

    span: Span
    index: int


@dataclass(**_FROZEN)
class Entity:
    """A named-entity mention from the linguistic layer (ruler or statistical NER)."""

    span: Span
    text: str
    label: str
    source: str = "ner"
    """`ruler` when the entity came from our data, `ner` from the statistical model."""
    kb_id: str | None = None


@dataclass(**_FROZEN)
class ActorRef:
    """An actor resolved (or not) against the knowledge base, with its surface form."""

    id: str | None
    name: str | None
    text: str
    span: Span
    inter: int | None = None
    resolution: str = "alias"
    """How it was resolved: alias, fuzzy, descriptor, coref, generic, discourse (taken from the
    report's context, e.g. an unattributed air strike), unresolved."""
    score: float = 1.0
    country: str | None = None


@dataclass(**_FROZEN)
class Place:
    """A located place, or an honest fallback to a region (`no_match`)."""

    name: str | None
    gazetteer_id: str | None
    country: str | None
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    geo_precision: int | None
    where_prec: int | None
    text: str
    span: Span
    feature_code: str | None = None
    score: float = 0.0
    no_match: bool = False
    namesakes: int = 0
    """Other places of this name the context could not rule out (the first by seat and population is kept)."""


@dataclass(**_FROZEN)
class PlaceMention:
    """A toponym in the text, its role in the sentence and its resolution (None if unresolved)."""

    span: Span
    text: str
    role: str
    """event (may be where something happened), context (origin, affiliation, comparison), country, region."""
    place: Place | None


@dataclass(**_FROZEN)
class TimeRange:
    """A time expression resolved to a date range with ACLED and UCDP precision codes.

    `start`/`end` are None when the text does not support a bound (for example a
    month with no year when no publication date anchors it).
    """

    start: dt.date | None
    end: dt.date | None
    time_precision: int | None
    date_prec: int | None
    text: str
    span: Span
    kind: str = "point"
    """point, range, since, until, relative, unanchored."""


@dataclass(**_FROZEN)
class Toll:
    """A casualty phrase: low/best/high and a qualifier, never an invented number."""

    low: int | None
    best: int | None
    high: int | None
    qualifier: str | None
    text: str
    span: Span
    outcome: str = "killed"
    """killed, wounded, abducted, displaced, losses."""
    victims: str | None = None


@dataclass(**_FROZEN)
class Claim:
    """Who says something, and which part of the text they say."""

    source: str
    kind: str
    """outlet, named, anonymous, group, document."""
    span: Span
    covers: Span
    verb: str | None = None
    role: str | None = None


@dataclass(**_FROZEN)
class Trigger:
    """A word or phrase that signals an event of a given ACLED sub-type."""

    event_type: str
    sub_event_type: str
    span: Span
    text: str
    score: float = 1.0


@dataclass(**_FROZEN)
class Fatalities:
    """Fatalities of an event: unknown stays None; the phrase is kept."""

    low: int | None = None
    best: int | None = None
    high: int | None = None
    qualifier: str | None = None
    text: str | None = None
    span: Span | None = None


@dataclass(**_FROZEN)
class Event:
    """One coded event with provenance for every field."""

    doc_id: str
    event_id: str
    event_type: str
    sub_event_type: str
    actor1: ActorRef | None
    actor2: ActorRef | None
    place: Place | None
    time: TimeRange | None
    fatalities: Fatalities
    trigger: Trigger
    assoc_actor_1: tuple[ActorRef, ...] = ()
    assoc_actor_2: tuple[ActorRef, ...] = ()
    attribution: tuple[Claim, ...] = ()
    evidence: tuple[Span, ...] = ()
    aggregate: bool = False
    hedged: bool = False
    negated: bool = False
    future: bool = False
    confidence: float = 0.5
    notes: str | None = None


@dataclass(**_FROZEN)
class Influence:
    """A statement of presence or control: actor, area, time and source."""

    actor: ActorRef
    place: Place | None
    time: TimeRange | None
    kind: str
    """presence, control, aim."""
    text: str
    span: Span
    attribution: tuple[Claim, ...] = ()


@dataclass(**_FROZEN)
class Failure:
    """A document that could not be processed, and why."""

    doc_id: str | None
    stage: str
    error: str
    path: str | None = None


def normalise_text(text: str) -> str:
    """NFC-normalise and unify line endings, so the same report hashes the same."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def content_hash(text: str) -> str:
    """Stable document id: sha256 of the normalised text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Document:
    """A report and the layers the stages added to it.

    Stages never mutate a document: they return `doc.with_layers(...)`.
    """

    text: str
    doc_id: str
    published: dt.date | None = None
    lang: str | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None
    title: str | None = None
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    actors: tuple[ActorRef, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    times: tuple[TimeRange, ...] = ()
    tolls: tuple[Toll, ...] = ()
    claims: tuple[Claim, ...] = ()
    triggers: tuple[Trigger, ...] = ()
    events: tuple[Event, ...] = ()
    influences: tuple[Influence, ...] = ()
    countries: tuple[str, ...] = ()
    """ISO2 codes of countries the text names, most mentioned first (context for resolution)."""
    ling: Any = field(default=None, compare=False, repr=False)
    """The spaCy `Doc` of the linguistic layer; never serialised."""

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        published: dt.date | None = None,
        doc_id: str | None = None,
        **meta: Any,
    ) -> Document:
        """Build a document from raw text; the id is the content hash unless given."""
        clean = normalise_text(text)
        return cls(text=clean, doc_id=doc_id or content_hash(clean), published=published, **meta)

    def with_layers(self, **layers: Any) -> Document:
        """Return a copy with the given layers set (the only way stages add data)."""
        return dataclasses.replace(self, **layers)

    def sentence_of(self, span: Span) -> Sentence | None:
        """The sentence that contains the start of `span`."""
        for sentence in self.sentences:
            if sentence.span.start <= span.start < sentence.span.end:
                return sentence
        return None

    def snippet(self, span: Span) -> str:
        """The text a span covers."""
        return span.text_of(self.text)
