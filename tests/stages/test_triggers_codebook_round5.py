"""Fifth pass of codebook rules, on sentences written for these tests (EN and FR).

The weapon, not the target, makes an Explosions/Remote violence sub-type: civilians killed
by a suicide bomber, an air strike, shells, a planted bomb, a grenade or a chemical agent
stay with that weapon. Remote violence merges into a battle only when the battle is at
least as strongly reported as the weapon. A suspected device, a parcel intercepted and a
weapons store found in a sweep are disrupted weapons use.
"""

from __future__ import annotations

import pytest

from flashpoint.kb.trigger_lexicon import TriggerLexicon
from flashpoint.stages.triggers import classify_text, explain_text

DISRUPTED = "Disrupted weapons use"
SHELLING = "Shelling/artillery/missile attack"
CHEMICAL = "Chemical weapon"

CASES = [
    # Excessive force needs a crowd: forces firing and people hurt is otherwise an attack.
    ("en", "Villagers were killed when soldiers opened fire on the market.", "Attack"),
    ("en", "Dozens were injured as police fired tear gas and rubber bullets to disperse the crowd.", "Excessive force against protesters"),
    ("fr", "La police a tiré des gaz lacrymogènes pour disperser les manifestants devant le palais.", "Protest with intervention"),
    ("en", "Five farmers were killed when a mine planted on the track exploded under their cart.", "Remote explosive/landmine/IED"),
    ("en", "A bomber blew himself up at the bus station, killing twelve passengers.", "Suicide bomb"),
    ("en", "Government forces used sarin against the villagers, killing dozens of children.", CHEMICAL),
    ("en", "Chlorine gas killed a family of four in the besieged district, rescuers said.", CHEMICAL),
    ("en", "Mortar shells landed on the market, killing seven civilians and wounding children.", SHELLING),
    ("en", "Rebels fired rocket-propelled grenades at the patrol during brief clashes on the ridge.", SHELLING),
    ("en", "Soldiers fought the insurgents for hours in heavy fighting; mortar fire was also reported.", "Armed clash"),
    ("en", "Two suspected explosive devices were intercepted at a sorting office before delivery.", DISRUPTED),
    ("en", "A package addressed to the mayor was found by a clerk and taken away by the bomb squad.", DISRUPTED),
    ("en", "Troops sweeping the valley discovered a tunnel filled with ammunition and weapons.", DISRUPTED),
    ("fr", "Des soldats ont découvert un dépôt contenant des armes et des munitions dans la forêt.", DISRUPTED),
    ("fr", "Un colis suspect a été intercepté au centre de tri avant sa livraison.", DISRUPTED),
    ("fr", "Des obus de mortier sont tombés sur le marché, tuant sept civils.", SHELLING),
]


@pytest.mark.parametrize(("lang", "text", "sub_type"), CASES)
def test_triggers_codebook_round5_sub_type(lexicon: TriggerLexicon, lang: str, text: str, sub_type: str) -> None:
    result = classify_text(text, lang=lang, lexicon=lexicon)
    assert result == (lexicon.typology.event_type_of(sub_type), sub_type)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Eleven villagers were killed and women wounded when rockets slammed into the hamlet.", "shelling_against_civilians"),
        ("Six passengers were killed when the drone hit their minibus on the highway.", "air_strike_against_civilians"),
        ("Nine worshippers were killed in the mosque when the militia released chlorine gas.", "chemical_weapon_whatever_the_delivery"),
    ],
)
def test_triggers_codebook_round5_rule_named(lexicon: TriggerLexicon, text: str, rule: str) -> None:
    result = explain_text(text, lexicon=lexicon)
    assert result is not None and result.rule == rule


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        # No weapon named: gunmen shooting villagers stay an attack on civilians.
        ("Gunmen stormed the village and shot dead nine villagers.", "Attack"),
        # Arms used in a battle are not a find: no store was discovered.
        ("The militants attacked the army post with rifles and machine guns.", "Armed clash"),
    ],
)
def test_triggers_codebook_round5_unchanged(lexicon: TriggerLexicon, text: str, sub_type: str) -> None:
    result = classify_text(text, lexicon=lexicon)
    assert result == (lexicon.typology.event_type_of(sub_type), sub_type)
