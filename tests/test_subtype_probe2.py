"""ACLED sub-types of Wikipedia-style incident texts (two to four sentences: the attack, its background and its
aftermath), written for these tests in families of language that the first sub-type probe set
(tests/test_subtype_probe.py) leaves out: a vehicle driven into a crowd is an attack on civilians, not force used on
protesters; an execution by an armed group before onlookers is an attack, not a riot; a vehicle packed with
explosives that a driver takes to its target and sets off is a suicide bomb, though the text never says "suicide";
fire set to property with incendiary devices is property destruction, not a clash; men who resist arrest and open
fire on the police fight a clash; an attack stays the main event before the arrests, raids and marches told
after it, and the state's forces that answer it do not use its bomb. The rate is over the most confident asserted ACLED event of each text;
`python tests/test_subtype_probe2.py` prints the misses."""

from __future__ import annotations

import pytest

from probes import ABDUCT, ATTACK, CLASH, FORCE, GRENADE, IED, LOOTING, MOB, SHELL, SUICIDE, VIOLENT_DEMO

FLOOR = 0.74  # measured 0.753 (main c7aec35: 0.494)

RAMMING = [
    "A man drove a rented van into crowds of shoppers on Drottninggatan in Stockholm, killing five people. The driver, "
    "a failed asylum seeker, was arrested hours later.",
    "On 19 December a lorry was driven into a Christmas market near the Kaiser Wilhelm Memorial Church in Berlin, "
    "killing 12 people and injuring 56. The Islamic State claimed responsibility.",
    "A car ploughed into pedestrians on a busy street in Toronto, killing ten people. Police arrested the 25-year-old "
    "driver at the scene.",
    "An attacker rammed a pickup truck into cyclists and runners on a bike path in lower Manhattan, killing eight. He "
    "was shot and wounded by a police officer.",
    "A truck was deliberately driven into crowds celebrating the festival in the town square of Veloria, killing 31 "
    "people. The driver was shot dead by police after a chase.",
    "A van mounted the pavement on Westminster Bridge and mowed down pedestrians, killing four. The attacker then "
    "stabbed a police officer outside Parliament before he was shot.",
    "A man drove his car into a group of worshippers leaving a mosque in Finsbury Park, injuring ten people. He was "
    "detained by the crowd until police arrived.",
    "A Palestinian drove a bulldozer into a bus and several cars on Jaffa Road in Jerusalem, killing three people. "
    "He was shot dead by an off-duty soldier.",
    "A speeding car rammed into a crowd of people waiting at a bus stop in Ra'anana, injuring seven. Police said the "
    "driver was a resident of the West Bank.",
    "In a vehicle-ramming attack in Barcelona, a van drove into pedestrians along La Rambla, killing 13 people. The "
    "driver fled on foot and was killed by police four days later.",
    "A man rammed his SUV into a Christmas parade in Waukesha, Wisconsin, killing six people and injuring more than "
    "60. He was charged with homicide the next day.",
    "A truck ploughed into a crowd of spectators at a street festival in Kordovia, killing 19. The Northern Front "
    "claimed the attack in a statement.",
    "A man drove a car into soldiers waiting at a hitchhiking stop near Gush Etzion, injuring three. He was shot by "
    "troops at the scene.",
    "A car drove into pedestrians outside a kindergarten in Huanggang, killing four children. The driver, a local "
    "farmer, was detained.",
    "An assailant drove a minibus into shoppers at an open-air market in Luvana, killing seven. Police said the "
    "attacker had pledged allegiance to the Islamic State.",
]

EXECUTIONS = [
    "Islamic State militants stoned two men to death in front of a crowd in the main square of Raqqa. The men had "
    "been accused of adultery by an Islamic court.",
    "Al-Shabaab publicly executed a man accused of spying for the government before hundreds of residents in "
    "Barawe. He was shot by a firing squad.",
    "Taliban fighters stoned a woman to death before a crowd of villagers in Ghor province. Officials condemned the "
    "killing as a crime.",
    "Militants of the Sahel Brigade beheaded three men accused of collaborating with the army in front of villagers "
    "in Menaka. The bodies were left in the market.",
    "Islamic State released a video showing its fighters beheading an Egyptian hostage on a beach. The group said "
    "the man was a spy.",
    "Al-Shabaab militants executed two men by firing squad in front of a crowd in Jilib on Saturday, accusing them of "
    "spying for the United States.",
    "The Taliban publicly flogged and then shot dead a woman accused of adultery in Parwan province while a crowd "
    "watched. A video of the execution spread online.",
    "Militants of the Kesh Brotherhood hanged a village elder from a tree before a crowd of onlookers in Dorvo. The "
    "group accused him of informing for the police.",
    "Boko Haram insurgents publicly executed four men in the town square of Gwoza, accusing them of stealing. "
    "Residents were forced to watch.",
    "Islamic State militants threw two men accused of homosexuality from the roof of a building in Mosul as a crowd "
    "gathered below. Photographs of the killing were posted online.",
    "The group executed a teacher in front of his pupils in the village of Tamarit, accusing him of teaching a "
    "secular curriculum. Police later found his body.",
    "Islamic State fighters crucified a man in the main square of al-Bab and left his body on display for three days. "
    "A sign accused him of apostasy.",
    "Jihadists in Timbuktu amputated the hand of a man accused of theft in front of a crowd. The Islamic police "
    "carried out the sentence in the main square.",
    "Al-Shabaab stoned a young man to death in front of hundreds of people in Kunturwarey, after an Islamic court "
    "found him guilty of rape.",
    "ISIS militants executed 12 men in front of a crowd in the town of Deir Hafer, accusing them of fighting for the "
    "rebels.",
]

