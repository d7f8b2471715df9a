"""The seed article (read from ../shared, never copied): ranges anchored on 2022-11-15, none without."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from flashpoint.stages.time_expressions import parse_time_expressions


def test_time_expressions_seed_article(shared_dir: Path) -> None:
    text = (shared_dir / "seed" / "menaka-article.txt").read_text(encoding="utf-8")
    anchored = {r.text: r for r in parse_time_expressions(text, published=dt.date(2022, 11, 15))}
    campaign = anchored["between last May and October"]
    assert (campaign.start, campaign.end, campaign.kind) == (dt.date(2022, 5, 1), dt.date(2022, 10, 31), "range")
    assert (campaign.time_precision, campaign.date_prec) == (3, 5)
    assert (anchored["since March"].start, anchored["since March"].end) == (dt.date(2022, 3, 1), dt.date(2022, 11, 15))
    assert (anchored["May"].start, anchored["September"].end) == (dt.date(2022, 5, 1), dt.date(2022, 9, 30))

    unanchored = parse_time_expressions(text, published=None)
    assert unanchored, "the expressions are still found without a publication date"
    assert all(r.start is None and r.end is None and r.kind == "unanchored" for r in unanchored)
