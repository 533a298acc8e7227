"""An actor is an actor: an actor slot holds a catalogue entry, a named party or a noun for people or groups, never
a weapon, object, place, substance, abstraction or measure (lang/en/actors/noun_classes.yaml). Sentences written
for these tests."""

from __future__ import annotations

import pytest

from eventwire.extraction.actors.nouns import ACTOR, NOT_ACTOR, load_noun_classes


@pytest.fixture(scope="module")
def extract(pipeline):
    def run(text, published="2021-06-10"):
        return pipeline.extract(text, published=published)

    return run


@pytest.fixture(scope="module")
def nouns(language):
    return load_noun_classes(language)


def slots(events):
    """(slot, actor) for every filled actor slot of every event."""
    out = []
    for ev in events:
        out += [("actor1", ev.actor1), ("actor2", ev.actor2)]
        out += [("assoc_actor1", a) for a in ev.assoc_actor1] + [("assoc_actor2", a) for a in ev.assoc_actor2]
    return [(slot, a) for slot, a in out if a is not None]


def actor_words(events) -> list[str]:
    """The words and names of every actor, lower case (of civilians only the name: the people of a site hit are
    told in the site's words, "torched a health centre" -> Civilians, text "health centre")."""
    return [(a.name if a.sector == "CVL" else f"{a.text or ''} | {a.name}").lower() for _, a in slots(events)]


def assert_no_actor_named(events, *words):
    for found in actor_words(events):
        for w in words:
            assert w not in found, (w, found)


# -- things are no actors -----------------------------------------------------------------------------------------

def test_stones_are_not_the_target(extract):
    events = extract("Protesters threw stones at the police.")
    assert_no_actor_named(events, "stone")
    assert any(ev.actor2 is not None and "Police" in ev.actor2.name for ev in events)


def test_protesters_who_act_are_people_not_a_protest(extract):
    # "protesters" is also a word that reports a protest: as the subject it is who acts
    events = extract("Protesters threw stones at the police in Nairobi.")
    assert any(ev.actor1 is not None and ev.actor1.name.startswith("Protesters") for ev in events)


def test_a_death_toll_is_no_actor(extract):
    assert_no_actor_named(extract("The death toll rose to 40 after the attack on the village."), "toll")


def test_an_air_strike_and_a_market_are_no_actors(extract):
    events = extract("An air strike hit a vegetable market in Idlib, killing 12 people.")
    assert events
    assert_no_actor_named(events, "strike", "market")


def test_fire_and_blast_are_no_actors(extract):
    assert_no_actor_named(extract("Fire broke out after the blast at the depot in Aden."), "fire", "blast")


def test_operations_are_no_actor_but_militants_are(extract):
    events = extract("Operations continued in the district after militants attacked a checkpoint.")
    assert_no_actor_named(events, "operation")
    assert any(ev.actor1 is not None and ev.actor1.name.startswith("Militants") for ev in events)


def test_explosive_barrels_and_counted_strikes_are_no_actors(extract):
    assert_no_actor_named(extract("Explosive barrels hit the town of Daraya on Sunday."), "barrel")
    assert_no_actor_named(extract("Tens of air strikes targeted the countryside of Idlib."), "tens", "strike")


def test_a_tool_is_no_attacker(extract):
    events = extract("Four fighters were found killed by a sharp tool near the city of Raqqa.")
    assert_no_actor_named(events, "tool")


def test_an_unlisted_word_mistagged_as_a_subject_is_no_actor(extract):
    # "continues" read as a noun by the tagger: no noun for people, no party
    events = extract("Factions shell positions of the regime forces in conjunction with continues ground shelling.")
    assert_no_actor_named(events, "continues")


# -- people and groups are ---------------------------------------------------------------------------------------

def test_villagers_and_gunmen_are_both_actors(extract):
    events = [ev for ev in extract("Villagers were attacked by gunmen in Zamfara state.") if ev.modality == "asserted"]
    ev = events[0]
    assert ev.actor1 is not None and "Armed Group" in ev.actor1.name
    assert ev.actor2 is not None and ev.actor2.name.startswith("Civilians")


def test_a_spokesman_and_troops_are_actors(extract):
    events = extract("A spokesman for the army said troops killed ten militants near Maiduguri.")
    ev = next(e for e in events if e.trigger == "killed")
    assert ev.actor1 is not None and ev.actor1.name.startswith("Military Forces")
    assert ev.actor2 is not None and ev.actor2.name.startswith("Militants")


def test_hundreds_of_protesters_are_the_protesters(extract):
    events = extract("Hundreds of protesters marched in Lagos on Monday.")
    assert any(ev.actor1 is not None and ev.actor1.name.startswith("Protesters") for ev in events)


# -- the harmed never act --------------------------------------------------------------------------------------

def test_the_dead_of_a_clash_are_not_who_fought(extract):
    events = extract("The clashes left 14 dead in Tripoli.")
    for ev in events:
        assert ev.actor1 is None or "dead" not in (ev.actor1.text or "").lower()
        assert all("dead" not in (a.text or "").lower() for a in ev.assoc_actor1)


def test_casualties_are_not_who_attacked(extract):
    events = extract("Casualties were reported after militants stormed a police post in Borno.")
    for ev in events:
        assert ev.actor1 is None or "casualt" not in (ev.actor1.text or "").lower()


# -- titles need a whose -----------------------------------------------------------------------------------------

def test_bare_presidents_name_nobody(extract):
    assert_no_actor_named(extract("The presidents condemned the bombing in Kabul."), "president")


