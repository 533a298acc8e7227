"""Probes of false records, third set (issue 12): the sentences of a long news feature or a court report around an
attack that tell no event of their own must give no asserted record of any kind (a PLOVER-only record is a record
too): a source declining to say or confirm something, a plea of guilty in court, quoted words after "told the
paper:", how a bomb was built, hidden or is looked for, the drills of schools and hospitals, a power or a right to
act, a kind of attack or a way to fight. The acts these phrasings sit next to stay events: refusing to withdraw,
pleading for a release, telling a party to leave, military exercises, a bomb that exploded or was defused. In a
short article the records sit in the sentences of its events.

Every sentence was written for these tests (real and invented names); none comes from an evaluation set. The
probes the rules do not handle yet are kept as expected failures (KNOWN_GAPS), so that a fix shows up as XPASS."""

from __future__ import annotations

import pytest


def asserted_records(pipeline, text):
    return [e for e in pipeline.extract(text) if e.modality == "asserted"]


def describe(records):
    return [f"{e.event_type or '-'}/{e.plover.event if e.plover else '-'}: {e.trigger}" for e in records]


# a source who will not say, confirm or give details: reporting boilerplate, no rejection of a demand
DECLINING_TO_SAY = [
    'A spokesman for the ministry refused to confirm the number of casualties.',
    'The army refused to say whether civilians had been hit in the strike.',
    'The interior ministry declined to give details of the operation in Kirkuk.',
    'The company declined to disclose how much it had paid the kidnappers.',
    'Kenyan officials declined to identify the suspects, citing the ongoing investigation.',
    'The embassy refused to discuss the case with reporters.',
    'Government sources declined to speculate on who was behind the blast.',
    'Officers at the scene refused to reveal where the wounded had been taken.',
    'The spokeswoman for the Zavrinian army declined to answer questions about the convoy.',
]

# a plea in court answers a charge; it asks nothing of anyone
PLEAS = [
    'He pleaded not guilty to all charges at a hearing in Manchester on Tuesday.',
    'The three men pleaded guilty to conspiring to bomb the embassy.',
    'Okafor pleaded guilty to the murder of the shopkeeper.',
    'The former militia commander pleaded innocent to charges of war crimes.',
    'Both defendants pleaded not guilty to terrorism offences.',
    'The teenager pleaded guilty to two counts of possessing explosives.',
    'At his first court appearance, Dervishi pleaded not guilty.',
    'She pleaded no contest to the charges, her lawyer said.',
    'The plea deal was approved by a judge in Virginia on Friday.',
]

# words quoted after a verb of telling: speech, not an order
QUOTED_WORDS = [
    'Rogers told the magazine: "We talk about precision warfare as if it were clean."',
    'A resident told AFP: "We hear the planes every night."',
    'Colonel Idris told the BBC: "We stay here until the job is done."',
    'One survivor told reporters: "I run every time I hear a car backfire."',
    'Marchetti told The Guardian: "They know we watch everything they do."',
    "An aid worker told the agency: 'We need more doctors, not more promises.'",
    'The analyst told the newspaper: "They adapt faster than we do."',
]

# how a bomb was made, where it was hidden, how such devices are looked for: the weapon, not an explosion
WEAPONS_AS_THINGS = [
    'The bomb had been hidden inside a rice cooker.',
    'The bombs were assembled in a rented flat in the suburbs of Brussels.',
    'The device was packed with nails and ball bearings to maximise injuries.',
    'The Pentagon has spent billions of dollars on systems to detect roadside bombs.',
    'Investigators believe the explosives were stored in a garage for several weeks.',
    'The bomb was concealed in a suitcase, according to the police report.',
    'The devices were built from parts bought at hardware shops.',
    'Airports have installed new scanners to detect explosives in hand luggage.',
    'The explosives had been wrapped in plastic and stuffed into a gas cylinder.',
    'Dogs trained to sniff out explosives patrolled the station.',
    'The bomb weighed about ten kilograms, the army said.',
    'Jammers designed to counter remote-controlled bombs were fitted to the convoy vehicles.',
    'An undercover agent handed him a fake bomb in a parking lot in Worcester.',
    'The device left outside the bank turned out to be a replica bomb.',
]

# the practice of civilians: fire drills, hospital exercises, training games
CIVILIAN_DRILLS = [
    'Schools across the state hold fire drills twice a year.',
    'Emergency services are now factoring drones into their training drills.',
    'Hospitals in the city held emergency exercises to test their response to mass casualties.',
    'The council runs earthquake drills in every primary school.',
    'Firefighters and paramedics carried out training exercises at the disused factory.',
    'Pupils practised lockdown drills in case of an intruder.',
    'Volunteers joined tabletop exercises organised by the Red Cross.',
    'All the agencies that respond to emergencies are now factoring drones into their war games.',
]