VEHICLE_SUICIDE = [
    "A car packed with explosives drove up to the gate of the police headquarters in Kandahar and detonated, killing "
    "four officers. The Taliban claimed responsibility.",
    "A driver rammed an explosives-laden truck into the wall of an army base in Tal Afar, killing nine soldiers. The "
    "Islamic State claimed the attack.",
    "An attacker drove a car loaded with explosives into a convoy of foreign troops on the airport road in Kabul, "
    "killing two soldiers and four civilians.",
    "A minibus filled with explosives was driven into a checkpoint at the entrance to Ramadi and blew up, killing "
    "seven policemen.",
    "Militants drove an explosives-laden vehicle into the gate of the Sahafi hotel in Mogadishu, killing 14 people. "
    "Gunmen then stormed the building.",
    "An explosive-laden car rammed into a military convoy near Ras al-Ain, killing three soldiers. Kurdish militants "
    "were blamed.",
    "A truck laden with explosives was driven into a police station in Zintan and detonated, killing five officers. "
    "No group claimed the attack.",
    "A man drove a water tanker packed with explosives into a military camp in Zliten, killing 60 police recruits. "
    "It was the deadliest attack in Libya since 2011.",
    "An attacker rammed a car bomb into the wall of the provincial council building in Baqubah, killing 11 people. "
    "The building was badly damaged.",
    "A vehicle packed with explosives was driven at high speed into the barracks of the 4th Brigade in Kerawa and "
    "exploded at the gate, killing 12 soldiers.",
    "Insurgents drove an armoured vehicle loaded with explosives into an army outpost in Farah province, killing "
    "eight soldiers. Officials said the outpost was destroyed.",
    "A bomber drove an explosives-packed ambulance through a police checkpoint in central Kabul and detonated it, "
    "killing 95 people. The Taliban claimed responsibility.",
    "A car loaded with explosives rammed the gate of the French embassy compound in Nouakchott, wounding three "
    "guards. Al-Qaeda claimed the attack.",
    "A man drove a lorry packed with explosives into the compound of a Shia mosque in Sadr City and set it off, "
    "killing 23 worshippers.",
    "An explosives-laden pickup truck was rammed into an African Union base in Bulamarer, killing 17 soldiers. "
    "Al-Shabaab claimed it had killed more.",
]

ARSON = [
    "Assailants ignited incendiary devices under delivery trucks of a meat-packing company in Hamilton, Ontario. Two "
    "trucks were destroyed but nobody was hurt. An animal-rights group claimed responsibility.",
    "Unknown attackers threw incendiary devices at the offices of a newspaper in Paris overnight, burning its "
    "archives. No one was injured.",
    "Anarchists set fire to six vans of a security company in Athens with improvised incendiary devices. The group "
    "claimed the arson in an online statement.",
    "Masked men firebombed a mosque in Jonkoping, Sweden, damaging its entrance. Nobody was inside at the time.",
    "Gunmen of the Black Valley Front burned ballot boxes and election material in three villages of Ocana. The army "
    "said nobody was hurt.",
    "Militants torched a telecommunications tower in Nangarhar province overnight. Mobile services in the district "
    "were cut for two days.",
    "Arsonists set fire to a synagogue in Rostock with petrol, burning its front door. Police opened an investigation "
    "into a hate crime.",
    "Incendiary devices were placed at a car dealership in Eugene, Oregon, destroying 35 SUVs. The Earth Liberation "
    "Front claimed responsibility.",
    "Militants set fire to a girls' school in Swat valley at night, destroying the building. No casualties were "
    "reported.",
    "Unknown persons threw Molotov cocktails at the office of a political party in Bratislava, burning its door. "
    "Nobody was hurt.",
    "Guerrillas burned three buses on the highway between Tibu and Cucuta after forcing the passengers off. The "
    "army deployed troops along the road.",
    "Attackers poured petrol on the doors of a church in Mosul and set it on fire, damaging the altar. The church "
    "had been empty since 2014.",
    "Radical activists set fire to cables along a railway line near Hanover, disrupting train traffic for hours. A "
    "far-left group claimed the arson.",
    "Suspected militants set ablaze a police post in Kulgam district; nobody was inside. Police launched a search "
    "for the attackers.",
    "A group of men hurled petrol bombs at the offices of a human-rights organisation in Istanbul, causing a fire. "
    "Nobody was injured.",
]

