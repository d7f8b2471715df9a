"""Decide what kind of source a phrase names: outlet, named person, anonymous, group or document.

Works on the tokens of a candidate phrase ("a source in the Azawad region",
"Bekai Ag Hamad", "the video", "Reuters") with the help of the document's
PERSON entities and resolved actors when the pipeline provides them, and of
capitalised-name heuristics (with Arabic-origin particles "Ag", "Ould", "ben",
"al-") when it does not.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from flashpoint.model import ActorRef, Entity, Span
from flashpoint.stages.phrase_lexicons import attribution_lexicon
from flashpoint.stages.phrase_patterns import QUOTE_PAIRS
from flashpoint.stages.phrase_tokens import PhraseTable, Token, fold, phrase_key

PERSON_LABELS = frozenset({"PERSON", "PER"})
# A capitalised run after these names a place or a body ("the University of Bamako"), not a person.
PREPOSITIONS = frozenset({"of", "at", "in", "from", "de", "a", "du", "des", "d'", "en", "au", "aux"})
PRONOUNS = frozenset({"he", "she", "him", "her", "il", "elle", "lui"})
QUOTES = frozenset(QUOTE_PAIRS) | frozenset(QUOTE_PAIRS.values())
HEAD_ZONE = 4
"""The head of a source description sits in its first tokens ("a local source in Gao")."""


@dataclass(frozen=True, slots=True)
class Source:
    """A classified source phrase."""

    kind: str
    name: str
    span: Span
    role: str | None = None


class SourceLexicon:
    """The attribution lexicon of one language, compiled for matching."""

    def __init__(self, lang: str, extra_outlets: Sequence[str] = ()) -> None:
        lex = attribution_lexicon(lang)
        self.lex = lex
        self.source_after = _table(lex.source_after)
        self.outlet_after = _table(lex.outlet_after)
        self.verbs = PhraseTable(lex.verbs)
        self.anonymous = frozenset(fold(word) for word in lex.anonymous_heads)
        # Heads of several tokens ("porte-parole", "etat-major") are matched as phrases.
        self.anonymous_phrases = _table(lex.anonymous_heads)
        self.group_phrases = _table(lex.group_heads)
        self.anaphors = _table(lex.anaphors)
        self.groups = frozenset(fold(word) for word in lex.group_heads)
        self.documents = frozenset(fold(word) for word in lex.document_heads)
        self.document_intro = _table(lex.document_intro)
        self.outlets = {phrase_key(name): name for name in [*lex.outlets, *extra_outlets]}
        self.group_outlets = {phrase_key(name): name for name in lex.group_outlets}
        self.particles = frozenset(fold(word) for word in lex.name_particles)
        self.role_starts = frozenset(fold(word) for word in lex.role_starts)
        self.not_names = frozenset(fold(word) for word in lex.not_names)
        self.filler = frozenset(fold(word) for word in lex.filler)
        self.relative_starts = frozenset(fold(word) for word in lex.relative_starts)
        cue_tables = (self.source_after, self.outlet_after, self.document_intro, self.verbs)
        self.cue_words: frozenset[str] = frozenset().union(*(table.first_words for table in cue_tables))
        """Words that can start an attribution cue; `find_claims` skips all other tokens."""
        self.outlet_names = NameIndex(self.outlets)
        self.group_outlet_names = NameIndex(self.group_outlets)


def _table(phrases: Sequence[str]) -> PhraseTable[bool]:
    return PhraseTable(dict.fromkeys(phrases, True))


@functools.lru_cache(maxsize=None)
def source_lexicon(lang: str, extra_outlets: tuple[str, ...] = ()) -> SourceLexicon:
    """The compiled lexicon of `lang`, with any extra outlet names, built once."""
    return SourceLexicon(lang, extra_outlets)


def strip_quotes(tokens: Sequence[Token]) -> Sequence[Token]:
    """The tokens without surrounding quotation marks and trailing punctuation."""
    first, last = 0, len(tokens)
    while first < last and (tokens[first].text in QUOTES or not tokens[first].text[:1].isalnum()):
        first += 1
    while last > first and (tokens[last - 1].text in QUOTES or not tokens[last - 1].text[:1].isalnum()):
        last -= 1
    return tokens[first:last]


def phrase_text(text: str, tokens: Sequence[Token]) -> str:
    """The document text the tokens cover (token spans are document offsets)."""
    return text[tokens[0].start : tokens[-1].end]


def span_of(tokens: Sequence[Token]) -> Span:
    """The span the tokens cover."""
    return Span(tokens[0].start, tokens[-1].end)


def is_name(lexicon: SourceLexicon, tokens: Sequence[Token]) -> bool:
    """Capitalised words and name particles, starting and ending with a capital: "Bekai Ag Hamad"."""
    if not tokens or not tokens[0].is_capitalised or not tokens[-1].is_capitalised:
        return False
    if tokens[0].norm in lexicon.not_names or len(tokens) > 6:
        return False
    if any(t.norm in lexicon.groups or t.norm in lexicon.documents or t.norm in lexicon.anonymous for t in tokens):
        return False
    return all(token.is_capitalised or token.norm in lexicon.particles for token in tokens)


def trailing_name(lexicon: SourceLexicon, tokens: Sequence[Token]) -> int | None:
    """Index where a personal name ends the phrase ("professor Mohamed Ag Ismail"), or None."""
    start = len(tokens)
    while start > 0 and (tokens[start - 1].is_capitalised or tokens[start - 1].norm in lexicon.particles):
        start -= 1
    while start < len(tokens) and not tokens[start].is_capitalised:
        start += 1
    if start == len(tokens) or not is_name(lexicon, tokens[start:]):
        return None
    # "al-Nusra", "ben Ali" with a lower-case particle first: a group's name, or a name cut short.
    if start > 0 and tokens[start - 1].norm in lexicon.particles:
        return None
    # "the University of Bamako": a capitalised run after a preposition is a place or body.
    previous = tokens[start - 1].norm if start > 0 else None
    if previous in PREPOSITIONS or previous in lexicon.not_names:
        return None
    return start


_PEOPLE_INTER = frozenset({5, 6, 7})


class SourceClassifier:
    """Classifies phrases of one document, remembering the last sources for "the source", "he"."""

    def __init__(
        self, lexicon: SourceLexicon, text: str, entities: Sequence[Entity], actors: Sequence[ActorRef]
    ) -> None:
        self.lexicon = lexicon
        self.text = text
        self.persons = [entity.span for entity in entities if entity.label in PERSON_LABELS]
        self.actors = list(actors)
        self.last_anonymous: Source | None = None
        self.last_named: Source | None = None

    def classify(self, raw: Sequence[Token], *, role: str | None = None) -> Source | None:
        """The source a phrase names, or None when it names none ("the attack")."""
        tokens = strip_quotes(raw)
        if not tokens:
            return None
        source = self._classify(tokens, role)
        if source is not None and source.kind == "anonymous":
            self.last_anonymous = source
        elif source is not None and source.kind == "named":
            self.last_named = source
        return source

    def _classify(self, tokens: Sequence[Token], role: str | None) -> Source | None:
        lex, span = self.lexicon, span_of(tokens)
        text = phrase_text(self.text, tokens)
        norms = [token.norm for token in tokens]
        for names, kind in ((lex.outlet_names, "outlet"), (lex.group_outlet_names, "group")):
            found = names.find(norms)
            if found is not None:
                return Source(kind, found[0], span_of(tokens[found[1] : found[2]]))
        actor = next((a for a in self.actors if span.start <= a.span.start and a.span.end <= span.end), None)
        # Residents, protesters and rioters who speak are witnesses, not a group's own claim
        # (ACLED inter codes 5-7 are crowds and civilians, not organisations).
        if actor is not None and actor.inter not in _PEOPLE_INTER and not self._person_in(span):
            return Source("group", actor.name or actor.text, span)
        if lex.anaphors.match(tokens, 0) and self.last_anonymous is not None:
            return Source("anonymous", self.last_anonymous.name, span, self.last_anonymous.role)
        if len(tokens) == 1 and norms[0] in PRONOUNS:
            return Source("named", self.last_named.name, span, self.last_named.role) if self.last_named else None
        if any(norm in lex.documents for norm in norms):
            return Source("document", text, span)
        return self._person(tokens, role) or self._descriptor(tokens, text, span)

    def _person_in(self, span: Span) -> bool:
        return any(span.start <= person.start and person.end <= span.end for person in self.persons)

    def _person(self, tokens: Sequence[Token], role: str | None) -> Source | None:
        """A personal name ending the phrase: a PERSON entity, or capitalised words and particles."""
        start = trailing_name(self.lexicon, tokens)
        entity = self._person_entity(tokens)
        if entity is not None and (start is None or tokens[start].start > entity.start):
            before = [t for t in tokens if t.end <= entity.start]
            own_role = phrase_text(self.text, before) if before else role
            return Source("named", entity.text_of(self.text), entity, own_role)
        if start is None:
            return None
        own_role = phrase_text(self.text, tokens[:start]) if start > 0 else role
        name = tokens[start:]
        return Source("named", phrase_text(self.text, name), span_of(name), own_role)

    def _person_entity(self, tokens: Sequence[Token]) -> Span | None:
        """A PERSON entity that ends the phrase and is not inside a description ("a source in Azawad")."""
        for person in self.persons:
            if not (tokens[0].start <= person.start and person.end == tokens[-1].end):
                continue
            before = [t for t in tokens if t.end <= person.start]
            previous = before[-1].norm if before else None
            if previous is None or previous not in self.lexicon.not_names | PREPOSITIONS:
                return person
        return None

    def _descriptor(self, tokens: Sequence[Token], text: str, span: Span) -> Source | None:
        """ "a local source", "security officials" (anonymous); "the army", "the group" (group)."""
        lex = self.lexicon
        zone = range(min(len(tokens), HEAD_ZONE))
        if any(lex.anonymous_phrases.match(tokens, k) for k in zone):
            return Source("anonymous", text, span)
        if any(lex.group_phrases.match(tokens, k) for k in zone):
            return Source("group", text, span)
        return None


class NameIndex:
    """Listed names (folded token sequences), found in a phrase longest first."""

    def __init__(self, names: dict[tuple[str, ...], str]) -> None:
        # Rank = place in the search order: longest first, then listing order.
        ordered = sorted(names.items(), key=lambda item: -len(item[0]))
        self._by_first: dict[str, list[tuple[int, tuple[str, ...], str]]] = {}
        self._empty: tuple[int, str] | None = None
        for rank, (key, name) in enumerate(ordered):
            if key:
                self._by_first.setdefault(key[0], []).append((rank, key, name))
            elif self._empty is None:
                self._empty = rank, name

    def find(self, norms: Sequence[str]) -> tuple[str, int, int] | None:
        """The longest listed name the phrase contains as a token sequence: (name, first, end).

        Among names of one length the first listed wins, at its first place in the phrase."""
        best: tuple[int, int, str, int] | None = None
        for i, norm in enumerate(norms):
            for rank, key, name in self._by_first.get(norm, ()):
                if best is not None and rank >= best[0]:
                    break  # candidates are in rank order: no better one at this place
                if tuple(norms[i : i + len(key)]) == key:
                    best = rank, i, name, i + len(key)
                    break
        if best is not None:
            return best[2], best[1], best[3]
        return (self._empty[1], 0, 0) if self._empty is not None else None
