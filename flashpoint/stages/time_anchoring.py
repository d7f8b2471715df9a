"""Anchor time atoms to dates, and give a date range its ACLED and UCDP precision codes.

Reporting is about the past: a month or day named without a year is the most
recent one not after the reference date (the publication date, or the other end
of a range). Without a reference nothing is guessed: the atom stays unanchored.
"""

from __future__ import annotations

import calendar
import datetime as dt

from flashpoint.stages.time_atoms import Atom, possible_day

Dates = tuple[dt.date, dt.date]

# Anchoring modes: which side of the reference date a yearless date may fall on.
NOT_AFTER, BEFORE, NOT_BEFORE, AFTER = "not_after", "before", "not_before", "after"

# Days of a month a part names; "late" runs to the month's last day.
MONTH_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
# Months of a year a part names.
YEAR_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}

# UCDP date_prec and ACLED time_precision of an unanchored atom, by its grain.
GRAIN_PRECISION = {"day": (1, 1), "days": (2, 2), "weekend": (2, 2), "week": (2, 3), "month": (3, 4), "year": (3, 5)}


def precision(start: dt.date, end: dt.date) -> tuple[int, int]:
    """(ACLED time_precision, UCDP date_prec) of a resolved range, from its length."""
    days = (end - start).days + 1
    if days <= 1:
        return 1, 1
    if days <= 6:
        return 2, 2
    if days == 7:
        return 2, 3
    return (3, 4) if days <= 31 else (3, 5)


def grain_precision(grain: str) -> tuple[int, int]:
    """(ACLED, UCDP) precision of an expression whose dates are unknown."""
    return GRAIN_PRECISION.get(grain, (3, 5))


def mode_for(atom: Atom, default: str) -> str:
    """The anchoring mode an atom asks for: its own "last"/"next", else `default`."""
    if atom.marked and atom.shift < 0:
        return BEFORE
    if atom.marked and atom.shift > 0:
        return AFTER
    return default


def resolve(atom: Atom, ref: dt.date | None, *, mode: str = NOT_AFTER) -> Dates | None:
    """The dates an atom covers, anchored on `ref` where it needs one; None if it cannot be."""
    try:
        return _resolve(atom, ref, mode)
    except (OverflowError, ValueError):
        # Only reachable with a reference date at the ends of the calendar (year 1 or 9999).
        return None


def _resolve(atom: Atom, ref: dt.date | None, mode: str) -> Dates | None:
    if atom.is_calendar:
        return _resolve_calendar(atom, ref, mode_for(atom, mode))
    if ref is None:
        return None
    if atom.days is not None:
        day = ref + dt.timedelta(days=atom.days)
        return day, day
    if atom.weekday is not None:
        return _resolve_weekday(atom.weekday, ref, mode_for(atom, mode))
    return _resolve_unit(atom, ref)


def _resolve_calendar(atom: Atom, ref: dt.date | None, mode: str) -> Dates | None:
    if atom.month is None:
        return _year_dates(atom.year, atom.part) if atom.year is not None else None
    year = atom.year if atom.year is not None else (_pick_year(atom.month, atom.day, ref, mode) if ref else None)
    if year is None or not 1 <= year <= 9999:
        return None
    if atom.day is None:
        return _month_dates(year, atom.month, atom.part)
    if not possible_day(atom.month, atom.day, year):
        return None
    end_day = atom.day_end if atom.day_end is not None else atom.day
    if not possible_day(atom.month, end_day, year):
        return None
    return dt.date(year, atom.month, atom.day), dt.date(year, atom.month, end_day)


def _pick_year(month: int, day: int | None, ref: dt.date, mode: str) -> int | None:
    """The year that puts a yearless month (or day) on the asked side of `ref`."""
    key = (month, day or 0)
    ref_key = (ref.month, ref.day if day else 0)
    same_year = {
        NOT_AFTER: key <= ref_key,
        BEFORE: key < ref_key,
        NOT_BEFORE: key >= ref_key,
        AFTER: key > ref_key,
    }[mode]
    step = -1 if mode in (NOT_AFTER, BEFORE) else 1
    year = ref.year if same_year else ref.year + step
    # A 29 February needs a leap year: keep stepping the same way, at most two leap cycles.
    for _ in range(9):
        if day is None or possible_day(month, day, year):
            return year
        year += step
    return None


def _month_dates(year: int, month: int, part: str | None) -> Dates:
    last = calendar.monthrange(year, month)[1]
    first_day, last_day = MONTH_PARTS.get(part or "", (1, last))
    return dt.date(year, month, first_day), dt.date(year, month, min(last_day, last))


def _year_dates(year: int, part: str | None) -> Dates | None:
    if not 1 <= year <= 9999:
        return None
    first_month, last_month = YEAR_PARTS.get(part or "", (1, 12))
    return dt.date(year, first_month, 1), dt.date(year, last_month, calendar.monthrange(year, last_month)[1])


def _resolve_weekday(weekday: int, ref: dt.date, mode: str) -> Dates:
    if mode in (AFTER, NOT_BEFORE):
        ahead = (weekday - ref.weekday()) % 7 or (7 if mode == AFTER else 0)
        day = ref + dt.timedelta(days=ahead)
    else:
        back = (ref.weekday() - weekday) % 7 or (7 if mode == BEFORE else 0)
        day = ref - dt.timedelta(days=back)
    return day, day


def _resolve_unit(atom: Atom, ref: dt.date) -> Dates | None:
    """ "last week", "this month", "next year", "the past two weeks", "three days ago"."""
    unit = atom.unit or atom.grain
    if atom.ago is not None:
        return _ago(unit, atom.ago, ref)
    if atom.count is not None:
        days = {"day": 1, "week": 7, "weekend": 7, "month": 30, "year": 365}[unit] * atom.count
        return ref - dt.timedelta(days=days), ref
    if unit == "week":
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=atom.shift)
        return (monday, ref) if atom.shift == 0 else (monday, monday + dt.timedelta(days=6))
    if unit == "weekend":
        back = (ref.weekday() - 5) % 7
        saturday = ref - dt.timedelta(days=back)
        if atom.shift < 0 and back <= 1:
            saturday -= dt.timedelta(weeks=1)  # published during a weekend: "last weekend" is the one before
        saturday += dt.timedelta(weeks=max(atom.shift, 0))
        return saturday, saturday + dt.timedelta(days=1)
    if unit == "month":
        year, month = divmod(ref.year * 12 + ref.month - 1 + atom.shift, 12)
        start, end = _month_dates(year, month + 1, None)
        return (start, ref) if atom.shift == 0 else (start, end)
    if unit == "year":
        dates = _year_dates(ref.year + atom.shift, None)
        return (dates[0], ref) if dates and atom.shift == 0 else dates
    return None


def _ago(unit: str, count: int, ref: dt.date) -> Dates | None:
    if unit == "day":
        day = ref - dt.timedelta(days=count)
        return day, day
    if unit in ("week", "weekend"):
        monday = ref - dt.timedelta(weeks=count, days=ref.weekday())
        return monday, monday + dt.timedelta(days=6)
    if unit == "month":
        year, month = divmod(ref.year * 12 + ref.month - 1 - count, 12)
        return _month_dates(year, month + 1, None)
    return _year_dates(ref.year - count, None)
