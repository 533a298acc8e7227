"""The language of no event (issue 12, families 4 and 6): claims and blame for an attack told elsewhere, what a
claim goes on to say, allegations, orders, denials ("had nothing to do with"), recalled events, disasters and
fires, falling things, organised crime. Each rule is checked on sentences written for these tests, both ways:
the false event is gone and the real one next to it stays.

Regression texts that may keep a PLOVER-only event (an accusation, police coercion against crime) but no ACLED
event live in tests/data/no_acled_event/ (tests/data/no_event/ holds those that must give no event at all)."""

from __future__ import annotations

from pathlib import Path

import pytest

from probes import acled_events
from regression_texts import regression_cases
from test_word_sense import sense_of

NO_ACLED_DIR = Path(__file__).parent / "data" / "no_acled_event"


def no_acled_cases():
    return regression_cases(NO_ACLED_DIR)



def modalities(pipeline, text, family="violence"):
    return {e.modality for e in pipeline.extract(text) if e.event_type and (
        family != "violence" or e.event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians"))}


def test_the_regression_files_are_not_empty():
    assert len(no_acled_cases()) >= 10


@pytest.mark.parametrize("text,published", no_acled_cases())
def test_no_asserted_acled_event(pipeline, text, published):
    found = [f"{e.event_type}/{e.sub_event_type}: {e.evidence.text}" for e in acled_events(pipeline, text, published)]
    assert found == [], text


# -- claims, blame and attribution: the event they speak of is told elsewhere ----------------------------------

@pytest.mark.parametrize("claim,report", [
    # a relative clause tells more of the claimed event; without the claim the same words report one
    ("The Islamic State group claimed responsibility for the car bombing that killed 20 people in the capital.",
     "A car bombing killed 20 people in the capital."),
    # a definite deed said by its author is the claim of an event already told; an indefinite one is new
    ("Al-Shabaab said it carried out the attack on the hotel.",
     "Al-Shabaab said it carried out an attack on a hotel in the capital on Sunday."),
    # what a claim of responsibility goes on to say is the claimed event
    ("The Taliban claimed responsibility, saying its fighters had killed dozens of soldiers.",
     "Taliban fighters killed dozens of soldiers in an attack on a base."),
    # the act in the claim's "for" complement
    ("Hamas claimed responsibility for firing the rockets at the town.",
     "Hamas fired rockets at the town on Friday."),
    # a headline read as one noun phrase
    ("Taliban claims deadly attack on army post", "Taliban attack army post, killing four"),
])
def test_a_claim_is_no_new_event_but_the_deed_it_names_is(pipeline, claim, report):
    assert acled_events(pipeline, claim) == []
    assert acled_events(pipeline, report)


def test_an_attack_said_to_bear_a_groups_hallmarks_is_no_new_attack(pipeline):
    assert acled_events(pipeline, "Investigators said the bombing bore the hallmarks of the separatists.") == []


def test_a_share_of_claimed_attacks_is_no_new_attack(pipeline):
    assert acled_events(pipeline, "The front has claimed several of the bombings in the northern province.") == []


def test_the_claim_and_the_attack_told_together_keep_the_attack(pipeline):
    events = acled_events(pipeline, "Gunmen attacked a police checkpoint, killing three officers, "
                                    "and the Taliban claimed responsibility.")
    assert events and events[0].event_type in ("Battles", "Violence against civilians")


def test_a_later_mention_of_the_claimed_event_is_that_event(pipeline):
    # nothing reported before "the attack": it is the claimed one
    assert acled_events(pipeline, "The brigade claimed the raid on the depot. The raid killed four guards.") == []
    # an attack told first stays, and so does the sentence that gives its toll
    told = acled_events(pipeline, "Gunmen raided a depot near the port. The brigade claimed the raid. "
                                  "The raid killed four guards.")
    assert len(told) == 2


def test_a_confession_and_a_passive_attribution_are_no_new_event(pipeline):
    assert acled_events(pipeline, "The driver confessed to setting off the blast at the depot.") == []
    assert acled_events(pipeline, "Officials said the ambush was carried out by a rival faction.") == []


# -- modality beyond auxiliaries --------------------------------------------------------------------------------

def test_an_alleged_act_is_hypothetical(pipeline):
    assert modalities(pipeline, "Villagers alleged that the militia had burned their granaries.", family="any") \
        == {"hypothetical"}


def test_a_relative_clause_takes_the_modality_of_the_event_it_tells_more_of(pipeline):
    # "which killed" hangs on the clinic, the object of the alleged bombing: the killing is alleged too
    found = modalities(pipeline, "The army rejected accusations of bombing a clinic in the valley which killed "
                                 "nine patients.")
    assert found and "asserted" not in found


def test_told_to_act_is_an_order_not_a_report(pipeline):
    assert modalities(pipeline, "Guards were told to arrest anyone who climbed the fence.", family="any") \
        and not acled_events(pipeline, "Guards were told to arrest anyone who climbed the fence.")
    # "told" as a verb of saying still reports: "the officer told reporters that police arrested six"
    assert acled_events(pipeline, "An officer told reporters that police arrested six protesters in the square.")


def test_nothing_to_do_with_denies(pipeline):
    assert "negated" in modalities(pipeline, "The movement said it had nothing to do with the bombing of the bridge.")


def test_a_record_of_an_event_is_no_report_of_it(pipeline):
    # the arrest is reported; the bombing its mastermind planned is told elsewhere
    events = pipeline.extract("Police arrested the alleged mastermind of the hotel bombing on Sunday.")
    assert {e.modality for e in events if e.event_type == "Explosions/Remote violence"} == {"background"}
    assert any(e.sub_event_type == "Arrests" and e.modality == "asserted" for e in events)


def test_no_role_in_an_event_denies_it(pipeline):
    assert "asserted" not in modalities(pipeline, "The party said it had no role in the shooting at the rally.")


def test_an_avenged_event_is_recalled(pipeline):
    found = modalities(pipeline, "The fighters vowed to avenge the killing of their commander.")
    assert "asserted" not in found


# -- tallies over months and years -------------------------------------------------------------------------------

def test_a_tally_over_years_is_no_event_but_one_over_a_day_is(pipeline):
    assert acled_events(pipeline, "The separatists have bombed the railway line dozens of times since 2012.") == []
    assert acled_events(pipeline, "Shelling has killed 14 civilians since Monday in the eastern suburbs.")
    assert acled_events(pipeline, "Air strikes have killed 30 people over the past 24 hours in the province.")


# -- word sense: disasters, fires, falling things, crime ---------------------------------------------------------

@pytest.mark.parametrize("text,word,classes", [
    ("Three hikers were killed when a boulder fell on their tent.", "fell", {"accident"}),
    ("Share prices fell sharply on Monday.", "fell", set()),
    ("Workers at the copper mine went on strike.", "mine", set()),
    ("Poachers killed two elephants near the river.", "killed", set()),
    ("Kidnappers abducted a shopkeeper and demanded a ransom.", "abducted", set()),
    ("Nine people died when a fire swept through a hostel.", "died", {"accident"}),
    ("Four people were killed when heavy rains brought down a wall during the monsoon.", "killed", {"accident"}),
])
def test_the_sense_of_a_trigger(pipeline, text, word, classes):
    found, sense = sense_of(pipeline, text, word)
    assert sense is not None and found == classes


@pytest.mark.parametrize("text", [
    "The town fell to the rebels after a week of fighting.",  # a town falls: taken
    "Boko Haram fighters abducted 30 women and demanded a ransom for their release.",  # an armed group kidnaps
    "Soldiers opened fire on the crowd, killing two men near the market fire.",  # shooting beside a fire
    "Sniper fire killed a boy in the old town.",  # "fire" of a weapon
    "Militants shot dead four villagers during the heavy rains.",  # an attacker in a storm
    "Police shot dead two protesters during a march against the mine.",  # a mine as the cause of a protest
    "A police officer drugged and killed ten of his colleagues at a checkpoint.",  # "drugged" is no drug crime
    "Four migrants were killed by the border guards' fire near the fence.",  # whose fire: the guards'
    "Rebel forces and allied fighters attacked sites of the military council.",  # "sites" of a party, not a website
])
def test_the_real_event_beside_the_false_one_stays(pipeline, text):
    assert acled_events(pipeline, text), text


def test_a_claim_then_the_attack_told_is_one_event_of_the_claimant(pipeline):
    # the claim alone is no ACLED event, but the sentence after it reports the attack itself
    found = acled_events(pipeline, "Al-Shabaab claimed the raid on the army camp. The raid killed seven soldiers.")
    assert [(e.actor1.name if e.actor1 else None, e.fatalities) for e in found] == [("al-Shabaab", 7)]
