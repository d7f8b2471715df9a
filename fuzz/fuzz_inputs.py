"""Deterministic hostile inputs for the fuzz run: input `i` of seed `s` is always the same.

Families mix what reports really contain (numbers, dates, casualty phrases in English
and French, HTML) with what attackers and broken tools send (random Unicode, bidi and
zero-width characters, huge tokens, tag soup, random bytes with file magic).
"""

from __future__ import annotations

import random
from collections.abc import Callable

# Lone surrogates are excluded: the ingest boundary (decode_bytes, finalise) never lets
# them through, and str.encode would fail on them before any target ran.
_RANGES = (
    (0x20, 0x7E), (0x00, 0x1F), (0x80, 0x24F), (0x300, 0x36F), (0x370, 0x3FF), (0x400, 0x4FF),
    (0x590, 0x5FF), (0x600, 0x6FF), (0x900, 0x97F), (0x2000, 0x206F), (0x20A0, 0x20CF),
    (0x2100, 0x214F), (0x2460, 0x24FF), (0x3000, 0x30FF), (0x4E00, 0x4FFF), (0xFB50, 0xFDFF),
    (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFF00, 0xFFEF), (0xFFF9, 0xFFFD), (0x1F300, 0x1F64F),
    (0x1D400, 0x1D7FF), (0xE0000, 0xE007F), (0x10FFF0, 0x10FFFF),
)  # fmt: skip
_NUMBERS = (
    "0", "1", "2", "3", "12", "40", "100", "1,000", "1.000", "1 000", "2.5", "-5", "1e9", "1E+300", "10^12", "NaN",
    "inf", "infinity", "0x7fffffff", "999999999999999999999999", "½", "٣", "٢٠", "三", "Ⅻ", "²", "1st", "3rd",
    "dozens", "scores", "hundreds", "thousands", "a dozen", "une dizaine", "des centaines", "one", "two", "twenty-one",
    "vingt-et-un", "quatre-vingt-dix", "at least", "more than", "up to", "nearly", "some", "about", "plus de", "au moins",
)  # fmt: skip
_OUTCOMES = (
    "killed", "dead", "died", "wounded", "injured", "abducted", "kidnapped", "displaced", "missing", "tués", "morts",
    "blessés", "enlevés", "déplacés", "people", "civilians", "soldiers", "fighters", "personnes", "civils", "militaires",
)  # fmt: skip
_MONTHS = (
    "January", "February", "March", "May", "June", "September", "December", "janvier", "février", "mars", "mai",
    "août", "décembre", "Feb", "Sept", "Dec.", "MARCH",
)  # fmt: skip
_TIME_WORDS = (
    "on", "in", "since", "until", "between", "and", "from", "to", "last", "next", "this", "early", "late", "mid",
    "the", "of", "depuis", "jusqu'au", "entre", "et", "le", "dernier", "prochain", "début", "fin", "mi-", "yesterday",
    "hier", "today", "Monday", "lundi", "week", "semaine", "month", "mois", "year", "an", "ago", "il y a", "—", "–",
)  # fmt: skip
_WORDS = (
    "gunmen", "attacked", "the", "village", "of", "Ménaka", "Gao", "Tin-Tabakat", "al-Nusra", "JNIM", "army", "said",
    "according", "to", "sources", "hommes", "armés", "ont", "attaqué", "le", "camp", "selon", "des", "El", "Al",
    "St.", "Mr", "U.N.", "«", "»", "“", "”", "(", ")", ",", ".", ";", ":", "!", "?", "...", "'", "’", "-", "/", "\n",
)  # fmt: skip
_TAGS = ("p", "div", "a", "b", "i", "span", "script", "style", "table", "tr", "td", "nav", "article", "header", "br",
         "html", "body", "head", "title", "meta", "iframe", "svg", "math", "template", "noscript", "li", "ul")  # fmt: skip
_ATTRIBUTES = ("", " class=x", " href=/a", ' a="<b>"', " style='x:expression(1)'", " onload=alert(1)")
_MARKUP = ("<!DOCTYPE html>", "<?xml version='1.0'?>", "<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&lt;", "&#0;",
           "&#x110000;", "&#99999999999;", "&nbsp;", "&bogus;", "<", ">", "</", "/>", "=\"", "'", "<rss>", "<feed>")  # fmt: skip
