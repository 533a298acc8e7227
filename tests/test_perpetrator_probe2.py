"""A second probe set for the perpetrator (actor1) of attacks, written for this project after the first one
(test_perpetrator_probe.py): the forms that set did not cover. The weapon that comes from the group ("a shell
fired from Houthi positions", "a bomb dropped from an Islamic State drone"); the group named after the men who
act ("rebels from the ULFA", "gunmen believed to be from al-Shabaab"); an attack staged, carried out or launched;
attackers who die in their own attack or whose attack is foiled; a noun of attack with its by-phrase; the state's
forces named by country ("Nigerian troops", "Kenyan police"); a coalition; claims and suspicion in a later
sentence; the sides of the Syrian war in headline style.

A probe passes when an asserted violent event has the named group as actor1 or an associated actor1 (the
measure of test_perpetrator_probe.py). The tests hold the rate of each family at a floor;
`python tests/test_perpetrator_probe2.py` prints the rates and every miss.
"""

from __future__ import annotations

import pytest

VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")

# -- the weapon comes from the group -------------------------------------------------------------------------------

WEAPON = [
    ("A mortar shell fired from Houthi positions hit a school in Taiz, killing two pupils.", "Houthi"),
    ("Three children died when a shell, believed to have come from Islamic State lines, landed on their home.",
     "Islamic State"),
    ("A farmer was killed by a bomb dropped from an Islamic State drone near Mosul.", "Islamic State"),
    ("A soldier lost both legs to a mine planted by FARC dissidents in Guaviare.", "FARC"),
    ("Two policemen were wounded by an explosive device laid by the Communist Party of India (Maoist) in Sukma.",
     "Communist Party of India"),
    ("Rockets launched by Hamas from Gaza struck a house in Ashkelon, injuring a woman.", "Hamas"),
    ("A car bomb planted by al-Shabaab exploded near the parliament in Mogadishu, killing five.", "Shabaab"),
    ("An improvised device left by Boko Haram fighters on a road near Konduga killed four soldiers.", "Boko Haram"),
    ("A grenade thrown by Hizbul Mujahideen militants injured nine people at a bus stand in Pulwama.",
     "Hizbul Mujahideen"),
    ("Two traders died when a rocket fired by the Taliban hit the bazaar in Lashkar Gah.", "Taliban"),
    ("A Houthi drone struck an oil facility in Abqaiq, causing a fire.", "Houthi"),
    ("Five civilians were killed by Arakan Army artillery fire in Paletwa township.", "Arakan Army"),
]

# -- the group named after the men who act ---------------------------------------------------------------------------

POSTMOD = [
    ("Rebels from the United Liberation Front of Asom shot dead two tea workers in Tinsukia.", "United Liberation"),
    ("Gunmen believed to be from al-Shabaab killed three quarry workers near Mandera.", "Shabaab"),
    ("Gunmen believed to be Islamic State supporters shot dead a Christian shopkeeper in Arish.", "Islamic State"),
    ("Militants linked to Jamaat Nusrat al-Islam wal-Muslimin attacked a gendarmerie post in Djibo.", "Nusrat"),
    ("Men who said they belonged to the Ambazonia Defence Forces set fire to a school in Kumba.", "Ambazonia"),
    ("Fighters from the Kachin Independence Army attacked a police outpost in Hpakant.", "Kachin"),
    ("Insurgents of the Baloch Liberation Army blew up a gas pipeline in Dera Bugti.", "Baloch"),
    ("Maoist guerrillas of the New People's Army ambushed a patrol in Samar, killing a soldier.", "New People's Army"),
    ("Armed men from the CODECO militia killed 22 displaced people at a camp in Djugu.", "CODECO"),
    ("Seven gunmen with ties to Lashkar-e-Jhangvi, dressed as policemen, opened fire on a bus in Mastung.",
     "Lashkar-e-Jhangvi"),
    ("Gunmen suspected to be members of the Mai-Mai Yakutumba militia abducted four aid workers near Fizi.",
     "Mai-Mai"),
    ("Fighters belonging to the Maute group torched a church in Marawi.", "Maute"),
    ("Dozens of M23 rebels riding in trucks attacked an army base near Rutshuru.", "M23"),
    ("Attackers from the Ogaden National Liberation Front raided a Chinese-run oil field.", "Ogaden"),
    ("Members of the Zurani Patriotic Front armed with machetes killed five herders near Ossel.",
     "Zurani Patriotic Front"),
    ("Al-Qaeda-linked al-Shabaab fighters overran an army base in Lower Shabelle.", "Shabaab"),
    ("A shopkeeper was stabbed by men who were described as Boko Haram members.", "Boko Haram"),
    ("Two gunmen identified as members of the Karen National Liberation Army shot dead a village headman.",
     "Karen National"),
]

