"""French counterparts of the English codebook rules of rounds 1-3, on sentences written for these tests.

Each row restates, in ordinary French news wording, a decision an English codebook test
already checks: who fights whom, crowds and demonstrations, strategic developments,
territory and disrupted weapons. A rule that only the English lexicon knows fails here.
"""

from __future__ import annotations

import pytest

from flashpoint.kb.trigger_lexicon import TriggerLexicon
from flashpoint.stages.triggers import classify_text

ATTACK = "Attack"
CLASH = "Armed clash"
MOB = "Mob violence"
RIOT = "Violent demonstration"
PEACEFUL = "Peaceful protest"
INTERVENTION = "Protest with intervention"
FORCE = "Excessive force against protesters"
GOV = "Government regains territory"
NSA = "Non-state actor overtakes territory"
TRANSFER = "Non-violent transfer of territory"



CASES = [
    # Battles and attacks: armed men against unarmed people, or two armed sides.
    ("Des insurgés ont fait irruption dans deux hameaux à l'aube, tuant onze personnes.", ATTACK),
    ("Des jihadistes ont attaqué plusieurs villages près de la frontière, faisant de nombreux morts.", ATTACK),
    ("Des rebelles ont attaqué un convoi de la garde nationale sur la route du nord.", CLASH),
    ("Des hommes armés ont pris d'assaut un poste de contrôle tenu par la gendarmerie.", CLASH),
    ("Les soldats ont ouvert le feu sur les rebelles qui tentaient de traverser le fleuve.", CLASH),
    ("L'armée a tué et blessé des dizaines d'insurgés dans les collines.", CLASH),
    ("Les militaires ont échangé des tirs avec les assaillants pendant deux heures.", CLASH),
    ("L'attaque des jihadistes contre le camp militaire a été repoussée par les soldats.", CLASH),
    # Crowds: communal fights and attacks on rallies are mob violence, violent crowds at a protest riot.
    ("Un homme est mort lorsque des voisins se sont affrontés à coups de bâtons et de pierres.", MOB),
    ("Des affrontements entre villageois rivaux ont fait trois blessés mardi.", MOB),
    ("Un groupe de nationalistes a attaqué un rassemblement pacifique devant la mairie.", MOB),
    ("Un voleur présumé a été lynché par une foule en colère au marché.", MOB),
    ("Les manifestants ont arraché les barrières métalliques devant le ministère.", RIOT),
    ("Des milliers de manifestants ont bloqué l'autoroute pendant des heures.", RIOT),
    ("Des étudiants se sont affrontés avec la police anti-émeute pendant le rassemblement.", RIOT),
    ("La manifestation a dégénéré en violences dans le centre-ville.", RIOT),
    ("Des pierres ont été lancées sur les policiers pendant la manifestation.", RIOT),
    ("Des centaines d'étudiants ont marché pour dénoncer les arrestations et les violences.", PEACEFUL),
    ("Des centaines de femmes ont manifesté contre les violences conjugales dans la capitale.", PEACEFUL),
    ("Des milliers de personnes ont tenu une manifestation non violente sur la place.", PEACEFUL),
    ("La police a interpellé des dizaines de militants pendant la manifestation devant le tribunal.", INTERVENTION),
    ("Les forces de l'ordre ont dispersé le sit-in des infirmières devant l'hôpital.", INTERVENTION),
    ("Les forces de sécurité ont violemment dispersé le sit-in, faisant plusieurs blessés.", FORCE),
    ("Trois personnes ont été blessées lorsque les soldats ont tiré sur la foule lors du rassemblement.", FORCE),
    ("La police a arrêté le dirigeant syndical pour avoir organisé une manifestation non autorisée.", "Arrests"),
    # Strategic developments.
    ("Quarante combattants rebelles se sont rendus à l'armée dimanche.", "Agreement"),
    ("Le gouvernement a libéré douze militants en échange de quatre policiers capturés.", "Agreement"),
    ("Le contingent étranger a installé un nouveau poste d'observation au sud de la ville.", "Headquarters or base established"),
    ("Les troupes de la coalition ont établi un poste de contrôle militaire sur la route du port.", "Headquarters or base established"),
    ("De nouvelles brigades d'artillerie ont été créées dans le district militaire du sud.", "Change to group/activity"),
    ("L'armée envoie davantage de troupes dans la zone frontalière.", "Change to group/activity"),
    ("La police a saisi 120 pistolets et 9 000 cartouches lors de la perquisition.", "Disrupted weapons use"),
    ("Des avions de chasse ont détruit un dépôt d'armes des rebelles dans la vallée.", "Air/drone strike"),
    ("Le ministre a condamné la destruction de biens publics dans la province.", "Looting/property destruction"),
    # Territory.
    ("Les troupes gouvernementales ont repris le port fluvial aux rebelles.", GOV),
    ("La ville de garnison a été prise par des combattants séparatistes lundi.", NSA),
    ("Les soldats ont chassé les insurgés de la vallée après une semaine d'opérations.", GOV),
    ("La milice est entrée dans la ville après le retrait des troupes gouvernementales.", TRANSFER),
    ("Les rebelles se sont installés dans la base abandonnée sans rencontrer de résistance.", TRANSFER),
    ("Les insurgés ont tenté de s'emparer de l'aéroport mais ont été repoussés après de violents combats.", CLASH),
    ("Les soldats ont détruit quarante mines et deux engins explosifs improvisés dans la zone.", "Disrupted weapons use"),
]


@pytest.mark.parametrize(("text", "sub_type"), CASES)
def test_triggers_codebook_fr_mirror_sub_type(lexicon: TriggerLexicon, text: str, sub_type: str) -> None:
    result = classify_text(text, lang="fr", lexicon=lexicon)
    assert result == (lexicon.typology.event_type_of(sub_type), sub_type)
