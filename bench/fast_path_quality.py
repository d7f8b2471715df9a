"""What the fast path costs in quality: the NER on every sentence (`ner_scope = all`) against
the default first pass (`initial`), on every eval set that carries report text.

- the seed report: event P/R/F1 against its gold (`../shared/seed/menaka-gold.jsonl`);
- CASE 2021 task 2: each snippet coded by the whole pipeline (its first event's sub-type, or
  none), scored as `flashpoint eval --case` scores the trigger classifier (weighted F1 over the
  25 ACLED sub-types);
- the benchmark corpus (no gold): the share of reports whose events are the same either way.

The issue's bound is a loss of at most 0.01 F1. Results go to `bench/results.json` under
"fast_path_quality" (other keys are kept).

    python bench/fast_path_quality.py [--docs 300]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_corpus import build_corpus, shared_dir  # noqa: E402  (sibling module of this script)

RESULTS = HERE / "results.json"
SCOPES = ("all", "initial")
MAX_LOSS = 0.01


def _events(nlp: Any, docs: list[Any]) -> list[Any]:
    from flashpoint.model import Document

    return [result.events if isinstance(result, Document) else None for result in nlp.pipe_safe(docs)]


def seed_f1(nlp: Any, shared: Path) -> dict[str, float]:
    """Event P/R/F1 of the pipeline on the seed report."""
    from flashpoint.evaluate.event_report import evaluate_events, predict_gold, summary
    from flashpoint.evaluate.events import read_gold

    golds = read_gold(shared / "seed" / "menaka-gold.jsonl")
    figures = summary(evaluate_events(golds, predict_gold(nlp, golds)))
    return {key: round(float(figures[key]), 4) for key in ("precision", "recall", "f1")}


def case_f1(nlp: Any, shared: Path) -> dict[str, float]:
    """CASE 2021 task 2 coded by the whole pipeline: each snippet's first event's sub-type."""
    from flashpoint.evaluate.case import evaluate_case
    from flashpoint.kb.trigger_lexicon import load_trigger_lexicon
    from flashpoint.model import Document

    def classify(snippets: list[str]) -> list[str | None]:
        coded = _events(nlp, [Document.from_text(text) for text in snippets])
        return [min(events, key=lambda e: e.trigger.span.start).sub_event_type if events else None for events in coded]

    report = evaluate_case(shared / "eval" / "case2021-task2" / "test_set_final_release_with_labels.tsv",
                           lexicon=load_trigger_lexicon(), classify=classify)
    return {key: round(float(report[key]), 4) for key in ("weighted_f1", "macro_f1", "event_f1")}


def corpus_events(nlp: Any, count: int) -> list[str]:
    """Each benchmark report's events, as text, for an agreement count."""
    from flashpoint.pipeline import make_document

    docs = [make_document(text, published="2021-06-01") for text in build_corpus(count)]
    return [repr(events) for events in _events(nlp, docs)]


def measure(docs: int) -> dict[str, Any]:
    from flashpoint.build import build_pipeline

    shared = shared_dir()
    by_scope: dict[str, dict[str, Any]] = {}
    corpus: dict[str, list[str]] = {}
    for scope in SCOPES:
        started = time.perf_counter()
        nlp = build_pipeline(ner_scope=scope)
        by_scope[scope] = {"seed": seed_f1(nlp, shared), "case": case_f1(nlp, shared)}
        corpus[scope] = corpus_events(nlp, docs)
        by_scope[scope]["seconds"] = round(time.perf_counter() - started, 1)
    full, fast = by_scope["all"], by_scope["initial"]
    loss = {"seed_event_f1": round(full["seed"]["f1"] - fast["seed"]["f1"], 4),
            "case_weighted_f1": round(full["case"]["weighted_f1"] - fast["case"]["weighted_f1"], 4)}
    same = sum(a == b for a, b in zip(corpus["all"], corpus["initial"]))
    return {"scopes": by_scope, "loss": loss, "max_loss": MAX_LOSS, "met": all(v <= MAX_LOSS for v in loss.values()),
            "corpus_reports_with_same_events": f"{same}/{docs}",
            "command": " ".join(["python bench/fast_path_quality.py", *sys.argv[1:]]),
            "measured": time.strftime("%Y-%m-%dT%H:%M:%S")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=300, help="benchmark reports compared for agreement")
    args = parser.parse_args()
    section = measure(args.docs)
    results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.is_file() else {}
    results["fast_path_quality"] = section
    RESULTS.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(json.dumps(section, indent=2))


if __name__ == "__main__":
    main()
