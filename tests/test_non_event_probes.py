"""Probes of no event (issues 12 and 16): short news snippets that report no political violence or protest must
give no asserted record with an ACLED type (what the CASE no-event score counts; a PLOVER-only record such as an
agreement or a police coercion against crime is fine). The kinds: natural and industrial disasters, epidemics,
ordinary crime and courts, claims, anniversaries and references to past attacks, diplomacy and policy, sports and
business metaphors, labour and elections. True events of the same look keep their records.

Every snippet was written for these tests (real and invented names); none comes from an evaluation set."""

from __future__ import annotations

import pytest

NON_EVENTS = [
    # -- natural disasters
    'Floods swept through three districts of Assam on Monday, killing at least 14 people and displacing 20,000.',
    'A landslide buried a village in the hills of Sindhupalchok after days of heavy rain, leaving 23 people missing.',
    'Rescuers pulled two survivors from the rubble a day after the earthquake flattened parts of Herat province.',
    "Cyclone Mora tore through the coastal town of Cox's Bazar, ripping roofs off homes and killing six.",
    'Flash floods in northern Kenya have killed 11 people and washed away livestock, the Red Cross said.',
    'A volcano erupted on the island of Sumbawa, forcing thousands of villagers to flee their homes.',
    'Forest fires raging in the Peloponnese have destroyed dozens of houses and killed two firefighters.',
    'Torrential rains triggered mudslides that killed nine people in the outskirts of La Paz.',
    'The death toll from the tsunami rose to 430 on Tuesday as more bodies were recovered along the coast.',
    'A drought has wiped out harvests across southern Madagascar, leaving a million people in need of food aid.',
    'A magnitude 6.2 quake struck off the coast of Sumatra, killing four people and damaging hundreds of buildings.',
    'Hailstorms destroyed crops and damaged homes in five villages of Punjab province on Sunday.',
    'Avalanches killed three hikers in the Swiss Alps over the weekend, police said.',
    'A tornado ripped through a small town in Oklahoma, killing two people and leaving a trail of destruction.',
    'Heavy monsoon rains caused the Brahmaputra to burst its banks, inundating hundreds of villages.',
    'Locust swarms have devastated farmland in eastern Ethiopia, the FAO warned.',
    'A heatwave killed at least 60 people in Karachi as temperatures soared above 44 degrees.',
    # -- industrial disasters, accidents
    'An explosion at a fertiliser plant in Tianjin killed eight workers and injured dozens on Wednesday.',
    'A five-storey building collapsed in Lagos Island, trapping more than 40 people under the rubble.',
    'A fire at a chemical warehouse in Chittagong spread to nearby homes, killing 19 people.',
    'A gas leak at a pesticide factory near Visakhapatnam killed 11 people and sickened hundreds.',
    'Two workers died when a scaffolding collapsed at a construction site in Doha.',
    'A fire broke out in a crowded hospital ward in Baghdad, killing 82 patients and relatives.',
    'A tanker truck carrying petrol overturned and exploded near Bahawalpur, killing more than 150 people who had rushed to collect fuel.',
    'A dam burst at an iron ore mine in Minas Gerais, sending a torrent of mud through the town below.',
    'Three firefighters were injured battling a blaze at a paint factory in Ghaziabad.',
    'A passenger train derailed near Balasore, killing 30 people and injuring hundreds.',
    'A ferry capsized on Lake Victoria, drowning at least 120 passengers.',
    'A mine shaft collapsed in Zonguldak, trapping 40 miners underground.',
    'An explosion at a fireworks warehouse in Tultepec left 12 dead and dozens injured.',
    'A bridge collapsed in Genoa during a storm, sending cars plunging onto the railway below.',
    'A plane crashed shortly after take-off from Kathmandu airport, killing all 72 people on board.',
    'A blaze gutted the central market of Kantamanto, destroying hundreds of stalls.',
    'The boiler of a sugar mill exploded in Bihar, killing five labourers.',
    'An oil pipeline exploded in Rivers State after villagers tapped it to steal fuel, killing 13.',
    # -- epidemics
    "A cholera outbreak has killed 43 people in Zambia's Lusaka province since October, health officials said.",
    'The ministry of health confirmed 12 new deaths from Ebola in North Kivu, bringing the toll to 320.',
    'Dengue fever has infected more than 20,000 people in Bangladesh this year, overwhelming hospitals.',
    'Measles has killed more than 5,000 children in Congo this year, the WHO said.',
    'Authorities imposed a lockdown on the city after a surge in coronavirus infections.',
    # -- ordinary crime and courts
    'Armed robbers held up a bank in Ikorodu and escaped with millions of naira, police said.',
    'A court in Nairobi sentenced a man to life in prison for the murder of his wife.',
    'Police in Rio de Janeiro seized two tonnes of cocaine hidden in a shipment of bananas.',
    'The jury found Daniel Okafor guilty of murdering a shopkeeper during a botched robbery in 2019.',
    'Detectives are investigating the death of a 34-year-old woman found stabbed in her flat in Leeds.',
    'Three men were jailed for 12 years for smuggling heroin through Felixstowe port.',
    'Police arrested a man suspected of stabbing his neighbour to death during a quarrel over a fence.',
    'The murder trial of the former mayor opened in Palermo on Monday.',
    'A judge in Manila convicted a police officer of killing a teenager in a drug raid.',
    'Gang members shot dead two men outside a bar in San Pedro Sula, police said.',
    'Thieves broke into a jewellery shop in Dresden and stole diamonds worth millions of euros.',
    'A man was shot dead in a carjacking in Durban on Saturday night.',
    'Police seized 400 kilograms of methamphetamine and arrested five suspects in Shan State.',
    'The court acquitted two brothers accused of killing a farmer in a land dispute.',
    'Customs officers at Mombasa port seized 300 elephant tusks bound for Vietnam.',
    'A pickpocket gang was broken up by police in Barcelona after a six-month investigation.',
    'Prosecutors charged the suspect with manslaughter after a fight outside a nightclub left a man dead.',
    'A 17-year-old was stabbed to death in south London in a suspected gang attack.',
    'Police said the double murder in Cali was linked to a debt between drug dealers.',
    'The supreme court upheld the death sentence for a man convicted of killing four people in a robbery.',
    'Federal agents arrested a former banker accused of laundering money for a cartel.',
    # -- attributions, anniversaries, past attacks
    'Hundreds of people gathered in Beslan to mark the anniversary of the school siege in which more than 330 people died.',
    'Survivors laid wreaths at the memorial on the tenth anniversary of the Westgate mall attack.',
    'Ten years after the bombing of the train station, families of the victims are still waiting for justice.',
    "The Islamic State claimed responsibility for Sunday's bombing in a statement released through its Amaq news agency.",
    'A little-known group called Jund al-Haq claimed the attack on the checkpoint in a post on Telegram.',
    'Officials blamed the Pakistani Taliban for the suicide bombing at the mosque, which killed 30 worshippers.',
    'The city remembered the victims of the 2004 train bombings with a minute of silence.',
    'The film tells the story of the 1998 embassy bombings in Nairobi and Dar es Salaam.',
    'The inquiry into the 2017 Manchester Arena bombing published its final report on Thursday.',
    'Police said the attack bore the hallmarks of al-Shabaab, which has carried out similar raids in the past.',
    'A court in Paris convicted 20 men over their role in the November 2015 attacks.',
    'The Boko Haram faction that kidnapped the Chibok girls in 2014 is now led by a new commander.',
    'Nobody has claimed responsibility for the blast, but suspicion fell on separatist rebels.',
    'Memorial services were held across Norway on the anniversary of the Utoya massacre.',
    "The general was dismissed over his handling of last year's attack on the military academy.",
    'The government offered a reward for information on the men behind the 2019 hotel siege.',
    # -- diplomacy and policy
    'The foreign ministers of India and China agreed to resume talks on their border dispute.',
    'The European Union announced new sanctions against six Russian officials on Monday.',
    'The president signed a decree raising the minimum wage by 15 percent.',
    'The UN Security Council extended the mandate of its peacekeeping mission in Mali by a year.',
    'Japan and South Korea agreed to restore a military intelligence-sharing pact.',
    'The government unveiled a plan to build 50,000 affordable homes in the capital.',
    'The ambassador was summoned to the foreign ministry over remarks by the prime minister.',
    'Parliament passed a law banning single-use plastic bags from next January.',
    'The defence ministry announced the purchase of 24 fighter jets from France.',
    'Ministers approved a budget that raises military spending by 8 percent.',
    'Turkey and Greece held a round of exploratory talks in Istanbul on maritime boundaries.',
    'The central bank raised interest rates by half a point to fight inflation.',
    'The two leaders condemned the violence and called for restraint.',
    'The prime minister vowed to crush the insurgency and restore order in the north.',
    # -- metaphors: sports, business, entertainment
    'The two supermarket chains are locked in a price war that has slashed profits across the sector.',
    'Liverpool and Manchester City are locked in a battle for the title with three games left.',
    'The director shot his new film in the mountains of Georgia last summer.',
    'The club fired its coach after a run of six straight defeats.',
    'The striker fired a stunning shot into the top corner to give Ajax a 2-1 win.',
    'The telecom giant launched a hostile takeover bid for its smaller rival.',
    'Shares in the carmaker were hammered after it cut its profit forecast.',
    'The Lakers crushed the Celtics 120-98 on Sunday night.',
    'The opposition leader attacked the budget as a giveaway to the rich.',
    'The senator blasted the new trade deal in a fiery speech on the floor.',
    'The tech firm slashed 12,000 jobs in a bid to cut costs.',
    'The champion knocked out his challenger in the third round in Las Vegas.',
    'Critics savaged the film after its premiere in Cannes.',
    'The company is fighting a legal battle with regulators over its tax bill.',
    'The rookie bombed in his first start, conceding four goals.',
    "The band's new album exploded onto the charts, selling a million copies in a week.",
    'The mayor declared war on potholes, promising to fix every road by spring.',
    'Investors fled emerging markets as the dollar surged.',
    'Rebel shareholders ousted the chairman at a stormy annual meeting.',
    'Oil prices plunged after the cartel failed to agree on production cuts.',
    'The Yankees captured the pennant with a walk-off home run.',
    'The study shoots down the myth that remote work hurts productivity.',
    'The home side stormed back from two goals down to win 3-2.',
    'Storm Ciaran battered northern France, cutting power to a million homes.',
    # -- labour and elections
    'Teachers in Kenya called off a nationwide strike after the government agreed to a pay rise.',
    'Voters in Ghana went to the polls on Saturday to elect a new president and parliament.',
    'The ruling party won a landslide victory in the parliamentary elections, according to official results.',
    'The electoral commission declared the incumbent the winner with 54 percent of the vote.',
    'Dock workers in Rotterdam voted to accept a new pay deal, ending weeks of disruption.',
    'The opposition candidate conceded defeat and congratulated the new president.',
    'The union threatened to strike if the airline goes ahead with job cuts.',
    'Turnout was low in the municipal elections held across Peru on Sunday.',
    "The miners' union signed a wage agreement with the mining company after months of negotiations.",
    'The party expelled three lawmakers who voted against the budget.',
    'The government and the unions reached an agreement on pension reform after talks that lasted all night.',
    'The new cabinet was sworn in at the presidential palace on Tuesday.',
    # -- miscellaneous
    'The army held a parade in the capital to mark independence day.',
    'Troops carried out a joint military exercise with US forces near the border.',
    'The navy rescued 300 migrants whose boat had drifted for days in the Mediterranean.',
    'Soldiers helped evacuate residents from the flooded district.',
    'The military airlifted food and medicine to villages cut off by the landslide.',
    'Police officers directed traffic around the scene of the crash on the motorway.',
    'The government declared a state of emergency in the flood-hit province.',
    'Riot police were deployed at the stadium ahead of the cup final.',
    'A historian spoke about the battle of Waterloo at the town library.',
    'The fire brigade brought the blaze at the oil refinery under control after six hours.',
    'Authorities evacuated 10,000 people as the wildfire approached the town.',
    # -- harder wording: disasters told with violence verbs, crime with gunmen and courts, claims and reasons
    'Heavy rains hit the capital on Thursday, destroying 300 homes and killing a child.',
    'The quake struck at dawn, flattening mud-brick houses in four villages and killing 27 people.',
    'Fire razed a market in Onitsha overnight, destroying goods worth millions of naira.',
    'An explosion caused by a leaking gas cylinder tore through a restaurant in Nairobi, injuring 14 diners.',
    'A blast at an illegal refinery in the Niger Delta killed at least 20 people, officials said.',
    'A suspected gas explosion destroyed a block of flats in Dnipro, killing five residents.',
    'A stampede at a religious festival in Uttar Pradesh killed 24 pilgrims.',
    'Soldiers were deployed to help rescue people trapped by floodwaters in Kerala.',
    'The army used helicopters to evacuate stranded villagers after the cyclone.',
    'A wall collapsed on a group of workers in Karachi, killing four of them.',
    'An overloaded boat sank off the coast of Libya, leaving 60 migrants dead.',
    'A warehouse storing ammonium nitrate exploded at the port, devastating nearby neighbourhoods.',
    'Typhoid and cholera killed dozens in the displacement camps after the floods.',
    'Bird flu was detected at a poultry farm, and 50,000 chickens were culled.',
    'Fire tore through a slum in Manila, leaving thousands homeless.',
    'Police shot dead a suspected armed robber during a shootout in Soweto.',
    "Unknown gunmen robbed a petrol station in Kaduna and escaped with the day's takings.",
    'The High Court sentenced the former governor to 12 years in prison for embezzlement.',
    'A jeweller was shot and wounded during an armed robbery in Marseille.',
    'Police raided a brothel and rescued 14 women who had been trafficked from Nepal.',
    'Two suspected drug traffickers were killed in a shootout with the navy off the coast of Sinaloa.',
    'Police discovered the bodies of three men in a shallow grave, and suspect a drug gang was behind the killings.',
    'The former president was convicted of corruption and sentenced to nine years.',
    'A gang of car thieves was arrested in Warsaw after a police chase.',
    'Prison guards foiled an escape attempt at the Kirikiri prison.',
    'Hundreds of inmates escaped after the prison wall collapsed during heavy rain.',
    'The Islamic State group said in a statement that its fighters were behind the suicide attack on the church.',
    'The Pakistani Taliban denied involvement in the school shooting.',
    'Relatives of the victims gathered at the site where a car bomb killed 30 people five years ago.',
    'A court sentenced three men to death for the 2019 church bombings.',
    'The government has accused the rebels of carrying out the massacre.',
    'The bombing was claimed by a group calling itself the Army of the Righteous.',
    'Families of those killed in the 2008 attacks demanded a new inquiry.',
    "The minister blamed opposition militants for last week's bombing of the railway line.",
    'Ahead of the anniversary of the coup, security was tightened across the capital.',
    'The United States designated the group a terrorist organisation, citing attacks on civilians.',
    'The foreign ministry condemned the missile test and summoned the ambassador.',
    'China and Vietnam traded accusations over an incident in the South China Sea.',
    'The president met his French counterpart and discussed the security situation in the Sahel.',
    'The UN envoy called on all sides to return to the negotiating table.',
    'Germany pledged 50 million euros in humanitarian aid for Yemen.',
    "The minister resigned after criticism of the government's handling of the floods.",
    'The two countries agreed to reopen their border crossings for trade.',
    'Parliament voted to extend the state of emergency for another three months.',
    'The coach said his team would fight to the last minute for a place in the final.',
    'The insurgent candidate stormed to victory in the primary.',
    'Markets were rocked by a wave of selling after the bank collapse.',
    'The fashion house unveiled a collection that took the runway by storm.',
    'The champion defended her title with a crushing win over the challenger.',
    'The company torpedoed the merger talks at the last minute.',
    'The actor was shot to fame by his role in the gangster film.',
    'Police arrested the mayor on charges of taking bribes from contractors.',
    'The election was marred by allegations of vote buying, observers said.',
    'Supporters of the winning candidate celebrated in the streets of Lusaka.',
    'Workers at the car plant walked out after the management announced layoffs.',
    # -- claims, crime and disasters told the CASE way
    "The Baloch Liberation Army claimed responsibility for Tuesday's attack on the Chinese consulate.",
    'In a video posted online, the group said its members had carried out the kidnapping of the two engineers.',
    'No one has yet claimed the bombing, which bore the hallmarks of the Pakistani Taliban.',
    'Authorities blamed the FARC dissidents for the car bomb that killed four soldiers last week.',
    'The NPA owned up to the ambush that killed six soldiers, in a statement sent to reporters.',
    'A spokesman for the Mujahideen Shura Council claimed the rocket attack on the airport.',
    'Police suspect the same cell was behind three bombings in the capital this year.',
    'The Houthis claimed responsibility for the drone attack on the oil facility.',
    'Security sources attributed the assassination of the judge to the Islamic State.',
    'The ADF has been blamed for the massacre of at least 36 people in Beni.',
    'Gang members extorted money from bus drivers and killed those who refused to pay.',
    'A notorious drug lord was extradited to the United States to face trafficking charges.',
    'Police dismantled a human trafficking ring that smuggled women from Nigeria to Italy.',
    'Members of a cartel were convicted of killing 43 students.',
    'Armed robbers killed a police officer during a bank heist in Offa.',
    'A suspected serial killer was arrested in Johannesburg after the bodies of five women were found.',
    'Kidnappers released the Italian aid worker after a ransom was paid, police sources said.',
    'Police seized 1.5 tonnes of cannabis and arrested two truck drivers at a roadblock.',
    'A local businessman was shot dead by hitmen outside his home in Guerrero.',
    'Police said the killing of the shop owner was the result of a gang feud.',
    'The navy intercepted a fishing boat carrying cocaine worth $40 million.',
    'Pirates hijacked a cargo ship off the coast of Somalia and demanded a ransom.',
    'An earthquake of magnitude 7.1 hit central Mexico, killing more than 200 people.',
    'Floodwaters destroyed bridges and roads in the northern provinces, cutting off 20 villages.',
    'A fire in a high-rise apartment block in London killed 72 people.',
    'Two trains collided near Alexandria, killing 40 passengers.',
    'A gas explosion at a coal mine in Shanxi province left 15 miners dead.',
    'A building under construction collapsed in Lagos, killing at least 30 workers.',
    'Explosions at a military ammunition depot, caused by a fire, shook the town for hours.',
    'An oil tanker caught fire and exploded on the highway near Kisumu.',
    'The heatwave and wildfires have killed more than 100 people across Greece and Turkey.',
    'The Red Cross said the death toll from the landslide had risen to 65.',
    'Ebola has killed 2,000 people in eastern Congo since the outbreak began.',
    'The ministers of Russia and Turkey met in Moscow to discuss trade and energy.',
    'The president visited Kenya and signed several trade agreements.',
    'Brazil and Argentina pledged to strengthen cooperation against organised crime.',
    'The foreign minister called the new sanctions an act of economic war.',
    'Ethiopia and Egypt failed to reach an agreement on the dam.',
    'India recalled its envoy from Ottawa in protest at the accusations.',
    # -- what is said of violence in general: trends, tallies, traits, rates
    'Kidnappings for ransom are common on the highway between Abuja and Kaduna.',
    'The region has been plagued by violence since the collapse of the government in 2011.',
    'The area is a stronghold of armed groups that regularly attack villages and steal cattle.',
    'Mexico has recorded more than 30,000 murders a year since 2018.',
    'Thousands of people have been killed in the conflict, which began in 2012.',
    'The war has killed an estimated 400,000 people and displaced millions.',
    'Violence between herders and farmers has claimed thousands of lives over the past decade.',
    'The militants, who have killed thousands since 2009, control large parts of the countryside.',
    'Human rights groups say hundreds of activists have been arrested since the coup.',
    'Attacks on health workers have increased sharply, according to a WHO report.',
    'The city of San Pedro Sula was once considered the most violent city in the world.',
    'Drug cartels have turned the border region into a battleground.',
    'Piracy in the Gulf of Guinea has declined after navies stepped up patrols.',
    'Unexploded landmines kill dozens of people in the province every year.',
    'The insurgency has displaced more than two million people in the northeast.',
    'Protests have become rare since the government banned public gatherings in 2019.',
    'The country is still recovering from a decade of civil war that ended in 2002.',
    'Critics say the police often use excessive force against suspects.',
    'Floods are frequent in the delta during the rainy season.',
    'The group is known for bombing churches and abducting schoolgirls.',
    # -- a court's step over an earlier deed
    'A teenager was charged with murder after a stabbing outside a school in Birmingham.',
    'Three men were sentenced to death for the bombing of the cathedral.',
    'Two brothers were jailed for life for the murder of a taxi driver.',
    'A court in Ankara tried 40 officers for their role in the coup attempt.',
]

