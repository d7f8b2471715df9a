"""Bytes to text: byte-order marks, UTF-8, cp1252, Latin-1; refuse binary files.

Reports arrive as UTF-8, as Windows "ANSI" (cp1252) from old newsroom tools, as
UTF-16 from Word's "Unicode text", and sometimes as PDFs renamed `.txt`. We decode
what is text and refuse, with the reason, what is not.

Example:
    >>> decode_bytes("Caf\\u00e9".encode("cp1252"))
    'Café'
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from flashpoint.errors import InputError

# Magic numbers of formats people rename to .txt; checked before any decoding.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.odt file)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc/.xls)"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"{\\rtf", "an RTF document"),
)

# UTF-32 first: its little-endian BOM starts with UTF-16's.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
# Invisible characters that split words ("Mé\u00adnaka", "clashes\u200b") or reorder display
# (bidi overrides); zero-width joiners are kept because Persian, Indic scripts and emoji need them.
_INVISIBLE = dict.fromkeys(
    map(ord, "\u00ad\u061c\u180e\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff")
)
# Real text has almost no control characters; binary decoded as Latin-1 has many.
_MAX_CONTROL_RATIO = 0.02
_SAMPLE_CHARS = 200_000
_SURROGATE = re.compile("[\ud800-\udfff]")


def decode_bytes(data: bytes, *, path: str | None = None, encoding: str | None = None) -> str:
    """Decode a report's bytes to text, or raise `InputError` saying why it is not text.

    Tries, in order: a byte-order mark (UTF-8/16/32), UTF-16 without BOM (detected by its
    NUL pattern), UTF-8 (lenient when a few bytes are corrupt), cp1252, then Latin-1.
    `encoding` (a charset an HTTP header declared) is tried first, after any BOM.
    A leading BOM character is dropped.

    Raises:
        InputError: empty or whitespace-only input, a known binary format ("looks like a
        PDF"), NUL bytes, or too many control characters. `path` is carried for messages.
    """
    if not data:
        raise InputError("file is empty", path=path)
    _refuse_known_binary(data, path)
    text = _decode(data, path, encoding)
    if text.startswith("\ufeff"):
        text = text[1:]
    check_text(text, path=path)
    return text


def strip_invisible(text: str) -> str:
    """Remove soft hyphens, zero-width spaces, BOMs and bidi controls, which hide inside names;
    replace lone surrogates (JSON can carry "\\ud800") with U+FFFD, since no encoder accepts them.

    Example:
        >>> strip_invisible("Mé\u00adnaka\u200b")
        'Ménaka'
    """
    return _SURROGATE.sub("\ufffd", text.translate(_INVISIBLE))


def check_text(text: str, *, path: str | None = None) -> None:
    """Refuse text that is not a report: blank, with NUL characters, or mostly control characters.

    Used on decoded files and on text that arrives already decoded (JSONL/CSV rows).

    Raises:
        InputError: naming `path` and the reason.
    """
    if not text.strip():
        raise InputError("contains only whitespace" if text else "is empty", path=path)
    if "\x00" in text:
        raise InputError("contains NUL characters, so it is binary, not text", path=path)
    _refuse_control_characters(text, path)


def _refuse_known_binary(data: bytes, path: str | None) -> None:
    for magic, name in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"looks like {name}, not text", path=path)
    if data[:512].lstrip().startswith(b"%PDF-"):
        raise InputError("looks like a PDF, not text", path=path)


def _decode(data: bytes, path: str | None, encoding: str | None) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                name = codec.upper().removesuffix("-SIG")
                message = f"has a {name} byte-order mark but is not valid {name}: {exc.reason}"
                raise InputError(message, path=path) from exc
    if encoding is not None and b"\x00" not in data:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong declared charset is common; detect instead
    if b"\x00" in data:
        return _decode_nul_bearing(data, path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_not_utf8(data)


def _decode_nul_bearing(data: bytes, path: str | None) -> str:
    """UTF-16 saved without a BOM puts a NUL beside every ASCII letter; anything else is binary."""
    codec = _utf16_without_bom(data)
    if codec is not None:
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            pass
    raise InputError("contains NUL bytes, so it is binary, not text", path=path)


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[: _SAMPLE_CHARS * 2]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nuls = sample[0::2].count(0) / (len(sample) // 2)
    odd_nuls = sample[1::2].count(0) / (len(sample) // 2)
    if odd_nuls > 0.5 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.5 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _decode_not_utf8(data: bytes) -> str:
    """Mostly-valid UTF-8 with a few corrupt bytes stays UTF-8; otherwise a legacy codepage."""
    lenient = data.decode("utf-8", errors="replace")
    corrupt = lenient.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    multibyte = sum(1 for char in lenient if ord(char) > 0x7F) - corrupt
    if multibyte >= corrupt:
        return lenient
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; Latin-1 maps every byte.
        return data.decode("latin-1")


def _refuse_control_characters(text: str, path: str | None) -> None:
    sample = text[:_SAMPLE_CHARS]
    controls = sum(1 for char in sample if char not in _ALLOWED_CONTROLS and unicodedata.category(char) == "Cc")
    if controls and controls / len(sample) > _MAX_CONTROL_RATIO:
        percent = 100 * controls / len(sample)
        raise InputError(f"looks binary: {percent:.0f}% of its characters are control characters", path=path)
