"""A second probe set of tolls (issue 12): sentences and short reports written for these tests, none taken from
any evaluation data, with the toll ACLED would give the article's main event: every death of the event (the
attackers' too, when the text counts them), the lowest figure of a range, "dozens" 12, never the wounded, nothing
of earlier events or of a conflict's running total, and 0 when nobody died. It stands in for held-out text.

Families: wounded vs killed, running totals and tallies, earlier events, attackers, "at least"/"more than"/ranges/
vague quantities, number words, headlines, headline over body, tolls split by side, deaths told in a later
sentence, "the bodies of N" and a body found, "lost their lives", "N dead", single victims and names, pairs and
parents, conjoined victims, ages, nobody killed, plural victims with no number (at least two).
Measured on the branch that added it: 81 of 92 before, 88 after (the known gaps below are the rest)."""

from __future__ import annotations

import pytest

PROBES = [
    # wounded vs killed
    (3, 'Three soldiers were killed and nine wounded when a mine exploded under their truck near Kidal.'),
    (0, 'Fourteen people were injured when a grenade was hurled into a bar in Goma.'),
    (2, 'A bomb blast at a bus stop in Jos left two people dead and at least 30 injured.'),
    (5, 'Gunmen killed five miners and wounded twelve others at a gold site in Kombissiri.'),
    (1, 'One policeman died and four were hurt when militants attacked a checkpoint in Lahij.'),
    (0, 'Police said nobody was hurt in the explosion outside the tax office in Patras.'),
    (0, 'The rocket landed in an open field and caused no casualties, the army said.'),
    (4, 'An attack on a market in Mubi killed four traders; 23 others were treated for wounds in hospital.'),
    # running totals and tallies
    (9, 'A car bomb killed nine people in Hasakah. The conflict has killed more than 400,000 people since 2011.'),
    (14, 'Bandits killed 14 villagers in Zurmi; more than 1,000 people have been killed in the state so far this year.'),
    (23, 'A suicide attack on a police academy in Maidan Shahr killed 17 recruits. The death toll later rose to 23.'),
    (31, 'A truck bomb ripped through a market in Sadr City. By evening the death toll had climbed to 31.'),
    (6, 'Gunmen shot dead six people at a bar in Cali, bringing to 40 the number of people killed in the city since January.'),
    # earlier events' tolls
    (3, 'Militants killed three soldiers in Tillaberi, a week after an ambush that killed 28 troops in the same area.'),
    (2, 'A grenade attack killed two people in Bujumbura, a month after a bombing that killed 11 people in the capital.'),
    (0, 'Hundreds of people marched in Kaduna to protest the killing of 30 villagers last month.'),
    (4, 'A roadside bomb killed four soldiers in Khost, in retaliation for the deaths of 12 militants in a raid on Sunday.'),
    # attackers counted
    (7, 'Five policemen and two attackers were killed when gunmen stormed a station in Chechnya.'),
    (10, 'Militants attacked a base in Menaka, killing eight soldiers; two of the assailants were also killed.'),
    (4, 'Soldiers shot dead four gunmen who had attacked a checkpoint near Pattani.'),
    # at least / more than / ranges / vague
    (15, 'At least 15 people were killed when a car bomb exploded outside a ministry in Mogadishu.'),
    (40, 'More than 40 worshippers were killed in an attack on a mosque in Bir al-Abed.'),
    (30, 'Nearly 30 people died in the ambush on the convoy near Diffa.'),
    (25, 'Some 25 soldiers were killed when jihadists overran a military post in Boulkessi.'),
    (10, 'Between 10 and 12 people were killed in the bombing of a bus station in Kampala.'),
    (6, 'Six to eight civilians died in shelling on the town of Avdiivka, officials said.'),
    (12, 'Dozens of civilians were killed in air strikes on the town of Maarat al-Numan.'),
    (100, 'Hundreds of villagers were killed when armed men attacked settlements near Djibo.'),
    (10, 'Tens of people were killed in fighting between rival militias in Tripoli.'),
    (3, 'A few people were killed when a shell struck a bakery in Stepanakert.'),
    (12, 'A dozen people were killed in a raid on a village in Ituri.'),
    # number words
    (21, 'Twenty-one people were killed in a double suicide bombing in Baghdad.'),
    (103, 'One hundred and three people died when militants attacked Koumbri.'),
    (2, 'A couple were shot dead by unknown gunmen in their home in Tegucigalpa.'),
    (2, 'Unknown gunmen killed a pair of tax collectors in Galkayo.'),
    # headline style
    (9, 'Car bomb kills 9 in northern Syria town'),
    (3, 'Suicide blast kills 3 soldiers near Mogadishu airport'),
    (6, 'Gunmen kill six at wedding in Zamfara'),
    (12, '12 dead as militants storm hotel in Mogadishu'),
    (4, 'Four killed, 10 hurt in Quetta blast'),
    (5, 'Five soldiers killed in Borno ambush'),
    (1, 'Journalist shot dead in Ciudad Juarez'),
    # headline over a body
    (8, "Bomb kills 8 at market in Maiduguri\nA bomb hidden in a bag exploded at a crowded market in Maiduguri, "
        "killing eight people and injuring 20, police said."),
    # tolls split by side
    (19, 'Fighting in Jawzjan killed 12 Taliban fighters and 7 soldiers, officials said.'),
    (13, 'Eight soldiers and five militants were killed in clashes in North Waziristan.'),
    (10, 'The ambush left six police officers dead, while four of the attackers were killed by return fire.'),
    (17, 'In the clashes in Marib, 11 Houthi fighters were killed; six government troops also died.'),
    # deaths in a later sentence
    (5, 'Gunmen opened fire on a minibus near Bamenda. Five passengers were killed.'),
    (7, 'A suicide bomber struck a funeral in Nangarhar. Seven mourners died.'),
    (3, 'Militants attacked a police post in Kech overnight. Three policemen lost their lives.'),
    (2, 'A grenade was thrown into a church in Kikuyu. Two worshippers died of their injuries in hospital.'),
    (6, 'Armed men attacked a bus near Kolwezi. The attack left six people dead.'),
    # bodies of N
    (6, 'Militants abducted 14 fishermen near Baga. The bodies of six of them were found on Tuesday.'),
    (1, 'A teacher kidnapped by gunmen in Kogi was found dead two days later.'),
    (1, 'A soldier was abducted by militants near Sopore. His body was found later.'),
    (1, 'A nurse was kidnapped near Kidapawan on Monday. Her corpse was found on a farm the next day.'),
    # lost their lives / died
    (8, 'Eight people lost their lives in the attack on the mosque in Maiduguri.'),
    (11, 'Eleven civilians lost their lives when a shell hit a school in Taiz.'),
    (5, 'Five children died after a bomb exploded in a playground in Lashkar Gah.'),
    # N dead
    (3, 'Three dead after gunmen attack a nightclub in Cancun.'),
    (7, 'Seven dead and 14 injured in a bomb attack on a bus in Quetta.'),
    # singular victims, names
    (1, 'Unknown gunmen shot dead a constable in Pulwama.'),
    (1, 'A local councillor was killed by suspected rebels in Mindanao.'),
    (1, 'Suspected separatists murdered a schoolteacher in Kumba.'),
    (1, 'An engineer working on the dam was killed by an IED in Balochistan.'),
    (1, 'The former governor Ahmed Sule was assassinated in Kano.'),
    (1, 'Ruth Banda, a nurse, was stabbed to death by militiamen in Beni.'),
    (2, 'Gunmen shot dead the chief of Kavala and his wife.'),
    # pairs, families, parents
    (3, 'A boy and his parents were killed when a rocket hit their house in Sderot.'),
    (4, 'A couple and their two children were killed in an air strike on Hajjah.'),
    (2, 'Twins were killed when a mortar shell landed in a courtyard in Gao.'),
    # conjoined
    (11, 'Five Russian soldiers were killed as well as six Syrian soldiers in Palmyra.'),
    (9, 'Four police officers were killed along with five civilians in the blast in Peshawar.'),
    # ages are no counts
    (1, 'A gunman killed 22-year-old Jonah Levi at a bus stop in Ashkelon.'),
    (1, 'A 65-year-old farmer was hacked to death by herders in Benue.'),
    (2, 'Militants shot dead a 12-year-old boy and his 40-year-old father in Kunduz.'),
    # no deaths: 0
    (0, 'Police defused a bomb found near a mosque in Kano.'),
    (0, 'A grenade exploded outside the embassy in Athens, causing damage but no injuries.'),
    (0, 'Militants attacked a police station in Tank, but no one was killed.'),
    (0, 'The gunmen fired at the convoy of the governor, who escaped unhurt.'),
    (0, 'Kidnappers seized twenty students from a school in Kagara.'),
    # other phrasing
    (2, 'Two people were shot dead at a checkpoint in Hebron.'),
    (5, 'The attackers burned five people alive in their homes in Plateau.'),
    (3, 'Three herders were beaten to death by a mob in Nasarawa.'),
    (6, 'Six men were lined up and executed by militants in Mosul.'),
    (2, 'A drone strike killed two suspected militants in North Waziristan.'),
    (18, 'Eighteen people have been confirmed dead after the bombing at the stadium in Mogadishu.'),
    (20, 'Officials confirmed 20 deaths after gunmen attacked a camp for displaced people in Djugu.'),
    # plural victims with no number: at least two died (the most conservative reading, as for "several")
    (2, "Warplanes kill civilians in a town in the countryside of Idlib"),
    (2, "Its police officers were killed by unidentified gunmen who opened fire on them."),
    (2, "A rocket struck a square in Quetta, killing police officers and civilians."),
    (5, "Gunmen killed five soldiers and civilians in Tillaberi."),
    # killed and wounded together: some died, how many is not told (1)
    (1, "Warplanes kill and injure 18 citizens in a town in the countryside of Idlib."),
    (1, "The regime forces shelled Douma, killing and injuring 5 civilians."),
    (1, "About 20 people were killed and wounded by mine explosions in the countryside of Homs."),
    # the plural rule is a last resort: a number read by word order, a figure told later, the wounded after "and"
    (2, "Two people were killed and 9 in injured after a bombing near a market."),
    (5, "Suspected militants shot dead five youths and injured at least 2 more in an attack in Sadiya."),
    (5, "At least 5 people were killed after militants attacked a military base. The death toll of the militants is "
        "unknown."),
    (21, "Gunmen attacked a lakeside hotel near Kabul, shooting the guards dead and taking dozens of hostages. The "
         "siege ended after 12 hours; 21 people were killed."),
    (15, "At least 15 people were killed and scores of others injured in a bomb explosion in Mogadishu."),
    # the dead named beside the wounded with no number: some died (1); "casualties" alone are no deaths in English
    (1, "Casualties and injuries in bombing by warplanes on the countryside of Idlib"),
    (1, "About 10 casualties and wounded in rocket shelling by government forces on the outskirts of Homs"),
    (1, "Martyrs and wounded in air strikes on the northern countryside of Aleppo"),
    (1, "The shelling of the market in Taiz caused deaths and injuries, residents said."),
    (0, "The mortar attack on the base in Kandahar caused no casualties or injuries."),
    (0, "A bomb exploded near the court in Herat without casualties or injuries."),
    (0, "Shells hit the outskirts of Lugansk and caused casualties, officials said."),
    (37, "At least 37 were killed including 9 officers, and shelling over 3 days left at least 174 casualties and "
         "wounded."),
    # one dead told by a singular death noun; plural people of "the death of"; the killed and hurt in one object
    (1, "A martyr in the northern countryside of Homs and a wounded person in shelling on the coast"),
    (1, "The clash caused a death in the village, police said."),
    (0, "Police received a death threat against the judge in Palermo."),
    (2, "Shelling in the countryside of Daraa caused the death of fighters of the factions."),
    (2, "Gunmen killed members of a vigilante group in Zamfara."),
    (1, "Renewed air strikes hit the eastern districts of the city and kill and wound many people."),
]

