"""Recognise single time expressions ("atoms") in a token stream, without anchoring them.

An atom is one date-like expression: "12 March 2023", "last May", "mi-septembre",
"on Sunday", "yesterday", "three days ago", "in 2022". Combining atoms into ranges
("between May and October") and anchoring them on the publication date happen in
`time_expressions` and `time_anchoring`; this module only reads the words.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from flashpoint.stages.phrase_lexicons import number_lexicon, time_lexicon
from flashpoint.stages.phrase_patterns import DAY_RANGE, ISO_DATE, NUMERIC_DATE, ORDINAL_DAY, YEAR
from flashpoint.stages.phrase_tokens import ASCII_DIGITS, PhraseTable, Token, is_digits

DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@dataclass(frozen=True, slots=True)
class Atom:
    """One time expression over tokens `first..last` (inclusive), not yet anchored."""

    first: int
    last: int
    grain: str
    """day, days, week, weekend, month, year: the size of what the words name."""
    year: int | None = None
    month: int | None = None
    day: int | None = None
    day_end: int | None = None
    part: str | None = None
    weekday: int | None = None
    unit: str | None = None
    shift: int = 0
    """-1 for "last"/"dernier", +1 for "next"/"prochain", 0 when unmarked or "this"."""
    marked: bool = False
    count: int | None = None
    ago: int | None = None
    days: int | None = None

    @property
    def is_calendar(self) -> bool:
        """True for named dates (a day, month or year), False for relative words."""
        return self.unit is None and self.weekday is None and self.days is None


class TimeGrammar:
    """The lexicon of one language compiled into phrase tables."""

    def __init__(self, lang: str) -> None:
        lex = time_lexicon(lang)
        numbers = number_lexicon(lang)
        self.lex = lex
        self.months = PhraseTable(lex.months, cased=lex.cased_months)
        self.weekdays = PhraseTable(lex.weekdays)
        self.parts = PhraseTable(lex.parts)
        self.part_links = PhraseTable(dict.fromkeys(lex.part_links, True))
        self.relative_days = PhraseTable(lex.relative_days)
        self.units = PhraseTable(lex.units)
        shifts = [(p, -1) for p in lex.last_prefix] + [(p, 0) for p in lex.this_prefix]
        shifts += [(p, 1) for p in lex.next_prefix]
        self.shift_prefix = PhraseTable(shifts)
        self.shift_suffix = PhraseTable([(p, -1) for p in lex.last_suffix] + [(p, 1) for p in lex.next_suffix])
        self.ago_suffix = PhraseTable(dict.fromkeys(lex.ago_suffix, True))
        self.ago_prefix = PhraseTable(dict.fromkeys(lex.ago_prefix, True))
        self.small_numbers = PhraseTable({**numbers.units, **numbers.tens, **dict.fromkeys(numbers.articles, 1)})
        self.year_prefix = PhraseTable(dict.fromkeys(lex.year_prefix, True))
        self.range_open = PhraseTable({opener: _words(joins) for opener, joins in lex.range_open.items()})
        self.range_join = _words(lex.range_join)
        self.list_join = _words(lex.list_join)
        self.since = _words(lex.since)
        self.until = _words(lex.until)
        self.articles = _words(lex.articles)
        tables: list[PhraseTable[Any]] = [
            self.months, self.weekdays, self.parts, self.relative_days, self.units, self.shift_prefix,
            self.ago_prefix, self.small_numbers, self.range_open, self.since, self.until,
        ]
        self.start_words = frozenset().union(*(table.first_words for table in tables))
        """Words that can start an expression; other tokens (except digits) are skipped quickly."""
        openers = (self.range_open, self.since, self.until)
        self.opener_words = frozenset().union(*(table.first_words for table in openers))
        """Words that open a range or a bound ("between", "since", "until")."""

    def start_positions(self, tokens: Sequence[Token]) -> list[int]:
        """Indices of the tokens where an expression may start: a start word or an ASCII digit."""
        words = self.start_words
        return [k for k, token in enumerate(tokens) if token.norm in words or token.norm[:1] in ASCII_DIGITS]

    def number_at(self, tokens: Sequence[Token], i: int) -> tuple[int, int] | None:
        """A small count ("3", "three", "a") at `i`: (value, tokens used)."""
        if i < len(tokens) and is_digits(tokens[i].norm) and len(tokens[i].norm) <= 3:
            return int(tokens[i].norm), 1
        return self.small_numbers.match(tokens, i)


Reader = Callable[["TimeGrammar", Sequence[Token], int], "Atom | None"]
"""An atom reader: grammar, tokens and a position in, the atom starting there (or None) out."""


def _words(phrases: list[str]) -> PhraseTable[bool]:
    return PhraseTable(dict.fromkeys(phrases, True))


@functools.lru_cache(maxsize=None)
def time_grammar(lang: str) -> TimeGrammar:
    """The compiled grammar of `lang`, built once."""
    return TimeGrammar(lang)


def day_number(token: Token) -> int | None:
    """The day of month a token names ("12", "12th", "1er"), or None."""
    match = ORDINAL_DAY.fullmatch(token.norm)
    value = match.group(1) if match else token.norm if is_digits(token.norm) and len(token.norm) <= 2 else None
    return int(value) if value is not None and 1 <= int(value) <= 31 else None


def _days_at(token: Token) -> tuple[int, int | None] | None:
    """A day ("12", "12th") or a span of days ("3-5") of one month."""
    span = DAY_RANGE.fullmatch(token.norm)
    if span is not None and 1 <= int(span.group(1)) < int(span.group(2)) <= 31:
        return int(span.group(1)), int(span.group(2))
    day = day_number(token)
    return (day, None) if day is not None else None


def year_number(token: Token) -> int | None:
    """The year a four-digit token names (1800-2100), or None."""
    return int(token.norm) if YEAR.fullmatch(token.norm) else None


def possible_day(month: int, day: int, year: int | None) -> bool:
    """True when the day exists in that month (in some year, when the year is unknown)."""
    if not 1 <= month <= 12 or not 1 <= day <= DAYS_IN_MONTH[month - 1]:
        return False
    leap = year is None or (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0))
    return not (month == 2 and day == 29 and not leap)


def _skip(tokens: Sequence[Token], i: int, *norms: str) -> int:
    """Index after an optional token whose folded form is one of `norms`."""
    return i + 1 if i < len(tokens) and tokens[i].norm in norms else i


def _abbreviation_end(tokens: Sequence[Token], last: int) -> int:
    """Include the dot of "Oct. 12" or "Sept. 2022", never a sentence's full stop."""
    dotted = last + 2 < len(tokens) and tokens[last + 1].norm == "." and is_digits(tokens[last + 2].norm[:1])
    return last + 1 if dotted and tokens[last + 1].start == tokens[last].end else last


