"""Who the parties are when a report does not name them (lang/en/events/conventional_parties.yaml): unclaimed air
strikes and shelling are by the state forces of the country hit, a fight whose sides go unnamed is the government's
against its rebels, a fight that names one side was with the side it fights; no party is guessed without a country,
and a named party is never replaced."""

import pytest

from eventwire.extraction.conventional_parties import PartyConventions


@pytest.fixture(scope="module")
def conventions(language):
    return PartyConventions.from_language(language)


@pytest.fixture(scope="module")
def extract(pipeline):
    def run(text, published="2018-04-03"):
        return [e for e in pipeline.extract(text, published=published) if e.modality == "asserted"]

    return run


def violent(events, sub_event_type=None):
    found = [e for e in events if e.event_type in ("Battles", "Explosions/Remote violence",
                                                   "Violence against civilians")
             and (sub_event_type is None or e.sub_event_type == sub_event_type)]
    assert found, [(e.event_type, e.sub_event_type, e.trigger) for e in events]
    return found[0]


def is_state_of(actor, iso3):
    return actor is not None and actor.sector in ("MIL", "GOV", "COP") and actor.country == iso3


def is_rebels_of(actor, iso3):
    return actor is not None and actor.sector == "REB" and actor.country == iso3


# -- the data, read on its own ------------------------------------------------------------------------------------

def test_an_unnamed_clash_is_the_government_against_its_rebels(conventions, catalogue):
    a1, a2, cost = conventions.fill("Armed clash", None, None, "YEM", catalogue)
    assert is_state_of(a1, "YEM") and is_rebels_of(a2, "YEM")
    assert a1.text is None and not a1.known  # a guess: no words of the text
    assert cost > 0


def test_rebels_named_alone_in_a_clash_fought_the_state(conventions, catalogue):
    rebels = catalogue.localize(catalogue.resolve("rebels"), "MLI")
    a1, a2, _ = conventions.fill("Armed clash", rebels, None, "MLI", catalogue)
    assert a1 is rebels and is_state_of(a2, "MLI")


def test_the_state_named_alone_as_the_side_hit_fought_rebels(conventions, catalogue):
    army = catalogue.localize(catalogue.resolve("soldiers"), "COL")
    a1, a2, _ = conventions.fill("Armed clash", None, army, "COL", catalogue)
    assert is_rebels_of(a1, "COL") and a2 is army


def test_where_the_catalogue_knows_no_rebels_the_state_fought_unidentified_gunmen(conventions, catalogue):
    # police shot at in the United States, Canada or Kenya: no state-based conflict, so no "Rebels (...)"
    assert not {"USA", "CAN", "KEN"} & catalogue.rebel_countries and {"COL", "MLI", "YEM"} <= catalogue.rebel_countries
    for iso3 in ("USA", "CAN", "KEN"):
        police = catalogue.localize(catalogue.resolve("police"), iso3)
        a1, a2, _ = conventions.fill("Armed clash", None, police, iso3, catalogue)
        assert a1 is not None and a1.sector == "UAF" and a1.country == iso3 and a2 is police, (iso3, a1)
    army = catalogue.localize(catalogue.resolve("soldiers"), "CAN")
    a1, a2, _ = conventions.fill("Shelling/artillery/missile attack", army, None, "CAN", catalogue)
    assert a1 is army and a2.sector == "UAF"


def test_officers_shot_at_a_traffic_stop_were_not_shot_by_rebels(extract):
    event = violent(extract("Two officers were shot during a traffic stop in Tulsa, Oklahoma, on Friday night."))
    assert event.actor2.sector == "COP" and event.actor1 is not None and event.actor1.sector == "UAF"


def test_no_guess_without_a_country(conventions, catalogue):
    assert conventions.fill("Armed clash", None, None, None, catalogue) == (None, None, 0.0)


