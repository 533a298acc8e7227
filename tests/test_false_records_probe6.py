"""Probes of false records, sixth set (issue 12): the non-event text news is full of, told in the shapes of real
reports, must give no asserted record with an ACLED type (a PLOVER-only record, such as a threat, a statement or an
agreement, is fine): background and a group's history, running death tolls, metaphors of war, hypotheticals and
threats, denials, plans and preparations, anniversaries, court cases over past attacks, claims for earlier attacks,
policy statements, disasters, ordinary crime and sport. Controls of the same wording tell real attacks and keep
their records, so that a fix cannot simply silence the words. Mini-articles put a quiet sentence next to the event
of the day: the event keeps its record and the quiet sentence gets none.

Every sentence was written for these tests (real and invented names, many countries, wire, local-paper, NGO and
headline styles); none comes from an evaluation set. `python tests/test_false_records_probe6.py` prints the misses.
"""

from __future__ import annotations

import pytest

BACKGROUND = [
    'Boko Haram has abducted more than 1,500 children in the northeast since 2013, UNICEF said.',
    'The insurgency, which began in Cabo Delgado in 2017, has displaced nearly a million people.',
    'Over the past decade the militia has repeatedly raided villages along the Ituri border.',
    'The district has seen a spate of kidnappings for ransom in recent months.',
    'The Tigray war, which broke out in November 2020, killed hundreds of thousands of people.',
    'Since the coup, the army has been accused of burning entire villages in the Sagaing region.',
    'The movement has staged hundreds of rallies across the country over the past two years.',
    'Sectarian clashes have claimed dozens of lives in Kurram district in recent years.',
    'The town changed hands several times during the civil war.',
    'Security forces have long been accused of extrajudicial killings in the region.',
    'Dozens of journalists have been killed in Mexico over the past five years, most of them in Veracruz.',
    'Attacks on polio vaccinators have been common in Khyber Pakhtunkhwa for more than a decade.',
    'The militants, who once controlled a swathe of the Swat valley, were driven out in a 2009 offensive.',
    'Kachin rebels and the army have fought on and off since a ceasefire collapsed in 2011.',
    'Protests over fuel prices have flared repeatedly in Quito since 2019.',
    'The village of Zongo was the scene of a massacre during the 1990s.',
]

RUNNING_TOLLS = [
    'The number of people killed in the conflict in Sudan has passed 15,000, according to the monitor.',
    'That brings to 87 the number of police officers killed in the state so far this year.',
    'The toll from two years of fighting in the Amhara region now stands at several thousand dead.',
    'Some 4,200 civilians were killed by explosive weapons in the country last year, the report found.',
    'At least 300 activists have been murdered in Colombia since the peace deal was signed.',
    'Homicides in the city fell by 12 percent last year, to 1,145.',
    'According to the ministry, 64 soldiers have lost their lives in the operation since it began.',
    'The annual report counted 932 protests across the country in 2023, up from 710.',
    'Casualties among aid workers hit a record high last year, with 280 killed worldwide.',
    'The overall death toll in the eight-month siege has risen above 2,000, medics say.',
    'Nearly 600 people have been abducted on the highway between Kaduna and Abuja since January.',
    'Armed violence killed an average of six people a day in the Sahel in 2022, the study said.',
    # what a report on a kind of weapon says of it
    'US drone strikes killed an estimated 2,500 to 4,000 people in Pakistan between 2004 and 2018.',
    'Under Trump, the number of drone strikes in Somalia tripled.',
    'Critics say drone strikes kill too many civilians and fuel recruitment by militant groups.',
    'Attacks of this kind are difficult to prevent, experts say.',
    'Roadside bombs maim hundreds of soldiers every year.',
]

