"""The actors stage on hand-written English reports: names, descriptors, coreference, generics."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flashpoint.kb.actors import ActorKB
from flashpoint.model import ActorRef, Document, Sentence, Span
from flashpoint.stages.actors import ActorStage

REPORT = (
    "Gunmen killed four villagers near Boni on Tuesday, local officials said. "
    "Witnesses blamed the Group for Support of Islam and Muslims. "
    "The terrorist organization later claimed the attack in a statement. "
    "Malian soldiers and Wagner mercenaries were deployed to the area. "
    "Separately, fighters of the “Islamic State” attacked a convoy near Ménaka; "
    "the group has been fighting JNIM since 2020. "
    "Dozens of soldiers from the Platform movement were killed."
)


@pytest.fixture(scope="module")
def stage() -> ActorStage:
    return ActorStage(ActorKB.load())


def make_doc(text: str, *, countries: tuple[str, ...] = ("ML",), published: dt.date | None = dt.date(2022, 11, 15)) -> Document:
    """A document with sentences split on full stops, as the linguistic stage would."""
    starts = [0, *(m.end() for m in re.finditer(r"(?<=[.;])\s+", text))]
    ends = [*(s for s in starts[1:]), len(text)]
    sentences = tuple(Sentence(Span(a, b), i) for i, (a, b) in enumerate(zip(starts, ends)))
    return Document.from_text(text, published=published).with_layers(sentences=sentences, countries=countries)


def by_text(refs: tuple[ActorRef, ...]) -> dict[str, list[ActorRef]]:
    found: dict[str, list[ActorRef]] = {}
    for ref in refs:
        found.setdefault(ref.text, []).append(ref)
    return found


def test_actors_stage_resolves_every_mention(stage: ActorStage) -> None:
    doc = stage(make_doc(REPORT))
    found = by_text(doc.actors)
    expected = {
        "Gunmen": ("unidentified_armed_group", "generic"),
        "villagers": ("civilians", "generic"),
        "Group for Support of Islam and Muslims": ("jnim", "alias"),
        "The terrorist organization": ("jnim", "coref"),
        "Malian soldiers": ("military_forces_mali", "generic"),
        "Wagner mercenaries": ("wagner", "alias"),
        "Islamic State": ("issp", "alias"),
        "the group": ("issp", "coref"),
        "JNIM": ("jnim", "alias"),
        "Platform movement": ("platform", "alias"),
    }
    for text, (actor_id, resolution) in expected.items():
        assert text in found, f"{text!r} not found in {list(found)}"
        assert (found[text][0].id, found[text][0].resolution) == (actor_id, resolution)
    # "soldiers from the Platform movement" are Platform's, not the army's.
    assert "soldiers" not in found


def test_actors_stage_refs_are_in_text_order_with_true_spans(stage: ActorStage) -> None:
    doc = stage(make_doc(REPORT))
    starts = [ref.span.start for ref in doc.actors]
    assert starts == sorted(starts)
    assert all(doc.snippet(ref.span) == ref.text for ref in doc.actors)


def test_actors_stage_names_follow_document_date_and_country(stage: ActorStage) -> None:
    doc = stage(make_doc(REPORT, published=dt.date(2021, 1, 15)))
    found = by_text(doc.actors)
    assert found["Islamic State"][0].name == "Islamic State (West Africa) - Greater Sahara Faction"
    assert found["Gunmen"][0].name == "Unidentified Armed Group (Mali)"
    assert found["Gunmen"][0].country == "ML"
    assert found["Malian soldiers"][0].name == "Military Forces of Mali (2020-2021)"
    assert found["Malian soldiers"][0].inter == 1


def test_actors_stage_coreference_takes_the_nearest_fitting_actor(stage: ActorStage) -> None:
    text = (
        "MNLA fighters clashed with ISSP near Menaka. "
        "The rebels said they lost two men. "
        "The jihadists withdrew towards Niger."
    )
    found = by_text(stage(make_doc(text)).actors)
    assert found["The rebels"][0].id == "mnla"
    assert found["The jihadists"][0].id == "issp"


def test_actors_stage_descriptor_without_antecedent_stays_unresolved(stage: ActorStage) -> None:
    found = by_text(stage(make_doc("The terrorist group claimed the attack on Sunday.")).actors)
    ref = found["The terrorist group"][0]
    assert (ref.id, ref.resolution, ref.name) == (None, "unresolved", None)


def test_actors_stage_same_names_in_syria_are_not_sahel_groups(stage: ActorStage) -> None:
    text = "In Idlib, the al-Nusra Front and ISIS fought for control of the road."
    refs = stage(make_doc(text, countries=("SY",))).actors
    assert [(ref.text, ref.id) for ref in refs] == [("al-Nusra Front", "al_nusra_front"), ("ISIS", "islamic_state")]
    assert refs[1].name == "Islamic State (Syria)"


def test_actors_stage_army_without_country_is_kept_unresolved(stage: ActorStage) -> None:
    refs = stage(make_doc("The army said it repelled an attack.", countries=())).actors
    assert [(ref.text, ref.id, ref.resolution) for ref in refs] == [("army", None, "unresolved")]


def test_actors_stage_lowercase_words_are_not_acronyms(stage: ActorStage) -> None:
    refs = stage(make_doc("This is a platform where it is said the fama is good.")).actors
    assert refs == ()


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ISNJMabcl- .“”'’\nالدولة")), max_size=120))
def test_actors_stage_never_crashes_and_spans_fit(stage: ActorStage, text: str) -> None:
    doc = stage(make_doc(text))
    for ref in doc.actors:
        assert 0 <= ref.span.start < ref.span.end <= len(doc.text)
        assert ref.resolution in {"alias", "fuzzy", "descriptor", "coref", "generic", "unresolved"}
