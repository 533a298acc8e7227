"""A fifth probe set for who attacked whom where, written for this test (not taken from any data set) around how
news tells the harmed of one attack in a run of words: verbs of harm joined by "and" that act on the object of the
last one ("police shot and killed the gunman", "kidnapped and beheaded a hostage"), the bomber's dead listed after
"himself" ("blew himself up, killing himself and two worshippers": the worshippers are the harmed, not the bomber),
and a bombing at a wedding or a celebration (an attack on it, not a celebratory shot gone astray). Real and invented
names, many countries and decades, wire, local and headline styles.

Scored as in the first set (tests/test_attack_roles_probe.py): a role is right when a content word of the
best-matching asserted event is among the probe's words (a blank list is not scored).
`python tests/test_attack_roles_probe5.py` prints the rates and every miss."""

from __future__ import annotations

import re

import pytest

from test_attack_roles_probe import ROLES, rates, role_results

# (text, attacker words, target words, place words): verbs of harm joined by "and" that share the last one's object
# ("police shot and killed the gunman"), the bomber's dead listed after "himself" ("killing himself and two
# worshippers"), and a bombing at a wedding or a celebration (an attack, not a celebratory shot gone astray)
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
]

# measured on the 20 probes (main: 1.00, 0.65, 0.85; after the shared object, the others after "himself" and the
# bomber at a wedding: 1.00, 0.95, 0.85), less a little slack for parser ties
FLOORS = {"attacker": 0.95, "target": 0.90, "place": 0.80}


def published(text: str) -> str:
    """A report of its time: a probe set in a past year was written that year (else a recent date)."""
    year = re.search(r"\b(19[4-9]\d|20[01]\d)\b", text)
    return f"{year.group(1)}-12-31" if year else "2023-05-10"


def probe_results(pipeline) -> list[tuple[str, dict[str, bool]]]:
    return role_results(pipeline, PROBES, published)


@pytest.fixture(scope="module")
def results(pipeline):
    return probe_results(pipeline)


def test_the_probe_set_is_large_and_varied():
    assert len(PROBES) >= 20
    assert len({t for t, *_ in PROBES}) == len(PROBES)


@pytest.mark.parametrize("role", ROLES)
def test_role_rate_holds(results, role):
    assert rates(results)[role] >= FLOORS[role], [(t, h) for t, h in results if not h.get(role, True)]


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
