"""Casualties: death counts read from the parse of one sentence."""

from __future__ import annotations

import pytest

from eventwire.extraction.casualties import FatalityCounter


@pytest.fixture(scope="module")
def counter(pipeline) -> FatalityCounter:
    return pipeline.fatality_counter


@pytest.fixture(scope="module")
def count(nlp, counter):
    """count(text, trigger=None): the death count of the sentence, for the trigger word (or (word, nth))."""
    def count(text, trigger=None):
        doc = nlp(text)
        trig = None
        if trigger is not None:
            word, nth = trigger if isinstance(trigger, tuple) else (trigger, 0)
            trig = [t for t in doc if t.text == word][nth]
        f = counter.find(doc[:], trig)
        return None if f is None else f.count

    return count


@pytest.mark.parametrize("expected, text", [
    # verbs and their objects / subjects
    (44, "The military said on Thursday it had killed 44 militants in air and artillery strikes."),
    (12, "At least 12 civilians died when a car bomb went off near the market."),
    (44, "Forty-four people were killed in the raid."),
    (5, "Gunmen opened fire on the bus, killing five."),
    (3, "Insurgents attacked the convoy, killing three policemen."),
    (2, "Two pilgrims were stabbed to death near the shrine."),
    (4, "Four guards were shot dead at the gate."),
    (2, "The militants beheaded two aid workers."),
    (6, "Soldiers executed six prisoners, a rights group said."),
    (200, "Two hundred villagers were massacred."),
    (1200, "The offensive has killed 1,200 fighters."),
    (11, "Eleven worshippers died after the mosque roof collapsed in the blast."),
    # nouns of death
    (3, "The blast left three dead."),
    (9, "The bombing left nine people dead."),
    (30, "The death toll from the bombing rose to 30 on Tuesday."),
    (35, "The death toll has risen to 35."),
    (27, "The number of dead climbed to 27."),
    (40, "The bombing brought the death toll to 40."),
    (9, "The ambush claimed the lives of 9 soldiers."),
    (7, "Seven people lost their lives in the blaze started by the rioters."),
    (20, "Investigators found the bodies of 20 men near the river."),
    (2, "Two children were among the dead."),
    (14, "The attack caused 14 deaths, officials said."),
    (30, "A total of 30 people were killed in the two attacks."),
    (30, "The number of people killed rose to 30."),
    (3, "Among the dead were 3 children."),
    (3, "The dead included three policemen."),
    # a single person
    (1, "A soldier was killed in the clashes."),
    (1, "The attack killed the governor of the province."),
    (1, "A roadside bomb killed a police officer in Kandahar."),
    (1, "Gunmen shot dead a journalist outside his home."),
    (1, "A 25-year-old man was killed by a stray bullet."),
    (1, "One policeman died in the exchange of fire."),
    (1, "He was killed by a sniper near the front line."),
    (1, "The commander died of his wounds in hospital."),
    (2, "A man and his wife were shot dead in their home."),
    # vague quantities and number words
    (12, "Dozens of people were killed in the fighting."),
    (12, "A dozen soldiers were killed in the ambush."),
    (10, "Tens of civilians died in the bombardment."),
    (100, "Hundreds of people have been killed in the bombardment of the old city."),
    (20, "Scores of protesters were killed by security forces."),
    (3, "Several villagers were killed overnight."),
    (36, "Three dozen fighters were killed."),
    (21, "Twenty-one people were killed."),
    # ranges and bounds
    (10, "Between 10 and 15 people were killed in the raid."),
    (10, "Witnesses said 10 to 15 people were killed."),
    (2, "Two or three militants were killed."),
    (20, "More than 20 people were killed in the bombing."),
    (8, "At least 8 soldiers were killed."),
    (50, "Some 50 people have been killed in the violence."),
    # sums and subsets
    (8, "The air strike killed 5 soldiers and 3 civilians."),
    (3, "The attack killed a policeman and two civilians."),
    (17, "Twelve soldiers were killed and five civilians died in the assault."),
    (7, "Gunmen stormed the village, killing seven, including three children."),
    (5, "Five people, including two children, were killed."),
    (30, "At least 30 people were killed, 12 of them children."),
    # wounded, captured and other harm never count
    (2, "The blast killed 2 and wounded 5, police said."),
    (44, "Forty-four people were killed and 20 wounded in the attack."),
    (26, "Twenty-six people died and 40 were injured in the clashes."),
    (3, "Gunmen killed three people and wounded five others."),
    (3, "The explosion left three dead and dozens injured."),
    (2, "Two soldiers and a civilian were wounded, while two militants were killed."),
    (6, "Militants killed six soldiers in an ambush; three others were captured."),
    (4, "The fighting killed four members of the security forces and injured 12 civilians."),
    (100, "Hundreds of people were killed and thousands displaced."),
    # phrasal and manner verbs, nouns of killing
    (3, "Gunmen gunned down three farmers on their way to market."),
    (2, "Attackers fatally shot two rangers at a checkpoint."),
    (8, "The militants burned eight villagers alive."),
    (5, "Raiders slit the throats of five herders."),
    (1, "Militants seized a bus driver and slit his throat."),
    (3, "Insurgents captured three soldiers and slit their throats."),
    (2, "The video shows the execution of two hostages."),
    (4, "The army lost 1 officer and 3 soldiers in the ambush."),
    (7, "Insurgents shot dead seven and another six were injured."),
    (3, "Gunmen shot dead 3 traders and injured 4 in the market."),
    # victims named through the parse, not by number
    (1, "A district commissioner was killed in the explosion."),
    (1, "The mayor of the town was shot and killed by unknown gunmen."),
    (2, "The village chief and his son were kidnapped and killed."),
    (1, "A police officer was found dead near the river."),
    (1, "A Canadian was killed by the militants."),
    (1, "Armed men assassinated the mayor of Kolda, a town in the south."),
    # numbers that are not the dead
    (7, "A car bombing killed at least seven civilians and injured 30 others."),
    (30, "2018 Mandera attack: 30 people were killed and 85 wounded."),
    (3, "The clashes resulted in the deaths of 3 people and the injury of 13."),
    (202, "The bombings killed 202 people, mostly foreign tourists and local hotel staff."),
    (6, "Insurgents ambushed and killed six soldiers and two others were injured."),
    (100, "Two car bombs, one at a cafe and the other at a mosque, killed at least 100 people."),
    (3, "3 martyrs and several wounded in shelling on the town"),
    # headlines
    (5, "Syria: 5 civilians killed in regime air strikes on Idlib"),
    (12, "12 killed in Aleppo shelling"),
    (3, "Three killed, five wounded in Kabul blast"),
])
def test_counts(count, expected, text):
    assert count(text) == expected