# a power, a right or an authorisation to act is not the act
POWERS_TO_ACT = [
    'The law gives police the power to arrest protesters who block roads.',
    'The court authorised the army to detain suspects for 30 days.',
    'The decree empowers the governors to detain anyone suspected of links to the rebels.',
    'Parliament authorised the president to deploy troops abroad.',
    'The new missiles give the navy the ability to strike targets 500 kilometres away.',
    'Security forces now have the authority to search homes without a warrant.',
    'The bill would grant soldiers the right to shoot looters on sight.',
    'The drones give the militants the capability to attack from long range.',
]

# a kind of act, a way or a tool to act: what is spoken of is no act done
KINDS_AND_WAYS = [
    '"This kind of attack is very hard to stop," the analyst told the newspaper.',
    'The army is already testing ways to fight such swarms with lasers.',
    'Such tactics to intimidate voters are common in the region.',
    'Social media has become a tool to recruit fighters and plan attacks.',
    'Engineers are working on new methods to clear landmines from farmland.',
    'This type of ambush is typical of the insurgents in the mountains of Kunar.',
    'Terrorism remains the biggest threat to the country, the report concluded.',
]

NON_EVENTS = (DECLINING_TO_SAY + PLEAS + QUOTED_WORDS + WEAPONS_AS_THINGS + CIVILIAN_DRILLS + POWERS_TO_ACT
              + KINDS_AND_WAYS)

# what the rules miss yet: an event referred to in a reaction with nothing told before ("condemned the attack on
# the convoy", "described the raid as a massacre": in an article after the event they are no record), a law
# allowing an act, a lone weapon noun of a past attack
KNOWN_GAPS = {
    # (and what a source declines to say about an act reported, a noun of threat or of charges, a refusal quoted,
    # the evacuation of a drill, a kind of attack planned for)
    'Local councils have rewritten their emergency exercises to include drone attacks.',
    # what a bomb is or where it was (a copula): taking these out cost a place elsewhere in the article
    'Roadside bombs are the weapon of choice for the insurgents in the south.',
    'The bomb was in a sports bag left near the entrance of the station.',
    'Police declined to say how many officers had been deployed to the border town.',
    'A Pentagon official declined to elaborate on the nature of the threat.',
    'Prosecutors in Lyon declined to specify the charges the two men face.',
    'The mayor told local radio: "They want us to be afraid, and we refuse."',
    'Staff at the airport took part in evacuation drills on Sunday.',
    'New laws allow police to detain terrorism suspects for up to 14 days without charge.',
    'The African Union condemned the attack on the convoy.',
    'Human rights groups described the raid as a massacre.',
    'Pressure-cooker bombs were also used in the Boston Marathon attack.',
    'Police declined to comment on the arrests.',
}

# the acts the phrasings above sit next to: each keeps a record of this PLOVER event (None: any ACLED event)
TRUE_EVENTS = [
    ('The rebels refused to withdraw from the town.', 'REJECT'),
    ('The mayor declined to resign despite weeks of protests.', 'REJECT'),
    ('The junta refused to hand over power to the elected parliament.', 'REJECT'),
    ("The woman pleaded for her son's release.", 'REQUEST'),
    ('Relatives pleaded with the kidnappers to free the hostages.', 'REQUEST'),
    ('The president told Russia to withdraw its troops from the border.', 'REQUEST'),
    ('The commander told the villagers to leave before nightfall.', 'REQUEST'),
    ('North Korea carried out military drills near the border.', 'MOBILIZE'),
    ('Russia and China held joint naval exercises in the Sea of Japan.', 'MOBILIZE'),
    ('The Ukrainian army staged live-fire exercises near Kharkiv.', 'MOBILIZE'),
    ('The Israeli army concluded its largest military exercise in a decade on Thursday.', 'MOBILIZE'),
    ('NATO troops held war games in the Baltic states last month.', 'MOBILIZE'),
    ('A bomb exploded in a crowded market in Peshawar, killing 12 people.', None),
    ('A bomb hidden in a motorcycle exploded near a police station in Kandahar on Monday.', None),
    ('A bomb packed with nails went off outside a church in Kaduna, wounding 20 worshippers.', None),
    ('Police defused a bomb found outside a school in Lagos.', None),
    ('The rebels shot down an army helicopter near Idlib.', None),
    ('Police arrested 40 protesters in Minsk on Saturday.', None),
    ('Gunmen killed four police officers at a checkpoint in Zamfara state.', None),
    ('Militants detonated a car bomb outside a hotel in Mogadishu, killing nine.', None),
    ('Soldiers detained dozens of suspects in raids across the region on Tuesday.', None),
    ('The army shelled rebel positions near the town of Kauda overnight.', None),
    ('Gunmen killed five people in a new kind of attack on a bus in Kaduna.', None),
    ('The militants found a way to attack the base from the river, killing 12 soldiers.', None),
    ('Police said it was a car bomb that killed the five soldiers in Kirkuk.', None),
    ('The rebels threatened to attack the capital if the talks failed.', 'THREATEN'),
]

