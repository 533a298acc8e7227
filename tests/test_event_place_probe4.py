"""A fourth probe set for WHERE an event happened: reports that name no place at all, only their parties ("Maoist
rebels of the CPI (Maoist) torched three trucks", "Taliban fighters stormed a checkpoint, killing four
policemen"). ACLED still codes the country, and the parties tell it: a state's own forces under attack are at
home, a police force acts at home, an insurgent or rebel group fights in the country it is of. And people named
by the country they come from ("a Chinese national", "British tourists", "a Croatian hostage") are elsewhere:
their demonym is no country of the event's, nor are they a party at home; nor is a country named as the other
side of a border ("near the Iranian border", "close to the border with Burkina Faso"). Controls: a report
that names its place keeps it whatever the parties' country, and one whose parties tell no country stays
unplaced. Written for this test: groups and forces of many countries, wire, local and headline styles, active
and passive.

Each probe gives the ISO3 country the most confident asserted event must be placed in (None: no place). The rate
must not fall below the floor measured when the set was written and the place code last changed.

`python tests/test_event_place_probe4.py` prints the rate and every miss."""

from __future__ import annotations

import pytest

from probes import event_country

# (text, ISO3 country of the event's place, or None when nothing tells it)
PROBES = [
    # -- an insurgent or rebel group, at home
    ("Taliban fighters stormed a checkpoint before dawn, killing four policemen.", "AFG"),
    ("Al-Shabaab militants ambushed a convoy on Tuesday, killing five soldiers.", "SOM"),
    ("Gunmen from the New People's Army raided a banana plantation and burned two tractors.", "PHL"),
    ("FARC dissidents killed two soldiers in an ambush on Tuesday.", "COL"),
    ("Boko Haram fighters abducted 30 girls from a school overnight.", "NGA"),
    ("The Houthis fired a missile at an airport, wounding 12 civilians.", "YEM"),
    ("Militants of the Tehrik-i-Taliban Pakistan shot dead a polio worker on Monday.", "PAK"),
    ("Suspected ELN guerrillas blew up a section of an oil pipeline overnight, the company said.", "COL"),
    ("Shining Path remnants ambushed a police patrol, killing three officers.", "PER"),
    ("Fighters of the Allied Democratic Forces hacked 14 villagers to death in a night raid.", "COD"),
    ("Abu Sayyaf gunmen beheaded a captured soldier, the army said.", "PHL"),
    ("The LTTE set off a claymore mine under a bus, killing 20 passengers.", "LKA"),
    # -- a state's forces under attack, named without their country
    ("A roadside bomb killed three CRPF jawans on patrol on Sunday.", "IND"),
    ("Insurgents attacked a Frontier Corps post at night, killing two paramilitaries.", "PAK"),
    ("Gunmen opened fire on a Peshmerga checkpoint, wounding four fighters.", "IRQ"),
    ("A suicide car bomb struck a convoy of the Popular Mobilization Forces, killing nine.", "IRQ"),
    # -- both sides named by their groups and forces
    ("PKK militants attacked a gendarmerie outpost, killing three Turkish soldiers.", "TUR"),
    ("Maoist rebels of the CPI (Maoist) killed two policemen in an ambush.", "IND"),
    ("Hay'at Tahrir al-Sham fighters shelled a government position, killing two soldiers.", "SYR"),
    # -- headlines
    ("Taliban kill nine police in night raid", "AFG"),
    ("Al-Shabaab bomb kills three soldiers", "SOM"),
    ("Boko Haram gunmen kill 12 villagers", "NGA"),
    # -- people named by the country they come from are elsewhere: their demonym sets no country
    ("A Vietnamese seafarer kidnapped by Abu Sayyaf was killed while trying to escape.", "PHL"),
    ("Two Turkish citizens were abducted by Houthi rebels on the coast road.", "YEM"),
    ("Three Indian nationals were abducted by Taliban gunmen on their way to a power plant.", "AFG"),
    ("A Japanese diplomat was wounded when gunmen fired on his car.", None),
    ("A Croatian hostage was beheaded by Islamic State militants.", None),
    ("Two British tourists were shot dead by a gunman on a beach.", None),
    ("Gunmen kidnapped a Canadian expatriate from his home on Friday night.", None),
    ("Al-Shabaab fighters seized two Kenyan pilgrims at a roadblock.", "SOM"),
    ("Rioters set fire to a hostel housing Syrian refugees, police said.", None),
    # -- controls: a demonym of the country's own people or forces still places the event
    ("Three Pakistani soldiers were killed in a bomb attack.", "PAK"),
    ("An Iraqi cameraman was shot dead by militants.", "IRQ"),
    ("Gunmen killed two Nigerian policemen at a checkpoint.", "NGA"),
    # -- a country named as the other side of a border is the neighbour, not the event's
    ("Eleven soldiers were killed in an attack on a position of the Malian army close to the border with Burkina "
     "Faso.", "MLI"),
    ("Three people were killed when a car bomb exploded outside a police station near the Iranian border.", None),
    ("Gunmen opened fire on a bus in the Afghan border town of Torkham, which borders Pakistan, killing two.",
     "AFG"),
    ("Al-Shabaab fighters overran a Kenyan army camp near the Somali border, killing nine soldiers.", "KEN"),
    ("Militants attacked a Tunisian army post close to the Algerian frontier, killing four soldiers.", "TUN"),
    ("Gunmen killed six villagers in Diffa, a region bordering Nigeria.", "NER"),
    ("Turkish troops shelled Kurdish positions in Syria near the Turkish border.", "SYR"),
    ("Russian forces shelled the Ukrainian town of Sumy near the Russian border.", "UKR"),
    ("Smugglers fired on Bolivian customs officers near the Chilean border, wounding one.", "BOL"),
    # -- controls: the place named wins over the parties' country; no party with a country, no place
    ("Boko Haram fighters attacked the Cameroonian town of Kolofata, killing 11 villagers.", "CMR"),
    ("Taliban gunmen killed two policemen in the Pakistani city of Quetta.", "PAK"),
    ("Al-Shabaab militants stormed a hotel in the Kenyan town of Mandera, killing 12.", "KEN"),
    ("Unknown gunmen shot dead a shopkeeper on Sunday.", None),
    ("A bomb exploded outside a bank, wounding three passers-by.", None),
]

