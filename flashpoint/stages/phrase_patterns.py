"""Regular expressions that must be code, for time, toll and attribution phrases.

Named constants only (like trafilatura's `xpaths.py`); the words themselves live
in the lexicons under `flashpoint/data/lexicons/`.
"""

from __future__ import annotations

import re

# French elision at the start of a token ("l'année", "d'après", "jusqu'au"), split off
# so that the word after it matches the lexicon on its own.
ELISION = r"(?:[lLdDjJmMnNsStTcC]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu)['’](?=[^\W\d_])"

# Digits with internal separators stay one token ("1,200", "12/03/2023", "10-15");
# the look-ahead keeps "1e9" or "12th" whole, as a word, so they never read as numbers.
DIGITS = r"\d+(?:[.,/\-–]\d+)*(?![^\W_])"

# A word, with inner apostrophes kept ("aujourd'hui", "don't") but the English
# possessive split off ("year's" -> "year", "'s").
WORD = r"[^\W_]+(?:['’](?![sS]\b)[^\W_]+)*"

TOKEN = re.compile(rf"{ELISION}|{DIGITS}|{WORD}|\S")

# A plain integer, possibly with thousands separators: "1,200", "1.200", "12 000".
GROUPED_INTEGER = re.compile(r"\d{1,3}(?:([,.])\d{3})(?:\1\d{3})*")
PLAIN_INTEGER = re.compile(r"\d+")
DECIMAL = re.compile(r"(\d+)[.,](\d{1,2})")
# "10-15" or "10–15": a numeric range written as one token.
NUMBER_RANGE = re.compile(r"(\d+)[\-–](\d+)")

# An ordinal day: "12th", "1st", "1er", "2e".
ORDINAL_DAY = re.compile(r"(\d{1,2})(?:st|nd|rd|th|er|re|ère|e|eme|ème)", re.IGNORECASE)

# Numeric dates: "2023-03-12" and "12/03/2023", "12.03.23", "12-03-2023".
ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
NUMERIC_DATE = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})")
# Days joined by a dash: "3-5" in "3-5 March".
DAY_RANGE = re.compile(r"(\d{1,2})[\-–](\d{1,2})")
YEAR = re.compile(r"(1[89]\d\d|20\d\d|2100)")

# Spaces that French typography puts inside numbers ("1 200", "1\u202f200").
NUMBER_GAP = re.compile(r"[ \u00a0\u202f]")

# Quotation marks that open and close quoted speech.
QUOTE_PAIRS = {"“": "”", '"': '"', "«": "»", "‘": "’", "„": "“"}

# Characters that end a clause when looking for the subject of a reporting verb.
CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", "—", "–", "•"})
