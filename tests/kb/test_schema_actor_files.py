"""Every shipped actor file validates; broken user files fail naming file, entry and field."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from flashpoint.datafiles import read_data_file, read_manifest
from flashpoint.errors import DataFileError
from flashpoint.kb.actors import ActorKB
from flashpoint.kb.loader import read_actor_file, shipped_actor_files

HEADER = """\
schema: flashpoint.actors.v1
version: "1"
updated: "2026-11-28"
source: test
licence: CC0
"""


def _write(tmp_path: Path, body: str, name: str = "mine.yaml") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + textwrap.dedent(body), encoding="utf-8")
    return path


@pytest.mark.parametrize("path", shipped_actor_files(), ids=lambda path: path.name)
def test_schema_shipped_actor_file_validates(path: Path) -> None:
    body = read_actor_file(path)
    assert body.actors or body.coreference or body.generics
    manifest = read_manifest()
    assert manifest[f"actors/{path.name}"] == str(read_data_file(path)["version"])


def test_schema_required_actors_are_present(kb: ActorKB) -> None:
    required = {
        "jnim", "issp", "platform", "mnla", "civilians", "katiba_macina", "ansar_dine", "al_mourabitoun",
        "katiba_serma", "ansarul_islam", "iswap", "jas", "aqim", "hcua", "cma", "csp", "fla", "gatia", "msa",
        "minusma", "military_forces_france", "takuba", "eutm", "wagner", "africa_corps", "al_nusra_front", "hts",
        "islamic_state", "al_shabaab", "unidentified_armed_group", "vdp", "dozo", "dan_na_ambassagou", "koglweogo",
        "military_forces_mali", "military_forces_niger", "military_forces_burkina_faso",
    }
    assert required <= {actor.id for actor in kb}
    assert all(1 <= actor.inter <= 8 for actor in kb)


@pytest.mark.parametrize(
    ("body", "entry", "field"),
    [
        (
            """\
            actors:
              - id: jnim
                aliases:
                  - {text: al-Nusra, valid_from: 2020-01-01, valid_to: 2019-01-01}
            """,
            "jnim",
            "aliases[al-Nusra]",
        ),
        ("actors:\n  - id: new_group\n    acled_names: [{name: New}]\n    inter: 9\n", "new_group", "inter"),
        ("actors:\n  - id: Bad-Id\n    inter: 2\n", "Bad-Id", "id"),
        ("actors:\n  - id: new_group\n    acled_names: [{name: New}]\n    inter: 2\n    countries: [Mali]\n", "new_group", ""),
        ("actors:\n  - id: new_group\n    inter: 2\n", "new_group", "acled_names"),
        (
            "actors:\n  - id: new_group\n    acled_names: [{name: New}]\n    inter: 2\n    links: [{type: parent, actor: nobody}]\n",
            "new_group",
            "links[nobody]",
        ),
        ("coreference:\n  - {text: the group, refers_to: []}\n", "the group", "refers_to"),
        ("generics:\n  - {text: soldiers, role: army}\n", "soldiers", "role"),
        ("stuff: []\n", "", "stuff"),
    ],
)
def test_schema_broken_user_file_names_file_entry_field(tmp_path: Path, body: str, entry: str, field: str) -> None:
    path = _write(tmp_path, body)
    with pytest.raises(DataFileError) as caught:
        ActorKB.load([path])
    assert caught.value.path == str(path)
    assert "mine.yaml" in str(caught.value)
    assert entry in caught.value.message
    assert field in caught.value.message


def test_schema_missing_header_key_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "noheader.yaml"
    path.write_text("schema: flashpoint.actors.v1\nactors: []\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="header lacks"):
        ActorKB.load([path])


def test_schema_wrong_schema_name_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "other.yaml"
    path.write_text(HEADER.replace("flashpoint.actors.v1", "manifest") + "actors: []\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="expected 'flashpoint.actors.v1'"):
        ActorKB.load([path])


def test_schema_user_file_extends_and_adds(tmp_path: Path) -> None:
    _write(
        tmp_path,
        """\
        actors:
          - id: jnim
            aliases:
              - {text: Nusrat Front of the Sahel}
          - id: local_self_defence
            acled_names: [{name: "Local Self-Defence Militia (Mali)"}]
            inter: 4
            tags: [militia]
            countries: [ML]
            aliases: [{text: Tiguidi Defence Group}]
        """,
    )
    kb = ActorKB.load([tmp_path])
    extended = kb.resolve("Nusrat Front of the Sahel", countries=("ML",))
    assert extended.actor is not None and extended.actor.id == "jnim"
    assert kb.get("jnim").acled_name == "JNIM: Group for Support of Islam and Muslims"
    assert any(alias.text == "JNIM" for alias in kb.get("jnim").aliases)
    added = kb.resolve("Tiguidi Defence Group", countries=("ML",))
    assert added.actor is not None and added.actor.id == "local_self_defence"


def test_schema_missing_user_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="not found"):
        ActorKB.load([tmp_path / "absent.yaml"])