RESISTED = [
    "Two militants who were surrounded in a forest near Vedeno refused to surrender and opened fire on police "
    "officers. Both were killed in the shootout.",
    "A wanted militant put up armed resistance when police tried to arrest him in Nalchik, and was killed. Officers "
    "found a rifle and grenades in the house.",
    "Suspected members of the Iron Crescent cell opened fire on security forces who raided their hideout in Sousse. "
    "One officer and two militants were killed.",
    "Police besieged a house in Makhachkala where three gunmen were hiding; the men refused to surrender and fired "
    "on the officers. All three were killed.",
    "Gunmen opened fire on a police unit that had come to arrest them in Khasavyurt, wounding two officers. The "
    "gunmen escaped into the woods.",
    "Militants barricaded in a flat in Saint-Denis fired at police commandos during a dawn raid, wounding five "
    "officers. Two militants were killed.",
    "Security forces raided a militant hideout in Kirkuk; the militants fought back and a two-hour gun battle "
    "followed. Four militants were killed.",
    "Two suspected jihadists resisted arrest in the Tunisian town of Kasserine and fired on the national guard, "
    "killing one guardsman.",
    "Rebels hiding in a village near Beni opened fire on soldiers searching the area, killing two. The army said "
    "three rebels were killed when troops returned fire.",
    "A militant wanted for several bombings was killed in a shootout with police in Pristava after he refused to "
    "give himself up.",
    "The insurgents put up armed resistance when the special forces stormed their safe house in Ingushetia. Two "
    "insurgents and one officer were killed.",
    "Police tried to stop a car at a checkpoint in Mersin; the men inside opened fire on the officers and a gun "
    "battle followed in which two militants died.",
    "Gunmen surrounded by the army in a house in Pulwama fired on the troops for several hours. Three militants and "
    "a soldier were killed.",
    "A suspected member of the Red Dawn group fired on police who came to arrest him in Medellin, wounding an "
    "officer. He was later captured.",
    "Militants in a hideout in the mountains near Bejaia fought a gun battle with soldiers who had surrounded them. "
    "Six militants were killed.",
]

# an attack told first, then what followed it (arrests, a raid, a march, a strike back): the attack stays the main
# event, with its own weapon (the accepted sub-types are the attack's)
AFTERMATH = [
    ("A bomb exploded at a bus station in Kaduna, killing six passengers. Police arrested three suspects the "
     "following day.", {IED}),
    ("Gunmen shot dead four worshippers at a church in Ondo state. Hundreds of residents protested in the town the "
     "next day, demanding better security.", {ATTACK}),
    ("A landmine hit an army truck near Kidal, killing three soldiers. The army later detained two men in the nearby "
     "village.", {IED}),
    ("Militants threw a grenade at a police post in Pulwama, injuring two officers. Security forces cordoned off the "
     "area and arrested a suspect.", {GRENADE}),
    ("A roadside bomb killed five policemen in Zabul province. Afghan forces launched an operation and killed two "
     "Taliban fighters.", {IED}),
    ("Masked men set fire to a mosque in Trappes overnight. Several hundred people marched through the town on "
     "Sunday to condemn the attack.", {LOOTING}),
    ("A man stabbed three people at a train station in Hamburg before police shot him. Prosecutors said he had sworn "
     "allegiance to the Islamic State.", {ATTACK}),
    ("Gunmen kidnapped 20 students from a school in Kebbi state. Police and soldiers later clashed with the "
     "kidnappers in a forest, freeing five.", {ABDUCT}),
    ("Rebels ambushed an army convoy near Beni, killing seven soldiers. The army said it had arrested 12 suspected "
     "collaborators.", {CLASH}),
    ("Two rockets struck a residential area of Kabul, wounding three civilians. Police found the launchers on a "
     "truck and arrested its driver.", {SHELL}),
    ("A bomb planted in a parked car exploded outside a police station in Diyarbakir, killing two officers. Turkish "
     "warplanes struck PKK positions in northern Iraq hours later.", {IED}),
    ("A suicide bomber killed nine people at a market in Maiduguri. Angry youths later set fire to a suspect's "
     "house.", {SUICIDE}),
    ("An improvised explosive device exploded near a military vehicle in Sinai, killing four soldiers. Troops then "
     "raided several houses and arrested 30 people.", {IED}),
    ("Gunmen opened fire on a wedding party in Mardin, killing 44 people. Police arrested eight village guards "
     "suspected of the killings.", {ATTACK}),
]

