"""A sixth probe set for the perpetrators of attacks (issue 12), written for this project after
test_perpetrator_probe5.py: the forms the earlier sets left open. The harmed held by a group before they were killed
("a hostage held by Abu Sayyaf was beheaded", "died in Boko Haram captivity", "executed after months in captivity
by the Islamic State"): the captors did it, though the sentence's verb has no "by"; the harmed killed by a weapon
told in a clause of cause ("three children died when a shell, believed to have come from Islamic State lines,
landed on their home"): who fired the weapon did it, not the state of the place; a counted subject of a harm verb
that the parse took for a passive without "were" ("four Taliban militants shot and killed two policemen", "two ELN
rebels shot at soldiers"): the men acted, they were not the harmed; the harmed who died defending something ("two
guards died defending a school from Boko Haram fighters", "killed trying to stop Taliban attackers from entering"):
whom they defended against did it; and the Muslim insurgents of southern Thailand,
whom reports name by faith ("Police blamed Muslim insurgents", "suspected Muslim separatists shot dead a teacher in
Yala"): the Malay-Muslim insurgency, as "Maoist rebels" are a country's Maoist party. Real and invented groups, many
countries, wire and encyclopaedic style.

A probe passes when an asserted violent event has the group as actor1 or an associated actor1 (one of the names
given, separated by "|"). `python tests/test_perpetrator_probe6.py` prints the rates and every miss.
"""

from __future__ import annotations

import pytest

from test_perpetrator_probe4 import party_names, violent_events

# -- the harmed were the captives of the group: the captors did it -----------------------------------------------------

CAPTIVE = [
    ("A Canadian hostage held by Abu Sayyaf was beheaded on Jolo island.", "Abu Sayyaf"),
    ("A teacher died in Boko Haram captivity in Borno state, his family said.", "Boko Haram"),
    ("A female aid worker was executed after being in captivity by Boko Haram for several months.", "Boko Haram"),
    ("A Japanese journalist held by the Islamic State was beheaded in Raqqa.", "Islamic State"),
    ("Two Indian engineers held hostage by the Taliban were shot dead in Zabul province.", "Taliban"),
    ("A priest kept captive by ADF rebels for a year was found killed near Eringeti.", "Allied Democratic Forces"),
    ("A French tourist died in the captivity of al-Qaeda in the Islamic Maghreb in northern Mali.", "Qaeda"),
    ("Three Turkish truck drivers held by al-Shabaab were killed in Bay region.", "Shabaab"),
    ("A Colombian police officer held by the FARC for ten years was killed during a rescue raid.", "FARC"),
    ("A nurse held captive by ISWAP was executed in Borno, aid groups said.", "West Africa"),
    ("Two soldiers held by the ELN were shot dead in Arauca.", "National Liberation Army"),
    ("A Filipino sailor held hostage by Abu Sayyaf gunmen was beheaded in Sulu.", "Abu Sayyaf"),
    ("An Egyptian engineer died after three months in Islamic State captivity in Libya.", "Islamic State"),
    ("Five fishermen held by the Kessan Liberation Front were executed near Ossel.", "Kessan Liberation Front"),
    ("A hostage held by the Koros People's Army was shot dead as troops closed in on its camp.", "Koros People's Army"),
    ("A British aid worker held by Islamic State militants was beheaded, a video showed.", "Islamic State"),
    ("A Nepali guard died in Taliban captivity in Kabul province.", "Taliban"),
    ("A German sailor kept hostage by Abu Sayyaf was beheaded after a ransom deadline passed.", "Abu Sayyaf"),
]

# -- the weapon of a clause of cause: who fired it did it --------------------------------------------------------------

