"""A second probe set of the parties' countries, written for this project after test_actor_country_probe.py, on the
ways news names a state's actors that the first set has few of: seats of power and parliaments for their states
("Whitehall", "the Knesset", "the Duma"), capitals of every region as speakers and as the ones spoken to, nationality
adjectives on courts, prosecutors, drones, coast guards and juntas ("a Kenyan court", "Ukrainian drones"), office
holders named by title with their country after or before them ("the foreign minister of Chile", "Chile's
president"), states named as subject and object in pairs ("talks between Armenia and Azerbaijan"), a country's
organs in a text whose dateline or first sentence names the country, international bodies (no country of their
own) on either side, and the target of a sanction or an expulsion named by a demonym or a possessive ("sanctions on
Venezuela's oil sector", "expelled two Russian envoys").

Scored as the evaluation scores PLOVER sentences, with the scorer of test_plover_probe.py; the tests hold the
figures at a floor. `python tests/test_actor_country_probe2.py` prints the figures and every miss.
"""

from __future__ import annotations

import pytest

from test_plover_probe import measure as measure_probes
from test_plover_probe import score_probe

# (sentence, PLOVER category, source country, target country); None: the party has no country or is not scored
PROBES: list[tuple[str, str, str | None, str | None]] = [
    # -- seats of power, ministries and parliaments by their own names --------------------------------------------
    ("Whitehall summoned the Chinese ambassador over the hacking of the electoral register.", "ACCUSE", "GBR", "CHN"),
    ("The Elysee condemned the coup in Niamey and demanded the release of President Bazoum.", "ACCUSE", "FRA", "NER"),
    ("The Quai d'Orsay urged Algeria to release the jailed French writer.", "REQUEST", "FRA", "DZA"),
    ("The State Department accused Nicaragua of persecuting Catholic priests.", "ACCUSE", "USA", "NIC"),
    ("The Knesset approved a bill that bars the UN agency for Palestinian refugees from operating in Israel.",
     "COERCE", "ISR", None),
    ("The Russian Duma voted to annul the ratification of the nuclear test ban treaty.", "RETREAT", "RUS", None),
    ("The Bundestag voted to send tanks to Ukraine.", "AID", "DEU", "UKR"),
    ("Iran's parliament threatened to expel the inspectors of the atomic agency.", "THREATEN", "IRN", None),
    ("Ukraine's parliament banned the Russian Orthodox Church from operating in the country.", "COERCE", "UKR", "RUS"),
    ("The Polish parliament called on Germany to pay war reparations.", "REQUEST", "POL", "DEU"),
    ("The Turkish parliament ratified Sweden's accession to NATO.", "SUPPORT", "TUR", "SWE"),
    ("Japan's defence ministry protested to Beijing over a Chinese drone flying near Okinawa.", "ACCUSE", "JPN",
     "CHN"),
    ("South Korea's unification ministry urged Pyongyang to return the remains of the abductees.", "REQUEST", "KOR",
     "PRK"),
    ("The Indian foreign ministry rejected Ottawa's allegations as absurd.", "REJECT", "IND", "CAN"),
    ("The Pentagon sent two aircraft carriers to the eastern Mediterranean to deter Hezbollah.", "MOBILIZE", "USA",
     "LBN"),
    # -- capitals as speakers and as the ones spoken to ----------------------------------------------------------
    ("Addis Ababa accused Asmara of arming rebels in the Amhara region.", "ACCUSE", "ETH", "ERI"),
    ("Baku rejected Yerevan's proposal for international monitors on the border.", "REJECT", "AZE", "ARM"),
    ("Hanoi protested to Beijing over the sinking of a Vietnamese fishing boat.", "ACCUSE", "VNM", "CHN"),
    ("Manila accused Beijing of harassing its supply boats near the Second Thomas Shoal.", "ACCUSE", "PHL", "CHN"),
    ("Kampala denied Kinshasa's claims that Ugandan troops had crossed the border.", "REJECT", "UGA", "COD"),
    ("Riyadh and Tehran agreed to restore diplomatic ties after seven years.", "AGREE", "SAU", "IRN"),
    ("Pretoria urged Harare to hold free elections.", "REQUEST", "ZAF", "ZWE"),
    ("Rabat recalled its ambassador from Berlin over the Western Sahara dispute.", "SANCTION", "MAR", "DEU"),
    ("Cairo warned Addis Ababa against filling the dam without an agreement.", "THREATEN", "EGY", "ETH"),
    ("Amman condemned Israel's raid on the Al-Aqsa mosque compound.", "ACCUSE", "JOR", "ISR"),
    ("Baghdad summoned the Turkish charge d'affaires over the air strikes in Sinjar.", "ACCUSE", "IRQ", "TUR"),
    ("Pyongyang threatened Seoul with a nuclear response to the joint drills.", "THREATEN", "PRK", "KOR"),
    ("Taipei accused Beijing of sending spy balloons over the island.", "ACCUSE", "TWN", "CHN"),
    ("Caracas expelled the Spanish ambassador after the vote in Madrid.", "SANCTION", "VEN", "ESP"),
    ("Havana welcomed the decision by Washington to ease travel restrictions.", "SUPPORT", "CUB", "USA"),
    ("Brasilia offered to mediate between Caracas and Georgetown over the Essequibo.", "CONSULT", "BRA", "VEN"),
    ("Warsaw accused Minsk of sending migrants across the border.", "ACCUSE", "POL", "BLR"),
    ("Budapest blocked the EU aid package for Kyiv.", "REJECT", "HUN", None),
    ("Belgrade accused Pristina of provoking violence in the north of Kosovo.", "ACCUSE", "SRB", "XKX"),
    ("Chisinau expelled a Russian diplomat accused of spying.", "SANCTION", "MDA", "RUS"),
    ("Tbilisi accused Moscow of moving the boundary fence deeper into Georgian territory.", "ACCUSE", "GEO", "RUS"),
    ("Islamabad accused Kabul of sheltering Pakistani Taliban fighters.", "ACCUSE", "PAK", "AFG"),
    ("Colombo rejected New Delhi's request to let the research ship dock.", "REJECT", "LKA", "IND"),
    ("Jakarta sent food and medicine to Yangon after the earthquake.", "AID", "IDN", "MMR"),
    ("Quito broke off diplomatic relations with Mexico City after the raid on its embassy.", "SANCTION", "ECU", "MEX"),
    ("Ottawa expelled an Indian diplomat over the killing of a Sikh leader.", "SANCTION", "CAN", "IND"),
    ("Nairobi and Mogadishu agreed to reopen their border.", "AGREE", "KEN", "SOM"),
    ("Algiers recalled its ambassador to Madrid in protest at the new Spanish stance.", "SANCTION", "DZA", "ESP"),
    ("Doha hosted talks between Washington and the Taliban.", "CONSULT", "USA", "AFG"),
    ("Kyiv accused Budapest of blocking its path to the European Union.", "ACCUSE", "UKR", "HUN"),
    # -- nationality adjectives on courts, forces, weapons and officials ------------------------------------------
    ("A Kenyan court sentenced two Somali men to life in prison for the mall attack.", "COERCE", "KEN", "SOM"),
    ("Iranian diplomats walked out of the conference in protest at the Israeli speech.", "PROTEST", "IRN", "ISR"),
    ("Ukrainian drones struck an oil refinery in the Russian region of Ryazan.", "ASSAULT", "UKR", "RUS"),
    ("Sudanese paramilitaries shelled a market in El Fasher, killing 20 people.", "ASSAULT", "SDN", "SDN"),
    ("The Pakistani army killed eight militants in a raid in North Waziristan.", "ASSAULT", "PAK", "PAK"),
    ("Egyptian prosecutors charged 30 people with joining an outlawed group.", "ACCUSE", "EGY", "EGY"),
    ("Filipino coast guard vessels were blasted with water cannon by Chinese ships.", "ASSAULT", "CHN", "PHL"),
    ("Emirati jets bombed Houthi positions near Hodeidah.", "ASSAULT", "ARE", "YEM"),
    ("Burkinabe soldiers killed dozens of villagers in the north of the country.", "ASSAULT", "BFA", "BFA"),
    ("Ivorian police arrested 15 opposition activists in Abidjan.", "COERCE", "CIV", "CIV"),
    ("Malaysian police detained 40 Rohingya migrants who had landed on Langkawi.", "COERCE", "MYS", "MMR"),
    ("The Nigerien junta ordered French troops to leave the country.", "COERCE", "NER", "FRA"),
    ("A Guatemalan judge ordered the arrest of the former attorney general.", "COERCE", "GTM", "GTM"),
    ("Bahraini authorities jailed a prominent Shia cleric for ten years.", "COERCE", "BHR", "BHR"),
    ("Lebanese soldiers exchanged fire with Israeli troops on the border.", "ASSAULT", "LBN", "ISR"),
    ("Colombian troops killed a dissident FARC commander in Cauca.", "ASSAULT", "COL", "COL"),
    ("Mexican marines arrested a cartel leader in Sinaloa.", "COERCE", "MEX", "MEX"),
    ("Saudi border guards shot dead dozens of Ethiopian migrants at the Yemeni border.", "ASSAULT", "SAU", "ETH"),
    ("Greek coast guards pushed back a boat carrying Syrian refugees to Turkish waters.", "COERCE", "GRC", "SYR"),
    ("Tajik border guards clashed with Kyrgyz troops near the disputed enclave.", "ASSAULT", "TJK", "KGZ"),
    ("Algerian gendarmes arrested three Moroccan smugglers.", "COERCE", "DZA", "MAR"),
    ("Thai police deported 40 Uighurs to China.", "COERCE", "THA", "CHN"),
    ("Russian hackers attacked the computers of the Estonian government.", "ASSAULT", "RUS", "EST"),
    ("Congolese soldiers killed six Rwandan troops in a clash near Goma.", "ASSAULT", "COD", "RWA"),
    ("Eritrean forces looted homes in Tigrayan towns.", "ASSAULT", "ERI", "ETH"),
    ("The Venezuelan navy seized a Guyanese fishing boat.", "COERCE", "VEN", "GUY"),
    ("An Israeli court sentenced a Palestinian teenager to 12 years in prison.", "COERCE", "ISR", "PSE"),
    ("Tunisian authorities expelled hundreds of sub-Saharan migrants to the Libyan border.", "COERCE", "TUN", None),
    ("Azerbaijani forces shelled Armenian positions in Nagorno-Karabakh.", "ASSAULT", "AZE", "ARM"),
    ("Indian troops fired on Chinese soldiers in Ladakh.", "ASSAULT", "IND", "CHN"),
    ("Serbian police detained four Kosovo Albanian customs officers.", "COERCE", "SRB", "XKX"),
    ("Moroccan authorities arrested a Spanish journalist in Laayoune.", "COERCE", "MAR", "ESP"),
    # -- office holders named by title, their country after or before them ------------------------------------------
    ("The foreign minister of Chile criticised Argentina over the border post.", "ACCUSE", "CHL", "ARG"),
    ("Chile's president called on Bolivia to drop its claim to the sea.", "REQUEST", "CHL", "BOL"),
    ("The president of Ghana met the prime minister of India in Accra.", "CONSULT", "GHA", "IND"),
    ("Nigeria's army chief vowed to crush the separatists in the south-east.", "THREATEN", "NGA", "NGA"),
    ("Peru's top court ordered the release of former president Fujimori.", "CONCEDE", "PER", "PER"),
    ("Indonesia's navy seized a Vietnamese fishing boat near the Natuna Islands.", "COERCE", "IDN", "VNM"),
    ("The defence minister of Lithuania asked Germany for a permanent brigade.", "REQUEST", "LTU", "DEU"),
    ("Kazakhstan's security service detained a Russian citizen on suspicion of spying.", "COERCE", "KAZ", "RUS"),
    ("The prime minister of Pakistan accused India of meddling in Balochistan.", "ACCUSE", "PAK", "IND"),
    ("Zambia's president met the president of Tanzania to discuss the railway.", "CONSULT", "ZMB", "TZA"),
    ("The interior minister of Italy ordered the seizure of a German rescue ship.", "COERCE", "ITA", "DEU"),
    ("Uganda's military chief threatened to attack Nairobi.", "THREATEN", "UGA", "KEN"),
    ("The king of Jordan urged Israel to stop the settlement expansion.", "REQUEST", "JOR", "ISR"),
    ("The emir of Qatar received the president of Rwanda in Doha.", "CONSULT", "QAT", "RWA"),
    ("Senegal's foreign minister summoned the French ambassador.", "ACCUSE", "SEN", "FRA"),
    ("The Sri Lankan navy commander accused Indian trawlers of poaching.", "ACCUSE", "LKA", "IND"),
    ("Hungary's prime minister vetoed the sanctions on Russia.", "REJECT", "HUN", None),
    ("The chief of staff of the Mexican army met his Guatemalan counterpart on the border.", "CONSULT", "MEX", "GTM"),
    ("The head of Ukraine's military intelligence accused Belarus of massing troops.", "ACCUSE", "UKR", "BLR"),
    ("The attorney general of Brazil charged the former president with plotting a coup.", "ACCUSE", "BRA", "BRA"),
    ("Angola's president hosted talks between the leaders of Congo and Rwanda in Luanda.", "CONSULT", "COD", "RWA"),
    ("The Swedish prime minister apologised to Turkey for the burning of the Koran.", "CONCEDE", "SWE", "TUR"),
    # -- states named as subject and object -----------------------------------------------------------------------
    ("China accused Japan of militarising the region.", "ACCUSE", "CHN", "JPN"),
    ("Talks between Armenia and Azerbaijan collapsed in Washington.", "CONSULT", "ARM", "AZE"),
    ("Morocco and Israel signed a defence cooperation agreement.", "AGREE", "MAR", "ISR"),
    ("Poland closed its border with Belarus.", "COERCE", "POL", "BLR"),
    ("Ecuador asked Colombia for help in fighting drug gangs.", "REQUEST", "ECU", "COL"),
    ("Mali cut diplomatic ties with Ukraine.", "SANCTION", "MLI", "UKR"),
    ("Niger revoked its military agreement with the United States.", "SANCTION", "NER", "USA"),
    ("Guyana accused Venezuela of threatening its sovereignty.", "ACCUSE", "GUY", "VEN"),
    ("Kenya agreed to send police officers to Haiti.", "AGREE", "KEN", "HTI"),
    ("The talks between Serbia and Kosovo ended without a deal.", "CONSULT", "SRB", "XKX"),
    ("Cambodia and Thailand exchanged fire over the temple.", "ASSAULT", "KHM", "THA"),
    ("Iran seized a tanker bound for the United States in the Gulf of Oman.", "COERCE", "IRN", "USA"),
    ("Russia banned imports of Moldovan wine.", "SANCTION", "RUS", "MDA"),
    ("Sudan accused the United Arab Emirates of arming the Rapid Support Forces.", "ACCUSE", "SDN", "ARE"),
    ("Australia and Papua New Guinea signed a security pact.", "AGREE", "AUS", "PNG"),
    ("Libya and Tunisia agreed to reopen the Ras Jdir crossing.", "AGREE", "LBY", "TUN"),
    ("North Korea fired a missile over Japan.", "ASSAULT", "PRK", "JPN"),
    ("Israel and the UAE established diplomatic relations.", "AGREE", "ISR", "ARE"),
    ("Pakistan deported thousands of Afghans to Afghanistan.", "COERCE", "PAK", "AFG"),
    # -- a country's organs in a text whose dateline or first sentence names the country -------------------------
    ("KAMPALA, Uganda (Reuters) - Police arrested 40 supporters of the opposition leader on Monday.", "COERCE", "UGA",
     "UGA"),
    ("HARARE, Zimbabwe - The army deployed soldiers on the streets of the capital ahead of the vote.", "MOBILIZE",
     "ZWE", "ZWE"),
    ("CARACAS, Venezuela - The intelligence service detained a retired general accused of plotting a coup.", "COERCE",
     "VEN", "VEN"),
    ("DHAKA, Bangladesh (AP) - Security forces fired on students protesting job quotas.", "ASSAULT", "BGD", "BGD"),
    ("Protests spread across Kenya on Tuesday. Police fired tear gas at demonstrators in Nairobi.", "ASSAULT", "KEN",
     "KEN"),
    ("Tension is rising in Georgia over the foreign agents law. The interior ministry detained 20 protesters "
     "outside parliament.", "COERCE", "GEO", "GEO"),
    ("Elections in Mozambique were marred by fraud. The police shot dead two opposition lawyers in Maputo.",
     "ASSAULT", "MOZ", "MOZ"),
    ("Tunisia's president dissolved parliament last year. The justice ministry has since jailed several "
     "opposition leaders.", "COERCE", "TUN", "TUN"),
    ("LAGOS, Nigeria - The navy seized a tanker carrying stolen crude oil off the coast.", "COERCE", "NGA", None),
    ("Pakistan's government is under pressure. The army chief met the prime minister on Sunday.", "CONSULT", "PAK",
     "PAK"),
    ("YEREVAN, Armenia - The defence ministry accused Azerbaijani troops of firing on a border village.", "ACCUSE",
     "ARM", "AZE"),
    # -- international bodies on either side -----------------------------------------------------------------------
    ("The IMF approved a $3 billion loan for Egypt.", "AID", None, "EGY"),
    ("The International Criminal Court issued an arrest warrant for the Russian president.", "COERCE", None, "RUS"),
    ("The Red Cross delivered medical supplies to hospitals in Gaza.", "AID", None, "PSE"),
    ("The World Bank suspended lending to Uganda over the anti-gay law.", "SANCTION", None, "UGA"),
    ("The OSCE accused Belarus of rigging the presidential election.", "ACCUSE", None, "BLR"),
    ("The IAEA urged Iran to give its inspectors access to the enrichment sites.", "REQUEST", None, "IRN"),
    ("ASEAN barred Myanmar's junta chief from its summit.", "SANCTION", None, "MMR"),
    ("The WHO sent vaccines to Congo to fight the Ebola outbreak.", "AID", None, "COD"),
    ("Interpol issued a red notice for a former Brazilian minister.", "COERCE", None, "BRA"),
    ("The UN refugee agency criticised Greece over the pushbacks of migrants.", "ACCUSE", None, "GRC"),
    ("SADC sent troops to Mozambique to fight the insurgents in Cabo Delgado.", "MOBILIZE", None, "MOZ"),
    ("Turkey blocked NATO's plans for the defence of Poland.", "REJECT", "TUR", None),
    ("Rwanda rejected the UN report accusing it of backing the rebels.", "REJECT", "RWA", None),
    ("Burundi expelled the head of the World Health Organization's mission.", "SANCTION", "BDI", None),
    ("Ethiopia asked the African Union to mediate in the dispute with Egypt.", "REQUEST", "ETH", None),
    ("Mali ordered the UN peacekeeping mission to leave the country.", "COERCE", "MLI", None),
    # -- the target of a sanction, an expulsion or a statement named by a demonym or a possessive ------------------
    ("Washington imposed sanctions on Venezuela's oil sector.", "SANCTION", "USA", "VEN"),
    ("Germany expelled two Russian envoys over the murder in a Berlin park.", "SANCTION", "DEU", "RUS"),
    ("The EU froze the assets of Syrian officials.", "SANCTION", None, "SYR"),
    ("Canada imposed sanctions on Iranian judges.", "SANCTION", "CAN", "IRN"),
    ("Britain banned Chinese firms from its 5G network.", "SANCTION", "GBR", "CHN"),
    ("Kuwait deported 300 Egyptian workers.", "COERCE", "KWT", "EGY"),
    ("Turkey arrested three Swedish journalists in Istanbul.", "COERCE", "TUR", "SWE"),
    ("Japan condemned North Korea's latest missile test.", "ACCUSE", "JPN", "PRK"),
    ("Nigeria criticised Ghana's treatment of Nigerian traders.", "ACCUSE", "NGA", "GHA"),
    ("Argentina protested against Britain's military exercises in the Falklands.", "ACCUSE", "ARG", "GBR"),
    ("Ukraine welcomed Finland's decision to send more air defence systems.", "SUPPORT", "UKR", "FIN"),
    ("France suspended aid to Burkina Faso's military government.", "SANCTION", "FRA", "BFA"),
    ("The US blacklisted Chinese companies that supply the Russian army.", "SANCTION", "USA", "CHN"),
    ("Saudi Arabia executed two Bahraini men convicted of terrorism.", "ASSAULT", "SAU", "BHR"),
    ("Switzerland froze the bank accounts of Ukrainian officials.", "SANCTION", "CHE", "UKR"),
    ("Lithuania closed its border crossings with Belarus.", "COERCE", "LTU", "BLR"),
    ("India banned Pakistani ships from its ports.", "SANCTION", "IND", "PAK"),
    ("South Africa recalled its diplomats from Tel Aviv.", "SANCTION", "ZAF", "ISR"),
    ("Vietnam protested against the Chinese survey ship in its waters.", "ACCUSE", "VNM", "CHN"),
]

