"""Invariants of time parsing on any string: no crash, spans inside, start <= end, valid codes."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from flashpoint.model import Document, Sentence, Span
from flashpoint.stages.time_expressions import parse_time_expressions
from flashpoint.stages.times import TimeStage

# Words the parser reacts to, so that random text often forms (or half-forms) expressions.
VOCABULARY = [
    "between", "and", "from", "to", "since", "until", "last", "next", "this", "early", "mid", "late", "-",
    "May", "October", "March", "February", "Sunday", "week", "month", "year", "ago", "yesterday", "the",
    "of", "in", "on", ",", ".", "29", "31", "12", "3", "3-5", "2022", "1899", "12/03/2023", "2023-02-30",
    "entre", "et", "depuis", "jusqu'en", "mi", "fin", "début", "dernier", "mai", "octobre", "dimanche",
    "il", "y", "a", "jours", "semaine", "le", "1er", "août", "«", "“",
]
word_soup = st.lists(st.sampled_from(VOCABULARY), max_size=14).map(" ".join)
any_text = st.one_of(st.text(max_size=200), word_soup)
published = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))


@settings(max_examples=300, deadline=None)
@given(text=any_text, pub=published, lang=st.sampled_from(["en", "fr"]), offset=st.integers(0, 1000))
def test_time_expressions_invariants_on_any_string(text: str, pub: dt.date | None, lang: str, offset: int) -> None:
    for found in parse_time_expressions(text, published=pub, lang=lang, offset=offset):
        assert offset <= found.span.start < found.span.end <= offset + len(text)
        assert text[found.span.start - offset : found.span.end - offset] == found.text
        if found.start is not None and found.end is not None:
            assert found.start <= found.end
        assert found.time_precision in (1, 2, 3)
        assert found.date_prec in (1, 2, 3, 4, 5)
        assert found.kind in ("point", "range", "since", "until", "relative", "unanchored")
        if pub is None and found.kind == "unanchored":
            assert found.start is None and found.end is None


@settings(max_examples=100, deadline=None)
@given(text=word_soup)
def test_time_expressions_never_invent_a_year_without_published(text: str) -> None:
    """Without a publication date only years written in the text appear, or the year after
    one when a range runs past December ("12/03/2023 to May" ends in May 2024)."""
    for found in parse_time_expressions(text, published=None, lang="en"):
        for day in (found.start, found.end):
            assert day is None or str(day.year) in text or (
                day is found.end and found.start is not None and day.year == found.start.year + 1 and day < found.start.replace(year=day.year)
            )


def test_time_stage_reads_each_sentence_with_document_offsets() -> None:
    text = "Nothing here. Raids went on between May and July. Calm since August."
    doc = Document.from_text(text, published=dt.date(2022, 11, 15), lang="en")
    first = text.index("Raids")
    second = text.index("Calm")
    sentences = (Sentence(Span(0, first - 1), 0), Sentence(Span(first, second - 1), 1), Sentence(Span(second, len(text)), 2))
    out = TimeStage()(doc.with_layers(sentences=sentences))
    assert [doc.snippet(t.span) for t in out.times] == ["between May and July", "since August"]
    assert [t.kind for t in out.times] == ["range", "since"]
    assert doc.times == ()