# -- an attack staged, carried out, launched or mounted ------------------------------------------------------------

LIGHT = [
    ("PKK militants staged an attack on a gendarmerie station in Hakkari, wounding three gendarmes.", "Kurdistan"),
    ("Boko Haram carried out a raid on Gubio, killing 81 villagers.", "Boko Haram"),
    ("The Taliban launched a major assault on the city of Kunduz on Monday.", "Taliban"),
    ("Al-Shabaab mounted a dawn attack on an African Union base in El Adde.", "Shabaab"),
    ("ISWAP fighters launched rocket-propelled grenades at a military base in Monguno.", "West Africa"),
    ("The ELN conducted a car bomb attack on a police academy in Bogota, killing 21 cadets.",
     "National Liberation Army"),
    ("Hayat Tahrir al-Sham fighters launched an offensive on government positions in northern Hama.", "Tahrir"),
    ("Jaish-e-Mohammed carried out a suicide attack on a paramilitary convoy in Pulwama, killing 40.", "Jaish"),
    ("The Sirvan Freedom Movement staged a bombing at the central station in Dorrek, wounding eight.",
     "Sirvan Freedom Movement"),
]

# -- attackers who die in their own attack, or whose attack is foiled ---------------------------------------------

SELF = [
    ("Three Islamic State suicide bombers blew themselves up at a checkpoint in Tikrit, killing five policemen.",
     "Islamic State"),
    ("Two Boko Haram suicide bombers killed 12 people at a market in Konduga; both bombers died.", "Boko Haram"),
    ("Taliban fighters attacked a police post in Ghazni; eight of the attackers were killed.", "Taliban"),
    ("An al-Shabaab suicide attack on a hotel in Kismayo was foiled, with all four attackers killed.", "Shabaab"),
    ("Five Islamic State militants died when the bomb they were planting exploded prematurely near Kirkuk.",
     "Islamic State"),
    ("ISWAP fighters who stormed a base in Marte were repelled, leaving 20 of them dead.", "West Africa"),
    ("Two Boko Haram suicide bombers hidden among displaced people killed nine at a camp in Dikwa.", "Boko Haram"),
    ("A Jaish al-Adl suicide bomber rammed a car into a bus carrying Revolutionary Guards in Sistan, killing 27.",
     "Jaish al-Adl"),
]

# -- a noun of attack with its by-phrase ---------------------------------------------------------------------------

NOUN_BY = [
    ("The murder of two aid workers by Islamic State fighters in Raqqa drew condemnation.", "Islamic State"),
    ("A nurse was among eight people killed in the massacre by CODECO militiamen at a camp in Djugu.", "CODECO"),
    ("The abduction of 110 schoolgirls by Boko Haram in Dapchi shocked the country.", "Boko Haram"),
    ("The army lost four soldiers to a landmine and an ambush by the Boko Haram near Gwoza.", "Boko Haram"),
    ("Dozens died in the raid by al-Shabaab on the town of Mpeketoni.", "Shabaab"),
    ("The shelling of Aleppo's western districts by Jaysh al-Islam killed six civilians.", "Jaysh al-Islam"),
    ("Nine people died in the killing of villagers by Fulani militants in Benue.", "Fulani"),
    ("A teacher was killed in an arson attack by the Democratic Front for the Liberation of Koros on a school.",
     "Democratic Front for the Liberation of Koros"),
]

# -- the state's forces named by country ------------------------------------------------------------------------------

STATE = [
    ("Nigerian troops killed 14 villagers in an operation in Zamfara, residents said.", "Forces of Nigeria"),
    ("Kenyan police shot dead two men in a raid on a house in Kisumu on Tuesday.", "Forces of Kenya"),
    ("Ethiopian soldiers opened fire on worshippers in Axum, killing eight.", "Forces of Ethiopia"),
    ("Indian troops shot dead three militants in a gunfight in Kupwara.", "Forces of India"),
    ("Pakistani warplanes pounded militant hideouts in North Waziristan, killing 30.", "Forces of Pakistan"),
    ("Egyptian police killed six suspected militants in a raid on a farm in Giza.", "Forces of Egypt"),
    ("Burmese soldiers torched houses in a Rohingya village in northern Rakhine.", "Forces of Myanmar"),
    ("Police in Harare shot dead a street vendor during a raid on a market.", "Forces of Zimbabwe"),
    ("Turkish artillery shelled Kurdish positions near Tal Rifaat, killing four fighters.", "Forces of Turkey"),
    ("Security forces killed five villagers in a raid near Nyala in Sudan, a doctors' union said.", "Forces of Sudan"),
    ("Cameroonian soldiers burned homes in the village of Ngarbuh and killed 21 people.", "Forces of Cameroon"),
    ("Israeli troops shot dead a Palestinian teenager near Nablus.", "Forces of Israel"),
]