CAUSE_WEAPON = [
    ("Three children died when a shell, believed to have come from Islamic State lines, landed on their home.",
     "Islamic State"),
    ("Three children died when a shell fired from Islamic State lines landed on their home in Mosul.",
     "Islamic State"),
    ("A child and her parents died as a mortar shell, believed to be from Islamic State positions, landed on their "
     "house.", "Islamic State"),
    ("Two women died after a mortar round thought to be from al-Shabaab positions struck their house in Mogadishu.",
     "Shabaab"),
    ("A woman died when a rocket fired from Houthi positions hit her home in Jizan.", "Houthi"),
    ("Four civilians were killed when a shell fired from rebel positions hit a bus stop in Donetsk.", "Rebel"),
    ("A farmer was wounded when a mortar bomb believed to have come from Taliban positions exploded in his field.",
     "Taliban"),
    ("Two boys were killed as a rocket believed to have been fired by Hezbollah landed near Kiryat Shmona.",
     "Hezbollah"),
    ("A shepherd died after a shell fired from Boko Haram positions landed near his flock outside Gwoza.",
     "Boko Haram"),
    ("Five people were wounded when a mortar round, believed to be from Hayat Tahrir al-Sham positions, struck a "
     "market in Aleppo.", "Tahrir"),
    ("A girl was killed when a rocket believed to have come from Hamas positions fell on her home in Ashkelon.",
     "Hamas"),
    ("Six villagers died when a shell fired from Eastern Hills Front positions hit a school near Dabru.",
     "Eastern Hills Front"),
    ("Two soldiers were wounded when a mortar shell thought to have been fired by the PKK exploded at a base in "
     "Hakkari.", "Kurdistan Workers"),
    ("An old man died as a shell, believed to have been fired from separatist positions, struck his house in "
     "Horlivka.", "Separatist|Donetsk"),
    ("Three fishermen were killed when a shell fired from Islamic State positions hit their boat on the Euphrates.",
     "Islamic State"),
]

# -- a counted subject and two verbs of harm joined by "and": the object of the second is theirs ------------------------

JOINED_VERBS = [
    ("Four Taliban militants shot and killed two policemen in Ghazni.", "Taliban"),
    ("Two gunmen shot and killed a police officer in Kirkuk.", "Unidentified|Militants"),
    ("Three al-Shabaab fighters stabbed and beheaded a farmer near Lamu.", "Shabaab"),
    ("Three motorcycle-riding assailants hacked and shot to death a blogger in Dhaka.", "Unidentified"),
    ("Two Boko Haram gunmen abducted and killed a village chief in Gwoza.", "Boko Haram"),
    ("Five ADF rebels tortured and killed a nurse near Oicha.", "Allied Democratic Forces"),
    ("Six Islamic State militants kidnapped and executed three shepherds near Kirkuk.", "Islamic State"),
    ("Two PKK militants shot and wounded a village guard in Sirnak.", "Kurdistan Workers"),
    ("Dozens of Fulani militants attacked and burned a village in Benue, killing 11.", "Fulani"),
    ("Two members of the Kessan Liberation Front shot and killed a customs officer in Ossel.",
     "Kessan Liberation Front"),
    ("Four Hizbul Mujahideen militants ambushed and killed three soldiers in Kupwara.", "Hizbul"),
    ("Three ELN guerrillas shot and killed a soldier in Arauca on Sunday.", "National Liberation Army"),
    ("Two Maoist rebels beat and killed a villager they accused of spying in Sukma.", "Communist Party of India"),
    ("Seven Abu Sayyaf gunmen seized and beheaded a Malaysian fisherman off Sabah.", "Abu Sayyaf"),
    ("Two NPA rebels shot and killed a soldier at a market in Samar.", "New People's Army"),
    ("Ten Janjaweed militiamen raided and torched a village in West Darfur.", "Janjaweed|Rapid Support"),
    ("Two suspected Hamas militants stabbed and wounded a soldier near Hebron.", "Hamas"),
    ("Three CODECO militiamen hacked and killed five displaced people near Bunia.", "CODECO"),
]

# -- a counted subject of armed men and a harm verb with an aim ("shot at"): they shot, not were shot --------------------