@pytest.mark.parametrize("text", [
    "Twelve people were wounded in the attack.",
    "12 people were injured and 4 were arrested.",
    "Police detained 30 protesters on Monday.",
    "The army said it had captured 50 fighters.",
    "The rebels seized 3 villages and 2 towns.",
    "The 25-year-old man was wounded.",
    "The Syrian army has fought rebels for six years.",
    "The 2016 attack was condemned by 30 countries.",
    "Casualties were not immediately known.",
    "About 12 people were hurt and 300 families displaced.",
    "The conflict has displaced 2 million people since 2011.",
    "Militants kidnapped 20 students from a school.",
    "They were wounded by a sniper.",
    "The attack caused heavy casualties.",
    "The shelling caused 10 casualties.",
    "Medics reported 44 casualties, including 15 children.",
])
def test_no_death_count(count, text):
    assert count(text) is None


@pytest.mark.parametrize("text, words", [
    ("No casualties were reported.", "No casualties"),
    ("No one was killed in the attack.", "No one was killed"),
    ("Nobody was hurt in the blast.", "Nobody was hurt"),
    ("There were no immediate reports of casualties.", "no immediate reports of casualties"),
    ("The convoy reached the city without casualties.", "without casualties"),
])
def test_reported_zero(nlp, counter, text, words):
    doc = nlp(text)
    f = counter.find(doc[:])
    assert f is not None and f.count == 0 and f.text == words


def test_text_and_offsets(nlp, counter):
    doc = nlp("Officials said on Monday that the strike killed 44 militants near the border.")
    f = counter.find(doc[:])
    assert f.text == "killed 44 militants"
    assert doc.text[f.start:f.end] == f.text


def test_offsets_are_document_offsets_in_a_later_sentence(nlp, counter):
    doc = nlp("Fighting resumed on Monday. At least 12 civilians died.")
    sent = list(doc.sents)[1]
    f = counter.find(sent)
    assert f.count == 12 and doc.text[f.start:f.end] == "At least 12 civilians died"


def test_trigger_chooses_its_own_count(count):
    text = "An air strike killed 5 people in Idlib, while a car bomb killed 3 others in Aleppo."
    assert count(text, "strike") == 5
    assert count(text, ("killed", 1)) == 3
    assert count(text, ("killed", 0)) == 5


