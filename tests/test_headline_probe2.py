"""A probe set of headline English, written for this test: headlines drop articles and auxiliaries and tell past
events in the present tense ("Gunmen storm hotel", "Maoists torch vehicles in X"), and the tagger misreads them
(a verb read as a noun). Real and invented names, every region; bare headlines and headlines over a lead.

Each probe gives the ACLED event type or sub-type some asserted record must have, and words that may name the
attacker (actor1) and the target (actor2) of the record of that type (a blank is not scored). The rates are a
stand-in for held-out text: they must not fall below the floors measured when the set was written.

`python tests/test_headline_probe2.py` prints the rates and every miss."""

from __future__ import annotations

import re

import pytest

B, E, V, P, R = "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots"
A, L = "Arrests", "Looting/property destruction"  # sub-types (ACLED files them under Strategic developments)

# (text, event type or sub-type, attacker words, target words)
PROBES = [
    # -- attack verbs, present tense, no articles
    ("Militants attack army post in north Burkina Faso", B, "militants", "army post"),
    ("Maoists torch vehicles in Chhattisgarh", L, "maoists", "vehicles"),
    ("Gunmen kill 5 in Kano", V, "gunmen", "5"),
    ("Police arrest 12 protesters in Nairobi", P, "police", "protesters"),  # ACLED: a protest's intervention
    ("Rebels seize town in eastern Congo", B, "rebels", "town"),
    ("Suicide bomber hits market in Maiduguri, 9 dead", E, "bomber", "market"),
    ("3 soldiers killed as IED strikes convoy in Waziristan", E, "", "soldiers convoy"),
    ("Army repulses attack on base in Mali", B, "army", "base"),
    ("Bandits abduct 40 villagers in Zamfara", V, "bandits", "villagers"),
    ("Taliban fighters ambush police convoy in Kunduz", B, "taliban fighters", "police convoy"),
    ("Jets pound rebel positions near Idlib", E, "jets", "rebel positions"),
    ("Gunmen storm hotel in Mogadishu", V, "gunmen", "hotel"),
    ("Mob lynches theft suspect in Kasese", V, "mob", "suspect"),
    ("Troops kill 14 insurgents in Borno raid", B, "troops", "insurgents"),
    ("Drone strike kills militant commander in Marib", E, "", "commander"),
    ("Militiamen burn homes in Ituri village", L, "militiamen", "homes"),
    ("Separatists shell border town of Varesh", E, "separatists", "town varesh"),
    ("Attackers set ablaze church in Plateau", L, "attackers", "church"),
    ("Armed men raid clinic in Tillaberi, kill two nurses", V, "men", "clinic nurses"),
    ("Pirates hijack fishing boat off Somali coast", V, "pirates", "boat"),
    ("Vigilantes beat suspected thief to death in Nakuru", V, "vigilantes", "thief"),
    ("Kordan Front fighters overrun army outpost near Telvar", B, "kordan front fighters", "outpost army"),
    ("Insurgents blow up bridge in Cabo Delgado", E, "insurgents", "bridge"),
    ("Settlers attack Palestinian farmers near Nablus", V, "settlers", "farmers"),
    ("Soldiers open fire on protesters in Mandalay", V, "soldiers", "protesters"),
    ("Israeli jets strike Hamas targets in Gaza", E, "israeli israel jets", "hamas targets"),
    ("Russian missiles hit power plant in Kharkiv", E, "russian russia missiles", "plant"),
    ("Al-Shabaab attacks AU base in Lower Shabelle", B, "shabaab", "base"),
    ("Boko Haram kills 12 fishermen near Lake Chad", V, "boko haram", "fishermen"),
    ("ADF rebels massacre 20 villagers in Beni", V, "adf rebels", "villagers"),
    ("Police tear-gas students in Dhaka", P, "police", "students"),
    ("Farmers block highway in Punjab protest", P, "farmers", ""),
    ("Students march in Santiago against fee rise", P, "students", ""),
    ("Protesters torch police station in Kenema", R, "protesters", "station police"),
    ("Rioters loot shops in Johannesburg suburb", R, "rioters", "shops"),
    ("Troops detain 30 suspects in Tigray sweep", A, "troops", "suspects"),
    ("Police nab arms dealer in Peshawar", A, "police", "dealer"),
    ("Army recaptures Palma from insurgents", B, "army", "insurgents"),
    ("Militants behead two Christians in Cabo Delgado", V, "militants", "christians"),
    ("Gunmen kidnap priest in Enugu", V, "gunmen", "priest"),
    ("IS claims attack on checkpoint in Diyala", B, "is islamic state", "checkpoint"),
    ("Grenade attack wounds 8 in Bujumbura bar", E, "", "bar"),
    ("Clashes erupt between herders and farmers in Benue", V, "herders farmers", "farmers herders"),
    ("Rival militias clash in Tripoli suburb", B, "militias", "militias"),
    ("Sniper kills soldier in Donetsk", B, "sniper", "soldier"),
    # -- passive and toll headlines
    ("Five policemen shot dead in Balochistan", V, "", "policemen"),
    ("Two journalists killed in Culiacan", V, "", "journalists"),
    ("Villagers massacred by bandits in Katsina", V, "bandits", "villagers"),
    ("Aid worker abducted in North Kivu", V, "", "worker"),
    ("Bomb blast rocks Quetta market, 6 dead", E, "", "market"),
    ("Car bomb kills 11 in Mogadishu", E, "", "11"),
    ("Rocket hits school in Sumy region", E, "", "school"),
    ("Three Maoists gunned down in Dantewada encounter", B, "", "maoists"),
    # -- headline with a lead
    ("Gunmen kill 7 worshippers in Zurmi mosque\nZURMI, Nigeria (Reuters) - Gunmen killed seven worshippers at a "
     "mosque in Zurmi on Friday, police said.", V, "gunmen", "worshippers"),
    ("Rebels seize key town in Darfur\nKHARTOUM, March 3 -- Rebels captured the town of Tawila after heavy fighting "
     "with the army, residents said.", B, "rebels", "town army"),
    ("Maoists torch vehicles in Bijapur\nRAIPUR: Maoists set fire to three trucks used in road construction in "
     "Bijapur district on Tuesday night, police said.", L, "maoists", "vehicles trucks"),
    ("Police arrest 20 after Lahore clashes\nLAHORE: Police arrested 20 people after clashes between rival "
     "groups on Sunday.", A, "police", "people"),
    ("Suicide bomber targets Kabul mosque\nKABUL, Afghanistan -- A suicide bomber blew himself up at a mosque in "
     "western Kabul during prayers, killing at least 12 people.", E, "bomber", "mosque people"),
    ("Soldiers killed in ambush near Mopti\nBAMAKO, Mali - Four soldiers were killed when jihadists ambushed a "
     "patrol near Mopti, the army said.", B, "jihadists", "soldiers patrol"),
    ("Herders attack Kenyan village\nNAIROBI - Armed herders attacked a village in Samburu county on Monday, "
     "killing three people.", V, "herders", "village people"),
    ("Army repulses rebel attack on Goma\nGOMA - The army repulsed an attack by M23 rebels on the outskirts of "
     "Goma on Saturday.", B, "army m23", "m23 army"),
    ("Protesters storm parliament in Tegucigalpa\nHundreds of protesters forced their way into the parliament "
     "building on Thursday.", R, "protesters", "parliament"),
    ("Bandits raid village in Niger state\nMINNA - Bandits raided the village of Kudu overnight, abducting "
     "dozens.", V, "bandits", "village"),
    # -- invented names, more regions
    ("Zorvani rebels ambush army convoy in Kestra", B, "zorvani rebels", "convoy army"),
    ("Tamir Brigade shells Dashti", E, "tamir brigade", "dashti"),
    ("Cartel gunmen kill mayor in Michoacan", V, "cartel gunmen", "mayor"),
    ("Unknown assailants gun down activist in Cauca", V, "assailants", "activist"),
    ("Kachin rebels down army helicopter", B, "kachin rebels", "helicopter army"),
    ("Houthis fire missile at Saudi city", E, "houthis", "city"),
    ("Jihadists kill 15 civilians in central Mali", V, "jihadists", "civilians"),
    ("PKK militants attack police station in Hakkari", B, "pkk militants", "station police"),
    ("Gunmen attack bus in Balochistan, 9 passengers killed", V, "gunmen", "bus passengers"),
]