METAPHORS = [
    'Supermarket chains are locked in a fierce price war over the cost of bread.',
    'The two clubs are fighting a bitter battle for the title with three games to play.',
    'The director shot most of the film in the old quarter of Tbilisi.',
    'Senate Republicans killed the bill in committee on Tuesday.',
    "The editors' union called the new media law an attack on press freedom.",
    'The sequel bombed at the box office, taking just $4 million in its opening weekend.',
    'The striker fired a hat-trick as Porto crushed Benfica 4-0.',
    'Tech giants are waging war on fake accounts ahead of the election.',
    'Oil prices exploded after the cartel announced deep production cuts.',
    'The minister came under fire over his handling of the grain deal.',
    'Investors fled the lira as the central bank slashed rates again.',
    'The rookie senator torpedoed the compromise with a last-minute amendment.',
    'Lawmakers launched a blistering attack on the budget in parliament.',
    'The chef stormed out of the television studio after a heated exchange.',
    'The comedian killed it on stage at the Edinburgh festival.',
    'Activists say the new dam is a death sentence for the river.',
    'The party was massacred at the polls, losing all but two of its seats.',
    'Shares in the airline crashed by 30 percent after the profit warning.',
    'The country is in the grip of a cost-of-living war, the opposition leader said.',
    'The start-up blew up overnight after its app went viral.',
    'Critics hammered the government over its response to the floods.',
    'The coach said his team would fight to the death for promotion.',
]

HYPOTHETICALS_AND_THREATS = [
    'The rebel commander threatened to march on the capital if the talks failed.',
    'Analysts warn that jihadists could strike coastal states such as Benin and Togo next.',
    'The militia vowed to avenge the death of its leader.',
    'The president warned that any incursion would be met with overwhelming force.',
    'Officials fear the unrest could spread to neighbouring provinces.',
    'Pyongyang said it was ready to use nuclear weapons if attacked.',
    'Without more troops, the town could fall to the insurgents within weeks, a general told lawmakers.',
    'Experts say a major earthquake could kill thousands in Istanbul.',
    'Police said the gang had threatened to kill the witnesses.',
    'Hamas warned it would respond to any raid on the compound.',
    'The ministry cautioned that attacks on shipping might resume.',
    'If the ceasefire collapses, fighting may engulf the whole of Darfur, the envoy warned.',
    'Residents are bracing for possible clashes ahead of the verdict.',
    'The group has threatened further bombings unless its prisoners are freed.',
]

DENIALS = [
    'The army denied that its soldiers had fired on civilians in the village.',
    'The ministry rejected reports that police had beaten detainees in Bishkek.',
    'Moscow denies targeting civilian infrastructure.',
    'The rebels denied any involvement in the ambush.',
    'Police said no shots were fired during the operation.',
    'Officials dismissed claims of a massacre as fabricated.',
    'A spokesman said reports of an attack on the convoy were false.',
    'The government insisted that no protesters had been detained.',
]

PLANS_AND_PREPARATIONS = [
    'The military is preparing a major offensive to retake the city, officials said.',
    'Unions plan a nationwide strike next Thursday over pension cuts.',
    'The defence ministry announced plans to deploy 2,000 additional troops to the border.',
    'Rebels are massing fighters on the outskirts of the town, residents said.',
    'Police are drawing up plans to contain protests during the summit.',
    'Opposition leaders will hold a rally in Lusaka on Saturday.',
    'The government intends to disarm the militias by the end of the year.',
    'Farmers are expected to march on Brussels next week.',
    'Air force officials said they were ready to resume strikes at short notice.',
    'The junta has ordered the recruitment of 5,000 volunteers to fight the jihadists.',
]

ANNIVERSARIES = [
    'Families gathered in Beslan to mark the anniversary of the school siege.',
    'Norway marked ten years since the Utoya massacre with a ceremony on the island.',
    'Candles were lit in Peshawar in memory of the children killed at the army school.',
    'The city fell silent at noon to remember the victims of the stadium bombing.',
    'A new memorial to the victims of the 1994 genocide was unveiled in Kigali.',
    'Survivors of the Westgate mall attack laid wreaths at the site on Thursday.',
    'The day commemorates the protesters shot dead by police in 1976.',
    'Thousands attended a vigil on the first anniversary of the concert shooting.',
]

