"""A probe set for the COUNTRY an event's place lies in when its town shares a name with places abroad ("places
that hold"): the same phrase names the unit around the town ("the Foo district of Bar province", "Bar's Foo
district", "the Ruritanian town of Foo", "Foo in the municipality of Bar", "Foo, Ruritania"), or the rest of the
report points to one country (its other places, the armed group it names), and a common noun is no place ("the
southern port city"). Written for this test: small towns of conflict countries and invented villages given the
names of real towns elsewhere (Halden, Mora, Trento, Salamanca ...), wire, local and headline styles, active and
passive, several decades; and controls where the famous place is meant.

Each probe gives the ISO3 country the most confident asserted event must be placed in. The rate is a stand-in
for held-out text: it must not fall below the floor measured when the set was written and the place code last
changed.

`python tests/test_place_context_probe.py` prints the rate and every miss."""

from __future__ import annotations

import pytest

from probes import event_country

# (text, ISO3 country of the event's place)
PROBES = [
    # -- "the Foo district / town / village of Bar province"
    ("Gunmen killed four policemen in the Halden district of northern Kunduz province on Tuesday.", "AFG"),
    ("A roadside bomb struck an army patrol in the Trento district of Helmand province, killing three soldiers.",
     "AFG"),
    ("Taliban fighters overran a checkpoint in the Mora district of Baghlan province overnight.", "AFG"),
    ("Militants attacked a polio team in the Safi tehsil of Mohmand district, killing two vaccinators.", "PAK"),
    ("Boko Haram insurgents raided the Bara village of Borno State, abducting 18 women.", "NGA"),
    ("Five civilians died when a mortar shell hit the Jena neighbourhood of Mosul in 2016.", "IRQ"),
    ("Security forces clashed with Maoist rebels in the Florence block of Dantewada district.", "IND"),
    ("A car bomb exploded in the Marino quarter of Benghazi, wounding nine people.", "LBY"),
    ("Gunmen shot dead a trader in the Salamanca area of Maiduguri on Friday.", "NGA"),
    ("Government troops shelled the Koro subdistrict of Idlib governorate, killing six civilians.", "SYR"),
    ("Al-Shabaab fighters stormed the Nazareth district of Lower Shabelle region in 2011.", "SOM"),
    ("An explosion ripped through a bus in the Carrizal sector of Cucuta on Sunday.", "COL"),
    ("Armed men burned 40 homes in the Toledo locality of Cabo Delgado province, the police said.", "MOZ"),
    ("ADF rebels killed 14 villagers in the Kent sector of Beni territory, North Kivu, in 2019.", "COD"),
    ("The army said it had killed 12 militants in the Palma district of the northern Mozambican province of Niassa.",
     "MOZ"),
    ("Police fired on protesters in the Bodo township of Rivers State in 1999.", "NGA"),
    # -- "Bar's Foo district"
    ("Two soldiers were killed in a Taliban attack on Kandahar's Halden district.", "AFG"),
    ("A suicide bomber struck a mosque in Nangarhar's Mora district, killing 20 worshippers.", "AFG"),
    ("Bandits killed 11 farmers in Zamfara's Bara area on Monday night.", "NGA"),
    ("Heavy fighting was reported in Aleppo's Salamanca district as rebels advanced.", "SYR"),
    ("Police arrested three suspects after a grenade attack in Mombasa's Florence estate.", "KEN"),
    ("Islamic State fighters ambushed soldiers in Diyala's Trento region, killing five.", "IRQ"),
    ("Militants blew up a school in Balochistan's Koro district in 2012.", "PAK"),
    ("Troops clashed with ELN guerrillas in Arauca's Carrizal municipality.", "COL"),
    # -- "the Ruritanian town / village of Foo"
    ("Suicide bombers attacked a busy market in the north Cameroonian town of Halden, killing 28 people.", "CMR"),
    ("Gunmen killed three soldiers at a checkpoint in the Malian town of Bara on Sunday.", "MLI"),
    ("Jihadists raided the Burkinabe village of Koro, killing 15 civilians.", "BFA"),
    ("A bomb exploded in the southwestern Pakistani town of Mandi, wounding six policemen.", "PAK"),
    ("Rebels seized the Congolese town of Marino after a day of fighting.", "COD"),
    ("Troops retook the northeastern Nigerian town of Palma from insurgents in 2015.", "NGA"),
    ("A drone strike hit a car near the Yemeni town of Trento, killing four suspected militants.", "YEM"),
    ("Protesters were shot dead in the Sudanese town of Florence in 2019.", "SDN"),
    ("Militants attacked an army post in the Nigerien village of Jena, near the border with Mali.", "NER"),
    ("The Afghan border town of Salamanca came under rocket fire on Thursday.", "AFG"),
    ("Kenya's coastal village of Mora was attacked by al-Shabaab gunmen overnight.", "KEN"),
    ("Mali's desert town of Tak was shelled on Monday, a spokesman said.", "MLI"),
    ("Islamists burned down a church in the Egyptian village of Nazareth in 2013.", "EGY"),
    ("Gunmen attacked a Shiite mosque in the Saudi town of Qadif, killing two policemen.", "SAU"),
    # -- "Foo in (the municipality of) Bar"
    ("A sniper killed a soldier in the village of Carrizal in the municipality of Convencion in Norte de Santander.",
     "COL"),
    ("Three people died in an attack on Halden in Borno State, officials said.", "NGA"),
    ("Security forces killed two militants in a gunfight in Trento in Jammu and Kashmir.", "IND"),
    ("A landmine killed four herders near the village of Mora in Tillaberi region.", "NER"),
    ("Gang members shot dead a police officer in the village of Salamanca in Guerrero state.", "MEX"),
    ("Militants beheaded a village chief in Koro in the Mopti region of central Mali.", "MLI"),
    ("A bomb went off in a market in Bodo in Cameroon's Far North region, killing 11 people.", "CMR"),
    ("Soldiers clashed with gunmen in Florence in the Philippine province of Sulu.", "PHL"),
    # -- "Foo, Ruritania": an address
    ("A man was beheaded by suspected jihadists in a village near Palma, Mozambique.", "MOZ"),
    ("JENA, Nigeria (AP) - Gunmen killed seven worshippers at a church on Sunday.", "NGA"),
    ("Rebels attacked a convoy near Halden, Chad, killing two soldiers.", "TCD"),
    ("A grenade was thrown into a bar in Marino, Burundi, wounding eight people.", "BDI"),
    ("An explosion hit a police station in Trento, Somalia, on Wednesday.", "SOM"),
    ("Six people were killed in clashes between farmers and herders in Bara, Sudan, in 2008.", "SDN"),
    ("Two soldiers were killed in the Halden district, Niger, when their vehicle hit a mine.", "NER"),
    ("Militants burned a school in the Trento area, Burkina Faso, in 2020.", "BFA"),
    ("A French soldier died in the Tak region, Chad, after a firefight with rebels.", "TCD"),
    # -- the report's other places and its armed groups
    ("Boko Haram militants attacked a military base near the town of Baga. The insurgents killed a soldier.", "NGA"),
    ("Al-Shabaab fighters stormed a police station in Halden, killing three officers.", "SOM"),
    ("The Taliban claimed an attack on a checkpoint in Mora that killed five soldiers.", "AFG"),
    ("Gunmen believed to be from Boko Haram killed 12 villagers in Koro, near Maiduguri.", "NGA"),
    ("Fighting raged in Idlib province on Monday. Government aircraft bombed a market in Salamanca, killing 19.",
     "SYR"),
    ("ELN guerrillas blew up a pipeline near Trento on Saturday, the Colombian army said.", "COL"),
    ("Abu Sayyaf gunmen kidnapped two fishermen off Jena in 2017.", "PHL"),
    ("Gunmen attack a Malian army checkpoint in the town of Lere, near the Mauritanian border, killing three.",
     "MLI"),
    ("Ecuadorian soldiers were wounded by a bomb in San Lorenzo, Esmeraldas province.", "ECU"),
    ("Houthi rebels shelled Mora, a village south of Taiz, killing four children.", "YEM"),
    ("ADF rebels killed nine people in Halden, a village near Beni.", "COD"),
    ("A Fulani militia attacked Florence, a farming village in Plateau State, killing 17.", "NGA"),
    # -- a common noun is no place
    ("A suicide bomber attacked the governor's convoy in the southern port city, killing five guards.", None),
    ("A bomb exploded near the main gate of the capital's central prison, wounding four people.", None),
    ("A car bomb exploded outside the provincial council building in the border town, killing six.", None),
    ("Gunmen shot dead the former head of a local peace committee.", None),
    ("A roadside bomb hit a police van on the highway, killing three officers.", None),
    # -- controls: the famous place is meant
    ("A suicide bomber killed 30 people in the Syrian city of Aleppo on Tuesday.", "SYR"),
    ("Refugees from Aleppo in Turkey protested outside the consulate in Gaziantep.", "TUR"),
    ("Gunmen shot dead two policemen in Kabul, Afghanistan, on Monday.", "AFG"),
    ("Police arrested 14 protesters in Paris, Texas, after a march turned violent.", "USA"),
    ("A bomb exploded at a bus station in Peshawar in Khyber Pakhtunkhwa province, killing nine.", "PAK"),
    ("Militants killed 12 soldiers in the Kunar province of Afghanistan in 2009.", "AFG"),
    ("Protesters clashed with riot police in Santiago, Chile, on Friday.", "CHL"),
    ("Two people were stabbed at a train station in Marseille in 2017.", "FRA"),
    ("A gunman opened fire at a mosque in Christchurch, New Zealand, killing 51 people.", "NZL"),
    ("Turkish-backed fighters shelled the town of Tal Rifaat, killing three civilians.", "SYR"),
]
# measured when the set was written and the place code last changed (0.854 over 82 probes; 0.402 before the
# changes of issue 12 family 7), less a little slack for parser ties
FLOOR = 0.82


