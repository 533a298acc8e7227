"""A probe set for who attacked whom where, written for this test from the grammar of attack reporting (active and
passive verbs, "a bomb planted by X", claims, nouns of killing and abduction, sites as targets, "opened fire on",
apposition, relative clauses, a later sentence naming the attacker, headlines and local news). Real and invented
names, many countries.

Each probe lists words that may name the attacker (actor1 or assoc_actor1), the target (actor2 or assoc_actor2) and
the place (the location's name or text); a role is right when a content word of the best-matching asserted event's
strings is among them (a blank list is not scored). The rates are a stand-in for held-out text: they must not fall
below the floors measured when the set was written and the roles code last changed.

`python tests/test_attack_roles_probe.py` prints the rates and every miss."""

from __future__ import annotations

import re

import pytest

# (text, attacker words, target words, place words)
PROBES = [
    # -- active verbs of attack
    ("Al-Shabaab militants attacked a military base in Lower Shabelle on Tuesday.",
     "shabaab militants", "base", "shabelle"),
    ("Gunmen stormed a hotel in the Malian capital Bamako on Friday, taking dozens of guests hostage.",
     "gunmen", "hotel guests", "bamako"),
    ("Taliban fighters ambushed a police convoy in Kunduz province, killing nine officers.",
     "taliban fighters", "convoy officers police", "kunduz"),
    ("Suspected ADF rebels raided a hospital in Oicha, in eastern Congo's North Kivu province, overnight.",
     "adf rebels", "hospital", "oicha kivu"),
    ("Maoist insurgents blew up a police vehicle in Chhattisgarh's Dantewada district on Wednesday.",
     "maoist insurgents", "vehicle police", "dantewada chhattisgarh"),
    ("Militants of the Zorvani Liberation Front shelled the town of Kestra on Monday.",
     "zorvani militants", "town kestra", "kestra"),
    ("Armed men shot dead a local councillor outside his home in Tegucigalpa.",
     "armed men", "councillor", "tegucigalpa"),
    ("A suicide bomber blew himself up at a crowded market in Maiduguri, killing at least 20 shoppers.",
     "bomber", "market shoppers", "maiduguri"),
    ("Gunmen opened fire on worshippers at a mosque in Kano state, killing 12.",
     "gunmen", "worshippers mosque", "kano"),
    ("Unidentified assailants set fire to a church in the village of Dobrin, in northern Burkina Faso.",
     "assailants", "church", "dobrin"),
    ("ISIS claimed responsibility for the attack on a Shiite mosque in Kunduz that killed 46 worshippers.",
     "isis islamic", "mosque worshippers", "kunduz"),
    ("The Houthis fired a ballistic missile at the Saudi city of Jizan on Thursday.",
     "houthis houthi", "city jizan", "jizan"),
    ("Israeli aircraft struck a Hamas training camp in the northern Gaza Strip overnight.",
     "israeli israel aircraft", "camp hamas", "gaza"),
    ("Russian warplanes bombed a field hospital near the town of Kafr Nabl in Idlib province.",
     "russian russia warplanes", "hospital", "kafr nabl idlib"),
    ("A Tamberan Army patrol killed three smugglers near the border town of Ostvik.",
     "tamberan army patrol", "smugglers", "ostvik"),
    ("Al-Qaeda in the Islamic Maghreb kidnapped two Austrian tourists in southern Tunisia.",
     "qaeda maghreb", "tourists", "tunisia"),
    ("Fulani herdsmen killed 17 farmers in an attack on the village of Ungwan Sarki in Kaduna state.",
     "fulani herdsmen", "farmers village", "ungwan sarki kaduna"),
    ("A man stabbed three people at a train station in Marseille on Sunday morning.",
     "man", "people station", "marseille"),
    ("Masked attackers hurled grenades at a police post in Srinagar, wounding two constables.",
     "attackers", "post police constables", "srinagar"),
    ("Separatist fighters attacked a school in Kumba, Cameroon, killing seven children.",
     "separatist fighters", "school children", "kumba"),
    # -- passives
    ("Five soldiers were killed by Islamic State militants near the town of Tal Afar on Monday.",
     "islamic state militants", "soldiers", "tal afar"),
    ("Two journalists were abducted by gunmen in the Mexican state of Guerrero.",
     "gunmen", "journalists", "guerrero"),
    ("A police station in Peshawar was attacked by Pakistani Taliban fighters late on Saturday.",
     "taliban fighters", "station police", "peshawar"),
    ("Eleven civilians were killed in an air strike by the Saudi-led coalition on a market in Saada province.",
     "coalition saudi", "civilians market", "saada"),
    ("A convoy of UN peacekeepers was ambushed by unknown assailants near Kidal in northern Mali.",
     "assailants", "convoy peacekeepers", "kidal"),
    ("Three aid workers were shot dead by gunmen in the South Sudanese town of Yei.",
     "gunmen", "aid workers", "yei"),
    ("The village of Marovka was shelled by separatist forces overnight, officials said.",
     "separatist forces", "village marovka", "marovka"),
    ("Dozens of students were kidnapped from their school in Kankara, Katsina state, by armed bandits.",
     "bandits", "students", "kankara katsina"),
    ("A prominent human rights lawyer, Carlos Benitez, was murdered by hitmen in Medellin.",
     "hitmen", "lawyer benitez", "medellin"),
    ("Four people were wounded when their bus was hit by a roadside bomb in Balochistan's Kech district.",
     "", "people bus", "kech balochistan"),
    ("Soldiers who were guarding the pipeline were attacked by militants near Warri in the Niger Delta.",
     "militants", "soldiers", "warri"),
    ("Mourners at a funeral in Jalalabad were targeted by a suicide bomber.",
     "bomber", "mourners funeral", "jalalabad"),
    ("Two Chinese engineers were kidnapped by separatists in Gwadar.",
     "separatists", "engineers", "gwadar"),
    ("Farmers were attacked by suspected herders in the Agatu area of Benue state, leaving 10 dead.",
     "herders", "farmers", "agatu benue"),
    # -- a device placed by someone
    ("A bomb planted by ETA killed a police officer in the Basque city of Bilbao.",
     "eta", "officer police", "bilbao"),
    ("A car bomb set off by Al-Shabaab killed 20 people outside a hotel in Mogadishu.",
     "shabaab", "people hotel", "mogadishu"),
    ("A landmine laid by the rebels destroyed an army truck near the town of Garissa.",
     "rebels", "truck army", "garissa"),
    ("An improvised explosive device placed by Maoists killed two paramilitary troopers in Jharkhand's Latehar "
     "district.", "maoists", "troopers", "latehar jharkhand"),
    ("A roadside bomb struck a military convoy in the Sinai Peninsula, killing four Egyptian soldiers.",
     "", "convoy soldiers", "sinai"),
    ("A suicide car bomber rammed his vehicle into a checkpoint in Kirkuk, killing six policemen.",
     "bomber", "checkpoint policemen", "kirkuk"),
    ("A rocket fired by militants in Gaza struck a house in the Israeli town of Sderot.",
     "militants", "house", "sderot"),
    ("Mortar shells fired by government forces landed on a camp for displaced people in Ngala.",
     "government forces", "camp people", "ngala"),
    ("The bomb, which was hidden in a motorcycle, killed five people at a bus stop in Quetta.",
     "", "people", "quetta"),
    # -- claims
    ("The Pakistani Taliban claimed the attack on the army school in Peshawar, which killed 141 people.",
     "taliban", "school people", "peshawar"),
    ("Boko Haram claimed responsibility for the bombing of a bus station in Nyanya near Abuja.",
     "boko haram", "station", "nyanya abuja"),
    ("The Brenmark People's Army said it carried out the ambush on a government convoy in Vessa province.",
     "brenmark", "convoy government", "vessa"),
    ("Islamic State's Sinai branch claimed the killing of seven Coptic Christians on a road near Minya.",
     "islamic state", "christians coptic", "minya"),
    # -- nouns of killing and abduction
    ("The killing of three teachers by suspected militants in Mandera county sparked a strike.",
     "militants", "teachers", "mandera"),
    ("The abduction of 276 schoolgirls from Chibok by Boko Haram caused global outrage.",
     "boko haram", "schoolgirls", "chibok"),
    ("Police are investigating the murder of a journalist in the northern city of Culiacan.",
     "", "journalist", "culiacan"),
    ("The assassination of provincial governor Ahmad Wali in Kandahar was blamed on the Taliban.",
     "taliban", "governor wali", "kandahar"),
    ("An arson attack by far-right extremists destroyed a refugee shelter in the town of Bautzen.",
     "extremists", "shelter refugee", "bautzen"),
    # -- sites, convoys and checkpoints
    ("Insurgents overran a border checkpoint in Anbar province, killing eight Iraqi border guards.",
     "insurgents", "checkpoint guards", "anbar"),
    ("Militants torched a primary school in Pakistan's Swat valley on Tuesday night.",
     "militants", "school", "swat"),
    ("Rebels attacked a Nigerian army base in Monguno, Borno state, seizing weapons.",
     "rebels", "base army", "monguno borno"),
    ("A drone strike hit a compound in North Waziristan, killing four suspected militants.",
     "", "compound militants", "waziristan"),
    ("Attackers set ablaze dozens of houses in the village of Kuru Karama in Plateau state.",
     "attackers", "houses", "kuru karama plateau"),
    ("Gunmen attacked a convoy carrying the governor of Helmand on the road to Lashkar Gah.",
     "gunmen", "convoy governor", "lashkar gah helmand"),
    ("Nine miners were killed when gunmen attacked a gold mine in Zamfara state.",
     "gunmen", "miners mine", "zamfara"),
    ("In Kabul, a suicide attacker detonated explosives near the Interior Ministry, killing eight.",
     "attacker", "ministry", "kabul"),
    ("Rebels of the Coalition of Patriots for Change attacked a UN base in Bangassou.",
     "rebels coalition patriots", "base un", "bangassou"),
    ("A Molotov cocktail was thrown at the offices of an opposition newspaper in Minsk.",
     "", "offices newspaper", "minsk"),
    ("Three policemen were wounded when militants attacked their checkpoint in Dagestan's Derbent district.",
     "militants", "policemen checkpoint", "derbent dagestan"),
    # -- opening fire
    ("Gunmen opened fire on a crowd of mourners at a funeral in the town of Saltillo.",
     "gunmen", "mourners crowd", "saltillo"),
    ("Soldiers opened fire on protesters in the capital Khartoum, killing at least nine.",
     "soldiers", "protesters", "khartoum"),
    ("A gunman opened fire at a nightclub in Orlando, Florida, killing 49 people.",
     "gunman", "nightclub people", "orlando"),
    ("Unknown assailants opened fire on a minibus carrying pilgrims in Mastung district.",
     "assailants", "minibus pilgrims", "mastung"),
    # -- apposition and relative clauses
    ("Ahmed Farouk, a commander of the Free Syrian Army, was killed by a sniper in Daraa.",
     "sniper", "farouk commander", "daraa"),
    ("The Lord's Resistance Army, a Ugandan rebel group, killed 30 villagers in Haut-Uele province.",
     "lord resistance army lra", "villagers", "haut uele"),
    ("Jamaat Nusrat al-Islam wal-Muslimin, al-Qaeda's affiliate in the Sahel, attacked an army post in Boulkessi.",
     "jamaat nusrat jnim qaeda", "post army", "boulkessi"),
    ("Maria Ochoa, a local journalist, was shot dead outside her house in Veracruz by unidentified gunmen.",
     "gunmen", "ochoa journalist", "veracruz"),
    ("The militants, who belong to the Dervan Brigades, attacked a police station in the town of Molk.",
     "militants dervan", "station police", "molk"),
    ("Security forces killed a gunman who had attacked a checkpoint in Arish.",
     "security forces gunman", "gunman checkpoint", "arish"),
    ("The gunman who attacked two mosques in Christchurch killed 51 worshippers.",
     "gunman", "worshippers mosques", "christchurch"),
    ("Khalid Omar, the group's spokesman, said its fighters had killed 20 soldiers in an attack on a base near "
     "Dolo.", "fighters group", "soldiers base", "dolo"),
    ("The man who stabbed two police officers outside the town hall in Velden was shot dead.", "man",
     "officers police", "velden"),
    ("A woman who set fire to a mosque in Oslo was detained on Friday.", "woman", "mosque", "oslo"),
    ("A suspected member of the Kuru Brotherhood threw a grenade into a crowded bar in Tamale.",
     "kuru brotherhood", "bar", "tamale"),
    ("Fighters of the Ostel Liberation Army ambushed a convoy near Rubaya.", "ostel", "convoy", "rubaya"),
    # -- a later sentence names the attacker
    ("A bomb exploded at a market in the town of Baidoa on Saturday, killing 11 people. Al-Shabaab later claimed "
     "responsibility.", "shabaab", "people market", "baidoa"),
    ("Gunmen killed 14 people at a bar in the Kenyan coastal town of Lamu. Police blamed the attack on al-Shabaab.",
     "gunmen shabaab", "people bar", "lamu"),
    ("Four soldiers died when their vehicle struck a landmine near the village of Suk Torran. The army blamed the "
     "Ostrani Liberation Movement.", "ostrani", "soldiers vehicle", "suk torran"),
    # -- headlines
    ("Gunmen kill 12 in attack on Burkina Faso church", "gunmen", "church 12", "burkina faso"),
    ("Suicide bomber kills 30 at Baghdad funeral", "bomber", "30 funeral", "baghdad"),
    ("Taliban attack Afghan army base, kill 15 soldiers", "taliban", "base soldiers army", ""),
    ("Car bomb hits police HQ in Syrian city of Qamishli", "", "police hq", "qamishli"),
    ("Boko Haram kills 40 in Nigerian village raid", "boko haram", "40 village", ""),
    # -- local news
    ("A 23-year-old man was shot and wounded Saturday night on the 4500 block of Elm Street in Chicago, police "
     "said.", "", "man", "chicago elm"),
    ("Two men armed with machetes attacked a family at their farm near Kitale, police said.",
     "men", "family", "kitale"),
    ("A security guard was stabbed during a robbery at a petrol station in Durban on Monday.",
     "", "guard", "durban"),
    ("Vigilantes beat to death a suspected thief in the market town of Nakuru.",
     "vigilantes", "thief", "nakuru"),
    ("A teenager was killed and four others were injured in a drive-by shooting in Compton.",
     "", "teenager", "compton"),
    ("Police in Lagos said armed robbers killed two officers during an attack on a bank in Ikorodu.",
     "robbers", "officers bank", "ikorodu"),
    # -- the victims as objects of "killing", "wounding", "leaving"
    ("Militants attacked a checkpoint in Diyala, killing four policemen and wounding six others.",
     "militants", "checkpoint policemen", "diyala"),
    ("An explosion ripped through a mosque in Quetta during Friday prayers, killing at least 15 worshippers.",
     "", "worshippers mosque", "quetta"),
    ("Clashes between the army and the Kachin Independence Army in Hpakant left six soldiers dead.",
     "army kachin", "kachin army soldiers", "hpakant"),
    ("Airstrikes hit a wedding party in Hajjah province, killing 20 guests.",
     "", "wedding guests", "hajjah"),
    # -- the harmed named only by a count
    ("Militants attacked the village of Gomari in Borno state, killing 20.", "militants", "20 village gomari",
     "gomari borno"),
    ("Scores died when gunmen attacked a cattle market in Zurmi.", "gunmen", "scores market", "zurmi"),
    ("Five were killed and 12 wounded when militants attacked a checkpoint near Arsal.", "militants",
     "five checkpoint", "arsal"),
    ("A bomb blast killed 14 in the town of Bama on Sunday.", "", "14", "bama"),
    ("Dozens were abducted when bandits raided the village of Kurmin Masara.", "bandits", "dozens village",
     "kurmin masara"),
    ("The attack, claimed by the Oruvan Tigers, killed at least 11 near the market town of Telvar.",
     "oruvan tigers", "11", "telvar"),
    ("Scores died in the raids on the camp for displaced families at Rann.", "", "scores camp families", "rann"),
    ("Dozens died in the bombings in the town of Baga.", "", "dozens", "baga"),
    # -- an attack told as the matter of another act: its parties are not the attackers
    ("Police arrested a 24-year-old man in connection with the bombing of a bus in Kaduna.", "", "bus",
     "kaduna"),
    ("Police opened an investigation into the killing of a radio presenter in Culiacan.", "", "presenter",
     "culiacan"),
    ("Troops detained four men over the grenade attack on a bar in Bujumbura.", "", "bar", "bujumbura"),
    ("Soldiers shelled the village of Tarsi in retaliation for the ambush of a patrol near Dori.", "soldiers",
     "village tarsi", "tarsi"),
    # -- more countries, real and invented names
    ("Fighters loyal to warlord Dasso Keita attacked the town of Bambari, killing 12 civilians.",
     "fighters keita", "civilians town bambari", "bambari"),
    ("Members of the Red Sparrow gang killed a bus driver in San Pedro Sula for refusing to pay extortion.",
     "red sparrow gang members", "driver", "san pedro sula"),
    ("Turkish jets bombed PKK positions in the Qandil mountains of northern Iraq.",
     "turkish turkey jets", "pkk positions", "qandil"),
    ("The Syrian army shelled rebel-held areas of eastern Ghouta, killing 18 civilians.",
     "syrian army", "civilians areas rebel", "ghouta"),
    ("Ukrainian forces struck a Russian ammunition depot in occupied Melitopol.",
     "ukrainian ukraine forces", "depot russian", "melitopol"),
    ("Armed men on motorbikes killed 25 villagers in the Mopti region of central Mali.",
     "armed men", "villagers", "mopti"),
    ("A Hezbollah anti-tank missile hit an Israeli army vehicle near the border town of Shlomi.",
     "hezbollah", "vehicle israeli army", "shlomi"),
    ("Unknown gunmen assassinated a senior cleric in the city of Basra.",
     "gunmen", "cleric", "basra"),
    ("Janjaweed militiamen burned the village of Tawila in North Darfur.",
     "janjaweed militiamen", "village tawila", "tawila darfur"),
    ("The Nevarin Front seized the border post of Dashti after heavy fighting with government troops.",
     "nevarin front", "post troops government", "dashti"),
    ("Sectarian gunmen killed a Shiite shopkeeper in the Karachi neighbourhood of Orangi.",
     "gunmen", "shopkeeper", "orangi karachi"),
    ("A US drone strike killed a senior al-Qaeda leader in the Yemeni province of Marib.",
     "us united states drone", "leader qaeda", "marib"),
    ("Security forces raided a house in Tunis and killed two militants.",
     "security forces", "militants house", "tunis"),
    ("An Indian soldier was killed in Pakistani shelling along the Line of Control in Poonch.",
     "pakistani pakistan", "soldier", "poonch"),
    ("Government troops recaptured the town of Palma from Islamist insurgents after a week of fighting.",
     "government troops", "insurgents town palma", "palma"),
    ("Bandits abducted 30 passengers from a bus on the Kaduna-Abuja highway.",
     "bandits", "passengers", "kaduna abuja highway"),
    ("Armed settlers attacked Palestinian farmers harvesting olives near Nablus.",
     "settlers", "farmers", "nablus"),
    ("Vandrel separatists attacked a railway station in the northern city of Orsk, wounding four guards.",
     "vandrel separatists", "station guards", "orsk"),
    ("A grenade thrown by unknown attackers exploded in a bar in Bujumbura, injuring 11 people.",
     "attackers", "people bar", "bujumbura"),
    ("Eight people were killed when a bomb exploded on a crowded bus in the town of Jos.",
     "", "people bus", "jos"),
    ("Police said the gunmen, believed to be members of the Kuru Brotherhood, fled after killing two guards at a "
     "bank in Tamale.", "gunmen kuru brotherhood", "guards bank", "tamale"),
]

