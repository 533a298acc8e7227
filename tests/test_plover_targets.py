"""PLOVER events whose code or target the sentence gives indirectly: a protest lodged with a government is an
official complaint, a protest or a curfew with no target named bears on the place the sentence names, an event
told as the circumstance of another ranks below it, and a town read into a person's name does not decide the
country of the parties."""

import pytest

from eventwire.extraction.places.locate import country_focus
from eventwire.records import Place, PlaceMention


@pytest.fixture(scope="module")
def extract(pipeline):
    def run(text):
        return [e for e in pipeline.extract(text) if e.modality == "asserted"]

    return run


def codes(events):
    return [e.plover.event for e in events if e.plover is not None]


def only(events, plover):
    found = [e for e in events if e.plover is not None and e.plover.event == plover]
    assert found, [(e.plover and e.plover.event, e.trigger) for e in events]
    return found[0]


def country(actor):
    return actor.country if actor is not None else None


def top(events):
    return max(events, key=lambda e: e.confidence).plover.event


# -- a protest lodged with a government ------------------------------------------------------------------------

def test_an_official_protest_lodged_with_a_state_is_a_complaint_not_a_demonstration(extract):
    events = extract("Uruguay lodged an official protest with Paraguay on Thursday over the closing of a bridge.")
    assert "PROTEST" not in codes(events)
    ev = only(events, "ACCUSE")
    assert (country(ev.actor1), country(ev.actor2)) == ("URY", "PRY")


def test_a_protest_delivered_to_an_envoy_is_no_aid(extract):
    assert "AID" not in codes(extract("The Estonian foreign ministry delivered a formal protest to the Russian "
                                      "envoy on Monday."))


def test_a_street_protest_stays_a_demonstration(extract):
    assert "PROTEST" in codes(extract("Thousands of nurses staged a protest in Accra against unpaid wages."))


# -- the place as the target -------------------------------------------------------------------------------------

def test_a_demonstration_with_no_target_named_is_aimed_at_the_authorities_of_its_place(extract):
    ev = only(extract("About 300 farmers demonstrated in Ghana on Tuesday over the price of cocoa."), "PROTEST")
    assert country(ev.actor2) == "GHA"
    assert ev.actor2.sector == "GOV"


def test_a_protest_against_a_named_party_keeps_that_party(extract):
    ev = only(extract("Exiled Tibetans protested in Nepal against the Chinese government on Sunday."), "PROTEST")
    assert country(ev.actor2) == "CHN"


def test_a_threatened_curfew_bears_on_the_town_it_names(extract):
    ev = only(extract("The governor threatened to impose a curfew in Mombasa after days of looting."), "THREATEN")
    assert country(ev.actor2) == "KEN"


# -- circumstances -----------------------------------------------------------------------------------------------

def test_talks_where_a_demand_was_made_rank_below_the_demand(extract):
    events = extract("Tamil negotiators demanded a federal constitution at the third round of talks with "
                     "Sri Lankan officials.")
    assert top(events) == "REQUEST"


def test_demands_a_party_conceded_to_rank_below_the_concession(extract):
    events = extract("The Zambian president finally conceded to demands from the opposition to reform the "
                     "electoral law.")
    assert top(events) == "CONCEDE"


# -- the country the place mentions point to ---------------------------------------------------------------------

def _mention(name, country, feature, score, kind="adjective"):
    return PlaceMention(place=Place(name=name, lat=0.0, lon=0.0, country=country, feature=feature), start=0, end=len(name),
                        kind=kind, score=score)


def test_a_doubtful_town_loses_to_a_country_named_outright():
    town = _mention("Kilgore", "USA", "city", 0.6)
    named = _mention("Zambia", "ZMB", "country", 0.99)
    assert country_focus([town, named]) == "ZMB"


def test_at_equal_weight_the_country_named_outright_wins():
    town = _mention("Sedona", "USA", "city", 0.99)
    named = _mention("Zambia", "ZMB", "country", 0.99)
    assert country_focus([town, named]) == "ZMB"


def test_no_country_when_no_mention_has_one():
    assert country_focus([]) is None


def test_what_a_party_is_charged_with_is_alleged_not_reported(extract):
    events = extract("Tanzania filed a complaint with Kenya, charging its neighbour with backing rebel groups in the "
                     "north.")
    assert "SUPPORT" not in codes(events)
    assert top(events) == "ACCUSE"


def test_an_attack_told_as_the_time_of_a_measure_ranks_below_it(extract):
    events = extract("Kenya closed its border with Somalia on Tuesday after al-Shabaab militants attacked a police "
                     "post in Mandera.")
    assert top(events) == "COERCE"
    assert "ASSAULT" in codes(events)


# -- who acts: capitals, delegations, envoys -----------------------------------------------------------------------

def test_a_capital_that_lodges_a_complaint_is_its_government(extract):
    ev = only(extract("Tokyo lodged a complaint with Beijing over the detention of its fishermen."), "ACCUSE")
    assert (country(ev.actor1), country(ev.actor2)) == ("JPN", "CHN")


def test_a_delegation_from_a_country_is_of_that_country(extract):
    ev = only(extract("A delegation from Chad arrived in Tripoli for talks with Libyan officials."), "CONSULT")
    assert (country(ev.actor1), country(ev.actor2)) == ("TCD", "LBY")


def test_an_envoy_summoned_is_a_complaint_to_the_envoys_state(extract):
    ev = only(extract("The Dutch ambassador was summoned by the Turkish foreign ministry on Sunday."), "ACCUSE")
    assert (country(ev.actor1), country(ev.actor2)) == ("TUR", "NLD")


def test_a_witness_summoned_to_court_is_no_complaint(extract):
    assert "ACCUSE" not in codes(extract("The judge summoned three witnesses to appear in court on Monday."))


def test_an_agreement_one_party_appeals_for_is_no_agreement_of_the_appealer(extract):
    events = extract("The Norwegian mediator appealed to the two factions to agree on a new round of talks.")
    assert "REQUEST" in codes(events)
    assert all(e.actor1 is None or e.actor1.country != "NOR" for e in events if e.plover.event == "AGREE")


def test_a_trigger_noun_modifying_another_is_its_matter_not_the_event(extract):
    events = extract("The Turkish president received a delegation from Sweden to discuss the hostage deal.")
    assert top(events) != "ASSAULT"
    deal = only(events, "AGREE")
    assert all(e.confidence < deal.confidence for e in events if e.plover.event == "ASSAULT")


def test_troops_moved_in_a_passive_are_the_side_that_moves(extract):
    ev = only(extract("Ethiopian troops were withdrawn from the Somali town of Baidoa on Monday."), "RETREAT")
    assert country(ev.actor1) == "ETH"
    assert ev.actor2 is None or country(ev.actor2) != "ETH"
