"""Who was hit (actor2, in the words of the text) and where (the location's words): the victims' whole phrase, the
harmed named by a noun of harm or a count, what an impact verb hit; the spot an event happened at (a village near
a town, a venue on a street) and a place named only by its kind ("the province") after its name."""

import pytest


@pytest.fixture(scope="module")
def extract(pipeline):
    def run(text, published="2022-03-14"):
        return [e for e in pipeline.extract(text, published=published) if e.modality == "asserted"]

    return run


def violent(events):
    found = [e for e in events if e.event_type in ("Battles", "Explosions/Remote violence",
                                                   "Violence against civilians")]
    assert found, [(e.event_type, e.trigger) for e in events]
    return found


def target_words(event):
    return " ".join(a.text or "" for a in [event.actor2, *event.assoc_actor2] if a is not None)


# -- the target's words ---------------------------------------------------------------------------------------

def test_victims_named_after_a_catalogue_name_keep_their_head_noun(extract):
    ev = violent(extract("Four Kenyan police officers were killed by a roadside bomb in Mandera on Tuesday."))[0]
    assert "officers" in target_words(ev)


def test_the_participle_names_the_victims_when_the_article_has_an_armed_group(extract):
    events = extract("A car bomb exploded near a base in Kunar on Friday, killing eight Afghan army soldiers. "
                     "A Taliban spokesman said the group had carried out the bombing.")
    first = violent(events)[0]
    assert first.actor2 is not None and "soldiers" in target_words(first)
    assert first.actor2.name != "Taliban"


def test_the_assassination_of_someone_names_the_victim(extract):
    events = extract("Unknown gunmen carried out the assassination of the provincial governor in Jalalabad on Sunday.")
    assert any("governor" in target_words(e) for e in violent(events))


def test_a_hostages_trigger_names_the_harmed_and_the_takers_act(extract):
    events = extract("Armed men seized dozens of hostages at a school in Beslan on Wednesday.")
    seized = [e for e in events if "hostages" in (e.actor1.text if e.actor1 else "") + target_words(e)]
    assert seized
    for e in seized:
        assert "hostages" not in (e.actor1.text if e.actor1 else "")
        assert "hostages" in target_words(e)


def test_an_impact_verb_hit_what_it_went_into(extract):
    ev = violent(extract("A suicide bomber crashed his car into an army patrol near Kandahar on Monday."))[0]
    assert "patrol" in target_words(ev)


def test_the_aim_of_a_weapon_is_who_was_hit(extract):
    ev = violent(extract("Gunmen opened fire on worshippers at a mosque in Kano on Friday, killing nine."))[0]
    assert "worshippers" in target_words(ev)
    assert "mosque" in (ev.location.text or "")


def test_a_count_of_the_harmed_keeps_its_number(extract):
    events = extract("Three of the wounded police officers died in hospital in Peshawar on Monday.")
    assert any(target_words(e).startswith("Three of the") for e in violent(events))


def test_arrests_including_named_people_list_them(extract):
    events = extract("Dozens of opposition activists were arrested in Minsk on Monday, including the blogger "
                     "Maria Kolesnikova.")
    arrests = [e for e in events if e.event_type == "Strategic developments" or e.sub_event_type == "Arrests"]
    assert any("Kolesnikova" in target_words(e) for e in arrests)


# -- the place's words --------------------------------------------------------------------------------------

def test_the_towns_of_x_keep_their_noun(extract):
    ev = violent(extract("Militants attacked police stations in the towns of Mardan and Swabi on Monday, "
                         "killing four officers."))[0]
    assert ev.location is not None and ev.location.name in ("Mardan", "Swabi")
    assert "towns of" in (ev.location.text or "")


def test_a_venue_on_a_street_in_the_event_clause_is_the_place_words(extract):
    events = extract("Police in Marseille are looking for a man after a blast on Friday. "
                     "The explosion targeted a pharmacy on the busy street Rue Lafayette, injuring five people.")
    ev = next(e for e in violent(events) if "pharmacy" in e.evidence.text)
    assert ev.location is not None and ev.location.name == "Marseille"
    assert "Rue Lafayette" in (ev.location.text or "")


def test_a_place_named_by_its_kind_is_the_last_place_of_that_kind(extract):
    events = extract("Fighting broke out in Kunduz last week. On Monday, the city was shelled by the Taliban.")
    ev = next(e for e in violent(events) if "shelled" in e.evidence.text)
    assert ev.location is not None and ev.location.name == "Kunduz"
    assert ev.location.text == "the city"


def test_a_named_kind_is_no_anaphor(extract):
    events = extract("Fighting broke out in Kunduz last week. On Monday, gunmen attacked a checkpoint in the "
                     "city of Herat.")
    ev = next(e for e in violent(events) if "checkpoint" in e.evidence.text)
    assert ev.location is not None and "Herat" in (ev.location.text or "") and ev.location.feature == "city"


# -- an accidental blast of an armed group's own bomb -------------------------------------------------------

def test_militants_killed_by_their_own_bomb_going_off_early_is_an_explosion(extract):
    ev = violent(extract("Four insurgents were killed in an accidental explosion while assembling a roadside bomb "
                         "in Zabul province on Sunday."))[0]
    assert ev.event_type == "Explosions/Remote violence" and ev.fatalities == 4


def test_an_accidental_blast_at_a_plant_stays_no_event(extract):
    events = extract("Six workers were killed in an accidental explosion at a fertiliser plant in Zhejiang.")
    assert [e for e in events if e.event_type == "Explosions/Remote violence"] == []
