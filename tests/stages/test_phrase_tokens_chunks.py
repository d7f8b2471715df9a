"""`sentence_tokens` reads white-space chunks alone; it must cut exactly as the TOKEN regex does over the whole text."""

from __future__ import annotations

import pytest

from flashpoint.stages.phrase_patterns import TOKEN
from flashpoint.stages.phrase_tokens import Token, fold, sentence_tokens


def _regex_tokens(text: str, offset: int) -> list[tuple[str, str, int, int]]:
    return [(m.group(), fold(m.group()), m.start() + offset, m.end() + offset) for m in TOKEN.finditer(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed 12 villagers on 12/03/2023, the army's spokesman said.",
        "L'armée a « neutralisé » une trentaine d'assaillants jusqu'au 3 mars.",
        "qu'il lorsqu'elle aujourd'hui don't year's YEAR'S 1,200 10-15 3–5 1e9 12th",
        "Tabs\tand\nnew lines, no-break\u00a0spaces and\u202fthin ones",
        "Accents decomposed: e\u0301te\u0301 ou composés : été",
        "under_score snake_case __init__ x_1",
        "“Quoted”, (bracketed) and —dashed— words; ok?!",
        "Ⅻ ²³ ⓷ 十 digits that are not ASCII: ١٢٣",
        "",
        "   ",
    ],
)
def test_chunked_tokens_match_the_regex(text: str) -> None:
    tokens = sentence_tokens(text, 7)
    assert [tuple(token) for token in tokens] == _regex_tokens(text, 7)
    assert all(type(token) is Token for token in tokens)
