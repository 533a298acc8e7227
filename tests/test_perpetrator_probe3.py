"""A third probe set for the parties of attacks, written for this project after test_perpetrator_probe.py and
_probe2.py: the forms those sets left open. A headline that only claims an attack ("IS claims Kabul bombing": the
claim tells the attack, the claimant did it); "came under fire from X" (X attacked; not when the fire is
criticism); responsibility told in a later sentence after a denial or with "suspected X militants"; forces backed or
led by a state ("Iran-backed militia", "Saudi-led coalition": the forces act, the backer only stands behind them);
the side a government attacks ("troops killed 12 ELN rebels": the ELN is actor2); unnamed "security forces" (the
state forces of the country where they act); "assailants" or "attackers" named in a later sentence.

A perpetrator probe passes when an asserted violent event has the group as actor1 or an associated actor1; a
target probe when one has it as actor2 or an associated actor2; a criticism probe when no asserted violent event is
found. The tests hold the rate of each family at a floor; `python tests/test_perpetrator_probe3.py` prints the
rates and every miss.
"""

from __future__ import annotations

import pytest

VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")

# -- a headline or sentence that only claims the attack: the claimant is the perpetrator ----------------------------

CLAIM_ONLY = [
    ("IS claims Kabul bombing", "Islamic State"),
    ("Taliban claim attack on police post in Helmand", "Taliban"),
    ("Al-Shabaab claims responsibility for Mogadishu hotel siege", "Shabaab"),
    ("Boko Haram claims deadly raid on Nigerian army base", "Boko Haram"),
    ("Islamic State claims responsibility for Sinai mosque attack that killed 300", "Islamic State"),
    ("Pakistani Taliban claim suicide attack on Quetta police academy", "Taliban"),
    ("ISWAP claims killing of 12 soldiers in Borno ambush", "West Africa"),
    ("Baloch separatists claim attack on Chinese engineers in Gwadar", "Baloch"),
    ("The Islamic State group claimed responsibility on Sunday for a suicide bombing at a Shiite mosque in Kunduz "
     "that killed dozens.", "Islamic State"),
    ("Jaish-e-Mohammed claimed the car bombing of a police convoy in Pulwama in a message to local media.", "Jaish"),
    ("Hezbollah claimed an ambush on an Israeli patrol along the border on Tuesday.", "Hezbollah"),
    ("The Koros People's Army claims bombing of rail line near Varsa", "Koros People's Army"),
]

# -- "came under fire from X": X fired -------------------------------------------------------------------------------

UNDER_FIRE = [
    ("A UN convoy came under fire from Houthi rebels near Hodeidah, wounding two drivers.", "Houthi"),
    ("An army patrol came under fire from Taliban fighters in Uruzgan, and one soldier was killed.", "Taliban"),
    ("A police station in Mandera came under attack from al-Shabaab militants overnight.", "Shabaab"),
    ("The village of Tarmuwa came under attack by Boko Haram fighters on Friday.", "Boko Haram"),
    ("Peacekeepers in Kidal came under fire from JNIM militants, a UN spokesman said.", "Nusrat"),
    ("A Turkish observation post in Idlib came under fire from Syrian government forces.", "Syria"),
    ("Israeli towns near Gaza came under rocket fire from Hamas on Saturday.", "Hamas"),
    ("Two soldiers were hurt when their convoy came under fire from ELN guerrillas in Arauca in 2018.",
     "National Liberation Army"),
    ("An oil tanker came under attack from Somali pirates in the Gulf of Aden.", "Somalia"),
    ("The town of Palma came under sustained attack from Ansar al-Sunna insurgents.", "Mozambique"),
    ("Villages near Kurram came under mortar fire from Pakistani Taliban fighters late on Monday.", "Taliban"),
    ("An Indian army post in Poonch came under heavy fire from Pakistani troops, the army said.", "Pakistan"),
]

# criticism, not fire: no violent event
UNDER_CRITICISM = [
    "The finance minister came under fire from lawmakers over the new fuel tax.",
    "The football federation came under fire from fans after the coach was sacked.",
    "Facebook came under fire from regulators in Brussels over data sharing.",
    "The mayor of Lagos came under attack from opposition parties over the demolitions.",
    "The broadcaster came under fire from the government for its coverage of the strike.",
    "The new vaccine policy came under fire from doctors' unions in Kenya.",
    "The prime minister came under fire from the opposition for his handling of the border dispute.",
    "The referee came under attack from the home team's supporters after the final whistle.",
]

# -- responsibility in a later sentence: denial, suspicion, blame --------------------------------------------------

