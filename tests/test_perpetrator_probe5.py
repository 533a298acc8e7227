"""A fifth probe set for the perpetrators of attacks (issue 12), written for this project after
test_perpetrator_probe4.py: the forms the earlier sets left open. A claimant the report introduces by its name ("a
new militia named the Tarhuna Youth Brigade claimed", "an anarchist group called \"Fire Cells of Revolt\"", "a group
known as X", "a cell dubbed X", "a so-called \"People's Vengeance Brigade\""): the group is the name, whatever its
words mean ("Youth", "People's" are no civilians) and whatever label the tagger gives a quoted name; the doers of an
attack who wear a disguise or hide in a crowd ("gunmen disguised as soldiers stormed a hotel", "bombers hidden among
fleeing civilians killed six"): the soldiers and the civilians are the guise, the parser's subject only by a misreading
of "as" or of the participle's object. Real and invented groups, many countries, wire style.

A probe passes when an asserted violent event has the group as actor1 or an associated actor1 (one of the names
given, separated by "|": the catalogue may file a front under the group it fronts for).
`python tests/test_perpetrator_probe5.py` prints the rates and every miss.
"""

from __future__ import annotations

import pytest

from test_perpetrator_probe4 import party_names, violent_events

# -- a claimant introduced by its name: the name is the group --------------------------------------------------------

NAMED_CLAIMANT = [
    ("Rockets hit the airport in Misrata overnight. A new militia named the Tarhuna Youth Brigade claimed "
     "responsibility for the attack.", "Tarhuna Youth Brigade"),
    ("A bomb damaged a bank in Athens. An anarchist group called \"Fire Cells of Revolt\" claimed responsibility for "
     "the attack.", "Fire Cells of Revolt"),
    ("A bomb exploded outside a court in Santiago. A group known as the Autonomous Cells of Direct Action claimed the "
     "bombing.", "Autonomous Cells of Direct Action"),
    ("A grenade exploded at a bar in Bujumbura, wounding nine. A so-called \"People's Vengeance Brigade\" claims "
     "responsibility for the attack.", "People's Vengeance Brigade"),
    ("Gunmen shot dead two police officers in Tlaquepaque. A cartel cell known as Los Halcones del Norte claimed "
     "responsibility in banners left at the scene.", "Halcones del Norte"),
    ("A car bomb killed five soldiers near Tal Afar. A previously unknown group named Saraya Awliya al-Dam claimed "
     "the attack.", "Awliya al-Dam|Islamic Resistance in Iraq"),
    ("An explosive device damaged a bank branch in Thessaloniki overnight. A group called \"Nuclei of Armed "
     "Struggle\" claimed responsibility.", "Nuclei of Armed Struggle"),
    ("Militants attacked a checkpoint in Pulwama, killing three policemen. An outfit named The Resistance Front "
     "claimed the attack.", "Resistance Front|Lashkar"),
    ("A parcel bomb wounded a judge in Lima. A group known as the Andean Popular Front later claimed responsibility "
     "for the attack.", "Andean Popular Front"),
    ("Rebels ambushed a convoy near Bria, killing four peacekeepers. A new armed group named the Movement for Central "
     "African Justice claimed the ambush.", "Movement for Central African Justice"),
    ("Two bombs exploded at a bus depot in Kaduna. A group calling itself \"Youth Defenders of the North\" claimed "
     "responsibility for the blasts.", "Youth Defenders of the North"),
    ("A gunman killed a councillor in Sabah. A militia known as the People's Sulu Army claimed the killing.",
     "People's Sulu Army"),
    ("Assailants torched a police post near Tillaberi. A jihadist group called Katiba Dawla claimed the attack.",
     "Katiba Dawla"),
    ("An improvised bomb hit a police van in Hakkari. A group known as the Kurdistan Freedom Falcons claimed "
     "responsibility.", "Freedom Falcons|Kurdistan Workers"),
    ("Gunmen kidnapped two engineers near Port Harcourt. A militant group calling itself the Niger Delta Avengers "
     "claimed the abduction.", "Niger Delta"),
    ("Rockets struck a US base near Baghdad. A previously unknown militia called Ashab al-Kahf claimed the attack.",
     "Ashab al-Kahf|Islamic Resistance in Iraq"),
    ("A suicide bomber killed eleven worshippers at a mosque in Zahedan. A group calling itself Jaish al-Adl claimed "
     "the bombing.", "Jaish al-Adl"),
    ("Gunmen shot dead a journalist in Tegucigalpa. A gang known as the Barrio Sur Vipers claimed the killing in a "
     "video.", "Barrio Sur Vipers"),
    ("A bomb exploded on a bus in Vessora, killing four. A little-known group dubbed the Vessoran Martyrs' Brigade "
     "claimed the attack.", "Vessoran Martyrs' Brigade"),
    ("Mortar rounds hit a market in Dabru, killing six people. A militia called the Dabru Youth Front claimed the "
     "shelling.", "Dabru Youth Front"),
    # a person so introduced is no group: the group he is said to belong to did it
    ("Two car bombs exploded in Sweida, killing 26. Officials said a man called Omar Haddad is suspected of the "
     "attack. He is said to be a member of the Nusra Front.", "Nusra|Tahrir al-Sham"),
    ("A bomb killed four soldiers in Kunar. Police said a man named Gul Wazir is suspected of the bombing. He is "
     "believed to be a member of the Taliban.", "Taliban"),
]

