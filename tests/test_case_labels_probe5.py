"""A seventh CASE 2021-style probe set (issue 16), written for this project: short texts with one label each, read as
the CASE 2021 shared task reads them (the most confident asserted event with an ACLED type decides the label; none
-> no event). It covers the families the earlier sets leave thin: a place or a force that "came under" an attack
named by its weapon (a drone attack, air strikes, a grenade attack: never criticism), attacks named by their weapon,
explosive devices found in a package or a parcel, made safe or intercepted, and weapons seized in raids or in large
quantities (a disrupted weapons use), prisoner exchanges and truces, bases and command centres set up, sexual
violence and abductions in the words of reports (sexually abused, carried off), groups that change, air strikes
told by the aircraft, photo captions in the present tense, crowds told by their number or trade that attack (mob
violence), one demonstration told in two sentences (arrests beside a dispersal, property burned), and controls from
the neighbouring labels. Real and invented names from many countries. `python tests/test_case_labels_probe5.py`
prints the figures and every miss.
"""

from __future__ import annotations

import pytest

from probes import (
    ABDUCT,
    AGREEMENT,
    AIR,
    ARRESTS,
    ATTACK,
    CHANGE,
    CLASH,
    DISRUPTED,
    FORCE,
    GRENADE,
    HQ,
    IED,
    INTERVENTION,
    LOOTING,
    MOB,
    OVERTAKE,
    PEACEFUL,
    REGAIN,
    SEXUAL,
    SHELL,
    SUICIDE,
    VIOLENT_DEMO,
    top_sub_type,
)

