"""Trigger senses (lang/en/events/senses.yaml, extraction/events/senses.py): a trigger word is an event only in
some senses, chosen by the words in its syntactic slots; an accident takes its sentence's deaths with it."""

from __future__ import annotations

import pytest

from eventwire.lang import LanguageDataError


def asserted(pipeline, text):
    return [e for e in pipeline.extract(text) if e.modality == "asserted"]


def sense_of(pipeline, text, word):
    """(classes, sense name) of the trigger `word` as the lexicon's senses read it in `text`."""
    lex = pipeline.event_finder.lexicon
    doc = pipeline.nlp(text)
    tok = next(t for t in doc if t.lower_ == word)
    classes = lex.verbs.get(tok.lemma_.lower()) or lex.nouns.get(tok.lemma_.lower()) or set()
    classes, sense = lex.senses.resolve(tok, set(classes))
    return classes, sense.name if sense else None


@pytest.mark.parametrize("text,word,classes", [
    ("The company fired forty workers after the merger collapsed.", "fired", set()),  # object: a dismissal
    ("The coach was fired from his job.", "fired", set()),  # "from his job"
    ("The striker shot the ball into the top corner.", "shot", set()),  # object: sport
    ("Lawmakers are locked in a battle over the budget.", "battle", set()),  # "over the budget"
    ("Teachers struck over pay on Monday.", "struck", {"protest"}),  # subject and "over pay": a labour strike
    ("The government targeted the oligarchs with new sanctions.", "targeted", {"sanction"}),
    ("A chemical plant exploded on Thursday.", "exploded", {"accident"}),  # subject: an industrial object
    ("The storm killed four people.", "killed", {"accident"}),  # subject: a disaster
    ("Two patients died of complications from the virus.", "died", {"accident"}),  # "of" an illness
    ("The senate killed the bill on Tuesday.", "killed", set()),  # object: a plan, not a life
])
def test_a_trigger_takes_the_sense_its_slots_select(pipeline, text, word, classes):
    found, sense = sense_of(pipeline, text, word)
    assert sense is not None and found == classes


@pytest.mark.parametrize("text,word", [
    ("Gunmen fired on the workers outside the plant.", "fired"),  # "on" workers: shooting
    ("Militants executed five hostages on Tuesday.", "executed"),
    ("A bomb exploded at a gas plant, killing six.", "exploded"),  # a bomb: no accident
    ("Rebels killed four soldiers in an ambush.", "killed"),
])
def test_violence_keeps_its_sense(pipeline, text, word):
    assert sense_of(pipeline, text, word)[1] is None


@pytest.mark.parametrize("text", [
    "The company fired forty workers after the merger collapsed.",
    "Six people were killed when a gas container exploded at a street market.",
    "Twelve passengers died when their bus plunged off a bridge into a river.",
    "He suffered a heart attack and died in hospital.",
    "North Korea carried out a test of a hydrogen bomb last year.",
    "Customs officers thwarted an attempt to smuggle cigarettes across the border.",
])
def test_words_in_a_peaceful_sense_give_no_violence(pipeline, text):
    assert [e for e in asserted(pipeline, text) if e.plover.event == "ASSAULT" or e.event_type] == []


def test_a_labour_strike_is_a_protest_and_sanctions_a_sanction(pipeline):
    strike = asserted(pipeline, "Teachers struck over pay on Monday.")
    assert [e.event_type for e in strike] == ["Protests"]
    sanction = asserted(pipeline, "The government targeted the oligarchs with new sanctions.")
    assert sanction and {e.plover.event for e in sanction} == {"SANCTION"} and not any(e.event_type for e in sanction)


def test_an_accident_spares_the_deaths_of_a_sentence_with_an_attacker(pipeline):
    events = asserted(pipeline, "Six people were killed when a bomb exploded at a gas plant.")
    assert [e.sub_event_type for e in events] == ["Remote explosive/landmine/IED"]
    assert asserted(pipeline, "Six people were killed when a gas plant exploded.") == []


def test_a_word_used_in_a_peaceful_sense_is_no_conflict_context(pipeline):
    # "fired" is a dismissal here, so it does not make the weak "merger" a change among armed groups
    assert asserted(pipeline, "The company fired forty workers after the merger collapsed.") == []
    assert asserted(pipeline, "The two banks announced a merger worth ten billion dollars.") == []


# -- the data file is checked on load ----------------------------------------------------------------------
SENSE = """senses:
  - sense: a dismissal
    words: [fire]
    when:
      object: [worker]
    then: []
"""


def write_senses(tmp_path, text):
    from tests.test_events import write_language

    language = write_language(tmp_path)
    (tmp_path / "events" / "senses.yaml").write_text(text, encoding="utf-8")
    return language


def test_a_small_senses_file_loads(tmp_path):
    from eventwire.extraction.events.lexicon import load_lexicon

    lex = load_lexicon(write_senses(tmp_path, SENSE))
    [sense] = lex.senses.by_word["fire"]
    assert sense.then == frozenset() and sense.when == {"object": frozenset({"worker"})}


