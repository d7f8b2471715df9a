"""The seed article (read from ../shared, never copied): its outlet, anonymous and named sources."""

from __future__ import annotations

import re
from pathlib import Path

from flashpoint.model import Document, Sentence, Span
from flashpoint.stages.attribution import AttributionStage


def test_attribution_seed_article(shared_dir: Path) -> None:
    text = (shared_dir / "seed" / "menaka-article.txt").read_text(encoding="utf-8")
    sentences, start = [], 0
    for match in re.finditer(r"(?<=[.!?”])\s+|\n+", text):
        if match.start() > start:
            sentences.append(Sentence(Span(start, match.start()), len(sentences)))
        start = match.end()
    doc = Document.from_text(text, lang="en").with_layers(sentences=tuple(sentences))
    claims = AttributionStage()(doc).claims
    kinds = {(c.kind, c.source) for c in claims}
    assert ("outlet", "Sky News Arabia") in kinds
    anonymous = [c for c in claims if c.kind == "anonymous"]
    assert anonymous and "source" in anonymous[0].source
    outlet = next(c for c in claims if c.kind == "outlet")
    assert anonymous[0].covers == outlet.covers, "the outlet and its source claim the same sentence"
    named = {c.source: c for c in claims if c.kind == "named"}
    assert {"Bekai Ag Hamad", "Bakai", "Mohamed Ag Ismail"} <= set(named)
    assert "professor" in (named["Mohamed Ag Ismail"].role or "")
    assert "founding member" in (named["Bekai Ag Hamad"].role or "")
    assert any(c.kind == "document" and "video" in c.source for c in claims)
