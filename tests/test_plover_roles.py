"""Who acts on whom in verbal and diplomatic (PLOVER) events, and which country each party is: targets inside a
demand's clause, capitals standing for their governments, parties joined before a shared noun, bare counts of the
arrested, relational nouns ("its neighbour"), object control ("urged X to release"), announced refusals."""

import pytest


@pytest.fixture(scope="module")
def extract(pipeline):
    def run(text):
        return [e for e in pipeline.extract(text) if e.modality == "asserted"]

    return run


def only(events, plover):
    found = [e for e in events if e.plover is not None and e.plover.event == plover]
    assert found, [(e.plover and e.plover.event, e.trigger) for e in events]
    return found[0]


def country(actor):
    return actor.country if actor is not None else None


# -- targets -------------------------------------------------------------------------------------------------

def test_a_demand_made_in_a_statement_targets_the_subject_of_what_it_demands(extract):
    ev = only(extract("The opposition party issued a statement demanding that the Kenyan government release the "
                      "detained journalists."), "REQUEST")
    assert country(ev.actor2) == "KEN"


def test_a_speech_act_of_purpose_is_addressed_to_the_object_of_the_verb_above(extract):
    ev = only(extract("On Monday, the Peruvian foreign minister summoned Chile's ambassador to complain about border "
                      "incidents."), "ACCUSE")
    assert (country(ev.actor1), country(ev.actor2)) == ("PER", "CHL")


def test_the_aim_of_a_noun_trigger_may_hang_on_its_light_verb(extract):
    ev = only(extract("Judge Pedro Silva opened corruption investigations against 12 Argentine officials."), "ACCUSE")
    assert (country(ev.actor1), country(ev.actor2)) == ("ARG", "ARG")


def test_a_relational_noun_names_the_other_party_not_its_owner(extract):
    ev = only(extract("Portugal lodged a formal protest with Spain on Friday, accusing its neighbour of polluting the "
                      "river."), "ACCUSE")
    assert (country(ev.actor1), country(ev.actor2)) == ("PRT", "ESP")


def test_a_state_named_after_on_is_the_target_of_sanctions_and_calls(extract):
    ev = only(extract("Washington imposed sanctions on Pyongyang."), "SANCTION")
    assert (country(ev.actor1), country(ev.actor2)) == ("USA", "PRK")
    ev = only(extract("Lebanese President Michel Aoun called on Israel to withdraw."), "REQUEST")
    assert (country(ev.actor1), country(ev.actor2)) == ("LBN", "ISR")


def test_a_party_recalling_its_own_envoy_from_a_capital_acts_on_that_capital(extract):
    ev = only(extract("Ecuador recalled its ambassador from Lima on Tuesday."), "SANCTION")
    assert (country(ev.actor1), country(ev.actor2)) == ("ECU", "PER")


def test_a_bare_count_of_the_arrested_is_the_crowd_named_before(extract):
    ev = only(extract("Egyptian police fired tear gas at protesters, killing two and arresting 30."), "COERCE")
    assert ev.actor2 is not None and (ev.actor2.sector == "CVL" or ev.actor2.inter == 6)
    assert country(ev.actor2) == "EGY"


# -- who acts --------------------------------------------------------------------------------------------------

def test_the_object_of_urged_does_the_infinitives_act(extract):
    events = [e for e in extract("The UN urged Ethiopia to release the detained journalists.")]
    assert country(only(events, "REQUEST").actor2) == "ETH"


def test_parties_joined_before_a_shared_noun_are_both_in_a_joint_event(extract):
    ev = only(extract("The Spanish and Moroccan navies held joint war games in the Atlantic."), "COOPERATE")
    assert {country(ev.actor1), country(ev.actor2)} == {"ESP", "MAR"}


def test_a_light_verb_over_a_measure_of_the_trigger_gives_its_subject(extract):
    ev = only(extract("Spanish and Moroccan warships on Tuesday launched ten days of war games in the Atlantic."),
              "COOPERATE")
    assert {country(ev.actor1), country(ev.actor2)} == {"ESP", "MAR"}


def test_two_capitals_joined_by_and_are_two_governments(extract):
    ev = only(extract("Tokyo and Seoul agreed to resume talks."), "AGREE")
    assert {country(ev.actor1), country(ev.actor2)} == {"JPN", "KOR"}


def test_members_of_aid_groups_are_aid_workers_of_the_groups_country(extract):
    ev = only(extract("Doctors from three Canadian aid groups delivered medicine to Kabul University Hospital."), "AID")
    assert (country(ev.actor1), country(ev.actor2)) == ("CAN", "AFG")
    assert ev.actor1.sector != "GOV"


def test_a_participle_with_its_own_object_is_not_passive(extract):
    ev = only(extract("Nurses from three Dutch charities donated and delivered medicines to the Kabul City "
                      "Hospital."), "AID")
    assert (country(ev.actor1), country(ev.actor2)) == ("NLD", "AFG")


# -- codes -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["Lebanon says it will not accept any more refugees from the war.",
                                  "The rebels will never negotiate with the government, their leader said."])