LATER = [
    ("A bomb killed seven people at a market in Kirkuk. No group claimed the attack, but officials blamed the Islamic "
     "State.", "Islamic State"),
    ("Gunmen killed nine villagers in Borno overnight. There was no claim of responsibility, but the army blamed "
     "Boko Haram.", "Boko Haram"),
    ("Unknown attackers torched two schools in Kasai. Local officials suspect Kamuina Nsapu militiamen.",
     "Kamuina Nsapu|Mai-Mai"),
    ("A car bomb exploded outside a courthouse in Mogadishu, killing six. Suspected al-Shabaab militants are "
     "believed to have planted it.", "Shabaab"),
    ("Five policemen were killed in an ambush in Sukma. Police said the attack bore the hallmarks of Maoist rebels.",
     "Communist Party of India"),
    ("Gunmen shot dead a Hindu priest in Jhenaidah. Police suspect members of the banned Jamaat-ul-Mujahideen "
     "Bangladesh.", "Jamaat-ul-Mujahideen"),
    ("A roadside bomb hit a military truck near Sirte. The government blamed the attack on Islamic State militants.",
     "Islamic State"),
    ("Three aid workers were kidnapped near Gao. Nobody has claimed responsibility, although security sources "
     "suspect the Islamic State in the Greater Sahara.", "Islamic State"),
    ("An explosion tore through a bus in Quetta, killing 11. Authorities blamed the Balochistan Liberation Front.",
     "Baloch"),
    ("Attackers stormed a hotel in Ouagadougou and killed 30 people. Officials said suspected jihadists from Ansar "
     "Dine were behind the assault.", "Ansar"),
    ("A mortar round hit a school in Aleppo, killing four pupils. State media blamed Nusra Front fighters.",
     "Nusra|Tahrir al-Sham"),
    ("Gunmen killed a customs officer near Dorrek. The Sirvan Freedom Movement was blamed for the attack.",
     "Sirvan Freedom Movement"),
    ("Four guards were killed when their convoy was ambushed near Herat. The Taliban are said to have carried out "
     "the attack.", "Taliban"),
    ("A bomb went off at a bus park in Jos, killing nine. Boko Haram is thought to have carried out the bombing.",
     "Boko Haram"),
    ("Three gendarmes died in an ambush near Fada N'Gourma. The attack had the hallmarks of the Islamic State in the "
     "Greater Sahara, analysts said.", "Islamic State"),
    ("A grenade hit a police van in Sopore. Hizbul Mujahideen is believed to have carried out the attack.", "Hizbul"),
    ("A hotel guard was shot dead in Marawi. Al-Qaeda linked Philippine-based Abu Sayyaf is suspected to be behind "
     "the killing.", "Abu Sayyaf"),
    ("Two soldiers died in a bomb blast near El Arish. No group claimed it, but IS-affiliated Sinai Province is "
     "suspected.", "Sinai"),
    ("A bomb went off near a mosque in Quetta, killing four. The Baloch Liberation Army is thought to have planted "
     "it.", "Baloch"),
    ("A roadside bomb tore through a minibus near Jalalabad on Monday. Taliban insurgents are believed to have laid "
     "it.", "Taliban"),
    ("An explosive device wrecked a rail bridge near Tessa overnight. Fighters of the Tessa Liberation Movement are "
     "suspected to have placed it.", "Tessa Liberation Movement"),
]

# -- the attackers' group told by a participle of affiliation under a verb of belief ----------------------------------

AFFILIATED = [
    ("Gunmen believed to be IS-affiliated killed two students in Bosaso.", "Islamic State"),
    ("Militants thought to be affiliated with the Taliban killed four police officers in Ghazni.", "Taliban"),
    ("Gunmen believed to be allied to the ELN shot dead two soldiers in Arauca.", "National Liberation Army"),
    ("Attackers suspected to be Shabaab-linked killed a village elder near Lamu on Sunday.", "Shabaab"),
    ("Gunmen believed to be affiliated with Boko Haram burned a church in Chibok on Sunday night.", "Boko Haram"),
    ("Militiamen thought to be linked to the Kivu Defence League killed six farmers near Walikale.",
     "Kivu Defence League"),
    ("Fighters believed to be loyal to the Free Dalmor Front ambushed a police patrol outside Kessa.",
     "Free Dalmor Front"),
    ("Assailants thought to be aligned with al-Qaeda killed a mayor in central Mali on Friday.", "Qaeda"),
    # armed men loyal to a leader: the leader's group
    ("Fighters loyal to Joseph Kony killed 30 villagers near Dungu.", "Lord's Resistance Army"),
    ("Militiamen loyal to Riek Machar attacked a barracks in Malakal.", "Opposition|Machar"),
]