def test_trigger_outside_the_sentence_is_ignored(nlp, counter):
    doc = nlp("Rebels attacked the base. Four soldiers were killed.")
    sents = list(doc.sents)
    f = counter.find(sents[1], doc[1])
    assert f.count == 4


@pytest.mark.parametrize("text, value", [
    ("forty-four", 44), ("two hundred", 200), ("1,200", 1200), ("a dozen", 12), ("dozens", 12),
    ("10 to 15", 10), ("between 10 and 15", 10), ("more than 20", 20), ("three dozen", 36),
    ("one hundred and five", 105),
])
def test_number_phrases(nlp, counter, text, value):
    doc = nlp(f"They counted {text} men.")
    phrases = counter.number_phrases(doc[:])
    assert [p.value for p in phrases] == [value]


def test_lexicon_is_a_data_file(counter):
    lex = counter.lexicon
    assert "kill" in lex.death_verbs and "wound" in lex.other_harm
    assert lex.vague["dozens"] == 12 and lex.vague["tens"] == 10 and lex.vague["hundreds"] == 100


@pytest.mark.parametrize("text, trigger, expected", [
    ("Gunmen attacked a police post on Monday, two days after a bombing killed 10 people.", "attacked", None),
    ("Gunmen attacked a police post on Monday, two days after a bombing killed 10 people.", "bombing", 10),
    ("Thousands protested against the killing of 12 villagers.", "protested", None),
    ("Thousands protested against the killing of 12 villagers.", "killing", 12),
    ("Soldiers killed 5 militants in revenge for the deaths of 3 comrades.", "killed", 5),
    ("The strike killed 9 people, the army said.", "strike", 9),
    ("Police arrested two men suspected of killing 4 people last year.", "arrested", None),
])
def test_counts_of_other_events_are_not_the_triggers(count, text, trigger, expected):
    assert count(text, trigger) == expected


def test_numbered_death_nouns_with_of_count_once(count):
    text = "The clashes caused at least 6 deaths of the army and at least 10 deaths of the Islamic State."
    assert count(text) == 16
    assert count(text, "clashes") == 16


@pytest.mark.parametrize("text, trigger, expected", [
    # "ran over" is no earlier event
    ("Militants attacked a policeman and ran over another policeman who tried to stop them, killing him.", "attacked",
     1),
    ("An officer and three soldiers sacrificed their lives while defending the post.", None, 4),
    # a toll verb needs a number
    ("The nine deaths over the last week might have been the result of the outbreak.", None, 9),
    # a record since a year is not a running total
    ("Rebels have killed at least 40 policemen in one of the deadliest attacks on the police since 2016.", None, 40),
    ("The only fatality was the bomber himself.", None, 1),
    # a tally since the start of an attack is its toll
    ("About 160 fighters were killed since the beginning of the attack.", None, 160),
])
def test_harder_sentences(count, text, trigger, expected):
    assert count(text, trigger) == expected


# -- robustness ---------------------------------------------------------------------------------------------
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_WORDS = st.sampled_from([
    "killed", "dead", "died", "wounded", "no", "one", "at", "least", "12", "forty", "-", "four", "dozens", "of",
    "people", "soldiers", "and", "including", "children", "the", "death", "toll", "rose", "to", "between", "2016",
    "a", "soldier", "was", "were", "bodies", "lives", "claimed", ",", ".", "hundreds", "several", "1,200"])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(_WORDS, min_size=1, max_size=30), pick=st.integers(min_value=0, max_value=40))
def test_find_fatalities_never_fails(nlp, counter, words, pick):
    doc = nlp(" ".join(words))
    for sent in doc.sents:
        trigger = sent[pick % len(sent)]
        f = counter.find(sent, trigger)
        if f is not None:
            assert f.count >= 0 or f.count is None and f.implausible
            assert doc.text[f.start:f.end] == f.text


def test_empty_sentence(nlp, counter):
    doc = nlp("")
    assert counter.find(doc[:]) is None


@pytest.mark.parametrize("text", [
    "The insurgency has killed more than 1,500 people since 2017.",
    "More than 400,000 people have been killed since the war began.",
    "Hundreds of people have been killed since the uprising began.",
    "The war, which has killed 300,000 people, entered its seventh year.",
    "The conflict has killed 12,000 civilians so far.",
])
def test_running_totals_are_no_events_toll(count, text):
    assert count(text) is None


