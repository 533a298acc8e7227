"""A third probe set of headline English, written for this test: plural proper-noun subjects with a bare verb
("Taliban storm prison"), "IS" as a subject (not the verb "is"), a count-less toll ("Airstrike kills militant
leaders"), "attacks" as a verb, "come under fire from", Title Case and sentence case, with and without numbers.

Each probe gives the ACLED event type some asserted record must have, words that may name actor1 and actor2 of
the record of that type (a blank is not scored) and the fatalities it must carry (None: not scored). The rates are
a stand-in for held-out text: they must not fall below the floors measured when the set was written.

`python tests/test_headline_probe3.py` prints the rates and every miss."""

from __future__ import annotations

import re

import pytest

B, E, V = "Battles", "Explosions/Remote violence", "Violence against civilians"

# (text, event type, actor1 words, actor2 words, fatalities)
PROBES = [
    # -- plural proper-noun subject + bare verb
    ("Taliban storm prison in Ghazni", B, "taliban", "prison", None),
    ("Houthis target Saudi airport with drones", E, "houthis", "airport saudi", None),
    ("Houthis shell government positions in Taiz", E, "houthis", "positions government", None),
    ("Taliban overrun district centre in Badakhshan", B, "taliban", "centre district", None),
    ("Taliban Kill 9 Policemen In Helmand", B, "taliban", "policemen police", 9),
    ("Houthis Fire Missiles At Marib", E, "houthis", "marib", None),
    ("Maoists ambush CRPF patrol in Sukma", B, "maoists", "crpf patrol", None),
    ("Naxals blow up school building in Gaya", E, "naxals", "school building", None),
    ("Kurds repel IS assault on Hasakah", B, "kurds", "is islamic state", None),
    ("Zaghawa militiamen raid market in Tine", V, "militiamen zaghawa", "market", None),
    ("Tuaregs seize army base in Kidal", B, "tuaregs", "base army", None),
    ("Dervali insurgents storm police post in Morkhan", B, "dervali insurgents", "police post", None),
    ("Shabaab Fighters Storm Military Base In Gedo", B, "shabaab", "base military", None),
    ("Janjaweed burn villages in West Darfur", V, "janjaweed", "villages", None),
    ("Fulani gunmen kill 17 in Plateau", V, "fulani gunmen", "17", 17),
    ("Hazaras targeted in Quetta bombing", E, "", "hazaras", None),
    # -- "IS" as a subject
    ("IS claims bombing in Jalalabad", E, "is islamic state", "", None),
    ("IS claims suicide attack on Shiite mosque in Kunduz", E, "is islamic state", "mosque", None),
    ("IS kills 12 soldiers in Sinai ambush", B, "is islamic state", "soldiers", 12),
    ("IS Militants Behead Three Villagers In Kirkuk", V, "is islamic state militants", "villagers", 3),
    ("IS attacks Iraqi army post near Tikrit", B, "is islamic state", "army post iraq", None),
    ("ISIS fighters seize village in Deir ez-Zor", B, "isis islamic state", "village", None),
    ("Daesh claims attack on checkpoint in Anbar", B, "daesh islamic state", "checkpoint", None),
    ("ISWAP kills 8 soldiers in Borno", B, "iswap islamic state", "soldiers", 8),
    # -- count-less and counted tolls
    ("Airstrike kills Daesh leaders in Hawija", E, "", "daesh leaders", None),
    ("Targeted strike kills AQAP fighters in Shabwa", E, "", "aqap fighters", None),
    ("Drone strike kills Shabaab commanders in Jilib", E, "", "shabaab commanders", None),
    ("Air raid kills civilians in Idlib", E, "", "civilians", None),
    ("Airstrikes Kill 23 Militants In Kunar", E, "", "militants", 23),
    ("Shelling kills 4 children in Donetsk", E, "", "children", 4),
    ("Mortar fire kills two soldiers near Avdiivka", E, "", "soldiers", 2),
    ("Landmine kills three herders in Tigray", E, "", "herders", 3),
    ("US strike kills al-Qaeda figure in Idlib", E, "us united states", "qaeda", None),
    ("Military says airstrikes killed scores of rebels in Karen state", E, "military", "rebels", None),
    ("Car bomb kills 15 in Baghdad market", E, "", "15", 15),
    ("Gunmen kill four police in Quetta", V, "gunmen", "police", 4),
    ("Bandits kill 30 villagers in Sokoto raid", V, "bandits", "villagers", 30),
    ("Two killed as rebels attack town in Ituri", B, "rebels", "town", 2),
    ("Eleven soldiers killed in ambush in Niger", B, "", "soldiers", 11),
    ("Suicide blast kills 7 at Mogadishu restaurant", E, "", "restaurant", 7),
    # -- "attacks", "targets", "raids" as verbs of a singular subject
    ("Al-Shabaab attacks AU base in Lower Shabelle", B, "shabaab", "base au", None),
    ("Boko Haram attacks military base in Yobe", B, "boko haram", "base military", None),
    ("Hamas targets Israeli town with rockets", E, "hamas", "town israeli", None),
    ("Hezbollah targets Israeli army post", E, "hezbollah", "army post israeli", None),
    ("Army raids militant hideout in Swat", B, "army", "hideout militant", None),
    ("JNIM attacks gendarmerie post in Burkina Faso", B, "jnim", "gendarmerie post", None),
    ("Al-Shabaab Claims Attack On Kenyan Troops", B, "shabaab", "troops kenyan", None),
    ("Hezbollah claims drone strike on Israeli base", E, "hezbollah", "base israeli", None),
    ("Israel strikes Hamas targets in Rafah", E, "israel", "hamas targets", None),
    ("Russia pounds Kharkiv with missiles", E, "russia", "kharkiv", None),
    ("Ukraine shells Russian-held town of Horlivka", E, "ukraine", "town horlivka", None),
    ("Pakistan bombs militant camps in Khost", E, "pakistan", "camps militant", None),
    ("Turkey hits PKK targets in northern Iraq", E, "turkey", "pkk targets", None),
    # -- "come under fire" and passive
    ("Convoy comes under fire from militants in Kurram", B, "militants", "convoy", None),
    ("UN peacekeepers came under fire from rebels near Bunia", B, "rebels", "peacekeepers un", None),
    ("Police patrol came under attack from gunmen in Tirah", B, "gunmen", "patrol police", None),
    ("Army post comes under rocket fire in Kurram", E, "", "army post", None),
    ("Soldiers come under fire from Taliban in Zabul", B, "taliban", "soldiers", None),
    ("Village attacked by Fulani militia in Benue", V, "fulani militia", "village", None),
    ("Checkpoint attacked by IS in Salahuddin", B, "is islamic state", "checkpoint", None),
    ("Base shelled by Houthis in Saada", E, "houthis", "base", None),
    ("Protesters fired on by troops in Mandalay", V, "troops", "protesters", None),
    # -- sentence case with a lead
    ("Taliban storm Kunduz jail\nKUNDUZ, Afghanistan - Taliban fighters stormed the provincial jail on Monday "
     "and freed dozens of inmates, officials said.", B, "taliban", "jail", None),
    ("Houthis hit Saudi oil plant\nRIYADH - Houthi rebels struck an oil facility in Jizan with a drone, the "
     "coalition said.", E, "houthis", "plant facility", None),
    ("IS claims Kabul bombing\nKABUL - The Islamic State group said it carried out Tuesday's bombing near the "
     "airport that killed 14 people.", E, "is islamic state", "", 14),
    ("Airstrike kills Shabaab leaders\nMOGADISHU - A US airstrike killed several al-Shabaab leaders near Jilib, "
     "Somali officials said.", E, "us united states", "shabaab leaders", None),
    ("Rebels attack Beni\nBENI, Congo - ADF rebels attacked a village near Beni overnight, killing nine "
     "civilians.", V, "rebels adf", "village civilians", 9),
    # -- more groups and countries, invented names
    ("Kachin rebels attack army outposts in Hpakant", B, "kachin rebels", "outposts army", None),
    ("Arakan Army captures junta base in Rakhine", B, "arakan army", "base junta", None),
    ("M23 rebels seize Rubaya mining town", B, "m23 rebels", "town rubaya", None),
    ("Mai-Mai militia kill 6 in South Kivu", V, "mai mai militia", "6", 6),
    ("Anglophone separatists abduct teachers in Bamenda", V, "separatists", "teachers", None),
    ("Sikkari Liberation Front shells Varnos", E, "sikkari liberation front", "varnos", None),
    ("Oromo rebels kill 14 civilians in Wollega", V, "oromo rebels", "civilians", 14),
    ("FARC dissidents attack police station in Cauca", B, "farc dissidents", "police station", None),
    ("ELN guerrillas bomb oil pipeline in Arauca", E, "eln guerrillas", "pipeline", None),
    ("Cartel gunmen ambush police in Guerrero, kill 13", B, "cartel gunmen", "police", 13),
    ("Baloch militants attack Chinese convoy in Gwadar", B, "baloch militants", "convoy chinese", None),
    ("TTP militants storm police compound in Bannu", B, "ttp militants", "compound police", None),
    ("Hamas fighters infiltrate kibbutz near Gaza border", B, "hamas fighters", "kibbutz", None),
    ("Settlers torch Palestinian cars in West Bank village", V, "settlers", "cars palestinian", None),
    ("Jihadists kill 20 soldiers in Burkina Faso", B, "jihadists", "soldiers", 20),
    ("Pirates attack tanker off Yemen", V, "pirates", "tanker", None),
    ("Unidentified gunmen kill cleric in Karachi", V, "gunmen", "cleric", 1),
    ("Zorvani militants blow up railway bridge in Kestra", E, "zorvani militants", "bridge railway", None),
]

