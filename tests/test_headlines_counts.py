"""Lines without a stop (headlines, datelines' lead-ins, section heads) end their sentence; the harmed named by a
count that points back ("killing the three") fill actor2; a participle after "went off" is what followed; "the country" names no party."""

import pytest

from eventwire.extraction.nlp import headline_ends


@pytest.fixture(scope="module")
def extract(pipeline):
    def run(text, published="2023-05-02"):
        return [e for e in pipeline.extract(text, published=published) if e.modality == "asserted"]

    return run


def violent(events):
    found = [e for e in events if e.event_type in ("Battles", "Explosions/Remote violence",
                                                   "Violence against civilians")]
    assert found, [(e.event_type, e.trigger) for e in events]
    return found


# -- headline lines ---------------------------------------------------------------------------------------------

def test_a_line_without_a_stop_before_a_capitalised_line_ends_a_sentence():
    text = "Five herders shot dead in Tillaberi\nNIAMEY, May 1 (AFP) -- Gunmen shot dead five herders, officials said."
    assert headline_ends(text) == [text.index("NIAMEY")]


def test_a_line_ending_mid_sentence_before_a_lower_case_word_goes_on():
    assert headline_ends("The convoy was hit by a mine on the road\nnear the market, the army said.") == []


def test_hard_wrapped_text_keeps_its_sentences_across_line_ends():
    text = ("The governor of the northern province said on Monday that the armed men\n"
            "Who attacked the village had come across the river from the neighbouring\n"
            "District before dawn and had left before the police arrived at the scene\n"
            "Of the attack, which killed four farmers and wounded three of their sons.\n")
    assert headline_ends(text) == []


def test_the_headline_and_the_lead_are_two_records_each_with_its_own_sentence(extract):
    text = ("Five herders shot dead in Tillaberi\n"
            "NIAMEY, May 1 (AFP) -- Gunmen shot dead five herders near a well in Tillaberi region on Sunday, "
            "local officials said.")
    events = violent(extract(text))
    assert any(e.evidence.text.strip() == "Five herders shot dead in Tillaberi" for e in events)
    assert all("\n" not in e.evidence.text.strip() for e in events)


def test_heading_lines_are_not_run_into_the_next_sentence(extract):
    text = ("Read more: Why drones worry the police\n"
            "Calls for calm\n"
            "A roadside bomb killed two soldiers in Gao on Friday, the army said.")
    for e in extract(text):
        assert "Calls for calm" not in e.evidence.text or e.evidence.text.strip() == "Calls for calm"


# -- the harmed named by a count ----------------------------------------------------------------------------------

def test_the_three_are_the_three_counted_before(extract):
    events = extract("Three gunmen stormed a checkpoint in Sool on Monday. Soldiers killed the three after "
                     "an hour-long gunfight.")
    killing = [e for e in violent(events) if e.trigger == "killed"][0]
    assert killing.actor2 is not None and killing.actor2.text == "the three"
    assert killing.actor2.sector != "CVL"


def test_the_three_with_nobody_counted_before_stay_unnamed(extract):
    events = extract("Soldiers killed the three after an hour-long gunfight in Sool on Monday.")
    assert all(e.actor2 is None or e.actor2.text != "the three" for e in violent(events))


def test_a_participle_after_went_off_is_what_followed(extract):
    events = extract("A bomb went off in a crowded bus station in Maiduguri on Sunday, killing 17 people.")
    ev = violent(events)[0]
    assert ev.actor2 is not None and "people" in ev.actor2.text


# -- "the country" -------------------------------------------------------------------------------------------------

def test_the_country_names_no_party(extract):
    events = extract("Hundreds of students marched against the country in Harare on Tuesday.")
    assert events and all(e.actor2 is None or e.actor2.text != "the country" for e in events)


def test_a_country_with_its_name_is_still_a_party(extract):
    events = extract("Hundreds of students marched against the Zimbabwean state in Harare on Tuesday.")
    assert any(e.actor2 is not None and "state" in e.actor2.text for e in events)
