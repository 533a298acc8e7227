"""An eighth CASE 2021-style probe set (issue 16), written for this project: the protest and riot family, short
texts with one label each, read as the CASE 2021 shared task reads them (the most confident asserted event with an
ACLED type decides the label; none -> no event). The earlier sets cover the commonest wordings; this one covers the
ways short wire items tell the same forms in other words: force on a crowd told by what the police did to its people
(rounded up, bundled into vans, carted away, baton-charged, teargassed, a camp torn down, a march halted), rallies
watched or escorted by police with nobody touched, lethal or grievous force told from the victim's side (a protester
died of a bullet, was blinded, run over), demonstrators who go on the rampage, fight running battles, wreck property
or attack the police, a mob told by what it did (lynched, stoned, burnt alive, paraded and beaten) or as "angry
residents" who storm a station, property wrecked, demolished, razed or looted with nobody harmed, and contrast
pairs: one rally told with and without an intervention, a mob against demonstrators, a strike march against a riot.
Real and invented names from many countries; wire, local-paper, caption and headline styles, active and passive.
`python tests/test_case_labels_probe6.py` prints the rate per class and every miss.
"""

from __future__ import annotations

import pytest

from probes import (
    FORCE,
    INTERVENTION,
    LOOTING,
    MOB,
    PEACEFUL,
    VIOLENT_DEMO,
    top_sub_type,
)

