"""A third probe set for WHERE an event happened, in the style of the longer news reports linked from encyclopedia
articles: the spot named by its own proper name ("the Blue Lagoon restaurant", "the Al-Noor mosque") rather than
by a town, people who were somewhere when the blast went off, the place told in an earlier sentence of the
report, a dateline, the country against the town, "near/outside X", roads between towns, a town as a modifier of
the target, and places of other people in the sentence (home towns, reporters, officials). Written for this test
from the grammar of such reports: real and invented names, many countries and decades.

Each probe lists the words that may name the place; the scoring is the one of test_event_place_probe (a content
word of the location's name or text of the most confident asserted event told in the last sentence). The rate
must not fall below the floor measured when the set was written and the place code last changed.

`python tests/test_event_place_probe3.py` prints the rate and every miss."""

from __future__ import annotations

import pytest

from test_event_place_probe import place_hit, place_of

# (text, place words)
PROBES = [
    # -- a spot with a proper name of its own, which no gazetteer knows
    ("A bomb exploded in the crowded Golden Palm restaurant in Casablanca on Friday, killing six diners.",
     "golden palm restaurant casablanca"),
    ("Gunmen opened fire inside the Al-Rahma mosque in Kano during evening prayers, killing nine worshippers.",
     "rahma mosque kano"),
    ("A suicide bomber blew himself up at the Green Valley hotel in Mogadishu, killing 14 guests.",
     "green valley hotel mogadishu"),
    ("Two grenades were thrown into the Sunset Bar on the seafront of Mombasa, wounding 11 tourists.",
     "sunset bar mombasa seafront"),
    ("Militants stormed the St Anselm school in the village of Ruvo in central Nigeria, abducting 40 pupils.",
     "anselm school ruvo village"),
    ("An arson attack destroyed the Cedar Grove community centre in Leeds on Sunday.", "cedar grove centre leeds"),
    ("Armed men raided the Harmony Plaza shopping mall in Kisumu, killing a guard.", "harmony plaza mall kisumu"),
    # -- people who were somewhere when the blast went off
    ("A bomb went off in central Nairobi at lunchtime. Dozens of people were eating in the nearby Oasis cafe when the blast killed "
     "four of them.", "oasis cafe"),
    ("Friday brought fresh violence to Herat. Worshippers had gathered in the Grand Mosque of Tarvik for prayers when "
     "a bomber struck, killing 22.", "grand mosque tarvik"),
    ("Dar es Salaam was in mourning on Sunday. Many of the victims were shopping at the Kariakoo market when the "
     "explosion tore through the stalls.",
     "kariakoo market stalls"),
    ("Police in Cardiff sealed off the campus. Students were sitting exams in the main hall of Dornbrook College when "
     "a gunman opened fire, killing three.", "hall dornbrook college"),
    # -- the place in an earlier sentence of the report
    ("The attack happened in the northern Albanian town of Vostra shortly after midnight. Gunmen killed five members "
     "of one family.", "vostra town"),
    ("Violence returned to Baidoa this week. A car bomb killed seven soldiers at a checkpoint on Tuesday.",
     "baidoa checkpoint"),
    ("Residents of Kanjar district have fled in their thousands. On Sunday militants beheaded two village elders.",
     "kanjar district"),
    ("The market in Dengora, in Chad's Salamat region, was packed with shoppers. Then a bomb exploded, killing 31 people.",
     "dengora market"),
    ("Protests have spread across Valparaiso since March. Police fired tear gas at demonstrators on Friday.",
     "valparaiso"),
    ("Fighting has raged around Marib for months. On Monday missiles struck a camp for displaced families.",
     "marib camp"),
    # -- datelines
    ("KANDAHAR, Afghanistan (AP) - A bomb hidden in a motorcycle killed three policemen on Thursday, officials said.",
     "kandahar"),
    ("LAGOS, Nigeria - Gunmen kidnapped six schoolchildren from a bus on Monday, police said.", "lagos bus"),
    ("BEIRUT (Reuters) - An explosion ripped through a residential building in the south of the city, killing "
     "four.", "beirut building city"),
    ("PESHAWAR, Pakistan, May 3 - Militants attacked a police post overnight, killing two constables.",
     "peshawar post"),
    # -- the country against the town
    ("In Iraq, a suicide bomber killed 12 people at a checkpoint in the town of Tuz Khurmatu on Sunday.",
     "tuz khurmatu town checkpoint"),
    ("Al-Shabaab fighters attacked a hotel in Somalia's port of Kismayo, killing 26 people.", "kismayo hotel port"),
    ("Nigerian troops killed 17 insurgents in an ambush near Damboa, the army said.", "damboa ambush"),
    ("A court in Turkey sentenced two men for a 2016 bombing; on Monday police in Izmir arrested four more "
     "suspects.", "izmir"),
    ("France was shaken on Sunday when a man stabbed three people at a church in Nice.", "nice church"),
    # -- near, outside, between, roads
    ("A roadside bomb struck a minibus on the road from Herat to Kandahar, killing 11 passengers.",
     "herat kandahar road minibus"),
    ("Gunmen ambushed a convoy of aid trucks some 20 miles outside Juba on Saturday.", "juba convoy trucks"),
    ("A mortar shell landed near a primary school on the edge of Sabratha, wounding four children.",
     "sabratha school edge"),
    ("Bandits attacked travellers on the Kano-Maiduguri expressway, abducting 15 people.",
     "kano maiduguri expressway"),
    ("A bomb blast hit a freight train between Quetta and Sibi on Wednesday, killing the driver.",
     "quetta sibi train"),
    ("Two soldiers died when their vehicle hit a mine north of Ansongo.", "ansongo"),
    # -- a town as the modifier of the target
    ("A bomber attacked a Quetta hospital on Monday, killing 70 people, most of them lawyers.",
     "quetta hospital"),
    ("Gunmen raided a Nairobi shopping centre on Saturday, killing 67 shoppers.", "nairobi centre"),
    ("A blast wrecked a Damascus bakery on Saturday, killing eight people queuing for bread.",
     "damascus bakery"),
    ("Police arrested two teenagers after a fire at a Dublin synagogue.", "dublin synagogue"),
    # -- home towns, officials, reporters elsewhere in the sentence
    ("Three tourists from Osaka were killed when gunmen attacked a museum in Tunis.", "tunis museum"),
    ("A nurse who lived in Bradford was stabbed to death on a street in Manchester, police said.",
     "manchester street"),
    ("Gunmen killed 11 people at a wedding in Zaria, a police spokesman in Kaduna said.", "zaria wedding"),
    ("An official in Kabul told reporters that an airstrike had killed nine civilians in Kunduz.", "kunduz"),
    ("A family originally from Aleppo was among those killed when a shell hit their home in Afrin.",
     "afrin home"),
    ("Relatives in Lahore said the two men had been abducted in Karachi on their way to work.", "karachi"),
    # -- arrests, protests, movement in the report's place
    ("Police in Minneapolis arrested 40 people during a protest outside a precinct station on Tuesday.",
     "minneapolis station precinct"),
    ("Thousands of farmers marched on the parliament in New Delhi to protest against the new laws.",
     "delhi parliament"),
    ("Security forces detained a suspected recruiter at a house in the Sarajevo suburb of Ilidza.",
     "ilidza sarajevo house suburb"),
    ("Rebels attacked rangers in the forests of Virunga National Park, killing four of them.",
     "virunga park forests"),
    # -- passive and perfect reports, older decades
    ("On Sunday a truck bomb was detonated at the barracks of the marines in Beirut, killing 241 servicemen.",
     "beirut barracks"),
    ("Eighty-five people were killed when a bomb was set off in the waiting room of Bologna railway station on "
     "Saturday.", "bologna station waiting room"),
    ("On Wednesday a car bomb destroyed a federal building in Oklahoma City, killing 168 people.",
     "oklahoma building"),
    ("Gunmen shot dead eight people in a bar in the town of Greysteel, County Londonderry, on Saturday.",
     "greysteel bar town londonderry"),
    ("Attackers released a nerve agent on five trains of the Tokyo subway on Monday, killing 13 commuters.",
     "tokyo subway trains"),
    # -- headlines
    ("Car bomb kills nine outside Benghazi mosque", "benghazi mosque"),
    ("Militants storm hotel in Somali capital, 15 dead", "hotel somali capital mogadishu"),
    ("Gunmen kill seven at Ouagadougou cafe", "ouagadougou cafe"),
    ("Blast at Kirkuk market leaves 20 dead", "kirkuk market"),
    # -- invented places, local styles
    ("Two men were shot outside the Lantern pub on Harrow Road in the Welsh town of Pellham on Saturday night.",
     "lantern pub harrow road pellham"),
    ("Militiamen burned 40 houses in the hamlet of Tobaru in South Sudan's Kessen valley, residents said.",
     "tobaru hamlet kessen houses"),
    ("An improvised bomb damaged a power pylon near the village of Orzek in eastern Ukraine.",
     "orzek village pylon"),
    ("Fighters of the Ardent Sun movement overran an army camp at Lake Miru in Chad, killing 20 soldiers.",
     "miru lake camp"),
]

