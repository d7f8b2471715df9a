"""Unit rows for the page's pure modules, run inside Chromium (the code under test is the
ES module the page loads, not a Python copy of it)."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.integration


@pytest.mark.parametrize(
    ("text", "layers", "expected"),
    [
        # plain evidence span in the middle
        ("abc def ghi", {"evidence": [[4, 7]]}, [("abc ", []), ("def", ["evidence"]), (" ghi", [])]),
        # overlapping evidence and claimant spans cut into three marked pieces
        ("0123456789", {"evidence": [[2, 6]], "claimant": [[4, 8]]},
         [("01", []), ("23", ["evidence"]), ("45", ["claimant", "evidence"]), ("67", ["claimant"]), ("89", [])]),
        # offsets are code points: the emoji is one position for Python, two UTF-16 units for JS
        ("😀 killed 3", {"evidence": [[2, 8]]}, [("😀 ", []), ("killed", ["evidence"]), (" 3", [])]),
        # spans past the end are clamped, empty and reversed ones dropped, malformed ignored
        ("short", {"evidence": [[3, 99], [2, 2], [4, 1], ["a", 2]]}, [("sho", []), ("rt", ["evidence"])]),
        # markup in the text is just characters
        ("<b>x</b>", {"evidence": [[0, 3]]}, [("<b>", ["evidence"]), ("x</b>", [])]),
        ("", {"evidence": [[0, 1]]}, []),
    ],
)
def test_spans_segments_cut_text_at_code_point_offsets(page: Any, text: str, layers: dict[str, Any], expected: list[Any]) -> None:
    page.open()
    segments = page.module_call("spans", "segmentText", text, layers)
    assert [(s["text"], s["kinds"]) for s in segments] == expected
    assert "".join(s["text"] for s in segments) == text


@pytest.mark.parametrize(
    ("function", "args", "expected"),
    [
        ("monthEnd", [2024 * 12 + 1], "2024-02-29"),  # leap February
        ("monthEnd", [2023 * 12 + 1], "2023-02-28"),
        ("monthEnd", [2023 * 12 + 11], "2023-12-31"),
        ("monthStart", [2023 * 12 + 11], "2023-12-01"),
        ("monthOf", ["2023-12-05"], 2023 * 12 + 11),
        ("monthOf", [None], None),
        ("overlaps", [{"start": "2023-03-01", "end": "2023-03-31"}, {"start": "2023-03-31", "end": "2023-04-10"}], True),
        ("overlaps", [{"start": "2023-03-01", "end": None}, {"start": "2023-03-02", "end": "2023-04-10"}], False),
        ("overlaps", [None, {"start": "2023-01-01", "end": "2023-12-31"}], False),
        ("overlaps", [None, None], True),
    ],
)
def test_months_arithmetic(page: Any, function: str, args: list[Any], expected: Any) -> None:
    page.open()
    assert page.module_call("months", function, *args) == expected


@pytest.mark.parametrize(
    ("function", "args", "expected"),
    [
        ("fatalitiesText", [{"low": 10, "best": 12, "high": 15, "qualifier": "at least"}], "12 (low 10 – high 15, at least)"),
        ("fatalitiesText", [{"low": None, "best": None, "high": None}], "—"),
        ("fatalitiesText", [{"low": 0, "best": None, "high": None}], "0"),
        ("geoPrecision", [2], "geo_precision 2: near or part of a place"),
        ("timePrecision", [None], "time_precision unknown"),
        ("reviewText", [{"action": "correct", "field": "event_type", "value": "Riots", "reviewer": "ana"}],
         "corrected event_type → Riots by ana"),
        ("reviewText", [None], "not reviewed"),
    ],
)
def test_format_texts(page: Any, function: str, args: list[Any], expected: Any) -> None:
    page.open()
    assert page.module_call("format", function, *args) == expected


def test_dom_refuses_code_attributes_and_unsafe_links(page: Any) -> None:
    page.open()
    result = page.js(
        "return import('/js/dom.js').then((m) => {"
        "  const out = {};"
        "  try { m.h('img', {onerror: 'x'}); out.onerror = 'allowed'; } catch (e) { out.onerror = 'refused'; }"
        "  try { m.h('div', {style: 'x'}); out.style = 'allowed'; } catch (e) { out.style = 'refused'; }"
        "  out.js_href = m.h('a', {href: 'javascript:alert(1)'}).hasAttribute('href');"
        "  out.http_href = m.h('a', {href: 'https://example.org/'}).getAttribute('href');"
        "  out.text = m.h('p', {}, '<img src=x>').innerHTML;"
        "  return out; })"
    )
    assert result == {"onerror": "refused", "style": "refused", "js_href": False,
                      "http_href": "https://example.org/", "text": "&lt;img src=x&gt;"}
