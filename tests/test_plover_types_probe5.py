"""An eighth PLOVER probe set, written for this project after test_plover_types_probe4.py: the language of the
CAMEO sub-codes in the old wire style the PLOVER gold standard edits (a party, a title and a verb, "the Algerian
president telephoned his Tunisian counterpart"), 211 sentences over the 16 categories, every region, capitals and
demonyms for states. The families it was written for, beyond the earlier sets: aid, supplies, trade or talks halted,
cut or withheld, a party that walks out of talks or a body, a mission ordered to leave (SANCTION, CAMEO 162-166);
property seized by a state (COERCE 1711); a call for a party to act (REQUEST); a siege laid (ASSAULT 191); a yield
refused with what it would give named ("will not allow the inspectors to visit": REJECT 124, and no promise of the
visit); a visit or talks ended, concluded or wrapped up (CONSULT, the visitor the source); an ultimatum told as time
given (THREATEN 139); power handed on (CONCEDE 0831); good offices offered (AGREE 039); thanks expressed
(SUPPORT); residence granted (AID 075). Court verdicts and sentences (ACCUSE 116, COERCE 173) stay unfixed misses:
as triggers they made records in WikiEvents sentences with no annotated event.

Scored as the evaluation scores PLOVER sentences, with the scorer of test_plover_probe.py (an asserted event of the
category anywhere; the source and target countries of the event that gets most fields right, in either order when
the two parties are joined by "and"). `python tests/test_plover_types_probe5.py` prints the figures per category
and every miss.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from test_plover_probe import measure as measure_probes

# (sentence, PLOVER category of its main act, source country, target country); None: no country or not scored
PROBES: list[tuple[str, str, str | None, str | None]] = [
    # -- REQUEST: appeals and demands, CAMEO 02/10 subcodes ------------------------------------------------
    ("The Malian government appealed to France for military help against the northern rebels.", "REQUEST", "MLI",
     "FRA"),
    ("Lebanon asked the United Nations to send more peacekeepers to the south.", "REQUEST", "LBN", None),
    ("Opposition leaders in Togo called for the resignation of President Eyadema.", "REQUEST", "TGO", "TGO"),
    ("Bolivian miners are demanding higher wages and better conditions from the government.", "REQUEST", "BOL", "BOL"),
    ("Zambia urged Zimbabwe to reopen its border to Zambian traders.", "REQUEST", "ZMB", "ZWE"),
    ("Pakistan has sought international assistance to cope with the floods.", "REQUEST", "PAK", None),
    ("The Armenian foreign minister pressed Turkey to lift its blockade of the border.", "REQUEST", "ARM", "TUR"),
    ("Human rights groups in Egypt want the government to free jailed bloggers.", "REQUEST", "EGY", "EGY"),
    ("Sri Lanka requested Indian help in tracking the rebel boats.", "REQUEST", "LKA", "IND"),
    ("Students in Jakarta insisted that President Suharto step down.", "REQUEST", "IDN", "IDN"),
    ("Ethiopia's prime minister appealed for calm after ethnic clashes in the south.", "REQUEST", "ETH", None),
    ("The Cypriot government urged Ankara to withdraw its troops from the island.", "REQUEST", "CYP", "TUR"),
    ("Kenyan church leaders have been lobbying the government to scrap the new tax.", "REQUEST", "KEN", "KEN"),
    ("Bangladesh called on Myanmar to take back the refugees.", "REQUEST", "BGD", "MMR"),
    ("Moscow demanded that Kiev hand over the ships.", "REQUEST", "RUS", "UKR"),
    ("Peruvian farmers petitioned Congress to restore crop subsidies.", "REQUEST", "PER", "PER"),
    ("The Philippine government asked the rebels to return to the negotiating table.", "REQUEST", "PHL", "PHL"),
    ("Chad renewed its call for Libya to pull its forces out of the Aouzou strip.", "REQUEST", "TCD", "LBY"),
    ("Albania has appealed for emergency food aid from the European Community.", "REQUEST", "ALB", None),
    ("Mongolian herders are pressing Ulan Bator for compensation after the harsh winter.", "REQUEST", "MNG", "MNG"),
    # -- ACCUSE: criticism, charges, investigations, lawsuits, verdicts ------------------------------------
    ("A Spanish judge opened an inquiry into the disappearance of Spanish citizens in Argentina.", "ACCUSE", "ESP",
     "ARG"),
    ("Belgian prosecutors are investigating a former minister over arms sales to Iran.", "ACCUSE", "BEL", "BEL"),
    ("The Indian government accused Pakistan of training militants in Kashmir.", "ACCUSE", "IND", "PAK"),
    ("Tanzania charged that Ugandan troops had shelled its border villages.", "ACCUSE", "TZA", "UGA"),
    ("A Kenyan court found a former minister guilty of corruption.", "ACCUSE", "KEN", "KEN"),
    ("The Greek government criticised Turkey for violating its airspace.", "ACCUSE", "GRC", "TUR"),
    ("Iran filed a complaint with the International Court of Justice against the United States.", "ACCUSE", "IRN",
     "USA"),
    ("The Nicaraguan government sued Costa Rica over the dredging of the river.", "ACCUSE", "NIC", "CRI"),
    ("Venezuela denounced the US naval presence in the Caribbean as a provocation.", "ACCUSE", "VEN", "USA"),
    ("Hungary condemned Romania's treatment of its ethnic Hungarian minority.", "ACCUSE", "HUN", "ROU"),
    ("Bulgarian authorities launched an investigation into the smuggling of weapons to Yemen.", "ACCUSE", "BGR", None),
    ("Amnesty International accused the Burmese army of torturing villagers.", "ACCUSE", None, "MMR"),
    ("Syria blamed Israel for the bombing in Damascus.", "ACCUSE", "SYR", "ISR"),
    ("Thailand protested to Cambodia over the shelling of a border village.", "ACCUSE", "THA", "KHM"),
    ("Baghdad rebuked Ankara for allowing Kurdish fighters across the border.", "ACCUSE", "IRQ", "TUR"),
    ("Polish officials deplored the desecration of Jewish graves in Lithuania.", "ACCUSE", "POL", "LTU"),
    ("The Senegalese president faulted Gambia for sheltering the separatists.", "ACCUSE", "SEN", "GMB"),
    ("A French court convicted six Algerian militants of plotting attacks in Paris.", "ACCUSE", "FRA", "DZA"),
    ("Croatia's parliament set up a commission to look into wartime abuses by the army.", "ACCUSE", "HRV", "HRV"),
    ("Ghana's opposition alleged that the ruling party had rigged the vote.", "ACCUSE", "GHA", "GHA"),
    # -- REJECT --------------------------------------------------------------------------------------------
    ("Morocco rejected a UN proposal for a referendum in Western Sahara.", "REJECT", "MAR", None),
    ("The Serbian government refused to hand over the indicted generals to the tribunal.", "REJECT", "SRB", None),
    ("Beijing turned down a Taiwanese offer of talks.", "REJECT", "CHN", "TWN"),
    ("Israel has ruled out any withdrawal from the Golan Heights.", "REJECT", "ISR", None),
    ("The Ugandan rebels spurned government calls to lay down their arms.", "REJECT", "UGA", "UGA"),
    ("Pyongyang dismissed Seoul's proposal for family reunions.", "REJECT", "PRK", "KOR"),
    ("Colombia's president declined an invitation to attend the summit in Caracas.", "REJECT", "COL", "VEN"),
    ("The Burmese junta defied international pressure to release the opposition leader.", "REJECT", "MMR", None),
    ("Britain vetoed the draft resolution on Rhodesia in the Security Council.", "REJECT", "GBR", None),
    ("Iraq will not allow the inspectors to visit presidential sites, the foreign minister said.", "REJECT", "IRQ",
     None),
    ("Haiti's military leaders refused to step down despite the threat of an invasion.", "REJECT", "HTI", None),
    ("Ecuador rebuffed Peru's request for joint border patrols.", "REJECT", "ECU", "PER"),
    # -- THREATEN ------------------------------------------------------------------------------------------
    ("The United States threatened to cut off aid to Guatemala over the killings.", "THREATEN", "USA", "GTM"),
    ("Turkey warned Syria that it would take military action if Damascus kept sheltering Kurdish rebels. "
     "", "THREATEN", "TUR", "SYR"),
    ("The Nigerian labour congress threatened a general strike over fuel prices.", "THREATEN", "NGA", "NGA"),
    ("China warned the Philippines against building on the disputed reef.", "THREATEN", "CHN", "PHL"),
    ("Ethiopia gave Eritrea a week to withdraw its troops from the border town.", "THREATEN", "ETH", "ERI"),
    ("The Sri Lankan government threatened to impose a state of emergency in the north.", "THREATEN", "LKA", None),
    ("Russia said it would cut gas supplies to Ukraine unless Kiev paid its debts.", "THREATEN", "RUS", "UKR"),
    ("The rebels vowed to attack government installations across Casamance.", "THREATEN", "SEN", "SEN"),
    ("Washington warned Belgrade of air strikes if it did not pull its forces out of Kosovo.", "THREATEN", "USA",
     "SRB"),
    ("The Kuwaiti emir threatened to dissolve parliament.", "THREATEN", "KWT", "KWT"),
    ("Opposition parties in Zambia threatened to boycott the elections.", "THREATEN", "ZMB", "ZMB"),
    ("Libya threatened to expel thousands of Egyptian workers.", "THREATEN", "LBY", "EGY"),
    # -- PROTEST -------------------------------------------------------------------------------------------
    ("Thousands of Czech students marched through Prague demanding free elections.", "PROTEST", "CZE", "CZE"),
    ("Kurdish prisoners in Turkish jails went on a hunger strike.", "PROTEST", "TUR", "TUR"),
    ("Lorry drivers blocked the main roads into Paris to protest against fuel taxes.", "PROTEST", "FRA", "FRA"),
    ("Hundreds of Palestinians rioted in Gaza after the killing of a youth.", "PROTEST", "PSE", None),
    ("South Korean students clashed with riot police during a rally against the government.", "PROTEST", "KOR", "KOR"),
    ("Polish dockworkers struck for higher pay.", "PROTEST", "POL", "POL"),
    ("Opposition deputies walked out of the Kenyan parliament in protest at the budget.", "PROTEST", "KEN", "KEN"),
    ("Bangladeshi opposition parties enforced a nationwide shutdown to press for new elections.", "PROTEST", "BGD",
     "BGD"),
    ("Greek Cypriots demonstrated outside the British bases against the detention of two men.", "PROTEST", "CYP",
     "GBR"),
    ("Chilean copper miners staged a sit-down strike at the El Teniente mine.", "PROTEST", "CHL", "CHL"),
    # -- SANCTION ------------------------------------------------------------------------------------------
    ("Iran severed diplomatic relations with Egypt.", "SANCTION", "IRN", "EGY"),
    ("The European Community imposed an arms embargo on Yugoslavia.", "SANCTION", None, "SRB"),
    ("Australia suspended military cooperation with Fiji after the coup.", "SANCTION", "AUS", "FJI"),
    ("Argentina recalled its ambassador from London.", "SANCTION", "ARG", "GBR"),
    ("The Sudanese government expelled the UN envoy.", "SANCTION", "SDN", None),
    ("Japan froze its loans to China after the crackdown.", "SANCTION", "JPN", "CHN"),
    ("The United States halted economic aid to Peru after the president dissolved Congress.", "SANCTION", "USA", "PER"),
    ("Eritrea ordered the UN peacekeepers to leave the country.", "SANCTION", "ERI", None),
    ("Venezuela broke off talks with Guyana over the border dispute.", "SANCTION", "VEN", "GUY"),
    ("Nigeria pulled out of the Commonwealth Games in protest at British policy.", "SANCTION", "NGA", "GBR"),
    ("Mali withdrew from the peace talks in Algiers.", "SANCTION", "MLI", None),
    ("Kenya closed its embassy in Mogadishu.", "SANCTION", "KEN", "SOM"),
    # -- COERCE --------------------------------------------------------------------------------------------
    ("Chinese police detained dozens of Tibetan monks in Lhasa.", "COERCE", "CHN", "CHN"),
    ("The Zimbabwean government seized white-owned farms.", "COERCE", "ZWE", "ZWE"),
    ("Uzbek authorities banned the main opposition party.", "COERCE", "UZB", "UZB"),
    ("Malaysia deported hundreds of Indonesian migrants.", "COERCE", "MYS", "IDN"),
    ("Algeria declared a state of emergency after the riots.", "COERCE", "DZA", None),
    ("Moroccan police used tear gas to break up a demonstration in Rabat.", "COERCE", "MAR", "MAR"),
    ("The Syrian government imposed a curfew on the city of Hama.", "COERCE", "SYR", None),
    ("A Turkish court sentenced a Kurdish mayor to ten years in prison.", "COERCE", "TUR", "TUR"),
    ("Serbian police confiscated copies of the opposition newspaper.", "COERCE", "SRB", None),
    ("The Cuban government jailed three dissidents for spreading enemy propaganda.", "COERCE", "CUB", "CUB"),
    ("Indian troops demolished the homes of suspected militants in Kashmir.", "COERCE", "IND", "IND"),
    ("Kazakh authorities placed the opposition leader under house arrest.", "COERCE", "KAZ", "KAZ"),
    # -- ASSAULT -------------------------------------------------------------------------------------------
    ("Serb gunmen beat up a group of Croatian farmers near Vukovar.", "ASSAULT", "SRB", "HRV"),
    ("Guerrillas kidnapped two Japanese engineers in southern Colombia.", "ASSAULT", "COL", "JPN"),
    ("Indian troops laid siege to the Golden Temple in Amritsar.", "ASSAULT", "IND", "IND"),
    ("Ethiopian troops occupied the disputed town of Badme.", "ASSAULT", "ETH", "ERI"),
    ("Rebels used villagers as human shields during the fighting in Sierra Leone.", "ASSAULT", "SLE", "SLE"),
    ("A car bomb exploded outside a police station in Bilbao, killing two officers.", "ASSAULT", None, "ESP"),
    ("Iraqi forces expelled thousands of Kurds from Kirkuk.", "ASSAULT", "IRQ", "IRQ"),
    ("Militiamen tortured detainees at a camp near Bunia.", "ASSAULT", "COD", "COD"),
    ("Turkish warplanes bombed Kurdish rebel bases in northern Iraq.", "ASSAULT", "TUR", "IRQ"),
    ("Israeli gunboats shelled Palestinian positions near Tyre.", "ASSAULT", "ISR", "PSE"),
    ("Unidentified gunmen assassinated the governor of Kandahar.", "ASSAULT", None, "AFG"),
    ("Liberian soldiers massacred villagers suspected of aiding the rebels.", "ASSAULT", "LBR", "LBR"),
    ("Tamil rebels hijacked a ferry carrying 40 passengers off Jaffna.", "ASSAULT", "LKA", "LKA"),
    ("Government troops blockaded the rebel-held town of Kismayo.", "ASSAULT", None, None),
    # -- MOBILIZE ------------------------------------------------------------------------------------------
    ("Greece put its armed forces on alert after Turkish ships entered the Aegean.", "MOBILIZE", "GRC", None),
    ("Venezuela moved troops to its border with Colombia.", "MOBILIZE", "VEN", "COL"),
    ("The Pakistani army called up reserves as tension with India rose.", "MOBILIZE", "PAK", None),
    ("Thai police stepped up security in Bangkok ahead of the rally.", "MOBILIZE", "THA", None),
    ("North Korea mobilised its army after the US exercises.", "MOBILIZE", "PRK", None),
    ("Egypt massed tanks along its border with Libya.", "MOBILIZE", "EGY", "LBY"),
    ("The Chinese navy held live-fire exercises off the coast of Fujian.", "MOBILIZE", "CHN", None),
    ("Nigeria deployed 3,000 soldiers to the oil-producing Delta region.", "MOBILIZE", "NGA", None),
    # -- CONSULT -------------------------------------------------------------------------------------------
    ("The Syrian foreign minister flew to Riyadh for talks with King Fahd.", "CONSULT", "SYR", "SAU"),
    ("Egyptian President Mubarak received the visiting Israeli foreign minister in Cairo.", "CONSULT", "EGY", "ISR"),
    ("Sudanese and Ugandan officials will meet in Nairobi next week.", "AGREE", "SDN", "UGA"),
    ("The Algerian president telephoned his Tunisian counterpart to discuss the crisis.", "CONSULT", "DZA", "TUN"),
    ("Norway mediated secret talks between Israel and the PLO.", "CONSULT", "NOR", "ISR"),
    ("Greek and Macedonian negotiators resumed talks in New York on the name dispute.", "CONSULT", "GRC", "MKD"),
    ("Iranian Foreign Minister Velayati arrived in Damascus on Tuesday for talks.", "CONSULT", "IRN", "SYR"),
    ("The Vietnamese prime minister ended a three-day visit to Laos.", "CONSULT", "VNM", "LAO"),
    ("Kenya's president hosted a summit of East African leaders in Nairobi.", "CONSULT", "KEN", None),
    # -- AGREE ---------------------------------------------------------------------------------------------
    ("Libya agreed to hand over the two suspects for trial in the Netherlands.", "AGREE", "LBY", "NLD"),
    ("Angola and South Africa signed a ceasefire agreement in Lusaka.", "AGREE", "AGO", "ZAF"),
    ("Cuba said it was ready to resume talks with the United States on migration.", "AGREE", "CUB", "USA"),
    ("The Indonesian foreign minister will visit Canberra next month.", "AGREE", "IDN", "AUS"),
    ("Syria expressed willingness to negotiate with Israel.", "AGREE", "SYR", "ISR"),
    ("Japan promised to give Vietnam $1 billion in aid.", "AGREE", "JPN", "VNM"),
    ("Chile and Argentina accepted papal mediation in the Beagle Channel dispute.", "AGREE", "CHL", "ARG"),
    ("The Pakistani government plans to open talks with the tribal leaders.", "AGREE", "PAK", "PAK"),
    # -- SUPPORT -------------------------------------------------------------------------------------------
    ("The Organisation of African Unity endorsed Nigeria's peace plan for Liberia.", "SUPPORT", None, "NGA"),
    ("Washington welcomed the release of the political prisoners by Rangoon.", "SUPPORT", "USA", "MMR"),
    ("The Chinese premier praised Pakistan as a reliable friend.", "SUPPORT", "CHN", "PAK"),
    ("Saudi Arabia recognised the new government of Kuwait in exile.", "SUPPORT", "SAU", "KWT"),
    ("The Nepali prime minister defended India's role in the talks.", "SUPPORT", "NPL", "IND"),
    ("Egypt apologised to Sudan for the detention of its fishermen.", "CONCEDE", "EGY", "SDN"),
    ("Moscow congratulated the new Georgian president on his victory.", "SUPPORT", "RUS", "GEO"),
    ("Jordan voiced support for the Iraqi position at the Arab summit.", "SUPPORT", "JOR", "IRQ"),
    # -- COOPERATE -----------------------------------------------------------------------------------------
    ("Spain and France agreed to share intelligence on the Basque separatists.", "COOPERATE", "ESP", "FRA"),
    ("Thailand extradited a suspected Malaysian drug lord to Kuala Lumpur.", "COOPERATE", "THA", "MYS"),
    ("Colombian and Ecuadorean troops launched joint patrols along the border.", "COOPERATE", "COL", "ECU"),
    ("Kenya handed over the genocide suspect to the Rwanda tribunal.", "COOPERATE", "KEN", None),
    ("Brazil and Argentina expanded their cooperation on nuclear energy.", "COOPERATE", "BRA", "ARG"),
    ("Indian and Sri Lankan navies conducted joint exercises.", "COOPERATE", "IND", "LKA"),
    # -- AID -----------------------------------------------------------------------------------------------
    ("Japan extended a $500 million loan to Indonesia.", "AID", "JPN", "IDN"),
    ("The World Food Programme airlifted food to famine victims in southern Sudan.", "AID", None, "SDN"),
    ("Russia sent tanks and helicopters to the government of Tajikistan.", "AID", "RUS", "TJK"),
    ("Costa Rica granted asylum to the former Honduran president.", "AID", "CRI", "HND"),
    ("Kuwait donated $20 million to the reconstruction of Lebanon.", "AID", "KWT", "LBN"),
    ("Germany provided humanitarian assistance to Kurdish refugees in Iran.", "AID", "DEU", "IRN"),
    # -- CONCEDE -------------------------------------------------------------------------------------------
    ("Israel released 400 Palestinian prisoners.", "RETREAT", "ISR", "PSE"),
    ("The Chinese government lifted martial law in Lhasa.", "CONCEDE", "CHN", None),
    ("Kenya's president agreed to allow multi-party elections.", "CONCEDE", "KEN", None),
    ("Iraq allowed the UN inspectors to enter the site.", "RETREAT", "IRQ", None),  # 0862 inspectors let in
    ("The Romanian prime minister resigned after weeks of protests.", "CONCEDE", "ROU", None),
    ("Burma's junta eased restrictions on the opposition party.", "CONCEDE", "MMR", "MMR"),
    ("The Thai junta lifted the ban on political gatherings in Bangkok.", "CONCEDE", "THA", None),
    ("Kenya's cabinet scrapped the contested tax on bread.", "CONCEDE", "KEN", None),
    ("Prime Minister Joseph Okafor of Nigeria stepped down after the vote of no confidence.", "CONCEDE", "NGA", None),
    ("The Moroccan interior ministry eased restrictions on foreign journalists.", "CONCEDE", "MAR", None),
    ("The Sudanese authorities lifted the state of emergency in Khartoum.", "CONCEDE", "SDN", None),
    ("Indonesia returned the seized fishing boats to Australia.", "RETREAT", "IDN", "AUS"),
    ("Serbian authorities freed the captured Croatian soldiers.", "RETREAT", "SRB", "HRV"),
    # -- RETREAT -------------------------------------------------------------------------------------------
    ("Vietnamese troops completed their withdrawal from Cambodia.", "RETREAT", "VNM", "KHM"),
    ("Some 300 Tamil rebels surrendered to the Sri Lankan army.", "RETREAT", "LKA", "LKA"),
    ("Rebel forces pulled back from the outskirts of Freetown.", "RETREAT", "SLE", None),
    ("Libyan troops evacuated their positions in northern Chad.", "RETREAT", "LBY", "TCD"),
    ("The militia disarmed under the peace agreement.", "RETREAT", None, None),
    # -- further sub-codes: wants, offers and intentions, refusals, thanks, power handed on, leave to stay -------
    ("Tunisian opposition parties want President Bourguiba to name a successor.", "REQUEST", "TUN", "TUN"),
    ("The Afghan government wants Pakistan to close the refugee camps.", "REQUEST", "AFG", "PAK"),
    ("Angola asked Zaire to stop the flow of arms to the rebels.", "REQUEST", "AGO", "COD"),
    ("The Danish government invited Sweden to join the talks.", "REQUEST", "DNK", "SWE"),
    ("Algerian Islamists are seeking the release of their jailed leaders.", "REQUEST", "DZA", "DZA"),
    ("Thousands of Haitians signed a petition asking the junta to step down.", "REQUEST", "HTI", "HTI"),
    ("The Namibian government has been pressing South Africa to hand over Walvis Bay.", "REQUEST", "NAM", "ZAF"),
    ("Yemen's president said the opposition must accept the election results.", "REQUEST", "YEM", "YEM"),
    ("Uruguay insists that Argentina lift the blockade of the bridges.", "REQUEST", "URY", "ARG"),
    ("The Lebanese prime minister sought Syrian backing for the reform plan.", "REQUEST", "LBN", "SYR"),
    ("Zaire is ready to send troops to Rwanda if asked, the defence minister said.", "AGREE", "COD", "RWA"),
    ("Mexico offered its good offices to end the conflict in Guatemala.", "AGREE", "MEX", "GTM"),
    ("Burkina Faso has agreed to receive the deposed president.", "AGREE", "BFA", None),
    ("India is prepared to resume the dialogue with Pakistan.", "AGREE", "IND", "PAK"),
    ("The Turkish prime minister is expected to visit Baku next month.", "AGREE", "TUR", "AZE"),
    ("The two Koreas agreed to hold a summit in June.", "AGREE", "PRK", "KOR"),
    ("Oman will host the next round of talks between Iran and the Gulf states.", "AGREE", "OMN", None),
    ("Kazakhstan intends to join the customs union with Russia.", "AGREE", "KAZ", "RUS"),
    ("The Guinean junta promised to hand power to civilians within a year.", "AGREE", "GIN", None),
    ("Croatia refused to let the Serb refugees return.", "REJECT", "HRV", None),
    ("The Bosnian Serbs would not sign the peace plan, their leader said.", "REJECT", "BIH", None),
    ("Pakistan denied Indian charges that it was arming the militants.", "REJECT", "PAK", "IND"),
    ("Nepal said it had no intention of expelling the Bhutanese refugees.", "REJECT", "NPL", None),
    ("The Khmer Rouge boycotted the elections.", "PROTEST", "KHM", None),
    ("Sudan threatened to close its border with Chad.", "THREATEN", "SDN", "TCD"),
    ("Iraq warned Kuwait it would not tolerate further oil theft.", "THREATEN", "IRQ", "KWT"),
    ("The rebels threatened to resume fighting if the government did not free their comrades.", "THREATEN", None, None),
    ("The Egyptian foreign minister denounced the Israeli raids as state terrorism.", "ACCUSE", "EGY", "ISR"),
    ("Somalia accused Ethiopian troops of crossing the border.", "ACCUSE", "SOM", "ETH"),
    ("Seoul lodged a formal protest with Tokyo over the textbooks.", "ACCUSE", "KOR", "JPN"),
    ("The Iranian foreign ministry summoned the British charge d'affaires.", "ACCUSE", "IRN", "GBR"),
    ("Kuwait expressed its appreciation for the Egyptian stand.", "SUPPORT", "KWT", "EGY"),
    ("Zambia hailed Angola's decision to release the prisoners.", "SUPPORT", "ZMB", "AGO"),
    ("Malaysia gave permission for the Indonesian navy to search its waters.", "CONCEDE", "MYS", "IDN"),
    ("The junta handed power to an elected civilian government.", "CONCEDE", None, None),
    ("Bahrain released 200 Shiite detainees on Thursday.", "RETREAT", "BHR", "BHR"),
    ("Hungarian border guards let the East German refugees cross into Austria.", "CONCEDE", "HUN", "DEU"),
    ("Sweden has granted residence permits to 300 Iraqi Kurds.", "AID", "SWE", "IRQ"),
    ("The US pledged $20 million for the reconstruction of Liberia.", "AID", "USA", "LBR"),
    ("Police in Nairobi arrested 40 Somali nationals.", "COERCE", "KEN", "SOM"),
    ("Guatemalan soldiers burned the homes of suspected guerrilla supporters.", "COERCE", "GTM", "GTM"),
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


# families fixed beyond the probe set (sentences written after the fixes, so they are tests, not a measure):
# (sentence, PLOVER category, source country, target country)
FAMILIES = [
    # (162/163) aid, loans, supplies or trade halted, cut or withheld
    ("Canada halted development aid to Haiti after the coup.", "SANCTION", "CAN", "HTI"),
    ("The Saudi government stopped oil shipments to Jordan.", "SANCTION", "SAU", "JOR"),
    ("Britain withheld loans to Kenya over the corruption scandal.", "SANCTION", "GBR", "KEN"),
    # (13) the same step announced on a condition is a threat
    ("Algeria said it would halt gas deliveries to Morocco unless Rabat paid its bills.", "THREATEN", "DZA", "MAR"),
    # (164) talks or a body left
    ("Bolivia withdrew from the border talks with Chile.", "SANCTION", "BOL", None),
    ("The Eritrean delegation pulled out of the talks in Algiers.", "SANCTION", "ERI", None),
    ("Morocco withdrew from the Organisation of African Unity in protest.", "SANCTION", "MAR", None),
    # (1711) property seized by a state
    ("The Ugandan government seized Asian-owned businesses in Kampala.", "COERCE", "UGA", None),
    ("Iranian authorities seized the homes of opposition activists.", "COERCE", "IRN", None),
    # (10) a call for a party to act
    ("Ghana repeated its call for Togo to reopen the border.", "REQUEST", "GHA", "TGO"),
    # (191) a siege laid
    ("Russian forces laid siege to Grozny in December.", "ASSAULT", "RUS", None),
    # (124) a yield refused, with what it would give named
    ("Cuba will not release the jailed dissidents, the foreign ministry said.", "REJECT", "CUB", None),
    ("Belgrade will not allow NATO troops to enter Kosovo.", "REJECT", "SRB", None),
    # (042) a visit or talks ended, concluded or wrapped up: the visitor acts
    ("The Nepali prime minister concluded a four-day visit to China on Sunday.", "CONSULT", "NPL", "CHN"),
    ("The Cuban foreign minister wrapped up a visit to Angola on Friday.", "CONSULT", "CUB", "AGO"),
]


@pytest.mark.parametrize("text,category,source,target", FAMILIES)
def test_families_fixed_beyond_the_probe_set(pipeline, text, category, source, target):
    events = [e for e in pipeline.extract(text) if e.modality == "asserted" and e.plover]
    assert category in {e.plover.event for e in events}
    matched = [e for e in events if e.plover.event == category]
    assert source is None or any(e.actor1 and e.actor1.country == source for e in matched)
    assert target is None or any(e.actor2 and e.actor2.country == target for e in matched)


@pytest.mark.parametrize("text,wrong", [
    ("The fighting halted aid deliveries to the north.", "SANCTION"),  # no party's step
    ("Police halted the march outside parliament.", "SANCTION"),  # a march stopped
    ("Rebels cut the supply lines to the besieged town.", "SANCTION"),  # a route cut in a war
    ("The company cut 400 jobs.", "SANCTION"),  # jobs cut
    ("Rebels seized the town of Gao after heavy fighting.", "COERCE"),  # ground taken stays a capture
    ("The president said he will not back down.", "REJECT"),  # resolve, no refusal of a yield named
    ("Troops withdrew from the town of Bor.", "SANCTION"),  # troops leaving a town retreat
    ("The minister made a phone call to his Kenyan counterpart.", "REQUEST"),  # a call by phone
])
def test_everyday_senses_of_the_new_words_are_no_such_event(pipeline, text, wrong):
    assert wrong not in {e.plover.event for e in pipeline.extract(text) if e.modality == "asserted" and e.plover}


@pytest.fixture(scope="module")
def figures(pipeline):
    return measure(pipeline)[0]


def test_the_probe_set_covers_every_category_five_times():
    counts = Counter(category for _, category, _, _ in PROBES)
    assert len(counts) == 16 and min(counts.values()) >= 5


def test_plover_categories_of_the_probe_set(figures):
    assert figures["type"] >= 0.86  # 0.801 before the fixes of this set, 0.867 with them


def test_source_countries_of_the_probe_set(figures):
    assert figures["source"] >= 0.89  # 0.851 before, 0.896 after


def test_target_countries_of_the_probe_set(figures):
    assert figures["target"] >= 0.79  # 0.778 before, 0.802 after


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    result, missed = measure(Pipeline(workers=1))
    for category, text, got, asserted in missed:
        print(f"{category:9} {'T' if got[0] else '-'}{'S' if got[1] else '-'}{'G' if got[2] else '-'}  {text}\n"
              f"          -> {asserted}")
    for rate, category in per_category(missed):
        print(f"{category:9} {rate:.2f}")
    print({k: round(v, 3) for k, v in result.items()})