def test_a_state_does_not_shell_itself_its_opponents_do(conventions, catalogue):
    army = catalogue.localize(catalogue.resolve("troops"), "UKR")
    a1, a2, _ = conventions.fill("Shelling/artillery/missile attack", None, army, "UKR", catalogue)
    assert is_rebels_of(a1, "UKR") and a2 is army


def test_an_attack_on_civilians_gets_no_guessed_attacker(conventions, catalogue):
    a1, a2, cost = conventions.fill("Attack", None, None, "NGA", catalogue)
    assert (a1, a2, cost) == (None, None, 0.0)


def is_communal_of(actor, iso3):
    return actor is not None and actor.inter == 4 and actor.country == iso3 and actor.sector not in ("MIL", "REB")


@pytest.mark.parametrize("sentence", [
    "Sectarian clashes broke out in the old city overnight.",
    "Tribal fighting over grazing land flared again.",
    "Inter-communal clashes erupted after the cattle raid.",
    "Clan feuding resumed near the wells.",
    "Clashes between two rival clans went on for a third day.",
    "Fighting between the villages over the disputed farmland continued.",
])
def test_a_fight_called_communal_is_between_communal_militias(conventions, catalogue, sentence):
    a1, a2, cost = conventions.fill("Armed clash", None, None, "SSD", catalogue, sentence=sentence)
    assert is_communal_of(a1, "SSD") and is_communal_of(a2, "SSD") and cost > 0


@pytest.mark.parametrize("sentence", [
    "Fighting broke out in the tribal areas near the border.",
    "Clan elders said the army had clashed with the insurgents.",
    "Religious leaders called for calm after the clashes.",
])
def test_a_community_word_that_does_not_qualify_the_fight_keeps_the_state_and_rebels(conventions, catalogue,
                                                                                    sentence):
    a1, a2, _ = conventions.fill("Armed clash", None, None, "PAK", catalogue, sentence=sentence)
    assert is_state_of(a1, "PAK") and is_rebels_of(a2, "PAK")


def test_a_communal_attack_guesses_the_attacker_only(conventions, catalogue):
    villagers = catalogue.localize(catalogue.resolve("villagers"), "KEN")
    a1, a2, _ = conventions.fill("Attack", None, villagers, "KEN", catalogue,
                                 sentence="Ethnic violence killed twelve villagers overnight.")
    assert is_communal_of(a1, "KEN") and a2 is villagers
    assert conventions.fill("Attack", None, None, "KEN", catalogue, sentence="Ethnic violence flared.")[1] is None


# -- whole sentences ---------------------------------------------------------------------------------------------

def test_unclaimed_shelling_is_by_the_state_forces(extract):
    ev = violent(extract("Heavy artillery shelling hit the outskirts of Kharkiv on Tuesday."))
    assert is_state_of(ev.actor1, "UKR")


def test_unclaimed_air_strikes_are_by_the_state_forces(extract):
    ev = violent(extract("Air strikes on a village near Idlib killed seven people on Monday."))
    assert is_state_of(ev.actor1, "SYR")


def test_fighting_with_no_side_named(extract):
    ev = violent(extract("Fierce clashes erupted on Sunday in the countryside of Hama."), "Armed clash")
    actors = [ev.actor1, ev.actor2]
    assert any(is_state_of(a, "SYR") for a in actors) and any(is_rebels_of(a, "SYR") for a in actors)


def test_fighting_that_names_the_insurgents_only(extract):
    ev = violent(extract("Insurgents fought for hours on the outskirts of Kunduz, Afghanistan."), "Armed clash")
    assert any(is_state_of(a, "AFG") for a in (ev.actor1, ev.actor2))


def test_a_named_attacker_is_kept(extract):
    ev = violent(extract("Turkish artillery shelled villages near Afrin, Syria, on Friday."))
    assert ev.actor1 is not None and ev.actor1.country == "TUR"