COURTS_AND_SENTENCES = [
    'A court in Paris sentenced the man to life in prison for the 2016 truck attack.',
    'The trial of six men accused of the Colombo bombings opened on Monday.',
    'A judge in Nairobi jailed two men for 30 years for helping the mall attackers.',
    'The former commander was convicted of ordering the massacre of villagers in 1995.',
    'Prosecutors are seeking the death penalty for the gunman who killed ten people in Buffalo.',
    'The tribunal acquitted the general of war crimes charges.',
    'An appeals court upheld the conviction of a militant for the attack on the embassy.',
    'The inquest heard that the victims died within minutes of the blast.',
    'A court in Kano jailed three men on Monday for bombing a bus station.',
    'The accused pleaded not guilty to charges of murder and terrorism.',
    'Lawyers for the families filed a suit over the killing of protesters in 2019.',
]

CLAIMS_FOR_EARLIER_ATTACKS = [
    'Islamic State claimed responsibility for the bombing in a statement on Telegram.',
    'In a video released on Sunday, the group said it was behind last month\'s ambush.',
    'A previously unknown group claimed the attack on the police station.',
    'The Baloch Liberation Army said it carried out the attack on the Chinese engineers.',
    'The Pakistani Taliban have claimed several of the recent attacks on police.',
    'No one has claimed responsibility for the explosion.',
]

POLICY_STATEMENTS = [
    'The European Union condemned the violence and called for restraint.',
    'Parliament voted to extend the state of emergency in the southeast by three months.',
    'The government designated the group a terrorist organisation.',
    'The UN Security Council extended the mandate of the peacekeeping mission.',
    'Washington imposed sanctions on three commanders accused of abuses.',
    'The interior minister said the fight against terrorism would continue.',
    'The new law allows police to detain suspects for 90 days without charge.',
    'The president pledged to end the violence in the east within a year.',
    'Human Rights Watch urged the authorities to investigate the killings.',
    'The African Union suspended the country after the coup.',
    'The cabinet approved a bill banning protests near schools.',
    'Ministers agreed to raise the defence budget by 4 percent.',
]

DISASTERS = [
    'A gas explosion at a coal mine in Shanxi province killed 21 workers.',
    'A fire at a garment factory in Gazipur killed nine workers on Saturday.',
    'A chemical plant blast in Tianjin sent a fireball into the night sky.',
    'Floodwaters killed 36 people in the suburbs of Kinshasa after torrential rain.',
    'A fuel tanker overturned and exploded on a highway in Kenya, killing 13 people.',
    'A bridge collapsed in Gujarat, sending dozens of people into the river.',
    'A boiler exploded at a textile mill in Faisalabad, killing four workers.',
    'A bus plunged into a gorge in Himachal Pradesh, killing 16 passengers.',
    'Lightning strikes killed 20 people in Bihar over the weekend.',
    'A stampede at a religious festival left 12 people dead in Uttar Pradesh.',
    'An ammunition depot exploded in a heatwave near Yerevan, injuring 30 people.',
    'Heavy snow killed 11 people in northern Afghanistan.',
]

ORDINARY_CRIME = [
    'A man was stabbed to death in a row over a parking space in Leeds.',
    'Police shot a rabid dog that had bitten three children in the village.',
    'A woman was charged with poisoning her husband in Lagos.',
    'Thieves broke into a jewellery shop in Antwerp and escaped with diamonds worth 2 million euros.',
    'A teenager was injured in a hunting accident in the Ardennes.',
    'The pensioner was killed when a drunk driver crashed into her car.',
    'Police seized 400 kilos of cocaine at the port of Guayaquil.',
    'A fraudster was jailed for cheating investors out of $3 million.',
    'Two brothers died after eating poisonous mushrooms in Siberia.',
    'Firefighters rescued a man trapped in a well for two days.',
]