# -- a weapon whose source a belief names: who fired it ---------------------------------------------------------------

BELIEVED_SOURCE = [
    ("A shell believed to come from rebel positions killed three children in Donetsk.", "Rebel"),
    ("A shell believed to be from the rebels hit a school in Taiz.", "Rebel"),
    ("A mortar round thought to have come from separatist lines struck a bus stop in Horlivka.", "Separatist"),
    ("A rocket believed to have been fired by Hezbollah hit a farm near Metula.", "Hezbollah"),
    ("A mortar bomb believed to be from al-Shabaab positions struck a market in Mogadishu.", "Shabaab"),
    ("A shell thought to have been fired by militants killed two women in Kunar.", "Militant"),
    ("Artillery shells believed to come from army positions hit a church in Kachin state.", "Myanmar"),
    ("A missile believed to have been launched by the Houthis struck a fuel depot in Jizan.", "Houthi"),
]

# -- forces backed or led by another: the forces act, the backer stands behind ---------------------------------------

BACKED = [
    ("Iran-backed Kataib Hezbollah fired rockets at a US base near Baghdad.", "Hezbollah"),
    ("Turkish-backed Syrian National Army fighters shelled Kurdish positions near Manbij.", "Syrian National Army"),
    ("Russian-backed separatists shelled a village near Mariupol on Sunday, killing three civilians.",
     "separatist|Donetsk"),
    ("Saudi-led coalition warplanes bombed a school bus in Dahyan, killing 40 children.", "Coalition"),
    ("US-backed Syrian Democratic Forces killed 11 Islamic State fighters near Hajin.", "Syrian Democratic Forces"),
    ("Iran-backed Houthi rebels fired a drone at an airport in Abha, wounding eight.", "Houthi"),
    ("UAE-backed Security Belt forces clashed with government troops in Aden, killing six.",
     "Security Belt|Southern Transitional Council"),
    ("The Saudi-led coalition carried out air strikes on Sanaa overnight, killing 14.", "Coalition"),
    ("A US-led coalition air strike killed 20 civilians in Raqqa.", "Coalition"),
    ("Rwandan-backed M23 rebels seized the town of Bunagana after clashes with the army.", "M23"),
    ("Government-backed militiamen burned houses in a village in West Darfur.", "militia"),
]

# the backer is no party of the forces' act: not actor1, nor (read from the words that name the forces) the side hit
BACKER_NOT_ACTOR = [
    ("Turkish-backed factions shell villages near Tal Tamr", "Turkey"),
    ("US-backed fighters kill 12 jihadists in Baghouz", "United States"),
    ("Iran-backed militiamen fired mortars at a camp near Fallujah, killing two.", "Iran"),
    ("Turkish-backed rebels attacked a Kurdish-held village near Afrin.", "Turkey"),
    ("Russian-backed separatists fired rockets at a checkpoint near Donetsk.", "Russia"),
    ("UAE-backed fighters shelled a government base in Abyan.", "United Arab Emirates"),
    ("Rwandan-backed rebels killed eight civilians near Rutshuru.", "Rwanda"),
]

# -- the side a government attacks is actor2 -------------------------------------------------------------------------

TARGET = [
    ("Colombian troops killed 12 ELN rebels in an air raid in Choco.", "National Liberation Army"),
    ("Nigerian soldiers killed 20 Boko Haram fighters in an operation near Bama.", "Boko Haram"),
    ("Syrian army kills 15 IS militants near Palmyra", "Islamic State"),
    ("Afghan commandos killed 30 Taliban insurgents in a raid in Kandahar province.", "Taliban"),
    ("Turkish warplanes struck PKK targets in northern Iraq, the army said.", "Kurdistan Workers"),
    ("Regime forces shell rebel-held Douma, killing 9 civilians", "Civilian|Rebel"),
    ("Russian jets pound Jaysh al-Izza positions in northern Hama", "Izza"),
    ("Philippine troops killed five Abu Sayyaf gunmen in a clash on Jolo island.", "Abu Sayyaf"),
    ("Indian security forces shot dead two Lashkar-e-Taiba militants in Shopian.", "Lashkar"),
    ("Somali and AU troops killed 14 al-Shabaab militants in Lower Shabelle.", "Shabaab"),
    ("Pakistani troops killed six TTP militants in a raid in North Waziristan.", "Taliban"),
    ("Ethiopian forces killed 25 OLA fighters in western Oromia, state media said.", "Oromo Liberation Army"),
    ("Syrian government troops killed 11 Hayat Tahrir al-Sham fighters in Idlib.", "Tahrir"),
    ("Malian soldiers killed 20 jihadists from the Macina Liberation Front near Mopti.", "Macina"),
    ("Troops killed eight fighters of the Eastern Hills Front in a dawn raid near Dabru.", "Eastern Hills Front"),
]

