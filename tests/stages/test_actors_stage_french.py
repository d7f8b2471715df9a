"""The actors stage on a hand-written French report."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from flashpoint.kb.actors import ActorKB
from flashpoint.model import Document, Sentence, Span
from flashpoint.stages.actors import ActorStage

RAPPORT = (
    "Des hommes armés non identifiés ont tué six civils près de Djibo, selon des habitants. "
    "Les forces armées burkinabè ont ensuite affronté des combattants du Groupe de soutien à l’islam "
    "et aux musulmans (GSIM). "
    "L'organisation terroriste a revendiqué l'attaque dans un communiqué. "
    "Des Volontaires pour la défense de la patrie ont été déployés avec les soldats. "
    "À Ménaka, l’État islamique au Grand Sahara a attaqué des positions du MSA ; "
    "le mouvement a perdu trois hommes."
)


@pytest.fixture(scope="module")
def refs() -> dict[str, tuple[str | None, str, str | None]]:
    text = RAPPORT
    starts = [0, *(m.end() for m in re.finditer(r"(?<=[.;])\s+", text))]
    ends = [*starts[1:], len(text)]
    sentences = tuple(Sentence(Span(a, b), i) for i, (a, b) in enumerate(zip(starts, ends)))
    doc = Document.from_text(text, published=dt.date(2021, 3, 4), lang="fr").with_layers(
        sentences=sentences, countries=("BF", "ML")
    )
    out = ActorStage(ActorKB.load())(doc)
    return {ref.text: (ref.id, ref.resolution, ref.name) for ref in out.actors}


@pytest.mark.parametrize(
    ("text", "actor_id", "resolution"),
    [
        ("hommes armés non identifiés", "unidentified_armed_group", "generic"),
        ("civils", "civilians", "generic"),
        ("habitants", "civilians", "generic"),
        ("forces armées burkinabè", "military_forces_burkina_faso", "alias"),
        ("Groupe de soutien à l’islam et aux musulmans", "jnim", "alias"),
        ("GSIM", "jnim", "alias"),
        ("L'organisation terroriste", "jnim", "coref"),
        ("Volontaires pour la défense de la patrie", "vdp", "alias"),
        ("soldats", "military_forces_burkina_faso", "generic"),
        ("État islamique au Grand Sahara", "issp", "alias"),
        ("MSA", "msa", "alias"),
        ("le mouvement", "msa", "coref"),
    ],
)
def test_actors_stage_french_mentions(
    refs: dict[str, tuple[str | None, str, str | None]], text: str, actor_id: str, resolution: str
) -> None:
    assert text in refs, f"{text!r} not in {sorted(refs)}"
    assert refs[text][:2] == (actor_id, resolution)


def test_actors_stage_french_uses_dated_acled_names(refs: dict[str, tuple[str | None, str, str | None]]) -> None:
    assert refs["État islamique au Grand Sahara"][2] == "Islamic State (West Africa) - Greater Sahara Faction"
    assert refs["hommes armés non identifiés"][2] == "Unidentified Armed Group (Burkina Faso)"