SPORT = [
    'Kenya beat Uganda 2-1 in a fiery derby in Nairobi.',
    'The Springboks crushed Wales in Cardiff with a dominant second half.',
    'The boxer knocked out his opponent in the third round in Las Vegas.',
    'India attacked from the first ball and bowled out Pakistan for 140.',
    'Marseille fans set off flares during the match, delaying kick-off by ten minutes.',
    'The champion shot a final round of 66 to win the Open by two strokes.',
    'The striker was sent off for elbowing a defender in the clash with Galatasaray.',
    'Brazil stormed into the semi-finals with a 3-0 win over Chile.',
    'The shooter won gold in the 10-metre air rifle at the Asian Games.',
    'Nadal fought back from two sets down to beat the Russian in Melbourne.',
]

NON_EVENTS = (BACKGROUND + RUNNING_TOLLS + METAPHORS + HYPOTHETICALS_AND_THREATS + DENIALS + PLANS_AND_PREPARATIONS
              + ANNIVERSARIES + COURTS_AND_SENTENCES + CLAIMS_FOR_EARLIER_ATTACKS + POLICY_STATEMENTS + DISASTERS
              + ORDINARY_CRIME + SPORT)

# real events told in the same shapes as the non-events above
TRUE_EVENTS = [
    'Boko Haram fighters abducted 30 children from a school in Borno state on Tuesday.',
    'Militants raided two villages along the Ituri border overnight, killing 14 civilians.',
    'Army troops burned houses in a village in the Sagaing region on Saturday, residents said.',
    'Sectarian clashes killed 12 people in Kurram district on Friday.',
    'Gunmen killed a journalist outside his home in Veracruz on Monday.',
    'Gunmen shot dead two polio vaccinators in Peshawar on Wednesday.',
    'Protesters blocked roads in Quito on Thursday over fuel prices.',
    'Police fired tear gas at thousands of protesters in Dhaka on Sunday.',
    'Bandits abducted 40 passengers on the highway between Kaduna and Abuja on Saturday.',
    'Militants killed 64 soldiers in an attack on a base in the north on Monday.',
    'Rebels marched on the capital on Saturday and seized the presidential palace.',
    'Jihadists struck a military post in northern Benin on Friday, killing five soldiers.',
    'The militia attacked a police station in Bunia on Tuesday, avenging the death of its leader.',
    'Security forces fired on civilians in the village, killing seven people.',
    'Police beat and detained dozens of protesters in Bishkek on Wednesday.',
    'Rebels ambushed an army convoy near Beni on Sunday, killing nine soldiers.',
    'Soldiers shot dead four protesters in Mandalay on Saturday.',
    'The army launched a major offensive to retake the city on Monday.',
    'Workers went on a nationwide strike on Thursday over pension cuts.',
    'Opposition supporters held a rally in Lusaka on Saturday.',
    'Farmers marched on Brussels on Monday and blocked the streets with tractors.',
    'Warplanes resumed strikes on rebel positions near Idlib on Sunday.',
    'A truck rammed into a crowd in Nice, killing dozens of people.',
    'Gunmen stormed a mall in Nairobi on Saturday, killing at least 60 people.',
    'A gunman killed ten people at a supermarket in Buffalo on Saturday.',
    'Soldiers massacred villagers in a raid on the hamlet of Zongo on Tuesday.',
    'Police killed three protesters during clashes in Khartoum on Thursday.',
    'A suicide bomber blew himself up at a church in Colombo on Sunday, killing 40 people.',
    'Islamic State fighters ambushed a patrol near Palmyra on Saturday, killing eight soldiers.',
    'Gunmen attacked a police station in Dera Ismail Khan overnight, killing four officers.',
    'Baloch separatists attacked a convoy carrying Chinese engineers in Gwadar on Sunday.',
    'An explosion at a checkpoint in Mogadishu killed five soldiers on Monday, police said.',
    'A bomb exploded in a crowded market in Kirkuk on Tuesday, killing 11 people.',
    'Militants fired rockets at a military base near Kandahar on Monday.',
    'An army helicopter bombed a rebel camp in Kachin state on Friday.',
    'A landmine exploded under a bus carrying farm workers near Mopti, killing six.',
    'Gunmen set fire to a garment factory in Gazipur during clashes with workers.',
    'Men armed with machetes hacked five villagers to death in Kasai on Sunday.',
    'Police shot dead a protester during a demonstration in Lagos on Tuesday.',
    'Gunmen killed a village chief in the Anglophone region on Saturday.',
    'Rival gangs clashed with automatic weapons in Port-au-Prince, killing 15 people.',
    'Fans clashed with riot police outside the stadium in Istanbul after the match.',
    'Hooligans attacked police with flares and stones outside the stadium in Marseille.',
    'Unknown gunmen killed a football coach and his son in Zamfara on Sunday.',
    'Armed men stormed a prison in Koton Karfe and freed 240 inmates.',
    'A drone strike killed three militants in North Waziristan on Wednesday.',
    'Artillery shelling hit a residential area of Donetsk on Thursday, killing two civilians.',
    'Demonstrators stormed the parliament building in Baghdad on Saturday.',
    'Students clashed with police at the university in Dhaka on Monday.',
    'The army recaptured the town of Palma from insurgents on Wednesday.',
]

