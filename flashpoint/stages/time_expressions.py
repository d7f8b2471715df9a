"""Find time expressions in text and resolve each to a `TimeRange`.

Reads atoms ("last May", "12 March 2023", "yesterday") with `time_atoms`, joins
them into ranges ("between last May and October", "du 3 au 5 mars"), open ranges
("since March", "jusqu'en octobre") and lists ("the months of May and September",
one point per month), then anchors them with `time_anchoring`.

    >>> import datetime as dt
    >>> [(r.start, r.end, r.kind) for r in parse_time_expressions(
    ...     "Clashes between last May and October.", published=dt.date(2022, 11, 15))]
    [(datetime.date(2022, 5, 1), datetime.date(2022, 10, 31), 'range')]
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from flashpoint.model import Span, TimeRange
from flashpoint.stages.phrase_tokens import PhraseTable, Token, sentence_tokens
from flashpoint.stages.time_anchoring import (
    NOT_AFTER,
    NOT_BEFORE,
    Dates,
    grain_precision,
    precision,
    resolve,
)
from flashpoint.stages.time_atoms import Atom, TimeGrammar, atom_at, day_number, possible_day, time_grammar

GRAIN_ORDER = ("day", "days", "weekend", "week", "month", "year")


@dataclass(frozen=True, slots=True)
class _Reader:
    """What every step needs: the grammar, the tokens, the text and the anchor."""

    grammar: TimeGrammar
    tokens: Sequence[Token]
    text: str
    offset: int
    published: dt.date | None
    atoms: dict[tuple[int, bool], Atom | None] = field(default_factory=dict)
    """Atoms already read: a range, a bound and a list may each try the same token."""

    def atom_at(self, i: int, *, year_licensed: bool = False) -> Atom | None:
        """`time_atoms.atom_at` over these tokens, each position read once."""
        key = (i, year_licensed)
        if key not in self.atoms:
            self.atoms[key] = atom_at(self.grammar, self.tokens, i, year_licensed=year_licensed)
        return self.atoms[key]

    def after_article(self, i: int) -> int:
        """`i`, or the index after an article there ("since the 12th", "depuis le 1er mars")."""
        found = self.grammar.articles.match(self.tokens, i)
        return i + found[1] if found else i

    def time_range(self, first: int, last: int, dates: Dates | None, kind: str, grain: str) -> TimeRange:
        """Build the record over tokens `first..last`; no dates means unanchored."""
        start, end = self.tokens[first].start, self.tokens[last].end
        text = self.text[start - self.offset : end - self.offset]
        if dates is None:
            time_precision, date_prec = grain_precision(grain)
            return TimeRange(None, None, time_precision, date_prec, text, Span(start, end), "unanchored")
        time_precision, date_prec = precision(*dates)
        return TimeRange(dates[0], dates[1], time_precision, date_prec, text, Span(start, end), kind)


def parse_time_expressions(
    text: str, *, published: dt.date | None, lang: str = "en", offset: int = 0
) -> list[TimeRange]:
    """Every time expression in `text`, in order, with spans shifted by `offset`.

    A month or day without a year is anchored on `published` (the most recent one
    not after it); without `published` it stays unanchored (start and end None).
    Impossible dates ("31 February") give no record. Raises ConfigError for a
    language without a lexicon.
    """
    reader = _reader(text, published, lang, offset)
    found: list[TimeRange] = []
    resume = 0  # a step ends past the token it started at, so later positions are enough
    for i in reader.grammar.start_positions(reader.tokens):
        if i < resume or (reader.atom_at(i) is None and not _opens_at(reader, i)):
            continue
        step = _range_at(reader, i) or _bounded_at(reader, i) or _list_at(reader, i)
        if step is not None:
            ranges, resume = step
            found.extend(ranges)
    return found


def _opens_at(reader: _Reader, i: int) -> bool:
    """True when a range or bound may start at `i` without an atom there: an opener
    ("between", "since", "until") or a bare day ("from 3 to 5 March")."""
    token = reader.tokens[i]
    if token.norm in reader.grammar.opener_words:
        return True
    return token.norm[:1].isdecimal() and day_number(token) is not None


def _reader(text: str, published: dt.date | None, lang: str, offset: int) -> _Reader:
    return _Reader(time_grammar(lang), sentence_tokens(text, offset), text, offset, published)


def _impossible(atom: Atom) -> bool:
    """True for a date that exists in no calendar ("31 February", "2023-13-01")."""
    if atom.month is None or atom.day is None:
        return False
    return not possible_day(atom.month, atom.day, atom.year) or (
        atom.day_end is not None and not possible_day(atom.month, atom.day_end, atom.year)
    )


def _coarser(first: Atom, second: Atom) -> str:
    """The grain an unanchored range is known to: days within a month, else a multi-month span."""
    if first.month != second.month or first.year != second.year:
        return "year"
    grains = [GRAIN_ORDER.index(a.grain) if a.grain in GRAIN_ORDER else len(GRAIN_ORDER) - 1 for a in (first, second)]
    return "days" if max(grains) <= GRAIN_ORDER.index("days") else GRAIN_ORDER[max(grains)]


def _range_at(reader: _Reader, i: int) -> tuple[list[TimeRange], int] | None:
    """ "between May and October", "from 3 to 5 March", "du 3 au 5 mars", "March to May"."""
    opened = reader.grammar.range_open.match(reader.tokens, i)
    j = reader.after_article(i + opened[1]) if opened else i
    pair = _pair_at(reader, j, opened[0] if opened else None)
    if pair is None:
        return None
    first, second = pair
    if _impossible(first) or _impossible(second):
        return [], second.last + 1
    dates = _range_dates(first, second, reader.published)
    kind = "range" if dates is None or dates[0] != dates[1] else "point"
    return [reader.time_range(i, second.last, dates, kind, _coarser(first, second))], second.last + 1


def _pair_at(reader: _Reader, j: int, joins: PhraseTable[bool] | None) -> tuple[Atom, Atom] | None:
    """The two ends of a range starting at token `j` (after an opener with its `joins`), or None."""
    tokens = reader.tokens
    first = reader.atom_at(j, year_licensed=joins is not None)
    bare_day = day_number(tokens[j]) if first is None and j < len(tokens) else None
    if first is None and bare_day is None:
        return None
    after_first = first.last + 1 if first else j + 1
    join = (joins or reader.grammar.range_join).match(tokens, after_first)
    if join is None:
        return None
    licensed = first is not None and first.grain == "year"
    second = reader.atom_at(reader.after_article(after_first + join[1]), year_licensed=licensed)
    if second is None:
        return None
    if first is None:
        # "from 3 to 5 March": the first day borrows the month and year of the second.
        if second.grain != "day" or second.month is None or second.day_end is not None:
            return None
        first = dataclasses.replace(second, first=j, last=j, day=bare_day, weekday=None)
    return first, second


def _range_dates(first: Atom, second: Atom, published: dt.date | None) -> Dates | None:
    """Anchor both ends: an explicit or "last" start anchors the end, else the end anchors the start."""
    if first.year is not None or first.marked or not first.is_calendar:
        start = resolve(first, published)
        end = resolve(second, start[0] if start else published, mode=NOT_BEFORE if start else NOT_AFTER)
        if end is None and start is not None and published is not None:
            end = resolve(second, published)
    else:
        end = resolve(second, published)
        start = resolve(first, end[0] if end else None, mode=NOT_AFTER)
    if start is None or end is None:
        return None
    low, high = min(start[0], end[0]), max(start[1], end[1])
    return low, high


def _bounded_at(reader: _Reader, i: int) -> tuple[list[TimeRange], int] | None:
    """ "since March" (start .. publication date) and "until October" (.. end of October)."""
    for table, kind in ((reader.grammar.since, "since"), (reader.grammar.until, "until")):
        marker = table.match(reader.tokens, i)
        if marker is None:
            continue
        atom = reader.atom_at(reader.after_article(i + marker[1]), year_licensed=True)
        if atom is None:
            continue
        if _impossible(atom):
            return [], atom.last + 1
        return [_bounded(reader, i, atom, kind)], atom.last + 1
    return None


def _bounded(reader: _Reader, i: int, atom: Atom, kind: str) -> TimeRange:
    dates = resolve(atom, reader.published)
    record = reader.time_range(i, atom.last, None, kind, "year" if kind == "since" else atom.grain)
    if dates is None:
        return record
    if kind == "until":
        time_precision, date_prec = grain_precision(atom.grain)
        return dataclasses.replace(record, end=dates[1], time_precision=time_precision, date_prec=date_prec, kind=kind)
    published = reader.published
    if published is None or published < dates[0]:
        time_precision, date_prec = grain_precision("year")
        return dataclasses.replace(
            record, start=dates[0], time_precision=time_precision, date_prec=date_prec, kind=kind
        )
    time_precision, date_prec = precision(dates[0], published)
    return dataclasses.replace(
        record, start=dates[0], end=published, time_precision=time_precision, date_prec=date_prec, kind=kind
    )


def _list_at(reader: _Reader, i: int) -> tuple[list[TimeRange], int] | None:
    """One atom, or a list of atoms ("May and September", "dimanche et lundi"), each its own record."""
    atoms = _atom_list(reader, i)
    if not atoms:
        return None
    anchor = _list_anchor(atoms[-1], reader.published)
    records = []
    for atom in atoms:
        if _impossible(atom):
            continue
        own = resolve(atom, anchor if atom is not atoms[-1] else reader.published, mode=NOT_AFTER)
        kind = "point" if atom.is_calendar else "relative"
        records.append(reader.time_range(atom.first, atom.last, own, kind, atom.grain))
    return records, atoms[-1].last + 1


def _atom_list(reader: _Reader, i: int) -> list[Atom]:
    first = reader.atom_at(i)
    atoms = [first] if first is not None else []
    while atoms:
        join = reader.grammar.list_join.match(reader.tokens, atoms[-1].last + 1)
        if join is None:
            break
        j = atoms[-1].last + 1 + join[1]
        j += 1 if join[0] and reader.grammar.list_join.match(reader.tokens, j) else 0  # "May, and June"
        following = reader.atom_at(j, year_licensed=atoms[-1].grain == "year")
        if following is None or following.grain != atoms[-1].grain or following.is_calendar != atoms[-1].is_calendar:
            break
        atoms.append(following)
    return atoms


def _list_anchor(last: Atom, published: dt.date | None) -> dt.date | None:
    """Earlier items of a list are anchored on the last one ("May and September 2022")."""
    dates = resolve(last, published)
    return dates[0] if dates else published
