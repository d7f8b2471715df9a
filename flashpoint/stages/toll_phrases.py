"""Read counts in text: digits, number words (EN/FR), qualifiers and vague amounts.

"at least 12" gives low 12; "about 30"/"une trentaine" best 30; "up to 40" high 40;
"between 10 and 15" low 10, high 15; "dozens"/"des dizaines" a qualifier and no
number. Counts above `MAX_COUNT` are not read as casualty counts at all.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from flashpoint.stages.phrase_lexicons import NumberLexicon, Qualifier, number_lexicon
from flashpoint.stages.phrase_patterns import DECIMAL, GROUPED_INTEGER, NUMBER_RANGE, PLAIN_INTEGER
from flashpoint.stages.phrase_tokens import PhraseTable, Token, is_digits

MAX_COUNT = 10_000_000
"""A larger number is a typo, a sum of money or a population, never a toll."""


@dataclass(frozen=True, slots=True)
class Quantity:
    """A count over tokens `first..last`: bounds and qualifier, None where the text gives none."""

    first: int
    last: int
    low: int | None
    best: int | None
    high: int | None
    qualifier: str | None

    @property
    def is_exact(self) -> bool:
        """True for a plain number ("12"), with no qualifier."""
        return self.qualifier is None and self.best is not None


@dataclass(frozen=True, slots=True)
class _Number:
    value: int | None
    """None when the number is absurd (over MAX_COUNT or not whole): the phrase is dropped."""
    last: int
    approximate: bool = False
    high: int | None = None


class NumberGrammar:
    """The number lexicon of one language compiled into phrase tables."""

    def __init__(self, lex: NumberLexicon) -> None:
        self.lex = lex
        self.units = PhraseTable(lex.units)
        self.tens = PhraseTable(lex.tens)
        self.scales = PhraseTable(lex.scales)
        self.approximate = PhraseTable(lex.approximate)
        self.articles = PhraseTable(dict.fromkeys(lex.articles, True))
        self.joiners = PhraseTable(dict.fromkeys(lex.joiners, True))
        self.vague = PhraseTable(lex.vague)
        self.qualifiers: PhraseTable[Qualifier] = PhraseTable(lex.qualifiers)
        self.postfix: PhraseTable[Qualifier] = PhraseTable(lex.postfix_qualifiers)
        self.range_open = PhraseTable(dict.fromkeys(lex.range_open, True))
        self.range_join = PhraseTable(dict.fromkeys(lex.range_join, True))
        word_tables = (self.units, self.tens, self.scales, self.approximate, self.articles)
        self.word_starts: frozenset[str] = frozenset().union(*(table.first_words for table in word_tables))
        """Words a number written in words can start with; `_word_number` skips the rest."""


@functools.lru_cache(maxsize=None)
def number_grammar(lang: str) -> NumberGrammar:
    """The compiled number grammar of `lang`, built once."""
    return NumberGrammar(number_lexicon(lang))


def _digits_value(norm: str) -> float | None:
    """The value of a digit token: "1,200", "1.200", "12", "1.5" (decimals only before a scale)."""
    if GROUPED_INTEGER.fullmatch(norm):
        return float(norm.replace(",", "").replace(".", ""))
    if PLAIN_INTEGER.fullmatch(norm):
        return float(norm)
    decimal = DECIMAL.fullmatch(norm)
    return float(f"{decimal.group(1)}.{decimal.group(2)}") if decimal else None


def _digit_number(grammar: NumberGrammar, tokens: Sequence[Token], text: str, i: int, offset: int) -> _Number | None:
    token = tokens[i]
    span = NUMBER_RANGE.fullmatch(token.norm)
    if span is not None:
        low, high = int(span.group(1)), int(span.group(2))
        return _Number(_checked(low), i, high=_checked(high)) if low < high else None
    value = _digits_value(token.norm)
    if value is None:
        return None
    last = i
    # French typography: "1 200" is one number when the second group has three digits.
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is not None and value < 1000 and len(nxt.norm) == 3 and is_digits(nxt.norm) and nxt.start == token.end + 1:
        if text[token.end - offset] in " \u00a0\u202f" and grammar.lex.decimal_mark == ",":
            value, last = value * 1000 + int(nxt.norm), i + 1
    scale = grammar.scales.match(tokens, last + 1)
    if scale is not None:
        value, last = value * scale[0], last + scale[1]
    return _Number(_checked(value), last)


def _checked(value: float) -> int | None:
    if not math.isfinite(value) or not 0 <= value <= MAX_COUNT:
        return None  # "999…9 killed" overflows a float: not a count anyone reports
    return int(value) if value == int(value) else None


def _word_number(grammar: NumberGrammar, tokens: Sequence[Token], i: int) -> _Number | None:
    """ "twenty-five", "one hundred and five", "a thousand", "vingt et un", "une trentaine"."""
    if tokens[i].norm not in grammar.word_starts:
        return None
    total, current, last, previous = 0, 0, -1, ""
    j = i
    article = grammar.articles.match(tokens, j)
    if article is not None and (grammar.scales.match(tokens, j + 1) or grammar.approximate.match(tokens, j + 1)):
        current, last, previous, j = 1, j, "unit", j + 1
    while j < len(tokens):
        if last >= 0 and grammar.joiners.match(tokens, j) and _joinable(grammar, tokens, j, previous):
            j += 1
            continue
        approx = grammar.approximate.match(tokens, j)
        if approx is not None:
            return _Number(_checked((current or 1) * approx[0] + total), j + approx[1] - 1, approximate=True)
        step = _word_step(grammar, tokens, j, previous)
        if step is None:
            break
        kind, value, size = step
        if kind == "scale" and value >= 1000:
            total, current = total + (current or 1) * value, 0
        elif kind == "scale":
            current = (current or 1) * value
        else:
            current += value
        previous, last, j = kind, j + size - 1, j + size
    if last < 0:
        return None
    return _Number(_checked(total + current), last)


def _joinable(grammar: NumberGrammar, tokens: Sequence[Token], j: int, previous: str) -> bool:
    """A joiner counts only between number words: "-" anywhere, "and"/"et" after tens or scales."""
    if tokens[j].norm != "-" and previous not in ("tens", "scale"):
        return False
    return bool(grammar.units.match(tokens, j + 1) or grammar.tens.match(tokens, j + 1))


def _word_step(grammar: NumberGrammar, tokens: Sequence[Token], j: int, previous: str) -> tuple[str, int, int] | None:
    """The next number word, if it may follow `previous` ("twenty five", not "five twenty")."""
    for kind, table in (("tens", grammar.tens), ("unit", grammar.units), ("scale", grammar.scales)):
        found = table.match(tokens, j)
        if found is None:
            continue
        if kind == "tens" and previous in ("tens", "unit"):
            return None
        if kind == "unit" and previous == "unit" and tokens[j - 1].norm != "-":
            return None
        return kind, found[0], found[1]
    return None


def number_at(grammar: NumberGrammar, tokens: Sequence[Token], text: str, i: int, offset: int = 0) -> _Number | None:
    """A number written with digits or words at `tokens[i]`."""
    if i >= len(tokens):
        return None
    if is_digits(tokens[i].norm[:1]):
        return _digit_number(grammar, tokens, text, i, offset)
    return _word_number(grammar, tokens, i)


def quantity_at(grammar: NumberGrammar, tokens: Sequence[Token], text: str, i: int, offset: int = 0) -> Quantity | None:
    """A count starting at `tokens[i]`, with its qualifier; None if there is none (or it is absurd)."""
    vague = grammar.vague.match(tokens, i)
    if vague is not None and number_at(grammar, tokens, text, i, offset) is None:
        return Quantity(i, i + vague[1] - 1, None, None, None, vague[0])
    opened = grammar.range_open.match(tokens, i)
    if opened is not None:
        ranged = _range(grammar, tokens, text, i + opened[1], offset, first=i)
        if ranged is not None:
            return ranged
    qualifier = grammar.qualifiers.match(tokens, i)
    if qualifier is not None:
        return _qualified(grammar, tokens, text, i, qualifier, offset)
    # A range and a plain count both open with the number at `i`: read it once.
    number = number_at(grammar, tokens, text, i, offset)
    return _range_from(grammar, tokens, text, number, offset, first=i) or _plain_from(grammar, tokens, i, number)


def _qualified(
    grammar: NumberGrammar, tokens: Sequence[Token], text: str, i: int, qualifier: tuple[Qualifier, int], offset: int
) -> Quantity | None:
    rule, size = qualifier
    vague = grammar.vague.match(tokens, i + size)
    if vague is not None:
        return Quantity(i, i + size + vague[1] - 1, None, None, None, vague[0])
    number = number_at(grammar, tokens, text, i + size, offset)
    if number is None or number.value is None or number.high is not None:
        return None
    bounds = {"low": None, "best": None, "high": None, rule.bound: number.value}
    return Quantity(i, number.last, bounds["low"], bounds["best"], bounds["high"], rule.qualifier)


def _range(
    grammar: NumberGrammar, tokens: Sequence[Token], text: str, j: int, offset: int, *, first: int
) -> Quantity | None:
    """ "between 10 and 15", "10 to 15", "10-15", "two or three", "entre 10 et 15"."""
    return _range_from(grammar, tokens, text, number_at(grammar, tokens, text, j, offset), offset, first=first)


def _range_from(
    grammar: NumberGrammar, tokens: Sequence[Token], text: str, low: _Number | None, offset: int, *, first: int
) -> Quantity | None:
    """`_range` with its first number already read."""
    if low is None or low.value is None:
        return None
    if low.high is not None:
        return Quantity(first, low.last, low.value, None, low.high, "between")
    join = grammar.range_join.match(tokens, low.last + 1)
    high = number_at(grammar, tokens, text, low.last + 1 + join[1], offset) if join else None
    if high is None or high.value is None or high.high is not None or high.value == low.value:
        return None
    small, large = sorted((low.value, high.value))
    return Quantity(first, high.last, small, None, large, "between")


def _plain_from(grammar: NumberGrammar, tokens: Sequence[Token], i: int, number: _Number | None) -> Quantity | None:
    """A single count, `number` (read at `i`), with a qualifier after it or none."""
    if number is None or number.value is None:
        return None
    postfix = grammar.postfix.match(tokens, number.last + 1)
    if postfix is not None:
        rule, size = postfix
        bounds = {"low": None, "best": None, "high": None, rule.bound: number.value}
        return Quantity(i, number.last + size, bounds["low"], bounds["best"], bounds["high"], rule.qualifier)
    if number.approximate:
        return Quantity(i, number.last, None, number.value, None, "about")
    return Quantity(i, number.last, number.value, number.value, number.value, None)