ROLES = ("attacker", "target", "place")
_STOP = {"the", "a", "an", "of", "in", "on", "at", "and", "or", "for", "to", "by", "with", "from", "near", "s"}


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def content_words(text: str | None) -> set[str]:
    return {_stem(w) for w in re.findall(r"[a-z0-9]+", (text or "").lower()) if w not in _STOP}


def _actor_words(actors) -> set[str]:
    return {w for a in actors if a is not None for s in (a.name, a.text) for w in content_words(s)}


def role_hits(event, attacker: str, target: str, place: str) -> dict[str, bool]:
    """Which of the probe's scored roles the event gets right."""
    a1 = _actor_words([event.actor1, *event.assoc_actor1])
    a2 = _actor_words([event.actor2, *event.assoc_actor2])
    loc = event.location
    pl = content_words(" ".join(s for s in ((loc.name, loc.text) if loc else ()) if s))
    hits = {}
    for role, wanted, got in (("attacker", attacker, a1), ("target", target, a2), ("place", place, pl)):
        if wanted:
            hits[role] = bool(content_words(wanted) & got)
    return hits


def published_in_its_year(text: str) -> str:
    """A report of its time: a probe set in a past year was written that year (else a recent date)."""
    year = re.search(r"\b(19[4-9]\d|20[01]\d)\b", text)
    return f"{year.group(1)}-12-31" if year else "2023-05-10"


