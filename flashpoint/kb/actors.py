"""The actor knowledge base: who is who across names, languages and years.

`ActorKB.load()` reads our files under `flashpoint/data/actors/` and any user
files or folders merged over them, validates everything once, and builds the
matcher (a token trie) used by `resolve` and by the actors stage.

Example:
    >>> kb = ActorKB.load()
    >>> kb.resolve("Al-Nusra Group", countries=("ML",)).actor.id
    'jnim'
    >>> kb.acled_name("issp", dt.date(2023, 1, 10))
    'Islamic State Sahel Province'

Raises `DataFileError` (file, entry, field) when a data file breaks the schema.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path

from rapidfuzz import fuzz, process

from flashpoint.errors import ConfigError
from flashpoint.kb.aliases import TokenTable, alias_keys, name_keys, token_table
from flashpoint.kb.forms import build_forms
from flashpoint.kb.loader import LoadedData, load_actor_data
from flashpoint.kb.matcher import TokenTrie, TrieMatch
from flashpoint.kb.records import Actor, SurfaceForm
from flashpoint.kb.resolve import Resolution, ResolveContext, choose, score_candidate
from flashpoint.kb.schema import CorefEntry
from flashpoint.kb.state_forces import implied_state_forces

__all__ = ["Actor", "ActorKB", "Resolution", "ResolveContext", "SurfaceForm", "user_actor_dir"]

FUZZY_CUTOFF = 88.0  # rapidfuzz ratio (0-100) a name must reach to count as a variant spelling
FUZZY_MIN_CHARS = 5  # shorter names are too easy to hit by chance
FUZZY_MEMO_SIZE = 50_000  # distinct texts whose fuzzy look-up is kept (a bound on memory)
DETERMINERS = frozenset({"the", "this", "that", "le", "la", "les", "l", "ce", "cet", "cette", "ces"})


def user_actor_dir(home: Path) -> Path:
    """Where `flashpoint actors add` puts users' files: `<home>/actors/`."""
    return home / "actors"


def accepts(form: SurfaceForm, words: Sequence[str]) -> bool:
    """Case-sensitive forms (IS, EI, CMA) must match exactly as written (`words`, a tuple)."""
    return not form.case_sensitive or words == form.words


