"""Invariants of toll parsing on any string, and the `tolls` stage over sentences."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from flashpoint.model import Document, Sentence, Span
from flashpoint.stages.toll_phrases import MAX_COUNT
from flashpoint.stages.tolls import TollStage, parse_tolls

VOCABULARY = [
    "at", "least", "more", "than", "about", "some", "up", "to", "between", "and", "or", ",", "a", "dozen",
    "dozens", "of", "hundreds", "thousand", "million", "twenty", "-", "five", "one", "hundred", "12", "1,200",
    "1.200", "10-15", "99999999", "1e9", "0", "killed", "killing", "dead", "wounded", "were", "soldiers",
    "civilians", "heavy", "losses", "left", "au", "moins", "plus", "de", "une", "trentaine", "des", "dizaines",
    "vingt", "quatre", "cent", "mille", "tués", "morts", "blessés", "faisant", "et", "1 200",
]
word_soup = st.lists(st.sampled_from(VOCABULARY), max_size=14).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=200), word_soup), lang=st.sampled_from(["en", "fr"]), offset=st.integers(0, 1000))
def test_tolls_invariants_on_any_string(text: str, lang: str, offset: int) -> None:
    for toll in parse_tolls(text, lang=lang, offset=offset):
        assert offset <= toll.span.start < toll.span.end <= offset + len(text)
        assert text[toll.span.start - offset : toll.span.end - offset] == toll.text
        bounds = [value for value in (toll.low, toll.best, toll.high) if value is not None]
        assert bounds == sorted(bounds)
        assert all(0 <= value <= MAX_COUNT for value in bounds)
        assert toll.outcome in ("killed", "wounded", "abducted", "displaced", "losses")
        assert bounds or toll.qualifier is not None


def test_toll_stage_reads_sentences_in_french() -> None:
    text = "Le marché est calme. Trois soldats ont été tués."
    second = text.index("Trois")
    doc = Document.from_text(text, lang="fr").with_layers(
        sentences=(Sentence(Span(0, second - 1), 0), Sentence(Span(second, len(text)), 1))
    )
    out = TollStage()(doc)
    assert [(t.best, t.victims, doc.snippet(t.span)) for t in out.tolls] == [(3, "soldats", "Trois soldats ont été tués")]
