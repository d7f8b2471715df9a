"""`atom_at` tries only the readers that can match a token; it must find what trying all of them finds."""

from __future__ import annotations

import pytest

from flashpoint.stages.phrase_tokens import tokenize
from flashpoint.stages.time_atoms import (
    ATOM_READERS,
    Atom,
    TimeGrammar,
    atom_at,
    time_grammar,
    year_atom,
)

# (lang, text): every token position of each is read, with and without a licensed year.
ROWS = [
    ("en", "the end of May 2022 and the past two weeks"),
    ("en", "last Sunday, March 12, 2023, three days ago, yesterday"),
    ("en", "from 3 to 5 March, 12th of March, 3-5 March, 2023-03-12, 12/03/2023"),
    ("en", "a week ago, an hour, this year, next month, in 2022, Oct. 12"),
    ("en", "٣ days and ²3 May, ⓷ June"),
    ("fr", "la fin mai, mi-septembre, dimanche dernier, il y a 3 jours"),
    ("fr", "du 3 au 5 mars 2023, le 1er mars, cette année, ce mois-ci, depuis 2019"),
    ("fr", "une semaine, hier, fin 2022, début octobre"),
]


def _all_readers(grammar: TimeGrammar, text: str, i: int, licensed: bool) -> Atom | None:
    tokens = tokenize(text)
    for reader in ATOM_READERS:
        atom = reader(grammar, tokens, i)
        if atom is not None:
            return atom
    return year_atom(grammar, tokens, i, licensed=licensed)


@pytest.mark.parametrize(("lang", "text"), ROWS)
@pytest.mark.parametrize("licensed", [False, True])
def test_atom_at_equals_trying_every_reader(lang: str, text: str, licensed: bool) -> None:
    grammar = time_grammar(lang)
    tokens = tokenize(text)
    found = [atom_at(grammar, tokens, i, year_licensed=licensed) for i in range(len(tokens) + 1)]
    expected = [_all_readers(grammar, text, i, licensed) if i < len(tokens) else None for i in range(len(tokens) + 1)]
    assert found == expected
    assert any(atom is not None for atom in found)
