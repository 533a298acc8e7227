"""Probes of background by time words in a text without a publication date (snippets, wire lines): a decade, a year
named after the event or on its own clause, last year, years ago or a childhood put the event far before the
text's own time (modality `background`, never counted, when the text also reports an event of its own time);
today, yesterday, a weekday, last week, or a full date the text tells its story by do not. Every sentence was
written for these tests (real and invented names)."""

from __future__ import annotations

import datetime as dt

import pytest

from probes import acled_events as acled_records

LOOKED_BACK = [
    'The massacre of 1995 still haunts the town, where a memorial lists 8,000 names.',
    'Her father was killed by a landmine when she was six.',
    'The group first came to prominence after a wave of kidnappings in the early 2000s.',
    'The village was razed during the fighting of 2015 and has never been rebuilt.',
    'Gunmen killed his brother in the 1990s, and he has lived in exile ever since.',
    'Soldiers burned the village to the ground decades ago.',
    'Militants attacked the same police station last year, killing four officers.',
    'Rebels seized the town in 1998 and held it for three years.',
    'During the civil war of 1992-95, more than 100,000 people were killed in Bosnia.',
    'The bombing of the embassy in 1998 killed 224 people in Nairobi.',
    'Thousands were detained in the crackdown of 1989 in Beijing.',
    'The Zorvani militia massacred hundreds of villagers in the early 1980s.',
    'Troops fired on protesters in Maputo in 1974, killing dozens.',
    'When he was a boy, soldiers shot his uncle at a checkpoint outside Hebron.',
    'Police beat striking miners at Orgreave in 1984.',
    'In the late 1970s, guerrillas ambushed army convoys across the north of Kandor province.',
    'The riots of 1969 left the city divided for decades.',
    'Two years ago, gunmen abducted 300 schoolgirls from their dormitory in Katsina.',
    'A decade ago, a suicide bomber killed 40 people at the same mosque.',
    'The student protests of 2011 toppled the government of Tunisia.',
    'Insurgents overran the garrison at Bel Amra in the mid-1990s.',
    'The town was shelled for months during the war of 1999.',
    'His grandfather was executed by the regime in 1937.',
    'Many years ago, protesters stormed the parliament in Bishkek.',
    'Separatists bombed a railway line near Quetta in 2007, killing eleven passengers.',
    'The 1984 anti-Sikh riots killed thousands in Delhi.',
    'Paramilitaries murdered the union leader in 2001 near Cali.',
    'Last year, police arrested dozens of opposition activists in Minsk.',
    'The army crushed a student uprising in Rangoon in 1988.',
    'When she was a teenager, her family fled after rebels torched their village.',
    'As a child, she watched soldiers burn her village in Darfur.',
    'His mother was shot dead by militiamen when he was 12.',
    'Rioters torched hundreds of shops during the unrest of 1992 in Los Angeles.',
    'Guerrillas blew up the dam in the mid-1980s.',
    "Last year's attack on the Tavori border post killed eleven guards.",
    'The Kessara militia overran the district in the late 1990s, forcing thousands to flee.',
    'He spent ten years in prison after being arrested at a protest in 2009.',
]

REPORTED = [
    'On 12 March 2009, a bomb killed 30 people at a market in Peshawar.',
    'Gunmen killed six people in an attack on a bar in Zacatecas on Sunday.',
    'A suicide bomber killed 14 worshippers at a mosque in Kano yesterday.',
    'Police fired tear gas at protesters in Nairobi today.',
    'Rebels attacked an army base near Goma last week, killing nine soldiers.',
    'Troops clashed with militants in the Swat valley on Saturday.',
    'Hundreds of farmers protested outside the parliament in Warsaw.',
    'Security forces arrested 40 demonstrators in Tehran on Monday.',
    'An airstrike killed 12 civilians in Idlib province.',
    'Insurgents ambushed a convoy near Kidal, killing four soldiers.',
    'Protesters set fire to a police station in Dhaka on Tuesday.',
    'Unidentified gunmen abducted a priest in Kaduna state on Friday.',
    'On 3 June 2012, militants stormed a church in Bauchi, killing 15 people.',
    'Riot police dispersed striking teachers in Santiago on Wednesday.',
    'Militants fired rockets at the airport in Tripoli overnight.',
    'A roadside bomb killed three soldiers in Helmand province this morning.',
    'Zorvani fighters seized the town of Bel Amra after heavy fighting.',
    'Students marched through central Khartoum demanding the release of detained leaders.',
    'Survivors of the massacre of 1995 marched through the town on Sunday.',
    'Rebels who fought in the 1990s war attacked a police post near Bunia on Tuesday.',
    'Soldiers shot a man when he was fleeing the checkpoint in Nablus.',
    'Police detained a student when she was leaving the campus in Tbilisi.',
    'Farmers protested in Nairobi against a land law passed last year.',
    'Security forces arrested the man who had led the uprising of 1988 in Yangon.',
    'Gunmen killed a teacher in Borno last Tuesday.',
    'Rebels attacked the town of Beni for the third time this year.',
    'The Kessara bombing was an attack on 13 September 1974 at a cafe in Madrid which killed 13 people.',
    'On 4 May 2010, suicide bombers attacked a market in Baghdad, killing 40 people.',
    'Gunmen stormed a hotel in Mogadishu overnight, the worst attack in the city since the 1990s.',
    'Hundreds of veterans of the 1980s war rallied outside the defence ministry in Yerevan.',
    'Militants blew up a gas pipeline in Sinai on Thursday, the sixth such attack this year.',
    'Police arrested dozens of students at a protest in Dhaka on Monday.',
]


# background is relative to the event the article reports (events/foreground.py): each far-back sentence follows one
# of the text's own time, and alone it is the report (tests/test_background_probe2.py)
FOREGROUND = "Gunmen killed six people at a bar in Zacatecas on Sunday. "


@pytest.mark.parametrize("text", LOOKED_BACK)
def test_an_event_dated_far_back_is_background(pipeline, text):
    records = acled_records(pipeline, FOREGROUND + text)
    assert [f"{e.event_type}: {e.trigger}" for e in records if e.evidence.start >= len(FOREGROUND)] == [], text


@pytest.mark.parametrize("text", REPORTED)
def test_an_event_of_the_text_own_time_is_reported(pipeline, text):
    assert acled_records(pipeline, text), text


def test_a_year_just_before_the_story_told_by_full_date_may_be_its_own():
    from eventwire.extraction.dates.far_back import _before_story

    assert _before_story(2007, [2009]) and not _before_story(2008, [2009]) and _before_story(1995, [])


def test_with_a_publication_date_the_times_are_measured_against_it(pipeline):
    published = dt.date(2024, 5, 3)
    assert acled_records(pipeline, "Gunmen killed six people in an attack on a bar in Zacatecas on Sunday.", published)
    assert acled_records(pipeline, "Militants attacked the same police station last year.", published) == []
    assert acled_records(pipeline, "The Zorvani militia massacred hundreds of villagers in the early 1980s.",
                         published) == []
    # a year just before publication is the window rule's (DateFinder.recalled), not a far-back cue
    assert acled_records(pipeline, "Rebels attacked the garrison in the spring of 2024.", published)


def test_the_events_of_a_paragraph_dated_by_its_story(pipeline):
    text = ("On 4 May 2010, suicide bombers attacked a market in Baghdad, killing 40 people. In the 1990s, "
            "militias shelled the same market for weeks.")
    records = acled_records(pipeline, text)
    assert records and all(e.evidence.start < text.index("In the 1990s") for e in records)