TRUE_EVENTS = [
    'A suicide bomber blew himself up at a checkpoint in Mogadishu on Tuesday, killing seven soldiers.',
    'A car bomb exploded outside a police station in Diyarbakir, killing three officers.',
    'Gunmen stormed a church in Ondo state during Sunday mass, killing at least 22 worshippers.',
    'Suspected jihadists killed 14 villagers in an attack on Tillaberi region, the governor said.',
    "Police fired tear gas and rubber bullets at thousands of protesters demanding the president's resignation in Abuja.",
    'Thousands of people marched through the streets of Santiago to protest against rising fares.',
    'Rioters torched shops and cars in the suburbs of Paris after a teenager was killed by police.',
    'Taliban fighters attacked an army outpost in Helmand province overnight, killing nine soldiers.',
    'An airstrike by the Saudi-led coalition hit a market in Saada, killing 20 civilians.',
    'Security forces shot dead four demonstrators during protests against the election results in Conakry.',
    'Militants ambushed a military convoy near Tillia, killing 12 soldiers.',
    'Al-Shabaab fighters overran a military base in Lower Shabelle after heavy fighting with government troops.',
    'Soldiers opened fire on protesters in Mandalay, killing at least eight people.',
    'A roadside bomb struck a bus carrying pilgrims in Kandahar, killing 11 passengers.',
    'Boko Haram insurgents abducted 30 students from a school in Yobe state.',
    'Protesters clashed with police in Hong Kong after a rally against the extradition bill.',
    'Rebels shelled residential areas of Donetsk, killing two civilians, local officials said.',
    'Police arrested 50 opposition activists during a demonstration in Minsk on Sunday.',
    'Hundreds of farmers blocked highways around New Delhi to protest against the new farm laws.',
    'Gunmen killed a local journalist outside his home in Tamaulipas.',
    'A mob lynched a man accused of blasphemy in Sialkot and set his body on fire.',
    'Students staged a sit-in outside the education ministry in Khartoum demanding the release of detained colleagues.',
    'Government forces and rebels clashed in the town of Kidal, leaving at least 15 fighters dead.',
    'A drone strike killed three suspected militants in North Waziristan on Friday.',
    'An explosion at a crowded market in Kabul killed 12 people; the Islamic State later claimed the attack.',
    'Riot police beat and detained dozens of demonstrators in Tbilisi protesting against the foreign agents law.',
    'ELN guerrillas blew up an oil pipeline in Arauca, the army said.',
    'Gunmen shot dead a village chief in the Anglophone region of Cameroon.',
    'Israeli airstrikes hit several targets in Gaza overnight, killing five people.',
    'Armed men set fire to 30 houses in a village in Ituri province, killing eight civilians.',
    'Protesters set fire to the parliament building in Tripoli.',
    'Security forces raided a protest camp in Khartoum, killing dozens of demonstrators.',
    'Mortar shells landed on a residential neighbourhood of Aleppo, killing a child.',
    'ISWAP fighters attacked the town of Damasak, looting shops and burning the police station.',
    'Thousands of workers rallied in Seoul against labour reforms, scuffling with police.',
    'Houthi rebels fired a ballistic missile at the Saudi city of Jazan.',
    'Masked militiamen kidnapped a human rights activist in Tripoli.',
    "Pro-government militias attacked protesters with sticks and knives in Baghdad's Tahrir Square.",
    'A grenade was thrown into a bar in Bujumbura, wounding 15 people.',
    'Soldiers killed six suspected rebels in a raid on a hideout in Mindanao.',
    'Hundreds of women protested in Tehran against the compulsory hijab law.',
    'Gunmen on motorcycles killed 20 villagers in an attack in Zamfara state.',
    'The army shelled rebel positions near Idlib, killing 7 fighters.',
    'Police dispersed a protest by opposition supporters in Kinshasa, arresting 30 people.',
    'A bomb exploded in a mosque in Quetta during Friday prayers, killing 15 worshippers.',
    'Hindu and Muslim mobs clashed in Delhi, leaving 10 dead.',
    'An IED killed two soldiers on patrol in Kunar province.',
    "Protesters stormed the governor's office in Basra demanding jobs and electricity.",
    # -- true events beside the words of the no-event rules (anniversary, since, agreement, investigating, storm)
    'Gunmen killed 12 villagers in an attack on Sunday, the deadliest in the region since March.',
    'Police fired tear gas at protesters marking the anniversary of the uprising in Cairo.',
    'Thousands protested in Santiago on the anniversary of the military coup.',
    'Rebels shot down an army helicopter over Kidal, killing its crew.',
    'Troops captured the rebel stronghold of Tabora after a week of fighting.',
    'Fighters stormed to the outskirts of the city before being pushed back by the army.',
    'The army and the rebels signed a ceasefire agreement in Juba.',
    'Government troops and the militia agreed to exchange prisoners after clashes in the north.',
    'Police in Lagos are investigating after gunmen killed five worshippers in a church on Sunday.',
    'A suicide bomber killed 20 people at a mosque, the worst attack in the city since the war ended.',
    'Hamas fired dozens of rockets at southern Israel on Monday.',
    'Police shot dead three protesters in Nairobi during demonstrations against tax rises.',
    'Militants carried out a raid on a police station in Kunar, killing four officers.',
    'Unidentified gunmen abducted 12 passengers from a bus in Zamfara state.',
    'Protesters clashed with riot police outside parliament after the vote on the pension reform.',
    'Striking workers clashed with police in Johannesburg, and 20 were arrested.',
    "The militia seized control of the town's airport after heavy fighting.",
    # -- arrests and charges beside the deed told as news
    'Police arrested five men after a bomb killed ten people at a bus station in Kano on Monday.',
    'Gunmen killed three soldiers on Tuesday; two suspects were later charged.',
]


