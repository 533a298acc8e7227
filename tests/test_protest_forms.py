"""The forms of a demonstration on sentences written for these tests (issue 16, probe set 6): arrests told beside a
demonstration, an arrest participle that only says who a person is, workers on strike who turn violent, a crowd
that hits police, crowds pushed back, peaceful demonstrations attacked, and crowds of civilians that attack people."""

import pytest

from probes import ARRESTS, FORCE, INTERVENTION, MOB, PEACEFUL, VIOLENT_DEMO, top_sub_type


@pytest.mark.parametrize("text,expected", [
    # an arrest told beside a demonstration in its sentence is made at it
    ("Dozens of students were taken into custody when police moved in to end their sit-in in Osh.", INTERVENTION),
    ("Police arrest 12 as fishermen's protest turns tense in Kollam", INTERVENTION),
    ("Scores of demonstrators demanding clean water were detained across Tashkent on Monday.", INTERVENTION),
    # ... right after a demonstration, when the arrested are a part of its crowd told by number
    ("Hundreds of teachers rallied in Lome on Monday. Police detained 20 people.", INTERVENTION),
    # ... unless the sentence before told the arrest itself (this one retells it)
    ("Several activists were detained before the governor's rally in Kisumu. Police said the activists were held at "
     "local police stations for the whole day.", ARRESTS),
    # ... but not a demonstration named as when or why ("before", "in anticipation of")
    ("Police detained dozens of activists in anticipation of mass protests in Alexandria.", ARRESTS),
    # an arrest participle before a noun says who a person is, no arrest told
    ("Supporters of the jailed mayor held a demonstration in Izmir on Sunday, demanding his release.", PEACEFUL),
    # the violence of workers on strike is a demonstration's
    ("Striking bus drivers stoned buses that were still running in Harare.", VIOLENT_DEMO),
    ("Cement workers on strike attacked security guards with sticks at the plant gates in Lukala.", VIOLENT_DEMO),
    # a crowd that hits police or soldiers is violent itself
    ("Youths protesting the death of a trader attacked a police post in Bafang and injured three officers.",
     VIOLENT_DEMO),
    # a crowd pushed or chased back by police is met by force, no ground taken
    ("Police pushed demonstrators away from the gates of the senate in Asuncion with shields.", INTERVENTION),
    # a demonstration called peaceful that men attack is met with excessive force
    ("Men armed with iron rods attacked students at a peaceful protest in Jahangirnagar, sending 20 to hospital.",
     FORCE),
    ("A protester was beaten to death by police after being held at a march in Bujumbura.", FORCE),
    # a crowd of civilians without arms of war that attacks people
    ("Villagers attacked a team of census workers in the village of Gidan Bako, injuring two.", MOB),
    # supporters of rival sides who fight
    ("Supporters of rival candidates fought with sticks and stones outside a polling station in Bo.", MOB),
])
def test_sub_type(pipeline, text, expected):
    assert top_sub_type(pipeline, text) == expected