# -- unnamed security forces act for the state of the country where they act -----------------------------------------

SECURITY = [
    ("Security forces shot dead four protesters in Baghdad on Tuesday.", "Iraq"),
    ("Security forces opened fire on a crowd in Khartoum, killing seven people.", "Sudan"),
    ("Two men were killed when security forces raided a house in Mosul.", "Iraq"),
    ("Security forces killed three suspected militants in a shootout in Tunisia's Kasserine province.", "Tunisia"),
    ("In Conakry, security forces fired live rounds at demonstrators, killing a teenager.", "Guinea"),
    ("Soldiers shot dead a farmer at a checkpoint near Bamenda, Cameroon.", "Cameroon"),
    ("Police killed a student during clashes in Nairobi's Kibera slum.", "Kenya"),
    ("The army shelled villages near Kutkai in Myanmar's Shan state, killing two.", "Myanmar"),
    ("Security forces killed 11 people in a raid on a village in Ethiopia's Amhara region.", "Ethiopia"),
    ("Troops opened fire on a funeral procession in Bamako, killing three mourners.", "Mali"),
]

# -- "assailants"/"attackers" and a group named in the next sentence ---------------------------------------------------

ASSAILANTS = [
    ("Assailants stormed a police post in Djibo, killing four officers. Ansarul Islam later claimed the raid.",
     "Ansarul Islam"),
    ("Attackers killed 14 worshippers at a church in Dablo. The army said the assailants were members of JNIM.",
     "Nusrat"),
    ("Unidentified attackers set fire to a clinic in Beni. Officials said the attackers were ADF rebels.",
     "Allied Democratic Forces"),
    ("Gunmen on motorcycles killed 11 miners near Kidal. The attackers belonged to the Islamic State in the Greater "
     "Sahara, the governor said.", "Islamic State"),
    ("Armed assailants abducted a priest in Kaduna. Police identified them as members of Ansaru.", "Ansaru"),
    ("Assailants threw a grenade into a bar in Bujumbura, wounding nine. Police blamed the RED-Tabara rebels.",
     "Tabara"),
    ("Attackers ambushed a convoy near Palma, killing seven. The Islamic State claimed the ambush through its Amaq "
     "news agency.", "Islamic State"),
    ("Masked assailants killed a judge in Quetta. The Balochistan Liberation Army said its men carried out the "
     "killing.", "Baloch"),
    ("Attackers blew up a bridge outside Tessa. The Popular Front for the Liberation of Tessa said it was behind the "
     "attack.", "Liberation of Tessa"),
    ("Assailants shot dead two policemen in Idlib city. Hurras al-Din claimed responsibility.", "Hurras"),
]

# -- the sides of the Syrian war, headline style: who did it and who was hit ------------------------------------------

SYRIA_SIDES = [
    ("Turkish-backed rebels clash with SDF near Manbij", "Syrian Democratic Forces"),
    ("IS kills 7 regime soldiers in Deir ez-Zor ambush", "Syria"),
    ("Russian air strikes on Idlib kill 12 civilians", "Civilian"),
    ("Regime barrel bombs hit HTS positions in southern Idlib", "Tahrir"),
    ("SDF captures IS commander in Raqqa raid", "Islamic State"),
    ("Israeli strikes kill 8 Iranian fighters near Damascus", "Iran"),
]

PERPETRATOR_FAMILIES = {
    "claim_only": CLAIM_ONLY, "under_fire": UNDER_FIRE, "later": LATER, "backed": BACKED,
    "assailants": ASSAILANTS, "affiliated": AFFILIATED,
    "believed_source": BELIEVED_SOURCE,
}
TARGET_FAMILIES = {"target": TARGET, "syria_sides": SYRIA_SIDES}


def acled_events(pipeline, text, published="2019-05-14"):
    """The asserted events with an ACLED type (force on a crowd is a protest type, and security forces act in it)."""
    return [e for e in pipeline.extract(text, published=published) if e.modality == "asserted" and e.event_type]


