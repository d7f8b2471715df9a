"""Exact JSON form of the model's frozen records, for the store's JSON columns.

`event_json` (flashpoint.export.records) is the public contract and drops a few
internal fields (scores, trigger type); the store keeps everything, so it encodes
records field by field from their type hints and decodes them back to equal objects.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
import typing
from typing import Any, TypeVar

from flashpoint.errors import StoreError

T = TypeVar("T")


def encode(value: Any) -> Any:
    """JSON-ready form of a record, tuple, date or scalar."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value) if f.compare}
    if isinstance(value, tuple | list):
        return [encode(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def decode(cls: type[T], data: Any) -> T:
    """Rebuild a record of type `cls` from `encode`'s output; StoreError if it does not fit."""
    try:
        return typing.cast(T, _decode_as(cls, data))
    except (KeyError, TypeError, ValueError) as exc:
        raise StoreError(f"stored {cls.__name__} record is malformed: {exc}", field=cls.__name__) from exc


def _decode_as(hint: Any, data: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        if data is None:
            return None
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _decode_as(options[0], data)
    if origin is tuple:
        item = typing.get_args(hint)[0]
        return tuple(_decode_as(item, element) for element in data)
    if hint is dt.date:
        return dt.date.fromisoformat(data)
    if hint is float and isinstance(data, int):
        return float(data)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = _hints(hint)
        kwargs = {f.name: _decode_as(hints[f.name], data[f.name]) for f in dataclasses.fields(hint) if f.compare and f.name in data}
        return hint(**kwargs)
    return data
