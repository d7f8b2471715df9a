"""Trigger lexicons per language (`data/triggers/<lang>.yaml`), validated and compiled once.

A lexicon file gives, per ACLED sub-type, trigger patterns with weights; `generic`
triggers ("attacked", "explosion") whose sub-type is decided by context cue classes
(aircraft, artillery, crowd, ...); the cue classes; and negative cues (disasters, crime)
that count against a conflict reading; and `grievance` phrases ("protest against",
"rally to mourn") after which the words name what a crowd protests about, not what
happened, so triggers there do not count. Patterns are case-insensitive regular
expressions matched on word boundaries; in a pattern a space matches any run of
whitespace, and `~` matches a gap of up to four words ("opened fire ~ protesters").

All trigger patterns of a language are compiled into one alternation (longest first),
so matching a text is one regex pass. Users layer their own files over the shipped
ones with `load_trigger_lexicon(extra=[path])`.

Example:
    >>> lexicon = load_trigger_lexicon()
    >>> lexicon.languages
    ('en', 'fr')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from flashpoint.datafiles import data_path, read_data_file, validation_message
from flashpoint.errors import ConfigError, DataFileError
from flashpoint.kb.phrase_matcher import PhraseMatcher
from flashpoint.kb.trigger_patterns import (
    clause_break_pattern,
    compile_patterns,
    noun_closing_pattern,
    word_list_pattern,
)
from flashpoint.kb.typology import Typology, load_typology

SHIPPED_LANGUAGES = ("en", "fr")
# A grievance is a noun phrase; past this many words the text is back to reporting events.
GRIEVANCE_WORDS = 10
# Cue classes naming the two sides of a territorial change, and the nouns of military sites.
ACTOR_SIDES = ("state_actor", "non_state_actor")
FACILITY_CUE = "facility"
SIDE_ONLY_CUES = frozenset({"non_state_actor", FACILITY_CUE})
# Cue classes whose words also belong to another class ("protesters" is both a crowd and a
# protest scene; "killed" both resolves a generic trigger and is harm done). The shared
# matcher keeps one class per word, so these get their own pass.
OVERLAY_CUES = frozenset({"protest_scene", "harm"})


class GenericTrigger(BaseModel):
    """A trigger whose sub-type depends on context cues, e.g. "attacked" near "drone"."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    pattern: str = Field(min_length=1)
    weight: float = Field(gt=0.0)
    default: str | None = None
    """None: a context-only trigger ("violence" means a riot only near a crowd); needs `resolve`."""
    resolve: dict[str, str] = Field(default_factory=dict)
    """Cue class -> sub-type, tried in order; the first cue present in the text wins."""


