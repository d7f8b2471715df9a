"""Normalise a place name so spellings of the same name compare equal.

One job: turn any surface form (Latin with accents, Arabic script, punctuation,
leading articles) into lower-case ASCII words. Keys for fuzzy matching are built
from this form in `keys.py`; every index row and every query goes through here,
so both sides are always normalised the same way.

Example:
    >>> normalise_name("Al-Ménaka")
    'menaka'
    >>> normalise_name("Tin-Tabakat")
    'tin tabakat'
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

# Arabic definite article glued to the next word ("الجزائر"): anyascii would make it a
# lone "l" that no Latin spelling carries, so it goes before transliteration.
_ARABIC_ARTICLE = re.compile(r"(?<![\u0600-\u06FF])\u0627\u0644(?=[\u0600-\u06FF]{2})")
_ARABIC_CHARS = re.compile(r"[\u0600-\u06FF]")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_WORDS = re.compile(r"[a-z0-9]+")
# Scripts the reports we read spell places in: Latin (English, French) and Arabic.
# Names in other scripts only add transliteration noise to the keys.
_FOREIGN_SCRIPT = re.compile(r"[^\u0000-\u024F\u1E00-\u1EFF\u0600-\u06FF\u0750-\u077F\u2000-\u206F\uFB50-\uFDFF\uFE70-\uFEFF]")

# Articles written before a name in Arabic-via-Latin and French spellings. They are
# dropped only when something else remains, so "El" or "La" alone still match.
# "Ag"/"Ould" (son of) are person-name particles, not articles: they stay.
ARTICLES = frozenset({"al", "el", "ul", "le", "la", "les", "l", "ad", "ar", "as", "at", "az", "ash", "ech", "ed", "er", "es", "et"})
_SUN_LETTER_ARTICLES = frozenset({"ad", "ar", "as", "at", "az", "ash", "ech", "ed", "er", "es", "et"})


def _transliterate(text: str) -> str:
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKC", text)
    if _ARABIC_CHARS.search(text):
        # Hamza and ain come out as apostrophes inside a word: not word breaks.
        return anyascii(_ARABIC_ARTICLE.sub("", text)).lower().replace("'", "")
    return anyascii(text).lower()


def _drop_articles(words: list[str], joined_by_hyphen: set[int]) -> list[str]:
    """Drop article words; assimilated forms ("as-", "ad-") only when hyphenated/apostrophed."""
    kept: list[str] = []
    for position, word in enumerate(words):
        is_last = position == len(words) - 1
        if word in ARTICLES and not is_last:
            if word not in _SUN_LETTER_ARTICLES or position in joined_by_hyphen:
                continue
        kept.append(word)
    return kept or words


_TOKENS = re.compile(r"[a-z0-9]+|[-'`]")


def _split_words(ascii_text: str) -> tuple[list[str], set[int]]:
    """Words of the text, and the positions of words followed by a hyphen or apostrophe."""
    words: list[str] = []
    glued: set[int] = set()
    for token in _TOKENS.findall(ascii_text):
        if token in "-'`":
            if words:
                glued.add(len(words) - 1)
            continue
        words.append(token)
    return words, glued


def normalise_name(text: str) -> str:
    """Lower-case ASCII words of a name, articles dropped, single-spaced.

    Reads any Unicode string; returns "" for a string with no letters or digits.
    """
    ascii_text = _transliterate(text).replace("\u2019", "'")
    words = _WORDS.findall(ascii_text)
    if len(words) > 1 and not ARTICLES.isdisjoint(words[:-1]):
        words, glued = _split_words(ascii_text)
        words = _drop_articles(words, glued)
    return " ".join(words)


def is_readable_script(name: str) -> bool:
    """True when `name` is written in Latin or Arabic script (the scripts we match)."""
    return _FOREIGN_SCRIPT.search(name) is None


def compact_name(norm: str) -> str:
    """The normalised name without spaces ("tin tabakat" -> "tintabakat")."""
    return _NON_WORD.sub("", norm)
