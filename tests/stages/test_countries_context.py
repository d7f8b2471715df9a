"""Countries named in a text, most mentioned first."""

from __future__ import annotations

import pytest

from flashpoint.model import Document
from flashpoint.stages.countries import CountriesStage


@pytest.fixture(scope="module")
def stage() -> CountriesStage:
    return CountriesStage()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Malian troops crossed into Niger; Mali said the border was closed.", ("ML", "NE")),
        ("Les forces burkinabè et l'armée nigérienne ont patrouillé.", ("BF", "NE")),
        ("Clashes in Idlib, Syria, left five dead.", ("SY",)),
        ("No country here.", ()),
    ],
)
def test_countries_ranked_by_mentions(stage: CountriesStage, text: str, expected: tuple[str, ...]) -> None:
    assert stage(Document.from_text(text)).countries == expected
