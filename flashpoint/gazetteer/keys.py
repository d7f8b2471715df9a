"""Index keys that make Arabic-via-English/French spellings of a name collide.

Three keys per name, each stored as an indexed row so candidate generation is a
few B-tree seeks, never a scan:

- the normalised name itself (exact match after `normalise_name`);
- a consonant skeleton: French/English digraphs folded (ou/w/u, ch/sh, dj/j,
  kh/gh/q/g/k), nasals before b dropped, vowels dropped, doubled letters merged.
  "Tamalt" and "Tamalat" share `tmlt`; "Andéramboukane" and "Anderanboukan" share `ndrbkn`;
- a phonetic class key: the skeleton with consonants grouped by place of
  articulation (t/d, s/z/j, b/f, k), catching voicing swaps the skeleton keeps apart.

Edit distance re-scores every candidate afterwards (`ranking.py`), so these keys
favour recall.

Example:
    >>> skeleton_key("tamalat"), skeleton_key("tamalt")
    ('tmlt', 'tmlt')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flashpoint.gazetteer.normalise import compact_name, normalise_name

# Order matters: longer spellings first so "tch" is read before "ch".
_DIGRAPHS: tuple[tuple[str, str], ...] = (
    ("tch", "s"),
    ("dj", "j"),
    ("ch", "s"),
    ("sh", "s"),
    ("kh", "k"),
    ("gh", "k"),
    ("ph", "f"),
    ("th", "t"),
    ("dh", "d"),
    ("ck", "k"),
    ("ou", "u"),
    ("qu", "k"),
)
_SOFT_C = re.compile(r"c(?=[eiy])")
_LETTER_MAP = str.maketrans({"q": "k", "g": "k", "c": "k", "x": "k", "z": "s", "p": "b", "v": "f"})
_NASAL_BEFORE_B = re.compile(r"[nm]+(?=b)")
# Vowels plus the letters French and English spellings add or drop around them
# ("Ouagadougou" / "Wagadugu"; silent h).
_VOWELS = re.compile(r"[aeiouyhw']")
_DOUBLED = re.compile(r"(.)\1+")
_CLASSES = str.maketrans({"d": "t", "j": "s", "f": "b", "m": "n"})

NORM_PREFIX, SKELETON_PREFIX, PHONETIC_PREFIX = "n ", "s ", "p "


@dataclass(frozen=True, slots=True)
class NameKeys:
    """The normalised form of a name and its index keys (without prefixes)."""

    norm: str
    skeleton: str
    phonetic: str

    def prefixed(self) -> tuple[str, ...]:
        """Keys as stored in the index, each tagged with its kind; empty keys left out."""
        pairs = ((NORM_PREFIX, self.norm), (SKELETON_PREFIX, self.skeleton), (PHONETIC_PREFIX, self.phonetic))
        return tuple(prefix + key for prefix, key in pairs if key)


def _fold_spelling(compact: str) -> str:
    folded = _SOFT_C.sub("s", compact)
    for spelling, sound in _DIGRAPHS:
        folded = folded.replace(spelling, sound)
    folded = folded.translate(_LETTER_MAP)
    return _NASAL_BEFORE_B.sub("", folded)


def skeleton_key(norm: str) -> str:
    """Consonant skeleton of a normalised name ("" when it has no consonant)."""
    folded = _fold_spelling(compact_name(norm))
    return _DOUBLED.sub(r"\1", _VOWELS.sub("", folded))


def phonetic_key(skeleton: str) -> str:
    """Consonant classes of a skeleton; "" when too short to be selective (< 3 consonants)."""
    classes = _DOUBLED.sub(r"\1", skeleton.translate(_CLASSES))
    return classes if len(classes) >= 3 else ""


def name_keys(name: str) -> NameKeys:
    """Normalise `name` and compute its keys. Never raises; empty keys for empty names."""
    norm = normalise_name(name)
    skeleton = skeleton_key(norm)
    return NameKeys(norm=norm, skeleton=skeleton, phonetic=phonetic_key(skeleton))
