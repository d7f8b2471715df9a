"""The benchmark corpus: real-length reports built at run time from `../shared` (never copied).

The seed article is the first report; the CASE 2021 task 2 snippets (one to three sentences
of real news each) are shuffled and joined into reports of 2,000–4,000 characters,
the length of a wire story. Each pass over the snippets uses a different shuffle, so
N documents are N distinct texts (no cache can serve a repeat).
"""

from __future__ import annotations

import csv
import os
import random
from collections.abc import Iterator
from pathlib import Path

CASE_TSV = Path("eval/case2021-task2/test_set_final_release_with_labels.tsv")
SEED_ARTICLE = Path("seed/menaka-article.txt")
MIN_CHARS, MAX_CHARS = 2_000, 4_000


def shared_dir() -> Path:
    """`../shared` next to the checkout, or `FLASHPOINT_SHARED`."""
    default = Path(__file__).resolve().parents[2] / "shared"
    return Path(os.environ.get("FLASHPOINT_SHARED", default))


def read_snippets(shared: Path) -> list[str]:
    """The CASE snippets, in file order."""
    with (shared / CASE_TSV).open(encoding="utf-8", newline="") as handle:
        return [row["EventSnippet"].strip() for row in csv.DictReader(handle, delimiter="\t") if row["EventSnippet"].strip()]


def _reports_of_pass(snippets: list[str], rng: random.Random) -> Iterator[str]:
    order = snippets[:]
    rng.shuffle(order)
    current: list[str] = []
    target = rng.randint(MIN_CHARS, MAX_CHARS)
    for snippet in order:
        current.append(snippet)
        if sum(len(s) + 2 for s in current) >= target:
            yield "\n\n".join(current)
            current, target = [], rng.randint(MIN_CHARS, MAX_CHARS)


def build_corpus(count: int, *, shared: Path | None = None, seed: int = 0) -> list[str]:
    """`count` distinct report-length texts: the seed article, then reports of shuffled snippets."""
    shared = shared or shared_dir()
    texts = [(shared / SEED_ARTICLE).read_text(encoding="utf-8")]
    snippets = read_snippets(shared)
    rng = random.Random(seed)
    while len(texts) < count:
        texts.extend(_reports_of_pass(snippets, rng))
    return texts[:count]