# a short article: one event and the sentences around it that tell none; the opening words of the event's sentence
ARTICLES = [
    (
        'A car bomb exploded outside a police station in Diyarbakir on Monday, killing four officers. '
        'The bomb had been hidden in a stolen van, investigators said. '
        'The governor declined to say which group was behind the attack.',
        'A car bomb exploded'),
    (
        'Two men were arrested in Leeds on Thursday on suspicion of preparing acts of terrorism. '
        'The devices were assembled in a garden shed, police said. '
        'Both men later pleaded not guilty.',
        'Two men were arrested'),
    (
        'Jihadists ambushed an army patrol near Menaka, killing 11 soldiers, the army said. '
        'A spokesman refused to give details of the ambush. '
        'One officer told the radio: "We know they watch our every move."',
        'Jihadists ambushed'),
    (
        'A drone strike killed three militants in North Waziristan on Sunday, local officials said. '
        'Emergency services are factoring drones into their training drills. '
        'The new drones give the army the ability to strike targets far across the border.',
        'A drone strike killed'),
    (
        'Riot police fired tear gas at students marching on parliament in Kampala on Wednesday. '
        'The law gives police the power to arrest protesters who block roads. '
        'A police spokesman declined to give details of the operation.',
        'Riot police fired tear gas'),
    (
        'Bandits abducted 25 villagers in a night raid on Gidan Kare, residents said. '
        'The kidnappers told one family: "We want five million naira for each of them." '
        'Police declined to disclose the details of the rescue operation.',
        'Bandits abducted'),
    (
        'Soldiers raided the village of Kpori on Monday, killing 14 men, residents said. '
        'Human rights groups described the raid as a massacre. '
        'The army declined to say whether any of the dead were armed.',
        'Soldiers raided the village'),
]


def gap(text):
    marks = [pytest.mark.xfail(reason="known gap", strict=False)] if text in KNOWN_GAPS else []
    return pytest.param(text, marks=marks)


def measure(pipeline):
    """The share of probes answered as the tests ask (before/after figures for a change)."""
    quiet = sum(not asserted_records(pipeline, t) for t in NON_EVENTS)
    kept = sum(bool(_kept(pipeline, t, plover)) for t, plover in TRUE_EVENTS)
    return quiet / len(NON_EVENTS), kept / len(TRUE_EVENTS)


def _kept(pipeline, text, plover):
    found = asserted_records(pipeline, text)
    if plover is None:
        return [e for e in found if e.event_type]
    return [e for e in found if e.plover and e.plover.event == plover]


def test_there_are_enough_probes():
    assert len(NON_EVENTS) + len(KNOWN_GAPS) + len(TRUE_EVENTS) + len(ARTICLES) >= 80
    assert len(set(NON_EVENTS)) == len(NON_EVENTS) and not KNOWN_GAPS & set(NON_EVENTS)


@pytest.mark.parametrize("text", NON_EVENTS)
def test_no_asserted_record(pipeline, text):
    assert describe(asserted_records(pipeline, text)) == [], text


@pytest.mark.parametrize("text", [gap(t) for t in sorted(KNOWN_GAPS)])
def test_known_gap_gives_no_asserted_record(pipeline, text):
    assert describe(asserted_records(pipeline, text)) == [], text


@pytest.mark.parametrize("text,plover", TRUE_EVENTS)
def test_true_event_keeps_its_record(pipeline, text, plover):
    assert _kept(pipeline, text, plover), describe(asserted_records(pipeline, text))


@pytest.mark.parametrize("key", [k for _, k in ARTICLES])
def test_records_of_an_article_sit_in_the_sentence_of_its_event(pipeline, key):
    text = next(t for t, k in ARTICLES if k == key)
    start = text.index(key)
    end = text.index(". ", start) + 1
    records = asserted_records(pipeline, text)
    assert records and all(start <= e.evidence.start < end for e in records), describe(records)