ARMED_AIM = [
    ("Two ELN rebels shot at soldiers guarding a pipeline in Arauca.", "National Liberation Army"),
    ("Three gunmen shot at a police van in Peshawar, wounding two officers.", "Unidentified|Militants"),
    ("Four Taliban insurgents shot at a police checkpoint in Kunduz overnight.", "Taliban"),
    ("Two al-Shabaab militants shot at a bus carrying teachers near Mandera.", "Shabaab"),
    ("Five Boko Haram fighters shot at worshippers leaving a church in Biu.", "Boko Haram"),
    ("Three PKK militants shot at a gendarmerie post in Lice, wounding a soldier.", "Kurdistan Workers"),
    ("Two NPA guerrillas shot at an army detachment in Samar.", "New People's Army"),
    ("Six ADF rebels shot at a convoy of aid workers near Eringeti.", "Allied Democratic Forces"),
    ("Two Hamas militants shot at Israeli soldiers near the border fence.", "Hamas"),
    ("Four militants of the Kessan Liberation Front shot at a customs patrol near Ossel.", "Kessan Liberation Front"),
    ("Three Houthi fighters shot at a Saudi border post in Jizan.", "Houthi"),
    ("Two Maoist rebels shot at a police patrol in Gadchiroli, wounding a constable.", "Communist Party of India"),
    ("Three Islamic State militants shot at a Kurdish checkpoint near Kirkuk.", "Islamic State"),
    ("Two Hizbul Mujahideen militants shot at a police party in Shopian.", "Hizbul"),
    ("Seven FARC dissidents shot at a helicopter carrying soldiers in Guaviare.", "FARC"),
]

# -- the harmed died defending something against the attackers: those attackers did it --------------------------------

DEFENDERS = [
    ("Five security personnel were killed when they tried to defend a government official from al-Shabaab militants "
     "in Mandera.", "Shabaab"),
    ("Two guards died defending a school from Boko Haram fighters in Yobe.", "Boko Haram"),
    ("Three villagers were killed while protecting their cattle from Fulani militants in Benue.", "Fulani"),
    ("A policeman was killed trying to stop Taliban attackers from entering a government compound in Kunduz.",
     "Taliban"),
    ("Four soldiers died defending their outpost from Islamic State fighters near Tal Afar.", "Islamic State"),
    ("A village guard was killed while trying to stop PKK militants from burning a school in Hakkari.",
     "Kurdistan Workers"),
    ("Two rangers were shot dead protecting a rubber plantation from Muslim insurgents in Yala.", "Barisan|Pattani"),
    ("A watchman died trying to stop ADF rebels from looting a clinic near Beni.", "Allied Democratic Forces"),
    ("Six vigilantes were killed defending their village from bandits in Zamfara.", "Bandit"),
    ("A police officer was killed while shielding worshippers from a Hamas gunman in Jerusalem.", "Hamas"),
    ("Three militiamen died defending the town of Kamsa from the Coastal Revolutionary Army.",
     "Coastal Revolutionary Army"),
    ("Two soldiers were killed trying to repel al-Shabaab fighters who stormed a base in Lower Shabelle.", "Shabaab"),
    ("A teacher was killed while protecting his pupils from Boko Haram gunmen in Borno.", "Boko Haram"),
    ("Two policemen died trying to stop Houthi fighters from seizing a checkpoint in Taiz.", "Houthi"),
    ("Seven tribesmen were killed defending their wells from ISWAP fighters near Monguno.", "West Africa"),
]

# -- the Muslim insurgents of southern Thailand: the Malay-Muslim insurgency -------------------------------------------

DEEP_SOUTH = [
    ("A paramilitary ranger was shot dead in Narathiwat. Police blamed Muslim insurgents.", "Barisan|Pattani"),
    ("A bomb exploded at a market in Yala, wounding six. Police suspect Muslim separatists.", "Barisan|Pattani"),
    ("Suspected Muslim militants shot dead a Buddhist monk in Pattani province.", "Barisan|Pattani"),
    ("A teacher was shot dead in Pattani by suspected Muslim insurgents.", "Barisan|Pattani"),
    ("Muslim separatists detonated a roadside bomb under a military truck in Narathiwat, killing two soldiers.",
     "Barisan|Pattani"),
    ("Two rubber tappers were killed in Songkhla province when Muslim rebels opened fire on them.", "Barisan|Pattani"),
    ("A village defence volunteer was killed and five policemen injured when gunmen attacked a police post in "
     "Yala province. Police are blaming Muslim insurgents.", "Barisan|Pattani"),
    ("Suspected Muslim separatists set fire to a school in Narathiwat province overnight.", "Barisan|Pattani"),
    ("A Buddhist rubber tapper was beheaded by Muslim militants in Thailand's Yala province.", "Barisan|Pattani"),
    ("Muslim insurgents ambushed a patrol of rangers in Pattani's Nong Chik district, killing three.",
     "Barisan|Pattani"),
    ("A bomb hidden in a motorcycle exploded outside a bank in Sungai Kolok, Narathiwat, wounding 12. Authorities "
     "blamed Muslim separatists for the attack.", "Barisan|Pattani"),
    ("Gunmen killed a village headman in Pattani. Officials said Muslim insurgents were behind the killing.",
     "Barisan|Pattani"),
    ("Suspected Islamic separatists shot dead two soldiers guarding teachers in Yala.", "Barisan|Pattani"),
    ("A grenade thrown by suspected Muslim militants wounded eight people at a tea shop in Narathiwat.",
     "Barisan|Pattani"),
    ("Muslim insurgents bombed a railway line in Pattani province, derailing a train and wounding two.",
     "Barisan|Pattani"),
]