_STOP = {"the", "a", "an", "of", "in", "on", "at", "and", "or", "for", "to", "by", "with", "from", "near", "s"}


def _words(text: str | None) -> set[str]:
    return {w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
            for w in re.findall(r"[a-z0-9]+", (text or "").lower()) if w not in _STOP}


def _actor_words(actors) -> set[str]:
    return {w for a in actors if a is not None for s in (a.name, a.text) for w in _words(s)}


def probe_results(pipeline) -> list[tuple[str, dict[str, bool]]]:
    """Per probe: whether an asserted event exists, whether one has the type, and (of the records of that type)
    whether one names actor1, one actor2, and one carries the fatalities."""
    out = []
    for text, kind, actor1, actor2, dead in PROBES:
        events = [e for e in pipeline.extract(text, published="2023-05-10") if e.modality == "asserted"
                  and e.event_type]
        typed = [e for e in events if e.event_type == kind]
        hits = {"event": bool(events), "type": bool(typed)}
        if actor1:
            hits["actor1"] = any(_words(actor1) & _actor_words([e.actor1, *e.assoc_actor1]) for e in typed)
        if actor2:
            hits["actor2"] = any(_words(actor2) & _actor_words([e.actor2, *e.assoc_actor2]) for e in typed)
        if dead is not None:
            hits["fatalities"] = any(e.fatalities == dead for e in typed)
        out.append((text, hits))
    return out


