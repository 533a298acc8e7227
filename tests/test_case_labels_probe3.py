"""A fifth CASE 2021-style probe set (issue 16), written for this project: short texts with one label each, read as
the CASE 2021 shared task reads them (the most confident asserted event with an ACLED type decides the label; none
-> no event). It covers what the earlier sets leave thin: strategic developments told in the words of a report
rather than a set phrase (weapons seized "in large quantities", a new military post set up, a swap of detainees, a
district handed over), a demonstration told over two sentences whose second tells its most severe form (scuffles,
tear gas, live fire), and one text per label in protest-news, wire and headline styles, with real and invented
names from many countries and decades. `python tests/test_case_labels_probe3.py` prints the figures and every miss.
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
    # -- weapons found, seized or made safe: a disrupted weapons use, whatever the quantity words ----------------
    ("Border guards seized a large quantity of rifles and ammunition from a truck near the Torkham crossing.",
     DISRUPTED),
    ("Police in Karachi recovered a huge cache of arms during a search operation in Lyari on Tuesday.", DISRUPTED),
    ("Soldiers confiscated dozens of grenades and several rocket launchers in a raid on a farm outside Maiduguri.",
     DISRUPTED),
    ("Two homemade bombs were found under a bridge on the highway between Imphal and Moreh.", DISRUPTED),
    ("An army bomb squad defused an improvised explosive device planted near a school in Kandahar.", DISRUPTED),
    ("Customs officers at the port of Mersin intercepted a container packed with pistols hidden among car parts.",
     DISRUPTED),
    ("Troops unearthed a weapons stash buried in the garden of an abandoned house in Tskhinvali in 2008.",
     DISRUPTED),
    ("The Valdorian navy shot down two explosive-laden drones launched towards the port of Meriko.", DISRUPTED),
    ("Air defences shot down a ballistic missile fired at the city of Jizan, the coalition said.", DISRUPTED),
    ("Security forces destroyed a bomb-making workshop in the Quetta suburbs and seized 40 kilograms of explosives.",
     DISRUPTED),
    # -- a base, a post or a camp set up -----------------------------------------------------------------------------
    ("Indian troops set up an observation post on a ridge above the Galwan valley in 2020.", HQ),
    ("The Wagner group established a forward operating base at the airport of Menaka, residents said.", HQ),
    ("Rebels of the Kassaro Front have built a training camp in the forest east of Bunia.", HQ),
    ("The militia opened a new headquarters in the centre of Sabha after the army left.", HQ),
    # -- agreements: a ceasefire, a peace deal, a swap of captives -------------------------------------------------
    ("The two sides swapped 150 detainees each at a checkpoint near Horlivka on Sunday.", AGREEMENT),
    ("Government and rebel negotiators signed a ceasefire in Juba late on Friday.", AGREEMENT),
    ("Houthi rebels and the Saudi-led coalition carried out an exchange of captives at Sanaa airport.", AGREEMENT),
    ("Clan elders in Galkayo brokered a truce between the two rival militias after a week of fighting.",
     AGREEMENT),
    # -- transfer of territory with no fighting ----------------------------------------------------------------------
    ("Government forces handed over control of the Tabqa dam to the Kurdish-led forces without a fight.", TRANSFER),
    ("The rebels peacefully handed the town of Karanda back to the army under the terms of the accord.", TRANSFER),
    # -- changes to an armed group ------------------------------------------------------------------------------------
    ("Some 200 fighters of the Mai-Mai Shabani militia laid down their weapons in Walikale on Monday.", CHANGE),
    ("Two jihadist factions in Idlib announced their merger into a new group called the Liberation Council.",
     CHANGE),
    ("The rebel commander Ngoy defected to the government side with 60 of his men.", CHANGE),
    # -- one demonstration told in two sentences: the second tells its most severe form ----------------------------
    ("Thousands of teachers marched through Santiago on Thursday to demand higher pay. Police later fired tear gas "
     "and water cannon to disperse them near the presidential palace.", INTERVENTION),
    ("Hundreds of farmers marched to the governor's office in Tarlac on Monday. Officers blocked the road and "
     "detained 15 of them.", INTERVENTION),
    ("Nurses demonstrated outside the health ministry in Harare on Tuesday. Police arrested them as they tried to "
     "enter the building.", INTERVENTION),
    ("Thousands marched in Caracas on Sunday. On Monday police arrested the organiser of the march, Luis Pardo, at his "
     "home.", ARRESTS),
    ("Supporters of the jailed opposition leader rallied in Dakar on Friday. Some of them threw stones at police "
     "and set tyres on fire.", VIOLENT_DEMO),
    ("Students protested outside the university in Dhaka over a new fees law. There were clashes with police and "
     "several cars were set alight.", VIOLENT_DEMO),
    ("Thousands of nurses marched in Lyon on Saturday. There were scuffles near the town hall and a marcher's arm "
     "was broken by a firework.", VIOLENT_DEMO),
    ("Hundreds of people marched in Memphis on Saturday. Protests began after a jury acquitted a former deputy, Mark "
     "Hollis, of murder. Hollis shot Jordan Reed after a car chase in 2015.", PEACEFUL),
    ("Miners demonstrated in Marikana on Thursday over wages. Police opened fire on the crowd, killing four "
     "of them.", FORCE),
    ("Protesters gathered in the main square of Novara to oppose the closure of the steelworks. "
     "There were scuffles with riot police and a demonstrator was injured by a flare.", VIOLENT_DEMO),
    # -- people who join a demonstration take part in it: no change to a group --------------------------------------
    ("Hundreds of women joined a silent die-in for climate justice outside the parliament in Canberra.", PEACEFUL),
    ("Thousands of dock workers in Antwerp joined the national strike against the pension reform on Monday.",
     PEACEFUL),
    ("Medical students joined the sit-in of junior doctors at the health ministry in Khartoum.", PEACEFUL),
    ("Some 300 fighters of the Gumuz militia joined the rebel alliance, its spokesman said.", CHANGE),
    # -- protest forms in one sentence --------------------------------------------------------------------------------
    ("Pensioners held a peaceful sit-in outside the social security office in Montevideo.", PEACEFUL),
    ("Doctors in Nairobi went on strike on Monday over unpaid allowances.", PEACEFUL),
    ("Hundreds of people marched silently through Srebrenica to remember the victims.", PEACEFUL),
    ("Villagers in Kuala Sepetang protested against the planned coal plant, waving banners and chanting slogans.",
     PEACEFUL),
    ("Pharmacists in Athens kept their shops closed for a day to protest against a new licensing law.", PEACEFUL),
    ("Police used batons to break up a rally of unemployed graduates in Rabat.", INTERVENTION),
    ("Security forces fired tear gas to disperse hundreds of opposition supporters in Kampala.", INTERVENTION),
    ("Police arrested dozens of climate activists who had glued themselves to the road in London.", INTERVENTION),
    ("Soldiers shot dead three demonstrators who were protesting peacefully against the coup in Mandalay.", FORCE),
    ("Riot police beat protesters with clubs, leaving several with fractured skulls, in Minsk on Sunday.", FORCE),
    ("Rioters torched the police station and looted shops in Stellenbosch after a man died in custody.",
     VIOLENT_DEMO),
    ("Angry protesters pelted the governor's convoy with stones in Jos over the fuel shortage.", VIOLENT_DEMO),
    ("A mob beat a suspected thief to death at a market in Kisumu.", MOB),
    ("Villagers set upon and killed two men accused of witchcraft in a village near Moshi.", MOB),
    ("A crowd of Hindu nationalists attacked Muslim traders at a cattle fair in Alwar.", MOB),
    # -- violence against civilians: attack, abduction, sexual violence ---------------------------------------------
    ("Gunmen on motorbikes shot dead eight villagers in Zamfara state on Saturday night.", ATTACK),
    ("Unknown assailants hacked to death a family of five in their home near Beni.", ATTACK),
    ("Militiamen killed a priest and two parishioners in an attack on a church in Kasai.", ATTACK),
    ("Armed men kidnapped 25 passengers from a bus on the Abuja-Kaduna highway.", ABDUCT),
    ("Rebels abducted a local council chairman and his driver near Mopti on Tuesday.", ABDUCT),
    ("Activist Diego Ferrante disappeared after being taken away by men in plain clothes in Caracas, his family said.",
     ABDUCT),
    ("Soldiers raped at least a dozen women during an operation in the village of Obang, a rights group said.",
     SEXUAL),
    ("Armed men gang-raped two girls who were fetching water near the camp in Tawila.", SEXUAL),
    # -- battles -------------------------------------------------------------------------------------------------------
    ("Government troops and Tigrayan forces clashed near the town of Alamata for a second day.", CLASH),
    ("Al-Shabaab fighters attacked an army base near Baidoa, sparking a gun battle that lasted two hours.", CLASH),
    ("Police exchanged fire with ELN guerrillas near Saravena in Arauca department on Wednesday.", CLASH),
    ("Rival clans fought over grazing land in the Mudug region, leaving seven fighters dead.", CLASH),
    ("The army recaptured the town of Kidal from separatist rebels after heavy fighting.", REGAIN),
    ("Iraqi forces retook the last district of western Mosul held by Islamic State.", REGAIN),
    ("Taliban fighters overran the district centre of Qala-e-Naw after government troops fled.", OVERTAKE),
    ("Ansar Dine militants seized control of the town of Konna in central Mali.", OVERTAKE),
    # -- explosions / remote violence ------------------------------------------------------------------------------
    ("A roadside bomb struck a police vehicle in Diyala province, killing three officers.", IED),
    ("A landmine exploded under a tractor near Kupiansk, wounding the driver.", IED),
    ("A suicide bomber blew himself up at a wedding hall in Kabul, killing 63 guests.", SUICIDE),
    ("A female suicide attacker detonated her vest at a market in Maroua.", SUICIDE),
    ("Warplanes bombed a market in the rebel-held town of Ariha, killing 11 people.", AIR),
    ("A drone strike hit a car carrying militants near Miranshah.", AIR),
    ("Artillery shells fell on residential areas of Stepanakert overnight, officials said.", SHELL),
    ("Militants fired rockets at the airport of Tripoli, damaging a passenger plane.", SHELL),
    ("Assailants hurled a grenade into a bar in Bujumbura, wounding 12 people.", GRENADE),
    ("A hand grenade thrown at a police patrol in Srinagar injured four officers.", GRENADE),
    ("Government forces dropped chlorine gas on the town of Saraqeb, medics said.", CHEM),
    ("Dozens were treated for breathing problems after a sarin attack on a village in Hama province.", CHEM),
    # -- property destroyed or looted, nobody harmed -------------------------------------------------------------------
    ("Armed men burned down a school and the health centre in the village of Kaya overnight.", LOOTING),
    ("Soldiers looted shops and houses in the market town of Bambari, residents said.", LOOTING),
    ("Unidentified people vandalised the offices of the ruling party in Harare.", LOOTING),
    # -- other: a coup, a strike on a military post with no fighting told, etc. -----------------------------------
    ("Army officers seized power in Niamey and suspended the constitution.", OTHER),
    # -- arrests -------------------------------------------------------------------------------------------------------
    ("Police in Lahore arrested a senior leader of the banned group on charges of financing terrorism.", ARRESTS),
    ("Security agents detained the editor of an independent newspaper in Asmara on Monday.", ARRESTS),
    ("Turkish police rounded up 40 suspected members of the Gulen movement in dawn raids.", ARRESTS),
    # -- no event: disasters, crime, diplomacy, claims ------------------------------------------------------------------
    ("Floods in Assam have killed 24 people and displaced more than 100,000 since Sunday.", None),
    ("A fire in a garment factory in Gazipur killed 13 workers, the fire service said.", None),
    ("The foreign ministers of Kenya and Ethiopia met in Addis Ababa to discuss border trade.", None),
    ("The Islamic State group claimed responsibility for Thursday's bombing of a bus in Kirkuk.", None),
    ("A drug gang shot dead a shopkeeper who refused to pay protection money in Guayaquil.", None),
    ("An earthquake of magnitude 6.4 struck southern Peru, destroying dozens of homes.", None),
    ("A gas tanker exploded on a highway near Lagos, killing nine motorists.", None),
    ("The president of Ghana received his Nigerian counterpart at the Jubilee House in Accra.", None),
]


def measure(pipeline):
    """The share of probes labelled right, and the misses."""
    misses = [(label, text, got) for text, label in PROBES if (got := top_sub_type(pipeline, text)) != label]
    return 1 - len(misses) / len(PROBES), misses


@pytest.fixture(scope="module")
def accuracy(pipeline):
    return measure(pipeline)[0]


def test_the_probe_set_covers_every_label():
    assert len(PROBES) >= 80
    assert len({label for _, label in PROBES if label}) == 25


# measured on the 95 texts: 0.853 on main before this set's branch, 0.937 after; the floor leaves slack for parser
# ties
def test_case_labels_probe3(accuracy):
    assert accuracy >= 0.88


if __name__ == "__main__":
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from eventwire.extraction.pipeline import Pipeline

    accuracy_, misses_ = measure(Pipeline(workers=1))
    print(f"accuracy {accuracy_:.3f} ({len(PROBES)} probes)")
    for miss in misses_:
        print(miss)