def test_gunmen_who_killed_villagers_are_the_attackers_not_the_state(extract):
    ev = violent(extract("Gunmen killed five villagers in Zamfara, Nigeria, on Sunday."))
    assert ev.actor1 is not None and ev.actor1.sector not in ("MIL", "GOV", "COP")


def test_the_state_shelling_an_unnamed_target_hit_the_rebels(conventions, catalogue):
    army = catalogue.localize(catalogue.resolve("the army"), "MMR")
    a1, a2, _ = conventions.fill("Shelling/artillery/missile attack", army, None, "MMR", catalogue)
    assert a1 is army and is_rebels_of(a2, "MMR")


def test_rebels_are_no_attacker_in_an_air_strike(conventions, catalogue):
    army = catalogue.localize(catalogue.resolve("soldiers"), "SDN")
    a1, a2, _ = conventions.fill("Air/drone strike", None, army, "SDN", catalogue)
    assert a1 is None and a2 is army


def test_civilians_hit_by_an_air_strike_get_no_rebels(conventions, catalogue):
    people = catalogue.localize(catalogue.resolve("civilians"), "SYR")
    a1, a2, _ = conventions.fill("Air/drone strike", None, people, "SYR", catalogue)
    assert is_state_of(a1, "SYR") and a2 is people


# -- the article names the other side elsewhere -----------------------------------------------------------------

def test_a_toll_sentence_takes_the_fight_told_before(extract):
    events = violent_all(extract("Soldiers clashed with the Ambazonia Defence Forces near Kumba, Cameroon, on "
                                 "Thursday. Two soldiers were killed."))
    clash = [e for e in events if "clashed" in e.evidence.text]
    toll = [e for e in events if "Two soldiers" in e.evidence.text]
    assert clash and toll and clash[0].actor2 is not None
    assert {toll[0].actor1.name, toll[0].actor2.name} == {clash[0].actor1.name, clash[0].actor2.name}


def test_fighting_with_no_side_named_is_the_fight_the_article_names(extract):
    events = extract("Al-Shabaab fighters attacked Somali army positions near Afgoye on Monday. Several hours of "
                     "fighting followed near the town.")
    later = [e for e in violent_all(events) if "hours of fighting" in e.evidence.text]
    assert later and {later[0].actor1.name, later[0].actor2.name} >= {"al-Shabaab"}


@pytest.mark.parametrize("text, iso3", [
    ("Sectarian clashes in Jos left dozens injured on Tuesday.", "NGA"),
    ("Tribal clashes over grazing land killed 14 people in Darfur.", "SDN"),
    ("Inter-communal clashes in Marsabit left six dead on Tuesday.", "KEN"),
    ("Two rival clans clashed over a water point in Mudug, killing five.", "SOM"),  # the clans are named
])
def test_a_communal_clash_in_a_report_is_not_the_state_against_rebels(extract, text, iso3):
    ev = violent(extract(text), "Armed clash")
    assert is_communal_of(ev.actor1, iso3)
    assert not any(is_state_of(a, iso3) or is_rebels_of(a, iso3) for a in (ev.actor1, ev.actor2))


def test_a_planned_offensive_gets_no_guessed_parties(extract, pipeline):
    events = [e for e in pipeline.extract("Officials fear fighting could break out near Hama, Syria, next week.",
                                          published="2018-04-03") if e.sub_event_type == "Armed clash"]
    assert all(e.actor1 is None and e.actor2 is None for e in events if e.modality != "asserted")


def violent_all(events):
    return [e for e in events if e.event_type in ("Battles", "Explosions/Remote violence",
                                                  "Violence against civilians")]


def test_a_misspelt_sub_event_type_is_an_error_naming_the_file():
    from eventwire.lang import LanguageDataError

    with pytest.raises(LanguageDataError, match="Air strike"):
        PartyConventions._read({"unnamed_actor1": {"Air strike": {"words": "government forces"}}}, "x.yaml")
