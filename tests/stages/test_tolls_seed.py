"""The seed article (read from ../shared, never copied): counts with qualifiers, no invented numbers."""

from __future__ import annotations

from pathlib import Path

from flashpoint.stages.tolls import parse_tolls


def test_tolls_seed_article(shared_dir: Path) -> None:
    text = (shared_dir / "seed" / "menaka-article.txt").read_text(encoding="utf-8")
    found = {(t.qualifier, t.victims): t for t in parse_tolls(text)}
    civilians = found[("more than", "civilians")]
    assert (civilians.low, civilians.best, civilians.high, civilians.outcome) == (1000, None, None, "killed")
    soldiers = found[("dozens", "soldiers")]
    assert (soldiers.low, soldiers.best, soldiers.high, soldiers.outcome) == (None, None, None, "killed")
    losses = found[("heavy losses", None)]
    assert (losses.low, losses.best, losses.outcome) == (None, None, "losses")
    assert len(found) == 3