def acled_records(pipeline, text):
    return [f"{e.event_type}/{e.sub_event_type}: {e.evidence.text}" for e in pipeline.extract(text)
            if e.modality == "asserted" and e.event_type]


def test_there_are_enough_probes():
    assert len(NON_EVENTS) >= 100 and len(TRUE_EVENTS) >= 40


@pytest.mark.parametrize("text", NON_EVENTS)
def test_no_asserted_acled_record(pipeline, text):
    assert acled_records(pipeline, text) == [], text


@pytest.mark.parametrize("text", TRUE_EVENTS)
def test_true_event_keeps_its_record(pipeline, text):
    assert acled_records(pipeline, text), text


# -- the rules behind the probes, each both ways ------------------------------------------------------------

@pytest.mark.parametrize("background,reported", [
    # a bare year, with no publication date, is the date of an event looked back on; a weekday that of news
    ("The faction that kidnapped the schoolgirls in 2014 is now led by a new commander.",
     "The faction kidnapped 40 schoolgirls on Tuesday."),
    # "in the past": the raids are others of the kind
    ("The group has carried out raids on police posts in the past.",
     "The group carried out a raid on a police post on Monday."),
    # time counted from the event
    ("Ten years after the bombing of the market, survivors are still waiting for compensation.",
     "Two people were wounded in the bombing of the market on Friday."),
    # what a superlative is measured against
    ("The flood was the worst in the region since gunmen killed 30 villagers there last spring.",
     "Gunmen killed 30 villagers in the region last week."),
    # an investigated death is the subject of the inquiry
    ("Detectives are investigating the killing of a shopkeeper found shot in his store.",
     "Gunmen shot dead a shopkeeper in his store."),
])
def test_an_event_looked_back_on_is_no_report(pipeline, background, reported):
    assert acled_records(pipeline, background) == [], background
    assert acled_records(pipeline, reported), reported