# -- coalitions and groups acting together -------------------------------------------------------------------------

TOGETHER = [
    ("Saudi-led coalition airstrikes hit a wedding in Hajjah, killing 20 guests.", "Coalition"),
    ("US-led coalition aircraft bombed a bridge over the Euphrates near Mayadin.", "Coalition"),
    ("Fighters from al-Shabaab and Hizbul Islam attacked a government post in Beledweyne.", "Shabaab"),
    ("Russian and Syrian warplanes struck a hospital in Maarat al-Numan, killing four.", "Russia"),
    ("Militants from Ansar Dine and the Macina Liberation Front attacked a camp near Nampala.", "Ansar"),
    ("Hamas and Islamic Jihad fired dozens of rockets at southern Israel overnight.", "Hamas"),
]

# -- a claim, suspicion or blame in a later sentence ----------------------------------------------------------------

CLAIMED = [
    ("A bomb killed four people at a bus stop in Kano. Police said Boko Haram was suspected to be behind the blast.",
     "Boko Haram"),
    ("Gunmen killed a tourist in Sabah. Abu Sayyaf is suspected to be behind the attack.", "Abu Sayyaf"),
    ("A magnetic bomb killed a judge in Kabul. The Taliban said in a statement that its fighters had carried out "
     "the attack.", "Taliban"),
    ("Rockets hit the Green Zone in Baghdad. Kataib Hezbollah later claimed the attack.", "Hezbollah"),
    ("Nine soldiers were killed in an ambush in Tillaberi. Officials blamed the Islamic State in the Greater Sahara.",
     "Islamic State"),
    ("A bomb exploded on a train in Balochistan, wounding 14. The Baloch Republican Army said it had planted the bomb.",
     "Baloch"),
    ("Two policemen were shot dead in Peshawar. A spokesman for the Pakistani Taliban claimed responsibility.",
     "Taliban"),
    ("A car bomb went off near a mosque in Benghazi. Authorities said the Islamic State was responsible.",
     "Islamic State"),
    ("Gunmen shot dead a village head in Narathiwat. Police blamed the Barisan Revolusi Nasional for the killing.",
     "Barisan Revolusi Nasional"),
    ("A pipeline was blown up in Arauca on Sunday. The army said the ELN had carried out the attack.",
     "National Liberation Army"),
]

# -- the sides of the Syrian war, headline style -------------------------------------------------------------------

SYRIA = [
    ("Regime barrel bombs kill eight civilians in Daraa", "Syria"),
    ("IS attack kills 12 SDF fighters near Deir ez-Zor", "Islamic State"),
    ("Turkish shelling kills two civilians in Afrin", "Turkey"),
    ("HTS fighters kill three regime soldiers in northern Hama", "Tahrir"),
    ("Russian air strikes kill 15 in Idlib market", "Russia"),
    ("SDF fighters kill five IS militants in Hajin", "Syrian Democratic Forces"),
    ("Rebel shelling kills four in government-held Aleppo", "Rebel"),
    ("Jaysh al-Islam shells Damascus neighbourhood, killing 6", "Jaysh al-Islam"),
    ("Hezbollah fighters kill 4 rebels in Qalamoun clashes", "Hezbollah"),
    ("Ahrar al-Sham fighters attack regime checkpoint near Hama", "Ahrar"),
]

# -- a group the catalogue does not know, by its name ----------------------------------------------------------------

UNKNOWN = [
    ("The Koros Liberation Front attacked a school in Tarvo, killing a teacher.", "Koros Liberation Front"),
    ("A guard was shot dead in an attack by the Eastern Hills Front on a mine near Dabru.", "Eastern Hills Front"),
    ("Two customs officers were wounded when the Marsen Liberation Army ambushed their car.", "Marsen Liberation Army"),
    ("The Front for the Defence of Ulvar burned down a police post in Ulvar.", "Front for the Defence of Ulvar"),
    ("A bomb planted by the Popular Front for the Liberation of Tessa killed a soldier in Norvik.",
     "Liberation of Tessa"),
    ("Gunmen of the Ostra Revolutionary Front shot dead a judge in the town of Bevel.", "Ostra Revolutionary Front"),
    ("The Jaguar Brigade kidnapped three engineers working on a dam in Selva province.", "Jaguar Brigade"),
    ("A market was shelled by the Southern Plains Front, killing six traders in Ruvo.", "Southern Plains Front"),
]

