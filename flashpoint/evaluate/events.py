"""Score extracted events against a gold file (matching rule of docs/event-format.md).

A predicted event matches a gold event when the event type is equal (or one of
the gold's `alt_types`), the actors agree (unordered pair for Battles, ordered
otherwise; a missing gold actor2 matches only an unknown one), the place is
within the gold tolerance (or in the same admin1 for geo_precision 3 gold), and
the time ranges overlap (unknown bounds are open). Matching is one-to-one and
maximum (augmenting paths, required gold events first); optional gold events
neither add to recall when missed nor count against precision when found.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from anyascii import anyascii

from flashpoint.errors import InputError

JsonDict = dict[str, Any]
ActorKey = Callable[[JsonDict | None], str | None]


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One line of a gold file."""

    doc_id: str
    text: str
    published: dt.date | None
    events: list[JsonDict]


@dataclass(slots=True)
class EventScore:
    """Counts and per-pair agreements of one evaluation."""

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    pairs: list[tuple[JsonDict, JsonDict]] = field(default_factory=list)
    missed: list[JsonDict] = field(default_factory=list)
    unmatched: list[JsonDict] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def read_gold(path: Path) -> list[GoldDocument]:
    """Gold documents; `text_path` is read relative to the gold file."""
    documents = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            text = row.get("text") or (path.parent / row["text_path"]).read_text(encoding="utf-8")
        except (json.JSONDecodeError, KeyError, OSError) as exc:
            raise InputError(f"line {number}: not a gold document ({exc})", path=str(path)) from exc
        published = dt.date.fromisoformat(row["published"]) if row.get("published") else None
        documents.append(GoldDocument(str(row["doc_id"]), text, published, list(row.get("events", []))))
    return documents


def _norm(text: str | None) -> str:
    return anyascii(text or "").lower().strip()


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def distance_km(gold: JsonDict, pred: JsonDict) -> float | None:
    """Distance between gold and predicted places, None when either lacks coordinates."""
    g, p = gold.get("place") or {}, pred.get("place") or {}
    if g.get("lat") is None or p.get("lat") is None:
        return None
    return haversine_km(g["lat"], g["lon"], p["lat"], p["lon"])


def types_agree(gold: JsonDict, pred: JsonDict) -> bool:
    """Event type equal to the gold's or one of its alternatives."""
    allowed = {gold["event_type"], *(alt[0] for alt in gold.get("alt_types", []))}
    return pred.get("event_type") in allowed


def actors_agree(gold: JsonDict, pred: JsonDict, key: ActorKey) -> bool:
    """Same actors; unordered for Battles; a missing gold actor2 only matches an unknown one."""
    g1, g2 = key(gold.get("actor1")), key(gold.get("actor2"))
    p1, p2 = key(pred.get("actor1")), key(pred.get("actor2"))
    if gold["event_type"] == "Battles":
        return sorted([g1 or "", g2 or ""]) == sorted([p1 or "", p2 or ""])
    return g1 == p1 and g2 == p2


def place_agrees(gold: JsonDict, pred: JsonDict) -> bool:
    """Within tolerance, or same admin1 for a region-level gold place."""
    g, p = gold.get("place") or {}, pred.get("place") or {}
    if not g:
        return True
    if g.get("geo_precision") == 3 and g.get("admin1") and _norm(g["admin1"]) == _norm(p.get("admin1")):
        return True
    distance = distance_km(gold, pred)
    if distance is None:
        return not g.get("lat") and _norm(g.get("country")) == _norm(p.get("country"))
    return distance <= float(g.get("tolerance_km", 25))


def time_agrees(gold: JsonDict, pred: JsonDict) -> bool:
    """Overlapping ranges; unknown bounds are open."""
    g, p = gold.get("time") or {}, pred.get("time") or {}
    g_start, g_end = _date(g.get("start")) or dt.date.min, _date(g.get("end")) or dt.date.max
    p_start, p_end = _date(p.get("start")) or dt.date.min, _date(p.get("end")) or dt.date.max
    return g_start <= p_end and p_start <= g_end


def matches(gold: JsonDict, pred: JsonDict, key: ActorKey) -> bool:
    """The matching rule."""
    return types_agree(gold, pred) and actors_agree(gold, pred, key) and place_agrees(gold, pred) and time_agrees(gold, pred)


def _closeness(gold: JsonDict, pred: JsonDict) -> tuple[bool, bool, bool]:
    """Sort key: same sub-type, then same place words, then same time start."""
    g_place, p_place = gold.get("place") or {}, pred.get("place") or {}
    same_words = bool(g_place.get("text")) and _norm(g_place.get("text")) == _norm(p_place.get("text"))
    same_start = (gold.get("time") or {}).get("start") == (pred.get("time") or {}).get("start")
    return (pred.get("sub_event_type") != gold.get("sub_event_type"), not same_words, not same_start)


def maximum_matching(golds: list[JsonDict], preds: list[JsonDict], key: ActorKey) -> dict[int, int]:
    """gold index → pred index; required gold first so optional ones never displace them."""
    edges = {g: [p for p, pred in enumerate(preds) if matches(gold, pred, key)] for g, gold in enumerate(golds)}
    for g in edges:  # try the closest candidates first, so per-pair figures reflect the best pairing
        edges[g].sort(key=lambda p: _closeness(golds[g], preds[p]))
    owner: dict[int, int] = {}

    def augment(g: int, seen: set[int]) -> bool:
        for p in edges[g]:
            if p in seen:
                continue
            seen.add(p)
            if p not in owner or augment(owner[p], seen):
                owner[p] = g
                return True
        return False

    order = sorted(range(len(golds)), key=lambda g: bool(golds[g].get("optional")))
    for g in order:
        augment(g, set())
    return {g: p for p, g in owner.items()}


def score_document(golds: list[JsonDict], preds: list[JsonDict], key: ActorKey, score: EventScore) -> None:
    """Add one document's counts to `score`."""
    matched = maximum_matching(golds, preds, key)
    used = set(matched.values())
    for g, gold in enumerate(golds):
        if g in matched and not gold.get("optional"):
            score.true_positives += 1
            score.pairs.append((gold, preds[matched[g]]))
        elif g not in matched and not gold.get("optional"):
            score.false_negatives += 1
            score.missed.append(gold)
    for p, pred in enumerate(preds):
        if p not in used:
            score.false_positives += 1
            score.unmatched.append(pred)
