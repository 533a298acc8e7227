"""ACLED sub-types within a family, on sentences written for these tests: a protest broken up vs protesters hurt by
force vs protesters' own violence; ground taken by fighting, taken unopposed, or no ground at all."""

import pytest


@pytest.fixture(scope="module")
def extract(pipeline):
    def run(text):
        return [e for e in pipeline.extract(text, published="2021-06-10") if e.modality == "asserted"]

    return run


def top_sub_type(events):
    """The sub-type of the most confident event with an ACLED type (None: no ACLED event)."""
    coded = [e for e in events if e.event_type is not None]
    return max(coded, key=lambda e: e.confidence).sub_event_type if coded else None


@pytest.mark.parametrize("text,sub_type", [
    # police intervene in a peaceful protest: tear gas, dispersal, detentions, a sit-in broken up
    ("Police used water cannon and tear gas to disperse a crowd of farmers outside the ministry.",
     "Protest with intervention"),
    ("Police detained dozens of marchers and dispersed the rally against fuel prices on Sunday.",
     "Protest with intervention"),
    ("The violent dispersal of the sit-in by paramilitaries drew wide condemnation.", "Protest with intervention"),
    ("Riot police beat a student during a demonstration outside the ministry on Tuesday.",
     "Protest with intervention"),
    # protesters hurt by the force that broke up the protest
    ("At least twenty people were injured when police fired rubber bullets to disperse the crowd in the capital.",
     "Excessive force against protesters"),
    ("Several demonstrators were wounded after security forces violently broke up a rally in the port city.",
     "Excessive force against protesters"),
    # a mob that hurts demonstrators is no force used by the state
    ("A mob of vigilantes attacked the rally with clubs, injuring a dozen marchers.", "Mob violence"),
    # the protesters' own violence, though someone is hurt
    ("Protesters threw stones at police, injuring four officers.", "Violent demonstration"),
    # "riot police" at a march is no riot
    ("Riot police stood by as thousands of nurses marched peacefully through the capital.", "Peaceful protest"),
    ("Activists held a die-in outside the embassy on Saturday.", "Peaceful protest"),
])
def test_protest_sub_types(extract, text, sub_type):
    assert top_sub_type(extract(text)) == sub_type


def test_a_water_cannon_is_no_artillery(extract):
    events = extract("Several people were hurt as police fired water cannon at students in the square.")
    assert all(e.sub_event_type != "Shelling/artillery/missile attack" for e in events)


@pytest.mark.parametrize("text", [
    "The clouds dispersed by the afternoon.",
    "The crowd dispersed peacefully after the speeches.",
    "She drove out of the city on Sunday.",
    "The government pushed back the date of the election.",
])
def test_no_event_without_a_crowd_broken_up_or_armed_men_driven_out(extract, text):
    assert top_sub_type(extract(text)) is None


@pytest.mark.parametrize("text,sub_type", [
    # villages and towns captured are ground taken, not civilians attacked
    ("Government troops captured three villages north of the provincial capital on Monday.",
     "Government regains territory"),
    ("Rebel fighters recaptured the village from the army after heavy fighting.",
     "Non-state actor overtakes territory"),
    # armed men driven out of an area
    ("The army drove the insurgents out of several villages in the north.", "Government regains territory"),
    ("The militia was driven away from the border crossing by government troops.", "Government regains territory"),
    # ground taken after the other side pulled out or handed it over: no fighting
    ("The militants took over the town after government troops withdrew from it.",
     "Non-violent transfer of territory"),
    ("The rebels entered the district unopposed on Sunday.", "Non-violent transfer of territory"),
])
def test_territory_sub_types(extract, text, sub_type):
    assert top_sub_type(extract(text)) == sub_type


@pytest.mark.parametrize("text,sub_type", [
    # "raped" is often parsed with the lemma "rap"
    ("Four soldiers raped two women in a village, a rights group said.", "Sexual violence"),
    ("Three men raped a teenage girl in a village near the border, police said.", "Sexual violence"),
])
def test_weapon_and_harm_sub_types(extract, text, sub_type):
    assert top_sub_type(extract(text)) == sub_type