FAMILIES = {
    "weapon": WEAPON, "postmod": POSTMOD, "light": LIGHT, "self": SELF, "noun_by": NOUN_BY, "state": STATE,
    "together": TOGETHER, "claimed": CLAIMED, "syria": SYRIA, "unknown": UNKNOWN,
}

# the rate of each family the tests hold: as measured when the set was written (weapon 11/12, postmod 18/18, light
# 9/9, self 5/8, noun_by 7/8, state 12/12, together 6/6, claimed 9/10, syria 10/10, unknown 7/8), less one probe.
# Known misses: a foiled attack (Disrupted weapons use, no violent event), a repelled one (the defenders act), the
# bomb "they were planting" that killed its own makers, a belief clause the parser hangs on the main verb, an
# event told only as what "drew condemnation", an agentless "was blown up" the relevance gate drops.
FLOORS = {
    "weapon": 0.83, "postmod": 0.94, "light": 0.88, "self": 0.5, "noun_by": 0.75, "state": 0.91, "together": 0.83,
    "claimed": 0.8, "syria": 0.9, "unknown": 0.75,
}


def perpetrator_names(pipeline, text, published="2019-05-14"):
    """The actor1 and assoc_actor1 names of every asserted violent event (as test_perpetrator_probe.py reads them)."""
    out = []
    for e in pipeline.extract(text, published=published):
        if e.modality != "asserted" or (e.event_type not in VIOLENT
                                        and e.sub_event_type != "Looting/property destruction"):
            continue
        out.append([a.name for a in [e.actor1, *(e.assoc_actor1 or [])] if a is not None])
    return out


def named(found, group):
    return any(group.lower() in name.lower() for names in found for name in names)


def measure(pipeline):
    """The rate of each family and the misses (family, sentence, group, what was found)."""
    rates, misses = {}, []
    for family, probes in FAMILIES.items():
        hits = 0
        for text, group in probes:
            found = perpetrator_names(pipeline, text)
            if named(found, group):
                hits += 1
            else:
                misses.append((family, text, group, found))
        rates[family] = hits / len(probes)
    return rates, misses


@pytest.fixture(scope="module")
def rates(pipeline):
    return measure(pipeline)[0]


@pytest.mark.parametrize("family", list(FAMILIES))
def test_each_family_of_perpetrators_holds_its_floor(rates, family):
    assert rates[family] >= FLOORS[family], rates


def test_the_probe_set_is_large_and_varied():
    assert sum(len(p) for p in FAMILIES.values()) >= 80


# -- a site named on the attack noun is what was hit: its country is no perpetrator ----------------------------------

SITE_ON_ATTACK = [
    ("Two guards died in the Indian embassy attack in Kabul.", "India"),
    ("The US embassy bombing in Nairobi killed 213 people.", "United States"),
    ("Four people were killed in the Chinese consulate attack in Karachi.", "China"),
    ("Three policemen were wounded in the Turkish consulate shooting in Mosul.", "Turkey"),
]


@pytest.mark.parametrize(("text", "country"), SITE_ON_ATTACK)
def test_the_country_of_a_site_named_on_the_attack_is_no_perpetrator(pipeline, text, country):
    found = perpetrator_names(pipeline, text)
    assert found, text
    assert not any(country.lower() in names[0].lower() for names in found if names), found


@pytest.mark.parametrize("text", [
    "A woman believed to be pregnant was killed when gunmen opened fire on a bus near Wajir.",
    "A man thought to be in his sixties was shot dead by bandits in Zamfara.",
])
def test_the_one_believed_to_be_something_and_harmed_is_no_perpetrator(pipeline, text):
    found = perpetrator_names(pipeline, text)
    assert found, text
    assert not any("civilian" in name.lower() for names in found for name in names[:1]), found


def test_a_claim_names_the_perpetrator_of_an_attack_named_after_its_site(pipeline):
    text = "Four people were killed in the Chinese consulate attack in Karachi. The Balochistan Liberation Army " \
           "claimed the attack."
    assert named(perpetrator_names(pipeline, text), "Baloch")


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    figures, missed = measure(Pipeline(workers=1))
    total = sum(len(p) for p in FAMILIES.values())
    print("all", round(sum(figures[f] * len(FAMILIES[f]) for f in FAMILIES) / total, 3), "n", total)
    for fam, rate in figures.items():
        print(f"{fam:10s} {rate:.3f}")
    for fam, text, group, found in missed:
        print(f"MISS [{fam}] {group!r}: {text}\n     {found}")
