"""Lexicon patterns compiled to regular expressions: the small pattern language of the
trigger lexicons (a space matches any whitespace, `~` a gap of up to four words, groups
are non-capturing), word lists and clause breaks.

Example:
    >>> expand_pattern("opened fire ~ protesters").startswith("(?:opened")
    True
"""

from __future__ import annotations

import re
from pathlib import Path

from flashpoint.errors import DataFileError
from flashpoint.kb.phrase_matcher import PatternError, PhraseMatcher

# A coordinated noun continues a grievance ("decry the arrests and violence") when, after the
# trigger word and at most this many more words, the noun phrase ends.
COORDINATED_TAIL_WORDS = 1
# A `~` in a pattern: a gap of up to four words between two parts of a phrase.
_GAP = r"\W+(?:[\w'’-]+\W+){0,4}?"
# A pattern must not end inside a word ("l'attaque" still matches); the matcher only tries word starts.
_WORD_CHARS = r"\w"


def word_list_pattern(words: list[str], template: str) -> re.Pattern[str] | None:
    """A regex testing for one of `words` in the position `template` puts it."""
    if not words:
        return None
    return re.compile(template.format("|".join(re.escape(word) for word in words)), re.IGNORECASE)


def noun_closing_pattern(prepositions: list[str]) -> re.Pattern[str]:
    """After a coordinated noun: at most a modifier word, then punctuation, the end, or a preposition."""
    ends = "|".join(re.escape(word) for word in prepositions)
    tail = rf"(?:\s+[\w'’-]+){{0,{COORDINATED_TAIL_WORDS}}}"
    return re.compile(rf"{tail}\s*(?:[,;:.!?()\u2013\u2014]|$|(?:{ends})\b)", re.IGNORECASE)


def clause_break_pattern(words: list[str]) -> re.Pattern[str]:
    """Punctuation, or one of the language's clause-break words standing alone."""
    alternatives = [r"[,;:.!?()\[\]\u2013\u2014]"] + [rf"\b{re.escape(word)}\b" for word in words]
    return re.compile("|".join(alternatives), re.IGNORECASE)


def expand_pattern(pattern: str) -> str:
    """Lexicon pattern -> regex: groups made non-capturing, `~` a word gap, spaces any whitespace."""
    regex = re.sub(r"(?<!\\)\((?!\?)", "(?:", pattern)
    regex = regex.replace(" ~ ", _GAP).replace("~", _GAP)
    return rf"(?:{_spaces_to_whitespace(regex)})(?!{_WORD_CHARS})"


def _spaces_to_whitespace(regex: str) -> str:
    """Outside character classes, " " matches any whitespace run and " ?" optional whitespace."""
    out: list[str] = []
    in_class = escaped = False
    index = 0
    while index < len(regex):
        char = regex[index]
        if char == " " and not in_class:
            optional = regex[index + 1 : index + 2] == "?"
            out.append(r"\s*" if optional else r"\s+")
            index += 2 if optional else 1
            continue
        if not escaped:
            in_class = (in_class or char == "[") and not (in_class and char == "]")
        escaped = char == "\\" and not escaped
        out.append(char)
        index += 1
    return "".join(out)


def compile_patterns(path: Path, field: str, patterns: list[str]) -> PhraseMatcher:
    """Compile lexicon patterns into one matcher; DataFileError names the bad pattern."""
    expanded = []
    for pattern in patterns:
        try:
            regex = expand_pattern(pattern)
            re.compile(regex)
            expanded.append(regex)
        except re.error as exc:
            raise DataFileError(f"{path.name}: {pattern!r}: {field!r}: bad pattern: {exc}", path=str(path), field=field) from exc
    try:
        return PhraseMatcher(expanded)
    except PatternError as exc:
        raise DataFileError(f"{path.name}: {field!r}: {exc}", path=str(path), field=field) from exc