KEYS = ("event", "type", "actor1", "actor2", "fatalities")


def rates(results) -> dict[str, float]:
    out = {}
    for key in KEYS:
        scored = [h[key] for _, h in results if key in h]
        out[key] = round(sum(scored) / len(scored), 3)
    return out


# measured when the set was written: 0.765, 0.588, 0.514, 0.482, 0.773 before the headline re-reading
# (extraction/headline_reread.py), 0.859, 0.682, 0.625, 0.554, 0.864 after; the floors leave a little slack
FLOORS = {"event": 0.84, "type": 0.66, "actor1": 0.60, "actor2": 0.53, "fatalities": 0.84}


@pytest.fixture(scope="module")
def results(pipeline):
    return probe_results(pipeline)


def test_the_probe_set_is_large_and_varied():
    assert len(PROBES) >= 80
    assert len({t for t, *_ in PROBES}) == len(PROBES)


@pytest.mark.parametrize("key", KEYS)
def test_rate_holds(results, key):
    assert rates(results)[key] >= FLOORS[key], [(t, h) for t, h in results if not h.get(key, True)]


def _parsed(pipeline, text):
    return {t.text: t for t in pipeline.nlp(text)}


@pytest.mark.parametrize("text, verb, subject", [
    ("Taliban storm prison in Ghazni", "storm", "Taliban"),
    ("Houthis shell government positions in Taiz", "shell", "Houthis"),
    ("Zaghawa militiamen raid market in Tine", "raid", "militiamen"),
    ("IS claims bombing in Jalalabad", "claims", "IS"),
    ("Police raid brothel in Lagos", "raid", "Police"),
])
def test_a_misread_headline_is_read_again_with_its_verb(pipeline, text, verb, subject):
    tokens = _parsed(pipeline, text)
    assert tokens[verb].dep_ == "ROOT" and tokens[verb].pos_ == "VERB"
    assert tokens[subject].head.i == tokens[verb].i
    assert tokens[verb].tag_ == ("VBZ" if verb.endswith("s") else "VBP")  # the present tense of its own form


def test_is_as_a_name_is_no_verb(pipeline):
    tokens = _parsed(pipeline, "Kurds repel IS assault on Hasakah")
    assert not tokens["IS"].tag_.startswith("VB") and tokens["repel"].dep_ == "ROOT"


@pytest.mark.parametrize("text", [
    "Government shell companies in Panama",  # a singular noun before a base form: no subject and verb
    "US strike plan for Syria",
    "The storm hit the coast of Florida.",
])
def test_a_noun_phrase_that_is_no_headline_clause_keeps_its_reading(pipeline, text):
    assert not [e for e in pipeline.extract(text, published="2023-05-10")
                if e.modality == "asserted" and e.event_type]


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    found = probe_results(Pipeline(workers=1))
    print(rates(found))
    for text, hits in found:
        if not all(hits.values()):
            print({k: v for k, v in hits.items() if not v}, text.splitlines()[0])
