"""Who did it (actor1) and to whom (actor2) where the parse does not hand it over directly: attackers named in a
subordinate clause or a noun modifier, claims, suspicion and blame in another sentence, counted victims."""

import pytest


@pytest.fixture(scope="module")
def extract(pipeline):
    def run(text, published="2021-06-10"):
        return [e for e in pipeline.extract(text, published=published) if e.modality == "asserted"]

    return run


def violent(events):
    return [e for e in events if e.event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians")]


def first_actor1(events):
    found = violent(events)
    assert found, [(e.event_type, e.trigger) for e in events]
    return found[0].actor1


def names(actor):
    return actor.name if actor is not None else None


# -- the attacker named in a clause of its own or a noun modifier ----------------------------------------------

def test_when_clause_names_the_attacker(extract):
    a1 = first_actor1(extract("Four guards were killed and two others wounded when al-Shabaab fighters stormed a "
                              "hotel in Kismayo."))
    assert a1 is not None and "Shabaab" in a1.name


@pytest.mark.parametrize("text", [
    "Two of al-Shabaab's gunmen opened fire on a bus near Mandera, killing five passengers.",
    "Three of the al-Shabaab fighters stormed a police post in Garissa.",
])
def test_a_count_of_the_group_is_the_group(extract, text):
    a1 = first_actor1(extract(text))
    assert a1 is not None and "Shabaab" in a1.name, text


def test_attacker_of_a_staged_attack_in_a_when_clause(extract):
    a1 = first_actor1(extract("Four villagers were wounded when ELN rebels staged an attack on a police post in "
                              "Arauca."))
    assert a1 is not None and "National Liberation Army" in a1.name


def test_a_named_group_beats_a_kind_with_a_nationality(extract):
    a1 = first_actor1(extract("Five farmers were killed in an attack by Congolese rebels of the FDLR near Rutshuru."))
    assert names(a1) == "Democratic Forces for the Liberation of Rwanda"


def test_state_forces_of_a_named_unit_stay_state_forces(extract):
    a1 = first_actor1(extract("Pakistani soldiers of the Frontier Corps killed two militants in Khyber."))
    assert a1 is not None and a1.sector == "MIL" and a1.country == "PAK"


@pytest.mark.parametrize("text, source, target", [
    ("Ghana lodged a formal protest with Togo on Monday.", "GHA", "TGO"),
    ("Spain announced a suspension of flights to Morocco on Tuesday.", "ESP", "MAR"),
])
def test_subject_of_a_light_verb_is_actor1_of_its_noun(extract, text, source, target):
    ev = extract(text)[0]
    assert ev.actor1 is not None and ev.actor1.country == source, text
    assert ev.actor2 is not None and ev.actor2.country == target, text


def test_an_event_after_a_preposition_of_time_has_not_the_verbs_subject(extract):
    riots = [e for e in extract("The army declared a curfew in Goma after the riots.") if e.event_type == "Riots"]
    assert riots and riots[0].actor1 is None


@pytest.mark.parametrize("text, holder", [
    ("Jihadist factions shelled positions of the regime forces east of Idlib.", "MIL"),
    ("Militants stormed the army's base in Ouallam, killing 12 soldiers.", "MIL"),
])
def test_the_holder_of_ground_attacked_is_the_side_hit(extract, text, holder):
    ev = violent(extract(text))[0]
    assert ev.actor2 is not None and ev.actor2.sector == holder, text


def test_gunmen_are_not_the_group_whose_ground_they_attack(extract):
    ev = violent(extract("Gunmen attacked checkpoints of the SDF near Hajin."))[0]
    assert names(ev.actor1) != "Syrian Democratic Forces"
    assert names(ev.actor2) == "Syrian Democratic Forces"


def test_fighters_of_a_group_the_catalogue_does_not_know(extract):
    a1 = first_actor1(extract("Suspected militants of the Dimasa Liberation Army ambushed a police patrol near "
                              "Haflong, killing two officers."))
    assert names(a1) == "Dimasa Liberation Army"


def test_counted_others_are_not_the_attacker(extract):
    for ev in violent(extract("Three farmers were killed and five others injured near Maiduguri on Sunday.")):
        assert ev.actor1 is None or "other" not in (ev.actor1.text or "").lower()


def test_group_noun_modifier_on_attack(extract):
    a1 = first_actor1(extract("Eleven villagers were killed and four others injured in a Boko Haram raid on "
                              "Gajiram."))
    assert a1 is not None and a1.name == "Boko Haram"


def test_lost_their_lives_in_an_ambush_by(extract):
    ev = violent(extract("Seven soldiers lost their lives in an ambush by Taliban fighters in Ghazni province."))[0]
    assert names(ev.actor1) == "Taliban"
    assert ev.actor2 is not None and ev.actor2.sector in ("MIL", "COP", "GOV")


def test_headline_passive_without_were(extract):
    ev = violent(extract("Nine soldiers killed when Houthi rebels fired missiles at a base in Marib."))[0]
    assert names(ev.actor1) == "Houthis"


def test_by_agent_hung_on_the_place(extract):
    ev = violent(extract("Two traders were shot dead outside a bakery in Beledweyne by al-Shabaab gunmen."))[0]
    assert ev.actor1 is not None and "Shabaab" in ev.actor1.name


def test_by_agent_hung_on_the_target_of_a_noun(extract):
    a1 = first_actor1(extract("Nine herders were killed in an attack on a camp by the Allied Democratic Forces."))
    assert names(a1) == "Allied Democratic Forces"


def test_for_in_place_of_by(extract):
    a1 = first_actor1(extract("Four engineers were kidnapped for ELN guerrillas on a road near Saravena."))
    assert a1 is not None and "National Liberation Army" in a1.name


def test_for_of_a_reason_is_not_an_agent(extract):
    a1 = first_actor1(extract("Two guards were killed for refusing to open the gate."))
    assert a1 is None


def test_gerund_shelling_by(extract):
    ev = violent(extract("Five dead in artillery shelling by the regime forces on the town of Kafr Nabl in Idlib."))[0]
    assert ev.actor1 is not None and ev.actor1.country == "SYR" and ev.actor1.sector in ("MIL", "GOV")


def test_between_hung_on_the_place(extract):
    ev = violent(extract("Heavy clashes in the eastern countryside of Aleppo between the regime forces and the Islamic State group."))[0]
    sides = {names(ev.actor1), names(ev.actor2)}
    assert "Islamic State" in sides and any(s and "Syria" in s for s in sides)


# -- claims, suspicion and blame in a nearby sentence ------------------------------------------------------------

@pytest.mark.parametrize("claim", [
    "Police suspect that the ELN is behind the attack.",
    "The ELN was most likely behind the attack.",
    "No group claimed responsibility, but the ELN is suspected.",
    "The authorities blamed the ELN for the bombing.",
    "Officials blamed the bombing on the ELN.",
    "The bombing was attributed to the ELN.",
    "The perpetrators are believed to be members of the ELN.",
    "The attack is thought to have been carried out by the ELN.",
])
def test_claim_in_next_sentence(extract, claim):
    events = extract("A bomb exploded outside a police station in Arauca, killing two officers. " + claim)
    a1 = first_actor1(events)
    assert a1 is not None and "National Liberation Army" in a1.name, claim
    # the sentence about who did it is not a second attack
    claim_start = len("A bomb exploded outside a police station in Arauca, killing two officers. ")
    assert not [e for e in violent(events) if e.evidence.start >= claim_start and e.same_as is None]


def test_claim_in_a_relative_clause_on_the_attack(extract):
    events = extract("A bomber blew himself up next to a bus carrying soldiers in Kabul, killing two soldiers. Nine "
                     "people were injured in the attack, which was claimed by the Taliban.")
    ev = violent(events)[0]
    assert names(ev.actor1) == "Taliban"
    assert names(ev.actor2) != "Taliban"


@pytest.mark.parametrize("denial", [
    "No group has claimed responsibility for the bombing.",
    "Boko Haram did not claim the attack.",
])
def test_denied_claim_names_nobody(extract, denial):
    a1 = first_actor1(extract("A bomb exploded in a crowded market in Kano, killing four traders. " + denial))
    assert a1 is None or ("Boko Haram" not in a1.name and "group" not in (a1.text or "")), denial


def test_claim_with_apposition_subject(extract):
    a1 = first_actor1(extract("Three soldiers were killed in an attack on a base near Menaka, the Islamic State in "
                              "the Greater Sahara, claimed responsibility for the attack."))
    assert a1 is not None and "Islamic State" in a1.name


def test_claim_by_a_group_named_so(extract):
    a1 = first_actor1(extract("Mortar rounds hit a police post in Kismayo. A new armed group named the Jubba Liberation Movement "
                              "claimed responsibility for the attack."))
    assert a1 is not None and "Jubba Liberation Movement" in (a1.name + " " + (a1.text or ""))


def test_suspected_group_after_a_denied_claim(extract):
    a1 = first_actor1(extract("Two guards were shot dead at a checkpoint near Rafah. No group claimed "
                              "responsibility, but Islamic State-affiliated Wilayat Sinai is suspected."))
    assert a1 is not None and "Islamic State" in a1.name


# -- fights with a named side ----------------------------------------------------------------------------------

def test_killed_in_a_shooting_with_a_group(extract):
    ev = violent(extract("A constable was killed in a shooting with Maoists in the Bastar forests of "
                         "Chhattisgarh."))[0]
    assert ev.actor1 is not None and "Maoist" in ev.actor1.name


def test_clashes_with_a_group_name_it_as_actor1(extract):
    a1 = first_actor1(extract("Clashes with Boko Haram fighters near Bama left two soldiers dead."))
    assert names(a1) == "Boko Haram"


# -- ACLED's conventions where the text names no actor --------------------------------------------------------

def test_agentless_arrest_is_by_the_police_of_the_country(extract):
    ev = [e for e in extract("Four suspects were arrested in Peshawar on Friday.") if e.sub_event_type == "Arrests"][0]
    assert ev.actor1 is not None and ev.actor1.sector == "COP" and ev.actor1.country == "PAK"


def test_detained_protesters_are_actor2(extract):
    # (ACLED files the arrest of demonstrators under their protest's intervention; the record is the arrest's)
    ev = [e for e in extract("Twenty protesters were detained in Nairobi on Monday.") if e.trigger == "detained"][0]
    assert ev.actor2 is not None and ev.actor2.name.startswith("Protesters")


def test_gunmen_are_an_unidentified_armed_group_of_the_country(extract):
    a1 = first_actor1(extract("Gunmen shot dead two farmers in Zamfara, Nigeria, on Sunday."))
    assert a1 is not None and a1.name == "Unidentified Armed Group (Nigeria)"


def test_parties_among_the_victims(extract):
    ev = violent(extract("Fifteen people were killed on Sunday in Homs, including six members of the regime forces "
                         "and three children."))[0]
    victims = [a for a in [ev.actor2, *ev.assoc_actor2] if a is not None]
    assert any(a.sector in ("MIL", "GOV") and a.country == "SYR" for a in victims)


def test_a_word_about_the_attack_does_not_name_its_actor(extract):
    ev = violent(extract("An explosion damaged a bakery in central Lyon, in what the French president called a "
                         "cowardly attack."))[0]
    assert ev.actor1 is None or ev.actor1.sector not in ("GOV", "CVL")


def test_a_claim_far_away_speaks_of_another_attack(extract):
    text = ("Two farmers were shot dead in a village near Kaduna on Tuesday. The village lies on the road to Zaria. "
            "Its market is held every Thursday. Most villagers grow maize and yams. The rains came late this year. "
            "Many young men have left for the cities. A school was built there in 2010. "
            "On Friday Boko Haram claimed responsibility for a bombing in Maiduguri.")
    ev = violent(extract(text))[0]
    assert ev.actor1 is None or "Boko Haram" not in ev.actor1.name


def test_encounter_with_rebels_is_a_fight(extract):
    a1 = first_actor1(extract("Three soldiers died in an encounter with members of the New People's Army in Samar."))
    assert names(a1) == "New People's Army"


def test_staged_attacks_in_a_clause_of_their_own(extract):
    a1 = first_actor1(extract("Nine worshippers were killed as Boko Haram suicide bombers staged attacks on two "
                              "mosques in Konduga."))
    assert names(a1) == "Boko Haram"


def test_claims_responsibility_read_as_a_noun_phrase(extract):
    a1 = first_actor1(extract("A suicide bomber killed six people near a ministry in Kabul. ISIL claims "
                              "responsibility for the attack."))
    assert a1 is not None and "Islamic State" in a1.name


def test_claimed_group_is_not_also_the_target(extract):
    ev = violent(extract("Unknown attackers threw a grenade at a police post in Pulwama, India. Nobody was hurt. "
                         "Jaish-e-Mohammed claimed responsibility for the attack."))[0]
    assert ev.actor1 is not None and "Jaish" in ev.actor1.name
    assert ev.actor2 is None or "Jaish" not in ev.actor2.name


@pytest.mark.parametrize("who", [
    "The bomber had pledged allegiance to the Islamic State.",
    "Investigators said the man is affiliated with the Islamic State.",
    "He was a member of the Islamic State.",
    "The attack was later linked to the Islamic State.",
])
def test_the_attackers_group_in_a_later_sentence(extract, who):
    a1 = first_actor1(extract("A man detonated a bomb outside a cafe in Tunis, wounding nine people. " + who))
    assert a1 is not None and "Islamic State" in a1.name, who


def test_the_victim_being_a_member_names_no_attacker(extract):
    a1 = first_actor1(extract("A man was stabbed outside a pub in Leeds. The victim was a member of the Labour "
                              "Party."))
    assert a1 is None or "Labour" not in a1.name


def test_police_who_shot_the_attacker_stay_actor1(extract):
    events = violent(extract("A man attacked shoppers with an axe in Aarhus, Denmark. Police shot the man. The man "
                             "is affiliated with al-Shabaab."))
    police = [e for e in events if e.trigger == "shot"]
    assert police and police[0].actor1 is not None and police[0].actor1.sector == "COP"


def test_died_in_army_shelling(extract):
    a1 = first_actor1(extract("Four villagers died in army shelling near the Line of Control in Poonch, India."))
    assert a1 is not None and a1.country == "IND" and a1.sector in ("MIL", "GOV")


def test_a_number_of_others_is_no_attacker(extract):
    a1 = first_actor1(extract("Twelve soldiers were killed and a number of others wounded when Houthi fighters "
                              "attacked a base near Marib."))
    assert names(a1) == "Houthis"


@pytest.mark.parametrize("claim", [
    "The Islamic State claims it was behind the attack.",
    "The Islamic State announced responsibility for the bombing.",
    "The Islamic State claimed that one of its fighters blew himself up.",
])
def test_claim_forms(extract, claim):
    a1 = first_actor1(extract("A suicide bomber killed eleven people at a checkpoint in Aden, Yemen. " + claim))
    assert a1 is not None and "Islamic State" in a1.name, claim


def test_a_government_read_from_a_place_gives_way_to_the_claimed_group(extract):
    a1 = first_actor1(extract("The blast at a cafe in Bilbao, Spain which killed four people shocked the city. The "
                              "attack is widely believed to have been carried out by ETA."))
    assert a1 is not None and a1.name == "Basque Fatherland and Freedom"


def test_ambush_of_a_group(extract):
    a1 = first_actor1(extract("Five policemen were killed by an ambush of the Pakistani Taliban near Bannu."))
    assert a1 is not None and "Taliban" in a1.name


def test_the_killing_of_fighters_names_the_dead(extract):
    for ev in violent(extract("Soldiers confirmed the killing of four Boko Haram fighters near Bama.")):
        assert ev.actor1 is None or "Boko Haram" not in ev.actor1.name


def test_the_holder_of_the_ground_attacked(extract):
    ev = violent(extract("Rebel shells hit a neighbourhood held by the regime forces in Hama, Syria."))[0]
    assert ev.actor2 is not None and ev.actor2.country == "SYR" and ev.actor2.sector in ("MIL", "GOV")


@pytest.mark.parametrize("text", [
    "Bandits raided the village before burning the market in Zurmi.",
    "The militiamen withdrew after torching a customs post on the road to Bunia.",
])
def test_a_gerund_after_a_preposition_of_time_is_done_by_the_clause_subject(extract, text):
    burned = [e for e in extract(text) if e.sub_event_type == "Looting/property destruction"]
    assert burned and burned[0].actor1 is not None, text


def test_a_passive_gerund_keeps_its_own_agent(extract):
    ev = [e for e in extract("A policeman died after being stabbed by a mob in Kisumu.") if e.event_type][0]
    assert ev.actor2 is not None and "police" in ev.actor2.name.lower()


def test_subject_of_an_adjective_complement(extract):
    ev = violent(extract("Government troops were desperate to repel the rebel attacks near Kidal, Mali."))[0]
    assert ev.actor1 is not None and ev.actor1.country == "MLI" and ev.actor1.sector in ("MIL", "GOV")


# -- the parties a sentence names when its parse hands none to the trigger (headline style) ---------------------

def test_clashes_continue_between_two_parties(extract):
    ev = violent(extract("Clashes continue between regime forces and IS near the Tabqa dam in Raqqa, Syria"))[0]
    assert ev.actor1 is not None and ev.actor1.sector in ("MIL", "GOV")
    assert ev.actor2 is not None and ev.actor2.name == "Islamic State"


def test_two_clause_headline_names_who_shelled(extract):
    ev = violent(extract("Clashes take place in Quneitra countryside and regime forces shell a village near "
                         "Khan Arnabah in Syria"))[0]
    assert ev.actor1 is not None and ev.actor1.sector in ("MIL", "GOV")


def test_side_that_lost_men_is_the_one_hit(extract):
    ev = violent(extract("Casualties in the ranks of the regime forces in the countryside of Hama, Syria"))[0]
    # the text names no attacker: at most the conventional opponent (the country's rebels), a guess
    assert ev.actor1 is None or (not ev.actor1.known and ev.actor1.sector not in ("MIL", "GOV"))
    assert ev.actor2 is not None and ev.actor2.sector in ("MIL", "GOV")


def test_who_tells_of_the_event_takes_no_part(extract):
    for ev in violent(extract("Three people were killed in the blast near the market, police said.")):
        assert ev.actor1 is None or ev.actor1.sector != "COP"


def test_a_party_after_after_acts_in_another_event(extract):
    for ev in violent(extract("Rebel commanders ordered a push into the town after the army made rapid gains "
                              "in the south, an official told reporters.")):
        assert ev.actor2 is None or ev.actor2.sector not in ("MIL", "GOV")


# -- both sides among the dead, fighters of another side, the clash noun in a hyphen ----------------------------

def test_dead_of_both_sides_fought_each_other(extract):
    ev = violent(extract("An al-Shabaab fighter and a policeman were killed in a shooting in Afgoye, Somalia."))[0]
    assert ev.actor1 is not None and "Shabaab" in ev.actor1.name
    assert ev.actor2 is not None and ev.actor2.sector == "COP"


def test_pro_government_fighters_are_not_the_dominant_group(extract):
    ev = violent(extract("Twelve pro-government fighters were killed in clashes with the Islamic State group "
                         "near Sirte, Libya."))[0]
    assert names(ev.actor1) == "Islamic State"
    assert ev.actor2 is None or ev.actor2.name != "Islamic State"


def test_tribal_fighter_is_not_the_dominant_group(extract):
    ev = violent(extract("A tribal fighter was killed in confrontations with Islamic State members near Hawija."))[0]
    assert names(ev.actor1) == "Islamic State"


def test_hyphenated_gun_fight_with_a_group(extract):
    ev = violent(extract("Three policemen were killed in a gun-fight with Naxals in Bijapur district."))[0]
    assert ev.actor1 is not None and "Maoist" in ev.actor1.name
    assert ev.actor2 is not None and ev.actor2.sector == "COP"


def test_lower_case_naxalites_by_for(extract):
    a1 = first_actor1(extract("A villager was killed for suspected naxalites in Gadchiroli."))
    assert a1 is not None and "Maoist" in a1.name


def test_who_reacts_to_the_bombing_did_not_do_it(extract):
    events = extract("A suicide bomber blew himself up at a checkpoint near Kunduz, killing four soldiers. The "
                     "defence minister responded to the bombing in a statement.")
    for ev in violent(events):
        assert ev.actor1 is None or ev.actor1.sector not in ("GOV", "MIL")


def test_bombings_targeted_at_a_force_name_the_target(extract):
    ev = violent(extract("The province has seen a series of bombings targeted at the Nigerian army in Borno."))[0]
    assert ev.actor1 is None or ev.actor1.sector != "MIL"
    assert ev.actor2 is not None and ev.actor2.sector == "MIL"


def test_the_dead_named_by_a_copula_are_the_side_hit(extract):
    events = extract("Most of the dead were soldiers waiting at the gate of the base near Gao, a police officer "
                     "told reporters.")
    for ev in violent(events):
        assert ev.actor1 is None or ev.actor1.sector not in ("MIL", "COP")


# -- the country of a party the catalogue does not know --------------------------------------------------------

def test_an_unknown_party_takes_the_country_of_the_event(extract):
    ev = extract("The junta arrested political opponents in Port-au-Prince on Saturday.")[0]
    assert ev.actor2 is not None and ev.actor2.country == "HTI"


def test_an_international_organisation_takes_no_country(extract):
    ev = extract("Delegates of the Red Cross visited detainees in Bamako.")[0]
    assert ev.actor1 is not None and ev.actor1.country is None


# -- headlines whose parse names only the side hit ---------------------------------------------------------------

def test_the_party_a_broken_headline_names_as_acting(extract):
    ev = violent(extract("Regime forces clashes with rebels in the eastern Ghouta"))[0]
    assert ev.actor1 is not None and ev.actor1.country == "SYR" and ev.actor1.sector in ("MIL", "GOV")
    assert ev.actor2 is not None and ev.actor2.sector == "REB"


def test_a_party_named_on_a_building_does_not_act(extract):
    ev = violent(extract("Two officers were killed near a police station in Arauca."))[0]
    assert ev.actor1 is None or ev.actor1.sector != "COP"


# -- perpetrators in modifiers, claims and suspicion (issue 12) -------------------------------------------------

@pytest.mark.parametrize("text, group", [
    ("A woman was killed in Houthi shelling near the border.", "Houthis"),  # a gerund tagged a verb
    ("Two farmers were wounded in DPR shelling of Marinka.", "Donetsk People's Republic"),
])
def test_a_name_on_a_gerund_trigger_is_the_attacker(extract, text, group):
    assert names(first_actor1(extract(text))) == group


def test_dead_of_both_sides_leave_the_group_as_attacker(extract):
    ev = violent(extract("Eight policemen were killed and five others were wounded in Taliban attacks in Ghazni "
                         "province, 11 Taliban were killed and 4 were also wounded in the attacks."))[0]
    assert names(ev.actor1) == "Taliban" and "Police" in names(ev.actor2)
    assert ev.fatalities == 19  # the comma splice adds up like "and"


def test_militants_of_a_named_group_in_a_between_phrase_are_one_party(extract):
    assert names(first_actor1(extract("A soldier was killed in a shooting between militants of the Shining Path "
                                      "near Ayacucho."))) == "Shining Path"


@pytest.mark.parametrize("text, group", [
    ("A bomb exploded outside a church in Kaduna, killing seven people. No group claimed the attack, but many "
     "assumed it was the work of Boko Haram.", "Boko Haram"),
    ("A grenade was thrown into a bar in Diyarbakir, wounding six people. Police said the bombing was the work of "
     "the PKK.", "Kurdistan Workers"),
])
def test_the_work_of_a_group_names_the_attacker(extract, text, group):
    a1 = first_actor1(extract(text))
    assert a1 is not None and group in a1.name, text


def test_a_verb_joined_by_and_is_no_complement_of_a_blocking_verb(extract):
    found = [e for e in extract("Militants belonging to the ELN blocked a road and burned two trucks near Tame.")
             if e.sub_event_type == "Looting/property destruction"]
    assert found and "National Liberation Army" in names(found[0].actor1)


def test_a_storm_of_a_camp_is_no_weather(extract):
    ev = violent(extract("Four soldiers and five suspected al-Qaeda attackers were killed and 12 soldiers wounded "
                         "when a suicide bomber and gunmen tried to storm an army camp in Abyan."))
    assert ev and ev[0].fatalities == 9


def test_police_who_shot_gunmen_stay_actor1_despite_a_claim(extract):
    assert "Police" in names(first_actor1(extract("Police shot dead two gunmen in Kabul. The Taliban claimed "
                                                  "responsibility for the attack.")))

