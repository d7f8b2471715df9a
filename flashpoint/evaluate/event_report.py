"""Run an event evaluation over a gold file and describe it for people and machines."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from anyascii import anyascii

from flashpoint.export.acled_csv import AcledPolicy, load_acled_policy, vague_count
from flashpoint.evaluate.events import EventScore, GoldDocument, JsonDict, distance_km, read_gold, score_document
from flashpoint.model import content_hash


def actor_key_factory() -> Any:
    """Map an actor record (gold ACLED name or predicted id) to a knowledge-base id."""
    from flashpoint.kb.actors import ActorKB

    kb = ActorKB.load()
    cache: dict[str, str | None] = {}

    def key(actor: JsonDict | None) -> str | None:
        if not actor:
            return None
        if actor.get("id"):
            return str(actor["id"])
        name = str(actor.get("name") or actor.get("text") or "")
        if name not in cache:
            resolution = kb.resolve(name)
            cache[name] = resolution.actor.id if resolution.actor else anyascii(name).lower()
        return cache[name]

    return key


def read_predictions(path: Path) -> dict[str, list[JsonDict]]:
    """Predicted events grouped by doc_id."""
    grouped: dict[str, list[JsonDict]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            event = json.loads(line)
            grouped.setdefault(str(event.get("doc_id")), []).append(event)
    return grouped


def predictions_for(gold: GoldDocument, predictions: dict[str, list[JsonDict]]) -> list[JsonDict]:
    """A gold document's predictions, by its id or by its text's content hash."""
    return predictions.get(gold.doc_id) or predictions.get(content_hash(gold.text)) or []


def predict_gold(nlp: Any, golds: Iterable[GoldDocument]) -> dict[str, list[JsonDict]]:
    """Each gold document's text run through `nlp` (with its own publication date): its events
    as event JSON, by doc_id (what `evaluate_events` reads as predictions)."""
    from flashpoint.export.records import event_json
    from flashpoint.model import Document

    predictions: dict[str, list[JsonDict]] = {}
    for gold in golds:
        processed = nlp(Document.from_text(gold.text, published=gold.published, doc_id=gold.doc_id))
        predictions.setdefault(gold.doc_id, []).extend(event_json(event) for event in processed.events)
    return predictions


def evaluate_events(golds: Iterable[GoldDocument], predictions: dict[str, list[JsonDict]]) -> EventScore:
    """Score every gold document against the predictions."""
    key = actor_key_factory()
    score = EventScore()
    for gold in golds:
        score_document(gold.events, predictions_for(gold, predictions), key, score)
    return score


def summary(score: EventScore) -> JsonDict:
    """Headline figures over matched pairs."""
    pairs = score.pairs
    distances = [d for d in (distance_km(g, p) for g, p in pairs) if d is not None]

    def share(values: list[bool]) -> float | None:
        return round(sum(values) / len(values), 3) if values else None

    fatal = [(g, p) for g, p in pairs if g.get("fatalities")]
    policy = load_acled_policy()
    return {
        "precision": round(score.precision, 3),
        "recall": round(score.recall, 3),
        "f1": round(score.f1, 3),
        "tp": score.true_positives, "fp": score.false_positives, "fn": score.false_negatives,
        "sub_type_accuracy": share([g.get("sub_event_type") == p.get("sub_event_type") for g, p in pairs]),
        "place_within_25km": share([d <= 25 for d in distances]),
        "place_within_161km": share([d <= 161 for d in distances]),
        "fatality_agreement": share([_fatalities_agree(g["fatalities"], p.get("fatalities") or {}, policy) for g, p in fatal]),
    }


def _fatalities_agree(gold: JsonDict, pred: JsonDict, policy: AcledPolicy) -> bool:
    """Numbers equal where gold gives them; a vague phrase is read with the ACLED policy
    ("dozens" → 12), since stored records keep only the words."""
    numbers = [k for k in ("low", "best", "high") if gold.get(k) is not None]
    if numbers:
        vague = vague_count(pred.get("text") or pred.get("qualifier"), policy)
        return all(gold[k] == (pred.get(k) if pred.get(k) is not None else vague) for k in numbers)
    return (gold.get("qualifier") or "") == (pred.get("qualifier") or "")


def describe(event: JsonDict) -> str:
    """One line naming an event: type, actors, place, time."""
    place = event.get("place") or {}
    time = event.get("time") or {}
    actors = " vs ".join(str((event.get(k) or {}).get("name") or "-") for k in ("actor1", "actor2"))
    where = place.get("name") or place.get("text") or "?"
    return f"{event.get('id') or event.get('event_id')}: {event.get('sub_event_type')} | {actors} | {where} | {time.get('start')}..{time.get('end')}"


def format_report(score: EventScore) -> str:
    """Human report; the last line is the headline."""
    figures = summary(score)
    lines = [f"missed gold: {describe(g)}" for g in score.missed]
    lines += [f"unmatched prediction: {describe(p)}" for p in score.unmatched]
    lines.append(
        " ".join(f"{k}={v}" for k, v in figures.items() if k not in {"precision", "recall", "f1"})
    )
    lines.append(f"events: P={figures['precision']:.3f} R={figures['recall']:.3f} F1={figures['f1']:.3f}")
    return "\n".join(lines)


def evaluate_files(gold_path: Path, pred_path: Path) -> EventScore:
    """`flashpoint eval GOLD PRED` as a function."""
    return evaluate_events(read_gold(gold_path), read_predictions(pred_path))


def evaluate_by_language(gold_path: Path, pred_path: Path) -> dict[str, JsonDict]:
    """Headline figures per language of the gold documents (detected from their text)."""
    from flashpoint.stages.language import detect_language

    groups: dict[str, list[GoldDocument]] = {}
    for gold in read_gold(gold_path):
        groups.setdefault(detect_language(gold.text) or "unknown", []).append(gold)
    predictions = read_predictions(pred_path)
    return {lang: summary(evaluate_events(golds, predictions)) for lang, golds in sorted(groups.items())}


def format_languages(figures: dict[str, JsonDict]) -> str:
    """One line per language."""
    return "\n".join(
        f"language {lang}: P={f['precision']:.3f} R={f['recall']:.3f} F1={f['f1']:.3f} sub-type={f['sub_type_accuracy']}"
        for lang, f in figures.items()
    )
