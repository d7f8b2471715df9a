"""Turn names into match keys, so spelling variants of one name meet on one key.

A text is split into word tokens (quotes, hyphens and apostrophes separate
tokens, so “ISIS”, al-Nusra and l'armée need no special case). Each token gets
a key: case-folded, accents and Arabic vowel marks removed, Arabic letter
variants unified, then reduced to a transliteration skeleton so that French,
English and Arabic-derived spellings of one name share a key
(Mourabitoune / Murabitun, Qaïda / Qaeda, Massina / Macina, Azaouad / Azawad).

Example:
    >>> alias_keys("Al-Mourabitoune")
    [('al', 'murabitun'), ('murabitun',)]
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress

# A token is a run of letters or digits in any script.
TOKEN_RE = re.compile(r"[^\W_]+")
# What may separate two tokens of one name: spaces, hyphens, apostrophes, quotes.
# A newline pair, a full stop or a comma ends a name.
GAP_RE = re.compile(r"[ \t\u00a0\-\u2010\u2011\u2013\u2014'\u2019\u2018\"\u201c\u201d\u00ab\u00bb\u201e`\u00b4]{0,4}|\n")
# Splitting on captured tokens gives [gap, token, gap, token, ..., gap]: every offset
# follows from the part lengths, so no match object is built per word.
TOKEN_SPLIT_RE = re.compile(f"({TOKEN_RE.pattern})")

# Arabic letter variants that writers use interchangeably; vowel marks go with NFKD.
ARABIC_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ـ": ""})

# Transliteration skeleton for Latin-script tokens, applied in order. Each rule merges
# spellings that French, English and Arabic-derived transliterations use for one sound.
LATIN_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"dj"), "j"),  # djihad / jihad
    (re.compile(r"tch"), "ch"),  # Tchad / Chad
    (re.compile(r"sh"), "ch"),  # Shabaab / Chabab
    (re.compile(r"ou"), "u"),  # Mourabitoun / Murabitun
    (re.compile(r"w"), "u"),  # Azawad / Azaouad, wal / oual
    (re.compile(r"ck|q|kh"), "k"),  # Qaeda / Kaida, Khalid / Kalid
    (re.compile(r"c(?=[eiy])"), "s"),  # Macina / Massina
    (re.compile(r"c"), "k"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"gh"), "g"),
    (re.compile(r"y"), "i"),
    (re.compile(r"a[ei]"), "a"),  # Qaeda / Qaida
    (re.compile(r"(.)\1+"), r"\1"),  # doubled letters: Shabaab / Shabab, Massina
    (re.compile(r"(?<=...)e$"), ""),  # final mute e: Mourabitoune / Mourabitoun
)
# The rules as applied: a rule whose pattern and replacement are plain letters runs as
# `str.replace` (the same result, several times faster than a regex pass on new words).
_LATIN_STEPS: tuple[tuple[str | None, re.Pattern[str], str], ...] = tuple(
    (pattern.pattern if pattern.pattern.isalpha() and replacement.isalpha() else None, pattern, replacement)
    for pattern, replacement in LATIN_RULES
)

# The Arabic article written apart from its noun; also optional at the start of a name.
ARTICLE_KEYS = {"al": "al", "el": "al"}


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the text: character offsets, raw text, match key, and whether it joins the next word."""

    start: int
    end: int
    raw: str
    key: str
    joins_next: bool


def fold(raw: str) -> str:
    """Case-fold, strip accents and Arabic vowel marks, unify Arabic letter variants."""
    if raw.isascii():  # most words: nothing to decompose, strip or unify
        return raw.casefold()
    decomposed = unicodedata.normalize("NFKD", raw.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return bare.translate(ARABIC_LETTERS)


def skeleton(folded: str) -> str:
    """Reduce a folded Latin token to its transliteration skeleton; other scripts pass through."""
    if not folded.isascii():
        return folded
    if folded in ARTICLE_KEYS:
        return ARTICLE_KEYS[folded]
    key = folded
    for literal, pattern, replacement in _LATIN_STEPS:
        key = key.replace(literal, replacement) if literal else pattern.sub(replacement, key)
    return key or folded


@lru_cache(maxsize=200_000)
def token_key(raw: str) -> str:
    """The match key of one word (memoised: a pure function of the word, words repeat across texts)."""
    return skeleton(fold(raw))


@dataclass(frozen=True, slots=True)
class TokenTable:
    """A text's tokens as parallel columns (row i is token i), so the matchers read keys and
    flags without building a `Token` per word; `tokens()` gives the same `Token`s."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    raws: tuple[str, ...]
    keys: tuple[str, ...]
    joins: tuple[bool, ...]

    def __len__(self) -> int:
        return len(self.keys)

    def tokens(self) -> list[Token]:
        """The rows as `Token`s."""
        return [Token(*row) for row in zip(self.starts, self.ends, self.raws, self.keys, self.joins)]

    def since(self, first: int) -> TokenTable:
        """The rows from `first` on."""
        return TokenTable(self.starts[first:], self.ends[first:], self.raws[first:], self.keys[first:], self.joins[first:])

    def where(self, kept: tuple[bool, ...]) -> TokenTable:
        """The rows whose flag in `kept` is true."""
        return TokenTable(
            tuple(compress(self.starts, kept)),
            tuple(compress(self.ends, kept)),
            tuple(compress(self.raws, kept)),
            tuple(compress(self.keys, kept)),
            tuple(compress(self.joins, kept)),
        )


@lru_cache(maxsize=4096)
def _gap_joins(gap: str) -> bool:
    # Gaps repeat (" ", ", ", ". "): one regex test per distinct gap, not per word.
    return GAP_RE.fullmatch(gap) is not None


def token_table(text: str) -> TokenTable:
    """Split `text` into tokens with offsets, keys and join flags, in one pass."""
    parts = TOKEN_SPLIT_RE.split(text)
    offsets = tuple(accumulate(map(len, parts), initial=0))
    raws = tuple(parts[1::2])
    keys = tuple(map(token_key, raws))
    joins = (*map(_gap_joins, parts[2:-1:2]), False) if raws else ()
    table = TokenTable(offsets[1:-1:2], offsets[2::2], raws, keys, joins)
    # A word of marks only (Arabic tatweel, combining accents) has no key and matches nothing.
    return table.where(tuple(map(bool, keys))) if "" in keys else table


def tokenize(text: str) -> list[Token]:
    """Split `text` into tokens with offsets and keys, in one pass."""
    return token_table(text).tokens()


def name_keys(text: str) -> tuple[str, ...]:
    """The key sequence of a whole name (no article variants)."""
    return tuple(token_key(match.group()) for match in TOKEN_RE.finditer(text))


def alias_keys(text: str) -> list[tuple[str, ...]]:
    """Key sequences an alias is matched under: as written, and without a leading Arabic article."""
    keys = name_keys(text)
    if not keys:
        return []
    variants = [keys]
    if len(keys) > 1 and keys[0] == "al":
        variants.append(keys[1:])
    return variants


def raw_words(text: str) -> tuple[str, ...]:
    """The words of `text` as written (for case-sensitive aliases such as `IS`)."""
    return tuple(match.group() for match in TOKEN_RE.finditer(text))


def is_acronym(text: str) -> bool:
    """True for an all-capitals alias (IS, EI, CMA): matched only as written, never as a common word."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)
