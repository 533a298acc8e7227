"""Probes of general news, second set (issue 12): who is hit, and words of violence used for other things.

A private person named by a common noun ("three bank employees", "the victim", "his girlfriend", "a jogger") and hit
by a violent act is a civilian (noun_classes.yaml `harmed_civilian_classes`), so the act is an attack on civilians,
never an armed clash with an "employees" group the rules would have to invent; a suspect, a member of a group or a
guard keeps its own reading. Officers with no word for whose are the police. Executing a search or a task,
attacking the flames, being eliminated from a tournament, striking portraits and blowing snow are no violence.

Every sentence was written for these tests (invented and real names, many countries, local-paper, wire and
headline styles); none comes from an evaluation set. `python tests/test_general_news_probe2.py` prints the misses.
"""

from __future__ import annotations

from probes import ARRESTS, CLASH, acled_records, top_event

# private people named by a common noun, hit by a violent act: violence against civilians
PRIVATE_PEOPLE_HIT = [
    'Gunmen killed three employees of a bank in Kano on Monday.',
    'The victims were shot dead by unknown attackers near Kaduna.',
    'A person was shot in the leg in Baltimore overnight, police said.',
    'Armed men abducted two customers from a shop in Zamfara on Friday.',
    'Gunmen shot dead a jogger on the outskirts of Tegucigalpa.',
    'Unknown attackers stabbed a pedestrian near the central station in Malmo.',
    'Gunmen attacked firefighters as they reached a burning market in Maiduguri.',
    'A man shot his neighbour dead in a dispute in Nakuru on Sunday.',
    'Assailants hacked two relatives of the village chief to death in Ituri.',
    'Bandits killed four patients and a nurse in a raid on a clinic in Katsina.',
    'Gunmen opened fire on passengers at a bus stop in Karachi, wounding six.',
    'Militants beheaded a teacher in Cabo Delgado, witnesses said.',
    'Two men on a motorbike shot a lawyer outside the court in Kisumu.',
    'Attackers set fire to the home of a journalist in Quetta, injuring his wife.',
    'The 54-year-old victim was shot outside his home in Ciudad Juarez.',
    'Unidentified gunmen killed a shepherd and his son near Kirkuk.',
    'Armed men killed five miners at a gold site in Soum province.',
    'Gunmen shot dead the driver of a minibus on the road to Bunia.',
    'A grenade thrown into a bar wounded eleven customers in Bujumbura.',
    'Unknown assailants killed two hikers in the hills above Mostar.',
]

# parties that are not private people keep their reading
NOT_CIVILIANS = [
    # (text, sector of actor2 it must not be)
    ('Police shot dead a suspect after a chase in Durban.', 'CVL'),
    ('Troops killed twelve members of the militia in a clash near Beni.', 'CVL'),
]

# officers with no word for whose are the police
OFFICERS_HIT = [
    'Two officers were shot during a traffic stop in Tulsa on Friday night.',
    'Gunmen shot and wounded three officers at a checkpoint in Peshawar.',
    'A sniper killed two officers outside the station in Dallas.',
]

# people arrested by officers, detectives or immigration agents the catalogue does not know: an arrest by the
# state's police, never an abduction by an unknown group
ARRESTS_BY_AGENTS = [
    'Detectives traced the car from camera footage and arrested the two suspects at a home in Lemay.',
    'Immigration agents arrested 239 people at a meatpacking plant in Worthington on Tuesday.',
    'Two officers arrested the driver as he tried to speed away from the car park.',
    'Investigators arrested a former mayor in Lyon over the missing funds.',
    'Customs officers detained a businessman at the airport in Entebbe.',
]

# (controls) people taken by armed men: abductions
ABDUCTIONS = [
    'Gunmen abducted two engineers near Warri on Monday.',
    'Armed men seized a journalist at a checkpoint near Aleppo.',
]

NON_EVENTS = [
    # a search, a task or a part carried out
    'Deputies went to an address on Maple Street shortly after 6 p.m. to execute a narcotics search.',
    'Careful inspection of his work reveals a commitment to carefully executing every part of his carvings.',
    'The gymnast executed the routine flawlessly to take gold in Doha.',
    'The crew executed each step of the landing in under four minutes.',
    # an attack on a fire
    'Firefighters launched an initial attack on the flames through the kitchen above the garage.',
    'Crews attacked the blaze from the roof of the neighbouring warehouse.',
    # knocked out of a contest; costs and rivals done away with
    'Ghana were eliminated from the tournament after a 2-1 defeat to Morocco.',
    'The defending champion was eliminated in the second round in Melbourne.',
    'The new law eliminates the registration fee for small businesses.',
    'The state-run site aims to eliminate competition from private sellers.',
    # striking as remarkable
    'The museum is showing striking portraits of peasant life by the painter.',
    'The twins bear a striking resemblance to their grandfather.',
    # wind and snow that blow, a lead or a whistle blown
    'Several highways were closed due to poor visibility and blowing snow.',
    'Strong winds blew the roof off a barn near Wichita.',
    'The Hornets blew a 15-point lead in the fourth quarter.',
    'She blew the whistle on fraud at the agency.',
    # demonstrating a thing or a view to someone
    'As he spoke, chefs in the market kitchen demonstrated Passover recipes.',
    'The judges have demonstrated their position clearly in the ruling.',
    'A paramedic came to the school to demonstrate to the students how to use a defibrillator.',
    # an inquiry blasted in words; a craft that blasts off
    'Analyst Charles Barkley blasted the FBI investigation into college basketball on Friday.',
    'The opposition leader blasted the handling of the flood relief in Sindh.',
    'A Soyuz capsule carrying a Russian-American crew blasted off for the space station.',
    # shots of a game, a product in the shops
    'Smith hit a three-pointer with two seconds left to win the game in Denver.',
    'The new phone hits stores in March, the company said.',
]