# an event of the day next to a quiet sentence: each (event, quiet) is read as one two-sentence article
ARTICLES = [
    ('Gunmen killed 11 people at a wedding party in Zamfara state on Sunday, police said.',
     'The state has seen a surge in violence by armed bandits over the past three years.'),
    ('A roadside bomb hit a police patrol in Pishin on Monday, wounding four officers.',
     'The province has long been plagued by a separatist insurgency.'),
    ('Protesters clashed with police in Nairobi on Wednesday over new taxes.',
     'Opposition leaders have threatened to hold more demonstrations next week.'),
    ('Troops killed five militants in a gunfight near Kupwara on Friday, the army said.',
     'More than 120 militants have been killed in the valley so far this year.'),
    ('Jihadists attacked an army post near Djibo on Thursday, killing 17 soldiers.',
     'The army has been fighting an Islamist insurgency since 2015.'),
    ('Israeli airstrikes killed six people in Rafah overnight, health officials said.',
     'The health ministry says the overall death toll has passed 30,000.'),
    ('A car bomb exploded outside a courthouse in Benghazi on Saturday, killing three people.',
     'No group has claimed the bombing, but the city has been hit by similar attacks in the past.'),
    ('Police fired tear gas at thousands of teachers marching in Santiago on Tuesday.',
     'The union has promised a national strike if the reform is not withdrawn.'),
    ('Gunmen abducted a Catholic priest from his parish in Kaduna on Saturday night.',
     'Kidnappings for ransom have become a lucrative business in the region.'),
    ('Rebels shelled the town of Sake on Monday, killing two children, the army said.',
     'The rebels deny targeting civilians.'),
    ('Suspected herders attacked a farming village in Benue on Tuesday, killing 23 people.',
     'A similar raid on the same district left 40 dead in 2021.'),
    ('An Islamic State suicide bomber killed 14 worshippers at a mosque in Kunduz on Friday.',
     'The Taliban government has vowed to crush the group.'),
    ('Security forces shot dead two protesters in Conakry on Thursday, a rights group said.',
     'The government has banned all political demonstrations since 2022.'),
    ('Militants attacked a gold mine in northern Burkina Faso on Wednesday, killing 12 workers.',
     'A military court jailed eight men last month for an attack on the same mine in 2019.'),
    ('A drone attack set fire to an oil depot in Bryansk on Sunday, the governor said.',
     'Kyiv rarely comments on strikes inside Russia.'),
]