# two parties on an equal footing: either order is right
RECIPROCAL = {
    "Riyadh and Tehran agreed to restore diplomatic ties after seven years.",
    "Nairobi and Mogadishu agreed to reopen their border.",
    "Lebanese soldiers exchanged fire with Israeli troops on the border.",
    "Tajik border guards clashed with Kyrgyz troops near the disputed enclave.",
    "Congolese soldiers killed six Rwandan troops in a clash near Goma.",
    "The president of Ghana met the prime minister of India in Accra.",
    "Zambia's president met the president of Tanzania to discuss the railway.",
    "The emir of Qatar received the president of Rwanda in Doha.",
    "The chief of staff of the Mexican army met his Guatemalan counterpart on the border.",
    "Angola's president hosted talks between the leaders of Congo and Rwanda in Luanda.",
    "Talks between Armenia and Azerbaijan collapsed in Washington.",
    "Morocco and Israel signed a defence cooperation agreement.",
    "The talks between Serbia and Kosovo ended without a deal.",
    "Cambodia and Thailand exchanged fire over the temple.",
    "Australia and Papua New Guinea signed a security pact.",
    "Libya and Tunisia agreed to reopen the Ras Jdir crossing.",
    "Israel and the UAE established diplomatic relations.",
    "Doha hosted talks between Washington and the Taliban.",
}


