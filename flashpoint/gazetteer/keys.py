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
from typing import NamedTuple

from flashpoint.gazetteer.normalise import normalise_name

# Spellings folded to one sound, applied in this order ("tch" before "ch", "ch" before
# a soft "c"). Then a nasal before "b" is dropped ("Andéramboukane"/"Anderanboukan").
_FOLDS: tuple[tuple[str, str], ...] = (
    ("tch", "s"), ("dj", "j"), ("ch", "s"), ("sh", "s"), ("kh", "k"), ("gh", "k"), ("ph", "f"),
    ("th", "t"), ("dh", "d"), ("ck", "k"), ("ou", "u"), ("qu", "k"), ("ce", "se"), ("ci", "si"), ("cy", "sy"),
)
_DOUBLED = re.compile(r"(.)\1+")
# Then single letters: hard consonants merged, vowels and the letters French and English
# spellings add or drop around them dropped ("Ouagadougou"/"Wagadugu"; silent h).
# Names reach here normalised to ASCII, so byte tables (much faster than str.translate
# with a dict; this runs for every indexed name) can do the letter mapping.
_LETTERS = bytes.maketrans(b"qgcxzpv", b"kkkksbf")
_DROPPED = b"aeiouyhw'"
_CLASSES = bytes.maketrans(b"djfm", b"tsbn")

NORM_PREFIX, SKELETON_PREFIX, PHONETIC_PREFIX = "n ", "s ", "p "


class NameKeys(NamedTuple):
    """The normalised form of a name and its index keys (without prefixes)."""

    norm: str
    skeleton: str
    phonetic: str

    def prefixed(self) -> tuple[str, ...]:
        """Keys as stored in the index, each tagged with its kind; empty keys left out."""
        keys = [NORM_PREFIX + self.norm]
        if self.skeleton:
            keys.append(SKELETON_PREFIX + self.skeleton)
        # A phonetic key equal to the skeleton adds nothing: queries also probe the
        # skeleton column with their phonetic key (`query_keys`).
        if self.phonetic and self.phonetic != self.skeleton:
            keys.append(PHONETIC_PREFIX + self.phonetic)
        return tuple(keys) if self.norm else ()

    def query_keys(self) -> tuple[str, ...]:
        """Index keys a lookup of this name probes: its own keys plus its phonetic key as a skeleton."""
        keys = [NORM_PREFIX + self.norm, SKELETON_PREFIX + self.skeleton]
        if self.phonetic:
            keys.append(PHONETIC_PREFIX + self.phonetic)
            if self.phonetic != self.skeleton:
                keys.append(SKELETON_PREFIX + self.phonetic)
        return tuple(key for key in keys if len(key) > 2)


class QueryKeys:
    """A lookup's keys, read like `NameKeys`: the normalised name at once, the spelling-variant
    keys (skeleton, phonetic) on first use. Most lookups find the exact name and never probe
    or score a variant, and those keys cost more to compute than the normalised name."""

    __slots__ = ("norm", "_keys")

    def __init__(self, norm: str) -> None:
        self.norm = norm
        self._keys: NameKeys | None = None

    def keys(self) -> NameKeys:
        """All the keys (computed once; threads racing here compute the same value)."""
        if self._keys is None:
            self._keys = keys_of_norm(self.norm)
        return self._keys

    @property
    def skeleton(self) -> str:
        return self.keys().skeleton

    @property
    def phonetic(self) -> str:
        return self.keys().phonetic

    def query_keys(self) -> tuple[str, ...]:
        """`NameKeys.query_keys`."""
        return self.keys().query_keys()


AnyKeys = NameKeys | QueryKeys
"""What lookups accept as a query's keys."""


def _merge_doubles(text: str) -> str:
    # Most skeletons have no doubled letter: a C-level search avoids the substitution.
    return _DOUBLED.sub(r"\1", text) if _DOUBLED.search(text) else text


def skeleton_key(norm: str) -> str:
    """Consonant skeleton of a normalised name ("" when it has no consonant)."""
    # str.replace chains beat one regex with a callback ~3x here; this runs per name.
    folded = norm.replace(" ", "")
    for spelling, sound in _FOLDS:
        if spelling in folded:
            folded = folded.replace(spelling, sound)
    while "nb" in folded or "mb" in folded:
        folded = folded.replace("nb", "b").replace("mb", "b")
    return _merge_doubles(folded.encode("ascii", "ignore").translate(_LETTERS, _DROPPED).decode("ascii"))


def phonetic_key(skeleton: str) -> str:
    """Consonant classes of a skeleton; "" when too short to be selective (< 3 consonants)."""
    classes = _merge_doubles(skeleton.encode("ascii").translate(_CLASSES).decode("ascii"))
    return classes if len(classes) >= 3 else ""


def name_keys(name: str) -> NameKeys:
    """Normalise `name` and compute its keys. Never raises; empty keys for empty names."""
    return keys_of_norm(normalise_name(name))


def keys_of_norm(norm: str) -> NameKeys:
    """Keys of an already normalised name."""
    skeleton = skeleton_key(norm)
    return NameKeys(norm=norm, skeleton=skeleton, phonetic=phonetic_key(skeleton))
