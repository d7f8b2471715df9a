"""The public API is exactly `flashpoint.__all__`, and every public stage is documented."""

from __future__ import annotations

import importlib
import inspect

import pytest

import flashpoint
from flashpoint.pipeline import Stage

STAGE_MODULES = (
    "language", "linguistic", "countries", "actors", "times", "tolls", "attribution", "triggers", "places", "events",
)


def test_exported_members_match_all() -> None:
    public = {name for name in dir(flashpoint) if not name.startswith("_") and name not in {"annotations"}}
    modules = {name for name in public if inspect.ismodule(getattr(flashpoint, name))}
    assert public - modules == set(flashpoint.__all__) - {"__version__"}


@pytest.mark.parametrize("module", STAGE_MODULES)
def test_exported_stages_have_docstrings_and_declared_layers(module: str) -> None:
    loaded = importlib.import_module(f"flashpoint.stages.{module}")
    stages = [obj for obj in vars(loaded).values()
              if inspect.isclass(obj) and issubclass(obj, Stage) and obj is not Stage and obj.__module__ == loaded.__name__]
    assert stages, f"no stage class in flashpoint.stages.{module}"
    for stage in stages:
        assert stage.__doc__ and len(stage.__doc__.strip()) > 20, stage
        assert stage.assigns, f"{stage.__name__} declares no layer it assigns"
