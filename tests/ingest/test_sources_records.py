"""JSONL and CSV corpora: one document per row, bad rows become Failures naming file:line."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

from flashpoint.ingest.sources import RawDocument, iter_documents
from flashpoint.model import Failure

TEXT_A = "Militiamen burned a health centre in the western district, aid workers said."
TEXT_B = "Police dispersed a sit-in by teachers demanding unpaid salaries in the capital."


def _write_jsonl(path: Path, rows: list[object]) -> Path:
    path.write_text("\n".join(row if isinstance(row, str) else json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    return path


def test_jsonl_rows_become_documents_with_metadata(tmp_path: Path) -> None:
    path = _write_jsonl(
        tmp_path / "docs.jsonl",
        [
            {"id": "r1", "text": TEXT_A, "published": "2023-05-02", "source": "Radio Ouest", "title": "Clinic burned"},
            "",
            {"text": TEXT_B, "published": "2023-05-03T08:15:00Z", "url": "https://example.org/b"},
        ],
    )
    docs = list(iter_documents(path, max_chars=10_000))
    assert docs == [
        RawDocument(TEXT_A, f"{path}:1", None, dt.date(2023, 5, 2), "Radio Ouest", "Clinic burned", "r1"),
        RawDocument(TEXT_B, f"{path}:3", "https://example.org/b", dt.date(2023, 5, 3), None, None, None),
    ]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "JSON list, not an object"),
        (json.dumps({"title": "no text"}), "no text and no url"),
        (json.dumps({"text": "   "}), "no text and no url"),
        (json.dumps({"text": 42}), "field 'text' is a int"),
        (json.dumps({"text": TEXT_A, "published": "2023-02-31"}), "published '2023-02-31' is not a date"),
        (json.dumps({"text": TEXT_A, "published": "last week"}), "is not a date"),
        (json.dumps({"text": "a\u0000b"}), "NUL characters"),
        (json.dumps({"text": "word " * 500}), "over the limit of 1,000"),
        ("[" * 3_000 + "]" * 3_000, "not valid JSON"),
    ],
    ids=["broken", "list", "no-text", "blank-text", "int-text", "31-february", "vague-date", "nul", "too-long",
         "deep-nesting"],
)  # fmt: skip
def test_jsonl_bad_row_is_a_failure_and_iteration_goes_on(tmp_path: Path, line: str, reason: str) -> None:
    path = _write_jsonl(tmp_path / "docs.jsonl", [line, {"text": TEXT_B}])
    bad, good = list(iter_documents(path, max_chars=1_000))
    assert isinstance(bad, Failure) and reason in bad.error
    assert bad.path == f"{path}:1" and bad.stage == "ingest"
    assert isinstance(good, RawDocument) and good.text == TEXT_B


def test_jsonl_invalid_utf8_and_oversized_lines(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_bytes(b'{"text": "caf\xe9"}\n' + b'{"text": "' + b"y" * 9000 + b'"}\n' + json.dumps({"text": TEXT_A}).encode())
    first, second, third = list(iter_documents(path, max_chars=1_000))
    assert isinstance(first, Failure) and "not valid UTF-8" in first.error
    assert isinstance(second, Failure) and "over the size limit" in second.error
    assert isinstance(third, RawDocument) and third.path == f"{path}:3"


def _write_csv(path: Path, header: list[str], rows: list[list[str]], encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_csv_rows_become_documents(tmp_path: Path) -> None:
    long_text = "Long report. " * 20_000  # over csv's default 128 KiB field cap
    path = _write_csv(
        tmp_path / "docs.csv",
        ["ID", "Text", "Published", "Source"],
        [["a", TEXT_A, "2022-11-30", "Le Courrier"], ["b", "", "", ""], ["c", long_text, "", ""]],
    )
    first, second, third = list(iter_documents(path, max_chars=500_000))
    assert first == RawDocument(TEXT_A, f"{path}:2", None, dt.date(2022, 11, 30), "Le Courrier", None, "a")
    assert isinstance(second, Failure) and second.path == f"{path}:3" and "no text and no url" in second.error
    assert isinstance(third, RawDocument) and len(third.text) == len(long_text)


def test_csv_in_cp1252_is_decoded(tmp_path: Path) -> None:
    path = _write_csv(tmp_path / "docs.csv", ["text"], [["Attaque à Ségou, “trois morts”"]], encoding="cp1252")
    [doc] = list(iter_documents(path, max_chars=1_000))
    assert isinstance(doc, RawDocument) and doc.text == "Attaque à Ségou, “trois morts”"


def test_csv_without_text_column_is_one_failure(tmp_path: Path) -> None:
    path = _write_csv(tmp_path / "docs.csv", ["headline", "date"], [["x", "y"]])
    [failure] = list(iter_documents(path, max_chars=1_000))
    assert isinstance(failure, Failure) and "no 'text' or 'url' column (columns: headline, date)" in failure.error


def test_jsonl_lone_surrogates_and_invisible_characters_are_cleaned(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text('{"text": "Clashes in Mé\\u00adnaka\\u200b \\ud800 today"}\n', encoding="utf-8")
    [doc] = list(iter_documents(path, max_chars=1_000))
    assert isinstance(doc, RawDocument) and doc.text == "Clashes in Ménaka \ufffd today"
    assert doc.to_document().doc_id  # hashable: no surrogate reaches the content hash
