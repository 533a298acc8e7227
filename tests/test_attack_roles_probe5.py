"""A fifth probe set for who attacked whom where, written for this test (not taken from any data set) around how
news tells the harmed of one attack in a run of words: verbs of harm joined by "and" that act on the object of the
last one ("police shot and killed the gunman", "kidnapped and beheaded a hostage"), the bomber's dead listed after
"himself" ("blew himself up, killing himself and two worshippers": the worshippers are the harmed, not the bomber),
and a bombing at a wedding or a celebration (an attack on it, not a celebratory shot gone astray); the parties of an
arrest told by "into custody" ("agents took the teenager into custody"); and suspicion that falls on a party after
the attack ("suspicion fell on the Pakistani Taliban"). Real and invented names, many countries and decades, wire,
local and headline styles.

Scored as in the first set (tests/test_attack_roles_probe.py): a role is right when a content word of the
best-matching asserted event is among the probe's words (a blank list is not scored).
`python tests/test_attack_roles_probe5.py` prints the rates and every miss."""

from __future__ import annotations

import pytest

from test_attack_roles_probe import ROLES, published_in_its_year, rates, role_results

# (text, attacker or holder words, target or held words, place words)
PROBES = [
    # -- verbs joined by "and" acting on one object
    ("Three days later, police shot and killed Dariusz Kowal in a gunfight in Gdansk.",
     "police", "kowal dariusz", "gdansk"),
    ("Gunmen kidnapped and killed a local councillor in Guerrero on Sunday.",
     "gunmen", "councillor", "guerrero"),
    ("The militants captured and beheaded a Japanese hostage near Raqqa in 2015.",
     "militants", "hostage", "raqqa"),
    ("Police shot and wounded a man who attacked officers with a machete in Paris.",
     "police", "man", "paris"),
    ("Soldiers beat and shot a farmer at a checkpoint outside Jenin.",
     "soldiers", "farmer", "jenin"),
    ("Bandits abducted and murdered two traders on the road to Gusau.",
     "bandits", "traders", "gusau"),
    ("Unknown assailants stabbed and killed a priest in his church in Rouen in 2016.",
     "assailants", "priest", "rouen"),
    ("The Valdorian guards tortured and executed four prisoners at the camp near Osterholm.",
     "guards valdorian", "prisoners", "osterholm"),
    ("Villagers caught and lynched a suspected thief in Kisii.",
     "villagers", "thief", "kisii"),
    ("A mob attacked and injured three journalists covering the rally in Lahore.",
     "mob", "journalists", "lahore"),
    # -- the bomber's own death listed with his victims
    ("The attacker blew himself up outside the mosque in Peshawar, killing himself and two worshippers.",
     "attacker", "worshippers", "peshawar"),
    ("A suicide bomber detonated explosives at the gate of the base in Gao, killing himself and three soldiers.",
     "bomber", "soldiers", "gao"),
    ("The gunman opened fire in the bar in Orlando before killing himself and nine patrons in 2016.",
     "gunman", "patrons", "orlando"),
    ("The assailant set off a grenade inside the bus in Kaduna, killing himself and four passengers.",
     "assailant", "passengers", "kaduna"),
    ("A female bomber blew herself up in the market of Konduga, killing herself and 12 traders.",
     "bomber", "traders", "konduga"),
    # -- a bomber at a wedding or a celebration
    ("A suicide bomber blew himself up at a wedding in Kabul, killing 63 guests.",
     "bomber", "guests", "kabul"),
    ("A bomber struck a wedding party in Gaziantep in 2016, killing 57 people.",
     "bomber", "people party", "gaziantep"),
    ("A grenade thrown into a wedding celebration in Kirkuk killed four guests.",
     "", "guests", "kirkuk"),
    ("Two suicide bombers attacked a wedding celebration in the village of Tubkar, killing 20 villagers.",
     "bombers", "villagers", "tubkar"),
    ("A drone strike hit a wedding procession near Rada'a in 2013, killing 12 men.",
     "", "men", "rada"),
    # -- an arrest told by "into custody" or "under arrest" on a verb: its subject holds, its object is held
    ("FBI agents took the teenager into custody at his home in Ohio.",
     "agents fbi", "teenager", "ohio"),
    ("Soldiers took the village chief into custody near Kidal on Monday.",
     "soldiers", "chief village", "kidal"),
    ("Riot police placed two student leaders under arrest outside the university in Dhaka.",
     "police riot", "leaders student", "dhaka"),
    ("Border guards took a Valdorian smuggler into custody at the crossing near Osterholm.",
     "guards border", "smuggler valdorian", "osterholm"),
    ("Officers put the driver of the truck under arrest in Nice in 2016.",
     "officers", "driver", "nice"),
    ("The suspect was taken into custody by federal agents in Fort Lee.",
     "agents federal", "suspect", "fort lee"),
    ("Turkish gendarmes took three Syrian fighters into custody at a checkpoint in Kilis.",
     "gendarmes turkish", "fighters syrian", "kilis"),
    ("Security forces took the cleric into custody after a raid on his house in Bauchi.",
     "forces security", "cleric", "bauchi"),
    # -- suspicion or blame that falls on a party, told after the attack
    ("A roadside bomb killed four officers in Peshawar. No one claimed it, but suspicion fell on the Pakistani Taliban.",
     "pakistani taliban", "officers", "peshawar"),
    ("A car bomb killed nine people outside a market in Lahore. Suspicion fell on the Jundallah group.",
     "jundallah", "people", "lahore"),
    ("Gunmen shot dead a judge in Quetta on Monday. Suspicion quickly centred on Lashkar-e-Jhangvi.",
     "lashkar jhangvi gunmen", "judge", "quetta"),
    ("An explosion killed three soldiers near Kirkuk in 2005. Suspicion fell upon al-Qaeda in Iraq.",
     "qaeda iraq", "soldiers", "kirkuk"),
    ("Masked men burned a church in the village of Sarvan. The blame fell on the Sorvan Defence Force.",
     "sorvan defence force men", "church", "sarvan"),
    ("A grenade attack wounded six shoppers in Bujumbura. Suspicion fell on the Imbonerakure militia.",
     "imbonerakure militia", "shoppers", "bujumbura"),
]

