"""The codebook's demonstration rules, on sentences written for these tests (EN and FR).

Who is violent decides: demonstrators who clash, block roads or throw things make a
violent demonstration; authorities who disperse or arrest without serious harm make a
protest with intervention; authorities who shoot, beat or injure protesters use excessive
force. What a crowd protests about ("against violence") is not what happened.
"""

from __future__ import annotations

import pytest

from flashpoint.kb.trigger_lexicon import TriggerLexicon
from flashpoint.stages.triggers import classify_text

CASES = [
    # Demonstrators who clash with the police riot; soldiers who clash with rebels fight a battle.
    ("en", "Students clashed with riot police outside the ministry during the rally.", "Violent demonstration"),
    ("en", "Soldiers clashed with rebels near the river crossing.", "Armed clash"),
    ("en", "Demonstrators blocked the main highway for six hours to press their demands.", "Violent demonstration"),
    ("en", "The march turned into chaos as protesters tore down the fences around parliament.", "Violent demonstration"),
    ("en", "Stones were thrown at officers as the demonstration went on into the night.", "Violent demonstration"),
    ("en", "Thousands held a non-violent demonstration in the main square.", "Peaceful protest"),
    # The grievance is not the event.
    ("en", "Hundreds of women rallied against domestic violence in the capital.", "Peaceful protest"),
    ("en", "Residents marched to demand justice for the farmers killed last month.", "Peaceful protest"),
    ("en", "Dockers staged protests over the floods that hit the port, blaming the city council.", "Peaceful protest"),
    # Arrests at the protest are an intervention; arrests elsewhere stay arrests.
    ("en", "Police detained dozens of activists during the protest outside the court.", "Protest with intervention"),
    ("en", "Police arrested the opposition leader at his home before next week's rally.", "Arrests"),
    ("en", "Officers suppressed the sit-in of nurses in front of the hospital.", "Protest with intervention"),
    # Force that injures or kills protesters is excessive.
    ("en", "Security forces violently dispersed the sit-in, leaving several people hurt.", "Excessive force against protesters"),
    ("en", "Three people were injured when troops fired on the crowd at the rally.", "Excessive force against protesters"),
    ("en", "An officer struck a marcher with his baton during the demonstration.", "Excessive force against protesters"),
    ("fr", "Des heurts ont éclaté entre manifestants et policiers devant la mairie.", "Violent demonstration"),
    ("fr", "Les manifestants ont bloqué les principaux axes de la ville.", "Violent demonstration"),
    ("fr", "Une manifestation non violente a réuni des centaines de personnes.", "Peaceful protest"),
    ("fr", "Des femmes ont manifesté contre les violences faites aux enfants.", "Peaceful protest"),
    ("fr", "Plusieurs manifestants ont été interpellés lors de la marche.", "Protest with intervention"),
    ("fr", "Les gendarmes ont arrêté un député à son domicile.", "Arrests"),
    ("fr", "La police a violemment réprimé le sit-in des étudiants.", "Excessive force against protesters"),
    ("fr", "Les forces de l'ordre ont réprimé la marche des commerçants.", "Protest with intervention"),
]


@pytest.mark.parametrize(("lang", "text", "sub_type"), CASES)
def test_triggers_codebook_demonstration_sub_type(lexicon: TriggerLexicon, lang: str, text: str, sub_type: str) -> None:
    result = classify_text(text, lang=lang, lexicon=lexicon)
    assert result == (lexicon.typology.event_type_of(sub_type), sub_type)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Violence and chaos marked the final hours of the football season."),
        ("en", "Traffic was blocked on the bridge for repairs."),
        ("fr", "La circulation a été bloquée sur le pont pour des travaux."),
    ],
)
def test_triggers_codebook_context_only_words_need_a_crowd(lexicon: TriggerLexicon, lang: str, text: str) -> None:
    assert classify_text(text, lang=lang, lexicon=lexicon) is None