# (text, the CASE label's ACLED sub-type; None: no ACLED event)
PROBES: list[tuple[str, str | None]] = [
    # -- a place or a force that came under attack or fire: the weapon named decides, criticism names none --------------
    ('A police patrol came under a grenade attack near the bus station in Sopore on Tuesday.', GRENADE),
    ('Bangladeshi police came under a grenade attack while raiding a militant hideout in Gazipur.', GRENADE),
    ('An army post in Kupwara came under grenade attack late on Friday, injuring two soldiers.', GRENADE),
    ('The Zarcani army camp came under mortar fire overnight, the defence ministry said.', SHELL),
    ('A UN base near Aguelhok came under rocket attack on Sunday, wounding four peacekeepers.', SHELL),
    ('The town of Kramatorsk came under heavy shelling on Monday, killing three civilians.', SHELL),
    ('An oil facility in Abqaiq came under drone attack early on Saturday.', AIR),
    ('Villages around Idlib came under air strikes for a third day, rescuers said.', AIR),
    ('A convoy of aid trucks came under fire from gunmen near Kidal, killing a driver.', ATTACK),
    ('Shoppers in the market of Mubi came under fire from gunmen on motorbikes.', ATTACK),
    ('Government troops came under attack by Al-Shabaab fighters near Jowhar and fought back for two hours.', CLASH),
    ('A police station in Tillia came under attack by heavily armed men on Wednesday night; officers returned '
     'fire.', CLASH),
    # -- attacks named by their weapon ----------------------------------------------------------------------------------
    ('The attacks, mostly with grenades, hit five towns in Narathiwat province on Friday night.', GRENADE),
    ("Three people were wounded in a grenade attack on a shop in Bujumbura's Kamenge district.", GRENADE),
    ('A grenade explosion at a bus stop in Garissa injured eight people on Monday.', GRENADE),
    ('A rocket attack on the Green Zone in Baghdad caused no casualties, the military said.', SHELL),
    ("Two children were killed in a mortar attack on a school in Aleppo's western district.", SHELL),
    ('A drone attack on a wedding party in Hajjah province killed 12 guests.', AIR),
    ('A roadside bomb blast killed four soldiers on patrol near Konna.', IED),
    ('Two policemen were killed in an IED explosion on the road between Bannu and Lakki Marwat.', IED),
    ('A car bomb explosion outside a hotel in Mogadishu killed at least seven people.', IED),
    ('A landmine blast killed a shepherd and his son near the border town of Qaa.', IED),
    ('A suicide bombing at a police academy in Quetta killed 41 recruits.', SUICIDE),
    # -- devices found, made safe, mailed or intercepted; weapons in a package or seized in a raid ----------------------
    ('A parcel bomb addressed to the prime minister was discovered at a post office in Madrid.', DISRUPTED),
    ('Postal workers in Athens found an explosive device in a package sent to a government minister.', DISRUPTED),
    ('A suspicious package containing explosives was found outside a police station in Derry and made safe by '
     'army experts.', DISRUPTED),
    ('Bomb disposal experts safely detonated an unexploded shell found in a field near Gorlovka.', DISRUPTED),
    ('Two militants were killed when the bomb they were assembling exploded prematurely in a house in Chaman. '
     '', DISRUPTED),
    ('Police in Bogota foiled a plan to bomb a military barracks and seized 30 kilograms of explosives.', DISRUPTED),
    ('Air defences intercepted two missiles fired towards the city of Jizan on Thursday.', DISRUPTED),
    ('Soldiers uncovered an arms cache containing rifles and ammunition in a forest near Beni.', DISRUPTED),
    ("Rangers seized a large quantity of weapons and ammunition during a raid in Karachi's Orangi town.", DISRUPTED),
    ('Police recovered two improvised explosive devices from a car stopped at a checkpoint in Maiduguri.', DISRUPTED),
    ('The army said it had neutralised an explosive-laden drone before it reached its base in Marib.', DISRUPTED),
    ('Navy divers removed a sea mine found near the port of Odesa.', DISRUPTED),
    # -- agreements: exchanges of prisoners, truces, peace deals --------------------------------------------------------
    ('The two armies completed an exchange of prisoners of war near Donetsk on Friday.', AGREEMENT),
    ('A prisoner exchange between the government and the rebels took place at Aden airport.', AGREEMENT),
    ('Government negotiators and the ELN signed a ceasefire agreement in Havana on Thursday.', AGREEMENT),
    ('The warring factions in Juba agreed a truce after two days of fighting.', AGREEMENT),
    ('Rival clans in Galkayo signed a peace accord mediated by elders.', AGREEMENT),
    ('The militia released 20 soldiers in exchange for its jailed commanders.', AGREEMENT),
    ('Fulani and Berom leaders signed a peace deal in Jos on Saturday.', AGREEMENT),
    ('The Taliban and the Afghan government agreed on a three-day ceasefire for the Eid holiday.', AGREEMENT),
    # -- bases, posts and command centres set up ------------------------------------------------------------------------
    ('Turkish forces have set up a new military post in the countryside of Latakia, the observatory said.', HQ),
    ('Russian troops established a new base near the airport of Qamishli.', HQ),
    ('Sources said the militia had set up a command centre in a school in Tawergha.', HQ),
    ('The rebels opened a new office in the town of Dolo to recruit fighters.', HQ),
    ('Iranian-backed militias built a new base near Albu Kamal, satellite images showed.', HQ),
    ('Al-Shabaab set up a training camp in the forests of Middle Juba, officials said.', HQ),
    ('The Wagner group has established positions around the gold mine at Intahaka.', HQ),
    # -- sexual violence, in the words of reports -----------------------------------------------------------------------
    ('Women in the camp said they had been raped by soldiers on patrol.', SEXUAL),
    ('Security forces sexually abused detained women in Juba, a rights group said.', SEXUAL),
    ('Two schoolgirls were gang-raped by militiamen near Bunia.', SEXUAL),
    ('A soldier raped a 14-year-old girl at a checkpoint in Goma, the UN said.', SEXUAL),
    ('Gunmen sexually assaulted women during a raid on the village of Kadjaka.', SEXUAL),
    ('Police officers in Harare were accused of raping female protesters in detention.', SEXUAL),
    ('Several women were raped when fighters of the militia entered the village of Mirebalais.', SEXUAL),
    # -- abductions: hostages, people carried off or disappeared --------------------------------------------------------
    ('Gunmen took eight aid workers hostage in the province of Tahoua.', ABDUCT),
    ('The rebels seized three Chinese engineers working on a road near Bambari.', ABDUCT),
    ('A human rights lawyer was forcibly disappeared after being taken from his home by men in uniform in '
     'Dhaka.', ABDUCT),
    ('Boko Haram fighters carried off 40 women from the village of Gumsuri.', ABDUCT),
    ('Two journalists were abducted by armed men on the road to Gao.', ABDUCT),
    ('Unidentified men bundled an opposition activist into a car in Harare and drove away.', ABDUCT),
    ('Kidnappers seized a businessman outside his home in Port-au-Prince and demanded a ransom.', ABDUCT),
    ('Security forces abducted three members of the opposition council, the council said.', ABDUCT),
    # -- arrests by the state -------------------------------------------------------------------------------------------
    ('Police arrested the opposition leader at his home in Kampala early on Monday.', ARRESTS),
    ('Security forces detained 12 suspected militants in a raid in Kirkuk.', ARRESTS),
    ('Authorities in Minsk arrested two journalists covering the election.', ARRESTS),
    ('The army detained a senior separatist commander at a checkpoint near Bamenda.', ARRESTS),
    # -- lethal or grievous force against demonstrators -----------------------------------------------------------------
    ('Security forces opened fire on peaceful demonstrators in Yangon, killing at least six.', FORCE),
    ('Police shot dead two protesters during a march against fuel prices in Conakry.', FORCE),
    ('Soldiers used live ammunition against demonstrators in Khartoum, killing three.', FORCE),
    ('Riot police beat protesters with clubs in Kinshasa, leaving dozens badly injured.', FORCE),
    ('Troops fired live rounds at a crowd demanding water in Ahvaz, killing one man.', FORCE),
    # -- peaceful protest forms -----------------------------------------------------------------------------------------
    ('Activists staged a die-in outside the parliament in Wellington to protest against climate inaction.', PEACEFUL),
    ('Hundreds of people formed a human chain along the coast in Batumi to demand new elections.', PEACEFUL),
    ('Protesters in Barcelona threw toilet rolls into the air to show anger at the sentences.', PEACEFUL),
    ('Mothers of the disappeared held a silent vigil in the main square of Asuncion.', PEACEFUL),
    ('Students in Dhaka held a sit-in to demand safer roads on Thursday.', PEACEFUL),
    ('Workers marched through Lagos to demand a higher minimum wage.', PEACEFUL),
    ('Farmers drove their tractors into central Brussels to protest against new rules.', PEACEFUL),
    # -- attacks on civilians against armed clashes ---------------------------------------------------------------------
    ('Gunmen stormed a hospital in Srinagar and freed a militant prisoner, killing two police guards.', CLASH),
    ('Suspected jihadists killed seven soldiers in an ambush near Djibo.', CLASH),
    ('Gunmen killed a tailor and his apprentice in their shop in Kumasi.', ATTACK),
    ('Militiamen shot dead five villagers returning from the fields near Djugu.', ATTACK),
    ('Armed men opened fire on a bus carrying pilgrims in Rajouri, killing nine.', ATTACK),
    ('Police and gunmen traded fire for an hour in the Shangla district.', CLASH),
    # -- property looted or burned, nobody harmed -----------------------------------------------------------------------
    ('Fighters looted shops and burned the market in the town of Kalehe; nobody was hurt.', LOOTING),
    ('Unknown assailants torched two school buildings in Bamenda overnight.', LOOTING),
    ("Gunmen set fire to a Mercedes parked outside the mayor's house; firefighters put out the blaze.", LOOTING),
    ('Militiamen plundered a health centre in Ituri, taking medicine and equipment.', LOOTING),
    ('Soldiers burned down dozens of empty homes in the village of Yar Zar.', LOOTING),
    # -- ground taken or retaken ----------------------------------------------------------------------------------------
    ('Government forces recaptured the town of Ghazni from the Taliban after heavy fighting.', REGAIN),
    ('The army drove ISIS fighters out of three villages near Raqqa.', REGAIN),
    ('Troops pushed back Nusra militants from their positions around Morek.', REGAIN),
    ('Al-Shabaab fighters captured the town of Bulo Burte after government troops fled.', OVERTAKE),
    # -- riots and mobs -------------------------------------------------------------------------------------------------
    ('Supporters of the opposition threw petrol bombs at police and smashed shop windows in Hong Kong.', VIOLENT_DEMO),
    ('A crowd in Lagos beat a suspected thief to death on Tuesday.', MOB),
    # -- no ACLED event -------------------------------------------------------------------------------------------------
    ('The foreign ministers of India and Pakistan met in Astana on Monday.', None),
    ('Floods killed 40 people in the state of Assam.', None),
    ('An explosion at a fireworks factory in Sivakasi killed six workers.', None),
    ('A court in Cairo sentenced 12 men to death over a 2015 bombing.', None),
    ("The Islamic State group claimed responsibility for last week's attack in Kabul.", None),
    ('Police arrested three men over the theft of jewellery from a shop in Leeds.', None),
    ('The president called for calm after a week of tension in Abidjan.', None),
    ("The minister visited the site of last year's bombing in Manchester.", None),
    # -- a group or force that changes: merged, disarmed, split, defected, troops deployed or withdrawn -----------------
    ('Two rival factions of the Sudan Liberation Movement announced on Sunday that they had merged into one '
     'movement.', CHANGE),
    ('More than 200 fighters of the FDLR laid down their arms and joined a demobilisation camp in Kisangani.', CHANGE),
    ('A splinter group broke away from the Tehrik-i-Taliban Pakistan and named itself Jamaat-ul-Ahrar.', CHANGE),
    ('Hundreds of members of the Mai-Mai Yakutumba militia surrendered to the army in Fizi territory.', CHANGE),
    ('The militant commander Abu Hamza pledged allegiance to the Islamic State with 300 of his men.', CHANGE),
    ('The rebel alliance in Central African Republic announced that it was suspending its participation in the '
     'peace process.', CHANGE),
    ('Several senior officers of the Free Syrian Army defected to the Nusra Front on Monday.', CHANGE),
    ('The army began withdrawing its troops from the disputed region of Abyei on Tuesday.', CHANGE),
    ('Anti-balaka militiamen handed over 400 weapons as part of a disarmament programme in Bangui.', CHANGE),
    ('The M23 rebel group announced a new political leader at a ceremony in Bunagana.', CHANGE),
    ('A new armed group calling itself the Popular Resistance Front announced its formation in the Ogaden.', CHANGE),
    ('The Ethiopian army deployed thousands of troops to the border with Sudan.', CHANGE),
    # -- air strikes told by the aircraft -------------------------------------------------------------------------------
    ('Warplanes bombed rebel positions near the town of Kafr Nabl on Thursday.', AIR),
    ('Fighter jets pounded Houthi positions in Saada province overnight, the coalition said.', AIR),
    ('A drone fired missiles at a car near Mir Ali, killing three suspected militants.', AIR),
    ('Turkish jets struck PKK targets in the Qandil mountains.', AIR),
    ('Aerial bombardment of villages around Kutum killed 11 people, residents said.', AIR),
    ('An unmanned aircraft targeted a vehicle carrying al-Shabaab commanders near Jilib.', AIR),
    ('Helicopter gunships attacked a convoy of fighters near Sirte.', AIR),
    ('Russian planes carried out raids on the outskirts of Maarat al-Numan.', AIR),
    # -- photo captions in the present tense: the act shown is the event ------------------------------------------------
    ('Police officers detain a protester during a demonstration against the election results in '
     'Minsk, Belarus, Sunday, Aug. 9, 2020.', INTERVENTION),
    ('Riot police use tear gas to disperse supporters of the opposition in Kinshasa, Democratic '
     'Republic of Congo, on Monday.', INTERVENTION),
    ('A police officer pushes back a demonstrator during a rally outside the parliament in '
     'Tbilisi, Georgia, June 21, 2019.', INTERVENTION),
    ('Riot police fire water cannon at protesters in central Santiago, Chile, October 25, 2019.', INTERVENTION),
    ('Security forces drag away a woman during a protest against the military coup in Mandalay, '
     'Myanmar, Feb. 15, 2021.', INTERVENTION),
    ('Demonstrators hold placards during a protest against rising fuel prices in Accra, Ghana, on Tuesday.', PEACEFUL),
    ('Supporters of the opposition chant slogans during a rally in Harare, Zimbabwe, August 1, 2018.', PEACEFUL),
    ('Teachers march through the streets of Lima to demand higher wages, Peru, Wednesday, July 5, 2023.', PEACEFUL),
    ('Protesters throw stones at police during clashes in Beirut, Lebanon, Saturday, Jan. 18, 2020.', VIOLENT_DEMO),
    ('Protesters set fire to tyres on a road blocked during a general strike in Port-au-Prince, '
     'Haiti, Feb. 11, 2019.', VIOLENT_DEMO),
    ('Rioters loot a supermarket during unrest in Durban, South Africa, July 12, 2021.', VIOLENT_DEMO),
    ('Residents beat a suspected thief in a market in Lagos, Nigeria, on Friday.', MOB),
    ('Soldiers patrol a street after clashes with militants in Marawi, Philippines, June 2, 2017.', CLASH),
    ('Smoke rises after an air strike on the town of Saraqeb in Idlib province, Syria, February 4, 2020.', AIR),
    # -- a crowd told by its number, trade or community that attacks: mob violence --------------------------------------
    ('A mob attacked two men accused of cattle theft in the village of Kapiri, killing one of them.', MOB),
    ('Residents of the township of Diepsloot chased foreign nationals from their homes and looted their shops.', MOB),
    ('Angry youths stormed the house of a local chief in Bawku and set it on fire after a boy was found dead.', MOB),
    ('Supporters of two rival football clubs fought with knives and bottles outside the stadium in Belgrade.', MOB),
    ('Vigilantes beat up three men they accused of being kidnappers near Puebla.', MOB),
    ('Villagers in Assam lynched two men suspected of being child lifters.', MOB),
    ('Members of two communities attacked each other with machetes in the town of Yelwata.', MOB),
    ('Traders attacked a tax collector in the market of Kumba and burned his motorbike.', MOB),
    ('Hundreds of people attacked a mosque in Kandy, damaging the building, police said.', MOB),
    # -- a demonstration the police break up, stop or arrest ------------------------------------------------------------
    ('Police used batons to break up a march of nurses demanding unpaid salaries in Nairobi.', INTERVENTION),
    ('Police in Luanda arrested 40 activists who gathered to demand free elections.', INTERVENTION),
    ('Security forces prevented opposition supporters from holding a rally in Conakry, firing tear gas.', INTERVENTION),
    ('A peaceful march by students in Managua was broken up by police, who detained 20 of them.', INTERVENTION),
    ('Authorities in Baku detained dozens of protesters at an unsanctioned rally on Saturday.', INTERVENTION),
    ('Police dispersed a crowd of farmers who had blocked a highway outside Chandigarh with tractors.', INTERVENTION),
    ("Police stopped hundreds of workers from marching to the governor's office in Surabaya.", INTERVENTION),
    ('Thai police used water cannon laced with chemicals against pro-democracy demonstrators near '
     'the Grand Palace.', INTERVENTION),
    ('Protesters were pepper-sprayed and detained by police outside the parliament in Canberra.', INTERVENTION),
    # -- one demonstration told in two sentences: the second tells its most severe form ---------------------------------
    ("Hundreds of traders marched to the city hall in Douala to protest against new taxes. Police fired tear gas and "
     "arrested three of their leaders.", INTERVENTION),
    ("Students demonstrated in Caracas against the closure of their university. Police dispersed the students and "
     "detained the union president.", INTERVENTION),
    ("Opposition supporters gathered outside the electoral commission in Kinshasa on Monday to demand a recount. "
     "Police dispersed them and arrested several organisers.", INTERVENTION),
    ('Thousands of people marched in Khartoum on Thursday to demand civilian rule. Security '
     'forces fired tear gas to stop them reaching the presidential palace.', INTERVENTION),
    ('Opposition supporters gathered outside the electoral commission in Kinshasa on Monday. '
     'Police dispersed them and arrested several organisers.', INTERVENTION),
    ('Teachers rallied in front of the education ministry in Tegucigalpa for a third day. Riot '
     "police removed them from the building's steps.", INTERVENTION),
    ('Farmers held a sit-in on the highway to Delhi. On Tuesday police cleared the site and '
     'detained 50 of them.', INTERVENTION),
    ('Supporters of the jailed leader took to the streets of Dakar. They burned tyres and threw '
     'stones at police, who responded with tear gas.', VIOLENT_DEMO),
    ("Demonstrators marched on the governor's office in Basra on Friday. Some of them set fire to "
     "the building's gate.", VIOLENT_DEMO),
    ('Protests over fuel prices spread to five cities in Kazakhstan. In Almaty, protesters '
     "stormed the mayor's office and set it alight.", VIOLENT_DEMO),
    ('Residents of Kibera took to the streets on Tuesday to protest against evictions. Youths '
     'looted shops and blocked the railway line.', VIOLENT_DEMO),
    ('Tear gas was fired at crowds in Abidjan on Sunday. The demonstrators were protesting '
     "against the president's bid for a third term.", INTERVENTION),
    ('Stones were hurled at police in Conakry on Thursday. The crowd was demonstrating against a '
     'new constitution.', VIOLENT_DEMO),
    ('Police fired live rounds at thousands of people who had gathered in Tehran. At least five '
     'demonstrators were killed, according to rights groups.', FORCE),
    ("Thousands rallied in Yerevan on Saturday to demand the prime minister's resignation. The "
     'rally ended peacefully in the evening.', PEACEFUL),
    ('Women in Kabul held a small protest demanding the right to work. They carried placards and '
     'chanted slogans outside a ministry.', PEACEFUL),
    ('Hundreds of nurses in Nairobi went on strike and marched to the health ministry. Their '
     'union said the strike would continue.', PEACEFUL),
    ('Residents of Soweto protested against power cuts on Monday, marching to the offices of the '
     'utility. They handed over a memorandum.', PEACEFUL),
]


