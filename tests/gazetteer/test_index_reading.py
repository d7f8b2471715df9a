"""A read transaction around many lookups: same answers, nests, and always ends."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from flashpoint.gazetteer.index import Gazetteer

PLACES = [(1, "Djibo", "BF", "52", 14.10, -1.63, "P", "PPL", 60000, ()), (2, "Arbinda", "BF", "52", 14.23, -0.87, "P", "PPL", 0, ())]


def test_lookups_inside_one_read_transaction_answer_as_alone(make_index: Callable[..., Path]) -> None:
    with Gazetteer.open(make_index(PLACES)) as gaz:
        alone = [gaz.lookup(name, countries=("BF",)) for name in ("Djibo", "Aribinda", "Nowhere")]
        with gaz.reading():
            with gaz.reading():  # nested: joins the outer one
                inside = [gaz.lookup(name, countries=("BF",)) for name in ("Djibo", "Aribinda", "Nowhere")]
            assert gaz._conn.in_transaction
        assert inside == alone and not gaz._conn.in_transaction


def test_a_failure_inside_ends_the_transaction(make_index: Callable[..., Path]) -> None:
    with Gazetteer.open(make_index(PLACES)) as gaz:
        with pytest.raises(RuntimeError), gaz.reading():
            gaz.lookup("Djibo")
            raise RuntimeError("stage failed")
        assert not gaz._conn.in_transaction and gaz.lookup("Djibo")[0].name == "Djibo"


def test_another_thread_waits_for_the_reader(make_index: Callable[..., Path]) -> None:
    with Gazetteer.open(make_index(PLACES)) as gaz:
        order: list[str] = []
        with gaz.reading():
            worker = threading.Thread(target=lambda: order.append(gaz.lookup("Djibo")[0].name))
            worker.start()
            worker.join(timeout=0.2)
            order.append("reader done")
        worker.join(timeout=5)
        assert order == ["reader done", "Djibo"]
