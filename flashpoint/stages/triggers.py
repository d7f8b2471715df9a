"""Find event triggers in text and decide the ACLED sub-type of a snippet.

`find_triggers` runs the language's single compiled alternation over a text and
resolves generic triggers ("attacked", "explosion") by the context cues present in
that same text. `classify_text` sums the trigger weights per sub-type, sets aside
snippets dominated by negative cues (disasters, crime), and applies the codebook's
disambiguation rules from the typology (shelling inside a battle folds into the
battle, collateral civilian deaths stay with the battle, ...). `TriggerStage` adds
the `triggers` layer sentence by sentence, so cues never leak across sentences.

Example:
    >>> lexicon = load_trigger_lexicon()
    >>> classify_text("Warplanes bombed the village at dawn.", lexicon=lexicon)
    ('Explosions/Remote violence', 'Air/drone strike')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import ClassVar

from flashpoint.errors import ConfigError, InputError
from flashpoint.kb.trigger_lexicon import LanguageLexicon, TriggerLexicon, load_trigger_lexicon
from flashpoint.model import Document, Span, Trigger
from flashpoint.pipeline import Stage

__all__ = [
    "Classification",
    "TriggerLexicon",
    "TriggerStage",
    "classify_text",
    "decide",
    "explain_text",
    "find_triggers",
    "load_trigger_lexicon",
    "score_triggers",
]


# A capture is the government's or a non-state group's by who captures: the verb's subject.
TERRITORY_BY_SIDE = {"state_actor": "Government regains territory", "non_state_actor": "Non-state actor overtakes territory"}
_SENTENCE_END = re.compile(r"[.!?;]\s")
# A sub-type's evidence saturates at this multiple of its strongest trigger word.
EVIDENCE_CAP = 2.0
_NON_LETTERS = re.compile(r"[\W\d_]+")
# English and French endings: "strikes"/"strike", "attacked"/"attack", "tuées"/"tué".
_INFLECTION = re.compile(r"(?:es|s|ed|ing|e|ée|ées|és|é)$")

# Event types whose reading a disaster or crime word does not undo (people protest about both).
UNDISCOUNTED_TYPES = frozenset({"Protests"})


@dataclass(frozen=True, slots=True)
class Classification:
    """The sub-type decided for a snippet, the trigger that carries it, and why."""

    event_type: str
    sub_event_type: str
    trigger: Trigger
    score: float
    scores: dict[str, float] = field(default_factory=dict)
    rule: str | None = None
    """Name of the typology rule that changed the decision, if any."""


def find_triggers(text: str, *, lang: str = "en", lexicon: TriggerLexicon, offset: int = 0) -> list[Trigger]:
    """Every trigger in `text`, with its span (shifted by `offset`), sub-type and weight.

    Generic triggers take their sub-type from the cue classes present in `text`, so pass
    one sentence (or one snippet) at a time. Context-only generic triggers with no cue
    to resolve them are dropped, and so is any trigger inside a grievance ("marched
    against the killing of ...": the killing is the cause, not the event). Triggers in a
    background phrase ("fled because of attacks", "a deadly 2017 attack") are dropped when
    the text reports another event; when it reports none, the background is the event.

    Raises:
        ConfigError: no lexicon for `lang`.

    Example:
        >>> [t.text for t in find_triggers("Rebels clashed with troops.", lexicon=lexicon)]
        ['clashed']
    """
    language = lexicon.language(lang)
    matches = list(language.trigger_matcher.finditer(text))
    if not matches:
        return []
    # Cues only resolve generic triggers: a text without one need not be searched for them.
    generic = any(language.entries[match.index].resolve for match in matches)
    cues = language.cues_in(text) if generic else frozenset()
    set_aside = language.set_aside_spans(text)
    triggers = []
    in_background = []
    for match in matches:
        entry = language.entries[match.index]
        sub_type = entry.resolved(cues)
        inside = [background for start, end, background in set_aside if start <= match.start < end]
        if sub_type is None or (inside and not all(inside)):
            continue
        in_background.append(bool(inside))
        if sub_type in TERRITORY_BY_SIDE.values():
            side = capturing_side(text, match.start, match.end, language)
            sub_type = TERRITORY_BY_SIDE[side] if side else sub_type
        span = Span(match.start + offset, match.end + offset)
        triggers.append(Trigger(lexicon.event_type_of(sub_type), sub_type, span, text[match.start : match.end], entry.weight))
    if all(in_background):
        return triggers
    return [trigger for trigger, background in zip(triggers, in_background, strict=True) if not background]


def capturing_side(text: str, start: int, end: int, language: LanguageLexicon) -> str | None:
    """`state_actor` or `non_state_actor`: who takes the ground in the trigger at `start:end`.

    A passive agent ("was recaptured by the army") decides; otherwise the subject, taken
    as the first actor mentioned in the sentence up to the trigger, skipping actors after a
    preposition ("a crackdown on militants") and actor words that name a place ("army base").
    None when the sentence names no actor there.
    """
    mentions = language.actor_mentions(text)
    passive = language.passive_agent.search(text[start : end + 40]) if language.passive_agent else None
    if passive is not None and start + passive.start() >= max((m[1] for m in mentions if m[0] <= start), default=0):
        agent_from = start + passive.end()
        for mention_start, _, side in mentions:
            if agent_from <= mention_start < agent_from + 40:
                return side
    sentence_start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    if language.subject_restart is not None:
        restarts = [m.end() for m in language.subject_restart.finditer(text, sentence_start, start)]
        sentence_start = max(restarts, default=sentence_start)
    # A trigger that opens with an actor ("militants ~ captured") holds its subject inside it.
    limit = end if any(m[0] <= start < m[1] for m in mentions) else start + 1
    for mention_start, mention_end, side in mentions:
        if not sentence_start <= mention_start < limit:
            continue
        before = text[sentence_start:mention_start]
        if language.not_subject is not None and language.not_subject.search(before):
            continue
        if language.names_a_place(text[mention_end:]):
            continue
        return side
    return None


def score_triggers(triggers: list[Trigger]) -> dict[str, float]:
    """Evidence per sub-type: the summed weight of its distinct trigger words, saturating.

    A repeated word counts once ("airstrike" and "air strikes" are one word): repetition is
    style, not evidence. The sum stops at `EVIDENCE_CAP` times the strongest word, so a pile
    of weapon words cannot outvote the main event, while two weak words ("killed and
    wounded") still add up.
    """
    best: dict[str, dict[str, float]] = {}
    for trigger in triggers:
        words = best.setdefault(trigger.sub_event_type, {})
        key = trigger_lemma(trigger.text)
        words[key] = max(words.get(key, 0.0), trigger.score)
    return {sub: min(sum(words.values()), EVIDENCE_CAP * max(words.values())) for sub, words in best.items()}


def trigger_lemma(text: str) -> str:
    """A trigger's words folded to one key: case, spacing, hyphens and inflection endings dropped."""
    return _INFLECTION.sub("", _NON_LETTERS.sub("", text.lower()))


def decide(triggers: list[Trigger], *, text: str, lang: str = "en", lexicon: TriggerLexicon) -> Classification | None:
    """Decide the sub-type of `text` from its `triggers`; None when no conflict event is signalled.

    The best-scoring sub-type wins; ties go to the earlier sub-type in codebook order.
    Negative cues in `text` lower the winning score before the language threshold is
    applied, then the typology's rules may move the decision. A demonstration is not
    discounted by negative cues: a march over a flood or a fraud is still a march.
    """
    language = lexicon.language(lang)
    scores = score_triggers(triggers)
    if not scores:
        return None
    typology = lexicon.typology
    order = {sub: index for index, (_, sub) in enumerate(typology.sub_types)}
    best = min(scores, key=lambda sub: (-scores[sub], order[sub]))
    discount = 0.0 if typology.event_type_of(best) in UNDISCOUNTED_TYPES else language.negative_score(text)
    if scores[best] - discount < language.threshold:
        return None
    chosen, rule = _apply_rules(best, scores, text, language, lexicon)
    return _classification(chosen, scores, triggers, best, rule, lexicon)


def _apply_rules(
    best: str, scores: dict[str, float], text: str, language: LanguageLexicon, lexicon: TriggerLexicon
) -> tuple[str, str | None]:
    """Apply the typology's disambiguation rules in order; return the sub-type and the rule used."""
    cues = language.cues_in(text)
    chosen, used = best, None
    for rule in lexicon.typology.rules:
        if chosen not in rule.from_:
            continue
        into = scores.get(rule.into, 0.0)
        # Every condition the rule states must hold.
        holds = (
            (rule.min_ratio is None or into >= rule.min_ratio * scores.get(chosen, 0.0))
            and (rule.min_score is None or into >= rule.min_score)
            and (rule.when_cue is None or rule.when_cue in cues)
        )
        if holds:
            chosen, used = rule.into, rule.name
    return chosen, used


def _classification(
    chosen: str, scores: dict[str, float], triggers: list[Trigger], best: str, rule: str | None, lexicon: TriggerLexicon
) -> Classification:
    """Pick the strongest trigger of the chosen sub-type (or of the pre-rule winner, relabelled)."""
    own = [t for t in triggers if t.sub_event_type == chosen] or [t for t in triggers if t.sub_event_type == best]
    top = max(own, key=lambda t: (t.score, -t.span.start))
    event_type = lexicon.typology.event_type_of(chosen)
    trigger = Trigger(event_type, chosen, top.span, top.text, top.score)
    return Classification(event_type, chosen, trigger, scores.get(chosen, scores[best]), scores, rule)


def explain_text(text: str, *, lang: str = "en", lexicon: TriggerLexicon) -> Classification | None:
    """Like `classify_text`, with the trigger, the per-sub-type scores and any rule applied."""
    return decide(find_triggers(text, lang=lang, lexicon=lexicon), text=text, lang=lang, lexicon=lexicon)


def classify_text(text: str, *, lang: str = "en", lexicon: TriggerLexicon) -> tuple[str, str] | None:
    """Best `(event_type, sub_event_type)` for a snippet; None means no conflict event.

    Example:
        >>> classify_text("Police fired tear gas to disperse the protesters.", lexicon=lexicon)
        ('Protests', 'Protest with intervention')
    """
    result = explain_text(text, lang=lang, lexicon=lexicon)
    return None if result is None else (result.event_type, result.sub_event_type)


class TriggerStage(Stage):
    """Adds `doc.triggers`: every trigger of every sentence, in text order.

    Reads `doc.sentences` and `doc.lang` (English when unset); resolves generic
    triggers with the cues of their own sentence. Raises InputError for a document
    in a language the lexicon does not cover.

    Example:
        >>> doc = TriggerStage(load_trigger_lexicon())(doc_with_sentences)
        >>> doc.triggers[0].sub_event_type
        'Armed clash'
    """

    name: ClassVar[str] = "triggers"
    requires: ClassVar[tuple[str, ...]] = ("sentences",)
    assigns: ClassVar[tuple[str, ...]] = ("triggers",)

    def __init__(self, lexicon: TriggerLexicon) -> None:
        self.lexicon = lexicon

    def __call__(self, doc: Document) -> Document:
        lang = doc.lang or "en"
        try:
            self.lexicon.language(lang)
        except ConfigError as exc:
            raise InputError(exc.message, doc_id=doc.doc_id, path=doc.path, stage=self.name, field="lang") from exc
        spans = [s.span for s in doc.sentences] or [Span(0, len(doc.text))]
        found: list[Trigger] = []
        for span in spans:
            found.extend(find_triggers(span.text_of(doc.text), lang=lang, lexicon=self.lexicon, offset=span.start))
        return doc.with_layers(triggers=tuple(found))
