"""The time, number, toll and attribution lexicons load, match the manifest, and fail loudly when broken."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from flashpoint.datafiles import data_path, read_data_file, read_manifest
from flashpoint.errors import DataFileError
from flashpoint.stages.phrase_lexicons import (
    LANGUAGES,
    TimeLexicon,
    attribution_lexicon,
    number_lexicon,
    read_lexicon,
    time_lexicon,
    toll_lexicon,
)

NAMES = ("time", "numbers", "tolls", "attribution")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_lexicons_load_for_each_language(lang: str) -> None:
    assert len(time_lexicon(lang).months) >= 12
    assert number_lexicon(lang).units
    assert toll_lexicon(lang).victims
    assert attribution_lexicon(lang).outlets


@pytest.mark.parametrize("name", [f"{n}_{lang}" for n in NAMES for lang in LANGUAGES])
def test_lexicons_are_in_the_manifest_with_their_version(name: str) -> None:
    relative = f"lexicons/{name}.yaml"
    assert read_manifest()[relative] == str(read_data_file(data_path(relative))["version"])


def test_lexicon_errors_name_the_file_and_field(tmp_path: Path) -> None:
    content = yaml.safe_load(data_path("lexicons/time_en.yaml").read_text(encoding="utf-8"))
    content["months"]["smarch"] = 13
    broken = tmp_path / "time_xx.yaml"
    broken.write_text(yaml.safe_dump(content), encoding="utf-8")
    with pytest.raises(DataFileError, match="time_xx.yaml") as caught:
        read_lexicon(broken, TimeLexicon)
    assert "smarch" in caught.value.message
