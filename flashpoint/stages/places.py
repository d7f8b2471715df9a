"""The places stage: every toponym in the text, its role, and where it is.

Reads `sentences`, `entities`, `actors`, `times`, `claims`, `countries`; assigns
`places` (a `PlaceMention` per toponym). Country names become country-level places,
"X region" an admin1 or analyst region, two countries around "border" a border
area; other names go through the gazetteer with the document's context, which
abstains (region fallback, `no_match`) rather than guess a place abroad.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from operator import attrgetter
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP
from spacy.lang.fr.stop_words import STOP_WORDS as FR_STOP

from flashpoint.gazetteer.index import Candidate, Gazetteer
from flashpoint.gazetteer.resolve import PlaceContext, admin1_named, region_named, resolve_place
from flashpoint.kb.actors import ActorKB
from flashpoint.model import Document, Place, PlaceMention, Span
from flashpoint.pipeline import Stage
from flashpoint.stages.countries import compile_country_pattern, load_country_names
from flashpoint.stages.toponyms import LanguageCues, Toponym, find_toponyms, load_place_cues

_STOP = {"en": frozenset(EN_STOP), "fr": frozenset(FR_STOP)}
# Entries kept by each memo before it starts afresh (bounded memory on a long batch).
_CACHE_SIZE = 20_000
_START = attrgetter("start")



def candidate_place(candidate: Candidate, *, text: str, span: Span, geo: int, where: int, no_match: bool = False) -> Place:
    """A `Place` from a gazetteer candidate at the given precision codes."""
    return Place(
        name=candidate.name,
        gazetteer_id=candidate.gazetteer_id,
        country=candidate.country,
        admin1=candidate.admin1,
        admin2=candidate.admin2,
        lat=candidate.lat,
        lon=candidate.lon,
        geo_precision=geo,
        where_prec=where,
        text=text,
        span=span,
        feature_code=candidate.feature_code,
        score=candidate.score,
        no_match=no_match,
    )


class PlacesStage(Stage):
    """Adds `places`: each toponym with its role and its resolution (or None)."""

    name = "places"
    requires = ("sentences", "entities", "actors", "times", "claims", "countries")
    assigns = ("places",)

    def __init__(self, gazetteer_path: Path, actor_kb: ActorKB | None = None) -> None:
        self.gazetteer = Gazetteer.open(gazetteer_path)
        self.actor_kb = actor_kb
        self.cues = load_place_cues()
        # Country names are matched exactly (cheap), then looked up once per code.
        self.country_names = load_country_names()
        self.country_pattern = compile_country_pattern(self.country_names)
        self._countries: dict[str, Candidate | None] = {}
        self._resolved: dict[tuple[object, ...], Place | None] = {}
        self._known: dict[tuple[str, tuple[str, ...]], bool] = {}

    def actor_regions(self, doc: Document) -> tuple[tuple[str, str], ...]:
        """Where the report's actors (else the known actors of its countries) operate."""
        if self.actor_kb is None or not doc.countries:
            return ()
        return self.actor_kb.operating_regions(self.known_actor_ids(doc), doc.countries)

    def actor_countries(self, doc: Document) -> tuple[str, ...]:
        """The countries of the report's named actors (a report naming JNIM and Gao, but no
        country, is about the Gao of JNIM's countries); for a report that names neither a
        country nor a known actor, the countries where the knowledge base's groups operate
        (the conflicts Flashpoint follows: "a suicide bomber in Gao" is not about Cuba)."""
        if self.actor_kb is None:
            return ()
        ids = self.known_actor_ids(doc)
        found = tuple(dict.fromkeys(code for actor_id in ids for code in self.actor_kb.get(actor_id).countries))
        return found or (() if doc.countries else self.actor_kb.theatres())

    def known_actor_ids(self, doc: Document) -> list[str]:
        """The knowledge base's ids of the report's actors, each once, in text order."""
        kb = self.actor_kb
        return list(dict.fromkeys(actor.id for actor in doc.actors if actor.id and kb is not None and actor.id in kb))

    def country_record(self, code: str) -> Candidate | None:
        """The gazetteer's record of a country, by ISO2 code (cached)."""
        if code not in self._countries:
            self._countries[code] = self.gazetteer.country(code)
        return self._countries[code]

    def __call__(self, doc: Document) -> Document:
        cues = self.cues.get(doc.lang or "en", self.cues["en"])
        with self.gazetteer.reading():
            countries = self.country_mentions(doc)
            mentions = countries + self.border_mentions(doc, countries, cues) + self.toponym_mentions(doc, cues)
        mentions.sort(key=lambda m: m.span.start)
        return doc.with_layers(places=tuple(mentions))

    def country_mentions(self, doc: Document) -> list[PlaceMention]:
        """Country names in the text, as country-level places (ACLED 3, UCDP 6)."""
        mentions = []
        for match in self.country_pattern.finditer(doc.text):
            name = match.group(1)
            code = self.country_names[name.lower()]
            span = Span(match.start(1), match.end(1))
            if code not in doc.countries or name[0].islower() or any(_overlap(a.span, span) for a in doc.actors):
                continue  # "malien", "Malian soldiers": a people or an actor, not the country
            country = self.country_record(code)
            place = candidate_place(country, text=name, span=span, geo=3, where=6) if country else None
            mentions.append(PlaceMention(span, name, "country", place))
        return mentions

    def border_mentions(self, doc: Document, countries: list[PlaceMention], cues: LanguageCues) -> list[PlaceMention]:
        """"the Mali border with Niger", "la frontière entre le Mali et le Niger": a border area."""
        mentions = []
        for first, second in zip(countries, countries[1:]):
            between = doc.text[first.span.start : second.span.end].lower()
            if second.span.start - first.span.end > 40 or not any(w in between for w in cues.border_words):
                continue
            region = self.gazetteer.region(f"{first.text}-{second.text} border") or self.gazetteer.region(
                f"{second.text}-{first.text} border"
            )
            if region is not None:
                span = Span(first.span.start, second.span.end)
                text = doc.snippet(span)
                mentions.append(PlaceMention(span, text, "border", candidate_place(region, text=text, span=span, geo=3, where=5)))
        return mentions

    def toponym_mentions(self, doc: Document, cues: LanguageCues) -> list[PlaceMention]:
        """Toponyms other than countries, resolved in document context, in text order."""
        entity_spans = {(e.span.start, e.span.end): e.label for e in doc.entities}
        # A person's or an outlet's name is never a place; "residents of X" (anonymous) may hold one.
        sources = [c.span for c in doc.claims if c.kind in {"named", "outlet"}]
        blocked = [a.span for a in doc.actors] + [t.span for t in doc.times] + sources
        stop = _STOP.get(doc.lang or "en", _STOP["en"])
        context = PlaceContext(countries=doc.countries, actor_regions=self.actor_regions(doc),
                               actor_countries=self.actor_countries(doc))
        mentions: list[PlaceMention] = []

        def known_place(name: str) -> bool:
            return self.is_known_place(name, doc.countries)

        blocked.sort(key=_START)
        starts = [span.start for span in blocked]
        for sentence in doc.sentences:
            text = doc.snippet(sentence.span)
            # Only spans that start before the sentence ends can overlap it; of those, a
            # name only checks the ones that do not end before the sentence starts.
            here = [b for b in blocked[: bisect_left(starts, sentence.span.end)] if b.end > sentence.span.start]
            found = find_toponyms(
                text, offset=sentence.span.start, cues=cues, stop_words=stop,
                entity_spans=entity_spans, blocked=here, known_place=known_place,
            )
            for toponym in found:
                if toponym.text.lower() in self.country_names:
                    continue  # country names are handled by country_mentions
                if any(c.span.contains(toponym.span) for c in doc.claims):
                    toponym = replace(toponym, role="context")  # "a source in the Azawad region"
                mention = self.resolve(toponym, context)
                mentions.append(mention)
                if mention.role != "context":  # a dateline or an affiliation says nothing of where events are
                    context = _extend_context(context, mention.place)
        return mentions

    def resolve_name(self, name: str, span: Span, context: PlaceContext) -> Place | None:
        """`resolve_place`, memoised on the name and the document's countries and regions.

        Resolved points are left out of the key (a name read again, in this report or the
        next about the same country, costs a dictionary lookup); they only matter between
        namesakes, so a place with namesakes is resolved again with them.
        """
        key = (name, context.countries, context.admin1s, context.actor_countries, context.actor_regions)
        if key not in self._resolved:
            if len(self._resolved) >= _CACHE_SIZE:
                self._resolved.clear()
            self._resolved[key] = resolve_place(self.gazetteer, name, span, context)
        place = self._resolved[key]
        if place is not None and place.namesakes and context.points:
            return resolve_place(self.gazetteer, name, span, context)
        return None if place is None else replace(place, span=span)

    def is_known_place(self, name: str, countries: tuple[str, ...]) -> bool:
        """Does the gazetteer hold a populated place or admin unit of exactly this name in
        one of the report's countries? (vouches for a sentence-opening name with no cue)"""
        if not countries:
            return False
        cache_key = (name, countries)
        if cache_key not in self._known:
            if len(self._known) >= _CACHE_SIZE:
                self._known.clear()
            self._known[cache_key] = self.gazetteer.holds(name, countries, {"P", "A"})
        return self._known[cache_key]

    def resolve(self, toponym: Toponym, context: PlaceContext) -> PlaceMention:
        """Resolve one toponym: regions first when a region word qualifies it."""
        name = _strip_region_word(toponym.text)
        place: Place | None = None
        if toponym.region_word or toponym.role == "container":
            place = self.region_place(name, toponym, context)
        if place is None:
            place = self.resolve_name(name, toponym.span, context)
        region = place is not None and place.geo_precision == 3 and toponym.region_word and toponym.role == "event"
        role = "region" if region else toponym.role
        if place is not None and place.text != toponym.text:
            place = _with_text(place, toponym.text)
        return PlaceMention(toponym.span, toponym.text, role, place)

    def region_place(self, name: str, toponym: Toponym, context: PlaceContext) -> Place | None:
        """An admin1 or analyst region named `name`, at ACLED precision 3."""
        country = context.countries[0] if context.countries else None
        candidate, where = admin1_named(self.gazetteer, name, country), 4
        if candidate is None:
            candidate, where = region_named(self.gazetteer, name), 5
        if candidate is None:
            return None
        return candidate_place(candidate, text=toponym.text, span=toponym.span, geo=3, where=where)


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _strip_region_word(text: str) -> str:
    words = text.split()
    if len(words) > 1 and words[-1].lower() in {"region", "state", "province", "area", "zone", "district", "région"}:
        return " ".join(words[:-1])
    return text


def _with_text(place: Place, text: str) -> Place:
    return replace(place, text=text)


# Spatial coherence looks at the places resolved last: a report moves on, and every
# candidate of every later lookup is measured against each point kept.
_MAX_CONTEXT_POINTS = 8


def _recent_points(points: tuple[tuple[float, float], ...], point: tuple[float, float]) -> tuple[tuple[float, float], ...]:
    """The last few distinct resolved points, newest last."""
    kept = tuple(p for p in points if p != point)
    return (*kept, point)[-_MAX_CONTEXT_POINTS:]


def _extend_context(context: PlaceContext, place: Place | None) -> PlaceContext:
    """Resolved places make later ones coherent: add the point and its admin1 (the admin1
    named last comes last: an unfound place falls back to the region the report is in now)."""
    if place is None or place.lat is None or place.lon is None or place.no_match:
        return context
    admin1s = context.admin1s if place.admin1 is None else (*(a for a in context.admin1s if a != place.admin1), place.admin1)
    return replace(context, admin1s=admin1s, points=_recent_points(context.points, (place.lat, place.lon)))
