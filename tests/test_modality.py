"""Modality on sentences written for these tests: only asserted events happened."""

import pytest


@pytest.fixture(scope="module")
def classify(pipeline):
    return pipeline.event_finder.modality.classify


def mod_of(bare_nlp, classify, sentence, word):
    doc = bare_nlp(sentence)
    tok = next(t for t in doc if t.text == word)
    return classify(tok)


@pytest.mark.parametrize("sentence,word,expected", [
    ("Rebels attacked the base on Monday.", "attacked", "asserted"),
    ("Rebels will attack the base next week.", "attack", "future"),
    ("The army plans to launch an offensive on the city.", "offensive", "future"),
    ("The move lays the groundwork for an eventual assault on the city.", "assault", "future"),
    ("Troops would storm the town if talks fail.", "storm", "hypothetical"),
    ("The deal is meant to prevent clashes between the two armies.", "clashes", "hypothetical"),
    ("The ministry denied that soldiers killed the farmers.", "killed", "negated"),
    ("Police did not arrest anyone.", "arrest", "negated"),
    ("The military said it killed 12 militants.", "killed", "asserted"),
    ("Officials said militia fighters that attacked the village fled.", "attacked", "asserted"),
    # a demonstration planned for a day to come is not held yet; one planned for months was carried out
    ("Organisers expect 10,000 people at a march planned for Sunday in Budapest.", "march", "future"),
    ("The strike scheduled for next Monday will close the ports of Durban.", "strike", "future"),
    ("The attack, planned for months, killed nine guards at the mine in Tongo Tongo.", "attack", "asserted"),
])
def test_modality(bare_nlp, classify, sentence, word, expected):
    assert mod_of(bare_nlp, classify, sentence, word) == expected


def test_modality_cues_are_read_from_the_language_data(language):
    from eventwire.extraction.events import ModalityClassifier

    classifier = ModalityClassifier(language)
    assert "say" in classifier.reporting_verbs
    assert "will" in classifier.cues["future"]["auxiliaries"]


def test_no_is_a_negation_cue(bare_nlp, classify, language):
    from eventwire.extraction.events import ModalityClassifier

    cues = ModalityClassifier(language).cues
    assert "no" in cues["negated"]["negations"]
    assert all(isinstance(w, str) for table in cues.values() for words in table.values() for w in words), \
        "a bare yes/no/on/off in modality.yaml is read as a YAML boolean: quote it"
    assert mod_of(bare_nlp, classify, "There was no attack on the convoy.", "attack") == "negated"
    assert mod_of(bare_nlp, classify, "There was no sign of fighting in the town.", "fighting") == "negated"
    # "no" denies the noun it stands before, not every event in that noun's complement
    assert mod_of(bare_nlp, classify, "There was no claim of responsibility for the bombing.", "bombing") == "asserted"


@pytest.mark.parametrize("sentence,word,expected", [
    # obligation and counterfactual
    ("The officers ought to have been arrested after the riot.", "arrested", "hypothetical"),
    ("The guards should have stopped the mob before it burned the depot.", "burned", "hypothetical"),
    # orders and purposes: what was meant, not what happened
    ("Soldiers were ordered to arrest the organisers of the march.", "arrest", "future"),
    ("Two men tried to plant a device near the station to target the police.", "target", "future"),
    ("Police opened fire to disperse the crowd.", "disperse", "asserted"),
    # the purpose of equipping, funding or training: a capability, not an act
    ("The city bought new drones to find explosives along the border.", "find", "hypothetical"),
    ("The militia trained its recruits to ambush convoys in the hills.", "ambush", "hypothetical"),
    ("Troops used drones to find explosives along the border road.", "find", "asserted"),
    # promises and readiness
    ("The governor assured residents he would arrest the gang members.", "arrest", "future"),
    ("The rebels are ready to attack the town.", "attack", "future"),
    ("The donors remain committed to supporting the relief effort.", "supporting", "future"),
    # questions
    ("Did the army shell the northern villages last night?", "shell", "hypothetical"),
    ("The army shelled the northern villages last night.", "shelled", "asserted"),
    # accusations, suspicions, rewards
    ("Officials rejected accusations of bombing a school in the province.", "bombing", "hypothetical"),
    ("Police arrested the man on suspicion of planting a bomb at the station.", "bomb", "hypothetical"),
    ("Police offered a reward for information leading to the capture of the bomber.", "capture", "hypothetical"),
    # "without"
    ("The troops entered the town without firing a shot.", "firing", "negated"),
    # the reason of a punitive or diplomatic step: an earlier event, told as background
    ("The two diplomats were expelled after a poison attack on a former officer.", "attack", "background"),
    ("The two diplomats were expelled after a nerve agent attack on a former officer.", "agent", "background"),
    ("The ministry announced sanctions in response to the gas attack on the suburb.", "attack", "background"),
    ("The council sanctioned two commanders for the massacre of villagers.", "massacre", "background"),
    ("Police arrested two men after the attack on the mosque.", "attack", "asserted"),
    ("The jets struck the compound in retaliation for rocket fire on the town.", "fire", "asserted"),
    # (and a court's reason told by the convicted's own deed: "for organising", not "for impeding")
    ("A court in Vantaa jailed two students for organising protests against the mine.", "protests", "background"),
    ("The judge sentenced five men for taking part in the riots last spring.", "riots", "background"),
    ("A court convicted the aide for obstructing the investigation into the fire.", "investigation", "asserted"),
    ("After causing the deaths, the group tried to blame the police for the failure.", "deaths", "asserted"),
    # events before the one reported
    ("Previous attacks on the base killed dozens.", "killed", "background"),
    ("The ministers expressed support for earlier agreements.", "agreements", "background"),
    ("An earlier attack on Monday killed five soldiers.", "attack", "asserted"),
])
def test_modality_beyond_auxiliaries(bare_nlp, classify, sentence, word, expected):
    assert mod_of(bare_nlp, classify, sentence, word) == expected


def test_see_also_and_read_more_lines_are_background(pipeline):
    text = ("Rebels shelled the airport on Monday, officials said.\n"
            "Read more: Police arrest dozens after riot in the old town\n\n"
            "==See also==\n* 2012 Northgate market bombing\n* 2016 Northgate checkpoint attack\n")
    by_trigger = {e.trigger: e.modality for e in pipeline.extract(text, published="2021-06-10")}
    assert by_trigger["shelled"] == "asserted"
    assert {by_trigger[w] for w in ("arrest", "riot", "bombing") if w in by_trigger} == {"background"}


def test_background_is_a_modality_never_counted_as_asserted():
    from eventwire.filters import parse_event_filters
    from eventwire.records import MODALITIES

    assert "background" in MODALITIES
    assert parse_event_filters(modality="background").modality == "background"
