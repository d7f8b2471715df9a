"""Documents from JSONL and CSV files: one row each, columns `text`, `published`, `url`, `source`, `title`, `id`.

A row without text but with a `url` is fetched (SSRF-safe). A bad row becomes a
`Failure` naming `file:line` and the reason; the file is read line by line, so a
corpus of any size streams and one giant line cannot exhaust memory.

Example file line:
    {"id": "r1", "text": "Two soldiers were killed ...", "published": "2023-04-02", "source": "Radio X"}
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from functools import partial
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

from flashpoint.errors import InputError
from flashpoint.ingest.fetch import fetch_url
from flashpoint.ingest.raw import RawDocument, finalise, guarded, ingest_failure
from flashpoint.model import Failure

# A row may hold one document: allow up to 4 bytes per character of the text limit.
_BYTES_PER_CHAR = 4
_TEXT_FIELDS = ("text", "url")


def parse_date(value: object, *, where: str) -> dt.date | None:
    """`YYYY-MM-DD` or an ISO timestamp to a date; blank is None; anything else is an InputError."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    raw = str(value).strip()
    try:
        return dt.date.fromisoformat(raw[:10])
    except ValueError as exc:
        message = f"published {raw!r} is not a date (YYYY-MM-DD)"
        raise InputError(message, path=where, field="published", value=raw) from exc


def _optional_str(row: Mapping[str, object], *keys: str) -> str | None:
    for key in keys:
        value = row.get(key)
        if value is not None and str(value).strip():
            return str(value).strip()
    return None


def row_to_document(
    row: Mapping[str, object], *, where: str, max_chars: int, allow_private: bool = False
) -> RawDocument:
    """One JSONL object or CSV row to a `RawDocument`, fetching `url` when there is no `text`."""
    text = row.get("text")
    url = _optional_str(row, "url")
    published = parse_date(row.get("published"), where=where)
    if text is not None and not isinstance(text, str):
        raise InputError(f"field 'text' is a {type(text).__name__}, not a string", path=where, field="text")
    if not (text or "").strip():
        if url is None:
            raise InputError("row has no text and no url", path=where, field="text")
        text = fetch_url(url, allow_private=allow_private).text
    doc = RawDocument(
        text=text or "",
        path=where,
        url=url,
        published=published,
        source=_optional_str(row, "source"),
        title=_optional_str(row, "title"),
        doc_id=_optional_str(row, "id", "doc_id"),
    )
    return finalise(doc, max_chars=max_chars, where=where)


def _capped_lines(stream: BinaryIO, cap: int) -> Iterator[bytes | None]:
    """Lines of at most `cap` bytes; a longer line is skipped and yields None."""
    while line := stream.readline(cap + 1):
        if len(line) <= cap or line.endswith(b"\n"):
            yield line
            continue
        while (rest := stream.readline(cap)) and not rest.endswith(b"\n"):
            pass
        yield None


def _json_row(line: bytes, *, where: str) -> Mapping[str, object]:
    try:
        row = json.loads(line.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise InputError(f"line is not valid UTF-8 ({exc.reason})", path=where) from exc
    except (json.JSONDecodeError, RecursionError) as exc:
        raise InputError(f"line is not valid JSON ({exc})", path=where) from exc
    if not isinstance(row, dict):
        raise InputError(f"line is a JSON {type(row).__name__}, not an object", path=where)
    return row


def iter_jsonl(path: Path, *, max_chars: int, allow_private: bool = False) -> Iterator[RawDocument | Failure]:
    """Documents of a JSONL file, one object per line; blank lines are skipped."""
    cap = max_chars * _BYTES_PER_CHAR + 4096
    with path.open("rb") as stream:
        for number, line in enumerate(_capped_lines(stream, cap), start=1):
            where = f"{path}:{number}"
            if line is None:
                yield ingest_failure(where, InputError(f"line is over the size limit of {cap:,} bytes", path=where))
            elif line.strip():
                yield guarded(where, partial(_jsonl_document, line, where, max_chars, allow_private))


def _jsonl_document(line: bytes, where: str, max_chars: int, allow_private: bool) -> RawDocument:
    row = _json_row(line, where=where)
    return row_to_document(row, where=where, max_chars=max_chars, allow_private=allow_private)


def _text_stream(raw: BinaryIO) -> io.TextIOWrapper:
    """UTF-8 when the start of the file is valid UTF-8, else cp1252; bad bytes are replaced, never fatal."""
    head = raw.peek(65536)[:65536] if isinstance(raw, io.BufferedReader) else b""
    try:
        head.decode("utf-8")
        encoding = "utf-8-sig"
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the sample is still UTF-8.
        encoding = "utf-8-sig" if exc.start >= len(head) - 3 else "cp1252"
    return io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")


def iter_csv(path: Path, *, max_chars: int, allow_private: bool = False) -> Iterator[RawDocument | Failure]:
    """Documents of a CSV file with a header row naming at least `text` or `url`."""
    # The csv module caps fields at 128 KiB by default; a report may be longer.
    csv.field_size_limit(max(csv.field_size_limit(), max_chars + 1))
    with path.open("rb", buffering=65536) as raw, _text_stream(raw) as stream:
        reader = csv.DictReader(stream)
        columns = [name.strip().lower() for name in reader.fieldnames or []]
        if not any(field in columns for field in _TEXT_FIELDS):
            yield ingest_failure(
                str(path), InputError(f"CSV has no 'text' or 'url' column (columns: {', '.join(columns) or 'none'})")
            )
            return
        yield from _csv_rows(reader, path=path, max_chars=max_chars, allow_private=allow_private)


def _csv_rows(
    reader: csv.DictReader[str], *, path: Path, max_chars: int, allow_private: bool
) -> Iterator[RawDocument | Failure]:
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield ingest_failure(f"{path}:{reader.line_num}", InputError(f"bad CSV row ({exc})"))
            continue
        where = f"{path}:{reader.line_num}"
        cleaned = {str(key).strip().lower(): value for key, value in row.items() if key is not None}
        read = partial(row_to_document, cleaned, where=where, max_chars=max_chars, allow_private=allow_private)
        yield guarded(where, read)