# (family name, texts, accepted sub-types of the most confident event)
FAMILIES = [
    ("ramming", RAMMING, {ATTACK}),
    ("executions", EXECUTIONS, {ATTACK}),
    ("vehicle suicide", VEHICLE_SUICIDE, {SUICIDE}),
    ("arson", ARSON, {LOOTING}),
    ("resisted", RESISTED, {CLASH}),
]
CASES = [(family, text, accepted) for family, texts, accepted in FAMILIES for text in texts] + [
    ("aftermath", text, accepted) for text, accepted in AFTERMATH]

# the other side of each family, every one of which must hold: a vehicle bomb parked or passed by is set off from
# afar; a crowd that stones a man or a vehicle is a mob or a riot; a crowd fired on is a demonstration met by force
CONTRASTS = [
    ("A car bomb parked outside the ministry exploded as a convoy drove past, killing three guards.", {IED}),
    ("A truck packed with explosives was left near the market and detonated by remote control, killing nine people.",
     {IED}),
    ("Police defused a car bomb found in a parking lot in Diyarbakir; the driver who left it there was arrested.",
     {None, "Disrupted weapons use", "Arrests"}),
    ("Angry residents stoned a suspected thief to death in Kasese on Sunday.", {MOB}),
    ("Youths stoned police vehicles in the township after the funeral.", {VIOLENT_DEMO, MOB}),
    ("Police fired on a crowd of striking miners at the gates of the pit, killing two.", {FORCE}),
    ("Soldiers opened fire on the crowd gathered outside the governor's office, killing four protesters.", {FORCE}),
]


def top_sub_type(pipeline, text):
    events = [e for e in pipeline.extract(text, published="2019-05-04") if e.modality == "asserted" and e.event_type]
    return max(events, key=lambda e: e.confidence).sub_event_type if events else None


def misses(pipeline):
    found = []
    for family, text, accepted in CASES:
        got = top_sub_type(pipeline, text)
        if got not in accepted:
            found.append((family, got, text))
    return found


def test_sub_types_of_incident_texts(pipeline):
    missed = misses(pipeline)
    rate = 1 - len(missed) / len(CASES)
    assert rate >= FLOOR, f"rate {rate:.3f}: " + "; ".join(f"{f}: {g} <- {t[:60]}" for f, g, t in missed)


@pytest.mark.parametrize("text", [
    "A roadside bomb killed five policemen in Zabul province. Afghan forces launched an operation and killed two "
    "Taliban fighters.",
    "A car bomb exploded outside the governor's office in Baqubah, killing nine. Iraqi troops later killed three "
    "militants in a raid on a farm.",
    "An IED struck a patrol near Gao, killing two peacekeepers. Malian soldiers shot dead a suspect at a checkpoint.",
])
def test_the_state_answering_takes_no_bomb_of_the_attack_before(pipeline, text):
    second = text.index(". ") + 2
    later = [e for e in pipeline.extract(text, published="2019-05-04")
             if e.modality == "asserted" and e.event_type and e.evidence.start >= second]
    assert later and all(e.sub_event_type != IED for e in later)


@pytest.mark.parametrize("text,accepted", CONTRASTS)
def test_the_other_side_of_each_family(pipeline, text, accepted):
    assert top_sub_type(pipeline, text) in accepted


if __name__ == "__main__":
    from collections import Counter

    from eventwire.extraction.pipeline import Pipeline

    PIPE = Pipeline(workers=1)
    missed = misses(PIPE)
    for family, got, text in missed:
        print(f"[{family}] {got}: {text}")
    for text, accepted in CONTRASTS:
        if top_sub_type(PIPE, text) not in accepted:
            print(f"[contrast] {text}")
    totals = Counter(f for f, _, _ in CASES)
    lost = Counter(f for f, _, _ in missed)
    for family in totals:
        print(f"{family}: {totals[family] - lost[family]}/{totals[family]}")
    print(f"rate {1 - len(missed) / len(CASES):.3f} ({len(CASES)} texts)")