def test_vague_count_text_names_the_people(nlp, counter):
    doc = nlp("Gunmen killed dozens of villagers at a cattle market on Sunday.")
    f = counter.find(doc[:])
    assert (f.count, f.text) == (12, "killed dozens of villagers")


# -- the word lists are data ------------------------------------------------------------------------------------
def _data_copy(tmp_path, edit=None):
    """A copy of the English data files a FatalityCounter reads, with `edit(name, text) -> text` applied."""
    from eventwire.lang import LANG_DIR

    for name in ("casualties.yaml", "numbers.tsv", "dates.yaml"):
        text = (LANG_DIR / "en" / name).read_text(encoding="utf-8")
        (tmp_path / name).write_text(edit(name, text) if edit else text, encoding="utf-8")
    return tmp_path


def _line_of(path, needle):
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_an_unknown_list_names_the_file_and_line(tmp_path):
    from eventwire.lang import LanguageData, LanguageDataError

    root = _data_copy(tmp_path, lambda name, text: text + "\ndeath_verbz: [kill]\n" if name == "casualties.yaml"
                      else text)
    with pytest.raises(LanguageDataError, match="unknown list 'death_verbz'") as err:
        FatalityCounter(LanguageData(root=root))
    path = root / "casualties.yaml"
    assert str(err.value).startswith(f"{path}:{_line_of(path, 'death_verbz:')}:")


def test_a_duplicate_word_names_the_file_and_line(tmp_path):
    from eventwire.lang import LanguageData, LanguageDataError

    root = _data_copy(tmp_path, lambda name, text: text.replace("toll_verbs: [rise,", "toll_verbs: [rise, rise,")
                      if name == "casualties.yaml" else text)
    with pytest.raises(LanguageDataError, match="duplicate word 'rise'") as err:
        FatalityCounter(LanguageData(root=root))
    path = root / "casualties.yaml"
    assert str(err.value).startswith(f"{path}:{_line_of(path, 'toll_verbs:')}:")


def test_the_small_words_of_the_walks_are_data(nlp, counter, tmp_path):
    from eventwire.lang import LanguageData, LanguageDataError

    lex = counter.lexicon
    assert "along" in lex.companion_words and "\u2013" in lex.range_words and "nobody" in lex.nobody_words
    root = _data_copy(tmp_path, lambda name, text: text.replace("companion_words: [along, together]",
                                                                "companion_words: [together]")
                      if name == "casualties.yaml" else text)
    without_along = FatalityCounter(LanguageData(root=root))
    doc = nlp("The governor was shot dead along with his driver.")
    assert counter.find(doc[:]).count == 2 and without_along.find(doc[:]).count == 1
    (tmp_path / "gone").mkdir()
    gone = _data_copy(tmp_path / "gone", lambda name, text: text.replace("kill_forms:", "# kill_forms:")
                      if name == "casualties.yaml" else text)
    with pytest.raises(LanguageDataError, match="missing list.*kill_forms"):
        FatalityCounter(LanguageData(root=gone))
    (tmp_path / "unvalued").mkdir()
    unvalued = _data_copy(tmp_path / "unvalued", lambda name, text: text.replace(
        "multiplying_words: [dozen, dozens]", "multiplying_words: [dozen, gross]") if name == "casualties.yaml" else text)
    with pytest.raises(LanguageDataError, match="multiplying_words not vague in numbers.tsv: gross"):
        FatalityCounter(LanguageData(root=unvalued))


@pytest.mark.parametrize("row, message", [
    ("dozen\t12\tvague", "duplicate vague word 'dozen'"),
    ("gross\t144\tbulk", "unknown kind 'bulk'"),
    ("several\tsome\tvague", "expected a word and a whole number"),
])
def test_a_bad_number_word_names_the_file_and_line(tmp_path, row, message):
    from eventwire.lang import LanguageData, LanguageDataError

    root = _data_copy(tmp_path, lambda name, text: text + row + "\n" if name == "numbers.tsv" else text)
    with pytest.raises(LanguageDataError, match=message) as err:
        FatalityCounter(LanguageData(root=root))
    path = root / "numbers.tsv"
    assert str(err.value).startswith(f"{path}:{len(path.read_text().splitlines())}:")


def test_counters_from_different_data_give_different_answers(nlp, counter, tmp_path):
    from eventwire.lang import LanguageData

    root = _data_copy(tmp_path, lambda name, text: text.replace(" behead,", "") if name == "casualties.yaml"
                      else text)
    without_behead = FatalityCounter(LanguageData(root=root))
    doc = nlp("The militants beheaded two aid workers.")
    assert counter.find(doc[:]).count == 2
    assert without_behead.find(doc[:]) is None
    assert "behead" not in without_behead.lexicon.death_verbs and "behead" in counter.lexicon.death_verbs


