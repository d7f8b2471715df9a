"""HTML to article text: trafilatura for pages, a plain tag stripper for feed snippets.

A page whose only text is navigation is not an article: trafilatura's fallbacks
happily return menu labels, so we check what it returns is more than link text.

Example:
    >>> text, title = html_to_text(page_html, path="page.html")  # doctest: +SKIP
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

import lxml.html
import trafilatura

from flashpoint.errors import InputError

# Extraction time grows faster than page size: refuse absurd pages, skip the fallback
# extractors on big ones (a 1 MB page is already far larger than any news article).
MAX_HTML_CHARS = 5_000_000
_FAST_ABOVE_CHARS = 1_000_000
# Text made mostly of link labels (menus, tag clouds) is navigation, not an article.
_MAX_LINK_SHARE = 0.8
_LINK_CHECK_MAX_CHARS = 20_000
_LINK_CHECK_MAX_ANCHORS = 2_000
# libxml2 stops building the tree at this depth and drops deeper text.
_PARSER_MAX_DEPTH = 250

_BLOCK_TAGS = frozenset(
    "p br div li ul ol h1 h2 h3 h4 h5 h6 tr table blockquote section article header footer pre hr".split()
)
_SKIPPED_TAGS = frozenset({"script", "style", "template", "noscript"})
_SPACES = re.compile(r"[ \t\u00a0]+")
_TAG = re.compile(r"<[^>]*>")


def html_to_text(
    html: str, *, path: str | None = None, max_html_chars: int = MAX_HTML_CHARS
) -> tuple[str, str | None]:
    """Extract the article text and title of an HTML page.

    Reads raw HTML of at most `max_html_chars`; returns `(text, title)`, title None
    when the page has none.

    Raises:
        InputError: "HTML page has no article text" when nothing but navigation (or
        nothing at all) is found, "HTML could not be parsed" for markup the parser
        rejects, or a page over `max_html_chars`. Never lets a parser exception
        (RecursionError, lxml errors) escape.
    """
    if not html.strip():
        raise InputError("HTML page is empty", path=path)
    if len(html) > max_html_chars:
        raise InputError(f"HTML page has {len(html):,} characters, over the limit of {max_html_chars:,}", path=path)
    try:
        fast = len(html) > _FAST_ABOVE_CHARS
        result = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True, fast=fast)
    except RecursionError as exc:
        raise InputError("HTML is nested too deeply to parse", path=path) from exc
    except Exception as exc:  # lxml and trafilatura raise many types on hostile markup
        raise InputError(f"HTML could not be parsed ({type(exc).__name__}: {exc})", path=path) from exc
    text = (getattr(result, "text", None) or "").strip()
    title = (getattr(result, "title", None) or "").strip() or None
    if not text or _is_link_text(text, html):
        raise InputError(_no_article_reason(html), path=path)
    return text, title


def _parse_tree(html: str) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.document_fromstring(html)
    except Exception:  # unparseable markup simply has no links to compare with
        return None


def _is_link_text(text: str, html: str) -> bool:
    """True when the extracted text is (almost) only the labels of the page's links."""
    if len(text) > _LINK_CHECK_MAX_CHARS:
        return False
    tree = _parse_tree(html)
    if tree is None:
        return False
    labels = {anchor.text_content().strip() for anchor in tree.iter("a")}
    labels.discard("")
    remaining = text
    for label in sorted(labels, key=len, reverse=True)[:_LINK_CHECK_MAX_ANCHORS]:
        remaining = remaining.replace(label, " ")
    letters = sum(char.isalpha() for char in text)
    left = sum(char.isalpha() for char in remaining)
    return letters == 0 or (letters - left) / letters >= _MAX_LINK_SHARE


def _no_article_reason(html: str) -> str:
    tree = _parse_tree(html)
    if tree is not None and _depth(tree) >= _PARSER_MAX_DEPTH:
        return f"HTML page has no article text (it is nested over {_PARSER_MAX_DEPTH} levels deep)"
    return "HTML page has no article text"


def _depth(tree: lxml.html.HtmlElement) -> int:
    deepest = 0
    for element in tree.iter():
        if len(element) == 0:
            deepest = max(deepest, sum(1 for _ in element.iterancestors()))
    return deepest


class _TextCollector(HTMLParser):
    """Collects text, breaking lines at block tags and skipping scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def fragment_to_text(html: str) -> str:
    """Plain text of an HTML fragment (a feed entry's summary); never raises on bad markup.

    Example:
        >>> fragment_to_text("<p>Two killed.</p><p>More &amp; more</p>")
        'Two killed.\\nMore & more'
    """
    collector = _TextCollector()
    try:
        collector.feed(html)
        collector.close()
        raw = "".join(collector.parts)
    except AssertionError:  # html.parser asserts on some malformed declarations
        raw = unescape(_TAG.sub(" ", html))
    lines = (_SPACES.sub(" ", line).strip() for line in raw.splitlines())
    return "\n".join(line for line in lines if line)
