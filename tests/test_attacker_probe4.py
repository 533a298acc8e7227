"""A fourth probe set for the attacker, written for this project after test_perpetrator_probe*.py and
test_attack_roles_probe*.py: the attacker given a name by the police or the report ("police identified the gunman as
Tomas Varga", "the attacker, named by police as X", "a gunman killed five. Police named him as X"), beside the trap
of the victim or a witness so named ("police identified the dead man as X": he is no attacker); and the attacker
told by a word that points back to a group named before ("the group", "the militants", "its fighters") or by a name
with an apposition ("X, a group linked to Y").

An attacker probe passes when an asserted violent event has the name in actor1 or an associated actor1; a victim
probe when no asserted violent event has the victim's name there. The tests hold the rate of each family at a floor;
`python tests/test_attacker_probe4.py` prints the rates and every miss.
"""

from __future__ import annotations

import pytest

VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")

# -- the attacker named by the police or the report ------------------------------------------------------------------

NAMED_ATTACKER = [
    ("The attacker, identified by police as Mark Delaney, stabbed two women outside a train station in Leeds.",
     "Delaney"),
    ("A gunman killed five people at a mosque in Halle. Police named him as Stephan Brandt, a 27-year-old local man.",
     "Brandt"),
    ("The bomber, identified as Omar Saidi, blew himself up at a checkpoint in Baqubah, killing seven policemen.",
     "Saidi"),
    ("A man opened fire in a supermarket in Tromsvik on Saturday, killing three shoppers. The gunman was identified "
     "as Lars Ekdahl, 34.", "Ekdahl"),
    ("A suicide bomber struck a wedding party in Kunduz in 2009, killing 23 guests. The bomber was later identified "
     "as Abdul Rahim Noori.", "Noori"),
    ("The shooter, named by police as Daniel Kowalczyk, killed two guards at a bank in Lodz in 1998.", "Kowalczyk"),
    ("Two people were stabbed to death at a bus stop in Marseille. Prosecutors identified the attacker as Karim "
     "Benali, a 29-year-old with a record of petty crime.", "Benali"),
    ("An assailant armed with a machete wounded four worshippers at a church in Jos. Police identified the assailant "
     "as Musa Adamu.", "Adamu"),
    ("The gunman, later identified as Peter Holloway, shot dead three people in a shopping mall in Adelaide in 1987.",
     "Holloway"),
    ("A car bomb exploded outside a police station in Diyarbakir, killing two officers. Officials named the bomber "
     "as Sedat Korkmaz.", "Korkmaz"),
    ("Three people were shot dead at a school in Vantaa. The killer was identified as Jussi Lehtonen, a former "
     "pupil.", "Lehtonen"),
    ("A grenade was thrown into a bar in Medellin, wounding 11 people. Police identified the attacker as Jhon Fredy "
     "Restrepo.", "Restrepo"),
    ("A man drove a truck into a market in Nice, killing eight people. Police named him as Hamid Touati, 31.",
     "Touati"),
    ("Ten people died when a gunman opened fire on a bus in Karachi. The gunman was named as Rafiq Baloch by the "
     "provincial police.", "Baloch"),
    ("The killer, identified by investigators as Viktor Sokolov, shot dead four people in a village near Tver.",
     "Sokolov"),
    ("A teenager stabbed a teacher to death at a school in Orvieto on Monday. Police identified him as Marco Ferri, "
     "16.", "Ferri"),
    ("The attackers, identified by the army as Ahmed Farouk and Ismail Dabo, ambushed a patrol near Menaka.",
     "Farouk|Dabo"),
    ("A man armed with an axe attacked a family in Aarhus, wounding three. Police later named the suspect as Niels "
     "Andersen.", "Andersen"),
]

# -- the victim or a witness named: no attacker ------------------------------------------------------------------------