_STOP = {"the", "a", "an", "of", "in", "on", "at", "and", "or", "for", "to", "by", "with", "from", "near", "s"}


def _words(text: str | None) -> set[str]:
    return {w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
            for w in re.findall(r"[a-z0-9]+", (text or "").lower()) if w not in _STOP}


def _actor_words(actors) -> set[str]:
    return {w for a in actors if a is not None for s in (a.name, a.text) for w in _words(s)}


def probe_results(pipeline) -> list[tuple[str, dict[str, bool]]]:
    """Per probe: whether an asserted record has the type, and (of the records of that type) whether one names the
    attacker and one the target."""
    out = []
    for text, kind, attacker, target in PROBES:
        events = [e for e in pipeline.extract(text, published="2023-05-10") if e.modality == "asserted"]
        typed = [e for e in events if kind in (e.event_type, e.sub_event_type)]
        hits = {"type": bool(typed)}
        if attacker:
            hits["attacker"] = any(_words(attacker) & _actor_words([e.actor1, *e.assoc_actor1]) for e in typed)
        if target:
            hits["target"] = any(_words(target) & _actor_words([e.actor2, *e.assoc_actor2]) for e in typed)
        out.append((text, hits))
    return out


def rates(results) -> dict[str, float]:
    out = {}
    for key in ("type", "attacker", "target"):
        scored = [h[key] for _, h in results if key in h]
        out[key] = sum(scored) / len(scored)
    return out