# (controls) real events in the same words
TRUE_EVENTS = [
    'The army said it eliminated 20 terrorists in an operation near Palmyra.',
    'Militants executed three hostages in Raqqa on Sunday.',
    'A roadside bomb blew up a police vehicle in Kirkuk, killing two officers.',
    'Gunmen attacked a fire station in Kano and set two engines ablaze.',
    'Insurgents blew up a bridge on the road to Mopti.',
    'Striking workers clashed with police outside the factory in Dhaka.',
    'Teachers demonstrated against pay cuts outside parliament in Nairobi.',
    'Hundreds of students demonstrated outside the ministry in Dhaka on Sunday.',
    'A rocket hit a house in Sderot, wounding two people.',
    'The airstrike hit a market in Saada, killing 12.',
]


def civilian_hit(pipeline, text):
    event = top_event(pipeline, text)
    return event is not None and event.sub_event_type != CLASH and event.actor2 is not None \
        and event.actor2.inter == 7


def police_hit(pipeline, text):
    event = top_event(pipeline, text)
    return event is not None and event.actor2 is not None and event.actor2.sector == "COP"


def measure(pipeline):
    """(share of private people hit read as civilians, of officers read as police, of non-events with a false
    record, of controls kept)"""
    people = sum(civilian_hit(pipeline, t) for t in PRIVATE_PEOPLE_HIT) / len(PRIVATE_PEOPLE_HIT)
    officers = sum(police_hit(pipeline, t) for t in OFFICERS_HIT) / len(OFFICERS_HIT)
    false = sum(bool(acled_records(pipeline, t)) for t in NON_EVENTS) / len(NON_EVENTS)
    kept = sum(bool(acled_records(pipeline, t)) for t in TRUE_EVENTS) / len(TRUE_EVENTS)
    return people, officers, false, kept


def test_there_are_enough_probes():
    assert len(PRIVATE_PEOPLE_HIT) >= 20 and len(set(PRIVATE_PEOPLE_HIT)) == len(PRIVATE_PEOPLE_HIT)
    assert len(NON_EVENTS) >= 15 and len(set(NON_EVENTS)) == len(NON_EVENTS)


def test_the_rates_hold(pipeline):
    people, officers, false, kept = measure(pipeline)
    # measured: 0.95, 1.00, 0.00, 1.00 (on main before this set: 0.50, 0.00, 0.58, 1.00)
    assert people >= 0.85 and officers >= 0.66 and false <= 0.1 and kept >= 0.8, (people, officers, false, kept)


def test_a_bank_employee_shot_is_a_civilian_not_an_armed_group(pipeline):
    event = top_event(pipeline, 'Gunmen killed three employees of a bank in Kano on Monday.')
    assert event.sub_event_type != CLASH and event.actor2.name == "Civilians (Nigeria)"


def test_parties_that_are_not_private_people_keep_their_reading(pipeline):
    for text, sector in NOT_CIVILIANS:
        event = top_event(pipeline, text)
        assert event is not None and (event.actor2 is None or event.actor2.sector != sector), text


def test_officers_with_no_owner_are_the_police(pipeline):
    assert police_hit(pipeline, 'Two officers were shot during a traffic stop in Tulsa on Friday night.')


def test_arrests_by_unknown_officers_or_agents_are_arrests(pipeline):
    subs = {t: getattr(top_event(pipeline, t), "sub_event_type", None) for t in ARRESTS_BY_AGENTS + ABDUCTIONS}
    assert [subs[t] for t in ARRESTS_BY_AGENTS].count(ARRESTS) >= len(ARRESTS_BY_AGENTS) - 1, subs
    assert all(subs[t] != ARRESTS for t in ABDUCTIONS), subs


def test_a_private_person_arrested_is_a_civilian_not_an_armed_group(pipeline):
    for text in ('Police arrested Patricia Moore at her home in Hamilton, Ohio, on Wednesday.',
                 'Police in Kisumu arrested Otieno Ouma on Monday.'):
        event = top_event(pipeline, text)
        assert event.sub_event_type == ARRESTS and event.actor2.inter == 7, (text, event.actor2)


def test_no_record_for_violence_words_used_for_other_things(pipeline):
    found = {t: acled_records(pipeline, t) for t in NON_EVENTS}
    assert sum(bool(v) for v in found.values()) <= 1, {t: v for t, v in found.items() if v}


def test_true_events_keep_their_records(pipeline):
    assert all(acled_records(pipeline, t) for t in TRUE_EVENTS), [t for t in TRUE_EVENTS
                                                                   if not acled_records(pipeline, t)]


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    probe_pipeline = Pipeline(workers=1)
    for text in PRIVATE_PEOPLE_HIT:
        if not civilian_hit(probe_pipeline, text):
            e = top_event(probe_pipeline, text)
            print("PERSON", text, e and (e.sub_event_type, e.actor1 and e.actor1.name, e.actor2 and e.actor2.name))
    for text in OFFICERS_HIT:
        if not police_hit(probe_pipeline, text):
            print("OFFICERS", text, acled_records(probe_pipeline, text))
    for text in ARRESTS_BY_AGENTS:
        if getattr(top_event(probe_pipeline, text), "sub_event_type", None) != ARRESTS:
            print("ARREST", text, acled_records(probe_pipeline, text))
    for text in NON_EVENTS:
        if found := acled_records(probe_pipeline, text):
            print("FALSE", text, found)
    for text in TRUE_EVENTS:
        if not acled_records(probe_pipeline, text):
            print("MISSED", text)
    people, officers, false, kept = measure(probe_pipeline)
    print(f"people {people:.2f}, officers {officers:.2f}, false {false:.2f}, kept {kept:.2f}")
