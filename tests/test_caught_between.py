"""The harmed of a fight between two named armed sides were caught between them (events/sentence_parties.py,
caught_between): the fight's sides are the event's parties, not one side against the bystanders. Sentences
written for this test."""

import pytest


@pytest.fixture(scope="module")
def fight(pipeline):
    def run(text):
        found = [e for e in pipeline.extract(text, published="2019-05-02")
                 if e.modality == "asserted" and e.event_type in ("Battles", "Violence against civilians")]
        assert found, text
        return found[0]

    return run


def sides(ev):
    return {a.sector for a in (ev.actor1, ev.actor2) if a is not None}


@pytest.mark.parametrize("text, sectors", [
    ("Two civilians were killed in crossfire between the army and ADF rebels near Beni.", {"MIL", "INS"}),
    ("Four villagers died in fighting between government forces and the Arakan Army in Rathedaung.", {"MIL", "REB"}),
    ("Three children were killed in clashes between the Syrian army and rebels in Daraa.", {"MIL", "REB"}),
    ("A woman was hit by a stray bullet during a gunfight between soldiers and militants in Shopian.",
     {"MIL", "REB", "INS", "UAF"}),
    ("Several civilians were wounded in an exchange of fire between Indian and Pakistani troops in Kashmir.",
     {"MIL"}),
])
def test_bystanders_of_a_fight_are_no_side_of_it(fight, text, sectors):
    ev = fight(text)
    assert ev.sub_event_type == "Armed clash"
    assert ev.actor1 is not None and ev.actor2 is not None
    assert sides(ev) <= sectors and "CVL" not in sides(ev)
    assert ev.actor1.name != ev.actor2.name or ev.actor1.country != ev.actor2.country


def test_a_side_killed_in_the_fight_stays_the_side_hit(fight):
    ev = fight("Three soldiers were killed in clashes between the army and rebels near Tal Afar.")
    assert ev.actor2 is not None and ev.actor2.sector == "MIL"
    assert ev.actor1 is not None and ev.actor1.sector != "MIL"


def test_civilians_attacked_by_a_named_group_stay_its_target(fight):
    ev = fight("Two civilians were killed in an attack by ADF rebels near Beni.")
    assert ev.actor1 is not None and ev.actor1.sector in ("REB", "INS")
    assert ev.actor2 is not None and ev.actor2.sector == "CVL"