# -- tolls: running totals, nobody killed, a later toll for the main event --------------------------------------

@pytest.mark.parametrize("text", [
    "More than 2,000 people have been killed in the region since January.",
    "At least 300 people have been killed this year in the province.",
])
def test_counts_over_a_period_are_running_totals(count, text):
    assert count(text) is None


def test_a_period_toll_beside_a_days_toll(count):
    assert count("Nine more soldiers died on Friday, bringing this month's dead to 45.") == 9


@pytest.mark.parametrize("text", [
    "Not a single person was killed in the attack.",
    "Not one soldier died in the ambush.",
])
def test_a_negated_victim_counts_zero(count, text):
    assert count(text) == 0


@pytest.mark.parametrize("text, expected", [
    ("No fewer than 20 people were killed in the raid.", 20),
    ("Not less than 14 pilgrims died when the bus was bombed.", 14),
    ("No more than three guards were killed in the assault.", 3),
])
def test_a_negation_that_bounds_the_number_is_no_zero(count, text, expected):
    assert count(text) == expected


def test_a_bounded_toll_keeps_its_killing(pipeline):
    found = _asserted(pipeline, "Not fewer than 30 herders were killed by gunmen in Plateau state.")
    assert [e.fatalities for e in found if e.event_type] == [30]


@pytest.mark.parametrize("text, tally", [
    ("The death toll later rose to 12.", True),
    ("The number of dead has climbed to 27.", True),
    ("The explosion brought the death toll to 40.", True),
    ("A total of 30 people were killed in the two attacks.", False),
    ("Gunmen killed 8 people at the market.", False),
])
def test_a_toll_figure_is_marked_as_a_tally(nlp, counter, text, tally):
    assert counter.find(nlp(text)[:]).tally is tally


def test_running_total_is_a_sentence_fact(nlp, counter):
    assert counter.running_total(nlp("The war has killed 300,000 people.")[:])
    assert not counter.running_total(nlp("The bomb killed 3 people.")[:])


def _asserted(pipeline, text):
    return [e for e in pipeline.extract(text, published="2021-03-02") if e.modality == "asserted"]


@pytest.mark.parametrize("text", [
    "The war has killed more than 300,000 people.",
    "At least 300 people have been killed this year in the province.",
    "No one was killed.",
    "The number of dead has risen to 27.",
])
def test_death_reports_that_are_no_event(pipeline, text):
    assert _asserted(pipeline, text) == []


def test_a_later_toll_updates_the_main_event(pipeline):
    events = _asserted(pipeline, "A bomb exploded at a bus station in the town, killing 8 people. "
                                 "The death toll later rose to 12.")
    assert [e.fatalities for e in events] == [12]


def test_the_main_event_takes_the_toll_of_the_next_sentence(pipeline):
    events = _asserted(pipeline, "A car bomb exploded near a mosque in the city. Eight people were killed and 25 "
                                 "wounded.")
    assert events[0].fatalities == 8


def test_a_main_event_keeps_its_own_count(pipeline):
    events = _asserted(pipeline, "Gunmen attacked a village, killing 5 farmers. Two soldiers were killed in a "
                                 "separate clash.")
    assert events[0].fatalities == 5


@pytest.mark.parametrize("text, count", [
    ("A suicide bomber blew himself up at a bus station in Kano. The blast killed at least nine people.", 9),
    ("Two gunmen opened fire on worshippers outside a church in Ondo. The attack left 14 people dead.", 14),
    ("Boko Haram fighters ambushed a group of fishermen near Baga. Four fishermen were killed in the attack, while "
     "the others escaped.", 4),
    ("A suicide bomber drove a car bomb into an army patrol in Tal Afar. In addition to the bomber, two soldiers "
     "were killed and five others were wounded in the attack.", 2),
])
def test_a_later_sentence_naming_the_event_gives_its_toll(pipeline, text, count):
    events = _asserted(pipeline, text)
    assert events[0].fatalities == count


def test_a_named_event_keeps_its_own_count(pipeline):
    events = _asserted(pipeline, "Gunmen stormed a hotel in Mogadishu, killing three guards. The siege killed "
                                 "nine people before troops ended it.")
    assert events[0].fatalities == 3