def probe_results(pipeline) -> list[tuple[str, bool, str | None]]:
    out = []
    for text, want in PROBES:
        got = event_country(pipeline, text)
        out.append((text, got == want if want else got is None, got))
    return out


@pytest.fixture(scope="module")
def results(pipeline):
    return probe_results(pipeline)


def test_the_probe_set_is_large_and_varied():
    assert len(PROBES) >= 60
    assert len({t for t, _ in PROBES}) == len(PROBES)


def test_country_rate_holds(results):
    rate = sum(ok for _, ok, _ in results) / len(results)
    assert rate >= FLOOR, [(t, got) for t, ok, got in results if not ok]


def _places(pipeline, text: str) -> dict[str, tuple[str | None, str]]:
    """Each place mention's text -> (ISO3 country, feature) of its reading."""
    doc = pipeline.nlp(text)
    return {m.place.text: (m.place.country, m.place.feature) for m in pipeline.geoparser.parse(doc)}


def test_a_town_the_gazetteer_lacks_in_its_province_is_placed_at_the_province(pipeline):
    found = _places(pipeline, "Gunmen killed four policemen in the Halden district of northern Kunduz province.")
    assert found["Halden"] == ("AFG", "admin1")


def test_a_unit_before_of_is_held_by_the_name_after_it_not_the_one_before(pipeline):
    # "the Foo block of Bar district" is Bar's block: Bar is not read inside Foo's namesake abroad
    found = _places(pipeline, "Security forces clashed with Maoist rebels in the Florence block of Dantewada district.")
    assert found["Dantewada"][0] == "IND"


def test_a_big_town_is_not_moved_by_a_loose_in(pipeline):
    found = _places(pipeline, "Refugees from Aleppo in Turkey protested outside the consulate in Gaziantep.")
    assert found["Aleppo"][0] == "SYR"


def test_a_backer_named_by_its_country_does_not_move_a_village(pipeline):
    found = _places(pipeline, "Rebels backed by Turkey captured the village of Dabiq from Islamic State.")
    assert found["Dabiq"][0] == "SYR"


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    res = probe_results(Pipeline())
    for text, ok, got in res:
        if not ok:
            print(f"MISS  {text}\n      -> {got}")
    print(f"country {sum(ok for _, ok, _ in res) / len(res):.3f} over {len(res)} probes")
