"""A third PLOVER probe set, written for this project after the first two (test_plover_probe.py,
test_plover_probe2.py): how the country of each party is named. A leader's or a minister's title with a demonym or
a possessive ("the Kenyan president", "Ankara's foreign minister"), a capital standing for its government ("Moscow
said", "Seoul and Tokyo agreed"), a demonym before a noun of people ("Iraqi troops", "Pakistani officials"), a
ministry or an agency ("the Indian Home Ministry", "Egypt's interior ministry"), an international organisation (no
country), and the party a statement, a demand, a threat, a sanction or an aid is aimed at.

Scored as the evaluation scores PLOVER sentences, with the scorer of test_plover_probe.py; the tests hold the
figures at a floor. `python tests/test_plover_probe3.py` prints the figures and every miss.
"""

from __future__ import annotations

import pytest

from test_plover_probe import measure as measure_probes
from test_plover_probe import score_probe

# (sentence, PLOVER category, source country, target country); None: the party has no country or is not scored
PROBES: list[tuple[str, str, str | None, str | None]] = [
    # -- a leader's or a minister's title -------------------------------------------------------------------
    ("The Kenyan president praised Tanzania for hosting the peace talks.", "SUPPORT", "KEN", "TZA"),
    ("Ankara's foreign minister accused Athens of militarising the islands.", "ACCUSE", "TUR", "GRC"),
    ("The Nigerian defence minister visited troops in Maiduguri on Monday.", "CONSULT", "NGA", "NGA"),
    ("The Brazilian president met the Argentine president in Buenos Aires.", "CONSULT", "BRA", "ARG"),
    ("Japan's prime minister called on China to release the detained businessman.", "REQUEST", "JPN", "CHN"),
    ("The Iranian foreign minister rejected the European proposal on the nuclear deal.", "REJECT", "IRN", None),
    ("President Koroma of Sierra Leone urged Liberia to reopen the border.", "REQUEST", "SLE", "LBR"),
    ("The Egyptian president received the Jordanian king in Cairo.", "CONSULT", "EGY", "JOR"),
    ("Indonesia's defence minister signed an arms deal with France.", "AGREE", "IDN", "FRA"),
    ("The Peruvian interior minister blamed Bolivian smugglers for the unrest.", "ACCUSE", "PER", "BOL"),
    ("The Saudi crown prince hosted the Pakistani prime minister in Riyadh.", "CONSULT", "SAU", "PAK"),
    ("Chancellor Weber of Austria condemned the Hungarian government's decision.", "ACCUSE", "AUT", "HUN"),
    ("The Ghanaian finance minister asked the IMF for a new loan.", "REQUEST", "GHA", None),
    ("Mexico's president criticised the US decision to build the wall.", "ACCUSE", "MEX", "USA"),
    ("The Vietnamese prime minister welcomed the Cambodian delegation in Hanoi.", "CONSULT", "VNM", "KHM"),
    ("The Polish president warned Moscow against any provocation on the border.", "THREATEN", "POL", "RUS"),
    ("The Turkish interior minister threatened to expel Syrian refugees who broke the law.", "THREATEN", "TUR",
     "SYR"),
    ("Ukraine's defence minister thanked Lithuania for the delivery of air defence systems.", "SUPPORT", "UKR",
     "LTU"),
    ("The Chadian army chief visited Niamey for talks with his Nigerien counterpart.", "CONSULT", "TCD", "NER"),
    ("Nepal's foreign secretary met the Indian ambassador in Kathmandu.", "CONSULT", "NPL", "IND"),
    # -- a capital for its government -----------------------------------------------------------------------
    ("Moscow accused Kyiv of shelling the nuclear plant.", "ACCUSE", "RUS", "UKR"),
    ("Beijing imposed sanctions on American defence firms over arms sales to Taiwan.", "SANCTION", "CHN", "USA"),
    ("Washington urged Islamabad to act against militant groups.", "REQUEST", "USA", "PAK"),
    ("Seoul and Tokyo agreed to share military intelligence.", "AGREE", "KOR", "JPN"),
    ("Tehran rejected Riyadh's offer of talks.", "REJECT", "IRN", "SAU"),
    ("New Delhi summoned the Bangladeshi envoy over the border killings.", "ACCUSE", "IND", "BGD"),
    ("Addis Ababa threatened Cairo with retaliation over the dam dispute.", "THREATEN", "ETH", "EGY"),
    ("Caracas expelled the Spanish ambassador on Tuesday.", "SANCTION", "VEN", "ESP"),
    ("Pretoria sent food aid to Harare after the drought.", "AID", "ZAF", "ZWE"),
    ("Canberra welcomed Jakarta's decision to free the fishermen.", "SUPPORT", "AUS", "IDN"),
    ("Baghdad demanded that Ankara withdraw its troops from Bashiqa.", "REQUEST", "IRQ", "TUR"),
    ("Paris recalled its ambassador from Rome after the insults.", "SANCTION", "FRA", "ITA"),
    ("Kabul blamed Islamabad for the attack on the border post.", "ACCUSE", "AFG", "PAK"),
    ("Ottawa froze the assets of Sri Lankan officials.", "SANCTION", "CAN", "LKA"),
    ("Manila protested to Beijing over the water cannon incident.", "ACCUSE", "PHL", "CHN"),
    ("Nairobi and Mogadishu restored diplomatic relations on Thursday.", "SUPPORT", "KEN", "SOM"),
    ("Damascus denounced the Israeli air strikes near the airport.", "ACCUSE", "SYR", "ISR"),
    ("Warsaw asked Berlin for war reparations.", "REQUEST", "POL", "DEU"),
    ("Rabat suspended cooperation with Madrid over the migrant crisis.", "SANCTION", "MAR", "ESP"),
    ("Kigali rejected Kinshasa's demand for the extradition of the rebel leaders.", "REJECT", "RWA", "COD"),
    # -- a demonym before a noun of people ------------------------------------------------------------------
    ("Iraqi troops arrested four Syrian smugglers near the border.", "COERCE", "IRQ", "SYR"),
    ("Pakistani officials met an Afghan delegation in Peshawar.", "CONSULT", "PAK", "AFG"),
    ("Ethiopian soldiers killed six Eritrean fighters in a clash.", "ASSAULT", "ETH", "ERI"),
    ("Colombian diplomats protested to Venezuela over the arrests.", "ACCUSE", "COL", "VEN"),
    ("Lebanese negotiators held talks with Cypriot officials on the sea border.", "CONSULT", "LBN", "CYP"),
    ("Moroccan police detained 30 Algerian migrants in Oujda.", "COERCE", "MAR", "DZA"),
    ("Sudanese troops shelled Ethiopian positions in the Fashaga area.", "ASSAULT", "SDN", "ETH"),
    ("Chinese investigators worked with Laotian police to break up a fraud ring.", "COOPERATE", "CHN", "LAO"),
    ("Armenian lawmakers condemned the Azerbaijani blockade.", "ACCUSE", "ARM", "AZE"),
    ("Ukrainian soldiers captured three Russian paratroopers near Kharkiv.", "COERCE", "UKR", "RUS"),
    ("Bangladeshi border guards pushed back Rohingya boats from Myanmar.", "COERCE", "BGD", None),
    ("Malian soldiers and Russian mercenaries killed villagers in Moura.", "ASSAULT", "MLI", "MLI"),
    ("Georgian prosecutors charged a Russian soldier with kidnapping.", "ACCUSE", "GEO", "RUS"),
    ("Honduran migrants clashed with Guatemalan police at the border.", "ASSAULT", "HND", "GTM"),
    ("Emirati officials offered to mediate between Sudan and Chad.", "AGREE", "ARE", None),
    ("Somali forces and Kenyan troops launched a joint operation against al-Shabaab.", "COOPERATE", "SOM", "KEN"),
    ("Filipino fishermen accused Chinese coast guards of ramming their boat.", "ACCUSE", "PHL", "CHN"),
    ("Tajik border guards exchanged fire with Kyrgyz troops.", "ASSAULT", "TJK", "KGZ"),
    ("Cuban doctors arrived in Italy to help fight the epidemic.", "AID", "CUB", "ITA"),
    ("Ivorian police expelled Burkinabe herders from the forest.", "COERCE", "CIV", "BFA"),
    # -- ministries, agencies, forces -----------------------------------------------------------------------
    ("The Indian Home Ministry banned a Pakistani militant group.", "COERCE", "IND", "PAK"),
    ("Egypt's interior ministry deported three Yemeni activists.", "COERCE", "EGY", "YEM"),
    ("The Russian Foreign Ministry summoned the Estonian ambassador.", "ACCUSE", "RUS", "EST"),
    ("The Turkish defence ministry said its jets struck an Iraqi army post near the border.", "ASSAULT", "TUR",
     "IRQ"),
    ("Israel's Shin Bet arrested a Palestinian accused of planning an attack.", "COERCE", "ISR", "PSE"),
    ("The Nigerian navy seized a Ghanaian trawler off the coast.", "COERCE", "NGA", "GHA"),
    ("The French Foreign Ministry condemned Iran's detention of two teachers.", "ACCUSE", "FRA", "IRN"),
    ("The Kenyan Defence Forces withdrew from their base in Somalia.", "RETREAT", "KEN", "SOM"),
    ("Thailand's health ministry sent medical teams to Myanmar.", "AID", "THA", "MMR"),
    ("The Japanese Coast Guard detained a Chinese fishing boat captain.", "COERCE", "JPN", "CHN"),
    ("The Bolivian Congress approved a loan agreement with Russia.", "AGREE", "BOL", "RUS"),
    ("The Sri Lankan navy arrested 12 Indian fishermen.", "COERCE", "LKA", "IND"),
    ("Algeria's Ministry of Foreign Affairs recalled its ambassador from Paris.", "SANCTION", "DZA", "FRA"),
    ("The Philippine Coast Guard accused Chinese vessels of blocking a supply mission.", "ACCUSE", "PHL", "CHN"),
    ("Mozambique's police arrested a Tanzanian preacher in Cabo Delgado.", "COERCE", "MOZ", "TZA"),
    # -- international organisations (no country) -----------------------------------------------------------
    ("The United Nations urged Myanmar to stop attacks on civilians.", "REQUEST", None, "MMR"),
    ("The European Union imposed sanctions on Belarusian officials.", "SANCTION", None, "BLR"),
    ("The African Union suspended Guinea after the coup.", "SANCTION", None, "GIN"),
    ("NATO condemned Russia's annexation of the four regions.", "ACCUSE", None, "RUS"),
    ("The World Bank approved a $300 million loan to Kenya.", "AID", None, "KEN"),
    ("Ecuador asked the OAS to send election observers.", "REQUEST", "ECU", None),
    ("UNICEF delivered vaccines to Yemen on Sunday.", "AID", None, "YEM"),
    ("ECOWAS threatened Niger's junta with military intervention.", "THREATEN", None, "NER"),
    ("The IAEA criticised Iran for blocking inspectors.", "ACCUSE", None, "IRN"),
    ("Haiti appealed to the United Nations for more police.", "REQUEST", "HTI", None),
    # -- the target of statements, demands, threats, sanctions, aid -----------------------------------------
    ("Slovakia accused Hungary of meddling in its elections.", "ACCUSE", "SVK", "HUN"),
    ("Kuwait criticised Iraq for failing to return the archives.", "ACCUSE", "KWT", "IRQ"),
    ("Bahrain accused Tehran of training militants.", "ACCUSE", "BHR", "IRN"),
    ("Djibouti demanded that Eritrea free the prisoners of war.", "REQUEST", "DJI", "ERI"),
    ("Serbia threatened Kosovo with a military response.", "THREATEN", "SRB", "XKX"),
    ("Jamaica sent relief supplies to Haiti after the earthquake.", "AID", "JAM", "HTI"),
    ("Denmark imposed an arms embargo on Turkey.", "SANCTION", "DNK", "TUR"),
    ("Zimbabwe and Mozambique signed a defence pact.", "AGREE", "ZWE", "MOZ"),
    ("The Kazakh president met the Chinese leader in Astana.", "CONSULT", "KAZ", "CHN"),
    ("Mongolia signed a mining agreement with Russia.", "AGREE", "MNG", "RUS"),
    ("Lebanon's prime minister visited Damascus for the first time in years.", "CONSULT", "LBN", "SYR"),
    ("Oman hosted talks between Iranian and American negotiators.", "CONSULT", "OMN", None),
    ("Chile provided firefighters to help Argentina tackle the blazes.", "AID", "CHL", "ARG"),
    ("Malawi expelled a Zambian diplomat for spying.", "SANCTION", "MWI", "ZMB"),
    ("Namibia welcomed the release of its nationals by Angola.", "SUPPORT", "NAM", "AGO"),
    ("Sweden's government criticised Turkey's demands for extraditions.", "ACCUSE", "SWE", "TUR"),
    ("Uzbekistan agreed to supply gas to Afghanistan.", "AGREE", "UZB", "AFG"),
    ("Burundi closed its border with Rwanda.", "COERCE", "BDI", "RWA"),
    ("Tanzania rejected Kenyan proposals for a joint border force.", "REJECT", "TZA", "KEN"),
    ("Cameroon accused Nigerian soldiers of crossing the border.", "ACCUSE", "CMR", "NGA"),
    ("Egypt hosted the Libyan rivals for talks in Cairo.", "CONSULT", "EGY", "LBY"),
    ("Iceland suspended its embassy operations in Moscow.", "SANCTION", "ISL", "RUS"),
    ("Singapore extradited a Malaysian fugitive to Kuala Lumpur.", "COOPERATE", "SGP", "MYS"),
    ("Portugal offered asylum to Afghan interpreters.", "AID", "PRT", "AFG"),
    ("The Zambian government warned DR Congo against further incursions.", "THREATEN", "ZMB", "COD"),
    ("Belgium apologised to the Democratic Republic of Congo for its colonial past.", "CONCEDE", "BEL", "COD"),
    ("Latvia banned Russian television channels.", "COERCE", "LVA", "RUS"),
    ("Qatar praised Washington's efforts to secure a ceasefire.", "SUPPORT", "QAT", "USA"),
    ("Vanuatu and Australia signed a security agreement in Port Vila.", "AGREE", "VUT", "AUS"),
    ("The Zarovian foreign minister accused Belgravian forces of attacking a border post.", "ACCUSE", None, None),
    # -- wire style of the CAMEO era: statements, investigations, retreats, coercion ------------------------------
    ("Moroccan troops occupied two villages inside the disputed border strip on Saturday, the Polisario Front said.",
     "ASSAULT", "MAR", None),
    ("Iraqi tanks and artillery pounded Kurdish positions near Kirkuk for a second day, rebel sources said.",
     "ASSAULT", "IRQ", "IRQ"),
    ("Ethiopian warplanes bombed the Eritrean port of Assab on Tuesday, Eritrea's information ministry said.",
     "ASSAULT", "ETH", "ERI"),
    ("Indian and Pakistani troops violated the ceasefire in Kashmir, each side said, blaming the other.",
     "ASSAULT", "IND", "PAK"),
    ("The Peruvian army fought Shining Path guerrillas in the Huallaga valley, killing 14 rebels.",
     "ASSAULT", "PER", "PER"),
    ("Government forces in Angola attacked UNITA positions in the central highlands with helicopter gunships.",
     "ASSAULT", "AGO", "AGO"),
    ("Israeli navy gunboats blockaded the port of Tyre on Friday, Lebanese security sources said.",
     "ASSAULT", "ISR", "LBN"),
    ("Serb gunners shelled the Moslem enclave of Bihac overnight, a U.N. spokesman said in Zagreb.",
     "ASSAULT", "SRB", None),
    ("Turkish jets bombed suspected Kurdish rebel camps in northern Iraq on Thursday, the army said.",
     "ASSAULT", "TUR", None),
    ("Armed men fired on a Sri Lankan army patrol near Jaffna, wounding three soldiers, the military said.",
     "ASSAULT", None, "LKA"),
    ("Chinese troops fired on Vietnamese fishing boats near the Paracel islands, Hanoi said.", "ASSAULT", "CHN", "VNM"),
    ("Liberian rebels overran the town of Gbarnga after heavy fighting with ECOMOG peacekeepers.",
     "ASSAULT", "LBR", None),
    ("Ugandan soldiers crossed into Sudan and attacked a rebel base, Sudanese radio said.", "ASSAULT", "UGA", None),
    ("Somali militiamen ambushed a convoy of Pakistani peacekeepers in Mogadishu, killing two.",
     "ASSAULT", "SOM", "PAK"),
    ("A Kenyan parliamentary committee launched an investigation into the sale of state land to a British firm.",
     "ACCUSE", "KEN", None),
    ("Spanish judges opened an inquiry into the disappearance of Spanish citizens in Argentina.",
     "ACCUSE", "ESP", "ARG"),
    ("Swiss authorities are investigating bank accounts held by the former Nigerian ruler.", "ACCUSE", "CHE", "NGA"),
    ("The Hungarian government criticised Romania's treatment of its ethnic Hungarian minority.",
     "ACCUSE", "HUN", "ROU"),
    ("Bangladesh complained to India about the killing of villagers by Indian border guards.", "ACCUSE", "BGD", "IND"),
    ("Zaire denounced what it called Rwandan aggression in its eastern provinces.", "ACCUSE", "COD", "RWA"),
    ("Malaysia's prime minister attacked Western media for biased reporting on the crisis.", "ACCUSE", "MYS", None),
    ("Tanzanian police are probing allegations that Burundian refugees were smuggling arms.", "ACCUSE", "TZA", "BDI"),
    ("Bosnian Serb forces pulled their heavy guns back from the exclusion zone around Sarajevo.",
     "RETREAT", "BIH", None),
    ("About 300 Tamil rebels surrendered to the Sri Lankan army in the east, a military spokesman said.",
     "RETREAT", "LKA", "LKA"),
    ("Angolan troops completed their withdrawal from Congo-Brazzaville on Sunday.", "RETREAT", "AGO", "COG"),
    ("Zimbabwean forces began pulling out of the Democratic Republic of Congo.", "RETREAT", "ZWE", "COD"),
    ("Kenyan authorities closed the border with Somalia and sealed off refugee camps.", "COERCE", "KEN", "SOM"),
    ("Libya expelled 30,000 Egyptian workers in a row over Cairo's peace policy.", "COERCE", "LBY", "EGY"),
    ("Israeli authorities demolished the homes of three Palestinians in Hebron.", "COERCE", "ISR", "PSE"),
    ("Chinese police detained a Tibetan monk in Lhasa for displaying the Dalai Lama's picture.",
     "COERCE", "CHN", "CHN"),
    ("The Nigerian military government shut down three opposition newspapers in Lagos.", "COERCE", "NGA", "NGA"),
    ("Greece's foreign minister said Athens would veto Turkey's customs union with the EU.", "THREATEN", "GRC", "TUR"),
    ("Syria refused to attend the peace conference unless Israel withdrew from the Golan Heights.",
     "REJECT", "SYR", "ISR"),
    ("North Korea rejected a U.S. offer of food aid, the official KCNA news agency said.", "REJECT", "PRK", "USA"),
    ("Senegal and Gambia agreed to reopen their common border, a Senegalese official said.", "AGREE", "SEN", "GMB"),
    ("Egypt's president offered to host talks between the Palestinian factions.", "AGREE", "EGY", "PSE"),
    ("Italy pledged to help Albania rebuild its police force, the Italian foreign ministry said.",
     "AGREE", "ITA", "ALB"),
    ("The Ukrainian parliament voted to recognise the independence of Croatia and Slovenia.", "SUPPORT", "UKR", "HRV"),
    ("Iran freed a German businessman who had been sentenced to death for having sex with a Moslem woman.",
     "RETREAT", "IRN", "DEU"),
    ("The Colombian government accepted rebel demands for an international observer mission.", "CONCEDE", "COL", "COL"),
    # -- wire style of the CAMEO era: fighting, occupation, blockade, hijacking, bombing -------------------------
    ("Israeli warships imposed a naval blockade on the Lebanese coast on Sunday.", "ASSAULT", "ISR", "LBN"),
    ("Azerbaijan has blockaded the only road linking Armenia to the enclave, Armenian officials said.",
     "ASSAULT", "AZE", "ARM"),
    ("Indian troops have occupied three strategic peaks on the Pakistani side of the line of control.",
     "ASSAULT", "IND", "PAK"),
    ("Iraqi forces occupied the Kuwaiti island of Bubiyan early on Thursday.", "ASSAULT", "IRQ", "KWT"),
    ("Turkish troops entered northern Cyprus in 1974 and still occupy a third of the island.", "ASSAULT", "TUR", "CYP"),
    ("Eritrean troops occupied the border town of Badme, Ethiopian officials said.", "ASSAULT", "ERI", "ETH"),
    ("Russian and Chechen forces fought with machine guns and grenades in the streets of Grozny.",
     "ASSAULT", "RUS", "RUS"),
    ("Serbian artillery pounded the Croatian town of Vukovar throughout the night.", "ASSAULT", "SRB", "HRV"),
    ("Iraqi tanks rolled into the Kurdish city of Arbil after a fierce artillery bombardment.",
     "ASSAULT", "IRQ", "IRQ"),
    ("NATO warplanes bombed Serb ammunition depots near Pale on Thursday.", "ASSAULT", None, "SRB"),
    ("U.S. planes struck Iraqi air defence sites south of Baghdad, the Pentagon said.", "ASSAULT", "USA", "IRQ"),
    ("Ethiopia accused Eritrea of violating the ceasefire by moving troops into the buffer zone.",
     "ACCUSE", "ETH", "ERI"),
    ("Armenian forces violated the ceasefire overnight, firing on Azerbaijani positions, Baku said.",
     "ASSAULT", "ARM", "AZE"),
    ("Gunmen hijacked a Kuwaiti airliner and forced it to fly to Mashhad, Iran.", "ASSAULT", None, "KWT"),
    ("Abu Sayyaf rebels took 21 hostages, including ten foreign tourists, from a Malaysian resort.",
     "ASSAULT", "PHL", "MYS"),
    ("Guerrillas kidnapped a German aid worker in southern Colombia, police said.", "ASSAULT", "COL", "DEU"),
    ("Indonesian soldiers tortured detainees at a military camp in Aceh, a human rights group said.",
     "ASSAULT", "IDN", "IDN"),
    ("Government troops used civilians as human shields during the assault on the rebel-held town.",
     "ASSAULT", None, None),
    ("A gunman tried to kill the Armenian prime minister in Yerevan, but he escaped unhurt.", "ASSAULT", None, "ARM"),
    ("A suicide bomber blew himself up at a bus stop in Jerusalem, killing seven Israelis.", "ASSAULT", None, "ISR"),
    ("A car bomb exploded outside the Egyptian embassy in Islamabad, killing 15 people.", "ASSAULT", None, "EGY"),
    ("The Algerian army massacred villagers suspected of helping Islamist rebels, exiles alleged.",
     "ASSAULT", "DZA", "DZA"),
    ("Burmese troops burned down villages in Karen state and drove out thousands of residents.",
     "ASSAULT", "MMR", "MMR"),
    ("Sudanese government forces destroyed crops and livestock in the Nuba mountains.", "ASSAULT", "SDN", "SDN"),
    ("Unknown assailants assassinated a Lebanese member of parliament in Beirut.", "ASSAULT", None, "LBN"),
    ("Pakistani troops fired mortars across the border into the Afghan province of Kunar.", "ASSAULT", "PAK", "AFG"),
    ("Libyan jets attacked rebel positions in northern Chad, the Chadian government said.", "ASSAULT", "LBY", "TCD"),
    ("South African troops raided suspected ANC bases in Botswana, killing five people.", "ASSAULT", "ZAF", "BWA"),
    ("Vietnamese forces crossed into Cambodia and attacked Khmer Rouge camps.", "ASSAULT", "VNM", "KHM"),
    ("Tutsi-led rebels shelled the Zairean town of Goma overnight.", "ASSAULT", None, "COD"),
]

