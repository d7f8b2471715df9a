"""Fourth pass of codebook rules, on sentences written for these tests (EN and FR).

Exchanges of fire and repelled attacks are two armed sides fighting; a checkpoint overrun
or a town held only briefly is a battle, not ground taken; property destroyed from the air,
in a battle or in a deadly raid goes with that event; vandalism is a riot only at a
demonstration; a gathering that turns violent is a riot; harm done by vigilantes or a crowd
is mob violence; authority handed over is a non-violent transfer; ordinary property crime
and chemical accidents are not conflict events.
"""

from __future__ import annotations

import pytest

from flashpoint.kb.trigger_lexicon import TriggerLexicon
from flashpoint.stages.triggers import classify_text, explain_text

CLASH = "Armed clash"
RIOT = "Violent demonstration"
MOB = "Mob violence"
PROPERTY = "Looting/property destruction"
TRANSFER = "Non-violent transfer of territory"



CASES = [
    ("en", "Police officers and the gunmen were locked in a fire exchange for an hour.", CLASH),
    ("en", "Border guards traded fire with smugglers' armed escorts overnight.", CLASH),
    ("en", "The night attack on the barracks was fended off by the garrison.", CLASH),
    ("en", "Villagers' militia beat off a raid by armed herders.", CLASH),
    ("en", "The navy opened fire on Houthi rebels who approached the port.", CLASH),
    ("en", "Insurgents attacked and overran two checkpoints on the highway, killing six policemen.", CLASH),
    ("en", "The rebels briefly seized the district town before being driven back by the army.", CLASH),
    ("en", "Government fighter jets destroyed dozens of vehicles and a fuel depot of the militants.", "Air/drone strike"),
    ("en", "Rebels said they killed many soldiers and destroyed three army vehicles in clashes near the dam.", CLASH),
    ("en", "Unknown people vandalised the offices of the electoral commission overnight.", PROPERTY),
    ("en", "Dozens of protesters vandalised the town hall during the demonstration.", RIOT),
    ("en", "The rally turned increasingly violent as the evening went on.", RIOT),
    ("en", "Demonstrators gathered again after three nights of street violence in the suburbs.", RIOT),
    ("en", "Rival fans rallied against each other in violent demonstrations near the stadium.", RIOT),
    ("en", "Two alleged cattle thieves were beaten to death by vigilantes in the market town.", MOB),
    ("en", "A man suspected of witchcraft was stabbed by an angry crowd of villagers.", MOB),
    ("en", "Gunmen attacked the hamlet at night and abducted the village chief.", "Abduction/forced disappearance"),
    ("en", "The peacekeeping mission handed authority over the district to the national government.", TRANSFER),
    ("en", "The militia moved into an abandoned police post north of the town.", TRANSFER),
    ("fr", "Les gendarmes ont échangé des coups de feu avec les ravisseurs pendant une heure.", CLASH),
    ("fr", "L'attaque nocturne contre la caserne a été repoussée par la garnison.", CLASH),
    ("fr", "Les jihadistes ont brièvement pris la ville avant d'être chassés par l'armée.", CLASH),
    ("fr", "Les soldats ont tué une vingtaine de miliciens dans la forêt.", CLASH),
    ("fr", "Des inconnus ont vandalisé les bureaux de la commission électorale.", PROPERTY),
    ("fr", "Des manifestants ont vandalisé la mairie pendant la marche.", RIOT),
    ("fr", "Le rassemblement a tourné à l'affrontement en fin de soirée.", RIOT),
    ("fr", "Un voleur présumé a été battu à mort par des jeunes en colère.", MOB),
    ("fr", "La mission de paix a remis l'autorité sur le district aux forces nationales.", TRANSFER),
]


@pytest.mark.parametrize(("lang", "text", "sub_type"), CASES)
def test_triggers_codebook_round4_sub_type(lexicon: TriggerLexicon, lang: str, text: str, sub_type: str) -> None:
    result = classify_text(text, lang=lang, lexicon=lexicon)
    assert result == (lexicon.typology.event_type_of(sub_type), sub_type)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Police recovered stolen property worth $20,000 after a break-in at a jewellery shop."),
        ("en", "Two bank robberies were reported downtown; a man robbed a bank on Monday."),
        ("en", "Residents were evacuated after a leak of sodium cyanide at a chemical plant exploded."),
        ("fr", "La police a retrouvé des biens volés après plusieurs cambriolages dans le quartier."),
    ],
)
def test_triggers_codebook_round4_not_conflict(lexicon: TriggerLexicon, lang: str, text: str) -> None:
    assert classify_text(text, lang=lang, lexicon=lexicon) is None


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Helicopter gunships destroyed several vehicles and smashed a convoy of the insurgents.", "destruction_from_the_air"),
        ("Gunmen torched twenty houses in the village and killed four farmers.", "destruction_with_killings"),
        ("The militants briefly captured the town before withdrawing at dawn.", "capture_needs_final_hold"),
    ],
)
def test_triggers_codebook_round4_rule_named(lexicon: TriggerLexicon, text: str, rule: str) -> None:
    result = explain_text(text, lexicon=lexicon)
    assert result is not None and result.rule == rule
