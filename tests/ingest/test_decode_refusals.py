"""decode_bytes refuses what is not text, naming the path and the reason."""

from __future__ import annotations

import gzip
import io
import zipfile

import pytest

from flashpoint.errors import InputError
from flashpoint.ingest.decode import check_text, decode_bytes


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("report.txt", "hello")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "file is empty"),
        (b" \n\t\r\n  ", "contains only whitespace"),
        ("   \n".encode("utf-16"), "contains only whitespace"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "looks like a PDF"),
        (b"\n\n  %PDF-1.5 after blank lines", "looks like a PDF"),
        (_zip_bytes(), "looks like a ZIP archive"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like a PNG image"),
        (gzip.compress(b"hello"), "looks like a gzip archive"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "looks like a JPEG image"),
        (b"some text\x00with a NUL in the middle", "contains NUL bytes"),
        (bytes(range(1, 9)) * 50 + b"text", "control characters"),
        (b"\xff\xfe\x00\xd8", "byte-order mark but is not valid UTF-16"),
    ],
    ids=["empty", "whitespace", "utf16-whitespace", "pdf", "pdf-late", "zip", "png", "gzip", "jpeg", "nul",
         "controls", "bad-utf16"],
)  # fmt: skip
def test_decode_bytes_refuses_non_text(data: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=reason) as caught:
        decode_bytes(data, path="inbox/report.txt")
    assert caught.value.path == "inbox/report.txt"
    assert str(caught.value).startswith("inbox/report.txt: ")


@pytest.mark.parametrize(
    ("text", "reason"),
    [("", "is empty"), ("  \n ", "only whitespace"), ("a\x00b", "NUL characters"), ("\x01\x02\x03abc", "control characters")],
)
def test_check_text_refuses_blank_and_binary_text(text: str, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        check_text(text, path="rows.jsonl:3")


def test_check_text_accepts_tabs_form_feeds_and_newlines() -> None:
    check_text("Column\tvalue\fnext page\r\nline")