# (text, the CASE label's ACLED sub-type)
PROBES: list[tuple[str, str | None]] = [
    # -- peaceful protests: police watch, escort or stand by, nobody is touched ------------------------------------
    ("Several hundred villagers marched to the district office in Kendrapara on Monday, carrying banners against the "
     "proposed steel plant.", PEACEFUL),
    ("Under heavy police presence, about 2,000 people rallied in the centre of Tirana on Saturday to demand early "
     "elections.", PEACEFUL),
    ("Police escorted the marchers through the streets of Mombasa; the procession ended at the county offices.",
     PEACEFUL),
    ("Retired miners staged a protest outside the pension fund's office in Donetsk on Tuesday over delayed payments.",
     PEACEFUL),
    ("Relatives of detained activists gathered outside the courthouse in Almaty, holding portraits of the accused.",
     PEACEFUL),
    ("Hundreds of Sikh farmers took to the streets of Amritsar on Friday to protest against the new procurement rules.",
     PEACEFUL),
    ("Truck drivers honked their horns and drove in a slow convoy through Bucharest to protest against fuel taxes.",
     PEACEFUL),
    ("A candlelight march was held in Kathmandu on Sunday evening to demand justice for the murdered schoolgirl.",
     PEACEFUL),
    ("Members of the Ogoni community held a peaceful demonstration at the oil company's gate in Bori, demanding a "
     "clean-up of their land.", PEACEFUL),
    ("Students of the University of Zambia protested on campus on Wednesday against the delay in meal allowances.",
     PEACEFUL),
    ("Environmental activists unfurled a giant banner on the steps of the town hall in Aarhus against the new "
     "motorway.", PEACEFUL),
    ("Taxi operators in Durban parked their vehicles outside the city hall to protest against a new permit fee.",
     PEACEFUL),
    ("Nurses in Kampala laid down their tools and marched to the health ministry, chanting and singing.", PEACEFUL),
    ("Lebanese depositors protested in front of a bank in Beirut on Thursday, demanding access to their savings.",
     PEACEFUL),
    ("Protest in Bamako: hundreds of women demand the return of the disappeared", PEACEFUL),
    ("Residents of Villa Moreno stood in silence in front of the mayor's office for an hour on Sunday to protest "
     "against the closure of the local clinic.", PEACEFUL),
    ("Teachers in Tegucigalpa continued their sit-in outside the ministry for a fifth day on Friday; talks are set "
     "for Monday.", PEACEFUL),
    ("Around 150 people demonstrated in Cork against the closure of the maternity unit; gardai said the event passed "
     "off peacefully.", PEACEFUL),
    ("Hundreds of fishermen staged a protest on boats in the harbour of Chittagong against the fishing ban.",
     PEACEFUL),
    ("Supporters of the detained cleric held a demonstration in Karachi after Friday prayers, demanding his release.",
     PEACEFUL),
    ("Workers at the Volta Motors plant in Pitesti staged a two-hour strike and rallied at the factory gate.",
     PEACEFUL),
    ("Mongolian herders gathered on Sukhbaatar Square to protest against the mining licence granted in their valley.",
     PEACEFUL),
    ("Kurdish women marched through Diyarbakir on International Women's Day; police watched from a distance.",
     PEACEFUL),
    ("Indigenous leaders in Quito held a vigil outside the constitutional court ahead of its ruling on oil "
     "drilling.", PEACEFUL),
    ("Anti-mining activists picketed the offices of the environment agency in Manila on Tuesday.", PEACEFUL),

    # -- protests with intervention: what the police did to the crowd's people -------------------------------------
    ("Police rounded up more than 60 protesters at a rally against the lockdown in Melbourne on Saturday.",
     INTERVENTION),
    ("Demonstrators were bundled into police vans as officers broke up a rally outside the parliament in Baku.",
     INTERVENTION),
    ("Dozens of women marching for their rights in Kabul were beaten with rifle butts and whips by Taliban fighters "
     "who dispersed them.", INTERVENTION),
    ("Police baton-charged opposition supporters who had gathered outside the election office in Sylhet.",
     INTERVENTION),
    ("Police teargassed hundreds of university students protesting against fee increases in Pretoria on Tuesday.",
     INTERVENTION),
    ("Security forces tore down the tents of the protest camp outside the oil ministry in Baghdad and removed the "
     "demonstrators.", INTERVENTION),
    ("Riot police halted a march by farmers on the outskirts of Delhi with barricades and water cannon.",
     INTERVENTION),
    ("Officers carted away 25 climate protesters who had blocked the entrance of the bank in Zurich.", INTERVENTION),
    ("Police in Yaounde arrested about 100 opposition supporters who tried to march despite a ban.", INTERVENTION),
    ("Cops disperse jobless youths protesting in Tunis", INTERVENTION),
    ("Police fired stun grenades to disperse residents demonstrating against the water cuts in Harare.", INTERVENTION),
    ("A sit-in by teachers in front of the governorate in Sfax was forcibly dispersed by police on Monday.",
     INTERVENTION),
    ("Gendarmes used tear gas against villagers protesting against a landfill near Thies; four were detained.",
     INTERVENTION),
    ("Dozens of students were taken into custody when police moved in to end their protest at the university in "
     "Bishkek.", INTERVENTION),
    ("Police in Lusaka fired warning shots and tear gas to scatter traders protesting the relocation of a market.",
     INTERVENTION),
    ("Police pushed protesters away from the gates of the presidential palace in Lima with shields and batons.",
     INTERVENTION),
    ("Hundreds of demonstrators demanding the release of political prisoners were detained across Minsk on Sunday.",
     INTERVENTION),
    ("Police used water cannon on protesters outside the parliament in Skopje on Thursday.", INTERVENTION),
    ("Anti-government protesters in Kinshasa were dispersed with tear gas on Saturday.", INTERVENTION),
    ("Police picked up 14 activists holding placards outside the Chinese embassy in Kathmandu.", INTERVENTION),
    ("Mongolian police removed protesters from Sukhbaatar Square overnight and detained nine of them.", INTERVENTION),
    ("Riot police broke up a protest by unpaid health workers in Lagos with tear gas, witnesses said.", INTERVENTION),
    ("Security forces in Conakry prevented supporters of the opposition from gathering at the stadium, firing tear "
     "gas.", INTERVENTION),
    ("Police arrest 30 as anti-mining protest turns tense in Cajamarca", INTERVENTION),
    ("Police clear protest camp in Bangkok, detain leaders", INTERVENTION),

    # -- excessive force: lethal or grievous force on peaceful demonstrators, told from the victims' side ----------
    ("A 17-year-old protester died after being hit in the head by a rubber bullet fired by police in Santiago.",
     FORCE),
    ("Two demonstrators were shot dead and dozens wounded when police fired on a crowd demanding water in Karachi.",
     FORCE),
    ("A student was killed by a police bullet during a peaceful march against fuel prices in Niamey.", FORCE),
    ("Police kill three protesters in Nairobi as anti-tax demonstrations spread", FORCE),
    ("Three dead as troops fire on protesters in Mandalay", FORCE),
    ("A protester was run over by an armoured police vehicle during a demonstration in Asuncion and died at the "
     "scene.", FORCE),
    ("At least 30 people lost an eye to rubber bullets fired at peaceful demonstrators in Santiago, doctors said.",
     FORCE),
    ("Plainclothes men armed with iron bars attacked students at a peaceful sit-in in Dhaka, sending 25 to hospital.",
     FORCE),
    ("Soldiers opened fire on villagers protesting against a land seizure in Dawei, killing two.", FORCE),
    ("A marcher died of gunshot wounds after security forces fired into a crowd of opposition supporters in Freetown.",
     FORCE),
    ("Security forces fired live ammunition at mourners marching from the funeral in Bhamo, killing four.", FORCE),
    ("Police shot and killed a teenage protester during a march against the election result in Kisumu.", FORCE),
    ("Five people were killed when police opened fire on a peaceful protest against evictions in Maputo.", FORCE),
    ("A woman protester was shot in the head by a sniper at a rally in Yangon and died ten days later.", FORCE),
    ("Several protesters were left with fractured skulls after riot police beat a peaceful crowd in Tbilisi.", FORCE),
    ("Gunmen opened fire on a peaceful demonstration against the militia in Zawiya, killing one protester.", FORCE),
    ("Troops killed eight unarmed demonstrators in the town of Ambo on Friday, witnesses said.", FORCE),
    ("Security forces used live ammunition to break up a protest by farmers in the village of Sokoto, killing "
     "three.", FORCE),
    ("Iranian security forces shot dead two men at a demonstration over water shortages in Khuzestan.", FORCE),
    ("A protester was beaten to death by police after being detained at a rally in Kampala.", FORCE),
    ("Police fatally shot two demonstrators during a march by fishermen in Karwar.", FORCE),
    ("Four demonstrators killed by police gunfire in Guinea's capital", FORCE),
    ("A grenade thrown by pro-government militiamen at a peaceful sit-in in Khartoum wounded 12 protesters.", FORCE),
    ("Students who had marched peacefully through Managua were fired on by police; two of them died.", FORCE),

    # -- violent demonstrations: the demonstrators turn violent ----------------------------------------------------
    ("Protesters went on the rampage in Port Louis, smashing windows and overturning cars after the vote.",
     VIOLENT_DEMO),
    ("Demonstrators fought running battles with police in the streets of Nairobi's Kibera slum on Wednesday.",
     VIOLENT_DEMO),
    ("Youths protesting the arrest of a local chief attacked a police post in Kumba and injured two officers.",
     VIOLENT_DEMO),
    ("Protesters toppled and smashed a statue of the former governor in the main square of Popayan.", VIOLENT_DEMO),
    ("Angry demonstrators set fire to a toll plaza on the highway outside Lahore during a protest over fees.",
     VIOLENT_DEMO),
    ("Protesters torch police post in Goma as anger over insecurity grows", VIOLENT_DEMO),
    ("Several vehicles were set ablaze by protesters in Abidjan on Monday.", VIOLENT_DEMO),
    ("Demonstrators broke into the parliament compound in Accra and damaged furniture.", VIOLENT_DEMO),
    ("Students threw stones and bricks at the police during a protest at the university in Ibadan.", VIOLENT_DEMO),
    ("Protesters burnt tyres and blocked the main road to the airport in Port-au-Prince.", VIOLENT_DEMO),
    ("Farmers protesting land acquisition attacked a surveying team and damaged its vehicles in Bhatta Parsaul.",
     VIOLENT_DEMO),
    ("The demonstration degenerated into violence when a group of protesters smashed shop windows in Nantes.",
     VIOLENT_DEMO),
    ("Protesters vandalised ATMs and set rubbish bins on fire in central Santiago on Friday night.", VIOLENT_DEMO),
    ("Hundreds of residents protesting power cuts barricaded roads with burning logs in Kasangati.", VIOLENT_DEMO),
    ("Protesters hurled petrol bombs at a police station in Bayelsa during demonstrations over the election.",
     VIOLENT_DEMO),
    ("Striking miners attacked security guards with sticks and stones at the gates of the mine in Rustenburg.",
     VIOLENT_DEMO),
    ("Rioters burned a bank and two supermarkets in Valparaiso during protests over fares.", VIOLENT_DEMO),
    ("Protesters and police clashed in Beirut on Saturday; 40 people were injured.", VIOLENT_DEMO),
    ("Demonstrators injured five police officers with stones in Conakry on Tuesday.", VIOLENT_DEMO),
    ("Anti-government protesters stormed the prefecture in Bangui and ransacked its offices.", VIOLENT_DEMO),
    ("Students protesting a fees hike damaged the vice-chancellor's car and set fire to a hostel in Kumasi.",
     VIOLENT_DEMO),
    ("Protesters attacked the convoy of the minister with stones in Jalalabad on Friday.", VIOLENT_DEMO),
    ("The march turned into a riot in Lyon when masked protesters smashed bank windows.", VIOLENT_DEMO),
    ("Protesters in Mandalay set fire to Chinese-owned factories on Sunday.", VIOLENT_DEMO),
    ("Thousands of opposition supporters clashed with police in Dhaka on Saturday, throwing bricks.", VIOLENT_DEMO),

    # -- mob violence: a crowd attacks a person or a group ---------------------------------------------------------
    ("A man accused of stealing a phone was stoned to death by a mob in Mogadishu on Monday.", MOB),
    ("Villagers lynched two suspected cattle rustlers in the district of Kotido.", MOB),
    ("A suspected kidnapper was burnt alive by residents of Nnewi on Sunday.", MOB),
    ("An irate mob attacked a team of vaccinators in the village of Kadam, injuring three health workers.", MOB),
    ("Two men were beaten to death by a mob in the town of Dadri over rumours of cow slaughter.", MOB),
    ("Angry residents stormed a police station in Gatundu and assaulted a suspect held there.", MOB),
    ("A crowd of supporters of the ruling party attacked journalists covering the vote in Kasama.", MOB),
    ("Supporters of two rival candidates fought with machetes and clubs in Kisii, injuring 14 people.", MOB),
    ("Villagers beat to death a man they accused of sorcery in Enga province.", MOB),
    ("A mob of settlers attacked Palestinian farmers harvesting olives near Ramallah.", MOB),
    ("Residents of Alexandra township attacked foreign shopkeepers and chased them out of the area.", MOB),
    ("Mob sets suspected robber ablaze in Onitsha", MOB),
    ("A crowd dragged a suspected pickpocket from a bus in La Paz and beat him unconscious.", MOB),
    ("Students attacked their headmaster and burned his car after a classmate was expelled in Kisii.", MOB),
    ("Local men armed with sticks attacked Rohingya refugees in a camp near Cox's Bazar.", MOB),
    ("Traders in Kumasi assaulted two municipal tax officials and damaged their vehicle.", MOB),
    ("A woman accused of witchcraft was beaten and set alight by villagers in Morobe.", MOB),
    ("A crowd attacked the home of a pastor in Kaduna state after a rumour of blasphemy.", MOB),
    ("A crowd of men shouting slogans attacked a church service in Mangalore, injuring the pastor.", MOB),
    ("Fans of the losing team attacked the referee after the match in Lubumbashi.", MOB),
    ("Angry villagers set upon a police officer accused of shooting a boy and beat him.", MOB),
    ("A mob burned down the homes of Ahmadis in a village near Gujranwala.", MOB),
    ("Two suspected thieves were lynched by motorcycle taxi drivers in Kampala.", MOB),
    ("Residents attacked a group of herders passing through their village near Wukari, injuring four.", MOB),
    ("Party supporters clashed with rivals outside the counting centre in Nakuru, throwing stones at each other.",
     MOB),

    # -- looting and property destruction: wrecked, razed, demolished or looted, nobody harmed ----------------------
    ("Soldiers demolished dozens of homes in the village of Umm al-Kheir on Tuesday.", LOOTING),
    ("Bulldozers escorted by police razed a market in Harare's Mbare district overnight.", LOOTING),
    ("Unknown people vandalised a statue of Gandhi in the town of Motihari.", LOOTING),
    ("The offices of the opposition party in Lusaka were torched overnight by unknown assailants.", LOOTING),
    ("Fighters burned granaries and destroyed crops in the villages around Djibo.", LOOTING),
    ("Armed men looted the health centre in Kajo Keji and made off with medicines.", LOOTING),
    ("Militiamen ransacked the offices of a local aid group in Bunia, taking computers and vehicles.", LOOTING),
    ("Unidentified people set fire to a telecom mast in Maiduguri overnight.", LOOTING),
    ("Gunmen burned down a church in the village of Kwamba; no one was hurt.", LOOTING),
    ("Rebels destroyed the power lines feeding the town of Butembo.", LOOTING),
    ("Vandals destroyed a memorial to the victims of the massacre in Srebrenica overnight.", LOOTING),
    ("Settlers set fire to two Palestinian cars in the village of Huwara overnight.", LOOTING),
    ("Armed men stole 200 head of cattle from a village near Zurmi.", LOOTING),
    ("Unknown people destroyed ballot boxes and burned election materials at a school in Nasarawa.", LOOTING),
    ("Troops burned down houses in the village of Kin Ma after residents fled.", LOOTING),
    ("Police demolished more than 300 market stalls in Nairobi's Gikomba market.", LOOTING),
    ("Bandits looted a lorry carrying food aid on the road to Tillaberi.", LOOTING),
    ("The headquarters of the ruling party in Kumasi was set ablaze overnight; nobody was injured.", LOOTING),
    ("Armed men ransacked the offices of a radio station in Bossangoa.", LOOTING),
    ("Unknown attackers vandalised the Hindu temple in Khairpur, damaging idols.", LOOTING),

    # -- contrast pairs: one rally with and without intervention -----------------------------------------------------
    ("About 500 pensioners rallied in front of the parliament in Riga on Thursday against the pension freeze.",
     PEACEFUL),
    ("About 500 pensioners rallied in front of the parliament in Riga on Thursday; police dispersed them and "
     "detained six.", INTERVENTION),
    ("Garment workers marched to the labour office in Savar to demand unpaid wages.", PEACEFUL),
    ("Garment workers marching to the labour office in Savar to demand unpaid wages were baton-charged by police.",
     INTERVENTION),
    ("Opposition supporters marched in Lilongwe on Thursday to demand the electoral chief's resignation.", PEACEFUL),
    ("Opposition supporters marching in Lilongwe on Thursday threw stones at police and burned tyres.", VIOLENT_DEMO),
    ("Students gathered outside the university in Khartoum to demand civilian rule.", PEACEFUL),
    ("Students gathered outside the university in Khartoum to demand civilian rule; soldiers opened fire, killing "
     "two.", FORCE),
    # -- a mob against demonstrators ------------------------------------------------------------------------------------
    ("Villagers protested outside the police station in Bhadohi, demanding the arrest of a murder suspect.",
     PEACEFUL),
    ("Villagers stormed the police station in Bhadohi, dragged out a murder suspect and beat him to death.", MOB),
    ("Residents of Masiphumelele marched to the police station to protest against rising crime.", PEACEFUL),
    ("Residents of Masiphumelele hunted down two suspected burglars and beat them.", MOB),
    # -- a strike march against a riot --------------------------------------------------------------------------------
    ("Striking dock workers marched through Durban to the port authority's offices on Monday.", PEACEFUL),
    ("Striking dock workers in Durban smashed the windows of the port authority's offices and set a car alight.",
     VIOLENT_DEMO),
    ("Bus drivers on strike held a rally at the main depot in Lagos on Wednesday.", PEACEFUL),
    ("Bus drivers on strike attacked buses still running in Lagos, smashing their windscreens.", VIOLENT_DEMO),
]