# measured when the set was written: 0.722, 0.645, 0.500 before the headline fixes of this file's tests, 0.806,
# 0.742, 0.557 after; the floors leave a little slack for parser ties
FLOORS = {"type": 0.78, "attacker": 0.72, "target": 0.53}


@pytest.fixture(scope="module")
def results(pipeline):
    return probe_results(pipeline)


def test_the_probe_set_is_large_and_varied():
    assert len(PROBES) >= 60
    assert len({t for t, *_ in PROBES}) == len(PROBES)


@pytest.mark.parametrize("key", ["type", "attacker", "target"])
def test_rate_holds(results, key):
    assert rates(results)[key] >= FLOORS[key], [(t, h) for t, h in results if not h.get(key, True)]


def _asserted(pipeline, text):
    return [e for e in pipeline.extract(text, published="2023-05-10") if e.modality == "asserted"]


@pytest.mark.parametrize("text, kind", [
    ("Gunmen storm hotel in Mogadishu", V),
    ("Maoists torch vehicles in Chhattisgarh", L),
    ("Protesters torch police station in Kenema", R),
    ("Jihadists torch church in northern Burkina Faso", L),
])
def test_a_headline_verb_read_as_a_noun_keeps_its_event(pipeline, text, kind):
    assert any(kind in (e.event_type, e.sub_event_type) for e in _asserted(pipeline, text))


def test_the_misread_headline_verb_has_its_subject_and_object(pipeline):
    found = [e for e in _asserted(pipeline, "Gunmen storm hotel in Mogadishu") if e.event_type == V]
    assert found and "Gunmen" in (found[0].actor1.text or "") and "hotel" in (found[0].actor2.text or "")


def test_set_ablaze_before_a_bare_object_is_arson(pipeline):
    assert any(e.sub_event_type == L for e in _asserted(pipeline, "Attackers set ablaze church in Plateau"))


@pytest.mark.parametrize("text, event_type", [
    ("Gunmen kill 12 in Zamfara village", V),  # the subject of "kill" is the killer, not the dead
    ("Gunmen killed 5 in Kano on Sunday.", V),
    ("Two soldiers died in an ambush near Kano.", B),
    ("Troops kill 14 insurgents in Borno raid", B),
])
def test_who_was_killed_by_a_count_is_not_the_killers(pipeline, text, event_type):
    assert any(e.event_type == event_type for e in _asserted(pipeline, text))


@pytest.mark.parametrize("text", [
    "Farmers block highway in Punjab protest",
    "Farmers blocked the highway near Ludhiana in protest against the new law on Monday.",
    "Residents blocked the road in Kisumu during a protest over the killing.",
])
def test_a_road_blocked_in_protest_is_a_protest_held(pipeline, text):
    # (held, not prevented; ACLED files demonstrators' road-blocking under the violent demonstration of Riots)
    assert any(e.event_type in (P, R) for e in _asserted(pipeline, text))


@pytest.mark.parametrize("text", ["Police blocked a protest in Kampala.", "Troops prevented an attack on the base."])
def test_an_event_blocked_or_prevented_is_not_asserted(pipeline, text):
    assert not [e for e in _asserted(pipeline, text) if e.event_type in (P, B)]


@pytest.mark.parametrize("text", [
    "Rebels seize town in eastern Congo",
    "Bandits abduct 40 villagers in Zamfara",
    "Jets pound rebel positions near Idlib",
    "Police arrest 12 protesters in Nairobi",
])
def test_a_present_tense_headline_is_asserted(pipeline, text):
    assert any(e.modality == "asserted" and e.event_type for e in pipeline.extract(text, published="2023-05-10"))


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    found = probe_results(Pipeline(workers=1))
    print(rates(found))
    for text, hits in found:
        if not all(hits.values()):
            print(hits, text.splitlines()[0])