# falls of ground, of prices and of night: no suspicion
NOT_BLAME = [
    "The town of Saraqib fell to the rebels on Friday.",
    "Night fell over Kabul as the fighting continued.",
]

# measured on the 34 probes (main: 0.72, 0.59, 0.85; after the shared object, the others after "himself", the bomber
# at a wedding, the parties of "into custody" and suspicion that falls on a party: 1.00, 0.97, 0.85), less a little
# slack for parser ties
FLOORS = {"attacker": 0.95, "target": 0.92, "place": 0.80}


def probe_results(pipeline) -> list[tuple[str, dict[str, bool]]]:
    return role_results(pipeline, PROBES, published_in_its_year)


@pytest.fixture(scope="module")
def results(pipeline):
    return probe_results(pipeline)


def test_the_probe_set_is_large_and_varied():
    assert len(PROBES) >= 30
    assert len({t for t, *_ in PROBES}) == len(PROBES)


@pytest.mark.parametrize("role", ROLES)
def test_role_rate_holds(results, role):
    assert rates(results)[role] >= FLOORS[role], [(t, h) for t, h in results if not h.get(role, True)]


def test_a_town_that_falls_to_a_party_is_still_taken(pipeline):
    events = pipeline.extract(NOT_BLAME[0], published="2023-05-10")
    assert any(e.modality == "asserted" and e.actor1 is not None and "rebel" in (e.actor1.text or "").lower()
               for e in events)


def test_a_bomber_at_a_wedding_is_an_attack_not_an_accident(pipeline):
    events = pipeline.extract("A suicide bomber blew himself up at a wedding in Kabul, killing 63 guests.",
                              published="2023-05-10")
    assert any(e.modality == "asserted" and e.event_type == "Explosions/Remote violence" and e.fatalities == 63
               for e in events)


def test_a_stray_shot_at_a_wedding_stays_an_accident(pipeline):
    events = pipeline.extract("A stray bullet fired in celebration at a wedding in Multan killed a boy.",
                              published="2023-05-10")
    assert not any(e.modality == "asserted" and e.event_type in ("Violence against civilians", "Battles")
                   for e in events)


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    found = probe_results(Pipeline(workers=1))
    for text, hits in found:
        missed = [r for r, ok in hits.items() if not ok]
        if missed:
            print("MISS", missed, text)
    print({r: round(v, 3) for r, v in rates(found).items()}, len(found))