_NAUGHTY = (
    "", " ", "\n\n\n", "\t\r\n\x0b\x0c", "\u200b" * 5, "\u202etxt.exe", "\ufeff" * 3, "\u00ad", "Z̸̡̛͓̙a̸̧͖l̵g̶o̷",
    "🔥" * 20, "👩‍👩‍👧‍👦", "٠١٢٣٤٥٦٧٨٩", "ﷺ", "𝐤𝐢𝐥𝐥𝐞𝐝", "ＫＩＬＬＥＤ", "İ", "ß" * 10, "ﬁ", "\u0000",
    "null", "None", "undefined", "-1", "1/0", "$(reboot)", "'; DROP TABLE events; --", "<script>alert(1)</script>",
    "{{7*7}}", "%s%s%s%n", "\\x00", "A" * 5000, "a " * 3000, "." * 4000, "31 February 2023", "2023-02-30",
    "30/02/2023", "the 45th of March", "year 0", "9999-12-31", "0001-01-01", "32 décembre", "February 29, 2023",
    "February 29, 2024", "between 5 and 3 killed", "from 10 to 2 dead", "-3 people killed", "1e9 killed",
)  # fmt: skip
_MAGIC = (b"%PDF-1.4", b"PK\x03\x04", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"\x1f\x8b", b"\xef\xbb\xbf",
          b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff", b"<rss", b"<html>")  # fmt: skip
_CODECS = ("utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1", "utf-8-sig", "ascii")


def _unicode(rng: random.Random, size: int) -> str:
    chars = []
    for _ in range(size):
        low, high = rng.choice(_RANGES)
        chars.append(chr(rng.randint(low, high)))
    return "".join(chars)


def _ascii(rng: random.Random, size: int) -> str:
    return "".join(chr(rng.randint(0x20, 0x7E)) if rng.random() > 0.05 else rng.choice("\n\t") for _ in range(size))


def _conflict(rng: random.Random, size: int) -> str:
    pools = (_NUMBERS, _OUTCOMES, _MONTHS, _TIME_WORDS, _WORDS, _WORDS, _NAUGHTY[:20])
    parts: list[str] = []
    for _ in range(max(1, size // 6)):
        pool = rng.choice(pools)
        parts.append(rng.choice(pool))
        if rng.random() < 0.15:
            parts.append(str(rng.choice((rng.randint(0, 40), rng.randint(1900, 2100), rng.randint(-10**6, 10**12)))))
    return rng.choice((" ", " ", "", "  ", "\n")).join(parts)


def _html(rng: random.Random, size: int) -> str:
    parts: list[str] = []
    for _ in range(max(1, size // 8)):
        roll = rng.random()
        if roll < 0.35:
            parts.append(f"<{rng.choice(_TAGS)}{rng.choice(_ATTRIBUTES)}>")
        elif roll < 0.55:
            parts.append(f"</{rng.choice(_TAGS)}>")
        elif roll < 0.7:
            parts.append(rng.choice(_MARKUP))
        else:
            parts.append(_conflict(rng, rng.randint(5, 80)))
    if rng.random() < 0.05:
        depth = rng.choice((300, 3000, 30000))
        parts.insert(rng.randint(0, len(parts)), f"<{rng.choice(_TAGS)}>" * depth)
    return "".join(parts)


def _naughty(rng: random.Random, size: int) -> str:
    return "".join(rng.choice(_NAUGHTY) for _ in range(rng.randint(1, 4)))


def _mutate(rng: random.Random, text: str) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, 8)):
        position = rng.randint(0, len(chars))
        roll = rng.random()
        if roll < 0.4:
            chars.insert(position, _unicode(rng, 1))
        elif roll < 0.6 and chars:
            del chars[min(position, len(chars) - 1)]
        elif roll < 0.8 and chars:
            start = min(position, len(chars) - 1)
            chars[start:start] = chars[start : start + rng.randint(1, 30)] * rng.randint(2, 20)
        else:
            chars.insert(position, rng.choice(_NAUGHTY))
    return "".join(chars)


_FAMILIES: tuple[tuple[str, Callable[[random.Random, int], str], float], ...] = (
    ("unicode", _unicode, 0.15),
    ("ascii", _ascii, 0.1),
    ("conflict", _conflict, 0.3),
    ("html", _html, 0.15),
    ("naughty", _naughty, 0.1),
    ("mutated", lambda rng, size: _mutate(rng, _conflict(rng, size)), 0.2),
)


def make_text(seed: int, index: int) -> tuple[str, str]:
    """The `index`-th text input of `seed`, with its family name."""
    rng = random.Random(seed * 1_000_003 + index)
    name, build, _ = rng.choices(_FAMILIES, weights=[family[2] for family in _FAMILIES])[0]
    roll = rng.random()
    # Mostly sentence-sized, sometimes a page, rarely a very long report.
    if roll < 0.45:
        size = rng.randint(0, 40)
    elif roll < 0.9:
        size = rng.randint(0, 250)
    elif roll < 0.995:
        size = rng.randint(250, 3000)
    else:
        size = rng.randint(10_000, 50_000)
    return name, build(rng, size)


def make_bytes(seed: int, index: int, text: str) -> bytes:
    """Bytes for the byte-facing targets: the text in some encoding, random bytes, or file magic."""
    rng = random.Random(seed * 7_000_009 + index)
    roll = rng.random()
    if roll < 0.5:
        data = text.encode(rng.choice(_CODECS), errors="replace")
    elif roll < 0.7:
        data = rng.randbytes(rng.randint(0, 600))
    else:
        data = rng.choice(_MAGIC) + text.encode("utf-8", errors="replace")[: rng.randint(0, 400)]
    if data and rng.random() < 0.3:
        cut = bytearray(data)
        for _ in range(rng.randint(1, 5)):
            cut[rng.randrange(len(cut))] = rng.randrange(256)
        data = bytes(cut)
    return data
