"""html_to_text on articles, navigation-only pages, hostile and malformed markup."""

from __future__ import annotations

import pytest

from flashpoint.errors import InputError
from flashpoint.ingest.html import fragment_to_text, html_to_text

PARAGRAPH = (
    "<p>Fighters from an armed group seized two villages in the hills east of the provincial capital "
    "on Sunday, a spokesman for the local council said, adding that hundreds of families had fled.</p>"
)


def _page(body: str, title: str = "Villages seized in the east") -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


def test_html_to_text_keeps_article_drops_navigation() -> None:
    page = _page(
        "<nav><a href='/'>Home</a><a href='/africa'>Africa</a></nav>"
        f"<article>{PARAGRAPH}{PARAGRAPH.replace('Sunday', 'Monday')}</article><footer>All rights reserved</footer>"
    )
    text, title = html_to_text(page, path="page.html")
    assert "seized two villages" in text and "Monday" in text
    assert "Africa" not in text
    assert title == "Villages seized in the east"


def test_html_to_text_unescapes_entities_and_skips_scripts() -> None:
    page = _page(f"<script>var secret = 'do not keep';</script><article>{PARAGRAPH}<p>Tom &amp; Jerry &eacute;t&eacute;.</p></article>")
    text, _ = html_to_text(page)
    assert "Tom & Jerry été." in text
    assert "secret" not in text


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ("", "HTML page is empty"),
        ("   \n", "HTML page is empty"),
        (_page("<nav>" + "".join(f"<a href='/{i}'>Section {i}</a> " for i in range(40)) + "</nav>"), "no article text"),
        (_page("<ul><li><a href='/a'>Home</a></li><li><a href='/b'>World</a></li></ul>"), "no article text"),
        (_page(""), "no article text"),
        ("<div>" * 100_000 + "buried" + "</div>" * 100_000, "nested over 250 levels"),
    ],
    ids=["empty", "blank", "nav-links", "menu-list", "empty-body", "100k-nested-divs"],
)
def test_html_to_text_refuses_pages_without_article(html: str, reason: str) -> None:
    with pytest.raises(InputError, match=reason) as caught:
        html_to_text(html, path="site/index.html")
    assert caught.value.path == "site/index.html"


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><p>" + PARAGRAPH + "<p><b><i>unclosed <table><tr><td>cell",
        "</p></div></body>" + PARAGRAPH + "<<<>>>&&&;</html></html>",
        "<html><body>" + "<div><span>" * 3000 + PARAGRAPH + "</span></div>" * 10 + "</body>",
        "<?xml version='1.0' encoding='latin-1'?><html><body>" + PARAGRAPH + "</body></html>",
        "<!DOCTYPE html><html><body><![CDATA[x]]><!-- unclosed comment " + PARAGRAPH,
        "\x00<html>\x00" + PARAGRAPH,
    ],
    ids=["unclosed", "stray-closers", "deep-spans", "xml-declaration", "unclosed-comment", "nul-chars"],
)
def test_html_to_text_survives_malformed_markup(html: str) -> None:
    try:
        text, _ = html_to_text(html, path="bad.html")
    except InputError as exc:
        assert exc.path == "bad.html"
    else:
        assert isinstance(text, str) and text.strip()


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("<p>Two killed.</p><p>Clashes &amp; arrests</p>", "Two killed.\nClashes & arrests"),
        ("plain text, no tags", "plain text, no tags"),
        ("<script>x()</script><style>p{}</style>Body<br>line", "Body\nline"),
        ("<![if !supportLists]>Odd <b>declaration</b>", "Odd declaration"),
        ("", ""),
    ],
)
def test_fragment_to_text_strips_tags(fragment: str, expected: str) -> None:
    assert fragment_to_text(fragment) == expected


def test_html_to_text_refuses_page_over_html_limit() -> None:
    page = _page("<article>" + PARAGRAPH * 50 + "</article>")
    with pytest.raises(InputError, match=f"HTML page has {len(page):,} characters, over the limit of 1,000"):
        html_to_text(page, path="big.html", max_html_chars=1_000)
