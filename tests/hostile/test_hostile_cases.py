"""Every hostile input in cases.yaml gets its expected outcome: a correct document or an
InputError/Failure naming the document and the reason, never an uncaught exception."""

from __future__ import annotations

import io
import random
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from flashpoint.errors import InputError
from flashpoint.ingest.sources import RawDocument, iter_documents
from flashpoint.model import Failure
from flashpoint.stages.language import LanguageStage

HERE = Path(__file__).parent
CASES: list[dict[str, Any]] = yaml.safe_load((HERE / "cases.yaml").read_text(encoding="utf-8"))["cases"]
MAX_CHARS = 2_000_000  # the max_doc_chars default
ENGLISH = "Gunmen attacked a checkpoint near Ségou on Sunday, killing two gendarmes, officials said. "
FRENCH = "Selon un témoin, “l’armée” a été déployée près de l’école après la fuite des élèves. "


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


GENERATORS: dict[str, Callable[[], bytes]] = {
    "pdf": lambda: b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF",
    "png": lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64),
    "zip": _zip,
    "nul_bytes": lambda: ENGLISH.encode() + b"\x00\x00\x00" + ENGLISH.encode(),
    "random_binary": lambda: random.Random(8).randbytes(4096).replace(b"\x00", b"\x01"),
    "invalid_utf8": lambda: ENGLISH.encode() + b"The bridge \xc3\x28 was \xff damaged. " + ENGLISH.encode(),
    "cp1252": lambda: (FRENCH * 3).encode("cp1252"),
    "latin1": lambda: "Les élèves ont quitté l'école du village après des tirs près du marché. ".encode("latin-1"),
    "utf16_bom": lambda: (ENGLISH * 3).encode("utf-16"),
    "utf16_no_bom": lambda: (ENGLISH * 3).encode("utf-16-le"),
    "text_50mb": lambda: ENGLISH.encode() * (50_000_000 // len(ENGLISH.encode())),
    "html_6mb": lambda: ("<html><body><p>" + ENGLISH * 64_000 + "</p></body></html>").encode(),
    "nested_divs": lambda: ("<div>" * 100_000 + ENGLISH + "</div>" * 100_000).encode(),
    "long_line": lambda: ENGLISH.replace(". ", "; ").encode() * 15_000,
}


def _materialise(case: dict[str, Any], folder: Path) -> Path:
    if "file" in case:
        return HERE / "files" / str(case["file"])
    path = folder / str(case["name"])
    path.write_bytes(GENERATORS[case["generate"]]())
    return path


@dataclass(frozen=True)
class Read:
    """A document that was read, and the language LanguageStage gave it."""

    doc: RawDocument
    lang: str | None


def _outcomes(path: Path) -> list[Read | Failure | InputError]:
    """Read every item, then identify each document's language, keeping errors as values."""
    results: list[Read | Failure | InputError] = []
    stage = LanguageStage()
    for item in iter_documents(path, max_chars=MAX_CHARS):
        if isinstance(item, Failure):
            results.append(item)
            continue
        try:
            results.append(Read(item, stage(item.to_document()).lang))
        except InputError as exc:
            results.append(exc)
    return results


def _check_error(case: dict[str, Any], outcome: object, path: Path) -> None:
    if isinstance(outcome, Failure):
        assert case["reason"] in outcome.error and outcome.stage == "ingest"
        assert outcome.path is not None and outcome.path.startswith(str(path))
    else:
        assert isinstance(outcome, InputError), f"{case['id']}: expected an error, got {outcome!r}"
        assert case["reason"] in outcome.message
        assert outcome.path is not None and outcome.path.startswith(str(path))


def _check_ok(case: dict[str, Any], outcomes: list[Any]) -> None:
    assert outcomes and all(isinstance(item, Read) for item in outcomes), outcomes
    assert len(outcomes) == case.get("count", len(outcomes))
    if "contains" in case:
        assert any(case["contains"] in item.doc.text for item in outcomes)
    if "lang" in case:
        assert all(item.lang == case["lang"] for item in outcomes)
    if "max_len" in case:
        assert all(len(item.doc.text) <= case["max_len"] for item in outcomes)


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_hostile_case_has_expected_outcome(case: dict[str, Any], tmp_path: Path) -> None:
    path = _materialise(case, tmp_path)
    started = time.monotonic()
    outcomes = _outcomes(path)
    assert time.monotonic() - started < case.get("seconds", 30), f"{case['id']} too slow"
    if case["expect"] == "input_error":
        assert len(outcomes) == 1
        _check_error(case, outcomes[0], path)
    elif case["expect"] == "mixed":
        assert sum(isinstance(item, Read) for item in outcomes) == case["oks"]
        errors = [item.error for item in outcomes if isinstance(item, Failure)]
        assert len(errors) == len(case["failures"])
        assert all(reason in error for reason, error in zip(case["failures"], errors, strict=True))
    else:
        _check_ok(case, outcomes)


def test_hostile_cases_table_is_complete() -> None:
    ids = [case["id"] for case in CASES]
    assert len(ids) == len(set(ids))
    used = {case["generate"] for case in CASES if "generate" in case}
    assert used == set(GENERATORS)
    listed = {case["file"] for case in CASES if "file" in case}
    assert listed == {path.name for path in (HERE / "files").iterdir()}