class LexiconFile(BaseModel):
    """The body of one `triggers/<lang>.yaml` file."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    lang: str = Field(pattern=r"^[a-z]{2}$")
    threshold: float = Field(default=0.5, ge=0.0)
    cues: dict[str, list[str]] = Field(default_factory=dict)
    triggers: dict[str, dict[str, float]] = Field(default_factory=dict)
    generic: list[GenericTrigger] = Field(default_factory=list)
    negative: dict[str, float] = Field(default_factory=dict)
    grievance: list[str] = Field(default_factory=list)
    background: list[str] = Field(default_factory=list)
    """Phrases after which the words name a cause or a past event ("because of", "a 2017 ..."),
    not the event reported: triggers there do not count, as in a grievance."""
    clause_breaks: list[str] = Field(default_factory=list)
    """Words that end a grievance phrase ("and", "as", "when"), besides punctuation."""
    coordinators: list[str] = Field(default_factory=list)
    """Clause breaks that may instead join two nouns of one grievance ("arrests and violence")."""
    determiners: list[str] = Field(default_factory=list)
    """Words that may open a coordinated noun phrase ("the", "their")."""
    not_subject: list[str] = Field(default_factory=list)
    """Prepositions: an actor right after one ("a crackdown on militants") is not the subject."""
    passive_agent: list[str] = Field(default_factory=list)
    """The word introducing a passive agent ("captured by rebels")."""
    subject_restarts: list[str] = Field(default_factory=list)
    """Patterns ending a reporting clause ("said that"): the subject is sought after them."""


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """One compiled trigger pattern: a fixed sub-type, or a default plus cue resolution."""

    pattern: str
    weight: float
    sub_type: str | None
    resolve: tuple[tuple[str, str], ...] = ()

    def resolved(self, cues_present: frozenset[str]) -> str | None:
        """The sub-type this trigger signals given the cue classes in its context (None: no trigger)."""
        for cue, sub_type in self.resolve:
            if cue in cues_present:
                return sub_type
        return self.sub_type


@dataclass(frozen=True, slots=True)
class LanguageLexicon:
    """The compiled lexicon of one language."""

    lang: str
    threshold: float
    entries: tuple[TriggerEntry, ...]
    trigger_matcher: PhraseMatcher
    cue_matcher: PhraseMatcher
    cue_classes: tuple[str, ...]
    """The cue class of each pattern of `cue_matcher`."""
    negative_matcher: PhraseMatcher
    negative_weights: tuple[float, ...]
    overlay_matcher: PhraseMatcher | None = None
    overlay_classes: tuple[str, ...] = ()
    """The cue class (one of `OVERLAY_CUES`) of each pattern of `overlay_matcher`."""
    grievance_matcher: PhraseMatcher | None = None
    grievance_count: int = 0
    """Patterns of `grievance_matcher` below this index are grievances, the rest background."""
    clause_break: re.Pattern[str] | None = None
    coordinator: re.Pattern[str] | None = None
    """Matches a coordinator word (a clause break that may join two nouns instead)."""
    noun_opening: re.Pattern[str] | None = None
    """Matches the space and optional determiner before a coordinated noun."""
    noun_closing: re.Pattern[str] | None = None
    """Matches, after a coordinated trigger noun, the end of its noun phrase."""
    actor_matcher: PhraseMatcher | None = None
    actor_sides: tuple[str, ...] = ()
    """The cue class (one of `ACTOR_SIDES`) of each pattern of `actor_matcher`."""
    facility_matcher: PhraseMatcher | None = None
    not_subject: re.Pattern[str] | None = None
    """Matches when the text before an actor mention ends in a preposition."""
    subject_restart: re.Pattern[str] | None = None
    passive_agent: re.Pattern[str] | None = None
    """Matches at the start of the text after a verb when a passive agent follows."""

    def cues_in(self, text: str) -> frozenset[str]:
        """The cue classes that occur in `text`."""
        found = {self.cue_classes[match.index] for match in self.cue_matcher.finditer(text)}
        if self.overlay_matcher is not None:
            found.update(self.overlay_classes[match.index] for match in self.overlay_matcher.finditer(text))
        return frozenset(found)

    def actor_mentions(self, text: str) -> list[tuple[int, int, str]]:
        """`(start, end, side)` of each mention of a cue class of `ACTOR_SIDES`, in text order."""
        if self.actor_matcher is None:
            return []
        return [(m.start, m.end, self.actor_sides[m.index]) for m in self.actor_matcher.finditer(text)]

    def names_a_place(self, text: str) -> bool:
        """True when `text` (the words after an actor word) begins with a facility noun ("base")."""
        stripped = text.lstrip()
        if self.facility_matcher is None or len(text) - len(stripped) > 2:
            return False
        first = next(self.facility_matcher.finditer(stripped[:40]), None)
        return first is not None and first.start == 0

    def negative_score(self, text: str) -> float:
        """Summed weight of the distinct negative cues in `text` (disaster, crime, ...)."""
        hits = {match.index for match in self.negative_matcher.finditer(text)}
        return sum(self.negative_weights[index] for index in hits)

    def grievance_spans(self, text: str) -> list[tuple[int, int]]:
        """Character ranges naming what a crowd protests about ("against the killing of ...")."""
        return [(start, end) for start, end, background in self.set_aside_spans(text) if not background]

    def set_aside_spans(self, text: str) -> list[tuple[int, int, bool]]:
        """`(start, end, is_background)` of each grievance or background (cause, earlier event) phrase.

        A range runs from the end of the opening phrase to the next punctuation mark or
        clause-break word, and at most `GRIEVANCE_WORDS` words: it names a noun phrase.
        """
        if self.grievance_matcher is None:
            return []
        spans = []
        for match in self.grievance_matcher.finditer(text):
            end = self._phrase_end(text, match.end)
            words = list(re.finditer(r"\S+", text[match.end : end]))
            if len(words) > GRIEVANCE_WORDS:
                end = match.end + words[GRIEVANCE_WORDS - 1].end()
            spans.append((match.end, end, match.index >= self.grievance_count))
        return spans

    def _phrase_end(self, text: str, start: int) -> int:
        """Where the noun phrase from `start` ends: the first clause break that is not a noun coordination."""
        position = start
        while self.clause_break is not None:
            stop = self.clause_break.search(text, position)
            if stop is None:
                break
            if not self._joins_nouns(text, stop):
                return stop.start()
            position = stop.end()
        return len(text)

    def _joins_nouns(self, text: str, stop: re.Match[str]) -> bool:
        """True when the break `stop` is a coordinator followed by a short trigger noun phrase.

        "the arrests and violence against students": "and" joins two grievances; "the arrests,
        and police fired": a new clause with its own subject and verb starts.
        """
        if self.coordinator is None or self.noun_opening is None or self.noun_closing is None:
            return False
        if not self.coordinator.fullmatch(stop.group()):
            return False
        opening = self.noun_opening.match(text, stop.end())
        if opening is None:
            return False
        noun = next(self.trigger_matcher.finditer(text[opening.end() : opening.end() + 60]), None)
        return noun is not None and noun.start == 0 and self.noun_closing.match(text, opening.end() + noun.end) is not None


@dataclass(frozen=True, slots=True)
class TriggerLexicon:
    """Compiled lexicons for every supported language, plus the typology they point into."""

    typology: Typology
    by_lang: dict[str, LanguageLexicon]
    _event_types: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Every trigger asks for its event type: a dict, not a scan of the typology each time.
        # Reversed, so that a sub-type listed twice keeps its first event type, as the scan does.
        pairs = reversed(self.typology.sub_types)
        object.__setattr__(self, "_event_types", {sub: etype for etype, sub in pairs})

    def event_type_of(self, sub_event_type: str) -> str:
        """`Typology.event_type_of`, looked up (KeyError for an unknown sub-type, as there)."""
        found = self._event_types.get(sub_event_type)
        return found if found is not None else self.typology.event_type_of(sub_event_type)

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages this lexicon covers."""
        return tuple(sorted(self.by_lang))

    def language(self, lang: str) -> LanguageLexicon:
        """The lexicon of `lang`; ConfigError names the supported languages."""
        try:
            return self.by_lang[lang]
        except KeyError:
            raise ConfigError(
                f"no trigger lexicon for language {lang!r}; supported: {', '.join(self.languages)}", field="lang", value=lang
            ) from None