# measured when the set was written (0.979 over 48 probes; 0.312 before the parties placed an unplaced event and
# the demonyms of people abroad and the countries across a border stopped setting the country),
# less slack for parser ties
FLOOR = 0.92


@pytest.fixture(scope="module")
def results(pipeline):
    return [(text, want, event_country(pipeline, text)) for text, want in PROBES]


def test_the_probe_set_is_large_and_varied():
    assert len(PROBES) >= 25
    assert len({t for t, _ in PROBES}) == len(PROBES)


@pytest.mark.parametrize("text, iso3", [
    # a group of the country is at home; the victims' forces without a country are at home
    ("Taliban fighters stormed a checkpoint before dawn, killing four policemen.", "AFG"),
    ("FARC dissidents killed two soldiers in an ambush on Tuesday.", "COL"),
    # a place named in the report beats the parties' country
    ("Boko Haram fighters attacked the Cameroonian town of Kolofata, killing 11 villagers.", "CMR"),
    # no party tells a country: no place is made up
    ("Unknown gunmen shot dead a shopkeeper on Sunday.", None),
])
def test_an_unplaced_event_takes_its_parties_country(pipeline, text, iso3):
    assert event_country(pipeline, text) == iso3


def test_place_rate_holds(results):
    rate = sum(want == got for _, want, got in results) / len(results)
    assert rate >= FLOOR, [(t, want, got) for t, want, got in results if want != got]


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    pipe = Pipeline()
    hits = 0
    for text, want in PROBES:
        got = event_country(pipe, text)
        hits += want == got
        if want != got:
            print(f"MISS  {text}\n      -> {got} (want {want})")
    print(f"place {hits / len(PROBES):.3f} over {len(PROBES)} probes")