def measure(pipeline):
    """The share of probes labelled right, and the misses."""
    misses = [(label, text, got) for text, label in PROBES if (got := top_sub_type(pipeline, text)) != label]
    return 1 - len(misses) / len(PROBES), misses


@pytest.fixture(scope="module")
def accuracy(pipeline):
    return measure(pipeline)[0]


def test_the_probe_set_covers_the_families():
    assert len(PROBES) >= 120
    labels = {label for _, label in PROBES}
    assert {AIR, GRENADE, SHELL, DISRUPTED, AGREEMENT, HQ, SEXUAL, ABDUCT, CHANGE, None} <= labels


# measured on the 176 texts: 0.812 on main before this set's branch, 0.903 after (the misses left: a bomb that went
# off early in its makers' hands, a release "in exchange for" captives, troops withdrawn or a new leader announced,
# vigilantes and community members who fight, a march stopped or removed in words the rules lack, violence told
# before the demonstration it belongs to); the floor leaves slack for parser ties
def test_case_labels_probe5(accuracy):
    assert accuracy >= 0.87


if __name__ == "__main__":
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from eventwire.extraction.pipeline import Pipeline

    accuracy_, misses_ = measure(Pipeline(workers=1))
    print(f"accuracy {accuracy_:.3f} ({len(PROBES)} probes)")
    for miss in misses_:
        print(miss)
