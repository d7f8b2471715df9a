"""Find and resolve every actor mention of a document, in text order.

One pass of the knowledge base's trie finds names, descriptors, generic phrases
("Malian soldiers", "gunmen", "villagers") and ambiguous descriptors ("the
group"). Names are scored in the document's context (countries, regions, date);
capitalised word runs no form matched get a fuzzy look-up for spellings no alias
covers; ambiguous descriptors follow coreference. What cannot be resolved is kept
with `id=None` and resolution `unresolved`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import compress
from operator import itemgetter

from flashpoint.kb.actors import ActorKB
from flashpoint.kb.aliases import TokenTable, token_table
from flashpoint.kb.coref import SentenceIndex, find_antecedent
from flashpoint.kb.records import SurfaceForm
from flashpoint.kb.resolve import Resolution, ResolveContext
from flashpoint.model import ActorRef, Document, Span

# "soldiers from the Platform movement": the generic noun belongs to the named group after it.
_MEMBER_OF = re.compile(r"\s+(?:of|from|belonging to|de|du|des|d'|d’)\s*(?:the\s+|la\s+|le\s+|les\s+|l'|l’)?$", re.IGNORECASE)
_MEMBER_ROLES = frozenset({"military", "police"})
# Lower-case words allowed inside a capitalised name run ("Group for Support of Islam").
_CONNECTORS = frozenset({"al", "el", "ul", "of", "and", "for", "the", "to", "in", "de", "du", "des", "la", "le", "l", "d", "et", "wa", "wal", "ad", "ar", "as"})
FUZZY_MIN_RUN_CHARS = 6


@dataclass(frozen=True, slots=True)
class _Hit:
    """A stretch of text that may name an actor: the forms the trie found, or none (fuzzy run)."""

    span: Span
    forms: tuple[SurfaceForm, ...]


def _unresolved(text: str, span: Span, score: float = 0.0) -> ActorRef:
    return ActorRef(None, None, text, span, None, "unresolved", round(score, 3), None)


class MentionResolver:
    """Resolves the mentions of one document against a knowledge base."""

    def __init__(self, kb: ActorKB, doc: Document) -> None:
        self.kb = kb
        self.doc = doc
        self.tokens = token_table(doc.text)
        self.ctx = ResolveContext(tuple(doc.countries), doc.published, kb.find_regions(self.tokens))
        self.sentences = SentenceIndex.build(doc.text, doc.sentences)
        self.tags = kb.tags_by_id()

    def resolve_all(self) -> list[ActorRef]:
        """Every actor mention in text order."""
        refs: list[ActorRef] = []
        hits = self._hits()
        for index, hit in enumerate(hits):
            following = hits[index + 1] if index + 1 < len(hits) else None
            ref = self._resolve_hit(hit, following, refs)
            if ref is not None:
                refs.append(ref)
        return refs

    def _hits(self) -> list[_Hit]:
        matches = self.kb.find_forms(self.tokens)
        hits = [_Hit(self._span(m.first, m.last), m.values) for m in matches]
        covered = {i for m in matches for i in range(m.first, m.last + 1)}
        hits.extend(_Hit(self._span(first, last), ()) for first, last in _capitalised_runs(self.tokens, covered))
        return sorted(hits, key=lambda hit: hit.span.start)

    def _span(self, first: int, last: int) -> Span:
        return Span(self.tokens.starts[first], self.tokens.ends[last])

    def _resolve_hit(self, hit: _Hit, following: _Hit | None, refs: Sequence[ActorRef]) -> ActorRef | None:
        text = hit.span.text_of(self.doc.text)
        if not hit.forms:  # a capitalised run no form matched: skip the form tests
            return self._fuzzy(text, hit.span)
        named = [form for form in hit.forms if form.kind in {"alias", "descriptor"}]
        generic = next((form for form in hit.forms if form.kind == "generic"), None)
        coref = next((form for form in hit.forms if form.kind == "coref"), None)
        if named:
            return self._named(self.kb.rank_forms(named, self.ctx), text, hit.span)
        if coref is not None and generic is not None:
            # "the militants" after a named group is that group; with none named, they are unidentified.
            ref = self._coref(coref, text, hit.span, refs)
            if ref.id is not None:
                return ref
        if generic is not None:
            return None if self._is_member_phrase(hit, generic, following) else self._generic(generic, text, hit.span)
        if coref is not None:
            return self._coref(coref, text, hit.span, refs)
        return self._fuzzy(text, hit.span)

    def _fuzzy(self, text: str, span: Span) -> ActorRef | None:
        fuzzy = self.kb.resolve_fuzzy(text, self.ctx)
        return self._named(fuzzy, text, span) if fuzzy.actor else None

    def _named(self, resolution: Resolution, text: str, span: Span) -> ActorRef:
        actor = resolution.actor
        if actor is None:
            return _unresolved(text, span, resolution.score)
        country = next((code for code in self.ctx.countries if code in actor.countries), None)
        name = self.kb.acled_name(actor.id, self.ctx.date, country=country)
        return ActorRef(actor.id, name, text, span, actor.inter, resolution.method, round(resolution.score, 3), country)

    def _is_member_phrase(self, hit: _Hit, form: SurfaceForm, following: _Hit | None) -> bool:
        if form.role not in _MEMBER_ROLES or following is None:
            return False
        if not any(f.kind in {"alias", "descriptor"} for f in following.forms):
            return False
        return _MEMBER_OF.fullmatch(self.doc.text, hit.span.end, following.span.start) is not None

    def _generic(self, form: SurfaceForm, text: str, span: Span) -> ActorRef:
        role = form.role or ""
        countries: tuple[str | None, ...] = (form.country,) if form.country else self.ctx.countries or (None,)
        for country in countries:
            actor = self.kb.generic_actor(role, country)
            if actor is not None:
                country = country or (self.ctx.countries[0] if self.ctx.countries else None)
                name = self.kb.acled_name(actor.id, self.ctx.date, country=country)
                return ActorRef(actor.id, name, text, span, actor.inter, "generic", 1.0, country)
        return _unresolved(text, span)

    def _coref(self, form: SurfaceForm, text: str, span: Span, refs: Sequence[ActorRef]) -> ActorRef:
        found = find_antecedent(refs, span.start, form.refers_to, self.tags, self.sentences)
        if found is None:
            return _unresolved(text, span)
        ref = found.ref
        return ActorRef(ref.id, ref.name, text, span, ref.inter, "coref", round(found.score * ref.score, 3), ref.country)


def _capitalised_runs(tokens: TokenTable, covered: set[int]) -> Iterator[tuple[int, int]]:
    """Runs of capitalised words (with connectors inside) that no form matched: fuzzy candidates."""
    raws, joins = tokens.raws, tokens.joins
    capital = list(map(str.isupper, map(itemgetter(0), raws)))  # first letter; tokens are never empty
    after = 0  # the first word not yet inside a run
    for first in compress(range(len(capital)), capital):
        if first < after or first in covered:
            continue
        last = probe = first
        while joins[probe] and probe + 1 < len(raws) and probe + 1 not in covered:
            probe += 1
            if capital[probe]:
                last = probe
            elif raws[probe].lower() not in _CONNECTORS:
                break
        if tokens.ends[last] - tokens.starts[first] >= FUZZY_MIN_RUN_CHARS:
            yield first, last
        after = last + 1


def find_actor_mentions(kb: ActorKB, doc: Document) -> list[ActorRef]:
    """Every actor mention of `doc`, resolved, in text order (see module docstring)."""
    return MentionResolver(kb, doc).resolve_all()