# probes the rules do not handle yet (expected failures until a fix lands)
KNOWN_GAPS = {
    # a tally since a month is kept on purpose (probe 5: "have killed eight leaders since last July" is coded as one
    # PLOVER assault); a year inside the noun phrase of the act; a vigil on an
    # anniversary (CASE-style labels keep vigils as protests); what a law allows; the victims of a suit
    'Nearly 600 people have been abducted on the highway between Kaduna and Abuja since January.',
    'The militants, who once controlled a swathe of the Swat valley, were driven out in a 2009 offensive.',
    'The overall death toll in the eight-month siege has risen above 2,000, medics say.',  # the siege itself
    'Thousands attended a vigil on the first anniversary of the concert shooting.',
    'The new law allows police to detain suspects for 90 days without charge.',
    'Lawyers for the families filed a suit over the killing of protesters in 2019.',
    'The minister came under fire over his handling of the grain deal.',
    'Rebels are massing fighters on the outskirts of the town, residents said.',
    'Police shot a rabid dog that had bitten three children in the village.',
    # events the rules miss on main too: gangs clashing (a vehicle rammed into a crowd is found since)
    'Rival gangs clashed with automatic weapons in Port-au-Prince, killing 15 people.',
    'The start-up blew up overnight after its app went viral.',  # "start-up" is parsed as "start - up"
}


def acled_records(pipeline, text):
    return [f"{e.event_type}/{e.sub_event_type}: {e.trigger}" for e in pipeline.extract(text)
            if e.modality == "asserted" and e.event_type]


def _overlaps(record, start, end):
    return record.evidence.start < end and start < record.evidence.end


def article_records(pipeline, event, quiet):
    """The asserted ACLED records of the article (event, quiet) in its event sentence and in its quiet one."""
    text = f"{event} {quiet}"
    records = [e for e in pipeline.extract(text) if e.modality == "asserted" and e.event_type]
    split = len(event)
    in_event = [r for r in records if _overlaps(r, 0, split)]
    in_quiet = [f"{r.event_type}: {r.trigger}" for r in records if _overlaps(r, split + 1, len(text))]
    return in_event, in_quiet


def measure(pipeline):
    """(share of non-events with a false record, share of true events with a record, share of articles right)."""
    false = sum(bool(acled_records(pipeline, t)) for t in NON_EVENTS)
    kept = sum(bool(acled_records(pipeline, t)) for t in TRUE_EVENTS)
    right = 0
    for event, quiet in ARTICLES:
        in_event, in_quiet = article_records(pipeline, event, quiet)
        right += bool(in_event) and not in_quiet
    return false / len(NON_EVENTS), kept / len(TRUE_EVENTS), right / len(ARTICLES)


def _marked(texts):
    return [pytest.param(t, marks=pytest.mark.xfail(reason="known gap", strict=False)) if t in KNOWN_GAPS else t
            for t in texts]


def test_there_are_enough_probes():
    assert len(NON_EVENTS) >= 150 and len(set(NON_EVENTS)) == len(NON_EVENTS)
    assert len(TRUE_EVENTS) >= 50 and len(set(TRUE_EVENTS)) == len(TRUE_EVENTS)
    assert KNOWN_GAPS <= set(NON_EVENTS) | set(TRUE_EVENTS) | {q for _, q in ARTICLES}


def test_the_rates_hold(pipeline):
    false_rate, kept_rate, articles_right = measure(pipeline)
    # 0.064, 0.960 and 1.000 measured (0.218, 0.960 and 0.867 on the commit before the fixes of this set)
    assert false_rate <= 0.07 and kept_rate >= 0.96 and articles_right >= 0.93, (false_rate, kept_rate, articles_right)


@pytest.mark.parametrize("text", _marked(NON_EVENTS))
def test_no_asserted_acled_record(pipeline, text):
    assert acled_records(pipeline, text) == [], text


@pytest.mark.parametrize("text", _marked(TRUE_EVENTS))
def test_true_event_keeps_its_record(pipeline, text):
    assert acled_records(pipeline, text), text


@pytest.mark.parametrize("event,quiet", [
    pytest.param(e, q, marks=pytest.mark.xfail(reason="known gap", strict=False)) if q in KNOWN_GAPS else (e, q)
    for e, q in ARTICLES])
def test_the_quiet_sentence_of_an_article_gives_no_record(pipeline, event, quiet):
    in_event, in_quiet = article_records(pipeline, event, quiet)
    assert in_event, event
    assert in_quiet == [], quiet


# -- the rules behind the probes, each both ways ------------------------------------------------------------