def test_an_arrest_before_a_protest_stays_an_arrest(extract):
    assert top_sub_type(extract("Police arrested the opposition leader a week before planned protests.")) == "Arrests"


def test_mobilising_is_no_mob(extract):
    events = extract("Party officials are mobilising thousands of supporters to march against the tax on Friday.")
    assert all(e.sub_event_type != "Mob violence" for e in events)


def test_a_mob_is_mob_violence(extract):
    assert top_sub_type(extract("A mob beat a man accused of theft to death in the market.")) == "Mob violence"


def test_a_group_driven_out_of_a_city_lost_ground(pipeline):
    events = pipeline.extract("The group was driven out of the capital in 2011 but still holds the countryside.",
                              published="2021-06-10")
    assert [e for e in events if e.event_type == "Battles"]


def test_livestock_driven_away_is_no_ground_taken(extract):
    events = extract("Gunmen shot two herders and drove away their cattle near the river.")
    assert all(e.sub_event_type not in ("Government regains territory", "Non-state actor overtakes territory")
               for e in events)


@pytest.mark.parametrize("text,sub_type", [
    # ACLED: people abducted and then killed are an attack, not an abduction
    ("Gunmen abducted a village chief and later executed him near the river.", "Attack"),
    ("Two aid workers who were kidnapped last month were found dead on Sunday.", "Attack"),
    ("Militants kidnapped four traders on the highway on Tuesday.", "Abduction/forced disappearance"),
    # a bomber who sets off the charge on the body or in the car and dies in it
    ("A teenage girl detonated herself at a crowded bus station, killing seven people.", "Suicide bomb"),
    ("A man set off a bomb outside a nightclub, killing himself and wounding nine guests.", "Suicide bomb"),
    ("Two female bombers struck a market in the northeast, killing twelve traders.", "Suicide bomb"),
    ("A car bomber rammed a police checkpoint, killing six officers.", "Suicide bomb"),
    ("A bomb exploded at a market, killing five people.", "Remote explosive/landmine/IED"),
    # explosives named by what they do or how they are set off
    ("Insurgents blew up a gas pipeline in the east on Monday.", "Remote explosive/landmine/IED"),
    ("A police vehicle was hit by an improvised explosive in the south, wounding two officers.",
     "Remote explosive/landmine/IED"),
    ("A bus was blown up by a remote-controlled device near the border, killing 14 passengers.",
     "Remote explosive/landmine/IED"),
    # activists attacked where no demonstration is told: an attack on civilians; at a march: force on a protest
    ("Unknown gunmen shot dead a human rights activist outside his home on Friday.", "Attack"),
    ("Masked men beat up three opposition activists in the capital overnight.", "Attack"),
    ("Police shot dead two activists during a march against the dam.", "Excessive force against protesters"),
])
def test_bombing_abduction_and_activist_sub_types(extract, text, sub_type):
    assert top_sub_type(extract(text)) == sub_type


def test_a_gunman_who_kills_himself_set_off_no_bomb(extract):
    events = extract("A gunman shot four people at a school before he killed himself.")
    assert all(e.sub_event_type != "Suicide bomb" for e in events)


@pytest.mark.parametrize("text,sub_type", [
    # a gold or coal mine is a pit (senses.yaml), no landmine: the violence there is coded by what was done
    ("Gunmen killed two guards and abducted an engineer from the gold mine.", "Attack"),
    ("Armed men stormed a coal mine in the north on Monday and shot dead three workers.", "Attack"),
    ("Bandits abducted seven miners from a gold mine near the village on Tuesday.", "Abduction/forced disappearance"),
    # real landmines stay explosives
    ("A landmine exploded under their vehicle, killing four soldiers.", "Remote explosive/landmine/IED"),
    ("A farmer was killed when he stepped on a mine near the border.", "Remote explosive/landmine/IED"),
    ("Two children died after mines planted on the road went off.", "Remote explosive/landmine/IED"),
])
def test_a_mining_site_is_no_landmine(extract, text, sub_type):
    assert top_sub_type(extract(text)) == sub_type