def role_results(pipeline, probes, published=lambda text: "2023-05-10") -> list[tuple[str, dict[str, bool]]]:
    """Per probe (text, attacker, target, place), the roles of the asserted event that gets most of them right (none
    right when no event); `published` gives each text its date."""
    out = []
    for text, attacker, target, place in probes:
        events = [e for e in pipeline.extract(text, published=published(text)) if e.modality == "asserted"]
        empty = {r: False for r, w in zip(ROLES, (attacker, target, place)) if w}
        best = max((role_hits(e, attacker, target, place) for e in events), key=lambda h: sum(h.values()),
                   default=empty)
        out.append((text, best))
    return out


def probe_results(pipeline) -> list[tuple[str, dict[str, bool]]]:
    return role_results(pipeline, PROBES)


def rates(results) -> dict[str, float]:
    out = {}
    for role in ROLES:
        scored = [h[role] for _, h in results if role in h]
        out[role] = sum(scored) / len(scored)
    return out


# measured on the set when the roles last changed (0.892, 0.800, 0.781; before: 0.891, 0.702, 0.786 on the first
# 114 probes), less a little slack for parser ties
FLOORS = {"attacker": 0.88, "target": 0.78, "place": 0.76}


@pytest.fixture(scope="module")
def results(pipeline):
    return probe_results(pipeline)