# two parties on an equal footing: either order is right
RECIPROCAL = {
    "The Brazilian president met the Argentine president in Buenos Aires.",
    "Seoul and Tokyo agreed to share military intelligence.",
    "Nairobi and Mogadishu restored diplomatic relations on Thursday.",
    "Tajik border guards exchanged fire with Kyrgyz troops.",
    "Somali forces and Kenyan troops launched a joint operation against al-Shabaab.",
    "Zimbabwe and Mozambique signed a defence pact.",
    "Vanuatu and Australia signed a security agreement in Port Vila.",
    "Honduran migrants clashed with Guatemalan police at the border.",
    "Indian and Pakistani troops violated the ceasefire in Kashmir, each side said, blaming the other.",
    "Senegal and Gambia agreed to reopen their common border, a Senegalese official said.",
    "Russian and Chechen forces fought with machine guns and grenades in the streets of Grozny.",
}


def measure(pipeline):
    """The figures over this probe set and the misses, scored as test_plover_probe.py scores its own."""
    return measure_probes(pipeline, PROBES, RECIPROCAL)


@pytest.fixture(scope="module")
def figures(pipeline):
    return measure(pipeline)[0]


def test_the_probe_set_is_large_enough():
    assert len(PROBES) >= 100


def test_plover_categories_of_the_probe_set(figures):
    assert figures["type"] >= 0.91  # 0.881 before the fixes, 0.924 with them


