"""A seventh PLOVER probe set, written for this project after test_plover_types_probe3.py: the LANGUAGE of each of
the 16 categories beyond the words the first six sets taught, with the countries of the two parties. Each category
gets 15 or 16 sentences of its own, in wire, local-paper and headline styles, active and passive, with the
synonyms and the nominal forms the earlier sets do not use: deals inked, struck, sealed and clinched (AGREE);
talks convened, sitting down with a counterpart, a working visit (CONSULT); lauding, siding with, paying tribute,
thanking (SUPPORT); relaxing curbs, backing down, giving in, restoring access, dropping an objection (CONCEDE);
teaming up, pooling resources, transferring a suspect, combined operations (COOPERATE); loans extended, gifts of
equipment, shelter given, funding channelled (AID); drawing down, ceding control, giving oneself up, a departure
(RETREAT); pleading, applying for, lodging a request, renewing a call (REQUEST); lambasting, blasting, faulting,
castigating, a complaint filed (ACCUSE); rebuffing, brushing aside, snubbing, balking, walking away from a deal
(REJECT); vowing to retaliate, hinting at force, promising a crushing response (THREATEN); walkouts, blockades with
tractors, flags burned, hunger strikes (PROTEST); sanctions slapped, envoys recalled, assets frozen, firms barred
or blacklisted, a membership suspended (SANCTION); troops massed or amassed, alerts, call-ups, missiles paraded
(MOBILIZE); citizenship stripped, licences revoked, house arrest, boats confiscated (COERCE); missiles slamming
into a mall, brawls at a border, convoys ambushed (ASSAULT).

Scored as the evaluation scores PLOVER sentences, with the scorer of test_plover_probe.py (an asserted event of the
category anywhere; the source and target countries of the event that gets most fields right, in either order when
the two parties are joined by "and"). `python tests/test_plover_types_probe4.py` prints the figures per category
and every miss.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from test_plover_probe import measure as measure_probes

# (sentence, PLOVER category of its main act, source country, target country); None: no country or not scored
PROBES: list[tuple[str, str, str | None, str | None]] = [
    # -- AGREE: deals and stated intentions to cooperate ----------------------------------------------------------
    ("Kenya and Ethiopia inked a defence pact in Nairobi on Wednesday.", "AGREE", "KEN", "ETH"),
    ("The signing of a free trade agreement between Chile and South Korea took place in Seoul.", "AGREE", "CHL",
     "KOR"),
    ("Azerbaijan vowed to cooperate with Georgia on pipeline security.", "AGREE", "AZE", "GEO"),
    ("Indonesia and Australia struck a deal on people smuggling after talks in Bali.", "AGREE", "IDN", "AUS"),
    ("Pakistan promised Afghanistan it would help reopen the Torkham crossing.", "AGREE", "PAK", "AFG"),
    ("Mongolia, China clinch mining accord", "AGREE", "MNG", "CHN"),
    ("A memorandum of understanding on energy was signed by Egypt and Cyprus in Nicosia.", "AGREE", "EGY", "CYP"),
    ("Sudan accepted an Ethiopian offer to mediate with the rebels.", "AGREE", "SDN", "ETH"),
    ("Uruguay and Paraguay reached an understanding on the use of the river.", "AGREE", "URY", "PRY"),
    ("Senegal agreed in principle to host the regional summit.", "AGREE", "SEN", None),
    ("Turkey and Iraq pledged to work together against smuggling on their border.", "AGREE", "TUR", "IRQ"),
    ("The Philippine government and the Moro rebels initialled a peace framework in Kuala Lumpur.", "AGREE", "PHL",
     "PHL"),
    ("Ghana offered to host talks between Togo and Burkina Faso.", "AGREE", "GHA", None),
    ("Argentina's president signed off on a gas deal with Bolivia.", "AGREE", "ARG", "BOL"),
    ("Fiji and Tonga sealed a maritime boundary treaty on Friday.", "AGREE", "FJI", "TON"),
    # -- CONSULT: meetings, visits, calls, negotiations -----------------------------------------------------------
    ("The Ugandan president hosted his Rwandan counterpart at State House in Entebbe.", "CONSULT", "UGA", "RWA"),
    ("Algeria's foreign minister flew to Rabat for a rare round of talks with Moroccan officials.", "CONSULT", "DZA",
     "MAR"),
    ("Talks between Armenia and Azerbaijan resumed in Washington on Monday.", "CONSULT", "ARM", "AZE"),
    # (who receives a visitor is the source, as in "the Egyptian president received the Jordanian king")
    ("A Vietnamese delegation was received by Laotian leaders in Vientiane.", "CONSULT", "LAO", "VNM"),
    ("Iran's envoy held closed-door discussions with Omani officials in Muscat.", "CONSULT", "IRN", "OMN"),
    ("The Chilean president conferred by phone with his Peruvian counterpart.", "CONSULT", "CHL", "PER"),
    ("Nepal, India hold border talks in Kathmandu", "CONSULT", "NPL", "IND"),
    ("The Swiss foreign minister travelled to Tehran for consultations on the nuclear file.", "CONSULT", "CHE",
     "IRN"),
    ("Kenyan and Somali officials convened in Nairobi to discuss the maritime dispute.", "CONSULT", "KEN", "SOM"),
    ("The Qatari emir called the Egyptian president on Sunday to discuss Gaza.", "CONSULT", "QAT", "EGY"),
    ("A meeting between the foreign ministers of Japan and South Korea took place in Seoul.", "CONSULT", "JPN",
     "KOR"),
    ("Bangladesh's prime minister sat down with Myanmar's leader on the sidelines of the summit.", "CONSULT", "BGD",
     "MMR"),
    ("The Nigerian vice president went to Niamey for a one-day working visit.", "CONSULT", "NGA", "NER"),
    ("Polish diplomats entered into negotiations with Belarus over the detained journalist.", "CONSULT", "POL",
     "BLR"),
    ("The Tanzanian president held a summit with the leaders of Burundi in Dar es Salaam.", "CONSULT", "TZA", "BDI"),
    # -- SUPPORT: praise, backing, recognition, ties restored -----------------------------------------------------
    ("Pakistan reaffirmed its backing for China's position on Taiwan.", "SUPPORT", "PAK", "CHN"),
    ("The Gambian government lauded Senegal for its role in the transition.", "SUPPORT", "GMB", "SEN"),
    ("Brazil extended diplomatic recognition to the new government in Guinea-Bissau.", "SUPPORT", "BRA", "GNB"),
    ("Cuba expressed its full solidarity with Venezuela.", "SUPPORT", "CUB", "VEN"),
    ("Egypt throws weight behind Sudan's transitional council", "SUPPORT", "EGY", "SDN"),
    ("The Spanish prime minister thanked Morocco for its cooperation on migration.", "SUPPORT", "ESP", "MAR"),
    ("India endorsed Japan's bid for a permanent seat on the Security Council.", "SUPPORT", "IND", "JPN"),
    ("Turkey sided with Azerbaijan in the dispute over Nagorno-Karabakh.", "SUPPORT", "TUR", "AZE"),
    ("Malaysia applauded Indonesia's decision to free the fishermen.", "SUPPORT", "MYS", "IDN"),
    ("The Ghanaian president congratulated Nigeria's newly elected leader.", "SUPPORT", "GHA", "NGA"),
    ("Belarus declared its support for Russia's stance on the conflict.", "SUPPORT", "BLR", "RUS"),
    ("Israel and Morocco normalised relations in December 2020.", "SUPPORT", "ISR", "MAR"),
    ("Kenya commends Ethiopia over peace deal", "SUPPORT", "KEN", "ETH"),
    ("The Irish government paid tribute to Portugal for its handling of the crisis.", "SUPPORT", "IRL", "PRT"),
    ("Iran stood by Syria, pledging political backing to Damascus.", "SUPPORT", "IRN", "SYR"),
    # -- CONCEDE: releases, easing, backing down, giving back -----------------------------------------------------
    ("Iran freed two detained French tourists on Monday.", "RETREAT", "IRN", "FRA"),
    ("North Korea repatriated the crew of a seized South Korean fishing boat.", "RETREAT", "PRK", "KOR"),
    ("The Bahraini authorities released 900 prisoners under a royal amnesty.", "RETREAT", "BHR", None),
    ("The Chinese government relaxed travel curbs on Hong Kong residents.", "CONCEDE", "CHN", None),
    ("Sri Lanka scrapped the emergency regulations after weeks of protests.", "CONCEDE", "LKA", None),
    ("Ethiopia restored internet access in the Tigray region.", "CONCEDE", "ETH", None),
    ("The Thai government backed down on its plan to raise fuel taxes.", "CONCEDE", "THA", None),
    ("Venezuela handed back the seized Guyanese fishing vessel on Thursday.", "RETREAT", "VEN", "GUY"),
    ("The Burmese junta granted amnesty to 5,000 prisoners on Independence Day.", "CONCEDE", "MMR", None),
    ("Pakistan returns captured Indian pilot", "CONCEDE", "PAK", "IND"),
    ("Turkey dropped its objection to Sweden's NATO membership.", "CONCEDE", "TUR", "SWE"),
    ("The Egyptian interior minister resigned after the stadium disaster.", "CONCEDE", "EGY", None),
    ("Myanmar's military rulers ended the house arrest of the opposition leader.", "CONCEDE", "MMR", None),
    ("Israel reopened the Allenby crossing to Jordanian traffic.", "CONCEDE", "ISR", "JOR"),
    ("The Colombian government gave in to the truckers' demands.", "CONCEDE", "COL", None),
    ("Zimbabwe's president resigned on Tuesday.", "CONCEDE", "ZWE", None),
    ("The Algerian president bowed to the protesters' demands and dropped his bid for a fifth term.", "CONCEDE",
     "DZA", None),
    ("The Thai junta lifted the ban on political gatherings.", "CONCEDE", "THA", None),
    ("The government of Chad legalised the opposition party on Friday.", "CONCEDE", "TCD", None),
    # -- COOPERATE: joint work, suspects handed over, intelligence shared -----------------------------------------
    ("Kenyan and Ugandan police teamed up to break a cattle-rustling ring.", "COOPERATE", "KEN", "UGA"),
    ("Morocco extradited a Belgian fugitive to Brussels.", "COOPERATE", "MAR", "BEL"),
    ("Jordanian and Egyptian forces conducted joint naval drills in the Red Sea.", "COOPERATE", "JOR", "EGY"),
    ("Peru handed a wanted Chilean businessman over to Santiago on Friday.", "COOPERATE", "PER", "CHL"),
    ("The coast guards of Japan and the Philippines conducted a joint search for the missing ship.", "COOPERATE",
     "JPN", "PHL"),
    ("Germany and France pooled their resources to develop a new fighter jet.", "COOPERATE", "DEU", "FRA"),
    ("Tajikistan and Uzbekistan launched a joint crackdown on drug smuggling.", "COOPERATE", "TJK", "UZB"),
    ("Belgium transferred a terror suspect to France under a European arrest warrant.", "COOPERATE", "BEL", "FRA"),
    ("Senegalese and Gambian troops carried out a combined operation against the separatists.", "COOPERATE", "SEN",
     "GMB"),
    ("Dutch and Ukrainian prosecutors worked jointly on the investigation.", "COOPERATE", "NLD", "UKR"),
    ("Saudi Arabia and the UAE exchanged intelligence on the Houthi drone launches.", "COOPERATE", "SAU", "ARE"),
    ("Nigerian and Cameroonian soldiers patrolled the border together.", "COOPERATE", "NGA", "CMR"),
    ("Malaysia handed over five suspected militants to Indonesian police.", "COOPERATE", "MYS", "IDN"),
    ("Kazakh and Kyrgyz customs officers carried out joint inspections at the crossing.", "COOPERATE", "KAZ", "KGZ"),
    ("Colombian police, working alongside American agents, dismantled a cocaine network.", "COOPERATE", "COL",
     "USA"),
    # -- AID: money, goods, arms, shelter given -------------------------------------------------------------------
    ("Japan extended a $200 million soft loan to Sri Lanka.", "AID", "JPN", "LKA"),
    ("The United Arab Emirates airlifted food and tents to earthquake-hit Morocco.", "AID", "ARE", "MAR"),
    ("India gifted two patrol boats to the Maldives.", "AID", "IND", "MDV"),
    ("Chinese doctors were dispatched to Angola to fight a cholera outbreak.", "AID", "CHN", "AGO"),
    ("Sweden increased its development assistance to Mozambique.", "AID", "SWE", "MOZ"),
    ("Turkey offered shelter to thousands of Syrian refugees.", "AID", "TUR", "SYR"),
    ("Washington approved a $1 billion military aid package for Israel.", "AID", "USA", "ISR"),
    ("Aid convoy from Jordan reaches Syrian town", "AID", "JOR", "SYR"),
    ("The World Food Programme distributed food rations to displaced families in Chad.", "AID", None, "TCD"),
    ("Kuwait funded a new hospital in Yemen.", "AID", "KWT", "YEM"),
    ("Iran armed Houthi rebels in Yemen with drones and missiles, a UN panel found.", "AID", "IRN", "YEM"),
    ("Germany dispatched firefighting planes to help Greece battle wildfires.", "AID", "DEU", "GRC"),
    ("Ecuador gave refuge to a Peruvian opposition leader at its embassy in Lima.", "AID", "ECU", "PER"),
    ("Norway channelled $50 million in humanitarian funding to Afghanistan.", "AID", "NOR", "AFG"),
    ("Qatar bankrolled the salaries of civil servants in Gaza.", "AID", "QAT", "PSE"),
    # -- RETREAT: withdrawals, surrenders, demobilisation --------------------------------------------------------
    ("Rwandan troops pulled out of eastern Congo on Thursday.", "RETREAT", "RWA", None),
    ("Houthi fighters vacated their positions around the port of Hodeidah.", "RETREAT", "YEM", None),
    ("Armenian forces withdrew from the Lachin corridor under the ceasefire.", "RETREAT", "ARM", None),
    ("Hundreds of FARC guerrillas handed over their rifles to UN monitors.", "RETREAT", "COL", None),
    ("The army's retreat from Kidal was completed on Sunday, Malian officials said.", "RETREAT", "MLI", None),
    ("Some 500 ELN fighters demobilised under the deal.", "RETREAT", "COL", None),
    ("French troops completed their departure from Mali on Monday.", "RETREAT", "FRA", "MLI"),
    ("Taliban gunmen gave themselves up to Afghan security forces in Kunduz.", "RETREAT", "AFG", "AFG"),
    ("Ethiopian troops withdrew from Somalia's Gedo region.", "RETREAT", "ETH", "SOM"),
    ("Israel dismantled its settlements and withdrew from Gaza in 2005.", "RETREAT", "ISR", None),
    ("Ugandan soldiers ceded control of the town to the Congolese army.", "RETREAT", "UGA", "COD"),
    ("Kenya began drawing down its contingent in Somalia.", "RETREAT", "KEN", "SOM"),
    ("Dozens of Boko Haram fighters surrendered to Nigerian troops in Borno.", "RETREAT", "NGA", "NGA"),
    ("Russian troops exit Kherson", "RETREAT", "RUS", None),
    ("Sudanese rebels evacuated the town of Kutum ahead of the army's advance.", "RETREAT", "SDN", None),
    # -- REQUEST: demands, appeals, pleas, applications ----------------------------------------------------------
    ("The Philippines demanded that China remove its coast guard vessels from the shoal.", "REQUEST", "PHL", "CHN"),
    ("Bolivia appealed to Chile for access to the Pacific.", "REQUEST", "BOL", "CHL"),
    ("Lebanon sought French assistance to rebuild the port of Beirut.", "REQUEST", "LBN", "FRA"),
    ("Jordan calls on Israel to halt settlement expansion", "REQUEST", "JOR", "ISR"),
    ("Ukraine pleaded with Germany for more air defence systems.", "REQUEST", "UKR", "DEU"),
    ("The Somali government renewed its call for the lifting of the arms embargo.", "REQUEST", "SOM", None),
    ("Mexico formally requested the extradition of the former governor from Spain.", "REQUEST", "MEX", "ESP"),
    ("Tunisia applied to the IMF for a $1.9 billion loan.", "REQUEST", "TUN", None),
    ("Iraqi lawmakers demanded the withdrawal of Turkish troops from Bashiqa.", "REQUEST", "IRQ", "TUR"),
    ("Georgia urged Russia to pull its forces out of South Ossetia.", "REQUEST", "GEO", "RUS"),
    ("Haiti asked the United Nations to send an international force.", "REQUEST", "HTI", None),
    ("Pakistan pressed Kabul to hand over the militants behind the attack.", "REQUEST", "PAK", "AFG"),
    ("Greece lodged a formal request with Britain for the return of the marbles.", "REQUEST", "GRC", "GBR"),
    ("Serbia sought the help of Hungary in policing the border.", "REQUEST", "SRB", "HUN"),
    ("Cambodia called for Thai troops to leave the temple area.", "REQUEST", "KHM", "THA"),
    # -- ACCUSE: criticism, blame, complaints, inquiries ---------------------------------------------------------
    ("Kenya lambasted Tanzania over the seizure of its cattle.", "ACCUSE", "KEN", "TZA"),
    ("Poland accused Belarus of orchestrating the migrant crisis.", "ACCUSE", "POL", "BLR"),
    ("Seoul lodged a strong protest with Tokyo over the textbook.", "ACCUSE", "KOR", "JPN"),
    ("China blasts US over Taiwan arms sale", "ACCUSE", "CHN", "USA"),
    ("India slammed Pakistan for sheltering terrorists.", "ACCUSE", "IND", "PAK"),
    ("The United Nations launched a probe into alleged abuses by Burundian police.", "ACCUSE", None, "BDI"),
    ("Ethiopia charged Egypt with meddling in its internal affairs.", "ACCUSE", "ETH", "EGY"),
    ("Azerbaijan faulted Armenia for the collapse of the talks.", "ACCUSE", "AZE", "ARM"),
    ("Britain summoned the Iranian ambassador over the detention of a British national.", "ACCUSE", "GBR", "IRN"),
    ("Rights groups decried Egypt's crackdown on dissent.", "ACCUSE", None, "EGY"),
    ("Thailand voiced concern over Cambodian troop movements along the border.", "ACCUSE", "THA", "KHM"),
    ("Algeria censured France for comments on its colonial past.", "ACCUSE", "DZA", "FRA"),
    ("Iraq filed a complaint at the Security Council against Turkish air strikes.", "ACCUSE", "IRQ", "TUR"),
    ("Israel's foreign minister castigated Spain for its stance on Gaza.", "ACCUSE", "ISR", "ESP"),
    ("Uganda was criticised by Kenya for closing the border.", "ACCUSE", "KEN", "UGA"),
    # -- REJECT: refusals, vetoes, denials, snubs ----------------------------------------------------------------
    ("Israel rebuffed calls from France for a ceasefire in Lebanon.", "REJECT", "ISR", "FRA"),
    ("Tehran spurned an American offer of direct talks.", "REJECT", "IRN", "USA"),
    ("Venezuela refused entry to a Colombian aid convoy.", "REJECT", "VEN", "COL"),
    ("The Moroccan government snubbed Algeria's invitation to the summit.", "REJECT", "MAR", "DZA"),
    ("Eritrea denied allegations by Ethiopia that it had armed the rebels.", "REJECT", "ERI", "ETH"),
    ("North Korea brushed aside South Korea's proposal for family reunions.", "REJECT", "PRK", "KOR"),
    ("Russia vetoed a UN resolution on the annexation of Crimea.", "REJECT", "RUS", None),
    ("Britain ruled out talks with Argentina over the Falklands.", "REJECT", "GBR", "ARG"),
    ("China refused to recognise the tribunal's ruling on the South China Sea.", "REJECT", "CHN", None),
    ("Sudan's army walked away from the power-sharing deal.", "REJECT", "SDN", None),
    ("Hungary blocked the EU's new sanctions package against Russia.", "REJECT", "HUN", None),
    ("The Rwandan government dismissed as baseless Congo's claims that it backs the M23 rebels.", "REJECT", "RWA",
     "COD"),
    ("Pakistan declined India's invitation to the security conference.", "REJECT", "PAK", "IND"),
    ("Guatemala balks at US asylum deal", "REJECT", "GTM", "USA"),
    ("The Syrian government defied Arab League demands to withdraw troops from the cities.", "REJECT", "SYR", None),
    # -- THREATEN: threats, warnings, ultimatums, vows of revenge ------------------------------------------------
    ("Turkey threatened to veto Finland's bid to join NATO.", "THREATEN", "TUR", "FIN"),
    ("North Korea vowed to retaliate against South Korea for the propaganda broadcasts.", "THREATEN", "PRK", "KOR"),
    ("China warned Japan of consequences if it released the water.", "THREATEN", "CHN", "JPN"),
    ("Israel warned Lebanon that it would strike back hard.", "THREATEN", "ISR", "LBN"),
    ("Iran threatens to close Strait of Hormuz", "THREATEN", "IRN", None),
    ("Egypt hinted at military action against Ethiopia over the dam.", "THREATEN", "EGY", "ETH"),
    ("The Sudanese army gave the RSF an ultimatum to leave Khartoum within 48 hours.", "THREATEN", "SDN", None),
    ("Russia warned Moldova against joining NATO.", "THREATEN", "RUS", "MDA"),
    ("Azerbaijan threatened Armenia with force if it did not withdraw.", "THREATEN", "AZE", "ARM"),
    ("Washington vowed tough sanctions on Moscow if it invaded Ukraine.", "THREATEN", "USA", "RUS"),
    ("Pakistan's army chief warned India of a befitting response.", "THREATEN", "PAK", "IND"),
    ("Algeria threatened to cut gas supplies to Spain.", "THREATEN", "DZA", "ESP"),
    ("The Taliban threatened to kill any Afghan who worked for foreign forces.", "THREATEN", "AFG", None),
    ("A threat by Serbia to send troops into Kosovo alarmed Western capitals.", "THREATEN", "SRB", None),
    ("Venezuela's leader promised a crushing response if Guyana allowed US bases.", "THREATEN", "VEN", "GUY"),
    # -- PROTEST: demonstrations, strikes, sit-ins, boycotts -----------------------------------------------------
    ("Thousands of Kenyans took to the streets of Nairobi against tax hikes.", "PROTEST", "KEN", None),
    ("Armenian demonstrators rallied outside the Russian embassy in Yerevan.", "PROTEST", "ARM", "RUS"),
    ("Greek farmers blockaded highways with tractors to protest low prices.", "PROTEST", "GRC", None),
    ("Nurses in Zimbabwe staged a walkout over pay.", "PROTEST", "ZWE", None),
    ("Students in Tehran held a sit-in at the university.", "PROTEST", "IRN", None),
    ("Tens of thousands marched in Belgrade to demand the government's resignation.", "PROTEST", "SRB", None),
    ("Pro-democracy activists occupied the parliament building in Bishkek.", "PROTEST", "KGZ", None),
    ("Nigerian doctors began an indefinite strike over unpaid salaries.", "PROTEST", "NGA", None),
    ("Crowds in Islamabad burned American flags to protest the drone strikes.", "PROTEST", "PAK", "USA"),
    ("Chilean students mounted protests against education reforms.", "PROTEST", "CHL", None),
    ("Palestinian prisoners launched a hunger strike in Israeli jails.", "PROTEST", "PSE", "ISR"),
    ("Filipinos picket Chinese embassy in Manila", "PROTEST", "PHL", "CHN"),
    ("Sri Lankan Tamils held a candlelight vigil in Colombo.", "PROTEST", "LKA", None),
    ("Opposition lawmakers walked out of the Ugandan parliament in protest.", "PROTEST", "UGA", None),
    ("Georgian protesters besieged the parliament in Tbilisi for a third night.", "PROTEST", "GEO", None),
    # -- SANCTION: sanctions, envoys recalled or expelled, ties cut, bans on trade -------------------------------
    ("Washington slapped sanctions on Russian oligarchs close to the Kremlin.", "SANCTION", "USA", "RUS"),
    ("Lithuania expelled three Russian diplomats for spying.", "SANCTION", "LTU", "RUS"),
    ("Morocco recalled its ambassador from Berlin for consultations.", "SANCTION", "MAR", "DEU"),
    ("The European Union froze the assets of Belarusian officials.", "SANCTION", None, "BLR"),
    ("Djibouti broke diplomatic relations with Eritrea.", "SANCTION", "DJI", "ERI"),
    ("China banned imports of Australian coal.", "SANCTION", "CHN", "AUS"),
    ("Canada barred Chinese firms from its 5G network.", "SANCTION", "CAN", "CHN"),
    ("The African Union suspended Guinea's membership after the coup.", "SANCTION", None, "GIN"),
    ("The United States blacklisted a Chinese drone maker.", "SANCTION", "USA", "CHN"),
    ("Britain imposed an asset freeze on Iranian Revolutionary Guard commanders.", "SANCTION", "GBR", "IRN"),
    ("Japan restricted exports of chip materials to South Korea.", "SANCTION", "JPN", "KOR"),
    ("Niger declared the French ambassador persona non grata.", "SANCTION", "NER", "FRA"),
    ("Ukraine downgraded diplomatic ties with Iran over drone supplies.", "SANCTION", "UKR", "IRN"),
    ("Poland withdrew its ambassador from Minsk.", "SANCTION", "POL", "BLR"),
    ("Colombia suspended coal exports to Israel.", "SANCTION", "COL", "ISR"),
    # -- MOBILIZE: alerts, build-ups, call-ups, drills, shows of force -------------------------------------------
    ("Taiwan put its troops on high alert as Chinese warplanes circled the island.", "MOBILIZE", "TWN", None),
    ("Russia massed tens of thousands of troops near the Ukrainian border.", "MOBILIZE", "RUS", None),
    ("Egypt beefed up its military presence along the Libyan border.", "MOBILIZE", "EGY", None),
    ("The Israeli army called up 300,000 reservists.", "MOBILIZE", "ISR", None),
    ("Iran test-fired a new ballistic missile in the Gulf.", "MOBILIZE", "IRN", None),
    ("Pakistan scrambled fighter jets after Indian aircraft crossed the Line of Control.", "MOBILIZE", "PAK", None),
    ("Venezuela sent troops to the border with Guyana.", "MOBILIZE", "VEN", None),
    ("China staged large-scale military drills around Taiwan.", "MOBILIZE", "CHN", None),
    ("India rushed additional troops to Ladakh after the standoff.", "MOBILIZE", "IND", None),
    ("Azerbaijan declared a partial mobilisation of its reservists.", "MOBILIZE", "AZE", None),
    ("Greece placed its navy on alert over a Turkish survey ship.", "MOBILIZE", "GRC", None),
    ("North Korea paraded intercontinental missiles through Pyongyang.", "MOBILIZE", "PRK", None),
    ("Turkey amassed tanks on the Syrian border.", "MOBILIZE", "TUR", None),
    ("Armenia bolstered its defences along the border with Azerbaijan.", "MOBILIZE", "ARM", None),
    ("Britain dispatched a warship to the Persian Gulf.", "MOBILIZE", "GBR", None),
    # -- COERCE: arrests, seizures, deportations, bans, restrictions ---------------------------------------------
    ("Chinese authorities detained a Canadian businessman on spying charges.", "COERCE", "CHN", "CAN"),
    ("Russia seized a Ukrainian naval vessel in the Kerch Strait.", "COERCE", "RUS", "UKR"),
    ("Tanzania deported 200 Kenyan traders.", "COERCE", "TZA", "KEN"),
    ("Hungarian police raided the offices of an opposition newspaper.", "COERCE", "HUN", None),
    ("The Egyptian government blocked access to dozens of news websites.", "COERCE", "EGY", None),
    ("Thai authorities imposed a state of emergency in Bangkok.", "COERCE", "THA", None),
    ("Saudi Arabia expelled thousands of Ethiopian migrant workers.", "COERCE", "SAU", "ETH"),
    ("Iran jailed a French academic for five years.", "COERCE", "IRN", "FRA"),
    ("Israeli bulldozers demolished Palestinian homes in East Jerusalem.", "COERCE", "ISR", "PSE"),
    ("Nicaragua stripped 94 opponents of their citizenship.", "COERCE", "NIC", None),
    ("Indian authorities placed Kashmiri leaders under house arrest.", "COERCE", "IND", None),
    ("Uganda shuts down internet ahead of vote", "COERCE", "UGA", None),
    ("Belarusian riot police rounded up hundreds of demonstrators in Minsk.", "COERCE", "BLR", None),
    ("The Turkish government outlawed a pro-Kurdish party.", "COERCE", "TUR", None),
    ("Indonesian authorities confiscated Malaysian fishing boats off Borneo.", "COERCE", "IDN", "MYS"),
    ("Burundi revoked the BBC's broadcasting licence.", "COERCE", "BDI", None),
    # -- ASSAULT: strikes, shelling, ambushes, raids, brawls -----------------------------------------------------
    ("Israeli warplanes pounded targets in southern Lebanon overnight.", "ASSAULT", "ISR", "LBN"),
    ("Russian missiles slammed into a shopping centre in Kremenchuk.", "ASSAULT", "RUS", "UKR"),
    ("Indian and Chinese troops brawled with clubs along the border.", "ASSAULT", "IND", "CHN"),
    ("Boko Haram militants stormed a village in Borno, killing 30 people.", "ASSAULT", "NGA", "NGA"),
    ("Saudi-led coalition jets struck a wedding party in Yemen.", "ASSAULT", "SAU", "YEM"),
    ("Turkish drones hit Kurdish positions in northern Syria.", "ASSAULT", "TUR", "SYR"),
    ("Azerbaijani forces shelled Armenian villages along the border.", "ASSAULT", "AZE", "ARM"),
    ("Pakistani troops exchanged fire with Afghan border guards at Chaman.", "ASSAULT", "PAK", "AFG"),
    ("Gunmen ambushed a Malian army convoy near Gao.", "ASSAULT", None, "MLI"),
    ("Sudanese troops mowed down protesters in Khartoum.", "ASSAULT", "SDN", "SDN"),
    ("A Ukrainian drone struck an oil depot in Russia's Belgorod region.", "ASSAULT", "UKR", "RUS"),
    ("US forces killed a senior al-Shabaab commander in a raid in Somalia.", "ASSAULT", "USA", "SOM"),
    ("North Korean artillery bombarded a South Korean island.", "ASSAULT", "PRK", "KOR"),
    ("Iraqi militias launched rockets at a US base near Baghdad.", "ASSAULT", "IRQ", "USA"),
    ("Syrian government forces dropped barrel bombs on Aleppo.", "ASSAULT", "SYR", "SYR"),
]

# acts of two parties joined by "and" (or a headline's comma) in the categories whose acts are mutual: either
# order of source and target is right, as the evaluation reads a reciprocal record
RECIPROCAL = {text for text, category, _, _ in PROBES
              if category in {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "ASSAULT"}
              and (" and " in text or re.match(r"\w+, \w+ ", text))}


def measure(pipeline):
    return measure_probes(pipeline, PROBES, RECIPROCAL)


def per_category(misses):
    """The share of each category's sentences with an asserted record of it, weakest first, from the misses of
    `measure`."""
    total = Counter(category for _, category, _, _ in PROBES)
    lost = Counter(category for category, _, got, _ in misses if not got[0])
    return sorted((1 - lost[c] / total[c], c) for c in total)


# families fixed beyond the probe set (sentences written after the fixes, so they are tests, not a measure)
FAMILIES = [
    # (13) a hostile step announced on a condition ("if", "unless") is a threat, as the step announced outright
    ("The Estonian government said it would close its border with Russia if the provocations continued.",
     "THREATEN"),
    ("The Lithuanian government said it would impose sanctions on Belarus if the border incidents continued.",
     "THREATEN"),
    ("Ghana said it would deport the Nigerian traders if they did not register within a month.", "THREATEN"),
    # (166) a body's mission, inspectors or monitors expelled reduce relations, as diplomats expelled
    ("Zambia expelled the Red Cross delegation, accusing it of spying for the rebels.", "SANCTION"),
    ("Iraq expelled the UN weapons inspectors in 1998.", "SANCTION"),
    # (162) aid cut with its owner or kind named
    ("Kenya cut its development aid to Uganda by half last year.", "SANCTION"),
    # (12) calls and demands ignored are refused
    ("Myanmar's generals have ignored international calls to free the opposition leader.", "REJECT"),
    ("The junta ignored the ultimatum of the regional bloc to restore civilian rule.", "REJECT"),
    # (an attempt on a life told as done, PLOVER ASSAULT 186, and a proposal voted down, REJECT 127, were tried and
    # taken out: each made one record outside the event sentences of the held-out WikiEvents half)
    # (030) a promise to keep a deal, help pledged or offered
    ("In a joint communique, Ecuador and Peru pledged to respect the 1942 border protocol.", "AGREE"),
    ("The Malian junta pledged to honour the ceasefire signed in Algiers.", "AGREE"),
    ("Qatar offered to help Lebanon pay for the reconstruction of the port.", "AGREE"),
]


@pytest.mark.parametrize("text,category", FAMILIES)
def test_families_fixed_beyond_the_probe_set(pipeline, text, category):
    assert category in {e.plover.event for e in pipeline.extract(text) if e.modality == "asserted" and e.plover}


@pytest.mark.parametrize("text", [
    "The cartel plotted to kill the judge, prosecutors said.",  # a plot
    "The gang will try to kill the witness before the trial.",  # to come
    "Police said the man tried to kill his wife with a knife.",  # no armed group, state or official
    "The minister said he would resign if the report found any wrongdoing.",  # a yielding step: no threat
    "Rebels expelled government troops from the town after heavy fighting.",  # armed men driven off: fighting
])
def test_plots_crimes_conditional_concessions_and_fights_are_no_threat_or_sanction(pipeline, text):
    kinds = {e.plover.event for e in pipeline.extract(text) if e.modality == "asserted" and e.plover}
    assert not kinds & {"THREATEN", "SANCTION"} and (
        "ASSAULT" in kinds) == text.startswith("Rebels expelled")


@pytest.fixture(scope="module")
def figures(pipeline):
    return measure(pipeline)[0]


def test_the_probe_set_covers_every_category_fifteen_times():
    counts = Counter(category for _, category, _, _ in PROBES)
    assert len(counts) == 16 and min(counts.values()) >= 15


def test_plover_categories_of_the_probe_set(figures):
    assert figures["type"] >= 0.86  # 0.714 before the fixes of this set, 0.867 with them


def test_source_countries_of_the_probe_set(figures):
    assert figures["source"] >= 0.83  # 0.681 before, 0.843 after


def test_target_countries_of_the_probe_set(figures):
    assert figures["target"] >= 0.77  # 0.609 before, 0.782 after


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    result, missed = measure(Pipeline(workers=1))
    for category, text, got, asserted in missed:
        print(f"{category:9} {'T' if got[0] else '-'}{'S' if got[1] else '-'}{'G' if got[2] else '-'}  {text}\n"
              f"          -> {asserted}")
    for rate, category in per_category(missed):
        print(f"{category:9} {rate:.2f}")
    print({k: round(v, 3) for k, v in result.items()})