NAMED_VICTIM = [
    ("A gunman shot dead a shopkeeper in Lahore. Police identified the victim as Tariq Mehmood, 45.", "Mehmood"),
    ("A bomb killed a judge in Palermo in 1992. The dead man was identified as Rosario Lentini.", "Lentini"),
    ("Gunmen killed a journalist outside his home in Culiacan. Police named him as Ramon Ortega, a reporter for a "
     "local paper.", "Ortega"),
    ("An attacker stabbed a woman in Bremen. The victim was named as Anna Vogt, 52.", "Vogt"),
    ("Unknown assailants killed a village chief in Kasai. Local officials identified the chief as Jean Kalala.",
     "Kalala"),
    ("A soldier was killed by a sniper in Donetsk. The army named the soldier as Ivan Petrenko.", "Petrenko"),
    ("A teacher was shot dead in Mosul. Relatives identified her as Layla Hassan.", "Hassan"),
    ("A man was killed by a roadside bomb in Kandahar. Police identified the dead man as Gul Ahmad.", "Ahmad"),
    ("Bandits abducted a priest in Kaduna on Sunday. The diocese named him as Father Joseph Okafor.", "Okafor"),
    ("Two police officers were shot in Lyon. The officers were identified as Julien Marchand and Paul Roux.",
     "Marchand|Roux"),
]

# -- the attackers hit in their turn: who shot them keeps the deed (the name given is the attacker's, not theirs) ---

ATTACKERS_HIT = [
    ("Two men stabbed two people at a city gate, killing one. Guards shot and killed both assailants. The "
     "assailants were identified as Yusuf Darwish and Sami Khalil.", "Guards"),
    ("A gunman opened fire in a nightclub in Tampa, killing nine people. Police shot dead the gunman. He was "
     "identified as Kevin Rourke.", "Police"),
    ("A man attacked passers-by with a knife in Graz, wounding four. Officers shot the attacker in the leg. Police "
     "named the attacker as Emir Hadzic.", "Police|Officers"),
    ("Gunmen stormed a hotel in Bamako. Special forces killed two of the attackers, who were later identified as "
     "Moussa Traore and Ali Cisse.", "Military Forces|Special forces"),
]

# -- a word that points back to the group named before, or a name with its apposition ------------------------------

REFERRED_BACK = [
    ("Al-Shabaab has stepped up attacks in Mogadishu this year. The militants detonated a car bomb outside a hotel "
     "on Friday, killing 12 people.", "Shabaab"),
    ("Boko Haram has been waging an insurgency since 2009. The group attacked the village of Kukawa on Sunday, "
     "killing 20 villagers.", "Boko Haram"),
    ("The Taliban have launched a spring offensive. Their fighters stormed a district centre in Faryab overnight, "
     "killing nine soldiers.", "Taliban"),
    ("The New People's Army is active in the hills of Samar. Its guerrillas burned three construction trucks on "
     "Monday.", "New People's Army"),
    ("The ELN has rejected peace talks. The guerrillas blew up an oil pipeline in Arauca on Tuesday.",
     "National Liberation Army"),
    ("Hezbollah said it would retaliate. Hours later the group fired anti-tank missiles at an Israeli army vehicle "
     "near the border.", "Hezbollah"),
    ("The bombing was carried out by Ansar Beit al-Maqdis, a group linked to al-Qaeda, officials said.",
     "Ansar Beit al-Maqdis|Qaeda"),
    ("Jund al-Aqsa, a group allied with the Nusra Front, attacked a government checkpoint near Hama.", "Jund al-Aqsa"),
    ("Katiba Macina, an affiliate of JNIM, killed ten soldiers in an ambush near Mopti.", "Katiba Macina"),
    ("The PKK, which Ankara calls a terrorist group, attacked a gendarmerie post in Hakkari in 1993, killing six "
     "conscripts.", "Kurdistan Workers"),
    ("ETA had announced the end of its truce in June. The group set off a bomb outside a barracks in Vitoria in "
     "1980, killing two civil guards.", "ETA|Basque"),
    ("The Lord's Resistance Army has terrorised northern Uganda for years. Its fighters killed 40 villagers in a "
     "raid near Gulu in 1996.", "Lord's Resistance Army"),
    ("The FARC signed a ceasefire last month. On Sunday the guerrillas ambushed an army patrol in Cauca, killing "
     "three soldiers.", "FARC"),
    ("The Baloch Liberation Army wants independence for Balochistan. The separatists attacked a gas plant in Sui on "
     "Friday.", "Baloch"),
    ("The Shining Path was once the most feared group in Peru. The guerrillas killed 14 peasants in Ayacucho "
     "province overnight, police said.", "Shining Path"),
    ("The Moro Islamic Liberation Front walked out of the talks on Thursday. A day later the separatists seized a "
     "school in Basilan and held 60 pupils.", "Moro Islamic"),
    ("The Zapatista Army of National Liberation took up arms in Chiapas. The guerrillas briefly held San Cristobal "
     "and attacked an army barracks nearby.", "Zapatista"),
]

