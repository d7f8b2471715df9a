"""read_path and iter_documents over files, folders and stdin."""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

import pytest

from flashpoint.errors import InputError
from flashpoint.ingest.sources import RawDocument, iter_documents, read_path
from flashpoint.model import Failure

REPORT = "Shelling hit the northern suburbs overnight, local medics said on Friday.\n"


def test_read_path_reads_text_file(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    doc = read_path(path, max_chars=10_000)
    assert doc == RawDocument(REPORT, str(path), None, None, None, None, None)


def test_read_path_extracts_html(tmp_path: Path, article_page: str) -> None:
    path = tmp_path / "page.HTM"
    path.write_text(article_page, encoding="utf-8")
    doc = read_path(path, max_chars=10_000)
    assert doc.title == "Gunmen attack cattle market near Kelvara"
    assert "cattle market" in doc.text and "<p>" not in doc.text


def test_read_path_rejects_50mb_file_quickly_by_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.write(REPORT.encode() * (50_000_000 // len(REPORT)))
    started = time.monotonic()
    with pytest.raises(InputError, match=r"file is 50\.0 MB, over the limit of 2,000,000 characters") as caught:
        read_path(path, max_chars=2_000_000)
    assert time.monotonic() - started < 0.5
    assert caught.value.path == str(path)


def test_read_path_rejects_text_over_char_limit(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("word " * 300, encoding="utf-8")
    with pytest.raises(InputError, match="1,500 characters, over the limit of 1,000"):
        read_path(path, max_chars=1_000)


@pytest.mark.parametrize(("make", "reason"), [("missing", "no such file"), ("folder", "is not a file")])
def test_read_path_names_missing_and_folders(tmp_path: Path, make: str, reason: str) -> None:
    path = tmp_path / "thing"
    if make == "folder":
        path.mkdir()
    with pytest.raises(InputError, match=reason):
        read_path(path, max_chars=100)


def test_iter_documents_folder_is_recursive_sorted_and_survives_bad_files(tmp_path: Path, article_page: str) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "z.md").write_text("# Note\n" + REPORT, encoding="utf-8")
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "c.html").write_text(article_page, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.4 fake")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / ".hidden" / "secret.txt").write_text(REPORT, encoding="utf-8")
    items = list(iter_documents(tmp_path, max_chars=10_000))
    names = [Path(item.path or "").relative_to(tmp_path).as_posix() for item in items]
    assert names == ["a.txt", "c.html", "empty.txt", "scan.txt", "b/z.md"]
    failures = [item for item in items if isinstance(item, Failure)]
    assert [(f.stage, f.doc_id, f.error) for f in failures] == [
        ("ingest", None, "file is empty"),
        ("ingest", None, "looks like a PDF, not text"),
    ]


def test_iter_documents_single_file_failure_is_yielded_not_raised(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text("   \n", encoding="utf-8")
    assert list(iter_documents(str(path), max_chars=100)) == [
        Failure(doc_id=None, stage="ingest", error="contains only whitespace", path=str(path))
    ]


def test_iter_documents_missing_target_raises(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        list(iter_documents(tmp_path / "nope", max_chars=100))


@pytest.mark.parametrize(
    ("data", "expected_title"),
    [
        (REPORT.encode("cp1252"), None),
        (b"<!DOCTYPE html><html><head><title>T</title></head><body><article><p>" + REPORT.encode() * 3 + b"</p></article></body></html>", "T"),
    ],
    ids=["text", "html"],
)
def test_iter_documents_reads_stdin(
    monkeypatch: pytest.MonkeyPatch, data: bytes, expected_title: str | None
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    [doc] = list(iter_documents("-", max_chars=10_000))
    assert isinstance(doc, RawDocument)
    assert doc.path == "<stdin>" and doc.title == expected_title
    assert doc.text.startswith("Shelling hit the northern suburbs") and "<" not in doc.text


def test_iter_documents_stdin_over_limit_fails_cleanly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 5000)))
    [item] = list(iter_documents("-", max_chars=1000))
    assert isinstance(item, Failure) and "over the limit of 1,000 characters" in item.error


def test_raw_document_to_document_keeps_metadata() -> None:
    raw = RawDocument("Text\r\nhere", "a.txt", "https://example.org/a", None, "Courier", "Title", "id-1")
    doc = raw.to_document()
    assert (doc.text, doc.doc_id, doc.path, doc.url, doc.source, doc.title) == (
        "Text\nhere", "id-1", "a.txt", "https://example.org/a", "Courier", "Title",
    )  # fmt: skip
