"""Probes of lost and false records, seventh set (issue 12): what a long report tells after the attack it opens with.

- the attack's dead told in the next sentence of its paragraph with no conflict word of their own ("Two of the
  injured later died of their wounds", "A fourth officer succumbed to his injuries", "The imam was pronounced dead
  at the hospital") are the attack's: each gets an asserted violence record (linked to the attack by its toll);
- a blast a witness or a later sentence tells anywhere after the attack ("There was an explosion and the windows
  shattered") is the attack's blast;
- people held by the law told without an arrest verb ("is being held on suspicion of murder", "were held for
  questioning", "has been held without charge") are arrested or detained;
- kept quiet: the same words with no attack before them or in another sense: a death of illness or old age after
  an attack, a gas explosion, a fire's dead, talks or a rally that are held, a government that succumbs to pressure;
  reactions (prayers and sympathies with the families of those who died, investigators who join an inquiry, reports
  of a second bomb dismissed) and an attacker's past told in a biography ("he had fought with the Taliban").

Every sentence was written for these tests (real and invented names, many countries, wire, local-paper and
encyclopedia styles); none comes from an evaluation set. `python tests/test_false_records_probe7.py` prints the
misses."""

from __future__ import annotations

import pytest

# (the attack, the sentence after it in its paragraph that tells its dead or wounded)
AFTERMATH_DEATHS = [
    ('A bomb exploded at a bus station in Jos on Sunday, killing 12 people.',
     'Three of the injured died of their wounds overnight, a hospital official said.'),
    ('Gunmen attacked a police post in Kano on Monday, killing two officers.',
     'A third officer succumbed to his injuries on Tuesday.'),
    ('A suicide bomber struck a Shia mosque in Kandahar during Friday prayers.',
     'The imam was pronounced dead on arrival at the provincial hospital.'),
    ('Militants ambushed a convoy of aid workers near Bossangoa on Thursday.',
     'The driver of the lead truck later died in hospital.'),
    ('A man opened fire on shoppers at a mall in Tampere on Saturday afternoon.',
     'A 54-year-old woman died at the scene.'),
    ('Rockets hit a residential block in Kharkiv early on Wednesday.',
     'Rescuers said two more bodies had been pulled from the rubble, bringing the number of dead to nine.'),
    ('A grenade was thrown into a crowded bar in Bujumbura late on Friday.',
     'Two of the eleven people wounded in the bar died overnight.'),
    ('Suspected separatists set off a bomb under a police jeep in Pattani on Tuesday.',
     'Two rangers died of their injuries on the way to hospital.'),
    ('An attacker stabbed worshippers outside a synagogue in Manchester on Thursday morning.',
     'One of the men died later that evening, police said.'),
    ('A roadside bomb tore through a minibus carrying farm workers near Gao.',
     'Four of the passengers succumbed to their wounds in the days that followed.'),
    ('Police fired live rounds at a crowd of squatters being evicted in Harare on Monday.',
     'A teenager hit in the chest died two days later.'),
    ('A car bomb exploded outside the offices of a newspaper in Izmir on Wednesday.',
     'A security guard who was hit by shrapnel died in hospital on Thursday.'),
]

# (the attack, a later sentence of the article that tells its blast)
RETOLD_BLASTS = [
    ('A parcel bomb wounded 13 people outside a bakery in Lyon on Friday.',
     'Police released images of a man seen leaving the package.',
     '"There was an explosion and the windows shattered," said a student who saw the blast.'),
    ('Militants attacked a checkpoint on the outskirts of Quetta before dawn.',
     'The provincial government condemned the attack.',
     'Residents said the explosion was heard across the city.'),
    ('A bomb hidden in a rubbish bin killed two people at a railway station in Colombo.',
     'The station was closed for the rest of the day.',
     'The explosion shattered the windows of nearby shops.'),
    ('Gunmen stormed a hotel in Ouagadougou on Friday night and took guests hostage.',
     'Special forces surrounded the building.',
     'Witnesses heard a loud blast shortly before midnight.'),
]

# people held by the law, told without an arrest verb
HELD = [
    'A 32-year-old man is being held on suspicion of murder, police in Birmingham said.',
    'Two suspects were held for questioning after the blast in Quetta.',
    'Two reporters were held without charge for three days in Asmara.',
    'The suspect is being held at a police station in Abuja.',
    'Three students were held incommunicado for a week, their lawyers said.',
    'The man was remanded in custody by magistrates in Westminster on Friday.',
    'Four men arrested in raids in Casablanca are being held by police.',
]

