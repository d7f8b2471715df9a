"""Language identification: which language a report is in, and refusing the ones we cannot read.

The lingua detector is built for the supported languages plus a handful of others
that conflict reporting often comes in, so that a Spanish or Arabic report is named
as such instead of being forced into English or French. Only a sample of a long
text is examined: a few thousand characters settle the language.

Example:
    >>> detect_language("Des hommes armés ont attaqué le marché mardi.")
    'fr'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import ClassVar

from lingua import ConfidenceValue, IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from flashpoint.datafiles import data_path, read_data_file
from flashpoint.errors import ConfigError, InputError
from flashpoint.model import Document
from flashpoint.pipeline import Stage

SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "fr")
# Recognised so that they can be refused by name; chosen for where conflict news is written.
RECOGNISED_LANGUAGES: tuple[str, ...] = (
    "ar", "es", "de", "pt", "it", "nl", "ru", "uk", "tr", "fa", "so", "sw", "zh", "he",
)  # fmt: skip
# Sample windows (start, middle, end) so a boilerplate header cannot decide alone;
# 1,500 characters decide a language as surely as a whole report, at a third of the cost.
_WINDOW_CHARS = 500
# An unsupported verdict needs this much text and confidence; below it, short or mixed
# text (a headline full of place names) falls back to the likeliest supported language.
_MIN_LETTERS_TO_REFUSE = 30
_MIN_CONFIDENCE_TO_REFUSE = 0.6
_SURROGATE = re.compile("[\ud800-\udfff]")


def _language(code: str) -> Language:
    try:
        return Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
    except (AttributeError, ValueError) as exc:
        raise ConfigError(f"unknown language code {code!r}; use ISO 639-1 codes such as 'en'", field="lang") from exc


def _code(language: Language) -> str:
    return language.iso_code_639_1.name.lower()


@lru_cache(maxsize=4)
def _detector(codes: tuple[str, ...]) -> LanguageDetector:
    """One detector per language set, built on first use (lingua loads its models lazily)."""
    return LanguageDetectorBuilder.from_languages(*(_language(code) for code in codes)).build()


def _sample(text: str) -> str:
    """At most three windows of the text, with lone surrogates (which lingua cannot take) replaced."""
    if len(text) > 3 * _WINDOW_CHARS:
        middle = len(text) // 2
        half = _WINDOW_CHARS // 2
        text = " ".join((text[:_WINDOW_CHARS], text[middle - half : middle + half], text[-_WINDOW_CHARS:]))
    return _SURROGATE.sub("\ufffd", text)


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# A plain verdict: this share of the words from one language's list, at most the other share
# from the other's. Anything less clear (short, mixed, another language) goes to lingua.
_PLAIN_SHARE, _STRAY_SHARE, _PLAIN_MIN_WORDS = 0.15, 0.02, 25


@lru_cache(maxsize=1)
def _function_words() -> dict[str, frozenset[str]]:
    content = read_data_file(data_path("lexicons/function_words.yaml"))
    return {code: frozenset(str(word) for word in content.get(code, [])) for code in SUPPORTED_LANGUAGES}


def plain_language(text: str, supported: Iterable[str] = SUPPORTED_LANGUAGES) -> str | None:
    """The supported language a text is plainly written in, by its function words, or None."""
    words = [word.lower() for word in _WORD.findall(text[: 3 * _WINDOW_CHARS])]
    if len(words) < _PLAIN_MIN_WORDS:
        return None
    lists = _function_words()
    shares = {code: sum(word in lists[code] for word in words) / len(words) for code in lists}
    for code in supported:
        others = [share for other, share in shares.items() if other != code]
        if code in shares and shares[code] >= _PLAIN_SHARE and all(share <= _STRAY_SHARE for share in others):
            return code
    return None


def _confidences(text: str, codes: tuple[str, ...]) -> list[ConfidenceValue]:
    sample = _sample(text)
    if not any(char.isalpha() for char in sample):
        return []
    return list(_detector(codes).compute_language_confidence_values(sample))


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the likeliest language of `text`, None when it has no letters.

    Considers the supported languages and the recognised unsupported ones, so the
    answer may be e.g. 'es'. Example: `detect_language("Hello there, friends")` -> 'en'.
    """
    values = _confidences(text, SUPPORTED_LANGUAGES + RECOGNISED_LANGUAGES)
    return _code(values[0].language) if values and values[0].value > 0 else None


class LanguageStage(Stage):
    """Assigns `lang`; refuses documents in a language the pipeline cannot read.

    Reads `text` (and keeps a `lang` already set, e.g. forced with `--lang`); adds `lang`.

    Raises:
        InputError: "document is in Spanish (es); supported languages: en, fr", or when
        the text has no letters to identify a language from.

    Example:
        >>> LanguageStage()(Document.from_text("Gunmen attacked the town.")).lang
        'en'
    """

    name: ClassVar[str] = "language"
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ("lang",)

    def __init__(self, *, supported: Iterable[str] = SUPPORTED_LANGUAGES) -> None:
        self.supported = tuple(code.lower() for code in supported)
        if not self.supported:
            raise ConfigError("LanguageStage needs at least one supported language", stage=self.name)
        for code in self.supported:
            _language(code)
        others = tuple(code for code in SUPPORTED_LANGUAGES + RECOGNISED_LANGUAGES if code not in self.supported)
        self._codes = self.supported + others

    def __call__(self, doc: Document) -> Document:
        if doc.lang is not None:
            return doc
        return doc.with_layers(lang=self._identify(doc))

    def _identify(self, doc: Document) -> str:
        plain = plain_language(doc.text, self.supported)
        if plain is not None:
            return plain
        values = _confidences(doc.text, self._codes)
        if not values or values[0].value <= 0:
            message = "cannot identify the language: the text has no letters"
            raise InputError(message, doc_id=doc.doc_id, path=doc.path, stage=self.name)
        best = values[0]
        if _code(best.language) in self.supported:
            return _code(best.language)
        letters = sum(char.isalpha() for char in _sample(doc.text))
        if letters >= _MIN_LETTERS_TO_REFUSE and best.value >= _MIN_CONFIDENCE_TO_REFUSE:
            raise InputError(
                f"document is in {best.language.name.title()} ({_code(best.language)}); "
                f"supported languages: {', '.join(self.supported)}",
                doc_id=doc.doc_id,
                path=doc.path,
                stage=self.name,
                field="lang",
                value=_code(best.language),
            )
        fallback = next(value for value in values if _code(value.language) in self.supported)
        return _code(fallback.language)