def violent_events(pipeline, text, published="2019-05-14"):
    """The asserted events of the violence family as the scorers read it: an ACLED violent type, or an assault
    with PLOVER codes only (a claim the typing model reads as no new ACLED event is still the attack it tells)."""
    return [e for e in pipeline.extract(text, published=published) if e.modality == "asserted" and (
        e.event_type in VIOLENT or e.sub_event_type == "Looting/property destruction"
        or (e.event_type is None and e.plover is not None and e.plover.event == "ASSAULT"))]


def actor_names(events, side):
    names = []
    for e in events:
        main, assoc = (e.actor1, e.assoc_actor1) if side == 1 else (e.actor2, e.assoc_actor2)
        names.append([a.name for a in [main, *(assoc or [])] if a is not None])
    return names


def named(found, group):
    """`group` names the party; "A|B" accepts either name (a force the catalogue files under its parent)."""
    return any(g.lower() in name.lower() for g in group.split("|") for names in found for name in names)


def measure(pipeline):
    """The rate of each family and the misses (family, sentence, expected, what was found)."""
    rates, misses = {}, []
    for families, side in ((PERPETRATOR_FAMILIES, 1), (TARGET_FAMILIES, 2)):
        for family, probes in families.items():
            hits = 0
            for text, group in probes:
                found = actor_names(violent_events(pipeline, text), side)
                if named(found, group):
                    hits += 1
                else:
                    misses.append((family, text, group, found))
            rates[family] = hits / len(probes)
    hits = 0
    for text, country in SECURITY:
        found = actor_names(acled_events(pipeline, text), 1)
        # the state forces carry the country's name ("Military Forces of Iraq", "Police Forces of Kenya")
        if named(found, country):
            hits += 1
        else:
            misses.append(("security", text, country, found))
    rates["security"] = hits / len(SECURITY)
    hits = 0
    for text in UNDER_CRITICISM:
        found = violent_events(pipeline, text)
        if not found:
            hits += 1
        else:
            misses.append(("criticism", text, None, [e.sub_event_type for e in found]))
    rates["criticism"] = hits / len(UNDER_CRITICISM)
    hits = 0
    for text, backer in BACKER_NOT_ACTOR:
        events = violent_events(pipeline, text)
        found = actor_names(events, 1)
        hit = [e.actor2.name for e in events if e.actor2 is not None]
        if found and not any(backer.lower() in names[0].lower() for names in found if names) and not any(
                backer.lower() in name.lower() for name in hit):
            hits += 1
        else:
            misses.append(("backer", text, backer, found))
    rates["backer"] = hits / len(BACKER_NOT_ACTOR)
    return rates, misses


FAMILIES = [*PERPETRATOR_FAMILIES, *TARGET_FAMILIES, "security", "criticism", "backer"]

# the rate each family is held at: as measured when the set was written, less about one probe. Before -> after the
# rules it came with: claim_only 0.167 -> 0.917, under_fire 0.500 -> 1.000, later 0.611 -> 0.944, backed 1.000,
# assailants 1.000, target 0.933 -> 1.000, syria_sides 0.833, security 1.000, criticism 0.750 -> 0.875, backer
# 0.571 -> 0.857 (all 109: 0.727 -> 0.954); added later: affiliated 0.400 -> 0.900, believed_source 0.750 ->
# 1.000, later with 3 more ("believed to have planted it") 0.810 -> 1.000. Known misses: an invented army's name
# read as a state's forces, the captured commander's side, a demolition beside the criticism, the "government" of
# a base read as the backer's.
FLOORS = {
    "claim_only": 0.83, "under_fire": 0.9, "affiliated": 0.85, "believed_source": 0.85, "later": 0.8, "backed": 0.9,
    "assailants": 0.9, "target": 0.9, "syria_sides": 0.66, "security": 0.9, "criticism": 0.75, "backer": 0.7,
}


@pytest.fixture(scope="module")
def rates(pipeline):
    return measure(pipeline)[0]


@pytest.mark.parametrize("family", FAMILIES)
def test_each_family_of_parties_holds_its_floor(rates, family):
    assert rates[family] >= FLOORS[family], rates


def test_the_probe_set_is_large_and_varied():
    sets = [*PERPETRATOR_FAMILIES.values(), *TARGET_FAMILIES.values(), SECURITY, UNDER_CRITICISM, BACKER_NOT_ACTOR]
    assert sum(len(p) for p in sets) >= 80


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    figures, missed = measure(Pipeline(workers=1))
    for fam, rate in figures.items():
        print(f"{fam:12s} {rate:.3f}")
    for fam, text, group, found in missed:
        print(f"MISS [{fam}] {group!r}: {text}\n     {found}")