# elsewhere "Muslim rebels" stay what they are: no Thai group in a Philippine or an Indian report
NOT_DEEP_SOUTH = [
    ("Muslim rebels attacked an army detachment in Maguindanao, killing two soldiers.", "Barisan"),
    ("Suspected Muslim militants killed four policemen in Anantnag district of Kashmir.", "Barisan"),
    ("Muslim insurgents killed six villagers in Xinjiang, state media said.", "Barisan"),
]

PERPETRATOR_FAMILIES = {
    "captive": CAPTIVE, "cause_weapon": CAUSE_WEAPON, "joined_verbs": JOINED_VERBS, "armed_aim": ARMED_AIM,
    "defenders": DEFENDERS, "deep_south": DEEP_SOUTH,
}


def measure(pipeline):
    """The rate of each family and the misses (family, sentence, expected, what was found): the group as a
    perpetrator (actor1 or an associated actor1); for not_deep_south, the share of probes with no such group."""
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
    kept = 0
    for text, group in NOT_DEEP_SOUTH:
        found = party_names(violent_events(pipeline, text), 1)
        if any(group.lower() in name.lower() for name in found):
            misses.append(("not_deep_south", text, group, found))
        else:
            kept += 1
    rates["not_deep_south"] = kept / len(NOT_DEEP_SOUTH)
    return rates, misses


# the rate each family is held at: as measured when the set was written, less about one probe. Before -> after the
# rules it came with (18, 15, 18, 15, 15 and 15 probes): captive 0.056 -> 0.778, cause_weapon 0.133 -> 0.800,
# joined_verbs 0.278 -> 1.000, armed_aim 0.267 -> 0.933, defenders 0.000 -> 0.933, deep_south 0.000 -> 0.933;
# not_deep_south 1.000 throughout. Known misses ("trying to repel X who stormed" hangs the attackers' clause apart):
# "held hostage by X" or "kept hostage by X" that the parser reads as the main verb ("engineers held hostage by the
# Taliban were shot dead": "held" with "engineers" its subject), "found killed"; a weapon's source in a clause the
# parser hangs on the belief ("a shell, believed to be from IS positions, landed"); "FARC dissidents" as no armed
# men of an aim; arson ("set fire to a school") is no violent event.
FLOORS = {"captive": 0.72, "cause_weapon": 0.73, "joined_verbs": 0.94, "armed_aim": 0.86, "defenders": 0.86, "deep_south": 0.86,
          "not_deep_south": 1.0}


@pytest.fixture(scope="module")
def rates(pipeline):
    return measure(pipeline)[0]


@pytest.mark.parametrize("family", [*PERPETRATOR_FAMILIES, "not_deep_south"])
def test_each_family_of_perpetrators_holds_its_floor(rates, family):
    assert rates[family] >= FLOORS[family], rates


def test_the_probe_set_is_large_and_varied():
    assert sum(len(p) for p in PERPETRATOR_FAMILIES.values()) >= 45


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    figures, missed = measure(Pipeline(workers=1))
    for fam, rate in figures.items():
        print(f"{fam:16s} {rate:.3f}")
    for fam, text, group, found in missed:
        print(f"MISS [{fam}] {group!r}: {text}\n     {found}")
