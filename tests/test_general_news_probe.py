"""Probes of general news (issue 12): the local and national news a whole feed is made of. A private person named
as the one killed or hurt is a civilian, so the killing is an attack on civilians (ACLED), never an armed clash
whose other side the rules would have to invent; a fighter, a commander or a suspected militant named the same way
stays an armed party. Firefighting, sport, police call-outs, local and private deals, accidents and arrests for
ordinary crime give no record with an ACLED type.

Every sentence was written for these tests (invented and real names, many countries, local-paper, wire and
headline styles); none comes from an evaluation set. `python tests/test_general_news_probe.py` prints the misses.
"""

from __future__ import annotations

import pytest

from probes import ARRESTS, CLASH, acled_records, top_event

# a named private person killed or hurt: violence against a civilian (an attack, or by its weapon)
NAMED_VICTIMS = [
    'Police said 27-year-old Marcus Webb was shot dead outside a nightclub in Memphis early Sunday.',
    'Anil Sharma was stabbed to death in his shop in Meerut on Tuesday night, police said.',
    'Gunmen killed Pedro Alvarez as he left his home in Culiacan.',
    'Unknown attackers shot and wounded Halima Yusuf in Maiduguri on Friday.',
    'Maria Lopez, 52, was killed when gunmen opened fire on a bus in Guerrero.',
    'Gunmen on motorbikes shot dead Juma Hamisi near his farm in Tana River county.',
    'Armed men abducted and later killed Joseph Banda in Mzimba, his family said.',
    'Kwame Mensah was beaten to death by a group of men in Kumasi on Saturday.',
    'Assailants hacked Ruth Wanjiku to death in her home near Molo.',
    'Sibusiso Dlamini, 45, was shot several times outside his house in Umlazi.',
    'Attackers killed Hamid Rezaei in a drive-by shooting in Zahedan on Monday.',
    'Masked men shot Olena Kovalenko in the legs in a park in Odesa.',
    'Farid Ahmadi was killed by a bomb planted under his car in Herat.',
    'Two men on a motorcycle shot dead Sunil Kumar near a temple in Ludhiana.',
    'Gunmen killed Rosa Mendoza and her son on a road outside Tegucigalpa.',
    'Father Emeka Obi was shot dead by gunmen on his way to church in Enugu.',
    'Unidentified men stabbed Thabo Nkosi outside a tavern in Soweto.',
    'Gunmen shot and killed Ibrahim Diallo at a market in Kidal on Thursday.',
    'Li Wei, 60, was killed when attackers set fire to his shop in Mandalay.',
    'Police say 41-year-old Dwayne Harris was killed around 6 p.m. Thursday in Chicago.',
]

# a fighter, a commander or a suspected militant named the same way: still an armed party
NAMED_FIGHTERS = [
    'Commander Abu Khalid was killed in a clash with government troops near Idlib.',
    'Police killed Jamal Hussein, a suspected militant, in a gunfight in Srinagar.',
    'Rebel leader Tomas Kiza was killed by soldiers in an ambush in North Kivu.',
    'Troops killed militant commander Omar Abdi in a firefight near Kismayo.',
    'Soldiers shot dead insurgent leader Ali Musa during a raid in Borno.',
    'Government forces killed rebel commander Jean-Paul Mbeki in fighting near Bambari.',
]

