"""Casualty phrases: "killing 5 soldiers and 12 militants", "3 civilians were wounded",
"faisant une trentaine de morts", "heavy losses", and the `tolls` stage.

Each count becomes a `Toll` with its raw low/best/high and qualifier; ACLED's coding
conventions ("dozens" -> 12) belong to the export policy, not here.

    >>> [(t.low, t.qualifier, t.victims) for t in parse_tolls("killing at least 12 civilians")]
    [(12, 'at least', 'civilians')]
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from flashpoint.model import Document, Span, Toll
from flashpoint.pipeline import Stage
from flashpoint.stages.phrase_lexicons import check_language, toll_lexicon
from flashpoint.stages.phrase_tokens import ASCII_DIGITS, PhraseTable, Token, sentence_tokens
from flashpoint.stages.toll_phrases import NumberGrammar, Quantity, number_grammar, quantity_at

VICTIM_GAP = 2
"""Words allowed between a count and its victims ("12 Malian soldiers")."""
AUXILIARY_GAP = 3
"""Auxiliaries allowed between victims and the outcome ("were reportedly killed")."""


class TollGrammar:
    """Number and casualty lexicons of one language, compiled."""

    def __init__(self, lang: str) -> None:
        lex = toll_lexicon(lang)
        self.numbers: NumberGrammar = number_grammar(lang)
        self.victims = PhraseTable(dict.fromkeys(lex.victims, True))
        self.victim_links = PhraseTable(dict.fromkeys(lex.victim_links, True))
        self.before = PhraseTable({**dict.fromkeys(lex.neutral_before, ""), **lex.before})
        self.after = PhraseTable(lex.after)
        self.auxiliaries = PhraseTable(dict.fromkeys(lex.auxiliaries, True))
        self.heavy = PhraseTable(dict.fromkeys(lex.heavy_losses, True))
        self.coordinators = PhraseTable(dict.fromkeys(lex.coordinators, True))
        n = self.numbers
        tables: list[PhraseTable[Any]] = [
            self.before, self.heavy, n.units, n.tens, n.scales, n.approximate, n.articles, n.vague, n.qualifiers,
            n.range_open,
        ]
        self.start_words = frozenset().union(*(table.first_words for table in tables))
        """Words that can start a toll phrase; other tokens (except digits) are skipped quickly."""

    def start_positions(self, tokens: Sequence[Token]) -> list[int]:
        """Indices of the tokens where a toll phrase may start: a start word or an ASCII digit."""
        words = self.start_words
        return [k for k, token in enumerate(tokens) if token.norm in words or token.norm[:1] in ASCII_DIGITS]


@functools.lru_cache(maxsize=None)
def toll_grammar(lang: str) -> TollGrammar:
    """The compiled casualty grammar of `lang`, built once."""
    return TollGrammar(lang)


@dataclass(frozen=True, slots=True)
class _Group:
    """A count with its victims and, when the words say it, its own outcome."""

    quantity: Quantity
    last: int
    victims: str | None
    outcome: str | None


@dataclass(frozen=True, slots=True)
class _Reader:
    grammar: TollGrammar
    tokens: Sequence[Token]
    text: str
    offset: int

    def slice(self, first: int, last: int) -> str:
        return self.text[self.tokens[first].start - self.offset : self.tokens[last].end - self.offset]


_QUOTE_MARKS = frozenset('"«»“”„‟‹›')


def parse_tolls(text: str, *, lang: str = "en", offset: int = 0) -> list[Toll]:
    """Every casualty count in `text`, with spans shifted by `offset`; ConfigError for an unknown language."""
    # Quotation marks do not change a count: 'avoir « neutralisé » une trentaine' reads as unquoted.
    tokens = sentence_tokens(text, offset)
    if not _QUOTE_MARKS.isdisjoint(text):  # a quotation mark is a one-character token
        tokens = tuple(token for token in tokens if token.text not in _QUOTE_MARKS)
    reader = _Reader(toll_grammar(check_language(lang)), tokens, text, offset)
    tolls: list[Toll] = []
    resume = 0  # a phrase ends past the token it started at, so later positions are enough
    for i in reader.grammar.start_positions(reader.tokens):
        if i < resume:
            continue
        heavy = reader.grammar.heavy.match(reader.tokens, i)
        if heavy is not None:
            last = i + heavy[1] - 1
            span = Span(reader.tokens[i].start, reader.tokens[last].end)
            tolls.append(Toll(None, None, None, "heavy losses", reader.slice(i, last), span, "losses"))
            resume = last + 1
            continue
        found = _clause_at(reader, i)
        if found is not None:
            tolls += found[0]
            resume = found[1]
    return tolls


def _clause_at(reader: _Reader, i: int) -> tuple[list[Toll], int] | None:
    """Counts joined by "and" (per-side), with a verb before ("killing ...") or an outcome after."""
    verb = reader.grammar.before.match(reader.tokens, i)
    start = i + verb[1] if verb else i
    groups = _groups_at(reader, start)
    if not groups:
        return None
    before = verb[0] if verb else None
    tolls = []
    for index, group in enumerate(groups):
        outcome = group.outcome or before or next((g.outcome for g in groups[index + 1 :] if g.outcome), None)
        if outcome and _plausible(group):
            tolls.append(_toll(reader, group, outcome))
    return tolls, groups[-1].last + 1


def _plausible(group: _Group) -> bool:
    """A bare count that looks like a year ("in 2012, ...") is not a toll."""
    q = group.quantity
    return bool(group.victims or group.outcome) or not (q.is_exact and q.best is not None and 1900 <= q.best <= 2100)


def _groups_at(reader: _Reader, i: int) -> list[_Group]:
    groups: list[_Group] = []
    group = _group_at(reader, i)
    while group is not None:
        groups.append(group)
        joined = reader.grammar.coordinators.match(reader.tokens, group.last + 1)
        if joined is None:
            break
        group = _group_at(reader, group.last + 1 + joined[1])
    return groups


def _group_at(reader: _Reader, i: int) -> _Group | None:
    """ "more than a thousand civilians", "12 dead", "three soldiers were killed"."""
    quantity = quantity_at(reader.grammar.numbers, reader.tokens, reader.text, i, reader.offset)
    if quantity is None:
        return None
    last, victims = _victims_after(reader, quantity.last + 1)
    if last is None:
        # "une trentaine de morts", "dozens of dead": the link sits before the outcome noun.
        link = reader.grammar.victim_links.match(reader.tokens, quantity.last + 1)
        outcome = _outcome_after(reader, quantity.last + 1 + (link[1] if link else 0))
        if outcome is None and link is not None:
            outcome = _outcome_after(reader, quantity.last + 1)
    else:
        outcome = _outcome_after(reader, last + 1)
    last = quantity.last if last is None else last
    if outcome is not None:
        return _Group(quantity, outcome[1], victims, outcome[0])
    return _Group(quantity, last, victims, None)


def _victims_after(reader: _Reader, j: int) -> tuple[int | None, str | None]:
    """The victim noun after a count ("of the soldiers", "Malian troops"): (last token, noun)."""
    tokens, grammar = reader.tokens, reader.grammar
    link = grammar.victim_links.match(tokens, j)
    j += link[1] if link else 0
    for k in range(j, min(j + VICTIM_GAP + 1, len(tokens))):
        if not tokens[k].is_word or grammar.after.match(tokens, k) or grammar.coordinators.match(tokens, k):
            break
        found = grammar.victims.match(tokens, k)
        if found is not None:
            last = k + found[1] - 1
            return last, reader.slice(k, last).lower()
    return None, None


def _outcome_after(reader: _Reader, j: int) -> tuple[str, int] | None:
    """An outcome word after the victims, perhaps after auxiliaries: (outcome, last token)."""
    tokens, grammar = reader.tokens, reader.grammar
    for _ in range(AUXILIARY_GAP + 1):
        found = grammar.after.match(tokens, j)
        if found is not None:
            last = j + found[1] - 1
            # "5 gunmen killed 3 soldiers": a verb with an object is not the first count's outcome.
            if quantity_at(grammar.numbers, tokens, reader.text, last + 1, reader.offset):
                return None
            return found[0], last
        auxiliary = grammar.auxiliaries.match(tokens, j)
        if auxiliary is None:
            return None
        j += auxiliary[1]
    return None


def _toll(reader: _Reader, group: _Group, outcome: str) -> Toll:
    q = group.quantity
    span = Span(reader.tokens[q.first].start, reader.tokens[group.last].end)
    return Toll(q.low, q.best, q.high, q.qualifier, reader.slice(q.first, group.last), span, outcome, group.victims)


class TollStage(Stage):
    """Add `doc.tolls`: casualty counts and "heavy losses" phrases, sentence by sentence.

    Reads `doc.sentences` and `doc.lang` (English when unset); a document without
    sentences is read as one. Raises ConfigError for a language with no lexicon.

    Example: `TollStage()(doc).tolls`.
    """

    name: ClassVar[str] = "tolls"
    requires: ClassVar[tuple[str, ...]] = ("sentences",)
    assigns: ClassVar[tuple[str, ...]] = ("tolls",)

    def __call__(self, doc: Document) -> Document:
        lang = check_language(doc.lang or "en")
        spans = [sentence.span for sentence in doc.sentences] or [Span(0, len(doc.text))]
        found: list[Toll] = []
        for span in spans:
            found += parse_tolls(span.text_of(doc.text), lang=lang, offset=span.start)
        return doc.with_layers(tolls=tuple(found))