def test_an_attack_with_no_one_killed_stays_an_event(pipeline):
    events = _asserted(pipeline, "Militants attacked an army post near the border; no one was killed.")
    assert events and events[0].fatalities == 0


def test_a_conflicting_later_figure_keeps_the_lower_count(pipeline):
    events = _asserted(pipeline, "Five people were killed when two bombs exploded outside a police station. "
                                 "Unconfirmed reports put the death toll at 9.")
    assert events[0].fatalities == 5


def test_a_rising_toll_replaces_the_count(nlp, counter):
    found = counter.find(nlp("The death toll climbed to 14 overnight.")[:])
    assert (found.count, found.tally, found.rising) == (14, True, True)


@pytest.mark.parametrize("expected, text", [
    # harm told after the death word belongs to the people after it
    (4, "A mine killed at least 4 soldiers and another 11 were injured."),
    (20, "The bombings left a total of twenty people dead and 55 wounded."),
    # the object of "shot dead" died, not its subject
    (1, "A gunman shot dead a bank guard and critically injured his son."),
    (8, "A guard shot dead at least eight fellow officers at the camp."),
    # "left ... dead" counts the dead, not what left them
    (10, "Two blasts left at least 10 dead including 9 soldiers in the city."),
])
def test_who_the_death_word_counts(count, expected, text):
    assert count(text) == expected


@pytest.mark.parametrize("expected, text", [
    (4, "A district governor was killed along with his driver and two of his guards in an ambush in Kunar."),
    (3, "A judge was shot dead, along with two others, outside a court in Quetta."),
    (2, "The mayor died together with his wife when a bomb hit their car in Mosul."),
    # "along with" someone who did not die adds nobody
    (2, "Police arrived along with the army after two people were killed."),
    # a second object joined by "as well as" is more dead, not an apposition
    (5, "A suicide bomber attacked a convoy in Kandahar, killing three soldiers, as well as two civilians who were "
        "nearby."),
    (1, "Gunmen killed the mayor, a former police chief, in Tijuana."),
])
def test_the_dead_along_with_a_victim_add_up(count, expected, text):
    assert count(text) == expected


@pytest.mark.parametrize("expected, text", [
    # the dead and the hurt counted together: at least one died
    (1, "Six soldiers were killed and wounded when a bomb went off near the road."),
    (1, "Six people were either killed or wounded in a blast near the market."),
    # the dead set beside the wounded in one figure, as "killed and wounded" (casualties.yaml dead_beside_wounded)
    (1, "About 15 casualties and injuries in shelling on the town."),
    (1, "Warplanes kill and injure 18 people in a village."),
    # each harm with its own people
    (5, "Gunmen killed 5 people and wounded 20 in the market."),
    (5, "Five people were killed and 20 wounded in the blast."),
    (3, "Three villagers were kidnapped and killed by the gang."),
])
def test_killed_and_wounded_together(count, expected, text):
    assert count(text) == expected


def test_a_later_death_of_the_wounded_adds_to_the_main_event(pipeline):
    events = _asserted(pipeline, "Eleven people were killed in a bomb attack on a convoy near the capital. A "
                                 "diplomat later succumbed to his wounds.")
    assert events[0].fatalities == 12


@pytest.mark.parametrize("text, of_wounds", [
    ("One of the wounded died in hospital two days later.", True),
    ("A fourth victim died of his injuries on Monday.", True),
    ("Two people died in the attack.", False),
])
def test_deaths_of_the_wounded_are_marked(nlp, counter, text, of_wounds):
    assert counter.find(nlp(text)[:]).of_wounds is of_wounds


@pytest.mark.parametrize("expected, text", [
    (1, "Gunmen attacked a shop owner, leaving him shot dead."),
    (1, "The gang beat a trader, leaving him stabbed to death near the road."),
])
def test_a_death_verb_completing_leave(count, expected, text):
    assert count(text) == expected


@pytest.mark.parametrize("text", [
    "The shelling killed 140 people within six days.",
    "At least 400 people were killed in the past two weeks.",
])
def test_counts_over_days_or_weeks_are_running_totals(count, text):
    assert count(text) is None


def test_a_record_this_year_is_no_running_total(pipeline):
    """"the deadliest raid ... this year" measures a record: the count is the event's own toll."""
    events = pipeline.extract("Gunmen attacked a police post near the border on Monday, killing four officers in "
                              "the deadliest raid on the town this year.", published="2022-06-08")
    assert [e.fatalities for e in events if e.modality == "asserted" and e.event_type][:1] == [4]


