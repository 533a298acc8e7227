"""The toll of an article's main event when later sentences add to it or tell it over (casualties/tolls.py)."""

from __future__ import annotations

import pytest


def _asserted(pipeline, text):
    return [e for e in pipeline.extract(text, published="2021-03-02") if e.modality == "asserted"]


@pytest.mark.parametrize("text, count", [
    ("Gunmen shot dead three guards at the gate of the factory. A driver was also killed in the shootout.", 4),
    ("Bombs went off at a crowded bus station, killing at least 20 people. Four attackers were also killed in the "
     "attack.", 24),
    ("Rebels ambushed and killed a district officer near the river. His driver, who tried to flee, was also "
     "killed in the attack.", 2),
    ("A roadside bomb killed six soldiers on patrol. Another soldier died in the blast.", 7),
])
def test_more_dead_told_later_add_to_the_main_toll(pipeline, text, count):
    assert _asserted(pipeline, text)[0].fatalities == count


@pytest.mark.parametrize("text, count", [
    # a new event with its own count adds nothing to the first
    ("Gunmen attacked a village, killing 5 farmers. Two soldiers were also killed in a separate clash.", 5),
    # a vague figure is not added to a toll
    ("Gunmen stormed a police post, killing 15 officers. Several attackers were also killed in the fighting.", 15),
    # the dead told again are not more dead
    ("A car bomb killed 12 people at a market. The 12 were buried on Sunday.", 12),
])
def test_other_dead_do_not_add(pipeline, text, count):
    assert _asserted(pipeline, text)[0].fatalities == count


def test_the_events_that_tell_the_main_event_over_take_its_toll(pipeline):
    events = _asserted(pipeline, "An attack took place at a church in the old town on Sunday. Two suicide "
                                 "bombers blew themselves up at the gate. At least 9 people were killed in the "
                                 "attack.")
    bombing = next(e for e in events if e.sub_event_type == "Suicide bomb")
    assert bombing.fatalities == 9
    assert events[0].fatalities == 9


def test_an_event_with_its_own_count_stops_the_telling_over(pipeline):
    events = _asserted(pipeline, "A bomb exploded at a market in the north. In the south, gunmen stormed a farm, "
                                 "killing two farmers. Five people were killed.")
    assert events[0].fatalities is None
    farmers = next(e for e in events if e.fatalities == 2)
    assert farmers.fatalities == 2


@pytest.mark.parametrize("text, count", [
    ("Armed men threw a grenade at a house in the town. The incident left a 4-year-old boy dead.", 1),
    ("A bomb went off near a school in the north. The dead man was a teacher.", 1),
])
def test_deaths_told_in_a_sentence_with_no_event_are_the_main_events(pipeline, text, count):
    assert _asserted(pipeline, text)[0].fatalities == count


def test_deaths_after_a_later_event_are_not_the_main_events(pipeline):
    events = _asserted(pipeline, "Armed men threw a grenade at a house in the town. Troops raided a village "
                                 "nearby. The incident left a 4-year-old boy dead.")
    assert events[0].fatalities is None