def test_the_probe_set_is_large_and_varied():
    assert len(PROBES) >= 100
    assert len({t for t, *_ in PROBES}) == len(PROBES)


@pytest.mark.parametrize("role", ROLES)
def test_role_rate_holds(results, role):
    assert rates(results)[role] >= FLOORS[role], [(t, h) for t, h in results if not h.get(role, True)]


def _asserted(pipeline, text):
    return [e for e in pipeline.extract(text, published="2023-05-10") if e.modality == "asserted"]


def _words(actors) -> str:
    return " ".join(a.text or "" for a in actors if a is not None)


def test_a_site_attacked_names_its_people_in_its_words(pipeline):
    ev = _asserted(pipeline, "Gunmen stormed a guesthouse and a bakery in the Nigerien town of Tera on Monday.")
    hit = [e for e in ev if "bakery" in _words([e.actor2, *e.assoc_actor2])
           or "guesthouse" in _words([e.actor2, *e.assoc_actor2])]
    assert hit and hit[0].actor2.sector == "CVL"


def test_a_military_site_attacked_by_an_armed_group_is_the_state_forces(pipeline):
    ev = _asserted(pipeline, "Al-Shabaab fighters overran an outpost near Bulo Marer on Sunday.")
    hit = [e for e in ev if "outpost" in _words([e.actor2])]
    assert hit and hit[0].actor2.sector == "MIL"


