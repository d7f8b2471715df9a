"""The NER on a batch of documents finds what it finds on each document alone."""

from __future__ import annotations

import pytest

from flashpoint.model import Document

REPORTS = [
    ("en", "Gunmen attacked Boni on Sunday. Amadou Diallo said 12 soldiers were killed near Douentza."),
    ("fr", "Des hommes armés ont attaqué Boni dimanche. Amadou Diallo a déclaré que 12 soldats ont été tués."),
    ("en", "No name opens this sentence, and nothing happened."),
    ("en", "Tessit was shelled by the militants. Ansongo residents fled to Gao after the attack."),
]


@pytest.mark.slow
def test_linguistic_batch_equals_one_document_at_a_time(nlp) -> None:  # type: ignore[no-untyped-def]
    stage = nlp.get_stage("linguistic")
    docs = [Document.from_text(text).with_layers(lang=lang) for lang, text in REPORTS]
    alone = [stage(doc) for doc in docs]
    together = list(stage.pipe(docs, batch_size=len(docs)))
    assert [(d.sentences, d.entities) for d in together] == [(d.sentences, d.entities) for d in alone]
    assert any(d.entities for d in alone)