@pytest.mark.parametrize("no_event,event", [
    # a report called false denies its event; a report of it tells it
    ("A spokesman said reports of an attack on the convoy were false.",
     "Reports said gunmen attacked the convoy near Beni on Sunday."),
    # a court that jails for an act tries a case; police who jail for it may act the day of the act
    ("A court in Kano jailed three men on Monday for bombing a bus station.",
     "Police in Kano jailed three men on Monday for bombing a bus station."),
    # the start of a tally's span is told as a time, not as news
    ("At least 300 activists have been murdered in Colombia since the peace deal was signed.",
     "The government and the rebels signed a peace deal in Havana on Thursday."),
    # words of violence in a show, a game, a room or a row
    ("The comedian killed it on stage at the Edinburgh festival.", "Gunmen killed a comedian on stage at a festival in Kabul."),
    ("Kenya beat Uganda 2-1 in a fiery derby in Nairobi.", "Police beat protesters outside the stadium in Nairobi after the derby."),
    ("Brazil stormed into the semi-finals with a 3-0 win over Chile.",
     "Militants stormed into the town of Mocimboa da Praia on Monday."),
    ("The city fell silent at noon to remember the victims of the stadium bombing.",
     "The city of Palma fell to the insurgents on Wednesday."),
    ("A row blew up over the budget in parliament.", "Militants blew up a bridge over the Tigris on Monday."),
    # the dead of a whole war against the dead of a day's fighting
    ("The Tigray war, which broke out in November 2020, killed hundreds of thousands of people.",
     "The fighting killed 12 soldiers near Mekelle on Tuesday."),
    # (a war's explosive remnants that kill are the blast of a day)
    ("The civil war killed more than 100,000 people in Liberia.",
     "Remnants of the civil war killed two children who found a shell near Voinjama."),
    ("The toll from two years of fighting in the Amhara region now stands at several thousand dead.",
     "Three soldiers were killed in the fighting in Amhara on Sunday."),
    # an overall toll with no attack of a day named is a war's running toll
    ("The health ministry says the overall death toll has passed 30,000.",
     "The total death toll from the attack rose to 40, officials said."),
    # a kind of weapon told in the present, a span of years, a statistic of strikes
    ("Critics say drone strikes kill too many civilians.", "Drone strikes kill 12 in North Waziristan"),
    ("US drone strikes killed an estimated 2,500 to 4,000 people in Pakistan between 2004 and 2018.",
     "A drone strike killed four militants in North Waziristan on Tuesday."),
    ("Under Trump, the number of drone strikes in Somalia tripled.",
     "A drone strike in Somalia killed nine al-Shabaab fighters on Friday."),
    ("Attacks of this kind are difficult to prevent, experts say.",
     "Attacks on two police posts killed five officers in Tillaberi on Monday."),
    # what an inquest hears, and a penalty sought for a doer, is the case tried
    ("The inquest heard that the victims died within minutes of the blast.",
     "The victims died within minutes of the blast at the market in Kabul on Friday."),
    ("Prosecutors are seeking the death penalty for the gunman who killed ten people in Buffalo.",
     "Police shot the gunman who killed ten people in Buffalo."),
])
def test_rule_pairs(pipeline, no_event, event):
    assert acled_records(pipeline, no_event) == [], no_event
    assert acled_records(pipeline, event), event


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    probe_pipeline = Pipeline(workers=1)
    for text in NON_EVENTS:
        if found := acled_records(probe_pipeline, text):
            print("FALSE", text, found)
    for text in TRUE_EVENTS:
        if not acled_records(probe_pipeline, text):
            print("MISSED", text)
    for event, quiet in ARTICLES:
        in_event, in_quiet = article_records(probe_pipeline, event, quiet)
        if not in_event or in_quiet:
            print("ARTICLE", bool(in_event), quiet, in_quiet)
    false_rate, kept_rate, articles_right = measure(probe_pipeline)
    print(f"false rate {false_rate:.3f}, control recall {kept_rate:.3f}, articles right {articles_right:.3f}")
