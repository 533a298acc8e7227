"""Changes to an armed group's activity (issues 12 and 16): ACLED codes a force's deployment or mobilisation (troops
sent somewhere, reservists called up, reinforcements dispatched) as Strategic developments / Change to
group/activity of that force; it is also a PLOVER MOBILIZE. Drills, alerts and troops sent to a disaster are no
conflict event. Every sentence was written for these tests (real and invented names)."""

from __future__ import annotations

import pytest

from probes import acled_events, top_sub_type

CHANGE = "Change to group/activity"




@pytest.mark.parametrize("text", [
    "The army mobilised thousands of reservists along the northern frontier on Friday.",
    "The interior ministry sent police reinforcements to the restive eastern town of Kelmari.",
    "The Zenovian army dispatched tanks and armoured vehicles to the streets of the capital.",
    "Hundreds of Wagner fighters were deployed to the gold-mining town of Intahaka last week.",
    "HEADLINE: Ethiopia masses troops near Sudan border",
    "Local defence units in Ondo state have been mobilised to guard farms after herders moved into the area.",
])
def test_a_deployment_is_a_change_to_group_activity(pipeline, text):
    assert top_sub_type(pipeline, text) == CHANGE, text


@pytest.mark.parametrize("text", [
    "The army mobilised thousands of reservists along the northern frontier on Friday.",
    "The interior ministry sent police reinforcements to the restive eastern town of Kelmari.",
])
def test_a_deployment_stays_a_plover_mobilize(pipeline, text):
    codes = {e.plover.event for e in acled_events(pipeline, text) if e.sub_event_type == CHANGE}
    assert codes == {"MOBILIZE"}, text


@pytest.mark.parametrize("text", [
    # relief work after a disaster
    "Japan's military mobilised hundreds of soldiers to clear roads buried by heavy snow in Niigata.",
    "Troops were deployed to help evacuate residents as floods swept through the river valley.",
    "The government dispatched army medical teams to the provinces worst hit by the cholera outbreak.",
    "Soldiers were sent to fight the wildfire raging in the hills above Valparaiso.",
    # exercises and alerts change nothing on the ground
    "The navy deployed two frigates for joint exercises with the Indian fleet in the Bay of Bengal.",
    "Security forces were put on high alert across the country ahead of the vote.",
])
def test_relief_and_drills_are_no_acled_event(pipeline, text):
    assert all(e.sub_event_type != CHANGE for e in acled_events(pipeline, text)), text


@pytest.mark.parametrize("text,sub_type", [
    # the fight next to a deployment keeps its own type when it is the event reported
    ("Soldiers sent to the district last week clashed with Ansaru fighters on Sunday, killing nine of them.",
     "Armed clash"),
])
def test_a_fight_next_to_a_deployment_stays_a_fight(pipeline, text, sub_type):
    assert sub_type in {e.sub_event_type for e in acled_events(pipeline, text)}


@pytest.mark.parametrize("text", [
    # ACLED's own examples of the sub-type: a group renames itself, forms, changes its leader, disarms
    "The jihadist group changed its name to the Front for the Liberation of the Sahel.",
    "Militia leaders in the region announced the creation of a new armed group to defend farmers.",
    "The rebels appointed a former army colonel as their new military chief on Sunday.",
    "A new insurgent group calling itself the Mountain Lions announced its formation in a video.",
    "Two Syrian rebel factions announced their merger into a single brigade in Idlib.",
])
def test_a_group_that_changes_is_a_change_to_group_activity(pipeline, text):
    assert top_sub_type(pipeline, text) == CHANGE, text


@pytest.mark.parametrize("text", [
    # the same words outside an armed group's life
    "The football club changed its name after it was bought by a Gulf investor.",
    "The bank appointed a former finance minister as its new chairman on Monday.",
    "Residents welcomed the creation of a new park on the river bank.",
])
def test_a_company_or_club_that_changes_is_no_event(pipeline, text):
    assert acled_events(pipeline, text) == [], text


@pytest.mark.parametrize("text,sub_type", [
    # a state of emergency or martial law declared against unrest or war: a strategic development (LABEL_GUIDE: Other)
    ("The government declared a state of emergency in four northern districts on Tuesday.", "Other"),
    ("Thailand's army declared martial law across the country before dawn on Tuesday.", "Other"),
    # ... but not one declared over a flood, a fire or an epidemic, nor one lifted
    ("The city declared a state of emergency after the river burst its banks.", None),
    ("Officials declared a state of emergency over the wildfires in the north.", None),
    ("The president lifted the state of emergency in the capital after three months.", None),
])
def test_a_state_of_emergency(pipeline, text, sub_type):
    assert top_sub_type(pipeline, text) == sub_type, text