# -- the doers of an attack in a disguise or a crowd: the guise is not who acted -------------------------------------

GUISE = [
    ("Three ISIS suicide bombers hidden among fleeing civilians killed six people near Baghuz.", "Islamic State"),
    ("Al-Shabaab gunmen disguised as soldiers stormed a hotel in Mogadishu, killing nine guests.", "Shabaab"),
    ("Taliban fighters dressed in police uniforms attacked a checkpoint in Kandahar, killing five officers.",
     "Taliban"),
    ("Boko Haram militants posing as traders opened fire on a market in Konduga, killing 12.", "Boko Haram"),
    ("Two PKK militants mingling with protesters threw grenades at a police post in Cizre.", "Kurdistan Workers"),
    ("ADF rebels hiding among displaced families attacked a camp near Beni, killing seven civilians.",
     "Allied Democratic Forces"),
    ("Militants of the Islamic State disguised as shepherds ambushed an army patrol near Palmyra.", "Islamic State"),
    ("Houthi fighters dressed as tribesmen shelled a village near Marib, killing three children.", "Houthi"),
    ("JNIM fighters disguised as herders attacked a gendarmerie post near Djibo, killing four gendarmes.", "Nusrat"),
    ("ELN guerrillas posing as health workers shot dead two soldiers in Arauca.", "National Liberation Army"),
    ("Hamas gunmen dressed as Israeli soldiers opened fire at a checkpoint near Kerem Shalom, wounding two.", "Hamas"),
    ("Maoist rebels disguised as villagers ambushed a police patrol in Dantewada, killing six constables.",
     "Communist Party of India|Maoist"),
    ("Abu Sayyaf gunmen posing as fishermen kidnapped four tourists from a resort in Sabah.", "Abu Sayyaf"),
    ("Two al-Shabaab suicide bombers hidden among the crowd blew themselves up at a rally in Baidoa, killing 14.",
     "Shabaab"),
    ("Gunmen of the Koros People's Army disguised as nurses stormed a clinic in Varsa, killing three guards.",
     "Koros People's Army"),
    ("Islamic State militants dressed as women attacked a police station in Kirkuk, killing five officers.",
     "Islamic State"),
]

PERPETRATOR_FAMILIES = {"named_claimant": NAMED_CLAIMANT, "guise": GUISE}


def measure(pipeline):
    """The rate of each family and the misses (family, sentence, expected, what was found): the group as a
    perpetrator (actor1 or an associated actor1)."""
    rates, misses = {}, []
    for family, probes in PERPETRATOR_FAMILIES.items():
        hits = 0
        for text, group in probes:
            found = party_names(violent_events(pipeline, text), 1)
            if any(g.lower() in name.lower() for g in group.split("|") for name in found):
                hits += 1
            else:
                misses.append((family, text, group, found))
        rates[family] = hits / len(probes)
    return rates, misses


# the rate each family is held at: as measured when the set was written, less about one probe. Before -> after the
# rules it came with (22 and 16 probes): named_claimant 0.409 -> 0.955, guise 0.375 -> 0.938. Known misses: a name
# the catalogue reads in part ("the Vessoran Martyrs' Brigade" as a Martyrs Brigade it knows), an unknown group after
# "of" whose doers wear a guise ("Gunmen of the Koros People's Army disguised as nurses").
FLOORS = {"named_claimant": 0.85, "guise": 0.85}


@pytest.fixture(scope="module")
def rates(pipeline):
    return measure(pipeline)[0]


@pytest.mark.parametrize("family", list(PERPETRATOR_FAMILIES))
def test_each_family_of_perpetrators_holds_its_floor(rates, family):
    assert rates[family] >= FLOORS[family], rates


def test_the_probe_set_is_large_and_varied():
    assert sum(len(p) for p in PERPETRATOR_FAMILIES.values()) >= 30


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    figures, missed = measure(Pipeline(workers=1))
    for fam, rate in figures.items():
        print(f"{fam:16s} {rate:.3f}")
    for fam, text, group, found in missed:
        print(f"MISS [{fam}] {group!r}: {text}\n     {found}")
