"""A fourth CASE 2021-style probe set (issues 12 and 16), written for this project: short texts with one label each,
read as the CASE 2021 shared task reads them (the most confident asserted event with an ACLED type decides the
label; none -> no event). It is written on the label pairs that get confused, by their ACLED definitions: a
peaceful protest, a protest with intervention (dispersed, tear gas, arrests, no serious injury) and excessive
force against protesters (live fire, protesters killed or badly hurt); a violent demonstration (the demonstrators'
own violence) and mob violence (a crowd attacking people or property outside any demonstration); an armed clash
(both sides armed) and an attack (one-sided, on the defenceless); arrests by the state and abductions by others;
looting and property destruction with nobody harmed; remote violence by its weapon; and texts with no event:
calls to protest, plans, court rulings, statements. Wire, local and headline styles, active and passive, real and
invented names, several decades. `python tests/test_case_labels_probe2.py` prints the figures and every miss.
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
    CHEM,
    CLASH,
    DISRUPTED,
    FORCE,
    GRENADE,
    HQ,
    IED,
    INTERVENTION,
    LOOTING,
    MOB,
    OTHER,
    OVERTAKE,
    PEACEFUL,
    REGAIN,
    SEXUAL,
    SHELL,
    SUICIDE,
    TRANSFER,
    VIOLENT_DEMO,
    top_sub_type,
)

# (text, the CASE label's ACLED sub-type; None: no ACLED event)
PROBES: list[tuple[str, str | None]] = [
    # -- peaceful protest: nobody stops it, nobody is hurt ------------------------------------------------------
    ("About 300 nurses gathered outside the regional hospital in Temuco on Monday to demand overdue wages.", PEACEFUL),
    ("Taxi drivers in Lisbon staged a go-slow on the main bridge to protest against ride-hailing apps.", PEACEFUL),
    ("Residents of the Zalvaro district formed a human chain along the river to oppose a new dam.", PEACEFUL),
    ("Mothers of missing soldiers held a silent vigil in front of the defence ministry in Yerevan.", PEACEFUL),
    ("Hundreds of miners went on strike and picketed the gates of the copper mine near Kitwe.", PEACEFUL),
    ("Students boycotted classes and marched to the education ministry in Tegucigalpa in 1987.", PEACEFUL),
    ("Kashmiri traders shut their shops in a strike called to protest the arrest of a separatist leader.", PEACEFUL),
    ("Villagers demonstrate against land grab in Odisha", PEACEFUL),
    ("Fans of the opposition candidate rallied in Lusaka on Saturday.", PEACEFUL),
    ("A crowd of farmers dumped tonnes of potatoes in front of the prefecture in Amiens in protest at low prices.",
     PEACEFUL),
    ("Activists lay down on the pavement outside the embassy in a die-in against the arms trade.", PEACEFUL),
    ("Supporters of the jailed mayor rallied peacefully in Istanbul, waving flags and chanting slogans.", PEACEFUL),
    ("Workers at the textile factory in Gazipur walked out over unpaid bonuses and demonstrated at the gate.",
     PEACEFUL),
    # -- protest with intervention: dispersed, tear gas, arrests; nobody seriously hurt --------------------------------
    ("Police in Caracas fired tear gas at students marching against the government, dispersing the crowd.",
     INTERVENTION),
    ("Officers used pepper spray to clear demonstrators who had occupied the square in Tbilisi.", INTERVENTION),
    ("Police detained 40 people at an unauthorised rally in Moscow on Sunday, monitors said.", INTERVENTION),
    ("A protest by teachers outside parliament in Accra was broken up by riot police.", INTERVENTION),
    ("Security forces dispersed a sit-in by unemployed graduates in Rabat with water cannon.", INTERVENTION),
    ("Dozens of demonstrators were arrested as police cleared a protest camp in Hong Kong.", INTERVENTION),
    ("Police break up opposition march in Kampala, arrest organisers", INTERVENTION),
    ("Gendarmes forcibly removed environmental activists who had chained themselves to the gates of the plant.",
     INTERVENTION),
    ("Police charged at a crowd of market vendors protesting against eviction in Lilongwe, scattering them.",
     INTERVENTION),
    ("Anti-riot police prevented hundreds of farmers from marching on the capital and held 12 of them.",
     INTERVENTION),
    # -- excessive force: lethal or serious violence against a peaceful protest -------------------------------------
    ("Police shot dead two protesters during a march against fuel prices in Freetown.", FORCE),
    ("Soldiers fired live rounds at students protesting in Dhaka, killing one and wounding dozens.", FORCE),
    ("A protester died after being hit by a tear gas canister fired at close range by police in Baghdad.", FORCE),
    ("Three demonstrators were killed when security forces opened fire on a peaceful rally in Abidjan.", FORCE),
    ("Pro-government militiamen attacked a peaceful sit-in with clubs and knives, wounding 30 protesters.", FORCE),
    ("Police beat demonstrators unconscious with batons during a peaceful march in Kinshasa; 14 were taken to "
     "hospital.", FORCE),
    ("Security forces killed at least 12 people at anti-coup protests in Khartoum on Thursday, medics said.", FORCE),
    ("Troops fire on protesters in Myitkyina, two dead", FORCE),
    # -- violent demonstration: the demonstrators' own violence -----------------------------------------------------
    ("Demonstrators threw petrol bombs at police and torched a bus in Santiago.", VIOLENT_DEMO),
    ("Protesters stormed the governor's office in Jalalabad and set it on fire.", VIOLENT_DEMO),
    ("Angry protesters pelted police with stones and blocked the highway with burning tyres near Nakuru.",
     VIOLENT_DEMO),
    ("Protesters ransacked the offices of the electoral commission after the results were announced.",
     VIOLENT_DEMO),
    ("Demonstrators smashed windows of banks and clashed with riot police in Athens.", VIOLENT_DEMO),
    ("Students protesting the fee increase vandalised university buildings in Johannesburg.", VIOLENT_DEMO),
    ("Police fired tear gas after demonstrators hurled rocks and bottles at them in Beirut.", VIOLENT_DEMO),
    ("Protesters set fire to the ruling party's headquarters in Dakar during demonstrations over the arrest of "
     "an opposition leader.", VIOLENT_DEMO),
    # (ACLED's road-blocking by demonstrators is a violent demonstration; arrests made at a protest are its
    # intervention)
    ("Farmers blocked the main highway between Lahore and Multan with their tractors to protest wheat prices.",
     VIOLENT_DEMO),
    ("Supporters of the defeated candidate blocked streets in Conakry on Wednesday.", VIOLENT_DEMO),
    ("The bridge over the Drina was blocked for six hours by striking steel workers.", VIOLENT_DEMO),
    ("Police arrested 35 people during a march against the pension reform in Lyon.", INTERVENTION),
    ("Eleven activists were detained at a vigil for political prisoners in Baku on Saturday.", INTERVENTION),
    ("Riot police held dozens of students at a sit-in outside the university in Colombo.", INTERVENTION),
    # (the demonstrators an arrest names are its protest's intervention; its leader taken at home is an arrest)
    ("Police arrested 40 protesters in Minsk on Sunday.", INTERVENTION),
    ("Nineteen marchers were detained by gendarmes on the road to Niamey in 2016.", INTERVENTION),
    ("Police arrested 200 climate activists who blocked a bridge in London.", INTERVENTION),
    ("Pensioners demonstrating outside parliament were hauled away by police in Bucharest.", INTERVENTION),
    ("Police arrested the leader of the protest movement at his home in Khartoum.", ARRESTS),
    # (property set ablaze or alight, the object between the verb and the word: "set two buses ablaze")
    ("Protesters set two buses ablaze in Dhaka on Sunday.", VIOLENT_DEMO),
    ("Demonstrators set the ruling party's office alight in Lilongwe.", VIOLENT_DEMO),
    ("Students protesting the fee rise set a university bus ablaze in Ibadan.", VIOLENT_DEMO),
    ("Protesters stoned police vehicles in Srinagar after Friday prayers.", VIOLENT_DEMO),
    ("Striking dockers stoned the gates of the port authority in Mombasa.", VIOLENT_DEMO),
    # -- mob violence: a crowd attacks people or property, no demonstration --------------------------------------------
    ("A mob burned down the house of a man accused of blasphemy in the Punjab village of Jaranwala.", MOB),
    ("Villagers beat to death two men they suspected of stealing goats near Kasungu.", MOB),
    ("A crowd attacked and injured a health worker who was accused of spreading the disease in Butembo.", MOB),
    ("Hindu and Muslim mobs clashed with sticks and stones in the town of Khargone, injuring 20 people.", MOB),
    ("Residents set a suspected kidnapper on fire in Port Harcourt after catching him with a child.", MOB),
    ("An enraged mob attacked a police station in Tembisa, freeing a suspect held there.", MOB),
    ("Football fans rioted after the match in Cairo, attacking rival supporters with knives.", MOB),
    ("Hundreds of looters ransacked supermarkets and warehouses in Durban as the unrest spread.", MOB),
    ("A mob set a councillor's car ablaze outside the town hall in Kabwe.", MOB),
    ("Villagers set a police post alight after a man died in custody in Bihar.", MOB),
    ("Hooligans clashed with police outside the stadium in Marseille after the cup final.", MOB),
    # (a crowd that punishes a suspected wrongdoer: mob justice)
    ("A crowd set a suspected thief on fire at a market in Eldoret.", MOB),
    ("An angry crowd beat an alleged witch to death in a village near Mzuzu.", MOB),
    ("A crowd attacked two suspected robbers in Onitsha, leaving one of them dead.", MOB),
    # -- armed clash: both sides armed ------------------------------------------------------------------------------
    ("Government troops and fighters of the Karen National Union fought for several hours near Myawaddy.", CLASH),
    ("Gunmen attacked an army checkpoint in Kidal, sparking a firefight in which three soldiers died.", CLASH),
    ("Insurgents attacked a police post in Nangarhar; officers returned fire and killed two attackers.", CLASH),
    ("Two armed groups battled for control of a gold mine in northern Chad, leaving 20 dead.", CLASH),
    ("Security forces killed five suspected militants in a shootout in the Kupwara district.", CLASH),
    ("Vigilantes and bandits exchanged fire in the forest near Gusau.", CLASH),
    ("FARC guerrillas ambushed a military patrol in Cauca, killing six soldiers in 1998.", CLASH),
    ("Rival gunmen clash in Tripoli suburb", CLASH),
    # -- attack: one-sided violence against people who cannot fight back ----------------------------------------------
    ("Gunmen raided the village of Tessit and killed 17 civilians, local officials said.", ATTACK),
    ("Militants stopped a bus near Mandera and shot dead passengers who could not recite the Koran.", ATTACK),
    ("A shopkeeper was stabbed to death by suspected gang members in Soweto.", ATTACK),
    ("The opposition councillor was shot dead outside his home in Guerrero.", ATTACK),
    ("Soldiers executed eight villagers they accused of helping the rebels, witnesses said.", ATTACK),
    ("Unidentified attackers hacked a family of five to death in the village of Kilambo.", ATTACK),
    ("Men on motorcycles opened fire on worshippers leaving a church in Owo.", ATTACK),
    ("Three aid workers were killed when gunmen attacked their convoy in South Sudan.", ATTACK),
    # -- arrests (the state's) and abductions (anyone's seizure without law) -------------------------------------------
    ("Police in Lagos arrested 12 suspected members of a separatist group on Friday.", ARRESTS),
    ("Anti-terror police detained a student leader at his home in Chittagong.", ARRESTS),
    ("Security agents rounded up dozens of opposition activists overnight in Bamako.", ARRESTS),
    ("A former minister was taken into custody by the anti-corruption agency in Kinshasa.", ARRESTS),
    ("The army arrested a local chief accused of collaborating with the insurgents.", ARRESTS),
    ("Gunmen abducted a Catholic priest from his parish in Kaduna state.", ABDUCT),
    ("Masked men seized a journalist from his car and drove off; his whereabouts remain unknown.", ABDUCT),
    ("Insurgents kidnapped 15 aid workers on the road to Bossangoa.", ABDUCT),
    ("The family of a human rights lawyer said he had been taken by men in plain clothes and not seen since.",
     ABDUCT),
    # -- looting and property destruction with nobody harmed -------------------------------------------------------
    ("Armed men looted shops and homes in the town of Birao before fleeing into the bush.", LOOTING),
    ("Militants burned down a primary school in Borno state overnight; no one was inside.", LOOTING),
    ("Unknown people torched four election offices in Kasai ahead of the vote.", LOOTING),
    ("Settlers uprooted hundreds of olive trees belonging to Palestinian farmers near Nablus.", LOOTING),
    ("Rebels destroyed a bridge on the road between Bunia and Mahagi.", LOOTING),
    ("Soldiers pillaged a health centre and carried away medicine in the village of Ngong.", LOOTING),
    ("Arsonists set fire to a mosque in the town of Meiktila.", LOOTING),
    ("The mayor's house was set ablaze by unknown people in Guerrero.", LOOTING),
    # -- remote violence by its weapon ----------------------------------------------------------------------------
    ("Artillery fire hit a residential block in Kharkiv, killing three people.", SHELL),
    ("Militants fired mortars at an army base near Gao.", SHELL),
    ("A ballistic missile struck the port city of Odesa overnight.", SHELL),
    ("Rockets slammed into a market in Kabul, killing four shoppers.", SHELL),
    ("Saudi-led coalition jets bombed a wedding hall in Hajjah, killing 30 people.", AIR),
    ("A US drone strike targeted a vehicle in Jilib, killing two al-Shabaab fighters.", AIR),
    ("Helicopter gunships strafed villages in the Nuba mountains.", AIR),
    ("A bomb hidden in a motorcycle exploded near a police station in Quetta, killing two.", IED),
    ("An improvised explosive device went off under a military truck in Tillaberi.", IED),
    ("A car bomb exploded outside a hotel in Mogadishu, killing nine people.", IED),
    ("A suicide bomber on foot blew himself up at a funeral in Jalalabad, killing 18 mourners.", SUICIDE),
    ("A female suicide attacker detonated explosives at a market in Konduga.", SUICIDE),
    ("Two grenades were lobbed into a crowded bar in Bujumbura, wounding 15 people.", GRENADE),
    ("A grenade attack on a police patrol in Srinagar injured three officers.", GRENADE),
    ("Government forces dropped barrel bombs containing chlorine on a rebel-held town, activists said.", CHEM),
    ("Two children died of suffocation after militants released poisonous gas in a village near Mosul.", CHEM),
    ("Villages along the frontier were bombarded by artillery from across the border overnight.", SHELL),
    ("A mayor from the opposition party was shot dead by unknown gunmen in Michoacan.", ATTACK),
    # -- the rest of the labels --------------------------------------------------------------------------------------
    ("Government troops retook the town of Mueda from Islamist insurgents on Sunday.", REGAIN),
    ("The army regained control of the strategic hill after a week of fighting.", REGAIN),
    ("Separatist fighters captured the town of Bui after two days of fighting with government forces.", OVERTAKE),
    ("Jihadists took control of the district of Boulkessi after overrunning the army post.", OVERTAKE),
    ("Soldiers raped women and girls during raids on villages in Tigray, survivors said.", SEXUAL),
    ("The two militias signed a peace deal in Bangui, ending months of fighting.", AGREEMENT),
    ("The rebel group announced it would stop recruiting children and disband its youth wing.", CHANGE),
    ("Police defused a bomb found outside a polling station in Jos.", DISRUPTED),
    ("Troops discovered an arms cache containing rifles and rocket launchers in the hills near Bamyan.", DISRUPTED),
    ("Two unexploded mortar bombs were identified by farmers in a maize field near Gulu.", DISRUPTED),
    ("The militia set up a new checkpoint and base on the road to Kalehe.", HQ),
    ("The army handed control of the Manbij area to the government without a fight.", TRANSFER),
    ("A group of army officers took over the state broadcaster and announced they had seized power.", OTHER),
    ("Mutinous soldiers staged a coup in Ouagadougou and detained the president at his residence.", OTHER),
    # -- no event: calls, plans, rulings, statements ---------------------------------------------------------------
    ("The opposition has called for a nationwide strike and mass protests next Monday.", None),
    ("Teachers' unions said they would march on the ministry if salaries are not paid by Friday.", None),
    ("Organisers expect 50,000 people to join the climate march in Berlin on Saturday.", None),
    ("The court ruled that the ban on demonstrations in the capital was unconstitutional.", None),
    ("The police chief warned that any unauthorised gathering would be dispersed.", None),
    ("A judge ordered the release on bail of 20 protesters detained last month.", None),
    ("The government said it would lift the curfew in Dhaka from Thursday.", None),
    ("The rebel spokesman said his fighters were ready to defend the town.", None),
    ("The interior minister praised the police for their restraint during last week's protests.", None),
    ("Human rights groups demanded an inquiry into the killing of protesters in 2019.", None),
    ("The president promised to meet the strikers' demands in a televised address.", None),
    ("Opposition leaders will decide on Tuesday whether to boycott the election.", None),
    ("A landslide blocked the highway between Kathmandu and Pokhara for two days.", None),
    ("The senate blocked the government's plan to raise fuel taxes.", None),
    ("Police blocked roads leading to the capital ahead of the opposition's planned march.", None),
    ("Three workers died after inhaling poisonous gas in a well near Jaipur.", None),
    ("Police said four labourers died after inhaling toxic gas at a tannery in Kanpur.", None),
    ("About 200 garment workers gathered outside the labour ministry in Phnom Penh to demand unpaid wages.",
     PEACEFUL),
    ("Ministers gathered in Brussels to discuss the budget.", None),
    ("The colonel who seized power in 2008 will stand in next year's presidential election.", None),
    ("Police identified the two men who were killed in Friday's car crash on the Mombasa road.", None),
    ("A court in Almaty jailed a student activist for three years for organising protests.", None),
    ("A judge in Tunis sentenced six young men to prison for taking part in the riots of January.", None),
    ("The committee set a deadline of Friday for the rebels to hand over their weapons.", None),
    ("A former aide was convicted for obstructing the inquiry into the fire at the depot.", None),
]


def measure(pipeline):
    """The share of probes labelled right, and the misses."""
    misses = [(label, text, got) for text, label in PROBES if (got := top_sub_type(pipeline, text)) != label]
    return 1 - len(misses) / len(PROBES), misses


@pytest.fixture(scope="module")
def accuracy(pipeline):
    return measure(pipeline)[0]


def test_the_probe_set_covers_every_label():
    assert len(PROBES) >= 100
    assert len({label for _, label in PROBES if label}) == 25


# measured on the 154 texts: 0.727 before the fixes of this set's branch, 0.935 after; the floor leaves slack for
# parser ties
def test_case_label_pairs(accuracy):
    assert accuracy >= 0.90


if __name__ == "__main__":
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from eventwire.extraction.pipeline import Pipeline

    accuracy_, misses_ = measure(Pipeline(workers=1))
    print(f"accuracy {accuracy_:.3f} ({len(PROBES)} probes)")
    for miss in misses_:
        print(miss)
