"""French snippets (written for these tests) land on the right ACLED sub-type."""

from __future__ import annotations

import pytest

from flashpoint.kb.trigger_lexicon import TriggerLexicon
from flashpoint.stages.triggers import classify_text

CASES = [
    ("De violents affrontements ont opposé l'armée aux rebelles près de la frontière.", "Armed clash"),
    ("Une patrouille de gendarmes est tombée dans une embuscade tendue par des hommes armés.", "Armed clash"),
    ("Les FAMa ont repris le contrôle de la localité après plusieurs jours de combats.", "Government regains territory"),
    ("Les jihadistes se sont emparés de la ville après la fuite de la garnison.", "Non-state actor overtakes territory"),
    ("Une enquête conclut à l'usage d'armes chimiques contre le quartier.", "Chemical weapon"),
    ("Une frappe aérienne a visé un rassemblement de combattants près du fleuve.", "Air/drone strike"),
    ("Un kamikaze s'est fait exploser devant le commissariat central.", "Suicide bomb"),
    ("Des tirs d'obus ont touché le camp de déplacés dans la nuit.", "Shelling/artillery/missile attack"),
    ("Un véhicule de l'armée a sauté sur une mine artisanale sur l'axe principal.", "Remote explosive/landmine/IED"),
    ("Un inconnu a lancé une grenade dans un bar du centre-ville.", "Grenade"),
    ("Plusieurs femmes ont été victimes de violences sexuelles lors du raid.", "Sexual violence"),
    ("Des hommes armés ont tué quinze villageois lors d'une attaque nocturne.", "Attack"),
    ("Deux enseignants ont été enlevés par des individus armés non identifiés.", "Abduction/forced disappearance"),
    ("Des centaines de personnes ont manifesté pacifiquement contre la vie chère.", "Peaceful protest"),
    ("La police a dispersé les manifestants à coups de gaz lacrymogène.", "Protest with intervention"),
    ("Les forces de l'ordre ont tiré à balles réelles sur les manifestants.", "Excessive force against protesters"),
    ("Des émeutiers ont incendié des pneus et saccagé la mairie.", "Violent demonstration"),
    ("Un voleur présumé a été lynché par la foule au marché.", "Mob violence"),
    ("Les deux parties ont signé un accord de cessez-le-feu à Alger.", "Agreement"),
    ("Un opposant a été interpellé et placé en garde à vue par la police.", "Arrests"),
    ("L'armée a annoncé le déploiement de renforts dans la région.", "Change to group/activity"),
    ("Un engin explosif improvisé a été désamorcé par les démineurs.", "Disrupted weapons use"),
    ("Les soldats ont saisi une importante cache d'armes et de munitions.", "Disrupted weapons use"),
    ("Les rebelles ont installé une nouvelle base dans la forêt.", "Headquarters or base established"),
    ("Des assaillants ont pillé les boutiques et emporté le bétail du village.", "Looting/property destruction"),
    ("Les militaires ont quitté le camp sans combat et l'ont cédé au groupe armé.", "Non-violent transfer of territory"),
    ("Un charnier a été découvert à la sortie du village.", "Other"),
]


@pytest.mark.parametrize(("text", "sub_type"), CASES)
def test_triggers_fr_sub_type(lexicon: TriggerLexicon, text: str, sub_type: str) -> None:
    result = classify_text(text, lang="fr", lexicon=lexicon)
    assert result is not None
    assert result == (lexicon.typology.event_type_of(sub_type), sub_type)


@pytest.mark.parametrize(
    "text",
    [
        "Un séisme de magnitude 5 a frappé la région sans faire de victimes.",
        "Le gouvernement a présenté son projet de budget pour l'année prochaine.",
        "Les inondations ont détruit des centaines de maisons dans la capitale.",
    ],
)
def test_triggers_fr_no_conflict_event(lexicon: TriggerLexicon, text: str) -> None:
    assert classify_text(text, lang="fr", lexicon=lexicon) is None
