"""The functions the fuzz run feeds, and the invariants their results must keep.

Each target takes one input (str or bytes) and returns a violation message or None.
Raising a `FlashpointError` (e.g. InputError) is an allowed answer; any other
exception escapes and is counted as a bug. Targets owned by other layers
(time expressions, tolls, gazetteer name normalisation) are added when importable.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import Any

Check = Callable[[Any], str | None]
PUBLISHED = dt.date(2022, 11, 15)


@dataclass(frozen=True)
class Target:
    """One function under fuzz: `kind` is the input type it takes ("text" or "bytes").

    Heavy targets (parsers, extractors, detectors) take turns on inputs; light ones see every input.
    """

    name: str
    kind: str
    run: Check
    heavy: bool = False


def _span_problems(text: str, records: Iterable[Any]) -> str | None:
    for record in records:
        span = getattr(record, "span", None)
        if span is None:
            continue
        if not 0 <= span.start <= span.end <= len(text):
            return f"span {span.start}-{span.end} outside text of {len(text)} chars"
        quoted = getattr(record, "text", None)
        if isinstance(quoted, str) and quoted != text[span.start : span.end]:
            return f"record text {quoted!r} differs from its span {text[span.start:span.end]!r}"
    return None


def _time_problems(text: str, ranges: list[Any]) -> str | None:
    for item in ranges:
        if item.start is not None and item.end is not None and item.start > item.end:
            return f"time range start {item.start} after end {item.end}"
        if item.time_precision not in (None, 1, 2, 3):
            return f"time_precision {item.time_precision} not in 1..3"
        if item.date_prec not in (None, 1, 2, 3, 4, 5):
            return f"date_prec {item.date_prec} not in 1..5"
    return _span_problems(text, ranges)


def _toll_problems(text: str, tolls: list[Any]) -> str | None:
    for toll in tolls:
        values = [value for value in (toll.low, toll.best, toll.high) if value is not None]
        if any(value < 0 for value in values):
            return f"negative toll {values}"
        if values != sorted(values):
            return f"toll not low <= best <= high: {toll.low}, {toll.best}, {toll.high}"
    return _span_problems(text, tolls)


def _ingest_targets() -> list[Target]:
    from flashpoint.ingest.decode import decode_bytes, strip_invisible
    from flashpoint.ingest.feeds import looks_like_feed
    from flashpoint.ingest.html import fragment_to_text, html_to_text
    from flashpoint.ingest.raw import RawDocument, finalise

    def decode(data: bytes) -> str | None:
        text = decode_bytes(data, path="fuzz")
        return None if text.strip() and "\x00" not in text else "decoded text is blank or has NUL"

    def html(text: str) -> str | None:
        body, title = html_to_text(text, path="fuzz")
        return None if body.strip() and (title is None or isinstance(title, str)) else "blank article text"

    def fragment(text: str) -> str | None:
        return None if isinstance(fragment_to_text(text), str) else "not a str"

    def finalise_text(text: str) -> str | None:
        doc = finalise(RawDocument(text, "fuzz", None, None, None, None, None), max_chars=20_000, where="fuzz")
        return None if doc.text == strip_invisible(doc.text) and doc.text.strip() else "finalised text not clean"

    def feed_sniff(data: bytes) -> str | None:
        return None if isinstance(looks_like_feed(data, "text/xml"), bool) else "not a bool"

    return [
        Target("ingest.decode_bytes", "bytes", decode),
        Target("ingest.looks_like_feed", "bytes", feed_sniff),
        Target("ingest.html_to_text", "text", html, heavy=True),
        Target("ingest.fragment_to_text", "text", fragment),
        Target("ingest.finalise", "text", finalise_text),
    ]


def _language_targets() -> list[Target]:
    from flashpoint.model import Document
    from flashpoint.stages.language import RECOGNISED_LANGUAGES, SUPPORTED_LANGUAGES, LanguageStage, detect_language

    known = {*SUPPORTED_LANGUAGES, *RECOGNISED_LANGUAGES, None}
    stage = LanguageStage()

    def language(text: str) -> str | None:
        code = detect_language(text)
        return None if code in known else f"unknown code {code!r}"

    def language_stage(text: str) -> str | None:
        lang = stage(Document(text=text, doc_id="fuzz")).lang
        return None if lang in SUPPORTED_LANGUAGES else f"stage assigned unsupported {lang!r}"

    return [
        Target("language.detect_language", "text", language, heavy=True),
        Target("language.LanguageStage", "text", language_stage, heavy=True),
    ]


def _time_targets() -> list[Target]:
    module = importlib.import_module("flashpoint.stages.time_expressions")
    parse = module.parse_time_expressions

    def anchored(text: str, lang: str) -> str | None:
        return _time_problems(text, parse(text, published=PUBLISHED, lang=lang))

    def unanchored(text: str) -> str | None:
        return _time_problems(text, parse(text, published=None, lang="en"))

    return [
        Target("time.parse_time_expressions[en]", "text", lambda text: anchored(text, "en"), heavy=True),
        Target("time.parse_time_expressions[fr]", "text", lambda text: anchored(text, "fr"), heavy=True),
        Target("time.parse_time_expressions[unanchored]", "text", unanchored, heavy=True),
    ]


def _toll_targets() -> list[Target]:
    parse = importlib.import_module("flashpoint.stages.tolls").parse_tolls
    return [
        Target(f"tolls.parse_tolls[{lang}]", "text", partial(_run_tolls, parse, lang), heavy=True) for lang in ("en", "fr")
    ]


def _run_tolls(parse: Callable[..., list[Any]], lang: str, text: str) -> str | None:
    return _toll_problems(text, parse(text, lang=lang))


def _one_string_functions(module_name: str) -> list[Target]:
    """Public functions defined in `module_name` that take exactly one required argument."""
    module = importlib.import_module(module_name)
    targets = []
    for name, function in inspect.getmembers(module, inspect.isfunction):
        if name.startswith("_") or function.__module__ != module.__name__:
            continue
        required = [p for p in inspect.signature(function).parameters.values() if p.default is p.empty]
        if len(required) == 1 and required[0].kind in (required[0].POSITIONAL_ONLY, required[0].POSITIONAL_OR_KEYWORD):
            targets.append(Target(f"gazetteer.{name}", "text", partial(_call_only, function)))
    return targets


def _call_only(function: Callable[[str], object], text: str) -> None:
    function(text)
    return None


def build_targets() -> tuple[list[Target], dict[str, str]]:
    """All targets, and for each optional group that could not be imported, the reason."""
    targets = _ingest_targets() + _language_targets()
    skipped: dict[str, str] = {}
    optional: dict[str, Callable[[], list[Target]]] = {
        "time_expressions": _time_targets,
        "tolls": _toll_targets,
        "gazetteer.normalise": lambda: _one_string_functions("flashpoint.gazetteer.normalise"),
    }
    for group, build in optional.items():
        try:
            targets.extend(build())
        except (ImportError, AttributeError) as exc:
            skipped[group] = f"{type(exc).__name__}: {exc}"
    return targets, skipped
