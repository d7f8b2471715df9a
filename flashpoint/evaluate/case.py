"""Score the trigger classifier on the CASE 2021 task 2 set (snippets labelled with ACLED sub-types).

The file is a TSV with columns `id`, `EventSnippet`, `SubType`. Its 25 ACLED labels map
to our sub-types through the typology's `case_label`; the five labels outside ACLED
(disasters, crime, diplomacy, attribution) are gold "no conflict event". Predictions of
an ACLED sub-type for such a snippet count as false positives of that sub-type.
Weighted and macro F1 are taken over the 25 ACLED sub-types, the shared task's measure.

Example:
    >>> report = evaluate_case(Path("test_set_final_release_with_labels.tsv"), lexicon=lexicon)
    >>> print(format_case_report(report))
"""

from __future__ import annotations

import csv
import hashlib
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flashpoint.errors import InputError
from flashpoint.kb.trigger_lexicon import TriggerLexicon
from flashpoint.stages.triggers import classify_text

COLUMNS = ("id", "EventSnippet", "SubType")
NONE_LABEL = "(none)"


def read_case_tsv(path: Path) -> list[tuple[str, str, str]]:
    """Rows `(id, snippet, label)` of a CASE task 2 TSV; InputError on a missing file or bad header."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    except OSError as exc:
        raise InputError(f"cannot read CASE file: {exc}", path=str(path)) from exc
    if not rows or tuple(rows[0][:3]) != COLUMNS:
        raise InputError(f"CASE file must start with the tab-separated header {' '.join(COLUMNS)}", path=str(path))
    body = [row for row in rows[1:] if row]
    for number, row in enumerate(body, start=2):
        if len(row) != 3:
            raise InputError(f"line {number}: expected 3 tab-separated fields, got {len(row)}", path=str(path))
    return [(row[0], row[1], row[2].strip()) for row in body]


Classifier = Callable[[list[str]], list[str | None]]
"""Snippets -> the sub-type each one is coded with (None: no conflict event)."""


def evaluate_case(tsv_path: Path, *, lexicon: TriggerLexicon, lang: str = "en",
                  classify: Classifier | None = None) -> dict[str, Any]:
    """Classify every snippet of the CASE file and score the sub-types.

    Returns a report: `n`, `n_acled`, `weighted_f1`, `macro_f1`, `weighted_precision`,
    `event_f1` (an event or none: precision, recall), `sub_type_accuracy_matched`, `matched`,
    `weighted_recall`, `accuracy` (all snippets, "none" included), `event_type_weighted_f1`,
    `per_class` (precision/recall/f1/support/case_label per sub-type), `confusion_top`
    (most frequent gold -> predicted errors) and `sha256` of the file.

    `classify` codes the snippets (default: the trigger classifier alone; the fast-path
    benchmark passes the whole pipeline's first event).

    Raises:
        InputError: the file is missing, malformed, or uses a label the typology does not know.
    """
    rows = read_case_tsv(tsv_path)
    typology = lexicon.typology
    gold: list[str | None] = []
    for row_id, _, label in rows:
        try:
            gold.append(typology.sub_type_of_case_label(label))
        except KeyError as exc:
            raise InputError(f"row {row_id}: unknown CASE label {label!r}", path=str(tsv_path), value=label) from exc
    snippets = [snippet for _, snippet, _ in rows]
    pred = classify(snippets) if classify is not None else [_by_triggers(text, lang, lexicon) for text in snippets]
    classes = [sub for _, sub in typology.sub_types]
    report = _scores(gold, pred, classes)
    report["per_class"] = {
        sub: {**values, "case_label": typology.case_label_of(sub)} for sub, values in report["per_class"].items()
    }
    to_type = {sub: etype for etype, sub in typology.sub_types}
    type_gold = [None if g is None else to_type[g] for g in gold]
    type_pred = [None if p is None else to_type[p] for p in pred]
    report["event_type_weighted_f1"] = _scores(type_gold, type_pred, typology.type_names)["weighted_f1"]
    report.update(_matched_scores(gold, pred))
    report["sha256"] = hashlib.sha256(tsv_path.read_bytes()).hexdigest()
    report["path"] = str(tsv_path)
    return report


def _by_triggers(snippet: str, lang: str, lexicon: TriggerLexicon) -> str | None:
    decided = classify_text(snippet, lang=lang, lexicon=lexicon)
    return None if decided is None else decided[1]


def _scores(gold: list[str | None], pred: list[str | None], classes: list[str]) -> dict[str, Any]:
    """Per-class P/R/F1, support-weighted and macro averages over `classes`, top confusions."""
    pairs = Counter(zip(gold, pred, strict=True))
    per_class: dict[str, dict[str, float]] = {}
    for label in classes:
        tp = pairs[(label, label)]
        predicted = sum(count for (_, p), count in pairs.items() if p == label)
        support = sum(count for (g, _), count in pairs.items() if g == label)
        precision = tp / predicted if predicted else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[label] = {"precision": precision, "recall": recall, "f1": f1, "support": support}
    present = [values for values in per_class.values() if values["support"]]
    total = sum(values["support"] for values in present)
    errors = [(g, p, count) for (g, p), count in pairs.items() if g != p]
    errors.sort(key=lambda item: (-item[2], str(item[0]), str(item[1])))
    return {
        "n": len(gold),
        "n_acled": sum(1 for g in gold if g is not None),
        "accuracy": sum(count for (g, p), count in pairs.items() if g == p) / len(gold) if gold else 0.0,
        "weighted_f1": _weighted(present, "f1", total),
        "weighted_precision": _weighted(present, "precision", total),
        "weighted_recall": _weighted(present, "recall", total),
        "macro_f1": sum(values["f1"] for values in present) / len(present) if present else 0.0,
        "per_class": per_class,
        "confusion_top": [
            {"gold": g or NONE_LABEL, "predicted": p or NONE_LABEL, "count": count} for g, p, count in errors[:15]
        ],
    }


def _matched_scores(gold: list[str | None], pred: list[str | None]) -> dict[str, Any]:
    """The event-extraction view of the same data: is there an event at all (detection P/R/F1,
    the issue's "event F1"), and of the snippets where both say so, is the sub-type right
    ("sub-type accuracy on matched events")."""
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g is not None and p is not None)
    fp = sum(1 for g, p in zip(gold, pred, strict=True) if g is None and p is not None)
    fn = sum(1 for g, p in zip(gold, pred, strict=True) if g is not None and p is None)
    right = sum(1 for g, p in zip(gold, pred, strict=True) if g is not None and g == p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"event_precision": precision, "event_recall": recall, "event_f1": f1, "matched": tp,
            "sub_type_accuracy_matched": right / tp if tp else 0.0}


def _weighted(present: list[dict[str, float]], key: str, total: float) -> float:
    return sum(values[key] * values["support"] for values in present) / total if total else 0.0


def format_case_report(report: dict[str, Any]) -> str:
    """A plain-text table of the report: headline scores, per-class P/R/F1, top confusions."""
    lines = [
        f"CASE 2021 task 2: {report['n']} snippets ({report['n_acled']} ACLED), sha256 {report['sha256'][:12]}",
        f"weighted F1 {report['weighted_f1']:.3f}  (P {report['weighted_precision']:.3f}, "
        f"R {report['weighted_recall']:.3f})  macro F1 {report['macro_f1']:.3f}",
        f"event-type weighted F1 {report['event_type_weighted_f1']:.3f}  accuracy (all snippets) {report['accuracy']:.3f}",
        f"event F1 {report['event_f1']:.3f} (P {report['event_precision']:.3f}, R {report['event_recall']:.3f})  "
        f"sub-type accuracy on {report['matched']} matched events {report['sub_type_accuracy_matched']:.3f}",
        "",
        f"{'sub-event type':<38}{'label':<31}{'P':>6}{'R':>6}{'F1':>6}{'n':>5}",
    ]
    for sub, values in report["per_class"].items():
        lines.append(
            f"{sub:<38}{values['case_label']:<31}{values['precision']:>6.2f}{values['recall']:>6.2f}"
            f"{values['f1']:>6.2f}{values['support']:>5}"
        )
    lines += ["", "most frequent confusions (gold -> predicted):"]
    lines += [f"  {item['count']:>3}  {item['gold']} -> {item['predicted']}" for item in report["confusion_top"]]
    return "\n".join(lines)