def test_source_countries_of_the_probe_set(figures):
    assert figures["source"] >= 0.92  # 0.916 before, 0.940 after


def test_target_countries_of_the_probe_set(figures):
    assert figures["target"] >= 0.85  # 0.750 before, 0.869 after


# families fixed beyond the probe set (sentences written after the fixes, so they are tests, not a measure)
FAMILIES = [
    # a capital as the owner of what the act bears on, or joined by "and" to another capital
    ("Lima rejected Quito's proposal for joint border patrols.", "REJECT", "PER", "ECU"),
    ("Hanoi and Vientiane signed a new border treaty.", "AGREE", "VNM", "LAO"),
    # "exchanged fire with" aims at its object
    ("Nepalese police exchanged fire with Indian border guards on Sunday.", "ASSAULT", "NPL", "IND"),
    # out of violence a nationality's vessels stand for its state; an arrest on things bears on their state
    ("The Sri Lankan navy seized two Indian trawlers near Jaffna.", "COERCE", "LKA", "IND"),
    ("Oman criticised Iranian boats for harassing tankers in the strait.", "ACCUSE", "OMN", "IRN"),
    # a ban on a group or on the press restricts freedoms (CAMEO 1722)
    ("Turkey banned a Kurdish party on Friday.", "COERCE", "TUR", None),
    # people of no named country sent to a state leave the target to the state
    ("Norway sent relief workers to Bangladesh after the cyclone.", "AID", "NOR", "BGD"),
    # a place of another nationality hit across a border
    ("Syrian jets bombed a Lebanese village near the border.", "ASSAULT", "SYR", "LBN"),
    # a movement's "from" is what it leaves
    ("Libyan troops completed their pullout from Chad on Friday.", "RETREAT", "LBY", None),
    # accepting demands is yielding
    ("The Bolivian government accepted the miners' demands for higher pay.", "CONCEDE", "BOL", None),
    # a protest lodged with another state
    ("Uruguay protested to Argentina over the closure of the bridge.", "ACCUSE", "URY", "ARG"),
    # parliaments known by their own names; a state facing rebels of a named country
    ("The Sejm voted to send troops to Iraq.", "MOBILIZE", "POL", None),
    ("Karen rebels accused the government of burning villages.", "ACCUSE", "MMR", "MMR"),
    # hijacking is abduction
    ("Gunmen hijacked an Indian airliner and flew it to Kandahar.", "ASSAULT", None, None),
]


@pytest.mark.parametrize("text,category,source,target", FAMILIES)
def test_families_fixed_beyond_the_probe_set(pipeline, text, category, source, target):
    got = score_probe(pipeline.extract(text), category, source, target, reciprocal=" and " in text)
    assert got == (True, source is not None, target is not None)


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    result, missed = measure(Pipeline(workers=1))
    for category, text, got, asserted in missed:
        print(f"{category:9} {'T' if got[0] else '-'}{'S' if got[1] else '-'}{'G' if got[2] else '-'}  {text}\n"
              f"          -> {asserted}")
    print({k: round(v, 3) for k, v in result.items()})