def test_the_dead_named_only_by_a_count_keep_the_count(pipeline):
    ev = _asserted(pipeline, "A suicide bomber blew himself up in a crowd in the town of Konduga, killing 17.")
    assert any("17" in _words([e.actor2, *e.assoc_actor2]) or "crowd" in _words([e.actor2]) for e in ev)


def test_the_parties_of_an_arrest_are_not_the_bombers(pipeline):
    ev = _asserted(pipeline, "Police arrested three men in connection with the bombing of a bus in Kaduna.")
    bombing = [e for e in ev if e.event_type == "Explosions/Remote violence"]
    assert bombing and all(e.actor1 is None or "Police" not in (e.actor1.name or "") for e in bombing)


def test_a_relative_pronoun_attacker_is_its_antecedent(pipeline):
    ev = _asserted(pipeline, "The man who stabbed two nurses at a clinic in Tartu was arrested.")
    assert any("man" in _words([e.actor1]) and "nurses" in _words([e.actor2]) for e in ev)


def test_a_named_victim_with_an_apposition_keeps_his_name(pipeline):
    ev = _asserted(pipeline, "Nabil Qassem, a commander of the Free Syrian Army, was killed by a sniper near Inkhil.")
    assert any("Qassem" in _words([e.actor2]) for e in ev)


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    found = probe_results(Pipeline(workers=1))
    for text, hits in found:
        missed = [r for r, ok in hits.items() if not ok]
        if missed:
            print("MISS", missed, text)
    print({r: round(v, 3) for r, v in rates(found).items()})
