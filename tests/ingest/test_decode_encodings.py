"""decode_bytes: byte-order marks, UTF-8, UTF-16 without BOM, cp1252 and Latin-1."""

from __future__ import annotations

import codecs

import pytest

from flashpoint.ingest.decode import decode_bytes

SAMPLE = "Déjà vu à Tombouctou: “l’attaque” a eu lieu — 3 morts."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (SAMPLE.encode("utf-8"), SAMPLE),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), SAMPLE),
        (SAMPLE.encode("utf-16"), SAMPLE),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), SAMPLE),
        (SAMPLE.encode("utf-32"), SAMPLE),
        (codecs.BOM_UTF32_BE + SAMPLE.encode("utf-32-be"), SAMPLE),
        (SAMPLE.encode("utf-16-le"), SAMPLE),
        (SAMPLE.encode("utf-16-be"), SAMPLE),
        (SAMPLE.encode("cp1252"), SAMPLE),
        ("Garçon, café crème".encode("latin-1"), "Garçon, café crème"),
        ("Ménaka\n".encode("latin-1"), "Ménaka\n"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom-le", "utf16-bom-be", "utf32-bom", "utf32-bom-be", "utf16le-nobom",
         "utf16be-nobom", "cp1252", "latin1", "latin1-short"],
)  # fmt: skip
def test_decode_bytes_reads_common_encodings(data: bytes, expected: str) -> None:
    assert decode_bytes(data, path="report.txt") == expected


def test_decode_bytes_keeps_utf8_with_a_few_corrupt_bytes() -> None:
    data = "Les soldats ont été déployés à Gao.".encode("utf-8") + b"\xff\xfe!"
    text = decode_bytes(data)
    assert text.startswith("Les soldats ont été déployés à Gao.")
    assert "\ufffd" in text


def test_decode_bytes_uses_declared_encoding_first() -> None:
    data = "Ελληνικά νέα".encode("iso-8859-7")
    assert decode_bytes(data, encoding="iso-8859-7") == "Ελληνικά νέα"


def test_decode_bytes_ignores_wrong_declared_encoding() -> None:
    assert decode_bytes("café".encode("utf-8"), encoding="ascii") == "café"


def test_decode_bytes_bytes_0x80_to_0x9f_are_cp1252_not_c1_controls() -> None:
    assert decode_bytes(b"\x93quoted\x94 \x96 dash \x85") == "“quoted” – dash …"