# measured when the set was written and the place code last changed (0.915 over 59 probes; 0.797 before the
# changes of issue 12 that came with it), less a little slack for parser ties
FLOOR = 0.89


@pytest.fixture(scope="module")
def results(pipeline):
    out = []
    for text, wanted in PROBES:
        loc = place_of(pipeline, text)
        shown = "-" if loc is None else f"{loc.name} / {loc.text}"
        out.append((text, place_hit(loc, wanted), shown))
    return out


def test_the_probe_set_is_large_and_varied():
    assert len(PROBES) >= 50
    assert len({t for t, _ in PROBES}) == len(PROBES)


@pytest.mark.parametrize("text, spot", [
    # the dateline's country is part of the dateline: the town is where the report places the event
    ("KANDAHAR, Afghanistan (AP) - A bomb hidden in a motorcycle killed three policemen on Thursday.", "kandahar"),
    # the spot of the clause the event is the moment of, kept when the event retells one placed in the town
    ("A bomb went off in central Nairobi at lunchtime. Dozens of people were eating in the nearby Oasis cafe when "
     "the blast killed four of them.", "oasis"),
    ("Friday brought fresh violence to Herat. Worshippers had gathered in the Grand Mosque of Tarvik for prayers "
     "when a bomber struck, killing 22.", "mosque"),
])
def test_the_event_is_placed_at_its_spot(pipeline, text, spot):
    loc = place_of(pipeline, text)
    assert loc is not None and place_hit(loc, spot), loc


def test_place_rate_holds(results):
    rate = sum(ok for _, ok, _ in results) / len(results)
    assert rate >= FLOOR, [(t, got) for t, ok, got in results if not ok]


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    pipe = Pipeline()
    hits = 0
    for text, wanted in PROBES:
        loc = place_of(pipe, text)
        ok = place_hit(loc, wanted)
        hits += ok
        if not ok:
            print(f"MISS  {text}\n      -> {'-' if loc is None else f'{loc.name} / {loc.text}'}")
    print(f"place {hits / len(PROBES):.3f} over {len(PROBES)} probes")