def measure(pipeline):
    """The figures over this probe set and the misses, scored as test_plover_probe.py scores its own."""
    return measure_probes(pipeline, PROBES, RECIPROCAL)


@pytest.fixture(scope="module")
def figures(pipeline):
    return measure(pipeline)[0]


def test_the_probe_set_is_large_enough():
    assert len(PROBES) >= 150


def test_source_countries_of_the_probe_set(figures):
    # 0.855 before and after (most misses are sentences with no event of the category: no pair to score)
    assert figures["source"] >= 0.85


def test_target_countries_of_the_probe_set(figures):
    # 0.836 before, 0.855 after (fire traded "with" a side on the border, Tel Aviv and Yangon as seats of state)
    assert figures["target"] >= 0.85


# families fixed beyond the probe set (sentences written after the fixes, so they are tests, not a measure)
FAMILIES = [
    # two nations joined by a hyphen on a noun of two sides are its two parties, combining forms too
    ("Sino-Vietnamese border talks resumed in Hanoi.", "CONSULT", "CHN", "VNM"),
    ("Indo-Bangladeshi talks on the river waters ended in Dhaka.", "CONSULT", "IND", "BGD"),
    ("The Anglo-French summit agreed on a plan to stop the small boats.", "CONSULT", "GBR", "FRA"),
    ("U.S.-Cuban talks on migration opened in Havana.", "CONSULT", "USA", "CUB"),
    ("Ethiopia-Somalia talks on the port deal stalled.", "CONSULT", "ETH", "SOM"),
    ("Thai-Cambodian border clashes erupted near the temple.", "ASSAULT", "THA", "KHM"),
    # fire traded "with" a side is aimed at it, wherever the sentence says it happened
    ("Afghan soldiers exchanged fire with Iranian border guards on the border.", "ASSAULT", "AFG", "IRN"),
    ("Eritrean troops traded fire with Ethiopian forces along the frontier.", "ASSAULT", "ERI", "ETH"),
    # seats of state that are not the capital of record, and state organs known by names of their own
    ("Turkey recalled its ambassador from Tel Aviv.", "SANCTION", "TUR", "ISR"),
    ("Bangkok sent rice and medicine to Yangon after the cyclone.", "AID", "THA", "MMR"),
    ("The Pope urged Russia to return the Ukrainian children.", "REQUEST", "VAT", "RUS"),
    ("The Taoiseach criticised Israel over the deaths of Irish peacekeepers.", "ACCUSE", "IRL", "ISR"),
    ("Malacanang accused Beijing of harassing a government ship.", "ACCUSE", "PHL", "CHN"),
    ("Capitol Hill condemned Russia over the jailing of the journalist.", "ACCUSE", "USA", "RUS"),
]


@pytest.mark.parametrize("text,category,source,target", FAMILIES)
def test_families_fixed_beyond_the_probe_set(pipeline, text, category, source, target):
    got = score_probe(pipeline.extract(text), category, source, target, reciprocal=False)
    assert got[1:] == (source is not None, target is not None)


def test_a_pair_of_nations_on_a_one_sided_noun_is_not_two_sides(pipeline):
    events = pipeline.extract("Saudi-Emirati air strikes hit the port of Hodeidah.")
    assert events and all(e.actor2 is None or e.actor2.country not in ("SAU", "ARE") for e in events)


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    result, missed = measure(Pipeline(workers=1))
    for category, text, got, asserted in missed:
        print(f"{category:9} {'T' if got[0] else '-'}{'S' if got[1] else '-'}{'G' if got[2] else '-'}  {text}\n"
              f"          -> {asserted}")
    print({k: round(v, 3) for k, v in result.items()}, len(PROBES))