# what the casualty stage does not read yet: another actor's killing told in the next sentence, bodies found
# with no event, an explosion with no actor, a participle misread as the verb ("30 confirmed civilians")
KNOWN_GAPS = [
    (6, 'Four guards were killed in the attack on the bank in Karachi. Security forces killed the two gunmen.'),
    (9, 'Police found the bodies of nine men who had been abducted by a gang in Guerrero.'),
    (4, 'The explosion claimed the lives of four firefighters in Homs.'),
    (49, '30 confirmed civilians and 19 militiamen were killed in the raid on the village.'),
]


def _toll(pipeline, text):
    events = [e for e in pipeline.extract(text, published="2021-03-02") if e.modality == "asserted"]
    assert events, "no event"
    return events[0].fatalities or 0


@pytest.mark.parametrize("count, text", PROBES)
def test_the_main_event_carries_the_toll(pipeline, count, text):
    assert _toll(pipeline, text) == count


@pytest.mark.parametrize("count, text", KNOWN_GAPS)
@pytest.mark.xfail(reason="known gap of the casualty stage", strict=False)
def test_known_gaps(pipeline, count, text):
    assert _toll(pipeline, text) == count


def test_the_probe_set_is_large_enough():
    assert len(PROBES) >= 80


def test_a_plural_with_no_number_is_flagged_and_gives_way_to_a_figure_told_later(pipeline):
    first = [e for e in pipeline.extract("Warplanes killed civilians in a village near Saraqib.")
             if e.modality == "asserted"][0]
    assert first.fatalities == 2 and "fatalities_at_least" in first.flags
    told = [e for e in pipeline.extract("Gunmen stormed a hotel in Bamako, shooting the guards dead and taking "
                                        "hostages. Officials said 19 people were killed.") if e.modality == "asserted"]
    assert told[0].fatalities == 19 and "fatalities_at_least" not in told[0].flags