def _with_year(grammar: TimeGrammar, tokens: Sequence[Token], atom: Atom) -> Atom:
    """Extend a month or day-month atom by a following year ("March 2023", "12 mars 2023")."""
    i = _skip(tokens, atom.last + 1, ",")
    year = year_number(tokens[i]) if i < len(tokens) else None
    if year is None:
        return atom
    return dataclasses.replace(atom, last=i, year=year)


def _with_suffix(grammar: TimeGrammar, tokens: Sequence[Token], atom: Atom) -> Atom:
    """Extend an atom by a shift suffix ("octobre dernier", "dimanche prochain")."""
    found = grammar.shift_suffix.match(tokens, atom.last + 1)
    if found is None or atom.marked:
        return atom
    return dataclasses.replace(atom, last=atom.last + found[1], shift=found[0], marked=True)


def month_atom(grammar: TimeGrammar, tokens: Sequence[Token], i: int) -> Atom | None:
    """ "March", "March 12", "March 12, 2023", "March 2023", "octobre dernier"."""
    found = grammar.months.match(tokens, i)
    if found is None:
        return None
    month, size = found
    last = _abbreviation_end(tokens, i + size - 1)
    days = _days_at(tokens[last + 1]) if last + 1 < len(tokens) else None
    if days is not None:
        grain = "day" if days[1] is None else "days"
        return _with_year(grammar, tokens, Atom(i, last + 1, grain, month=month, day=days[0], day_end=days[1]))
    atom = _with_year(grammar, tokens, Atom(i, last, "month", month=month))
    return atom if atom.year is not None else _with_suffix(grammar, tokens, atom)