def test_an_announced_refusal_is_reject(extract, text):
    events = extract(text)
    assert any(e.plover.event == "REJECT" for e in events if e.plover is not None)
    assert not any(e.plover.event == "AGREE" for e in events if e.plover is not None)


# -- the catalogue -----------------------------------------------------------------------------------------------

def test_capitals_of_the_country_list_stand_for_their_governments(catalogue):
    assert catalogue.state_of_place("Lima").country == "PER"
    assert catalogue.state_of_place("Vienna").country == "AUT"
    assert catalogue.state_of_place("Kingston") is None  # a town in several countries


def test_an_unknown_institution_named_after_a_capital_is_of_that_country(catalogue):
    assert catalogue.guess("Nairobi Chamber of Commerce").country == "KEN"
    assert catalogue.guess("Syrian Writers Union in London").country == "SYR"  # a country word first


def test_a_refusal_to_yield_is_no_rejection(extract):
    events = extract("We will continue to work with our partners, just as we will not relent in our fight against the "
                     "militants.")
    assert not any(e.plover.event == "REJECT" for e in events if e.plover is not None)


def test_a_nationality_on_an_abstraction_is_that_states_party(extract):
    ev = only(extract("Hundreds of Kashmiri students demonstrated against Indian rule in Srinagar."), "PROTEST")
    assert country(ev.actor2) == "IND"
    ev = only(extract("The opposition rejected the Zambian decision to delay the vote."), "REJECT")
    assert country(ev.actor2) == "ZMB"


def test_a_step_announced_on_a_condition_is_a_threat(extract):
    events = extract("Kenya announced that it will withdraw its troops from Somalia unless the government holds "
                     "elections within a year.")
    ev = only(events, "THREATEN")
    assert (country(ev.actor1), country(ev.actor2)) == ("KEN", "SOM")
    assert not any(e.plover.event == "AGREE" for e in events if e.plover is not None)


def test_a_party_moving_its_own_men_acts_on_the_country_it_leaves(extract):
    ev = only(extract("Kenya announced that it will withdraw its troops from Somalia next year."), "AGREE")
    assert (country(ev.actor1), country(ev.actor2)) == ("KEN", "SOM")


def test_talks_between_two_countries_have_both_governments(extract):
    ev = only(extract("The talks between Greece and Turkey ended without agreement."), "CONSULT")
    assert {country(ev.actor1), country(ev.actor2)} == {"GRC", "TUR"}


def test_who_arrived_for_talks_takes_part_in_them(extract):
    ev = only(extract("Ali Reza, the Iranian foreign minister, arrived in Baghdad for talks with Iraqi leaders."),
              "CONSULT")
    assert (country(ev.actor1), country(ev.actor2)) == ("IRN", "IRQ")


def test_historical_names_of_states_are_known(catalogue):
    assert catalogue.resolve("the Zairean government").country == "COD"
    assert catalogue.resolve("the European Community").sector == "IGO"


def test_who_sends_aid_gives_it_and_the_country_it_goes_to_gets_it(extract):
    ev = only(extract("The United States sent food aid to Ethiopia."), "AID")
    assert (country(ev.actor1), country(ev.actor2)) == ("USA", "ETH")


def test_a_party_agreeing_to_move_its_own_troops_acts_on_the_country_they_leave(extract):
    ev = only(extract("The Soviet Union agreed to withdraw its troops from Afghanistan."), "AGREE")
    assert (country(ev.actor1), country(ev.actor2)) == ("RUS", "AFG")


def test_a_country_name_the_tagger_split_is_still_the_state(extract):
    ev = only(extract("Japan's emperor apologised to South Korea for the colonial rule."), "CONCEDE")
    assert (country(ev.actor1), country(ev.actor2)) == ("JPN", "KOR")


def test_two_states_restoring_relations_are_both_parties(extract):
    events = extract("Britain and Argentina restored diplomatic relations.")
    ev = next(e for e in events if e.trigger == "restored")
    assert {country(ev.actor1), country(ev.actor2)} == {"GBR", "ARG"}


def test_who_owns_a_withdrawal_by_pronoun_withdraws(extract):
    ev = only(extract("Ethiopia said its withdrawal from the disputed town was completed on Friday."), "RETREAT")
    assert country(ev.actor1) == "ETH"
    ev = only(extract("Croatian Serbs said their forces had completed their withdrawal from the enclave."), "RETREAT")
    assert country(ev.actor1) == "HRV"


def test_a_people_named_with_the_country_they_live_in(catalogue):
    assert catalogue.resolve("Kosovo Albanians").country == "XKX"
    assert catalogue.resolve("Croatian Serbs").country == "HRV"
    assert catalogue.resolve("Syrians").country == "SYR"


def test_a_protests_aim_may_be_in_the_purpose_clause_of_its_verb(extract):
    ev = only(extract("About 200 Kurdish refugees began a hunger strike on Monday to protest against the Danish "
                      "government's decision to deport them."), "PROTEST")
    assert country(ev.actor2) == "DNK"
