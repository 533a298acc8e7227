"""A probe set of the parties' countries, written for this project after test_plover_probe3.py: the sentences whose
event happens somewhere other than at home for one of its parties, where the event's place must not lend its country
to a party that has none of its own in the text — a visit or a summit abroad, talks held in a third capital, a
protest at an embassy, exiles and diaspora, foreign troops fighting in another country — and the other ways a
sentence names a party's country: international organisations (no country), a leader named by title only in a
sentence about one country, capitals and seats of government for their states, demonyms of peoples with no state
of their own ("Kurdish fighters", "Tamil rebels": the state they fight in), named office holders, "the Ministry of
Defence of X", and states as the target of statements.

Scored as the evaluation scores PLOVER sentences, with the scorer of test_plover_probe.py; the tests hold the
figures at a floor. `python tests/test_actor_country_probe.py` prints the figures and every miss.
"""

from __future__ import annotations

import pytest

from test_plover_probe import measure as measure_probes
from test_plover_probe import score_probe

# (sentence, PLOVER category, source country, target country); None: the party has no country or is not scored
PROBES: list[tuple[str, str, str | None, str | None]] = [
    # -- visits, summits and talks abroad ------------------------------------------------------------------------
    ("Iran's foreign minister arrived in Moscow on Tuesday for talks with Russian officials.", "CONSULT", "IRN",
     "RUS"),
    ("The Kenyan president flew to Kampala for a summit with Ugandan leaders.", "CONSULT", "KEN", "UGA"),
    ("A Japanese trade delegation met Vietnamese officials in Hanoi to discuss investment.", "CONSULT", "JPN", "VNM"),
    ("The Chilean foreign minister visited Lima to discuss the maritime dispute with Peru.", "CONSULT", "CHL", "PER"),
    ("Turkish and Greek leaders met in Brussels on the sidelines of the NATO summit.", "CONSULT", "TUR", "GRC"),
    ("Leaders of Sudan and South Sudan met in Addis Ababa to discuss oil revenues.", "CONSULT", "SDN", "SSD"),
    ("The Indonesian president hosted the Australian prime minister in Bali.", "CONSULT", "IDN", "AUS"),
    ("The Malian foreign minister arrived in Algiers for talks with Algerian officials on the peace accord.",
     "CONSULT", "MLI", "DZA"),
    ("Pakistani and Indian officials held talks in Geneva on sharing the waters of the Indus.", "CONSULT", "PAK",
     "IND"),
    ("Government negotiators met FARC commanders in Havana for a new round of peace talks.", "CONSULT", "COL", "COL"),
    ("The Afghan government and the Taliban resumed peace talks in Doha on Saturday.", "CONSULT", "AFG", "AFG"),
    ("Yemen's government and the Houthi rebels agreed to a prisoner swap at talks in Stockholm.", "AGREE", "YEM",
     "YEM"),
    ("Ethiopia and Egypt signed an agreement on the Nile dam in Khartoum.", "AGREE", "ETH", "EGY"),
    ("The Armenian prime minister met the Azerbaijani president in Prague under EU mediation.", "CONSULT", "ARM",
     "AZE"),
    ("The Mozambican government and Renamo rebels signed a ceasefire in Rome in 1992.", "AGREE", "MOZ", "MOZ"),
    ("The Bolivian president met the Paraguayan president in Montevideo during the Mercosur summit.", "CONSULT",
     "BOL", "PRY"),
    ("Somalia's president travelled to Nairobi to meet Kenyan officials on the border dispute.", "CONSULT", "SOM",
     "KEN"),
    ("The Thai army chief met his Cambodian counterpart in Kuala Lumpur to ease tensions on the border.", "CONSULT",
     "THA", "KHM"),
    ("A Chinese envoy held talks with the Burmese junta in Naypyitaw.", "CONSULT", "CHN", "MMR"),
    ("The Ugandan president mediated talks between Burundian rivals in Arusha.", "CONSULT", "UGA", "BDI"),
    # -- embassies and consulates ----------------------------------------------------------------------------------
    ("Hundreds of protesters gathered outside the US embassy in Manila to demand the withdrawal of American troops.",
     "PROTEST", "PHL", "USA"),
    ("Students burned flags outside the French embassy in Dakar.", "PROTEST", "SEN", "FRA"),
    ("Demonstrators set fire to the Danish embassy in Beirut over the cartoons.", "PROTEST", "LBN", "DNK"),
    ("Iranian students protested outside the Saudi embassy in Tehran.", "PROTEST", "IRN", "SAU"),
    ("Protesters rallied outside the Swedish embassy in Baghdad after a Koran was burned in Stockholm.", "PROTEST",
     "IRQ", "SWE"),
    ("Pakistani lawyers demonstrated outside the American consulate in Lahore.", "PROTEST", "PAK", "USA"),
    ("Police in Seoul detained ten activists who had tried to enter the Japanese embassy.", "COERCE", "KOR", "KOR"),
    ("Kenya summoned the Somali ambassador in Nairobi over the remarks.", "ACCUSE", "KEN", "SOM"),
    ("Russia expelled two diplomats of the Polish embassy in Moscow.", "SANCTION", "RUS", "POL"),
    ("Crowds marched on the British embassy in Buenos Aires over the Falklands.", "PROTEST", "ARG", "GBR"),
    ("Thousands of Serbs protested outside the US embassy in Belgrade against the NATO bombing.", "PROTEST", "SRB",
     "USA"),
    ("Gunmen attacked the Indian consulate in Jalalabad, killing three guards.", "ASSAULT", None, "IND"),
    # -- exiles, refugees and diaspora ------------------------------------------------------------------------------
    ("Iranian exiles demonstrated in Paris against the government in Tehran.", "PROTEST", "IRN", "IRN"),
    ("Cuban exiles in Miami rallied against the Castro government.", "PROTEST", "CUB", "CUB"),
    ("Hundreds of Syrian refugees protested in Berlin against the Assad government.", "PROTEST", "SYR", "SYR"),
    ("Venezuelan migrants in Bogota held a rally against the Maduro government.", "PROTEST", "VEN", "VEN"),
    ("Eritrean exiles marched in London against the government in Asmara.", "PROTEST", "ERI", "ERI"),
    ("Exiled Burmese dissidents in Bangkok accused the military junta of massacring villagers.", "ACCUSE", "MMR",
     "MMR"),
    ("Belarusian opposition leaders in Vilnius urged the EU to tighten sanctions on Minsk.", "REQUEST", "BLR", None),
    ("Ethiopian exiles protested in Washington against the war in Tigray.", "PROTEST", "ETH", None),
    ("Chilean exiles in Stockholm denounced the Pinochet government.", "ACCUSE", "CHL", "CHL"),
    ("Rwandan refugees in Goma accused the Tutsi-led government in Kigali of persecution.", "ACCUSE", "RWA", "RWA"),
    # -- foreign troops in another country --------------------------------------------------------------------------
    ("French troops in Mali killed 20 jihadists near the border with Niger.", "ASSAULT", "FRA", "MLI"),
    ("American soldiers in Afghanistan detained a Taliban commander in Kandahar.", "COERCE", "USA", "AFG"),
    ("Russian jets bombed rebel-held towns in Syria's Idlib province.", "ASSAULT", "RUS", "SYR"),
    ("Rwandan troops deployed in Mozambique recaptured the port of Mocimboa da Praia from insurgents.", "ASSAULT",
     "RWA", "MOZ"),
    ("Kenyan soldiers in Somalia killed 30 al-Shabaab fighters in a raid.", "ASSAULT", "KEN", "SOM"),
    ("Ugandan troops fighting in South Sudan shelled rebel positions near Juba.", "ASSAULT", "UGA", "SSD"),
    ("Chadian soldiers serving in Mali were ambushed by militants near Kidal.", "ASSAULT", "MLI", "TCD"),
    ("Israeli aircraft struck Hezbollah positions in southern Lebanon.", "ASSAULT", "ISR", "LBN"),
    ("Indian peacekeepers in Sri Lanka clashed with Tamil Tigers near Jaffna.", "ASSAULT", "IND", "LKA"),
    ("Syrian troops in Lebanon arrested dozens of Christian militiamen in 1990.", "COERCE", "SYR", "LBN"),
    ("Vietnamese soldiers in Cambodia captured a Khmer Rouge base near the Thai border.", "ASSAULT", "VNM", "KHM"),
    ("Ethiopian troops in Somalia detained a senior Islamist leader in Baidoa.", "COERCE", "ETH", "SOM"),
    ("Cuban troops in Angola repulsed a South African attack near Cuito Cuanavale.", "ASSAULT", "CUB", "ZAF"),
    ("Turkish soldiers in northern Syria shelled Kurdish militia positions near Manbij.", "ASSAULT", "TUR", "SYR"),
    ("British troops in Sierra Leone freed six soldiers held by the West Side Boys.", "ASSAULT", "GBR", "SLE"),
    ("Nigerian peacekeepers in Liberia arrested two rebel commanders in Monrovia.", "COERCE", "NGA", "LBR"),
    # -- international organisations (no country of their own) --------------------------------------------------
    ("UN peacekeepers in Congo came under fire from M23 rebels near Goma.", "ASSAULT", "COD", None),
    ("The European Union imposed sanctions on Iranian officials over the crackdown.", "SANCTION", None, "IRN"),
    ("NATO warplanes struck Libyan government tanks near Misrata.", "ASSAULT", None, "LBY"),
    ("The UN Security Council condemned North Korea's missile launch.", "ACCUSE", None, "PRK"),
    ("Sri Lanka rejected the UN Human Rights Council's call for an international inquiry.", "REJECT", "LKA", None),
    ("The Arab League suspended Syria's membership in 2011.", "SANCTION", None, "SYR"),
    ("The African Union suspended Burkina Faso after the coup.", "SANCTION", None, "BFA"),
    ("Amnesty International accused Egyptian police of torturing detainees.", "ACCUSE", None, "EGY"),
    ("Venezuela expelled the head of the EU delegation in Caracas.", "SANCTION", "VEN", None),
    ("ECOWAS sent troops to Gambia to force Jammeh to step down.", "MOBILIZE", None, "GMB"),
    # -- a leader named by title only, in a sentence about one country -------------------------------------------
    ("The prime minister told parliament in New Delhi that Pakistan must stop cross-border terrorism.", "REQUEST",
     "IND", "PAK"),
    ("Speaking in Ankara, the president accused Greece of harbouring coup plotters.", "ACCUSE", "TUR", "GRC"),
    ("The South Korean president, on a visit to Tokyo, urged China to respect freedom of navigation.", "REQUEST",
     "KOR", "CHN"),
    ("The foreign ministry in Beijing lodged a protest with Japan over the visit to the shrine.", "ACCUSE", "CHN",
     "JPN"),
    ("The interior minister said in Rabat that police had arrested six Islamic State suspects.", "COERCE", "MAR",
     None),
    ("In Caracas, the defence minister accused Colombia of training paramilitaries.", "ACCUSE", "VEN", "COL"),
    # -- capitals and seats of government for their states -------------------------------------------------------
    ("Tashkent and Bishkek agreed to demarcate their border.", "AGREE", "UZB", "KGZ"),
    ("Abuja accused Yaounde of harbouring separatist leaders.", "ACCUSE", "NGA", "CMR"),
    ("Dhaka urged Naypyitaw to take back the Rohingya refugees.", "REQUEST", "BGD", "MMR"),
    ("Bogota expelled two Venezuelan diplomats on Friday.", "SANCTION", "COL", "VEN"),
    ("Islamabad recalled its high commissioner from New Delhi.", "SANCTION", "PAK", "IND"),
    ("Ankara threatened Stockholm with blocking its NATO membership.", "THREATEN", "TUR", "SWE"),
    ("Kinshasa accused Kigali of backing the M23 rebels.", "ACCUSE", "COD", "RWA"),
    ("Tripoli asked Rome for help in stopping the migrant boats.", "REQUEST", "LBY", "ITA"),
    ("Minsk rejected Vilnius's accusations of pushing migrants across the border.", "REJECT", "BLR", "LTU"),
    ("Canberra criticised Beijing for detaining an Australian journalist.", "ACCUSE", "AUS", "CHN"),
    ("Wellington sent police officers to Honiara to help restore order.", "AID", "NZL", "SLB"),
    ("The Kremlin accused Washington of fuelling the war.", "ACCUSE", "RUS", "USA"),
    ("The White House accused Beijing of hacking American firms.", "ACCUSE", "USA", "CHN"),
    ("Downing Street urged Tehran to free the British-Iranian aid worker.", "REQUEST", "GBR", "IRN"),
    ("The Pentagon accused Moscow of violating the arms control treaty.", "ACCUSE", "USA", "RUS"),
    # -- peoples without a state of their own, and demonyms on armed groups -----------------------------------------
    ("Kurdish fighters in northern Syria shelled Turkish border towns.", "ASSAULT", "SYR", "TUR"),
    ("Palestinian gunmen opened fire on an Israeli bus near Nablus.", "ASSAULT", "PSE", "ISR"),
    ("Tamil rebels attacked a Sri Lankan navy patrol boat off Trincomalee.", "ASSAULT", "LKA", "LKA"),
    ("Chechen rebels ambushed a Russian army convoy near Grozny.", "ASSAULT", "RUS", "RUS"),
    ("Basque separatists bombed a police barracks in Bilbao.", "ASSAULT", "ESP", "ESP"),
    ("Kurdish rebels killed four Iraqi soldiers near Kirkuk.", "ASSAULT", "IRQ", "IRQ"),
    ("Somali pirates hijacked a Greek tanker in the Gulf of Aden.", "ASSAULT", "SOM", "GRC"),
    ("Tuareg rebels seized the town of Menaka from the Malian army.", "ASSAULT", "MLI", "MLI"),
    ("Hutu militiamen from Rwanda attacked Congolese villages near Bukavu.", "ASSAULT", "RWA", "COD"),
    ("Karen guerrillas overran a Burmese army outpost on the Thai border.", "ASSAULT", "MMR", "MMR"),
    ("Sikh militants killed 12 bus passengers in Punjab.", "ASSAULT", "IND", "IND"),
    ("Baloch separatists attacked a Pakistani army camp in Turbat.", "ASSAULT", "PAK", "PAK"),
    # -- named office holders --------------------------------------------------------------------------------------
    ("Erdogan accused Israel of war crimes in Gaza.", "ACCUSE", "TUR", "ISR"),
    ("Netanyahu rejected the ceasefire proposal from Hamas.", "REJECT", "ISR", "PSE"),
    ("President Amadou Diallo of Guinea met the Liberian president in Conakry.", "CONSULT", "GIN", "LBR"),
    ("Prime Minister Tomas Varga of Slovakia criticised Brussels over the migration pact.", "ACCUSE", "SVK", None),
    ("Khamenei warned Washington against any attack on Iran.", "THREATEN", "IRN", "USA"),
    ("Zarif met his Omani counterpart in Muscat on Sunday.", "CONSULT", "IRN", "OMN"),
    ("Assad received the Iraqi prime minister in Damascus.", "CONSULT", "SYR", "IRQ"),
    ("Mahmoud Abbas urged Israel to halt settlement building.", "REQUEST", "PSE", "ISR"),
    # -- "the Ministry of ... of X" --------------------------------------------------------------------------------
    ("The Ministry of Defence of Ukraine said Russian forces shelled Kharkiv overnight.", "ASSAULT", "RUS", "UKR"),
    ("The Ministry of Foreign Affairs of Vietnam protested against Chinese oil drilling near the Paracels.", "ACCUSE",
     "VNM", "CHN"),
    ("The Interior Ministry of Kazakhstan detained 15 Kyrgyz traders.", "COERCE", "KAZ", "KGZ"),
    ("The Defence Ministry of Armenia accused Azerbaijani forces of shelling border villages.", "ACCUSE", "ARM",
     "AZE"),
    ("The Foreign Ministry of Qatar condemned the Israeli raid on Jenin.", "ACCUSE", "QAT", "ISR"),
    ("The Health Ministry of Sierra Leone asked Britain for more doctors.", "REQUEST", "SLE", "GBR"),
    # -- states as targets of statements ------------------------------------------------------------------------
    ("France urged Iran to release the detained aid worker.", "REQUEST", "FRA", "IRN"),
    ("Germany called on Turkey to free the jailed journalist.", "REQUEST", "DEU", "TUR"),
    ("Norway's foreign minister warned Moscow against any attack on Ukraine.", "THREATEN", "NOR", "RUS"),
    ("Brazil criticised Washington for spying on its president.", "ACCUSE", "BRA", "USA"),
    ("Seoul demanded that Tokyo apologise for the wartime abuses.", "REQUEST", "KOR", "JPN"),
    ("Egypt accused Sudan of allowing weapons to reach the Libyan militias.", "ACCUSE", "EGY", "SDN"),
    ("The Canadian government accused India of involvement in the killing of a Sikh activist.", "ACCUSE", "CAN",
     "IND"),
    ("Mexico asked the United States to extradite the former governor.", "REQUEST", "MEX", "USA"),
]