class ActorKB:
    """Actors, their surface forms and the matcher over them; built once, read-only after."""

    def __init__(self, data: LoadedData) -> None:
        self._data = data
        self._countries = data.countries
        implied = implied_state_forces(data.actors, data.countries)
        self._actors = {**data.actors, **{actor.id: actor for actor in implied}}
        self.coreference: tuple[CorefEntry, ...] = tuple(data.coreference)
        self.files: tuple[Path, ...] = tuple(data.files)
        self._forms: TokenTrie[SurfaceForm] = TokenTrie()
        self._fuzzy: dict[str, list[SurfaceForm]] = {}
        for form in build_forms(data):
            self._add_form(form)
        self._fuzzy_keys = list(self._fuzzy)
        self._fuzzy_memo: dict[str, tuple[float, tuple[SurfaceForm, ...]] | None] = {}
        self._fuzzy_by_length: dict[int, list[str]] = {}
        self._tags_by_id = {actor.id: actor.tags for actor in self._actors.values()}
        # Countries where some actor is known to operate (has regions): the conflicts followed.
        self._theatres = tuple(dict.fromkeys(
            code for actor in self._actors.values() if actor.regions for code in actor.countries))
        self._regions: TokenTrie[str] = TokenTrie()
        self._region_keys: dict[str, frozenset[str]] = {}
        for actor in self._actors.values():
            keys = {self.region_key(region) for region in actor.regions}
            self._region_keys[actor.id] = frozenset(keys)
            for region in actor.regions:
                self._regions.add(name_keys(region), self.region_key(region))
        self._ucdp: dict[str, list[Actor]] = {}
        self._acled: dict[str, Actor] = {}
        self._generic: dict[tuple[str, str | None], Actor] = {}
        for actor in sorted(self._actors.values(), key=lambda item: item.rank):
            self._index_actor(actor)

    def _add_form(self, form: SurfaceForm) -> None:
        for keys in alias_keys(form.text):
            self._forms.add(keys, form)
            joined = " ".join(keys)
            if form.kind in {"alias", "descriptor"} and len(joined) >= FUZZY_MIN_CHARS and not form.case_sensitive:
                self._fuzzy.setdefault(joined, []).append(form)

    def _index_actor(self, actor: Actor) -> None:
        for name in actor.ucdp_names:
            self._ucdp.setdefault(name.casefold(), []).append(actor)
        for dated in actor.acled_names:
            self._acled.setdefault(dated.name.casefold(), actor)
        if actor.generic_role in {"military", "police"} and actor.countries:
            # A state's forces belong to their first (home) country, not to where they deploy.
            self._generic.setdefault((actor.generic_role, actor.countries[0]), actor)
        elif actor.generic_role:
            self._generic.setdefault((actor.generic_role, None), actor)

    @classmethod
    def load(cls, extra_paths: Sequence[Path] = ()) -> ActorKB:
        """Our actor files plus users' files/folders merged over them (same schema)."""
        return cls(load_actor_data(extra_paths))

    # --- lookups -----------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._actors)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self._actors.values())

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._actors

    def get(self, actor_id: str) -> Actor:
        """The actor with this id; ConfigError if there is none."""
        try:
            return self._actors[actor_id]
        except KeyError:
            raise ConfigError(f"no actor {actor_id!r}; see `flashpoint actors list`", field="actor_id", value=actor_id) from None

    def operating_regions(self, actor_ids: Sequence[str], countries: Sequence[str]) -> tuple[tuple[str, str], ...]:
        """(country, region) where these actors are known to operate, for the report's
        `countries`; with none of them known to operate anywhere, where the knowledge base's
        actors of those countries do (a report naming only "gunmen" is still most likely
        about the areas the armed groups hold)."""
        wanted = set(countries)
        named = [self._actors[i] for i in dict.fromkeys(actor_ids) if i in self._actors and self._actors[i].regions]
        actors = named or [a for a in self._actors.values() if wanted.intersection(a.countries)]
        return tuple(dict.fromkeys((country, region) for actor in actors for country in actor.countries
                                   if country in wanted for region in actor.regions))

    def theatres(self) -> tuple[str, ...]:
        """Countries where the knowledge base's actors are known to operate somewhere (an actor
        with regions), in file order: the conflicts it follows."""
        return self._theatres

    def country_name(self, code: str) -> str | None:
        """English country name ACLED uses in parentheses, e.g. `Mali`."""
        country = self._countries.get(code)
        return country.name if country else None

    def demonyms(self, code: str) -> tuple[str, ...]:
        """Demonyms of a country's forces and people ("Malian", "maliens")."""
        country = self._countries.get(code)
        return tuple(country.demonyms) if country else ()

    def acled_name(self, actor_id: str, date: dt.date | None = None, *, country: str | None = None) -> str:
        """ACLED's name of the actor on `date`, with "(Country)" for per-country actors."""
        actor = self.get(actor_id)
        name = actor.name_on(date)
        country_name = self.country_name(country) if country else None
        return f"{name} ({country_name})" if actor.country_suffix and country_name else name

    def hedged_acled_name(self, actor_ids: Sequence[str], date: dt.date | None = None) -> str:
        """ACLED's "X and/or Y" for a report that hedges between groups."""
        return " and/or ".join(self.acled_name(actor_id, date) for actor_id in actor_ids)

    def by_ucdp_name(self, name: str, *, countries: Sequence[str] = ()) -> Actor | None:
        """The actor UCDP calls `name`; when several share it, the one operating in `countries`."""
        found = self._ucdp.get(name.strip().casefold(), [])
        for actor in found:
            if any(code in actor.countries for code in countries):
                return actor
        return found[0] if found else None

    def by_acled_name(self, name: str) -> Actor | None:
        """The actor ACLED names `name` (any dated name, country suffix allowed)."""
        key = name.strip().casefold()
        if key in self._acled:
            return self._acled[key]
        base, _, _ = key.rpartition(" (")
        actor = self._acled.get(base)
        return actor if actor and actor.country_suffix else None

    def generic_actor(self, role: str, country: str | None) -> Actor | None:
        """The actor a generic phrase names: military of `country`, civilians, unidentified group."""
        if role in {"military", "police"}:
            return self._generic.get((role, country)) if country else None
        return self._generic.get((role, None))

    def region_key(self, region: str) -> str:
        """Match key of a region name (Ménaka = Menaka)."""
        return " ".join(name_keys(region))

    # --- matching ----------------------------------------------------------------
    def find_forms(self, tokens: TokenTable) -> list[TrieMatch[SurfaceForm]]:
        """Every surface form in a tokenised text: longest first, left to right."""
        return self._forms.find_all(tokens, accepts)

    def find_regions(self, tokens: TokenTable) -> frozenset[str]:
        """Keys of the actors' regions named in a tokenised text."""
        return frozenset(value for match in self._regions.find_all(tokens) for value in match.values)

    def tags_by_id(self) -> dict[str, tuple[str, ...]]:
        """Each actor's tags (what coreference descriptors refer to), by id; read-only."""
        return self._tags_by_id

    def rank_forms(self, forms: Sequence[SurfaceForm], ctx: ResolveContext, *, base: float = 1.0) -> Resolution:
        """Choose among the actors that alias/descriptor forms may name."""
        named = [(form, actor) for form in forms if (actor := self._actors.get(form.actor_id or "")) is not None]
        scored = [
            (actor, *score_candidate(actor, form, ctx, base=base, region_keys=self._region_keys[actor.id]))
            for form, actor in named
        ]
        method = "fuzzy" if base < 1.0 else "descriptor" if named and all(f.kind == "descriptor" for f, _ in named) else "alias"
        return choose(scored, method=method)

    def resolve(
        self, text: str, *, countries: Sequence[str] = (), date: dt.date | None = None, regions: Sequence[str] = ()
    ) -> Resolution:
        """Resolve a name or phrase to an actor in a context (countries, date, region names)."""
        ctx = ResolveContext(tuple(countries), date, frozenset(self.region_key(region) for region in regions))
        named = self.by_acled_name(text)
        # As written only: "Platform" is the coalition, "platform" a common word.
        if named is not None and any(text.strip().startswith(dated.name) for dated in named.acled_names):
            return Resolution(named, 1.0, (f"{named.id}: ACLED name {text.strip()!r}",), ((named.id, 1.0),), "alias")
        tokens = token_table(text)
        forms = self._exact_forms(tokens)
        if forms:
            return self._resolve_forms(forms, ctx)
        return self.resolve_fuzzy(" ".join(tokens.raws), ctx)

    def _exact_forms(self, tokens: TokenTable) -> list[SurfaceForm]:
        while len(tokens) > 1 and tokens.keys[0] in DETERMINERS:
            whole = self._whole_forms(tokens)
            if whole:
                return whole
            tokens = tokens.since(1)
        whole = self._whole_forms(tokens)
        if whole:
            return whole
        matches = self.find_forms(tokens)
        longest = max(matches, key=lambda match: match.last - match.first, default=None)
        return list(longest.values) if longest else []

    def _whole_forms(self, tokens: TokenTable) -> list[SurfaceForm]:
        return [form for form in self._forms.get(tokens.keys) if accepts(form, tokens.raws)]

    def _resolve_forms(self, forms: list[SurfaceForm], ctx: ResolveContext) -> Resolution:
        generic = next((form for form in forms if form.kind == "generic"), None)
        if generic is not None and generic.role:
            return self.resolve_generic(generic, ctx)
        if all(form.kind == "coref" for form in forms):
            return Resolution(None, 0.0, ("ambiguous descriptor: resolved by coreference within a document",), (), "unresolved")
        return self.rank_forms(forms, ctx)

    def resolve_generic(self, form: SurfaceForm, ctx: ResolveContext) -> Resolution:
        """A generic phrase: its own country (demonym) or the document's first fitting country."""
        role = form.role or ""
        countries = (form.country,) if form.country else ctx.countries
        for country in countries or (None,):
            actor = self.generic_actor(role, country)
            if actor is not None:
                reason = f"generic {role} {form.text!r}" + (f" in {country}" if country else "")
                return Resolution(actor, 1.0, (reason,), ((actor.id, 1.0),), "generic")
        return Resolution(None, 0.0, (f"generic {role} {form.text!r}: no country to place it in",), (), "unresolved")

    def resolve_fuzzy(self, text: str, ctx: ResolveContext) -> Resolution:
        """Variant spellings no alias covers: the closest known names by edit similarity."""
        found = self._fuzzy_forms(text)
        if found is None:
            return Resolution(None, 0.0, (f"no known name matches {text!r}",), (), "unresolved")
        best, forms = found
        return self.rank_forms(forms, ctx, base=best / 100.0)

    def _fuzzy_forms(self, text: str) -> tuple[float, tuple[SurfaceForm, ...]] | None:
        """Best similarity and the forms reaching it, or None; memoised, as capitalised words
        that name no actor ("Monday", "Syrian") come back in report after report."""
        if text not in self._fuzzy_memo:
            if len(self._fuzzy_memo) >= FUZZY_MEMO_SIZE:
                self._fuzzy_memo.clear()
            self._fuzzy_memo[text] = self._closest_forms(text)
        return self._fuzzy_memo[text]

    def _closest_forms(self, text: str) -> tuple[float, tuple[SurfaceForm, ...]] | None:
        query = " ".join(name_keys(text))
        if len(query) < FUZZY_MIN_CHARS:
            return None
        choices = self._fuzzy_keys_near(len(query))
        hits = process.extract(query, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=5)
        if not hits:
            return None
        best = max(score for _, score, _ in hits)
        return best, tuple(form for key, score, _ in hits if score == best for form in self._fuzzy[key])

    def _fuzzy_keys_near(self, length: int) -> list[str]:
        """The fuzzy keys a query of `length` characters may reach, in their original order (so
        ties rank as before). A ratio is at most 200·min(l, m)/(l + m): keys whose length alone
        keeps them under the cutoff (with a margin for rounding) are never compared."""
        if length not in self._fuzzy_by_length:
            floor = FUZZY_CUTOFF - 0.5
            self._fuzzy_by_length[length] = [
                key for key in self._fuzzy_keys if 200 * min(length, len(key)) >= floor * (length + len(key))
            ]
        return self._fuzzy_by_length[length]

    def surface_forms(self) -> list[tuple[str, str | None]]:
        """(text, actor id) for every form; None where the form is ambiguous or generic."""
        owners: dict[str, set[str | None]] = {}
        for form in build_forms(self._data):
            owner = form.actor_id
            if form.kind == "generic" and form.role:
                actor = self.generic_actor(form.role, form.country)
                owner = actor.id if actor else None
            owners.setdefault(form.text, set()).add(owner)
        return [(text, next(iter(ids)) if len(ids) == 1 else None) for text, ids in owners.items()]
