"""A second PLOVER probe set, written for this project after the first one (test_plover_probe.py): the categories
that pass left over. Telling or urging a party to act is REQUEST; allowing or permitting a party to act is CONCEDE
(a promise to allow is AGREE); test-firing a missile, parading new weapons and naval drills are force posture
(MOBILIZE), not ASSAULT; expelling foreign workers or migrants is COERCE (expelling diplomats is SANCTION); two
countries joined by "and" are both parties, never a place.

Scored as the evaluation scores PLOVER sentences, with the scorer of test_plover_probe.py; the tests hold the
figures at a floor. `python tests/test_plover_probe2.py` prints the figures and every miss.
"""

from __future__ import annotations

import pytest

from test_plover_probe import measure as measure_probes
from test_plover_probe import score_probe

# (sentence, PLOVER category, source country, target country); None: the party has no country or is not scored
PROBES: list[tuple[str, str, str | None, str | None]] = [
    # -- REQUEST: telling, urging, asking a party to act -------------------------------------------------------
    ("Lithuania told Belarus to withdraw its border guards from the crossing.", "REQUEST", "LTU", "BLR"),
    ("The Malian junta told France to pull its ambassador out within 72 hours.", "REQUEST", "MLI", "FRA"),
    ("Peru urged Ecuador to reopen the border to lorries.", "REQUEST", "PER", "ECU"),
    ("Zambia asked Zimbabwe to release three fishermen held since May.", "REQUEST", "ZMB", "ZWE"),
    ("The Tanzanian foreign minister urged Kenya to lift the tariff on maize.", "REQUEST", "TZA", "KEN"),
    ("Fiji urges Vanuatu to return seized fishing boats", "REQUEST", "FJI", "VUT"),
    ("Kazakhstan was urged by Russia to extradite the former banker.", "REQUEST", "RUS", "KAZ"),
    ("President Oduya told Uganda to stop arming the rebels in the north.", "REQUEST", None, "UGA"),
    ("Costa Rica asked Panama for help in tracing the missing vessel.", "REQUEST", "CRI", "PAN"),
    ("Norway pressed Iceland to reconsider its whaling quota.", "REQUEST", "NOR", "ISL"),
    # -- CONCEDE: allowing, permitting, letting ---------------------------------------------------------------
    ("Israel allowed Egyptian fuel trucks to enter the Gaza Strip on Sunday.", "CONCEDE", "ISR", "EGY"),
    ("Turkey agreed to let Swedish investigators inspect the wreck.", "CONCEDE", "TUR", "SWE"),
    ("Azerbaijan permitted Armenian pilgrims to visit the monastery.", "CONCEDE", "AZE", "ARM"),
    ("Myanmar's military allowed a UN team to enter Rakhine state.", "CONCEDE", "MMR", None),
    ("Algeria let Malian refugees cross the border at Bordj Badji Mokhtar.", "CONCEDE", "DZA", "MLI"),
    ("Serbian authorities allowed Kosovo Albanian voters to cast ballots in the north.", "CONCEDE", "SRB", None),
    ("China permits Taiwanese journalists to cover the summit", "CONCEDE", "CHN", "TWN"),
    ("Cuban officials allowed American diplomats to visit the jailed contractor.", "CONCEDE", "CUB", "USA"),
    ("Venezuela granted permission for Brazilian aircraft to land in Caracas.", "CONCEDE", "VEN", "BRA"),
    ("Egypt agreed to allow wounded Palestinians to cross at Rafah.", "CONCEDE", "EGY", "PSE"),
    # (a promise to allow later is AGREE)
    ("Ukraine promised to let Polish inspectors check the grain shipments next month.", "AGREE", "UKR", "POL"),
    # -- MOBILIZE: tests, parades, naval drills -------------------------------------------------------------
    ("North Korea test-fired two ballistic missiles into the sea on Thursday.", "MOBILIZE", "PRK", None),
    ("Pakistan successfully test-fired a nuclear-capable cruise missile.", "MOBILIZE", "PAK", None),
    ("Iran tested a new long-range missile, state television said.", "MOBILIZE", "IRN", None),
    ("India conducted a test launch of its Agni missile off the coast of Odisha.", "MOBILIZE", "IND", None),
    ("The test-firing of a hypersonic missile by Russia drew criticism from Norway.", "MOBILIZE", "RUS", None),
    ("North Korea paraded new intercontinental missiles through Pyongyang.", "MOBILIZE", "PRK", None),
    ("Tanks and rocket launchers rolled through Tehran in a military parade showcasing new weapons.", "MOBILIZE",
     "IRN", None),
    ("The Chinese navy held live-fire drills in the South China Sea.", "MOBILIZE", "CHN", None),
    ("Iranian warships staged naval drills in the Strait of Hormuz on Monday.", "MOBILIZE", "IRN", None),
    ("Greek naval exercises near Crete angered Turkey", "MOBILIZE", "GRC", None),
    ("The Venezuelan navy carried out manoeuvres off the coast of Guyana.", "MOBILIZE", "VEN", "GUY"),
    ("South Korea fired artillery rounds into the sea during a military exercise near the border.", "MOBILIZE",
     "KOR", None),
    # -- COERCE: expelling workers, migrants, foreigners ----------------------------------------------------
    ("Saudi Arabia expelled thousands of Ethiopian migrant workers.", "COERCE", "SAU", "ETH"),
    ("Equatorial Guinea expels Cameroonian traders", "COERCE", "GNQ", "CMR"),
    ("Libyan authorities expelled 400 Nigerien migrants across the southern border.", "COERCE", "LBY", "NER"),
    ("Angola expelled hundreds of Congolese diamond miners from Lunda Norte.", "COERCE", "AGO", "COD"),
    ("The Dominican Republic deported thousands of Haitians last week.", "COERCE", "DOM", "HTI"),
    ("The expulsion of Ghanaian workers from Nigeria began on Monday.", "COERCE", "NGA", "GHA"),
    ("Tunisia rounded up and expelled sub-Saharan migrants from Sfax.", "COERCE", "TUN", None),
    # (expelling diplomats stays SANCTION)
    ("Poland expelled two Russian diplomats accused of spying.", "SANCTION", "POL", "RUS"),
    ("Mali expels French ambassador", "SANCTION", "MLI", "FRA"),
    # -- two countries joined by "and": both parties -------------------------------------------------------
    ("Ghana and Togo signed a deal on electricity supply.", "AGREE", "GHA", "TGO"),
    ("Chad and Niger agreed to set up a joint border force.", "AGREE", "TCD", "NER"),
    ("Benin and Burkina Faso held talks on border security in Cotonou.", "CONSULT", "BEN", "BFA"),
    ("Gabon and Congo signed a memorandum on fishing rights.", "AGREE", "GAB", "COG"),
    ("Jordan and Iraq signed an agreement on a new oil pipeline.", "AGREE", "JOR", "IRQ"),
    ("Georgia and Moldova discussed energy cooperation in Chisinau.", "CONSULT", "GEO", "MDA"),
    ("Cyprus and Lebanon signed a maritime border accord", "AGREE", "CYP", "LBN"),
    ("Nepal and Bhutan agreed to open a new trade route.", "AGREE", "NPL", "BTN"),
]