def load_trigger_lexicon(
    *, extra: Sequence[Path] = (), typology: Typology | None = None, languages: Sequence[str] = SHIPPED_LANGUAGES
) -> TriggerLexicon:
    """Load the shipped lexicons of `languages` (en, fr) and any user files layered over them.

    A user file for a shipped language adds to (and for a repeated pattern, overrides) its
    triggers, cues and negative cues; a file for a new language adds that language.

    Raises:
        DataFileError: a file breaks the schema, names an unknown sub-type or cue, or has a bad regex.
    """
    typology = typology or load_typology()
    files: dict[str, list[tuple[Path, LexiconFile]]] = {}
    unknown = [lang for lang in languages if lang not in SHIPPED_LANGUAGES]
    if unknown:
        raise ConfigError(f"no shipped lexicon for {unknown[0]!r}; shipped: {', '.join(SHIPPED_LANGUAGES)}", field="lang")
    paths = [data_path(f"triggers/{lang}.yaml") for lang in languages] + list(extra)
    for path in paths:
        body = _read_lexicon_file(path)
        files.setdefault(body.lang, []).append((path, body))
    compiled = {lang: _compile_language(lang, parts, typology) for lang, parts in files.items()}
    return TriggerLexicon(typology, compiled)


def _read_lexicon_file(path: Path) -> LexiconFile:
    content = read_data_file(path)
    try:
        return LexiconFile.model_validate(content)
    except ValidationError as exc:
        raise DataFileError(validation_message(path, "triggers", exc), path=str(path)) from exc


