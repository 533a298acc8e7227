"""The boundaries of ACLED's demonstration and strategic sub-types on sentences written for these tests: who is
arrested at a demonstration, property burned at one, police charges, officials who protest, rallied fighters,
ground taken back, coups by mutineers, a village entered to kill, fighters who surrender."""

import pytest

from probes import ATTACK, CHANGE, INTERVENTION, MOB, OTHER, PEACEFUL, REGAIN, TRANSFER, VIOLENT_DEMO, top_sub_type


@pytest.mark.parametrize("text,expected", [
    # the arrested are told as demonstrators by a clause on them
    ("Police detained 25 students who had gathered outside the rectorate in Belgrade to demand his resignation.",
     INTERVENTION),
    ("Officers arrested eight activists who tried to hold a march against the dam in Sarawak.", INTERVENTION),
    ("Police arrested 12 pensioners taking part in a vigil outside the parliament in Yerevan.", INTERVENTION),
    # property burned during a demonstration is the demonstration's violence
    ("Angry traders set fire to a municipal truck during a protest over market fees in Mbale.", VIOLENT_DEMO),
    # police charging a crowd with batons, in the sentence after the demonstration
    ("Hundreds of nurses marched in Lilongwe on Monday. Police charged them with batons.", INTERVENTION),
    # tear gas or water cannon used on a crowd, alone or in the sentence after the demonstration
    ("Teachers marched to the governor's office in Jos on Monday. Police used water cannon on them.", INTERVENTION),
    ("Police used tear gas against hundreds of taxi drivers blocking the airport road in Kinshasa.", INTERVENTION),
    # a crowd of angry villagers that burns a home
    ("Irate villagers burned down the house of a suspected witch doctor near Kakamega.", MOB),
    # ground taken back by the state
    ("Government troops took back the town of Kalehe from the rebels on Friday.", REGAIN),
    # ground taken without a shot
    ("Separatist fighters took over the village of Ossoba without firing a shot.", TRANSFER),
    # mutineers taking a broadcaster take power, not ground
    ("Mutinous soldiers took over the national radio station in Bissau on Tuesday.", OTHER),
    # armed men entering a village to kill its people attack them
    ("Gunmen entered the village of Dogo Nahawa and killed 14 farmers.", ATTACK),
    # fighters who surrender to the other side change their group's activity
    ("About 300 fighters of the Mai-Mai Raia Mutomboki surrendered to the army in Shabunda.", CHANGE),
])
def test_sub_type(pipeline, text, expected):
    assert top_sub_type(pipeline, text) == expected


@pytest.mark.parametrize("text", [
    # an envoy or a ministry that protests complains; no one took to the streets (the detention it protests is an
    # event of its own)
    "The ambassador protested against the detention of four of its nationals in Baku.",
    "The foreign ministry protested against the treatment of its citizens at the border crossing of Sadakhlo.",
    # fighters rallied for an assault are mobilised, not demonstrating
    "The rebel commander rallied his fighters for an assault on the garrison town of Walikale.",
    # a march planned for a day to come has not happened
    "Organisers expect thousands of people at a march planned for Saturday in Sofia.",
])
def test_no_demonstration(pipeline, text):
    assert top_sub_type(pipeline, text) not in (PEACEFUL, INTERVENTION, VIOLENT_DEMO)