def day_month_atom(grammar: TimeGrammar, tokens: Sequence[Token], i: int) -> Atom | None:
    """ "12 March", "12th of March 2023", "1er mars", "3-5 March"."""
    days = _days_at(tokens[i])
    if days is None:
        return None
    day, day_end = days
    j = _skip(tokens, i + 1, "of")
    found = grammar.months.match(tokens, j)
    if found is None:
        return None
    last = _abbreviation_end(tokens, j + found[1] - 1)
    grain = "day" if day_end is None else "days"
    atom = Atom(i, last, grain, month=found[0], day=day, day_end=day_end)
    return _with_suffix(grammar, tokens, _with_year(grammar, tokens, atom))


def numeric_date_atom(grammar: TimeGrammar, tokens: Sequence[Token], i: int) -> Atom | None:
    """ "2023-03-12" and "12/03/2023" (day/month order from the lexicon unless one is > 12)."""
    norm = tokens[i].norm
    iso = ISO_DATE.fullmatch(norm)
    if iso is not None:
        year, month, day = (int(part) for part in iso.groups())
        return Atom(i, i, "day", year=year, month=month, day=day)
    found = NUMERIC_DATE.fullmatch(norm)
    if found is None:
        return None
    first, second = int(found.group(1)), int(found.group(3))
    year = int(found.group(4)) + (2000 if len(found.group(4)) == 2 else 0)
    day, month = (first, second) if grammar.lex.numeric_order == "DMY" else (second, first)
    if month > 12 and day <= 12:
        day, month = month, day
    return Atom(i, i, "day", year=year, month=month, day=day)


def part_atom(grammar: TimeGrammar, tokens: Sequence[Token], i: int) -> Atom | None:
    """ "early October", "the end of May", "mi-septembre", "late 2021", "fin 2022"."""
    found = grammar.parts.match(tokens, i)
    if found is None:
        return None
    j = _skip(tokens, i + found[1], "-")
    link = grammar.part_links.match(tokens, j)
    j += link[1] if link else 0
    if j >= len(tokens):
        return None
    year = year_number(tokens[j])
    if year is not None:
        return Atom(i, j, "year", year=year, part=found[0])
    month = month_atom(grammar, tokens, j)
    if month is None or month.grain != "month":
        return None
    return dataclasses.replace(month, first=i, part=found[0])


def weekday_atom(grammar: TimeGrammar, tokens: Sequence[Token], i: int) -> Atom | None:
    """ "Sunday", "Sunday, March 12", "dimanche 12 mars", "dimanche dernier"."""
    found = grammar.weekdays.match(tokens, i)
    if found is None:
        return None
    j = _skip(tokens, i + found[1], ",")
    dated = (day_month_atom(grammar, tokens, j) or month_atom(grammar, tokens, j)) if j < len(tokens) else None
    if dated is not None and dated.grain == "day":
        return dataclasses.replace(dated, first=i)
    return _with_suffix(grammar, tokens, Atom(i, i + found[1] - 1, "day", weekday=found[0]))


def relative_atom(grammar: TimeGrammar, tokens: Sequence[Token], i: int) -> Atom | None:
    """ "yesterday", "hier", "last week", "la semaine dernière", "three days ago", "il y a 3 jours"."""
    found = grammar.relative_days.match(tokens, i)
    if found is not None:
        return Atom(i, i + found[1] - 1, "day", days=found[0])
    ago = grammar.ago_prefix.match(tokens, i)
    if ago is not None:
        counted = _counted_unit(grammar, tokens, i + ago[1])
        return dataclasses.replace(counted, first=i, ago=counted.count, count=None) if counted else None
    counted = _counted_unit(grammar, tokens, i)
    if counted is not None and grammar.ago_suffix.match(tokens, counted.last + 1):
        return dataclasses.replace(counted, last=counted.last + 1, ago=counted.count, count=None)
    unit = grammar.units.match(tokens, i)
    if unit is not None and unit[0] != "day":
        atom = _with_suffix(grammar, tokens, Atom(i, i + unit[1] - 1, unit[0], unit=unit[0]))
        return atom if atom.marked else None
    return None