@pytest.mark.parametrize("text,message", [
    (SENSE.replace("object:", "objekt:"), "unknown slot 'objekt'"),
    (SENSE.replace("then: []", "then: [dismissal]"), "unknown trigger class 'dismissal'"),
    (SENSE.replace("object: [worker]", "prep: {on: [job]}"), "must be quoted"),
    (SENSE.replace("object: [worker]", "object: [worker, off]"), "is not a word"),
    (SENSE.replace("[worker]", "['@no_such_list']"), "unknown word list '@no_such_list'"),
    (SENSE.replace("    then: []\n", ""), "a sense needs `words:` and `then:`"),
])
def test_a_bad_senses_file_names_the_problem(tmp_path, text, message):
    from eventwire.extraction.events.lexicon import load_lexicon

    with pytest.raises(LanguageDataError, match="senses.yaml:2: ") as err:  # the line of the sense
        load_lexicon(write_senses(tmp_path, text))
    assert message in str(err.value)


def test_set_is_violence_only_when_fire_or_a_bomb_is_set(pipeline):
    bases = asserted(pipeline, "Turkish ground forces have set up two military bases east of the town.")
    assert [e.sub_event_type for e in bases] == ["Headquarters or base established"]  # "bases", lemma "basis"
    assert asserted(pipeline, "Police set up roadblocks around the city before the match.") == []
    assert [e.event_type for e in asserted(pipeline, "Rebels set fire to the police station.")]
    # the object between "set" and the fire: "set two buses ablaze", "set the office alight", "set a van on fire"
    for text in ("Strikers set two lorries ablaze at the depot in Mwanza.",
                 "Demonstrators set the governor's office alight in Kano.",
                 "Protesters set a police van on fire outside the court in Nyeri."):
        assert "Violent demonstration" in [e.sub_event_type for e in asserted(pipeline, text)], text
    assert asserted(pipeline, "The council set a date for the vote on the new road.") == []
    # one act of arson is one record: the property burned, not an attack beside it unless people were harmed
    for text in ("Armed men set fire to a customs post in Ituri on Monday.",
                 "Gunmen set ablaze a village clinic in Sokoto."):
        assert [e.sub_event_type for e in asserted(pipeline, text)] == ["Looting/property destruction"], text
    assert "Attack" in [e.sub_event_type for e in asserted(pipeline, "Bandits set a bus on fire in Katsina, killing six.")]
    # property set ablaze or on fire is burned property too; a person set on fire is attacked
    for text in ("Insurgents set a fuel tanker on fire near Bama.", "Raiders set five huts ablaze in Djugu."):
        assert [e.sub_event_type for e in asserted(pipeline, text)] == ["Looting/property destruction"], text
    assert [e.sub_event_type for e in asserted(pipeline, "Gunmen set the trader ablaze in his stall.")] == ["Attack"]


@pytest.mark.parametrize("text,sub_event_type", [
    ("Syrian warplanes destroyed a command post of the militants.", "Air/drone strike"),  # who destroyed: aircraft
    ("Special forces destroyed dozens of rockets and explosive devices.", "Disrupted weapons use"),  # weapons destroyed
    ("More foreign-owned shops have been burned in a new wave of violence.", "Looting/property destruction"),
])
def test_what_acts_and_what_is_hit_choose_the_kind_of_violence(pipeline, text, sub_event_type):
    assert sub_event_type in [e.sub_event_type for e in asserted(pipeline, text)]


@pytest.mark.parametrize("text,plover", [
    ("The rebels backed down after the army arrived.", "CONCEDE"),  # "backed down": no support
    ("The union met the demands of the company.", "CONCEDE"),  # demands met: no meeting
    ("The president called the prime minister on Monday.", "CONSULT"),  # "on Monday" is no appeal "on" someone
])
def test_contact_words_take_the_sense_their_slots_select(pipeline, text, plover):
    assert plover in {e.plover.event for e in asserted(pipeline, text)}


def test_a_report_supplied_is_no_aid(pipeline):
    assert asserted(pipeline, "The company supplied the report to investors.") == []


def test_an_arrest_for_an_ordinary_crime_is_no_political_arrest(pipeline):
    crime = asserted(pipeline, "Police arrested two men for stealing cars in the city.")
    assert [(e.event_type, e.plover.event) for e in crime] == [(None, "COERCE")]
    politics = asserted(pipeline, "Security forces arrested forty opposition activists ahead of the vote.")
    assert [e.sub_event_type for e in politics] == ["Arrests"]


@pytest.mark.parametrize("text", [
    "Azerbaijan moved tanks and howitzers closer to the line of contact.",
    "The regime massed rocket launchers around the town of Saraqib, residents said.",
])
def test_weapons_moved_or_massed_are_no_attack(pipeline, text):
    found = asserted(pipeline, text)
    assert not [e for e in found if e.plover and e.plover.event == "ASSAULT"], text


def test_weapons_moved_then_fired_keep_the_attack(pipeline):
    found = asserted(pipeline, "Troops brought mortars to the ridge and shelled the village of Tumbu.")
    assert "Shelling/artillery/missile attack" in [e.sub_event_type for e in found]