# the same words with no attack before them, or in another sense: no asserted record of violence or arrest
QUIET = [
    ('Parliament passed the budget in Tallinn on Tuesday after a long debate.',
     'The speaker of the house died of a heart attack on Thursday.'),
    ('Gunmen attacked a police post in Kano on Monday, killing two officers.',
     'The former governor of the state died of cancer in 2001.'),
    ('A fire broke out at a garment factory in Dhaka on Monday.',
     'Two workers later died in hospital.'),
    ('A gas leak forced the evacuation of a primary school in Lyon.',
     '"There was an explosion and I thought it was a car crash," said a student.'),
    ('Gunmen attacked a police post in Kano on Monday, killing two officers.',
     'On Tuesday a gas cylinder exploded at a restaurant in the city, injuring four people.'),
    ('Peace talks are being held in Doha this week.',
     'Both delegations are being held to a strict schedule.'),
    ('The unions called off the strike in Lagos on Wednesday.',
     'The government succumbed to pressure from the unions and raised the minimum wage.'),
    ('A rally for the opposition candidate is being held in Lusaka on Saturday.',
     'The candidate is expected to speak at noon.'),
    ('The striker was injured in the first half of the match in Turin.',
     'He died of a heart attack at the age of 67.'),
]

# quoted reactions and follow-ups after an attack: (the attack, a sentence that tells no new event of an ACLED type)
REACTIONS = [
    ('A suicide bomber blew himself up outside a police academy in Quetta on Monday, killing 14 cadets.',
     '"Our thoughts and prayers are with the families of the brave young men who died serving their country," the '
     'statement said.'),
    ('Gunmen killed five soldiers at a checkpoint near Kidal on Sunday.',
     'Our deepest sympathies go out to the families of the soldiers who died in the attack, the minister said.'),
    ('A bomb killed 17 people at a cafe in Marrakesh on Thursday.',
     'Investigators from France and Spain joined the Moroccan police in the inquiry.'),
    ('Gunmen killed four soldiers in an ambush near Gao on Tuesday.',
     'Army divers joined the search for two missing soldiers.'),
    ('A car bomb exploded near the central bank in Kabul on Monday, killing three guards.',
     'The interior ministry dismissed reports that a second bomb had been found near the bank.'),
    ('A gunman killed two tourists outside a museum in Tunis on Friday.',
     'Officials rejected reports that a second gunman had been arrested.'),
]

# an attacker's past told in a biography after the attack: no asserted record with an ACLED type
BIOGRAPHY = [
    ('A suicide bomber killed nine people at a bus stop in Grozny on Monday.',
     'He had fought with the rebels in the mountains before returning to the city in 2012.'),
    ('A gunman killed four people at a cafe in Nice on Friday.',
     'The suspect fought for the Islamic State in Syria for two years, prosecutors said.'),
    ('Two bombs exploded at a market in Maiduguri on Sunday, killing 20 people.',
     'The bomber had fought alongside Boko Haram in the Sambisa forest as a teenager.'),
    ('An attacker stabbed two police officers in Vienna on Wednesday.',
     'She had served in the army before she moved to the capital.'),
]

# the same words telling events: (sentence with an ACLED record of its own)
REACTION_CONTROLS = [
    'He fought off two attackers with a knife outside the mosque on Friday.',
    'He fought with police officers outside the station in Leeds on Monday.',
    'Dozens of fighters of the militia joined the Islamic State in Sirte last month.',
    'Police said a second bomb had been found near the bank and defused.',
    'A second gunman was arrested near the museum on Saturday, police said.',
    'Three guards died in the attack on the bank, the ministry said.',
]

# probes the rules do not handle yet (expected failures until a fix lands): a driver who dies reads as a road
# accident's dead (senses.yaml), and "in the days that followed" as a span of a tally
KNOWN_GAPS = {
    'The driver of the lead truck later died in hospital.',
    'Four of the passengers succumbed to their wounds in the days that followed.',
}


VIOLENCE_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def _of_family(record, family):
    """The scorer's families: violence (the ACLED types of political violence), arrest (ACLED arrests or a PLOVER
    coercion of its own), or None: any record with an ACLED type."""
    if family == "violence":
        return record.event_type in VIOLENCE_TYPES
    if family == "arrest":
        return record.sub_event_type == "Arrests" or (not record.event_type and record.plover is not None
                                                      and record.plover.event == "COERCE")
    return bool(record.event_type)