def test_presidents_named_just_before_are_who_they_are(extract):
    events = extract("Ruto met Museveni on Monday. The presidents condemned the attack on the border post.")
    condemned = [ev for ev in events if ev.trigger == "condemned"]
    assert condemned and condemned[0].actor1 is not None and condemned[0].actor1.name == "Government of Kenya"
    assert_no_actor_named(events, "presidents |")


def test_bare_leaders_name_nobody_but_afghan_leaders_do(extract):
    assert_no_actor_named(extract("Leaders condemned the attack on the mosque."), "leader")
    events = extract("Afghan leaders condemned the attack on the mosque in Kabul.")
    assert any(ev.actor1 is not None and ev.actor1.name == "Government of Afghanistan" for ev in events)


# -- the noun classes themselves -------------------------------------------------------------------------------

def head(nlp, text, word):
    return next(t for t in nlp(text) if t.text == word)


@pytest.mark.parametrize("text,word,side,cls", [
    ("Protesters threw stones at the police.", "stones", NOT_ACTOR, "weapons"),
    ("The death toll rose to 40.", "toll", NOT_ACTOR, "measures"),
    ("Warplanes raided the Mountains of the coast.", "Mountains", NOT_ACTOR, "places"),
    ("Explosive Barrels hit the town.", "Barrels", NOT_ACTOR, "weapons"),
    ("Villagers fled the town.", "Villagers", ACTOR, "occupations"),
    ("The clashes left 14 dead.", "dead", ACTOR, "victims"),
    ("Violations of the truce continued.", "Violations", NOT_ACTOR, "abstractions"),
])
def test_noun_class_of_heads(nlp, nouns, text, word, side, cls):
    assert nouns.noun_class(head(nlp, text, word)) == (side, cls)


def test_victims_never_act_but_soldiers_do(nlp, nouns):
    assert nouns.never_acts(head(nlp, "The clashes left 14 dead.", "dead"))
    assert not nouns.never_acts(head(nlp, "Soldiers fired on the crowd.", "Soldiers"))


@pytest.mark.parametrize("text,word,bare", [
    ("The presidents condemned the attack.", "presidents", True),
    ("Leaders condemned the attack.", "Leaders", True),
    ("Afghan leaders condemned the attack.", "leaders", False),
    ("The leaders of both parties met.", "leaders", False),
    ("Their leaders condemned the attack.", "leaders", False),
    ("The president condemned the attack.", "president", False),
])
def test_bare_titles(nlp, nouns, text, word, bare):
    assert nouns.bare_title(head(nlp, text, word)) is bare


# -- family sweep: none of these sentences may carry a thing, a place word or a measure as an actor ---------------

NOT_ACTOR_SENTENCES = [
    ("Escalation of air strikes on the town leaves at least 12 dead.", ["escalation", "strike"]),
    ("Remnants of the war killed a child near the village.", ["remnant", "war"]),
    ("The aerial and artillery shelling killed 30 civilians in the eastern suburbs.", ["aerial", "artillery"]),
    ("Militants set an oil Pipeline on fire in Kirkuk.", ["pipeline", "fire"]),
    ("Calm continues in the south of the city after clashes killed 12 people.", ["calm"]),
    ("Exchange of fire between troops and rebels killed two soldiers.", ["exchange", "fire"]),
    ("Mystery surrounds the fate of two fighters who were killed near the oilfield.", ["mystery", "oilfield"]),
    ("Gunmen attacked the city museum in Sousse, killing four visitors.", ["museum"]),
    ("Ambulances rushed to the scene to carry the wounded after the bombing.", ["ambulance"]),
    ("Warplanes struck the Hama countryside, killing six people.", ["countryside"]),
    ("The worries grew as the fighting killed four civilians in the north.", ["worries"]),
    ("Students chanted slogans as rain fell on the square, and police watched the rally.", ["rain"]),
    ("Shopkeepers shut their stores for an hour in solidarity, residents said.", ["solidarity"]),
    ("The militia withdrew to the eastern bank of the river after the clashes.", ["bank"]),
]


@pytest.mark.parametrize("text,words", NOT_ACTOR_SENTENCES)
def test_no_thing_is_an_actor(extract, text, words):
    assert_no_actor_named(extract(text), *words)


def test_no_group_is_nobody(extract):
    # a denying determiner: there is no such party, in either slot
    events = extract("No group has claimed responsibility yet for the bombing of the bus station.")
    assert_no_actor_named(events, "group")
    events = extract("A grenade killed two people in the market and no person was arrested.")
    assert_no_actor_named(events, "person")


def test_a_nationality_adjective_on_an_attack_is_its_forces(extract):
    # "Russian aerial bombardment": the Russian military, never a party called "Russian"
    events = extract("Russian aerial bombardment killed ten people in Idlib on Sunday.")
    killed = [ev for ev in events if ev.trigger == "killed"]
    assert killed and killed[0].actor1 is not None and killed[0].actor1.name == "Military Forces of Russia"
    assert_no_actor_named(events, "aerial")


@pytest.mark.parametrize("text,word,side,cls", [
    ("Escalation of the shelling continued.", "Escalation", NOT_ACTOR, "abstractions"),
    ("Remnants of the war killed a child.", "Remnants", NOT_ACTOR, "abstractions"),
    ("The aerial shelling went on.", "aerial", NOT_ACTOR, "weapons"),
    ("Gunmen stormed the museum.", "museum", NOT_ACTOR, "places"),
])
def test_noun_class_of_new_heads(nlp, nouns, text, word, side, cls):
    assert nouns.noun_class(head(nlp, text, word)) == (side, cls)


def test_denying_determiner(nlp, nouns):
    assert nouns.denied(head(nlp, "No group claimed the attack.", "group"))
    assert not nouns.denied(head(nlp, "The group claimed the attack.", "group"))
