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
    ("Kigali rejected Kinshasa's accusations of supporting the rebels.", "REJECT", "RWA", "COD"),
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
    ("Tanzania rejected Kenyan claims that its troops entered Kenya.", "REJECT", "TZA", "KEN"),
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
}


def measure(pipeline):
    """The figures over this probe set and the misses, scored as test_plover_probe.py scores its own."""
    return measure_probes(pipeline, PROBES, RECIPROCAL)


@pytest.fixture(scope="module")
def figures(pipeline):
    return measure(pipeline)[0]


def test_the_probe_set_is_large_enough():
    assert len(PROBES) >= 100


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    result, missed = measure(Pipeline(workers=1))
    for category, text, got, asserted in missed:
        print(f"{category:9} {'T' if got[0] else '-'}{'S' if got[1] else '-'}{'G' if got[2] else '-'}  {text}\n"
              f"          -> {asserted}")
    print({k: round(v, 3) for k, v in result.items()})
