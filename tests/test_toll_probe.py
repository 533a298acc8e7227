"""A probe set of tolls (issue 12): one sentence or short report each, written for these tests, with the toll
ACLED would give the article's main event (every death of the event, the lowest of conflicting figures, never the
injured). It stands in for held-out text: a change to the casualty stage should keep it passing."""

from __future__ import annotations

import pytest

PROBES = [
    # lists of victims: every member counts once ('his wife, son, and bodyguard'; 'him and three members')
    (4, "A gunman in a passing car killed Omar Haddad, a local judge, as well as his wife, son, and bodyguard."),
    (4, "Rebels stormed the farm near Bunia, killing him and three members of his family."),
    (6, "Gunmen shot dead a trader, his teenage son and 4 other relatives in Kandi on Tuesday."),
    (5, "A roadside bomb killed the district chief, two of his guards and his two nephews in Kunar."),
    (3, "Colonel Ivan Petrenko and two others were killed by a car bomb in Donetsk."),
    (2, "The blast killed a policeman and a street vendor and 6 were injured."),
    # groups and wholes: 'a family of five', 'all of the 14', 'both assailants'
    (14, "A bomb hit a minibus near Gao. All of the 14 passengers were killed."),
    (14, "A bomb hit a minibus near Gao, and all 14 passengers were killed."),
    (5, "A family of five people were killed when militants set fire to their home in Borno."),
    (6, "A patrol of six soldiers was ambushed and killed near the border with Niger."),
    (2, "Guards shot and killed both assailants near the gate of the consulate."),
    # death clauses joined by 'and' or a 'while' of contrast add up; another agent's clause is another event
    (17, "The rebels killed 12 farmers in Tula and killed 5 more later in the day."),
    (10, "The raid on the border post left 7 soldiers dead and 12 injured, while 3 attackers were killed."),
    (13, "Attacks on police posts in Mandera and Garissa left 11 security forces dead and 6 injured, while 2 "
         "gunmen were killed."),
    # the dead of a set told before ('the bodies of six of them'); more lists
    (6, "Insurgents abducted 20 travellers near Dikwa. The bodies of six of them were found on Monday."),
    (5, "The bombing killed two soldiers, as well as three civilians who were nearby."),
    (3, "A suicide bomber hit a checkpoint in Mogadishu, killing a soldier, his commander and a tea seller."),
    (4, "Militants killed a village elder and his three sons in Zabul province."),
    (3, "Police said the attackers shot dead a pastor, his wife and their driver outside the church in Maiduguri."),
    (2, "Unknown assailants killed Carlos Mendes and his brother in Tumaco, Colombia."),
    # plain counts: digits, words, 'at least', 'more than', ranges (the low figure), vague numbers
    (7, "A car bomb killed 7 people outside a courthouse in Mosul."),
    (12, "At least 12 civilians were killed when mortar rounds hit a market in Aleppo."),
    (20, "More than 20 people died after gunmen opened fire on a wedding party in Zamfara."),
    (9, "Between 9 and 14 villagers were killed in the overnight raid, local officials said."),
    (40, "Forty worshippers were killed in a suicide bombing at a mosque in Kano."),
    (12, "Dozens of people were killed in an attack on a camp for displaced people."),
    (100, "Hundreds of people were massacred in the raid on the town of Kiwanja."),
    (31, "Thirty-one people were killed and more than 50 injured in a double bombing in Baghdad."),
    # injured, hurt or unharmed are no deaths
    (0, "Six soldiers were wounded when their vehicle struck a landmine in Arauca."),
    (0, "No one was hurt when a grenade exploded outside a bank in Athens."),
    (0, "The bomb caused damage to the building but no casualties, police said."),
    # verbs and nouns of death, active and passive, headline and wire styles
    (2, "Two policemen were killed and five others injured in a grenade attack in Srinagar."),
    (3, "The attack left three dead and eleven wounded in the Pakistani city of Quetta."),
    (5, "Five pilgrims were stabbed to death near the shrine in Karbala."),
    (1, "A journalist was shot dead by two men on a motorcycle in Culiacan."),
    (1, "Suspected jihadists beheaded a village chief in Cabo Delgado."),
    (1, "The head of the local council was assassinated outside his home in Benghazi."),
    (8, "Eight soldiers lost their lives when militants ambushed their convoy in Tillaberi."),
    (9, "The ambush claimed the lives of nine police officers in Guerrero state."),
    # a later sentence updates or tells the toll ('rose to', 'Fifteen people were killed.', 'also killed')
    (30, "A car bomb exploded near a hotel in Kabul. The death toll rose to 30 on Sunday."),
    (26, "A suicide bombing at a bus station in Quetta killed 18 people. The death toll later rose to 26."),
    (15, "A bomb went off at a busy market in Peshawar. Fifteen people were killed."),
    (11, "Gunmen attacked a bus carrying pilgrims near Mastung. The attack killed eleven passengers."),
    (4, "Gunmen shot dead three guards at the gate of the factory. A driver was also killed in the shootout."),
    (7, "A roadside bomb killed six soldiers on patrol near Khost. Another soldier died in the blast."),
    (3, "A grenade was thrown into a bar in Bujumbura, killing two people. One of the wounded later died in hospital."),
    # deaths of earlier events and running totals are not this event's
    (6, "A suicide bomber killed six worshippers at a church in Jos, two years after a bombing killed 40 in "
         "the same city."),
    (5, "Soldiers killed five militants in Diyala, a month after an ambush that killed 12 soldiers in the province."),
    (8, "A bomb killed eight people in Kirkuk on Monday; the insurgency has killed more than 3,000 people since 2014."),
    (3, "Gunmen shot dead three farmers in Plateau State; more than 200 people have been killed in the state "
         "this year."),
    # more dead of the same event add ('also killed'); other events keep their own counts
    (24, "Bombs went off at a crowded bus station in Kaduna, killing at least 20 people. Four attackers were "
         "also killed in the attack."),
    (5, "Gunmen attacked a village in Zamfara, killing 5 farmers. Two soldiers were also killed in a separate clash."),
    (5, "An air strike killed 5 people in Idlib, while a car bomb killed 3 others in Aleppo."),
    # the wounded and subsets ('including five children', 'among them') add nothing
    (1, "Militants in Sinai killed a soldier and wounded four others at a checkpoint near Rafah."),
    (2, "Two people died and five were wounded after militiamen attacked a truck near Beni."),
    (12, "Gunmen killed twelve villagers in Ogossagou, including five children."),
    (12, "A car bomb killed 12 people, among them three policemen, in the town of Tuz Khurmatu."),
    (7, "Seven people, including a child and two soldiers, were killed in the explosion in Jalalabad."),
    (3, "Three members of the Frontier Corps were killed in an IED blast in Kech district."),
    (2, "The Taliban killed two members of a provincial council in Ghazni."),
    # varied places, names and styles
    (4, "Four people were killed, two of them police officers, in a shooting in Nazran."),
    (18, "Boko Haram fighters killed 18 fishermen on the shores of Lake Chad."),
    (6, "Al-Shabaab militants executed six men accused of spying in Jilib."),
    (25, "Twenty-five people died when gunmen set fire to a bus in Mopti."),
    (50, "Fifty civilians were massacred by a militia in Ituri, a rights group said."),
    (3, "Three protesters were shot dead by security forces in Khartoum."),
    (9, "Nine people were killed and 30 wounded in clashes between two clans in Galkayo."),
    (1, "A Palestinian assailant stabbed an Israeli man to death in Jerusalem."),
    (1, "A teacher was hacked to death by suspected separatists in Bamenda."),
    (13, "The Islamic State executed 13 civilians in Mosul, an activist group reported."),
    (10, "Ten Malian soldiers died in an ambush near Boulkessi."),
    (21, "A suicide car bomb killed 21 people in a Shia neighbourhood of Baghdad."),
    (3, "A child and two women were killed when a shell hit their home in Gorlovka."),
    (2, "Two Turkish soldiers were killed by a PKK roadside bomb in Hakkari."),
    (16, "The explosion at the mosque in Zahedan killed 16 worshippers and wounded dozens more."),
    (2, "The driver and a passenger were killed when the minibus hit a mine in Shabunda."),
    (8, "Eight members of one family were killed in an air strike in Saada."),
    (1, "The army said it shot dead a suspected militant in Shopian."),
    (0, "Nobody was killed in the blast, which damaged two shops in Manipur."),
    (3, "A family composed of three people was killed by unidentified gunmen in Jalawla."),
    (60, "A wave of attacks in northern Iraq killed at least 60 people, most of them Shia pilgrims."),
    (22, "Gunmen killed 22 people in attacks on two villages in Zamfara state."),
    (1, "A respected tribal elder and head of the district peace council was killed in a bomb blast in Bajaur."),
    (1, "A veteran reporter and father of three was shot dead outside his home in Tegucigalpa."),
    (1, "Suspected cartel gunmen killed mayor Luis Torres in Michoacan."),
    (2, "Police said Ana Morales and her husband were shot dead at their farm in Cauca."),
    (1, "The mayor of Lodwar, Ekai was shot dead by bandits on the road to Kakuma."),
    (1, "The chief of Kumbo-Bafia, Tabe was killed in an attack by suspected separatist fighters."),
    # headline style: the death word hung on the last noun of an "of" phrase, or on a relative pronoun
    (8, "A guided missile fired by government forces leaves 8 fighters of a rebel faction dead in the Jabal al-Akrad "
        "mountains"),
    (3, "3 members of a Turkish-backed faction assassinated in a village in the countryside of Afrin"),
    (4, "Questions surround the identity of 4 fighters who were killed by an ambush near the Omar oilfield"),
    (5, "5 people from one family killed in shelling by government forces on a village in the countryside of Idlib"),
    (1, "The leader of 20 fighters was killed in an air strike near Saraqib."),
    # ordinals standing for people; "leaving ... killed"; the wounded who died later
    (1, "Gunmen shot two local councillors in Kirkuk, killing the first and injuring the second."),
    (2, "The car exploded while being searched, leaving a police colonel and another officer killed and a third "
        "wounded."),
    (1, "A man stabbed five people at a music festival in Haifa. Among the wounded was 16-year-old Dana Levi, who "
        "died from her wounds two days later."),
    # conflicting and uncertain figures: the lowest stands (ACLED); vague quantities; the attackers among the dead
    (12, "Police said 12 people were killed in the bombing in Jalalabad, but hospital officials put the toll at 15."),
    (18, "A bomb killed at least 18 people at a market in Mogadishu. Other reports put the death toll at 25."),
    (20, "Between 20 and 30 villagers were killed in the raid, according to local officials."),
    (15, "Some 15 to 20 soldiers were killed when militants overran the base in Inates."),
    (12, "Residents said dozens of people were killed when gunmen attacked the village of Sobane."),
    (20, "Scores of civilians were killed in air strikes on the town of Saada."),
    (3, "Three people including the attacker were killed when a bomb went off at a checkpoint in Kandahar."),
    (4, "A suicide bomber blew himself up at a police station in Bannu, killing four officers."),
    (11, "Eleven people, including the two gunmen, were killed in the attack on the hotel in Bamako."),
    # the dead of an earlier event named in a protest or a mourning are no toll of it
    (0, "Relatives of 5 soldiers who were killed last year protested outside parliament in Kyiv."),
    (0, "Hundreds marched in Lagos to mourn 12 students who were killed in an attack on their school."),
]


@pytest.mark.parametrize("count, text", PROBES)
def test_the_main_event_carries_the_toll(pipeline, count, text):
    events = [e for e in pipeline.extract(text, published="2021-03-02") if e.modality == "asserted"]
    assert events, "no event"
    assert (events[0].fatalities or 0) == count


def test_the_probe_set_is_large_enough():
    assert len(PROBES) >= 80