NON_EVENTS = [
    # accidents
    'The driver of the pickup later died from his injuries after the wreck on Highway 61.',
    'Garcia, who troopers said was driving the truck at the time of the wreck, died at the scene.',
    'A motorcyclist was killed Saturday when his bike collided with a tractor near Ames.',
    'Three crew members died when their trawler went down in heavy seas off Newfoundland.',
    'All 35 sailors aboard the sunken submarine perished, the navy said.',
    'A 19-year-old man drowned while swimming in the Ohio River on Sunday.',
    'An elderly woman died after falling down the stairs at her home in Leicester.',
    # firefighting
    'Firefighters battled the blaze at the paper mill for seven hours.',
    'No firefighters were injured fighting the fire at the warehouse.',
    'Two firefighters were hurt while battling the flames on Main Street.',
    'Crews spent the night fighting flames that spread across 2,000 acres.',
    'Volunteers fought the wildfire with shovels and buckets.',
    # sport
    'Kane fired England into the final with a late header.',
    'Her late three-pointer fired the Lady Bears to a 71-68 win over Baylor.',
    'Salah helped fire Egypt to a first World Cup appearance in 28 years.',
    'The Rangers snapped a four-game losing streak by beating the Bruins 3-1.',
    'The Wildcats crushed the Tigers 42-7 on Friday night.',
    # police and fire call-outs
    'Deputies were dispatched to the home on Maple Avenue shortly after 9 p.m.',
    'Officers were sent to the scene after a neighbour reported a disturbance.',
    'Paramedics were dispatched to the intersection at 12:20 a.m.',
    # local and private deals, agreement as assent
    'The city council approved a lease agreement with a restaurant chain for the old fire station.',
    'The district previously had a rental agreement with a local church.',
    'He nodded in agreement as the mayor spoke.',
    'The defendant agreed to a plea deal that will spare her a prison term.',
    'The company signed a contract with the county to resurface six roads.',
    'The two airlines agreed a code-sharing deal on Monday.',
    'The school board and the teachers reached an agreement on class sizes.',
    # arrests for ordinary crime (ACLED counts political arrests only)
    'A Fresno man was arrested on Friday after police said he tried to rob a woman at a gas station.',
    'Jenna Cole, 24, was arrested and charged with second-degree burglary and a felony count of theft.',
    'Police arrested a man who robbed a convenience store in Dayton at gunpoint.',
    'Deputies arrested a Tulsa woman on misdemeanor charges after a traffic stop.',
    'Two teenagers were detained after robbing a pharmacy in Leeds, police said.',
    'Ruth Hale, 58, was arrested Wednesday and charged with criminal trespass and aggravated menacing.',
    'Police arrested a man on a charge of negligent homicide after the crash.',
    # an arrest of the heart, custody of a child
    'He suffered a cardiac arrest and died on the way to hospital.',
    'The girl is in state custody while the investigation continues.',
    # road accidents, cameras, laws and statements signed
    'Two women were struck by an eastbound car while crossing Browns Bridge Road on Friday.',
    'He lost control of his pickup, veered off the road and struck a tree.',
    'None of the security cameras captured the shooting.',
    'Cellphone footage captured the moment the stage collapsed.',
    'The governor signed the budget bill into law on Tuesday.',
    # joining a body, or a state's army as a career
    'Russia has kept a moratorium on the death penalty since 1996, when it joined the Council of Europe.',
    'After his training he joined the 2nd Battalion of the Rifles, where he served as a sniper.',
]

# (controls) real events in the same words
TRUE_EVENTS = [
    'Gunmen shot dead a firefighter as he fought a blaze in Culiacan.',
    'Troops fought the rebels for six hours near Beni, the army said.',
    'Soldiers were dispatched to the border town after rebels attacked an army post.',
    'The government and the rebels signed a ceasefire agreement in Juba on Friday.',
    'A car bomb killed two people near a stadium in Mogadishu after a football match.',
    'Police arrested three opposition activists in Harare on Monday.',
    'Police raided the home of an opposition leader in Kampala and arrested him.',
    'Police arrested the opposition leader on charges of treason on Monday.',
    'A car rammed into worshippers outside a mosque in an attack that killed two.',
    'Rebels captured the town of Bunagana on Monday.',
    # (a vehicle that hit a mine, a car bombing that struck: no road accident)
    'Three soldiers were killed when the truck they were riding in hit a landmine near Gao.',
    'A car bombing struck a market in the eastern city of Baquba on Friday.',
    'Hundreds of fighters of the Kuru Front joined the Islamic State group last month.',
]

KNOWN_GAPS = {
    # "rocks" read as a weapon of the killing ("killed by rocks thrown at them")
    'Two climbers were killed by falling rocks on the Matterhorn.',
    # the injured told as "no firefighters" (a count of none) with the fire as what they fought
    'No firefighters were injured fighting the fire at the warehouse.',
    # the victim's name is not found as the object ("shot dead X": the parse takes "dead" for the object; "X, 60,
    # was killed when ...")
    'Two men on a motorcycle shot dead Sunil Kumar near a temple in Ludhiana.',
    'Li Wei, 60, was killed when attackers set fire to his shop in Mandalay.',
}