@pytest.mark.parametrize("deal,conflict_deal", [
    ("The union signed a wage agreement with the employers after a week of talks.",
     "The government signed a peace agreement with the rebels after a week of talks."),
    ("The two countries agreed to restore an intelligence-sharing pact.",
     "The two sides agreed to a ceasefire and an exchange of prisoners."),
])
def test_an_agreement_is_an_acled_one_only_between_sides_of_a_conflict(pipeline, deal, conflict_deal):
    assert acled_records(pipeline, deal) == [], deal
    assert any("Agreement" in r for r in acled_records(pipeline, conflict_deal)), conflict_deal


@pytest.mark.parametrize("generic,reported", [
    # a frequency or a trend said of a bare plural is said of a kind of event; growth, continuation and a change
    # of manner are news of the day
    ("Kidnappings for ransom are common on the northern highway.",
     "Protests grew across the capital on Sunday as thousands joined the marchers."),
    ("Attacks on aid workers have increased sharply this year, the report said.",
     "Clashes continue between the army and rebels near Kidal."),
    ("Protests have become rare since the junta banned public gatherings.",
     "The protests became violent when demonstrators set fire to a police station."),
    # a rate is every year's; "a day after" is one day
    ("Unexploded landmines kill dozens of people in the province every year.",
     "A day after soldiers arrested the opposition leader, his supporters marched on parliament."),
    # a group's trait
    ("The group is known for bombing churches and abducting schoolgirls.",
     "The group bombed a church and abducted 20 schoolgirls on Friday."),
])
def test_what_is_said_of_violence_in_general_is_no_event(pipeline, generic, reported):
    assert acled_records(pipeline, generic) == [], generic
    assert acled_records(pipeline, reported), reported


def test_a_year_in_another_verbs_clause_does_not_date_the_event_back(pipeline):
    # no publication date: "in 1961" dates the break the visit is measured against, not the visit
    text = ("The Swedish foreign minister will meet Albanian officials in Tirana in June, the first such meeting "
            "since Albania broke with Moscow in 1961, the embassy said.")
    events = pipeline.extract(text)
    assert events and all(e.modality != "background" for e in events)
    # the year on the trigger's own verb still looks back, next to an event of the text's own time
    events = pipeline.extract("Police arrested the gang leader on Monday. Gunmen kidnapped the two engineers in 2014.")
    assert {e.modality for e in events if e.trigger == "kidnapped"} == {"background"}
