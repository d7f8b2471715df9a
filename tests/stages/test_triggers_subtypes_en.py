"""English snippets (written for these tests) land on the right ACLED sub-type."""

from __future__ import annotations

import pytest

from flashpoint.kb.trigger_lexicon import TriggerLexicon
from flashpoint.stages.triggers import classify_text, explain_text

CASES = [
    ("Rebels and government troops clashed near the border town on Tuesday.", "Armed clash"),
    ("Heavy fighting broke out between two rival militias in the north of the province.", "Armed clash"),
    ("Insurgents ambushed an army patrol on the road to the district centre.", "Armed clash"),
    ("The army recaptured the town from the insurgents after a week-long siege.", "Government regains territory"),
    ("Government forces regained control of the district, the defence ministry said.", "Government regains territory"),
    ("Jihadist fighters seized control of the town after the garrison fled.", "Non-state actor overtakes territory"),
    ("The rebels captured the provincial capital on Sunday.", "Non-state actor overtakes territory"),
    ("Doctors reported symptoms of sarin exposure after the attack on the suburb.", "Chemical weapon"),
    ("Warplanes pounded the village at dawn, killing four people.", "Air/drone strike"),
    ("A drone strike hit a vehicle carrying two commanders.", "Air/drone strike"),
    ("A suicide bomber blew himself up at the entrance of the mosque.", "Suicide bomb"),
    ("Mortar shells landed on a residential neighbourhood overnight.", "Shelling/artillery/missile attack"),
    ("Separatists shelled the outskirts of the city with heavy artillery.", "Shelling/artillery/missile attack"),
    ("Three soldiers died when their truck hit a landmine.", "Remote explosive/landmine/IED"),
    ("A roadside bomb exploded as a police convoy passed.", "Remote explosive/landmine/IED"),
    ("Unknown attackers hurled a grenade into a crowded bus station.", "Grenade"),
    ("Militiamen raped several women during the raid on the camp.", "Sexual violence"),
    ("Gunmen killed eleven villagers and burned their bodies.", "Attack"),
    ("Armed men executed three farmers accused of informing the army.", "Attack"),
    ("Bandits kidnapped twelve passengers from a bus on the highway.", "Abduction/forced disappearance"),
    ("Two aid workers were abducted by unidentified gunmen.", "Abduction/forced disappearance"),
    ("Hundreds of teachers staged a peaceful protest demanding unpaid salaries.", "Peaceful protest"),
    ("Students marched to parliament chanting slogans against the new law.", "Peaceful protest"),
    ("Police fired tear gas and water cannon to disperse the demonstrators.", "Protest with intervention"),
    ("Security forces opened fire on protesters, killing three of them.", "Excessive force against protesters"),
    ("Protesters threw stones at police and set tyres on fire.", "Violent demonstration"),
    ("Rioters torched cars and ransacked shops in the capital.", "Violent demonstration"),
    ("An angry mob lynched a man suspected of theft.", "Mob violence"),
    ("The warring parties signed a ceasefire agreement in the capital.", "Agreement"),
    ("The local faction pledged allegiance to the Islamic State.", "Agreement"),
    ("Police arrested a prominent opposition leader at his home.", "Arrests"),
    ("The two armed groups announced their merger into a single movement.", "Change to group/activity"),
    ("The government deployed additional troops to the restive region.", "Change to group/activity"),
    ("A bomb disposal team defused an explosive device near the market.", "Disrupted weapons use"),
    ("Troops seized a large cache of weapons and ammunition in a raid.", "Disrupted weapons use"),
    ("The militants set up a new base in the forest near the border.", "Headquarters or base established"),
    ("Armed men looted shops and stole livestock from the village.", "Looting/property destruction"),
    ("Fighters burned down dozens of houses in the hamlet.", "Looting/property destruction"),
    ("The soldiers withdrew from the town without a fight and handed over control to the militia.", "Non-violent transfer of territory"),
    ("Residents discovered a mass grave on the edge of the village.", "Other"),
]


@pytest.mark.parametrize(("text", "sub_type"), CASES)
def test_triggers_en_sub_type(lexicon: TriggerLexicon, text: str, sub_type: str) -> None:
    result = classify_text(text, lang="en", lexicon=lexicon)
    assert result is not None
    assert result == (lexicon.typology.event_type_of(sub_type), sub_type)


@pytest.mark.parametrize(
    "text",
    [
        "A magnitude 6.1 earthquake struck the region, killing at least 20 people.",
        "The central bank raised interest rates by half a point on Thursday.",
        "Floods destroyed hundreds of homes after days of torrential rain.",
        "A gas cylinder explosion in a restaurant kitchen injured five people.",
        "",
    ],
)
def test_triggers_en_no_conflict_event(lexicon: TriggerLexicon, text: str) -> None:
    assert classify_text(text, lang="en", lexicon=lexicon) is None


@pytest.mark.parametrize(
    ("text", "sub_type", "rule"),
    [
        # Shelling inside an ongoing battle folds into the battle.
        (
            "Heavy fighting and clashes raged all day as artillery shelled the outskirts.",
            "Armed clash",
            "remote_violence_in_battle",
        ),
        # Collateral civilian deaths in a battle stay with the battle.
        (
            "Two civilians were killed during fierce clashes between troops and rebels.",
            "Armed clash",
            "collateral_civilians_in_battle",
        ),
        # An abduction followed by a killing is an attack.
        (
            "Bandits abducted three farmers and held them for ransom before killing one of them.",
            "Attack",
            "abduction_with_further_harm",
        ),
        # A failed capture is a clash.
        ("Militants tried to seize control of the town but were repelled.", "Armed clash", "capture_needs_final_hold"),
        # A defused bomb is not an explosion.
        (
            "A roadside bomb planted near the school was defused by police.",
            "Disrupted weapons use",
            "disrupted_weapon_is_not_an_explosion",
        ),
    ],
)
def test_triggers_en_codebook_rules(lexicon: TriggerLexicon, text: str, sub_type: str, rule: str) -> None:
    result = explain_text(text, lang="en", lexicon=lexicon)
    assert result is not None
    assert result.sub_event_type == sub_type
    assert result.rule == rule


def test_triggers_en_abduction_alone_stays_abduction(lexicon: TriggerLexicon) -> None:
    result = explain_text("Gunmen abducted a village chief on his farm.", lang="en", lexicon=lexicon)
    assert result is not None
    assert result.sub_event_type == "Abduction/forced disappearance"
    assert result.rule is None
