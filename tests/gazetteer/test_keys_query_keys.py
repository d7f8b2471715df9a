"""QueryKeys: the keys `name_keys` gives, the spelling-variant ones computed only when read."""

from __future__ import annotations

import pytest

from flashpoint.gazetteer.keys import QueryKeys, keys_of_norm, name_keys
from flashpoint.gazetteer.normalise import normalise_name

NAMES = ["Tamalat", "Andéramboukane", "Tin-Tabakat", "Ouagadougou", "تمالت", "Aïa", "Kaya", "Gorom-Gorom", "Bé"]


@pytest.mark.parametrize("name", NAMES)
def test_query_keys_equal_name_keys(name: str) -> None:
    query, keys = QueryKeys(normalise_name(name)), name_keys(name)
    assert (query.norm, query.skeleton, query.phonetic) == tuple(keys)
    assert query.query_keys() == keys.query_keys()


def test_variant_keys_wait_until_read(monkeypatch: pytest.MonkeyPatch) -> None:
    computed: list[str] = []

    def counting(norm: str) -> object:
        computed.append(norm)
        return keys_of_norm(norm)

    monkeypatch.setattr("flashpoint.gazetteer.keys.keys_of_norm", counting)
    query = QueryKeys("tamalat")
    assert query.norm == "tamalat" and computed == []
    assert query.skeleton == "tmlt" and query.phonetic == "tnlt" and query.query_keys()[0] == "n tamalat"
    assert computed == ["tamalat"]
