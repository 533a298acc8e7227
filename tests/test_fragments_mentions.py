"""Sentences that assert no event of their own: headings and list lines of a report, a condemnation of an event told
before, a practice told in the present perfect, an option, a promise to go on; and what stays an event."""

import pytest

from eventwire.extraction.nlp import headline_ends

VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")


@pytest.fixture(scope="module")
def extract(pipeline):
    def run(text, published="2024-03-11"):
        return [e for e in pipeline.extract(text, published=published) if e.modality == "asserted"]

    return run


def evidence_of(events):
    return [e.evidence.text.strip() for e in events]


# -- headings and list lines ---------------------------------------------------------------------------------

REPORT = ("Gunmen attacked a police post in the border town on Sunday night, wounding four officers.\n"
          "{heading}\n"
          "The provincial governor said the attackers fled across the river before dawn.\n")


def test_a_heading_of_talk_or_movement_inside_a_report_is_no_event(extract):
    for heading in ("Appeals for restraint", "Extra troops sent to guard the crossing"):
        events = extract(REPORT.format(heading=heading))
        assert heading not in evidence_of(events), [(e.plover.event, e.evidence.text) for e in events]
        assert any(e.event_type in VIOLENT for e in events)


def test_a_heading_with_violence_and_a_party_keeps_its_record(extract):
    text = ("Four farmers shot dead near Tillia\n"
            "Gunmen on motorbikes opened fire on farmers working their fields on Sunday, the mayor said.\n")
    events = extract(text)
    assert "Four farmers shot dead near Tillia" in evidence_of(events)


def test_a_verbless_line_with_no_party_is_no_event(extract):
    events = extract(REPORT.format(heading="More air strikes on the capital."))
    assert "More air strikes on the capital." not in evidence_of(events)


def test_a_feed_of_headlines_keeps_every_line(extract):
    # no line ends with a stop: these are reports, one a line, not headings of a text
    text = "Rebels shell army post near Hama\nAir strikes kill nine in Idlib countryside\n"
    events = [e for e in extract(text) if e.event_type in VIOLENT]
    assert len({e.evidence.start for e in events}) == 2


def test_list_lines_each_end_a_sentence():
    text = "The dead were named.\n* Cpl. A. Brown, 2nd Rifles, IED\n* Pte. C. Green, 2nd Rifles, IED\n"
    assert headline_ends(text) == [text.index("* Pte.")]


def test_a_verbless_list_line_is_no_event(extract):
    text = ("A roadside bomb killed two soldiers on patrol outside Lashkar Gah on Tuesday.\n"
            "The dead were named by the ministry.\n"
            "* Corporal Adam Brown, British Army, IED\n"
            "* Private Carl Green, British Army, IED\n")
    events = extract(text)
    assert not [e for e in events if "British Army" in e.evidence.text]
    assert any(e.event_type == "Explosions/Remote violence" for e in events)


# -- a condemnation speaks of an event told before ------------------------------------------------------------

def test_a_condemned_earlier_attack_is_no_new_clash(extract):
    text = ("A suicide bomber killed five soldiers at a checkpoint outside Kandahar on Monday. "
            "The European Union condemns this senseless attack on the security forces.")
    events = extract(text)
    second = text.index("The European Union")
    assert not [e for e in events if e.evidence.start >= second and e.event_type is not None]


def test_a_condemnation_of_the_day_s_bombing_names_the_bombing_told_before(extract):
    text = ("Two car bombs exploded outside a police station in Kirkuk on Sunday, killing seven officers. "
            "The governor condemned Sunday's bombing in a statement.")
    events = extract(text)
    second = text.index("The governor")
    assert not [e for e in events if e.evidence.start >= second and e.event_type is not None]


def test_a_condemned_attack_told_nowhere_else_is_the_event(extract):
    events = extract("The UN condemned the attack on a clinic in the village of Tazarine.")
    assert any(e.event_type in VIOLENT for e in events)


# -- a practice, an option, a promise to go on ----------------------------------------------------------------

def test_a_means_used_in_the_present_perfect_with_a_bare_plural_is_a_practice(extract):
    for text in ("The militia has already used cheap drones to drop grenades on army positions.",
                 "Insurgents have been using homemade mines to target police patrols."):
        assert not [e for e in extract(text) if e.event_type in VIOLENT], text


def test_a_means_used_once_is_an_event(extract):
    for text in ("The militia used drones to drop grenades on the army base on Sunday.",
                 "The rebels have used a car bomb to attack the checkpoint in Aleppo."):
        assert [e for e in extract(text) if e.event_type in VIOLENT], text


def test_one_of_several_options_is_no_event(extract):
    text = "Shooting down the drones is one of several options being studied by the ministry."
    assert not extract(text)


def test_a_promise_to_go_on_working_together_announces_no_new_step(extract):
    text = "Turkey and Iraq will continue to cooperate on border security, the two ministers said."
    assert not [e for e in extract(text) if e.plover.event == "AGREE"]


def test_a_promise_of_a_new_step_is_an_agreement(extract):
    text = "Turkey and Iraq will cooperate on border security, the two ministers said."
    assert [e for e in extract(text) if e.plover.event == "AGREE"]


def test_the_authorship_of_a_bombing_names_no_new_bombing(extract):
    text = "Police have made no arrests, and the authorship of the bombing remains unknown."
    assert not [e for e in extract(text) if e.event_type in VIOLENT]