def _marked(texts):
    return [pytest.param(t, marks=pytest.mark.xfail(reason="known gap", strict=False)) if t in KNOWN_GAPS else t
            for t in texts]


def victim_right(pipeline, text):
    event = top_event(pipeline, text)
    return event is not None and event.sub_event_type != CLASH and event.actor2 is not None \
        and event.actor2.inter == 7 and (event.actor1 is None or event.actor1.inter != 1)


def fighter_right(pipeline, text):
    event = top_event(pipeline, text)
    return event is not None and event.sub_event_type == CLASH


def measure(pipeline):
    """(share of named victims right, of named fighters right, of non-events with a false record, of controls kept)"""
    victims = sum(victim_right(pipeline, t) for t in NAMED_VICTIMS) / len(NAMED_VICTIMS)
    fighters = sum(fighter_right(pipeline, t) for t in NAMED_FIGHTERS) / len(NAMED_FIGHTERS)
    false = sum(bool(acled_records(pipeline, t)) for t in NON_EVENTS) / len(NON_EVENTS)
    kept = sum(bool(acled_records(pipeline, t)) for t in TRUE_EVENTS) / len(TRUE_EVENTS)
    return victims, fighters, false, kept


def test_there_are_enough_probes():
    assert len(NAMED_VICTIMS) >= 20 and len(set(NAMED_VICTIMS)) == len(NAMED_VICTIMS)
    assert len(NON_EVENTS) >= 25 and len(set(NON_EVENTS)) == len(NON_EVENTS)


def test_the_rates_hold(pipeline):
    victims, fighters, false, kept = measure(pipeline)
    # measured: 0.90, 1.00, 0.02, 1.00 (on main before this set: 0.05, 1.00, 0.37, 1.00)
    assert victims >= 0.85 and fighters >= 0.8 and false <= 0.05 and kept >= 0.8, (victims, fighters, false, kept)


@pytest.mark.parametrize("text", _marked(NAMED_VICTIMS))
def test_a_named_private_person_hit_is_a_civilian(pipeline, text):
    assert victim_right(pipeline, text), text


@pytest.mark.parametrize("text", NAMED_FIGHTERS)
def test_a_named_fighter_stays_an_armed_party(pipeline, text):
    assert fighter_right(pipeline, text), text


@pytest.mark.parametrize("text", _marked(NON_EVENTS + ['Two climbers were killed by falling rocks on the Matterhorn.']))
def test_no_asserted_acled_record(pipeline, text):
    assert acled_records(pipeline, text) == [], text


@pytest.mark.parametrize("text", TRUE_EVENTS)
def test_true_event_keeps_its_record(pipeline, text):
    assert acled_records(pipeline, text), text


def test_a_suspect_captured_is_arrested_not_ground_taken(pipeline):
    assert top_event(pipeline, 'Police captured the suspect after a chase in Durban.').sub_event_type == ARRESTS


def test_an_age_is_no_part_of_a_name(pipeline):
    event = top_event(pipeline, 'Police said 27-year-old Marcus Webb was shot dead in Memphis on Sunday.')
    assert event is not None and event.actor2.name == "Marcus Webb"


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    probe_pipeline = Pipeline(workers=1)
    for text in NAMED_VICTIMS:
        if not victim_right(probe_pipeline, text):
            print("VICTIM", text, acled_records(probe_pipeline, text))
    for text in NAMED_FIGHTERS:
        if not fighter_right(probe_pipeline, text):
            print("FIGHTER", text, acled_records(probe_pipeline, text))
    for text in NON_EVENTS:
        if found := acled_records(probe_pipeline, text):
            print("FALSE", text, found)
    for text in TRUE_EVENTS:
        if not acled_records(probe_pipeline, text):
            print("MISSED", text)
    victims, fighters, false, kept = measure(probe_pipeline)
    print(f"victims {victims:.2f}, fighters {fighters:.2f}, false {false:.2f}, kept {kept:.2f}")