# -- the kind alone, no group named before it: the guerrillas stay the side hit, the army's fighters not a group ----

KIND_ONLY_HIT = [
    ("Troops killed 12 guerrillas in a raid near Tumaco, the army said.", "Military Forces"),
    ("The army said soldiers killed five separatists in a clash near Kumba.", "Military Forces"),
    ("Police shot dead three suspected separatists at a roadblock in Ambon on Saturday.", "Police Forces"),
    ("Government troops killed 30 guerrillas in a two-day offensive in the hills of Tolima.", "Military Forces"),
]


def violent_events(pipeline, text, published=None):
    """The asserted events of the violence family as the scorers read it (ACLED violent types, or PLOVER ASSAULT);
    no publication date, so that a probe told in a past decade is no background to a later report."""
    return [e for e in pipeline.extract(text, published=published) if e.modality == "asserted" and (
        e.event_type in VIOLENT or e.sub_event_type == "Looting/property destruction"
        or (e.event_type is None and e.plover is not None and e.plover.event == "ASSAULT"))]


def attacker_names(events):
    return [[a.name for a in [e.actor1, *(e.assoc_actor1 or [])] if a is not None] for e in events]


def named(found, name):
    """`name` names the party; "A|B" accepts either."""
    return any(n.lower() in got.lower() for n in name.split("|") for names in found for got in names)


def measure(pipeline):
    """The rate of each family and the misses (family, text, expected, what was found)."""
    rates, misses = {}, []
    for family, probes, wanted in (("named_attacker", NAMED_ATTACKER, True), ("named_victim", NAMED_VICTIM, False),
                                   ("referred_back", REFERRED_BACK, True)):
        hits = 0
        for text, name in probes:
            found = attacker_names(violent_events(pipeline, text))
            if named(found, name) == wanted:
                hits += 1
            else:
                misses.append((family, text, name, found))
        rates[family] = hits / len(probes)
    hits = 0
    for text, force in ATTACKERS_HIT:
        found = attacker_names(violent_events(pipeline, text))
        if named(found, force):
            hits += 1
        else:
            misses.append(("attackers_hit", text, force, found))
    rates["attackers_hit"] = hits / len(ATTACKERS_HIT)
    hits = 0
    for text, force in KIND_ONLY_HIT:
        found = attacker_names(violent_events(pipeline, text))
        if found and all(names and force.lower() in names[0].lower() for names in found):
            hits += 1
        else:
            misses.append(("kind_only_hit", text, force, found))
    rates["kind_only_hit"] = hits / len(KIND_ONLY_HIT)
    return rates, misses


FAMILIES = ["named_attacker", "named_victim", "referred_back", "kind_only_hit", "attackers_hit"]

# the rate each family is held at: as measured when the set was written, less about one probe. Before -> after the
# rules it came with (naming_verbs in parties.yaml and events/named_attackers.py; "guerrillas", "separatists" in
# generic_armed; a claim or a name kept off the event whose harmed are the attackers): named_attacker 0.000 ->
# 0.889, named_victim 1.000 -> 1.000, referred_back 0.412 -> 0.765, kind_only_hit 1.000, attackers_hit 1.000.
# Known misses: a truck driven into a crowd read as no attack, "a teenager" (no perpetrator noun) named by police,
# "X, a group linked to Y" as the agent of "carried out", probes of past decades read as background.
FLOORS = {"named_attacker": 0.8, "named_victim": 0.9, "referred_back": 0.7, "kind_only_hit": 0.75,
          "attackers_hit": 0.75}


@pytest.fixture(scope="module")
def rates(pipeline):
    return measure(pipeline)[0]


@pytest.mark.parametrize("family", FAMILIES)
def test_each_family_of_attackers_holds_its_floor(rates, family):
    assert rates[family] >= FLOORS[family], rates


def test_the_probe_set_is_large_and_varied():
    assert len(NAMED_ATTACKER) + len(NAMED_VICTIM) + len(REFERRED_BACK) + len(KIND_ONLY_HIT) + len(ATTACKERS_HIT) >= 50


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    figures, missed = measure(Pipeline(workers=1))
    for fam, rate in figures.items():
        print(f"{fam:16s} {rate:.3f}")
    for fam, text, name, found in missed:
        print(f"MISS [{fam}] {name!r}: {text}\n     {found}")