# -- absurd figures: a toll above the ceiling of numbers.tsv is no toll (issue 15) ---------------------------------
@pytest.mark.parametrize("text, words", [
    ("Gunmen killed 99999999999999999999999999 people in Kabul on Monday.",
     "killed 99999999999999999999999999 people"),
    ("Gunmen killed 1e30 people in the town.", "killed 1e30 people"),
    ("Gunmen killed 1e400 people in the town.", "killed 1e400 people"),
    ("Gunmen killed nine hundred trillion people in the town.", "killed nine hundred trillion people"),
    ("Gunmen killed 2 billion people in the town.", "killed 2 billion people"),
    ("Gunmen killed 1,000,000,000,000,000 people in the town.", "killed 1,000,000,000,000,000 people"),
    ("Gunmen killed " + "9" * 6000 + " people in the town.", "killed " + "9" * 6000 + " people"),
])
def test_a_figure_above_the_ceiling_is_no_toll_but_keeps_its_words(nlp, counter, text, words):
    found = counter.find(nlp(text)[:])
    assert (found.count, found.implausible, found.text) == (None, True, words)


@pytest.mark.parametrize("expected, text", [
    (1_000_000, "Gunmen killed 1,000,000 people in the town."),  # the ceiling itself is a toll
    (1_000_000, "Gunmen killed 1e6 people in the town."),
    (2500, "Gunmen killed 2.5e3 people in the town."),
    (100_000, "Gunmen killed hundreds of thousands of people in the town."),
    (10_000, "Gunmen killed tens of thousands of civilians in the town."),
    (1000, "Gunmen killed thousands of people in the town."),
    (1_000_000, "Gunmen killed a million people in the town."),
])
def test_large_figures_up_to_the_ceiling_are_read(count, expected, text):
    assert count(text) == expected


@pytest.mark.parametrize("text, value", [
    ("tens of thousands", 10_000), ("hundreds of thousands", 100_000), ("dozens of thousands", 12_000),
    ("two billion", 1_000_001), ("a trillion trillion trillion", 1_000_001), ("1e999999999", 1_000_001),
    ("hundreds of millions", 1_000_001), ("1.5e2", 150),
])
def test_number_phrases_of_large_figures(nlp, counter, text, value):
    """Above the ceiling every figure reads as just above it: no figure is ever built at its written size."""
    doc = nlp(f"They counted {text} men.")
    assert [p.value for p in counter.number_phrases(doc[:])] == [value]


def test_hundreds_of_people_is_no_multiplication(nlp, counter):
    doc = nlp("They counted hundreds of people and dozens of cars.")
    assert [p.value for p in counter.number_phrases(doc[:])] == [100, 12]


def test_a_fractional_figure_counts_nobody(nlp, counter):
    assert counter.number_phrases(nlp("They counted 1.25e1 men.")[:]) == []


def test_the_ceiling_is_a_data_row(nlp, counter, tmp_path):
    from eventwire.lang import LanguageData

    assert counter.lexicon.toll_ceiling == 1_000_000
    root = _data_copy(tmp_path, lambda name, text: text.replace("toll\t1000000\tceiling", "toll\t100\tceiling")
                      if name == "numbers.tsv" else text)
    low_ceiling = FatalityCounter(LanguageData(root=root))
    doc = nlp("Gunmen killed 500 people in the town.")
    assert counter.find(doc[:]).count == 500
    found = low_ceiling.find(doc[:])
    assert (found.count, found.implausible) == (None, True)


def test_a_missing_ceiling_names_the_file(tmp_path):
    from eventwire.lang import LanguageData, LanguageDataError

    root = _data_copy(tmp_path, lambda name, text: text.replace("toll\t1000000\tceiling\n", "")
                      if name == "numbers.tsv" else text)
    with pytest.raises(LanguageDataError, match="ceiling") as err:
        FatalityCounter(LanguageData(root=root))
    assert str(err.value).startswith(str(root / "numbers.tsv"))


def test_an_event_with_an_implausible_toll_is_flagged(pipeline):
    from eventwire.records import IMPLAUSIBLE_FATALITIES

    [event] = _asserted(pipeline, "Gunmen killed 99999999999999999999999999 people in Kabul on Monday, police said.")
    assert (event.fatalities, event.fatalities_text) == (None, "killed 99999999999999999999999999 people")
    assert event.flags == [IMPLAUSIBLE_FATALITIES]
    assert event.to_dict()["flags"] == [IMPLAUSIBLE_FATALITIES]
    [plausible] = _asserted(pipeline, "Gunmen killed 12 people in Kabul on Monday, police said.")
    assert (plausible.fatalities, plausible.flags) == (12, [])