def _records(pipeline, text):
    return [e for e in pipeline.extract(text) if e.modality == "asserted"]


def _overlaps(record, start, end):
    return record.evidence.start < end and start < record.evidence.end


def records_in_last(pipeline, sentences, family):
    """The asserted records of `family` (None: any with an ACLED type) whose evidence overlaps the last sentence of
    the article made of `sentences`."""
    text = " ".join(sentences)
    start = len(text) - len(sentences[-1])
    return [f"{r.event_type}/{r.sub_event_type}: {r.trigger}" for r in _records(pipeline, text)
            if _overlaps(r, start, len(text)) and _of_family(r, family)]


def measure(pipeline):
    """(share of aftermath and retold sentences found, share of held people found, share of quiet sentences and
    reactions kept quiet)."""
    told = [records_in_last(pipeline, s, "violence") for s in AFTERMATH_DEATHS + RETOLD_BLASTS]
    held = [records_in_last(pipeline, [t], "arrest") for t in HELD]
    quiet = [records_in_last(pipeline, s, None) for s in QUIET + REACTIONS + BIOGRAPHY]
    return (sum(map(bool, told)) / len(told), sum(map(bool, held)) / len(held),
            sum(not q for q in quiet) / len(quiet))


def _marked(cases):
    return [pytest.param(*c, marks=pytest.mark.xfail(reason="known gap", strict=False))
            if any(t in KNOWN_GAPS for t in c) else c for c in cases]


def test_the_rates_hold(pipeline):
    told, held, quiet = measure(pipeline)
    # 0.875, 1.000 and 1.000 measured (0.312, 0.286 and 0.684 on main 8210852, before this set's fixes)
    assert told >= 0.85 and held >= 0.85 and quiet >= 0.93, (told, held, quiet)


@pytest.mark.parametrize("attack,after", _marked(AFTERMATH_DEATHS))
def test_the_dead_told_after_an_attack_are_its_dead(pipeline, attack, after):
    assert records_in_last(pipeline, [attack, after], "violence"), after


@pytest.mark.parametrize("attack,between,blast", _marked(RETOLD_BLASTS))
def test_a_blast_told_after_an_attack_is_its_blast(pipeline, attack, between, blast):
    assert records_in_last(pipeline, [attack, between, blast], "violence"), blast


@pytest.mark.parametrize("text", [pytest.param(t, marks=pytest.mark.xfail(reason="known gap", strict=False))
                                  if t in KNOWN_GAPS else t for t in HELD])
def test_people_held_by_the_law_are_detained(pipeline, text):
    assert records_in_last(pipeline, [text], "arrest"), text


@pytest.mark.parametrize("before,quiet", _marked(QUIET))
def test_the_same_words_without_an_attack_tell_none(pipeline, before, quiet):
    assert records_in_last(pipeline, [before, quiet], None) == [], quiet


@pytest.mark.parametrize("attack,reaction", _marked(REACTIONS))
def test_a_reaction_after_an_attack_tells_no_event(pipeline, attack, reaction):
    assert records_in_last(pipeline, [attack, reaction], None) == [], reaction


@pytest.mark.parametrize("attack,past", _marked(BIOGRAPHY))
def test_an_attackers_past_tells_no_event(pipeline, attack, past):
    assert records_in_last(pipeline, [attack, past], None) == [], past


@pytest.mark.parametrize("text", REACTION_CONTROLS)
def test_the_same_words_of_an_event_keep_it(pipeline, text):
    assert records_in_last(pipeline, [text], None), text


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    probe_pipeline = Pipeline(workers=1)
    for case in AFTERMATH_DEATHS + RETOLD_BLASTS:
        if not records_in_last(probe_pipeline, case, "violence"):
            print("MISSED", case[-1])
    for text in HELD:
        if not records_in_last(probe_pipeline, [text], "arrest"):
            print("MISSED", text)
    for text in REACTION_CONTROLS:
        if not records_in_last(probe_pipeline, [text], None):
            print("MISSED", text)
    for case in QUIET + REACTIONS + BIOGRAPHY:
        if found := records_in_last(probe_pipeline, case, None):
            print("FALSE", case[-1], found)
    print("told {:.3f}, held {:.3f}, quiet {:.3f}".format(*measure(probe_pipeline)))
