"""The Ray path gives the same events as the single-process path on the same input."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from flashpoint.build import build_pipeline
from flashpoint.export.records import event_json
from flashpoint.model import Document
from flashpoint.scale.ray_engine import extract_rows, run_ray
from flashpoint.settings import load_settings
from flashpoint.store.batch import ingest_documents
from flashpoint.store.engine import open_store
from flashpoint.store.repository import read_document
from flashpoint.store.testing import keyword_pipeline

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def stored_events(url: str, doc_ids: set[str]) -> dict[str, list[dict[str, Any]]]:
    store = open_store(url)
    try:
        with store.session() as session:
            docs = {doc_id: read_document(session, doc_id) for doc_id in doc_ids}
    finally:
        store.close()
    return {doc_id: [event_json(e) for e in doc.events] for doc_id, doc in docs.items() if doc is not None}


def write_reports(folder: Path, count: int) -> list[Document]:
    folder.mkdir()
    docs = []
    for i in range(count):
        text = f"Report {i}. A clash near the village of Kel {i} on Monday; {i + 2} killed. Calm returned."
        (folder / f"r{i:02d}.txt").write_text(text, encoding="utf-8")
        docs.append(Document.from_text(text))
    return docs


def test_ray_ingest_stores_what_local_ingest_stores(local_ray: Any, tmp_path: Path) -> None:
    docs = write_reports(tmp_path / "reports", 30)
    settings = load_settings(home=str(tmp_path / "home"))
    ray_url, local_url = f"sqlite:///{tmp_path / 'ray.sqlite'}", f"sqlite:///{tmp_path / 'local.sqlite'}"
    report = run_ray(tmp_path / "reports", settings=settings, num_cpus=2, store_url=ray_url,
                     factory=keyword_pipeline, window=12, quiet=True)
    local_store = open_store(local_url)
    ingest_documents(local_store, docs, pipeline_factory=keyword_pipeline)
    local_store.close()
    ids = {doc.doc_id for doc in docs}
    assert (report.done, report.skipped, report.failed) == (30, 0, 0)
    assert stored_events(ray_url, ids) == stored_events(local_url, ids)
    again = run_ray(tmp_path / "reports", settings=settings, num_cpus=2, store_url=ray_url,
                    factory=keyword_pipeline, quiet=True)
    assert (again.done, again.skipped, again.failed) == (0, 30, 0)


def test_ray_parquet_output_holds_every_local_event(local_ray: Any, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    docs = write_reports(tmp_path / "reports", 10)
    out = tmp_path / "out"
    report = run_ray(tmp_path / "reports", settings=load_settings(home=str(tmp_path / "home")), num_cpus=2,
                     output=out, factory=keyword_pipeline, quiet=True)
    nlp = keyword_pipeline()
    expected = sorted(json.dumps(event_json(e), sort_keys=True) for d in docs for e in nlp(d).events)
    records = pq.read_table(out / "events", columns=["record"]).column("record").to_pylist()
    assert report.done == 10
    assert sorted(json.dumps(json.loads(r), sort_keys=True) for r in records) == expected


def case_reports(shared_dir: Path, count: int) -> list[str]:
    """Report-length texts: the seed article, then CASE 2021 snippets joined ~2.5k characters each."""
    with (shared_dir / "eval/case2021-task2/test_set_final_release_with_labels.tsv").open(encoding="utf-8") as f:
        snippets = [row["EventSnippet"] for row in csv.DictReader(f, delimiter="\t")]
    texts, current = [(shared_dir / "seed/menaka-article.txt").read_text(encoding="utf-8")], []
    for snippet in snippets:
        current.append(snippet)
        if sum(map(len, current)) > 2500:
            texts.append("\n\n".join(current))
            current = []
        if len(texts) == count:
            break
    return texts


def test_ray_gives_the_same_events_as_one_process(local_ray: Any, shared_dir: Path, default_gazetteer: Path,
                                                  tmp_path: Path) -> None:
    settings = load_settings(home=str(tmp_path / "home"), gazetteer=str(default_gazetteer))
    docs = [Document.from_text(text, published=dt.date(2024, 5, 2)) for text in case_reports(shared_dir, 6)]
    nlp = build_pipeline(settings)
    local = {}
    for doc in docs:
        result = nlp.run_one_safe(doc)
        assert isinstance(result, Document), result
        local[doc.doc_id] = [event_json(e) for e in result.events]
    rows = list(extract_rows(docs, settings=settings, num_cpus=2, batch_size=2, quiet=True))
    distributed = {row["doc_id"]: json.loads(row["events"]) for row in rows}
    assert [row["status"] for row in rows] == ["done"] * len(docs)
    assert sum(map(len, local.values())) > 0
    assert distributed == local