def test_an_implausible_toll_update_changes_nothing(pipeline):
    events = _asserted(pipeline, "A bomb exploded at a bus station in the town, killing 8 people. "
                                 "The death toll later rose to 1e30.")
    assert [(e.fatalities, e.flags) for e in events] == [(8, [])]


def test_a_plausible_later_toll_replaces_an_implausible_one(pipeline):
    events = _asserted(pipeline, "A bomb exploded at a bus station in the town, killing 1e30 people. "
                                 "The death toll later rose to 12.")
    assert [(e.fatalities, e.flags) for e in events] == [(12, [])]


@pytest.mark.parametrize("expected, text", [
    # a list the parse hangs on its first member as an apposition adds up ...
    (7, "Four Malians, one Nigerien and two Chadians were killed in the ambush."),
    (9, "Rebels attacked the convoy, killing three soldiers, a police officer and 5 civilians from the town."),
    (16, "Gunmen stormed the dormitory, killing 14 pupils, a cook and a night watchman."),
    # ... unless it spells out the first member's own count
    (2, "Two persons, a policeman and a civilian, were killed in the shooting."),
])
def test_a_list_of_the_dead_adds_up(count, expected, text):
    assert count(text) == expected


@pytest.mark.parametrize("expected, text", [
    # the number may hang on any word that modifies the people
    (10, "At least 10 police force members were killed in a rebel attack."),
    (6, "Six paramilitary Hashd fighters were killed in an attack near the border."),
    # a hyphen between a number word and its scale
    (200, "Two-hundred prisoners were executed by the group."),
    # "another" alone is one more person
    (6, "Five villagers were shot dead and another was hacked to death in the raid."),
    # "shot a farmer dead" misparsed as the object "a farmer dead"
    (1, "Gunmen on motorbikes shot a farmer dead and wounded another in the village."),
    # the wounded "along with" the dead are not dead
    (11, "Nine guests and two guards were killed along with 30 wounded."),
])
def test_counts_the_parse_hides(count, expected, text):
    assert count(text) == expected


@pytest.mark.parametrize("text", [
    "Militants executed a series of bombings in the city.",
    "The group executed a wave of attacks on checkpoints.",
])
def test_executing_a_plan_kills_nobody(count, text):
    assert count(text) is None


@pytest.mark.parametrize("expected, text", [
    # a passive death verb has no object: a misparsed place after it is nobody
    (11, "At least 11 loyalist fighters were killed in clashes with the rebel group in the militants' former "
         "bastion of Kidal."),
    # an event's name before the count is no person killed
    (13, "June 2019 Kirkuk market bombing: At least 13 people have been killed and more than 40 injured in a blast "
         "near a shrine."),
])
def test_no_person_is_added_by_a_misparse(count, expected, text):
    assert count(text) == expected


@pytest.mark.parametrize("expected, text", [
    # more dead of the same happening, told with "also"
    (16, "At least 7 guards were killed by an ambush of the rebels near the pass, 9 rebels were also killed."),
    # a subset misparsed as a second subject adds nothing
    (15, "15 people including 5 UN Peacekeepers and 10 Kivu Soldiers were killed in the attack."),
    # one person described twice is no list of the dead
    (1, "Ali Khan, the province's Finance Minister and the only woman in the cabinet, was shot dead in Quetta."),
])
def test_who_adds_to_the_count(count, expected, text):
    assert count(text) == expected


@pytest.mark.parametrize("text", [
    "Eight policemen were killed and five others were wounded in Taliban attacks in Ghazni, 11 Taliban were killed.",
    "At least 8 police were killed in an ambush near the pass, 11 rebels were killed.",
])
def test_a_comma_splice_of_death_clauses_adds_up(count, text):
    assert count(text) == 19


def test_an_also_count_nearest_the_trigger_still_adds_to_the_first(pipeline):
    events = _asserted(pipeline, "Three gunmen attacked a checkpoint near Sirte killing 6 soldiers and injuring 9, "
                                 "one attacker was also killed in an exchange of fire.")
    assert events[0].fatalities == 7


def test_a_breakdown_after_a_colon_adds_no_one(pipeline):
    events = _asserted(pipeline, "Nine people have died in two attacks on churches in Minya: six worshippers and a "
                                 "guard were killed in a shooting outside a church, and two shopkeepers were killed "
                                 "nearby.")
    assert events[0].fatalities == 9