def _counted_unit(grammar: TimeGrammar, tokens: Sequence[Token], i: int) -> Atom | None:
    """ "three days", "2 weeks", "a month": a count and a unit."""
    number = grammar.number_at(tokens, i)
    if number is None:
        return None
    unit = grammar.units.match(tokens, i + number[1])
    if unit is None or not 0 < number[0] <= 400:
        return None
    return Atom(i, i + number[1] + unit[1] - 1, unit[0], unit=unit[0], count=number[0])


def shifted_atom(grammar: TimeGrammar, tokens: Sequence[Token], i: int) -> Atom | None:
    """ "last May", "last Sunday", "this year", "next month", "the past two weeks", "cette année"."""
    found = grammar.shift_prefix.match(tokens, i)
    if found is None:
        return None
    shift, j = found[0], i + found[1]
    if j >= len(tokens):
        return None
    counted = _counted_unit(grammar, tokens, j) if shift == -1 else None
    if counted is not None:
        return dataclasses.replace(counted, first=i, shift=-1, marked=True)
    target = grammar.units.match(tokens, j)
    if target is not None:
        last = j + target[1] - 1
        if last + 2 < len(tokens) and tokens[last + 1].norm == "-" and tokens[last + 2].norm == "ci":
            last += 2  # "ce mois-ci"
        return Atom(i, last, target[0], unit=target[0], shift=shift, marked=True)
    inner = weekday_atom(grammar, tokens, j) or month_atom(grammar, tokens, j)
    if inner is None or inner.marked or inner.year is not None or inner.grain not in ("day", "month"):
        return None
    return dataclasses.replace(inner, first=i, shift=shift, marked=True)


def year_atom(grammar: TimeGrammar, tokens: Sequence[Token], i: int, *, licensed: bool = False) -> Atom | None:
    """ "2022" after a word that makes it a year ("in 2022", "depuis 2019")."""
    year = year_number(tokens[i])
    if year is None:
        return None
    if not licensed and not _after_year_prefix(grammar, tokens, i):
        return None
    return Atom(i, i, "year", year=year)


def _after_year_prefix(grammar: TimeGrammar, tokens: Sequence[Token], i: int) -> bool:
    for start in range(max(0, i - 3), i):
        found = grammar.year_prefix.match(tokens, start)
        if found is not None and start + found[1] == i:
            return True
    return False


ATOM_READERS: tuple[Reader, ...] = (
    relative_atom, shifted_atom, part_atom, weekday_atom, day_month_atom, month_atom, numeric_date_atom,
)
# The readers whose patterns can match at a digit (`\d`, any decimal digit), in reader order.
_DIGIT_READERS: tuple[Reader, ...] = (relative_atom, day_month_atom, numeric_date_atom)


@functools.lru_cache(maxsize=None)
def _readers_by_word(grammar: TimeGrammar) -> dict[str, tuple[Reader, ...]]:
    """For each word that can start an atom, the readers that may match there, in reader order
    (the first reader that matches wins, so the order is kept)."""
    tables: dict[Reader, tuple[PhraseTable[Any], ...]] = {
        relative_atom: (grammar.relative_days, grammar.ago_prefix, grammar.small_numbers, grammar.units),
        shifted_atom: (grammar.shift_prefix,),
        part_atom: (grammar.parts,),
        weekday_atom: (grammar.weekdays,),
        month_atom: (grammar.months,),
    }
    words = frozenset().union(*(table.first_words for group in tables.values() for table in group))
    return {
        word: tuple(
            reader for reader in ATOM_READERS if any(word in table.first_words for table in tables.get(reader, ()))
        )
        for word in words
    }


def atom_at(grammar: TimeGrammar, tokens: Sequence[Token], i: int, *, year_licensed: bool = False) -> Atom | None:
    """The first atom any reader finds at `tokens[i]`, or None."""
    if i >= len(tokens):
        return None
    norm = tokens[i].norm
    # Only the readers that can match this token are tried: most tokens start no atom.
    readers = _readers_by_word(grammar).get(norm, ())
    by_digit = norm[:1].isdecimal()
    if by_digit:
        readers = tuple(r for r in ATOM_READERS if r in readers or r in _DIGIT_READERS) if readers else _DIGIT_READERS
    for reader in readers:
        atom = reader(grammar, tokens, i)
        if atom is not None:
            return atom
    return year_atom(grammar, tokens, i, licensed=year_licensed) if by_digit else None