CLASSES = (PEACEFUL, INTERVENTION, FORCE, VIOLENT_DEMO, MOB, LOOTING)


def measure(pipeline):
    """The share of probes labelled right, each class's rate, and the misses."""
    misses = [(label, text, got) for text, label in PROBES if (got := top_sub_type(pipeline, text)) != label]
    per_class = {}
    for label in CLASSES:
        total = sum(1 for _, gold in PROBES if gold == label)
        wrong = sum(1 for gold, _, _ in misses if gold == label)
        per_class[label] = (total - wrong, total)
    return 1 - len(misses) / len(PROBES), per_class, misses


@pytest.fixture(scope="module")
def measured(pipeline):
    return measure(pipeline)


def test_the_probe_set_covers_the_families():
    assert len(PROBES) >= 150
    labels = [label for _, label in PROBES]
    assert all(labels.count(label) >= 20 for label in CLASSES)


# measured on the 160 texts: 0.806 on main before this set's branch (peaceful 27/33, intervention 18/27, excessive
# force 21/25, violent demonstration 23/28, mob violence 21/27, looting 19/20), 0.912 after (28, 23, 24, 28, 24, 19;
# the misses left: a rally only escorted, a sit-in "continued", a banner unfurled, a march halted or a gathering
# prevented (read as not held), arrest words the rules lack ("picked up"), a grenade thrown at a sit-in, a crowd's
# beating told in a second verb, a cause ("the murdered schoolgirl") read as the march's violence, cattle stolen);
# the floor leaves slack for parser ties
def test_case_labels_probe6(measured):
    assert measured[0] >= 0.87


def test_every_class_is_mostly_right(measured):
    assert all(right / total >= 0.8 for right, total in measured[1].values())


if __name__ == "__main__":
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from eventwire.extraction.pipeline import Pipeline

    accuracy_, per_class_, misses_ = measure(Pipeline(workers=1))
    print(f"accuracy {accuracy_:.3f} ({len(PROBES)} probes)")
    for label_, (right, total) in per_class_.items():
        print(f"  {label_:40} {right}/{total}")
    for miss in misses_:
        print(miss)