# two parties on an equal footing: either order is right
RECIPROCAL = {text for text, *_ in PROBES[-8:]}


def measure(pipeline):
    """The figures over this probe set and the misses, scored as test_plover_probe.py scores its own."""
    return measure_probes(pipeline, PROBES, RECIPROCAL)


@pytest.fixture(scope="module")
def figures(pipeline):
    return measure(pipeline)[0]


def test_the_probe_set_is_large_enough():
    assert len(PROBES) >= 40


def test_plover_categories_of_the_probe_set(figures):
    assert figures["type"] >= 0.95  # 0.48 before the fixes, 1.0 with them


def test_source_countries_of_the_probe_set(figures):
    assert figures["source"] >= 0.90  # 0.673 before, 0.939 after


def test_target_countries_of_the_probe_set(figures):
    assert figures["target"] >= 0.90  # 0.667 before, 0.944 after


# families fixed beyond the probe set (sentences written after the fixes, so they are tests, not a measure)
FAMILIES = [
    # a country's name that is also a first name, tagged a person, joined to another country
    ("Niger and Chad signed a security pact.", "AGREE", "NER", "TCD"),
    ("Israel and Jordan signed a water deal.", "AGREE", "ISR", "JOR"),
    # consenting to let a party act is the permission given
    ("Belgium agreed to permit Dutch police to patrol the border town.", "CONCEDE", "BEL", None),
    ("Iran tested a new cruise missile on Sunday.", "MOBILIZE", "IRN", None),
    # allowing an entry, a return or access named by a noun; a promise to allow is AGREE
    ("Syria allowed the entry of UN aid convoys into Idlib.", "RETREAT", "SYR", None),
    ("Israel permitted the delivery of Egyptian fuel to Gaza.", "CONCEDE", "ISR", "EGY"),
    ("Venezuela said it would allow the return of Colombian monitors.", "AGREE", "VEN", "COL"),
]


@pytest.mark.parametrize("text,category,source,target", FAMILIES)
def test_families_fixed_beyond_the_probe_set(pipeline, text, category, source, target):
    got = score_probe(pipeline.extract(text), category, source, target, reciprocal=" and " in text)
    assert got == (True, source is not None, target is not None)


@pytest.mark.parametrize("text", [
    "The minister told reporters that the army would withdraw from the town.",
    "Let us hope the talks succeed, the envoy said.",
    "The ceasefire allowed aid convoys to reach the city.",
    "The new law allows the sale of alcohol in hotels.",
    "Doctors tested a new vaccine on volunteers.",
])
def test_speech_and_circumstance_are_no_request_or_concession(pipeline, text):
    events = [e for e in pipeline.extract(text) if e.modality == "asserted"]
    assert not any(e.plover and e.plover.event in ("REQUEST", "CONCEDE", "MOBILIZE") for e in events)


def test_a_missile_test_is_no_attack(pipeline):
    events = [e for e in pipeline.extract("North Korea test-fired a ballistic missile into the sea.")
              if e.modality == "asserted"]
    assert events and not any(e.plover.event == "ASSAULT" for e in events if e.plover)


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    result, missed = measure(Pipeline(workers=1))
    for category, text, got, asserted in missed:
        print(f"{category:9} {'T' if got[0] else '-'}{'S' if got[1] else '-'}{'G' if got[2] else '-'}  {text}\n"
              f"          -> {asserted}")
    print({k: round(v, 3) for k, v in result.items()})