# two parties on an equal footing: either order is right
RECIPROCAL = {
    "Turkish and Greek leaders met in Brussels on the sidelines of the NATO summit.",
    "Leaders of Sudan and South Sudan met in Addis Ababa to discuss oil revenues.",
    "Pakistani and Indian officials held talks in Geneva on sharing the waters of the Indus.",
    "Ethiopia and Egypt signed an agreement on the Nile dam in Khartoum.",
    "Tashkent and Bishkek agreed to demarcate their border.",
    "Indian peacekeepers in Sri Lanka clashed with Tamil Tigers near Jaffna.",
    "Cuban troops in Angola repulsed a South African attack near Cuito Cuanavale.",
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
    assert figures["type"] >= 0.91  # 0.927 before the fixes and after (the fixes are of countries)


def test_source_countries_of_the_probe_set(figures):
    assert figures["source"] >= 0.93  # 0.904 before, 0.930 after, 0.939 with the place of a statement


def test_target_countries_of_the_probe_set(figures):
    # 0.853 before, 0.888 after, 0.897 with ground taken "from" a side, 0.905 with summits as occasions, 0.914
    # with attacks warded off
    assert figures["target"] >= 0.91


# families fixed beyond the probe set (sentences written after the fixes, so they are tests, not a measure)
FAMILIES = [
    # a state organ placed by its own phrase is that country's, wherever the event is
    ("Bolivian exiles marched in Lima against the government in La Paz.", "PROTEST", "BOL", "BOL"),
    ("The Foreign Ministry of Jordan condemned the Israeli strike on Gaza.", "ACCUSE", "JOR", "ISR"),
    # a protest at an embassy is aimed at the embassy's state
    ("Lebanese protesters gathered outside the Syrian embassy in Beirut.", "PROTEST", "LBN", "SYR"),
    # talks abroad: a state party of no country is the rebels' state, not the host's
    ("Government delegates and Tuareg rebels signed a peace accord in Algiers.", "AGREE", "MLI", "MLI"),
    # non-state parties "in" a capital are not placed by it (they are as often there for the talks)
    ("The government in Juba signed a ceasefire with rebels in Addis Ababa.", "AGREE", "SSD", "SSD"),
    # peoples whose rebels fight in several states: the state they fight in, else the usual group
    ("Tuareg rebels attacked a Nigerien army post near Agadez.", "ASSAULT", "NER", "NER"),
    ("Kurdish guerrillas ambushed Turkish soldiers in Sirnak province.", "ASSAULT", "TUR", "TUR"),
    ("Kurdish rebels occupied the Greek embassy in Vienna.", "ASSAULT", "TUR", "GRC"),
    # lifting a measure somewhere bears on that place, as imposing it does
    ("Sri Lanka lifted the curfew in Jaffna on Friday.", "CONCEDE", "LKA", "LKA"),
    # a counterpart is the other side, not the party's own man (whom it acts on stays the counterpart)
    ("The Kenyan president met his Ugandan counterpart on the sidelines of the AU summit.", "CONSULT", "KEN", "UGA"),
    ("The French foreign minister phoned his Iranian counterpart to demand the release of the hostages.", "CONSULT",
     "FRA", "IRN"),
    # ground taken "from" a side: that side is the one hit
    ("Chadian rebels seized the eastern town of Abeche from government troops.", "ASSAULT", "TCD", "TCD"),
    ("Ukrainian forces recaptured the village from Russian troops on Friday.", "ASSAULT", "UKR", "RUS"),
    # a statement's own place, told by a participle of speech on it, is the event's place (and the speaker's
    # country when no other names it)
    ("Speaking in Nairobi, the president accused Somalia of backing the militants.", "ACCUSE", "KEN", "SOM"),
    ("The foreign minister, speaking in Canberra, criticised Indonesia over the executions.", "ACCUSE", "AUS", "IDN"),
    # the summit a meeting is held on the sidelines of is an occasion, not the other side
    ("Turkey and Greece met on the sidelines of the NATO summit.", "CONSULT", "TUR", "GRC"),
    ("The presidents of Rwanda and Uganda met on the margins of the AU summit in Addis Ababa.", "CONSULT", "RWA",
     "UGA"),
    # an attack warded off names the side hit by its doer, a nationality of two words too
    ("Iraqi soldiers repelled a Syrian attack on the border post.", "ASSAULT", "IRQ", "SYR"),
    ("Saudi air defences repulsed a Yemeni missile attack on Jizan.", "ASSAULT", "SAU", "YEM"),
    ("Kenyan troops repulsed a South Sudanese raid near Lokichoggio.", "ASSAULT", "KEN", "SSD"),
    # exiles are people, counted ones too ("thousands of ... exiles"), of their own country wherever they march
    ("Thousands of Armenian exiles marched in Beirut against Turkey.", "PROTEST", "ARM", "TUR"),
    ("Hundreds of Eritrean exiles rallied in Tel Aviv against the government in Asmara.", "PROTEST", "ERI", "ERI"),
    ("Police in Nairobi arrested dozens of Ethiopian exiles.", "COERCE", "KEN", "ETH"),
    # nationalities joined before one head are a party each, when the catalogue knows no mention of them
    ("The Indian and Pakistani foreign ministers talked in Islamabad.", "CONSULT", "IND", "PAK"),
    ("The Chinese and Japanese prime ministers met in Lima.", "CONSULT", "CHN", "JPN"),
    ("U.S. and Russian negotiators met in Vienna.", "CONSULT", "USA", "RUS"),
    # an adverbial clause with its own subject tells another act
    ("Russia lifted the curfew on Tuesday in Chechnya, as police in Georgia detained Chechen fighters.", "CONCEDE",
     "RUS", "RUS"),
]


@pytest.mark.parametrize("text,category,source,target", FAMILIES)
def test_families_fixed_beyond_the_probe_set(pipeline, text, category, source, target):
    got = score_probe(pipeline.extract(text), category, source, target, reciprocal=" and " in text)
    assert got == (True, source is not None, target is not None)


def test_an_attack_repelled_by_a_side_is_not_that_sides_own(pipeline):
    events = pipeline.extract("The assault was repulsed by Malian soldiers near Gao.")
    repulsed = [e for e in events if e.trigger == "repulsed"]
    assert repulsed and repulsed[0].actor1 is not None and repulsed[0].actor1.country == "MLI"
    assert repulsed[0].actor2 is None or repulsed[0].actor2.name != repulsed[0].actor1.name


def test_a_subordinate_clause_names_no_target_of_the_main_verb(pipeline):
    events = pipeline.extract("India eased restrictions in Kashmir as Pakistani troops shelled border posts.")
    eased = [e for e in events if e.trigger == "eased"]
    assert eased and all(e.actor2 is None or e.actor2.country != "PAK" for e in eased)


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    result, missed = measure(Pipeline(workers=1))
    for category, text, got, asserted in missed:
        print(f"{category:9} {'T' if got[0] else '-'}{'S' if got[1] else '-'}{'G' if got[2] else '-'}  {text}\n"
              f"          -> {asserted}")
    print({k: round(v, 3) for k, v in result.items()}, len(PROBES))
