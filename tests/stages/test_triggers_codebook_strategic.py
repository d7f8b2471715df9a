"""Strategic developments by the codebook, on sentences written for these tests (EN and FR).

Surrenders and prisoner exchanges are agreements; observation posts and checkpoints set
up are bases established; forming, reinforcing or pulling back units is a change to
group activity; an interception or a depot is disrupted weapons use only with a weapon
seized, found or intercepted; destruction of property named as such is property
destruction.
"""

from __future__ import annotations

import pytest

from flashpoint.kb.trigger_lexicon import TriggerLexicon
from flashpoint.stages.triggers import classify_text

AGREEMENT = "Agreement"
HQ = "Headquarters or base established"
CHANGE = "Change to group/activity"
DISRUPTED = "Disrupted weapons use"
PROPERTY = "Looting/property destruction"



CASES = [
    ("en", "Forty rebel fighters surrendered to the army in the eastern hills on Sunday.", AGREEMENT),
    ("en", "The government freed twelve militants in exchange for four captured policemen.", AGREEMENT),
    ("en", "Officials oversaw the exchange of prisoners of war at the river crossing.", AGREEMENT),
    ("en", "The foreign contingent has set up a new observation point south of the city.", HQ),
    ("en", "Coalition troops established a military checkpoint on the main road to the port.", HQ),
    ("en", "Two observation posts were set up in the countryside last week.", HQ),
    ("en", "New artillery brigades were formed in the southern military district.", CHANGE),
    ("en", "The militia pulled back from the frontline villages towards the capital.", CHANGE),
    ("en", "The armed factions continued to fortify their positions near the frontline.", CHANGE),
    ("en", "The regional army is sending more troops to the desert border area.", CHANGE),
    ("en", "Police seized 120 pistols and 9,000 bullets were captured in the raid.", DISRUPTED),
    ("en", "Soldiers found a stash of mortar shells belonging to the insurgents.", DISRUPTED),
    ("en", "Fighter jets destroyed an arms depot of the rebels in the valley.", "Air/drone strike"),
    ("en", "The militia dismantled and stole the copper cables of the old railway.", PROPERTY),
    ("en", "The minister condemned the destruction of public property across the province.", PROPERTY),
    ("fr", "Une trentaine de combattants rebelles se sont rendus à l'armée dimanche.", AGREEMENT),
    ("fr", "L'armée a installé un poste d'observation à l'entrée de la ville.", HQ),
    ("fr", "Les groupes armés ont renforcé leurs positions près de la ligne de front.", CHANGE),
    ("fr", "Deux drones ont été interceptés au-dessus de la base.", DISRUPTED),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_strategic_sub_type(lexicon: TriggerLexicon, lang: str, text: str, expected: str) -> None:
    decided = classify_text(text, lang=lang, lexicon=lexicon)
    assert decided is not None and decided[1] == expected