def _compile_language(lang: str, parts: list[tuple[Path, LexiconFile]], typology: Typology) -> LanguageLexicon:
    known = {sub for _, sub in typology.sub_types}
    cues: dict[str, list[str]] = {}
    negative: dict[str, float] = {}
    grievance: list[str] = []
    background: list[str] = []
    breaks: list[str] = []
    coordinators: list[str] = []
    determiners: list[str] = []
    not_subject: list[str] = []
    passive: list[str] = []
    restarts: list[str] = []
    entries: dict[str, TriggerEntry] = {}
    for path, body in parts:
        for name, patterns in body.cues.items():
            cues.setdefault(name, []).extend(patterns)
        negative.update(body.negative)
        grievance.extend(body.grievance)
        background.extend(body.background)
        breaks.extend(body.clause_breaks)
        coordinators.extend(body.coordinators)
        determiners.extend(body.determiners)
        not_subject.extend(body.not_subject)
        passive.extend(body.passive_agent)
        restarts.extend(body.subject_restarts)
        for entry in _entries_of(path, body, known):
            entries[entry.pattern] = entry
    path = parts[-1][0]
    _check_cues(path, entries.values(), cues, typology)
    ordered = tuple(sorted(entries.values(), key=lambda e: (-len(e.pattern), e.pattern)))
    actor_matcher, actor_sides, facility_matcher = _actor_matchers(path, cues)
    # The shared cue matcher keeps one class per word, so side-only classes stay out of it
    # ("rebels" must still count as a military target).
    shared = {name: pats for name, pats in cues.items() if name not in SIDE_ONLY_CUES | OVERLAY_CUES}
    cue_list = sorted(((name, p) for name, pats in shared.items() for p in pats), key=lambda item: -len(item[1]))
    overlay = [(name, p) for name, pats in cues.items() if name in OVERLAY_CUES for p in pats]
    return LanguageLexicon(
        lang=lang,
        threshold=parts[0][1].threshold,
        entries=ordered,
        trigger_matcher=compile_patterns(path, "triggers", [e.pattern for e in ordered]),
        cue_matcher=compile_patterns(path, "cues", [pattern for _, pattern in cue_list]),
        cue_classes=tuple(name for name, _ in cue_list),
        negative_matcher=compile_patterns(path, "negative", list(negative)),
        negative_weights=tuple(negative.values()),
        overlay_matcher=compile_patterns(path, "cues", [pattern for _, pattern in overlay]) if overlay else None,
        overlay_classes=tuple(name for name, _ in overlay),
        grievance_matcher=compile_patterns(path, "grievance", grievance + background) if grievance or background else None,
        grievance_count=len(grievance),
        clause_break=clause_break_pattern(breaks + coordinators),
        coordinator=word_list_pattern(coordinators, r"(?:{})"),
        noun_opening=word_list_pattern(determiners, r"\s+(?:(?:{})(?:\s+|(?<=')))?") if coordinators else None,
        noun_closing=noun_closing_pattern(not_subject + coordinators) if coordinators else None,
        actor_matcher=actor_matcher,
        actor_sides=actor_sides,
        facility_matcher=facility_matcher,
        not_subject=word_list_pattern(not_subject, r"\b(?:{})\s+(?:the\s+|les?\s+|la\s+|l')?$"),
        subject_restart=re.compile("|".join(rf"\b(?:{r})" for r in restarts), re.IGNORECASE) if restarts else None,
        passive_agent=word_list_pattern(passive, r"^\W*(?:\w+\W+){{0,2}}?(?:{})\s+"),
    )


def _actor_matchers(
    path: Path, cues: dict[str, list[str]]
) -> tuple[PhraseMatcher | None, tuple[str, ...], PhraseMatcher | None]:
    """Own matchers for actor and facility cues: the shared cue matcher keeps one class per word."""
    actors = sorted(((side, p) for side in ACTOR_SIDES for p in cues.get(side, [])), key=lambda item: -len(item[1]))
    facility = cues.get(FACILITY_CUE, [])
    return (
        compile_patterns(path, "cues", [pattern for _, pattern in actors]) if actors else None,
        tuple(side for side, _ in actors),
        compile_patterns(path, "cues", facility) if facility else None,
    )


def _entries_of(path: Path, body: LexiconFile, known: set[str]) -> Iterable[TriggerEntry]:
    for sub_type, patterns in body.triggers.items():
        _check_sub_type(path, sub_type, "triggers", sub_type, known)
        for pattern, weight in patterns.items():
            if weight <= 0:
                raise DataFileError(f"{path.name}: {sub_type!r}: {pattern!r}: weight must be > 0", path=str(path), field=pattern)
            yield TriggerEntry(pattern, weight, sub_type)
    for generic in body.generic:
        if generic.default is None and not generic.resolve:
            raise DataFileError(
                f"{path.name}: {generic.pattern!r}: 'resolve': a generic trigger without a default needs cues to resolve it",
                path=str(path),
                field="resolve",
            )
        if generic.default is not None:
            _check_sub_type(path, generic.pattern, "default", generic.default, known)
        for cue, sub_type in generic.resolve.items():
            _check_sub_type(path, generic.pattern, f"resolve.{cue}", sub_type, known)
        yield TriggerEntry(generic.pattern, generic.weight, generic.default, tuple(generic.resolve.items()))


def _check_sub_type(path: Path, entry: str, field: str, value: str, known: set[str]) -> None:
    if value not in known:
        raise DataFileError(
            f"{path.name}: {entry!r}: {field!r}: unknown sub-event type {value!r}", path=str(path), field=field, value=value
        )


def _check_cues(path: Path, entries: Iterable[TriggerEntry], cues: dict[str, list[str]], typology: Typology) -> None:
    """Every cue a generic trigger or a typology rule names must be defined."""
    wanted = [(e.pattern, cue) for e in entries for cue, _ in e.resolve]
    wanted += [(rule.name, rule.when_cue) for rule in typology.rules if rule.when_cue]
    for entry, cue in wanted:
        if cue not in cues:
            raise DataFileError(f"{path.name}: {entry!r}: 'cue': undefined cue class {cue!r}", path=str(path), field=cue)


