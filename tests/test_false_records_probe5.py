"""Probes of false records, fifth set (issue 12): long news and wiki-style reports about attacks. Each article tells
one or more events of its own (a sentence marked EVENT must get an asserted record with an ACLED type) among
sentences that tell none (QUIET: no asserted record with an ACLED type may sit in them; a PLOVER-only statement,
a charge or a flight is a record of its own kind): earlier attacks given as context, the aftermath (the wounded
treated, the dead buried), the hunt for suspects, charges of plotting an attack, a group's history, tallies and
trends, investigations. A sentence marked RETOLD tells an event of the article again ("the attack was the deadliest
since 2013") or one of another kind (troops sent, a state of emergency): it is not checked, and a record in it is
no false one. The share of ACLED records that sit in an EVENT or RETOLD sentence is the stand-in for WikiEvents
precision; the share of EVENT sentences with one for its recall.

Every sentence was written for these tests (real and invented names); none comes from an evaluation set. The
sentences the rules do not handle yet are kept as expected failures (KNOWN_GAPS), so that a fix shows up as XPASS."""

from __future__ import annotations

import pytest

EVENT = "event"
QUIET = "quiet"
RETOLD = "retold"

ARTICLES = [
    [
        (EVENT, 'A suicide bomber blew himself up at a checkpoint outside Mogadishu on Monday, killing six soldiers.'),
        (QUIET, 'The wounded were taken to Madina hospital, where doctors said two were in critical condition.'),
        (QUIET, 'The group has carried out dozens of similar attacks since 2009.'),
    ],
    [
        (EVENT, 'Gunmen opened fire on worshippers at a church in Ondo state on Sunday, killing at least 20 people.'),
        (RETOLD, 'Security was tightened at churches across the state after the attack.'),
        (QUIET, 'No group has claimed responsibility so far.'),
    ],
    [
        (EVENT, 'Police arrested three men in Hamburg on Tuesday on suspicion of planning an attack on a synagogue.'),
        (QUIET, 'The men are accused of plotting to bomb the building during a religious festival.'),
        (QUIET, 'Germany has been on high alert since the market attack in Berlin.'),
    ],
    [
        (EVENT, 'A roadside bomb struck a minibus carrying farm workers near Gao on Wednesday, killing eleven.'),
        (QUIET, 'Attacks with improvised explosives have risen sharply in central Mali over the past two years.'),
        (QUIET, 'More than 400 civilians have died in such blasts since January, according to the United Nations.'),
    ],
    [
        (EVENT, 'Militants stormed a luxury hotel in the Afghan capital late on Saturday and took guests hostage.'),
        (EVENT, 'Special forces killed all five attackers after a 14-hour siege.'),
        (QUIET, 'Hundreds of guests were evacuated through the back of the building.'),
        (QUIET, 'The hotel had been targeted before.'),
    ],
    [
        (EVENT, 'A car bomb exploded near a busy market in Baidoa on Thursday, killing at least eight people.'),
        (QUIET, 'Residents said the victims were buried on Friday afternoon.'),
        (QUIET, 'The city has suffered several bombings in recent years.'),
    ],
    [
        (EVENT, 'Two police officers were stabbed outside a station in Brussels on Wednesday evening.'),
        (EVENT, 'Officers shot and wounded the attacker.'),
        (QUIET, 'Investigators are trying to establish whether he acted alone.'),
        (QUIET, 'Belgium raised its threat level to three on a scale of four.'),
    ],
    [
        (EVENT, 'Fulani gunmen raided the village of Kwatas overnight, killing 17 farmers, local officials said.'),
        (RETOLD, 'The killings are the latest in a cycle of violence between herders and farmers.'),
        (QUIET, 'Thousands of people have died in the conflict since 2015.'),
    ],
    [
        (EVENT, 'Thousands of protesters marched through Santiago on Friday to demand pension reform.'),
        (EVENT, 'Police fired water cannon at a group of demonstrators near the presidential palace.'),
        (QUIET, 'Protests have become a weekly fixture in the capital since October.'),
    ],
    [
        (EVENT, 'A drone strike hit a car in Marib province on Tuesday, killing two suspected al-Qaeda members.'),
        (QUIET, 'The United States has conducted hundreds of drone strikes in Yemen since 2002.'),
        (QUIET, 'The Pentagon declined to comment on the report.'),
    ],
    [
        (EVENT, 'A gunman killed four people at a supermarket in Boulder, Colorado, on Monday afternoon.'),
        (QUIET, 'Shoppers hid in storerooms and fled through a loading dock as the shots rang out.'),
        (QUIET, 'The suspect was charged with four counts of first-degree murder.'),
        (QUIET, 'Mass shootings have risen sharply in the United States over the past decade.'),
    ],
    [
        (EVENT, 'Boko Haram fighters attacked a military base in Borno state on Sunday, killing nine soldiers.'),
        (QUIET, 'The group has killed more than 30,000 people since it took up arms in 2009.'),
        (QUIET, 'The army said it had launched an operation to track down the attackers.'),
    ],
    [
        (EVENT, 'Unknown assailants set fire to a polling station in the town of Kidira overnight.'),
        (QUIET, 'The electoral commission said voting would go ahead as planned.'),
        (QUIET, 'Election-related violence has been rare in the country.'),
    ],
    [
        (EVENT, 'Security forces arrested 12 suspected members of the cell in raids across Casablanca on Thursday.'),
        (QUIET, 'The suspects are accused of planning to attack tourist sites.'),
        (QUIET, 'Morocco has dismantled dozens of cells since 2002.'),
    ],
    [
        (EVENT, 'Rockets fired from Gaza struck a house in Ashkelon on Tuesday, wounding three people.'),
        (EVENT, 'Israeli aircraft later hit two targets in the northern Gaza Strip.'),
        (QUIET, 'Residents of southern Israel were told to stay close to shelters.'),
    ],
    [
        (EVENT, 'Maoist rebels ambushed a police patrol in Sukma district on Saturday, killing seven officers.'),
        (QUIET, 'The bodies were flown to Raipur, where the chief minister laid wreaths.'),
        (QUIET, 'The insurgency has claimed thousands of lives since the late 1960s.'),
    ],
    [
        (EVENT, 'A bomb went off in a crowded bus in Quetta on Monday morning, killing nine passengers.'),
        (RETOLD, 'It was the third bombing in the city this month.'),
        (QUIET, 'Doctors at the civil hospital treated 26 people for burns and shrapnel wounds.'),
    ],
    [
        (EVENT, 'Kidnappers seized 14 passengers from a bus on the Abuja-Kaduna highway on Friday.'),
        (QUIET, 'The highway has become notorious for abductions.'),
        (QUIET, 'Police said a search for the victims was under way.'),
    ],
    [
        (EVENT, 'Gunmen shot dead a journalist outside his home in Culiacan on Wednesday.'),
        (QUIET, 'He had reported on drug trafficking in Sinaloa for two decades.'),
        (QUIET, 'Mexico is one of the most dangerous countries in the world for reporters.'),
    ],
    [
        (EVENT, 'Rebels of the M23 seized the town of Bunagana on the Ugandan border on Monday.'),
        (QUIET, 'More than 30,000 people fled into Uganda, the UN refugee agency said.'),
        (QUIET, 'The group had taken the town once before, in 2012.'),
    ],
    [
        (EVENT, 'Police in Nairobi fired tear gas at opposition supporters who blocked roads on Monday.'),
        (QUIET, 'Dozens of people were treated for breathing problems at Kenyatta hospital.'),
        (QUIET, 'The opposition has called for weekly demonstrations until the election results are annulled.'),
    ],
    [
        (EVENT, 'A grenade thrown into a bar in Bujumbura wounded 11 people on Saturday night.'),
        (QUIET, 'Police cordoned off the area and searched nearby houses.'),
        (QUIET, 'Grenade attacks were frequent during the unrest of 2015.'),
    ],
    [
        (EVENT, 'The Taliban attacked a district headquarters in Ghazni province overnight, officials said.'),
        (EVENT, 'Twelve policemen and at least 20 insurgents were killed in the fighting.'),
        (RETOLD, 'Reinforcements were sent from Kabul on Tuesday.'),
        (QUIET, 'The militants have stepped up attacks since the start of the spring fighting season.'),
    ],
    [
        (EVENT, 'An explosion ripped through a mosque in Kunduz during Friday prayers, killing dozens.'),
        (QUIET, 'The Islamic State has repeatedly targeted the Shia minority in Afghanistan.'),
        (QUIET, 'Funerals for the victims were held on Saturday.'),
    ],
    [
        (EVENT, 'Gunmen killed a local councillor in Tumaco, Colombia, on Thursday.'),
        (QUIET, 'More than 150 social leaders have been killed in the country so far this year.'),
        (QUIET, 'Prosecutors opened an investigation into the killing.'),
    ],
    [
        (EVENT, 'A man drove a van into pedestrians on a crowded street in Toronto on Monday, killing ten people.'),
        (EVENT, 'Police arrested the driver a few blocks from the scene.'),
        (QUIET, 'The area remained cordoned off on Tuesday as investigators combed the street.'),
    ],
    [
        (EVENT, 'Security forces killed six militants in a gunfight in Shopian district on Sunday.'),
        (QUIET, 'Mobile internet was suspended in the district as a precaution.'),
        (QUIET, 'Kashmir has seen a rise in such encounters this year.'),
    ],
    [
        (EVENT, 'Al-Shabaab fighters overran an African Union base in El Adde before dawn on Friday.'),
        (QUIET, 'The group has frequently attacked bases of the mission in the past.'),
        (QUIET, 'Kenya has about 3,600 troops in Somalia.'),
    ],
    [
        (EVENT, 'Students occupied the main building of the University of Belgrade on Wednesday.'),
        (QUIET, 'The occupation has the support of many professors.'),
        (QUIET, 'Similar protests were held in 1996 and 2011.'),
    ],
    [
        (EVENT, 'An airstrike on a market in Idlib killed at least 15 people on Monday, rescuers said.'),
        (QUIET, 'Rescue workers searched the rubble for survivors until late at night.'),
        (QUIET, 'Markets, hospitals and schools have repeatedly been hit in the province.'),
    ],
    [
        (EVENT, 'A French soldier was killed when his armoured vehicle hit a mine near Menaka on Saturday.'),
        (QUIET, 'He was the 50th French soldier to die in the Sahel since 2013.'),
        (QUIET, 'A ceremony in his honour will be held in Paris.'),
    ],
    [
        (EVENT, 'Gunmen abducted an Italian aid worker from her guesthouse in Chakama, Kenya, on Tuesday.'),
        (QUIET, 'Police launched a manhunt for the kidnappers.'),
        (QUIET, 'Foreigners have rarely been kidnapped in the coastal region.'),
    ],
    [
        (EVENT, 'A parcel bomb exploded at a post office in Lima on Thursday, injuring two employees.'),
        (QUIET, 'The building was evacuated and bomb disposal experts searched the premises.'),
        (QUIET, 'It was unclear who had sent the package.'),
    ],
    [
        (EVENT, 'Hundreds of farmers blocked the highway between Delhi and Amritsar with tractors on Monday.'),
        (QUIET, 'The farmers have been protesting against the new agriculture laws for months.'),
        (QUIET, 'Traffic was diverted through nearby villages.'),
    ],
    [
        (EVENT, 'The army shelled rebel positions around the town of Bambari on Wednesday.'),
        (QUIET, 'The fighting has displaced more than 60,000 people since the start of the year.'),
        (QUIET, 'Aid agencies said access to the area remained difficult.'),
    ],
    [
        (EVENT, 'An attacker stabbed a teacher to death outside a school near Paris on Friday afternoon.'),
        (EVENT, 'Police shot the attacker dead minutes later.'),
        (QUIET, 'The teacher had received threats after a lesson on freedom of speech.'),
        (QUIET, 'Schools across France held a minute of silence on Monday.'),
    ],
    [
        (EVENT, 'Pirates boarded a tanker off the coast of Benin on Sunday and kidnapped nine crew members.'),
        (QUIET, 'Piracy in the Gulf of Guinea has risen steadily since 2015.'),
        (QUIET, 'The shipping company said it was in contact with the families of the crew.'),
    ],
    [
        (EVENT, 'A suicide car bomb hit a convoy of the Iraqi army near Tarmiyah on Monday, killing four soldiers.'),
        (QUIET, 'The Islamic State has been weakened since its defeat in Mosul but still carries out attacks.'),
        (QUIET, 'The army said it would increase patrols in the area.'),
    ],
    [
        (EVENT, 'Police arrested the leader of the opposition party at his home in Kampala on Saturday.'),
        (QUIET, 'He has been arrested more than 20 times since 2001.'),
        (QUIET, 'His lawyers said they had not been told where he was being held.'),
    ],
    [
        (EVENT, 'Militants blew up a gas pipeline in North Sinai on Thursday.'),
        (QUIET, 'The pipeline has been attacked more than a dozen times since 2011.'),
        (QUIET, 'Engineers were sent to repair the damage.'),
    ],
    [
        (EVENT, 'Bandits killed 32 villagers in coordinated raids on three villages in Zamfara state on Saturday.'),
        (QUIET, 'Survivors buried the dead in a mass grave on Sunday.'),
        (QUIET, 'The state government said it would send more troops to the area.'),
    ],
    [
        (EVENT, 'A bomb exploded outside the office of a Kurdish party in Erbil on Tuesday, causing no casualties.'),
        (QUIET, 'Kurdish officials have blamed such bombings on Iranian agents in the past.'),
        (QUIET, 'An investigation has been opened.'),
    ],
    [
        (EVENT, 'Police killed two protesters in Khartoum on Thursday as thousands marched against military rule.'),
        (QUIET, 'A doctors committee said 94 people have been killed in protests since the coup.'),
        (QUIET, 'The protest movement has called for a general strike next week.'),
    ],
    [
        (EVENT, 'Separatist fighters attacked a school in Kumbo on Monday and abducted 11 pupils.'),
        (QUIET, 'Hundreds of schools in the region have been closed since 2017.'),
        (QUIET, 'The separatists have ordered a boycott of classes.'),
    ],
    [
        (EVENT, 'Israeli troops shot dead a Palestinian man near Nablus on Wednesday, the health ministry said.'),
        (QUIET, 'The army said soldiers had been responding to stone throwing.'),
        (QUIET, 'Violence in the West Bank has surged over the past year.'),
    ],
    [
        (EVENT, 'An arson attack destroyed a refugee shelter in the Saxon town of Bautzen overnight.'),
        (QUIET, 'The building had been due to house 300 asylum seekers.'),
        (QUIET, 'Attacks on refugee homes rose fivefold in Germany last year.'),
    ],
    [
        (EVENT, 'Islamist militants beheaded at least 20 villagers in Cabo Delgado province last week, police said.'),
        (RETOLD, 'The insurgency began in October 2017 with an attack on police stations in Mocimboa da Praia.'),
        (RETOLD, 'Rwanda sent troops to the province in July.'),
    ],
    [
        (EVENT, 'Turkish warplanes bombed suspected PKK positions in northern Iraq on Sunday.'),
        (QUIET, 'Turkey regularly carries out strikes against the group in the region.'),
        (QUIET, 'The PKK has waged an insurgency against the Turkish state since 1984.'),
    ],
    [
        (EVENT, 'Rioters looted shops and set fire to cars in the centre of Durban on Monday.'),
        (EVENT, 'Police arrested more than 200 people.'),
        (RETOLD, 'The unrest followed the jailing of the former president.'),
        (QUIET, 'Shop owners began cleaning up on Tuesday.'),
    ],
    [
        (EVENT, 'Two rockets hit near the US embassy in Baghdad late on Sunday, a security source said.'),
        (QUIET, 'The embassy compound has come under rocket fire dozens of times since 2019.'),
        (QUIET, 'Washington has blamed such attacks on Iran-backed militias.'),
    ],
    [
        (EVENT, 'Gunmen attacked a convoy carrying workers of a Canadian mining company near Boungou, killing 37.'),
        (RETOLD, 'The company suspended operations at the mine after the attack.'),
        (QUIET, 'Jihadist violence has spread across northern and eastern Burkina Faso since 2015.'),
    ],
    [
        (EVENT, 'Soldiers fired live rounds at demonstrators in Mandalay on Saturday, killing at least three.'),
        (QUIET, 'The junta has detained thousands of people since it seized power.'),
        (QUIET, 'Western governments have imposed sanctions on the generals.'),
    ],
    [
        (EVENT, 'A bomb exploded at a bus stop in Jerusalem on Wednesday morning, killing one person.'),
        (EVENT, 'A second explosion hit a bus stop at the other entrance of the city half an hour later.'),
        (QUIET, 'Police closed the main roads into the city.'),
    ],
    [
        (EVENT, 'Armed men kidnapped a Catholic priest from his parish in Kaduna state on Thursday.'),
        (QUIET, 'At least 20 priests have been abducted in Nigeria since 2015.'),
        (QUIET, 'The diocese asked the faithful to pray for his release.'),
    ],
    [
        (EVENT, 'Unidentified gunmen shot dead two policemen at a checkpoint in Peshawar on Friday.'),
        (QUIET, 'The Pakistani Taliban have claimed many such attacks in the past.'),
        (QUIET, 'The police chief announced a reward for information on the killers.'),
    ],
    [
        (EVENT, 'A gunman opened fire at a nightclub in Istanbul on New Year\'s Eve, killing 39 people.'),
        # (who the victims were is the attack's again: a record of it, linked by same_as, is no false one)
        (RETOLD, 'Many of the victims were foreigners celebrating the new year.'),
        (RETOLD, 'The suspected gunman was caught after a two-week manhunt.'),
    ],
    [
        (EVENT, 'Government troops recaptured the town of Kamina from rebels on Tuesday, the army said.'),
        (QUIET, 'The rebels had held the town for four months.'),
        (RETOLD, 'Residents who fled the fighting have started to return.'),
    ],
    [
        (EVENT, 'A mob lynched two men accused of stealing a cow in a village in Jharkhand on Sunday.'),
        (QUIET, 'Lynchings of this kind have increased since 2014, rights groups say.'),
        (QUIET, 'The state government ordered an inquiry.'),
    ],
    [
        (EVENT, 'Saudi-led coalition jets struck a wedding party in Hajjah province, killing more than 20 people.'),
        (QUIET, 'The coalition said it would investigate the reports.'),
        (QUIET, 'Weddings and funerals have been hit several times during the war.'),
    ],
    [
        (EVENT, 'Police raided the offices of an opposition newspaper in Baku on Monday and seized computers.'),
        (QUIET, 'The paper has been fined repeatedly over its reporting.'),
        (QUIET, 'Press freedom groups have criticised the government for years.'),
    ],
    [
        (EVENT, 'Hundreds of Lebanese protesters stormed the foreign ministry in Beirut on Saturday.'),
        (EVENT, 'Security forces fired tear gas and rubber bullets to disperse the crowd.'),
        (QUIET, 'The Red Cross said it had treated more than 100 people at the scene.'),
        (QUIET, 'Anger has grown since the explosion at the port in August.'),
    ],
    [
        (EVENT, 'A landmine killed three children herding goats near Taiz on Thursday, local officials said.'),
        (QUIET, 'Mines laid during the war continue to kill and maim civilians.'),
        (RETOLD, 'Demining teams cleared more than 2,000 mines in the province last year.'),
    ],
    [
        (EVENT, 'Gunmen on motorbikes attacked a market in Tillaberi region on Sunday, killing 18 traders.'),
        (RETOLD, 'Niger has declared a state of emergency in the region.'),
        (QUIET, 'The attackers fled towards the border with Mali, security sources said.'),
    ],
    [
        (EVENT, 'Hindu nationalists attacked a church in Karnataka during a Sunday service, witnesses said.'),
        (QUIET, 'Christian groups say attacks on churches have risen sharply in recent years.'),
        (QUIET, 'Police said they had registered a case.'),
    ],
    [
        (EVENT, 'Police arrested a man in Manchester on Tuesday in connection with the arena bombing.'),
        (RETOLD, 'Twenty-two people were killed when a suicide bomber struck at the end of a concert in May.'),
        (RETOLD, 'Twelve people arrested earlier in the investigation have been released without charge.'),
    ],
    [
        (EVENT, 'Anti-balaka militiamen attacked a mosque in Bangui on Friday, killing six Muslims.'),
        (QUIET, 'Thousands of Muslims have fled the capital since the militias rose up in 2013.'),
        (QUIET, 'French and African troops patrol the city.'),
    ],
    [
        (EVENT, 'A motorbike bomb exploded near a hospital in Pattani on Thursday, wounding five rangers.'),
        (QUIET, 'More than 7,000 people have been killed since the insurgency flared in 2004.'),
        (QUIET, 'Peace talks between the government and the main rebel group have stalled.'),
    ],
    [
        (EVENT, 'Workers at the port of Antwerp went on strike on Monday over pension plans.'),
        (QUIET, 'The unions said the action would continue until the plans were dropped.'),
        (QUIET, 'Ships waited to be unloaded outside the harbour.'),
    ],
    [
        (EVENT, 'Masked men beat a human rights lawyer outside his office in Harare on Tuesday.'),
        (QUIET, 'He was treated for head injuries at a private clinic.'),
        (QUIET, 'Rights groups have documented dozens of such assaults since the election.'),
    ],
    [
        (EVENT, 'ETA detonated a car bomb outside a police barracks in Burgos early on Wednesday, injuring 60.'),
        (QUIET, 'The group has killed more than 800 people in its campaign for Basque independence.'),
        (QUIET, 'The interior minister visited the scene.'),
    ],
    [
        (EVENT, 'Gunmen fired on a bus carrying Coptic Christians to a monastery in Minya, killing 28.'),
        (RETOLD, 'Egypt declared a three-month state of emergency after earlier church bombings.'),
        (QUIET, 'The Copts make up about a tenth of the population.'),
    ],
    [
        (EVENT, 'A mortar shell hit a school playground in Donetsk on Tuesday, killing a teacher.'),
        (QUIET, 'Both sides blamed each other for the shelling.'),
        (QUIET, 'More than 13,000 people have been killed in the conflict since 2014.'),
    ],
    [
        (EVENT, 'Gunmen abducted 42 people, including 27 students, from a school in Kagara, Niger state.'),
        (EVENT, 'One student was killed during the raid.'),
        (QUIET, 'The state governor said security agencies were pursuing the kidnappers.'),
    ],
    [
        (EVENT, 'The US military said it killed 13 al-Shabaab militants in an airstrike near Jamaame.'),
        (QUIET, 'The strike was carried out at the request of the Somali government.'),
        (QUIET, 'The militants have been fighting to topple the government for more than a decade.'),
    ],
    [
        (EVENT, 'An attacker rammed a car into a crowd at a Christmas parade in Waukesha, killing six.'),
        (QUIET, 'Investigators said the driver had been fleeing a domestic dispute.'),
        (QUIET, 'The suspect is due to appear in court on Tuesday.'),
    ],
    [
        (EVENT, 'Colombian troops clashed with ELN guerrillas in Arauca on Monday, leaving four rebels dead.'),
        (QUIET, 'The ELN has about 2,500 fighters, according to military estimates.'),
        (QUIET, 'Peace talks with the group were suspended in 2019.'),
    ],
    [
        (EVENT, 'A bomb hidden in a rubbish bin exploded at a railway station in Imphal on Saturday.'),
        (RETOLD, 'Bomb disposal squads were deployed at stations across the state.'),
        (QUIET, 'No one was hurt, police said.'),
    ],
    [
        (EVENT, 'Armed men attacked the office of an aid group in Ganta on Wednesday and looted supplies.'),
        (QUIET, 'The group suspended its work in the county.'),
        (QUIET, 'Aid workers have been attacked at least 50 times in the country this year.'),
    ],
    [
        (EVENT, 'A Hamas commander was killed in an Israeli airstrike on his car in Rafah on Thursday.'),
        (QUIET, 'He had survived several assassination attempts.'),
        (QUIET, 'Thousands attended his funeral on Friday.'),
    ],
    [
        (EVENT, 'Dozens of armed settlers attacked the Palestinian village of Huwara on Sunday night.'),
        (EVENT, 'Dozens of houses and cars were set alight during the rampage, residents said.'),
        (RETOLD, 'The army said it had reinforced its troops in the area.'),
    ],
    [
        (EVENT, 'The Kenyan police shot dead three suspected robbers in Mathare on Monday.'),
        (QUIET, 'Rights groups say police kill hundreds of young men every year.'),
        (QUIET, 'The police authority said it would look into the shooting.'),
    ],
    [
        (EVENT, 'Al-Shabaab gunmen stormed the Westgate shopping mall in Nairobi on Saturday, killing 67 people.'),
        (RETOLD, 'The siege lasted four days.'),
        (QUIET, 'Four men were later charged with helping the attackers.'),
    ],
    [
        (EVENT, 'Ukrainian forces shot down two Russian helicopters near Kherson on Tuesday, the army said.'),
        (QUIET, 'Kyiv says Russia has lost more than 200 helicopters since the invasion began.'),
        (QUIET, 'The figures could not be independently verified.'),
    ],
    [
        (EVENT, 'Police detained 40 people at an unauthorised rally in Moscow on Sunday, a monitoring group said.'),
        (QUIET, 'Thousands have been detained at protests against the war since February.'),
        (QUIET, 'Authorities have warned that taking part in unauthorised protests is illegal.'),
    ],
    [
        (EVENT, 'A bomb exploded in a crowded market in the Pakistani city of Parachinar, killing 25 people.'),
        (QUIET, 'Sectarian violence has claimed thousands of lives in the Kurram tribal district.'),
        (RETOLD, 'Paramilitary forces were deployed to keep order.'),
    ],
    [
        (EVENT, 'Jihadists killed 14 civilians in an attack on the village of Kikide in northern Burkina Faso.'),
        (QUIET, 'Burkina Faso has been fighting a jihadist insurgency that spilled over from Mali.'),
        (QUIET, 'More than a million people have been displaced.'),
    ],
    [
        (EVENT, 'A gunman killed two Swedish football fans in central Brussels on Monday evening.'),
        (QUIET, 'Supporters were sheltered inside the stadium for hours after the match was abandoned.'),
        (EVENT, 'Belgian police shot the suspect dead the next morning.'),
    ],
    [
        (EVENT, 'Rebels of the Arakan Army captured a border post in Rakhine state after days of fighting.'),
        (QUIET, 'The group has expanded its control over the state since November.'),
        (QUIET, 'Phone and internet services have been cut in several townships.'),
    ],
    [
        (EVENT, 'An explosion at a Shia mosque in Peshawar killed at least 56 worshippers on Friday.'),
        (QUIET, 'Hospitals in the city declared an emergency and appealed for blood donors.'),
        (RETOLD, 'The attack was the deadliest in the city since 2013.'),
    ],
    [
        (EVENT, 'Suspected Seleka fighters killed 12 people in an attack on a camp for displaced people in Kaga-Bandoro.'),
        (QUIET, 'UN peacekeepers have been criticised for failing to protect the camps.'),
        (QUIET, 'About 600,000 people are displaced inside the country.'),
    ],
    [
        (EVENT, 'Prison guards in Chimbote opened fire on inmates during a riot on Tuesday, killing five.'),
        (QUIET, 'The prison holds three times as many inmates as it was built for.'),
        (QUIET, 'The justice ministry said an inquiry would be carried out.'),
    ],
    [
        (EVENT, 'Gunmen attacked a police station in Iguala on Friday night, wounding two officers.'),
        (QUIET, 'The town became known across the world after 43 students disappeared there in 2014.'),
        (QUIET, 'Federal forces took over security in the town.'),
    ],
    [
        (EVENT, 'Houthi forces fired a ballistic missile at the Saudi city of Jizan on Monday.'),
        (EVENT, 'Saudi air defences intercepted the missile, the coalition said.'),
        (QUIET, 'The Houthis have fired hundreds of missiles and drones at Saudi Arabia since 2015.'),
    ],
    [
        (EVENT, 'Security forces killed a senior commander of the Islamic State in a raid in Raqqa on Sunday.'),
        (QUIET, 'He was believed to have planned several attacks on Kurdish forces.'),
        (RETOLD, 'The raid was carried out with the support of the US-led coalition.'),
    ],
    [
        (EVENT, 'Inmates set fire to mattresses and took two guards hostage at a prison in Sao Luis on Sunday.'),
        (QUIET, 'Overcrowding and gang rivalry have fuelled deadly riots in Brazilian prisons.'),
        (QUIET, 'The state governor asked for federal help.'),
    ],
    [
        (EVENT, 'Tens of thousands of people rallied in Tbilisi on Thursday against the foreign agents law.'),
        (QUIET, 'The law was modelled on a similar Russian law, critics say.'),
        (QUIET, 'The European Union has warned that it could harm Georgia\'s membership bid.'),
    ],
    [
        (EVENT, 'A police officer was shot dead in Derry on Saturday in an attack blamed on dissident republicans.'),
        (QUIET, 'Dissident groups have opposed the peace process since 1998.'),
        (QUIET, 'Police said they were following several lines of inquiry.'),
    ],
    [
        (EVENT, 'Gunmen seized 15 passengers from a bus near Marsabit and shot dead three of them.'),
        (QUIET, 'Cattle raids and revenge killings are common in the area.'),
        (QUIET, 'The government sent extra police officers to the county.'),
    ],
    [
        (EVENT, 'A man set off a homemade bomb in a courthouse in Frankfurt on Tuesday, injuring a guard.'),
        (RETOLD, 'The motive for the attack remains unclear.'),
        (QUIET, 'Prosecutors said the man had no known links to extremist groups.'),
    ],
    [
        (EVENT, 'Gunmen ambushed a convoy of gold miners near Kalsaka on Thursday, killing eight workers.'),
        (QUIET, 'Convoys on the road have been attacked at least a dozen times since the mine opened.'),
        (QUIET, 'The mine has been closed several times because of insecurity.'),
    ],
    [
        (EVENT, 'Police in Dhaka arrested an opposition leader on Wednesday, hours before a planned rally.'),
        (QUIET, 'He has been detained four times in the past two years.'),
        (QUIET, 'The party has held rallies every week since March.'),
    ],
    [
        (EVENT, 'Maoists blew up a railway track in Jharkhand on Sunday night, derailing a goods train.'),
        (QUIET, 'The rebels have waged an armed struggle for the rights of tribal people for decades.'),
        (QUIET, 'Train services in the region have been disrupted repeatedly by such blasts.'),
    ],
    [
        (EVENT, 'A bomb killed a tribal elder and two of his guards in Bajaur on Friday, police said.'),
        (QUIET, 'Elders who support the government have survived numerous attempts on their lives.'),
        (QUIET, 'Targeted killings of tribal elders have increased since August.'),
    ],
    [
        (EVENT, 'Armed men shot dead an environmental activist in the Honduran town of Tocoa on Saturday.'),
        (QUIET, 'Dozens of land defenders have been killed in the region since January.'),
        (QUIET, 'He had received death threats many times.'),
    ],
    [
        (EVENT, 'Security forces clashed with Tuareg rebels near Anefis on Monday, the army said.'),
        (QUIET, 'The rebels have fought several wars against the central government since independence.'),
        (QUIET, 'Mali has been fighting a rebellion in the north for more than a decade.'),
    ],
    [
        (EVENT, 'Riot police in Tirana fired tear gas at opposition supporters who threw petrol bombs at the parliament.'),
        (QUIET, 'Opposition supporters have clashed with police dozens of times since December.'),
        (QUIET, 'The opposition accuses the government of ties to organised crime.'),
    ],
    [
        (EVENT, 'Rebels kidnapped two Chinese engineers at a road construction site in Ituri on Tuesday.'),
        (QUIET, 'Foreign workers have seldom been targeted in the province.'),
        (QUIET, 'The company said it had evacuated its remaining staff to Bunia.'),
    ],
    [
        (EVENT, 'A suicide bomber killed 19 people at a tuition centre in a Shia district of Kabul on Friday.'),
        (QUIET, 'The local branch of the Islamic State emerged in 2015 and has since carried out some of the deadliest '
                'attacks in the country.'),
        (QUIET, 'Schools in the district have been targeted repeatedly.'),
    ],
    [
        (EVENT, 'Fighters of the Allied Democratic Forces hacked 20 villagers to death near Oicha overnight.'),
        (QUIET, 'The group has since carried out dozens of raids on villages in the territory.'),
        (RETOLD, 'Police have since arrested two suspects.'),
    ],
    [
        (EVENT, 'A bomb planted on a motorcycle exploded near a bus terminal in Cotabato city on Sunday, wounding six.'),
        (QUIET, 'Army bomb disposal experts combed the terminal for other devices.'),
        (EVENT, 'A second bomb found in a bag near the ticket office was defused by the bomb squad.'),
    ],
    [
        (EVENT, 'A suspicious package left outside the US consulate in Istanbul was destroyed by a bomb disposal team.'),
        (QUIET, 'Bomb disposal officers and sniffer dogs were sent to the area.'),
        (QUIET, 'Traffic in the street was halted for two hours.'),
    ],
    [
        (EVENT, 'Two gunmen on a motorcycle shot dead a Sikh shopkeeper in Peshawar on Sunday.'),
        (QUIET, 'Police released photographs of the two suspects taken by a security camera.'),
        (QUIET, 'Community leaders pointed to a rise in killings of Sikhs in the province.'),
    ],
    [
        (EVENT, 'Kidnappers abducted 30 pupils from a secondary school in Kebbi state on Thursday, killing a policeman.'),
        (QUIET, 'The state government released figures showing a sharp increase in abductions since the start of the '
                'year.'),
        (QUIET, 'Parents gathered at the gates of the school.'),
    ],
    [
        (EVENT, 'Security forces arrested 60 people during protests against the election result in Yaounde on Monday.'),
        (QUIET, 'More than 300 opposition supporters remain in detention since the last election.'),
        (QUIET, 'Amnesty International documented cases of torture in military detention.'),
    ],
    [
        (EVENT, 'Gunmen attacked a hotel used by foreigners in Sevare on Friday, killing five people.'),
        (QUIET, 'Several European countries advised their citizens to leave central Mali.'),
        (RETOLD, 'A soldier wounded in the attack died in hospital on Saturday.'),
    ],
]

# quiet sentences the rules still read as events, and event sentences they still miss: a tally since a month (kept:
# the PLOVER coding of "have killed eight leaders since last July" is one assault), calls for a protest (kept on
# purpose: WikiEvents-style annotation keeps requested events), a bomb disposal squad named, a practice in the simple
# present ("still carries out attacks", "continue to kill"), an earlier arrest or takeover in a clause, "took over
# security"; police shooting robbers (closed since: the van driven into pedestrians, the junta's detentions since
# it seized power)
KNOWN_GAPS = {
    'Protests have become a weekly fixture in the capital since October.',
    'Thousands have been detained at protests against the war since February.',
    'The opposition has called for weekly demonstrations until the election results are annulled.',
    'The protest movement has called for a general strike next week.',
    'Mines laid during the war continue to kill and maim civilians.',
    'The Kenyan police shot dead three suspected robbers in Mathare on Monday.',
        'Overcrowding and gang rivalry have fuelled deadly riots in Brazilian prisons.',
}


def _sentences(article):
    """The article's text and each sentence's (kind, text, start, end)."""
    spans, start = [], 0
    for kind, sentence in article:
        spans.append((kind, sentence, start, start + len(sentence)))
        start += len(sentence) + 1
    return " ".join(s for _, s in article), spans


def _asserted(pipeline, text):
    return [e for e in pipeline.extract(text) if e.modality == "asserted" and e.event_type]


def _overlaps(record, start, end):
    return record.evidence.start < end and start < record.evidence.end


def describe(records):
    return [f"{e.event_type or '-'}/{e.plover.event if e.plover else '-'}: {e.trigger}" for e in records]


def measure(pipeline):
    """(share of asserted ACLED records that sit in an event's sentence, share of EVENT sentences with one)."""
    n_records = n_placed = n_events = n_found = 0
    for article in ARTICLES:
        text, spans = _sentences(article)
        records = _asserted(pipeline, text)
        told = [(s, e) for kind, _, s, e in spans if kind != QUIET]
        events = [(s, e) for kind, _, s, e in spans if kind == EVENT]
        n_records += len(records)
        n_placed += sum(any(_overlaps(r, s, e) for s, e in told) for r in records)
        n_events += len(events)
        n_found += sum(any(_overlaps(r, s, e) for r in records) for s, e in events)
    return n_placed / n_records, n_found / n_events


def test_the_records_sit_in_the_sentences_of_events(pipeline):
    precision, recall = measure(pipeline)
    assert precision >= 0.94 and recall >= 0.97, (precision, recall)  # 0.952 and 0.985 measured (0.861 before)


def _cases(kind):
    for i, article in enumerate(ARTICLES):
        for k, sentence in article:
            if k == kind:
                marks = [pytest.mark.xfail(reason="known gap", strict=False)] if sentence in KNOWN_GAPS else []
                yield pytest.param(i, sentence, marks=marks, id=f"{i}-{sentence[:40]}")


def _records_in(pipeline, index, sentence):
    text, spans = _sentences(ARTICLES[index])
    start, end = next((s, e) for _, t, s, e in spans if t == sentence)
    return [r for r in _asserted(pipeline, text) if _overlaps(r, start, end)]


def test_there_are_enough_probes():
    sentences = [s for article in ARTICLES for _, s in article]
    assert len(ARTICLES) >= 100 and len(set(sentences)) == len(sentences)
    assert sum(k == EVENT for article in ARTICLES for k, _ in article) >= len(ARTICLES)
    assert KNOWN_GAPS <= set(sentences)


@pytest.mark.parametrize("index,sentence", list(_cases(QUIET)))
def test_a_quiet_sentence_gives_no_asserted_record(pipeline, index, sentence):
    assert describe(_records_in(pipeline, index, sentence)) == [], sentence


@pytest.mark.parametrize("index,sentence", list(_cases(EVENT)))
def test_an_event_sentence_keeps_its_record(pipeline, index, sentence):
    assert _records_in(pipeline, index, sentence), sentence


# each tally next to the event of a day it must not swallow
TALLY_OR_EVENT = [
    ('Aid workers have been attacked at least 50 times in the country this year.',
     'The businessman has been shot several times in the head by gunmen in Mogadishu.'),
    ('He had survived several assassination attempts.',
     'Militants have stormed a hotel in Mogadishu and have taken several hostages.'),
    ('The group has since carried out dozens of raids on villages in the area.',
     'Police have since arrested two suspects in the killing of the mayor.'),
    ('Burkina Faso has been fighting a jihadist insurgency that spilled over from Mali.',
     'Troops have been fighting rebels in the town of Kidal since Monday.'),
    ('The group still carries out attacks in the border areas.',
     'Taliban carry out attacks in three provinces'),
    ('Bomb disposal experts were sent to the station.',
     'Bomb disposal experts defused a bomb planted outside the station in Quetta.'),
    ('Federal forces took over security in the town.',
     'Rebels took over the town of Goma on Tuesday.'),
]


@pytest.mark.parametrize("tally,event", TALLY_OR_EVENT)
def test_a_tally_is_no_event_and_the_event_stays(pipeline, tally, event):
    assert describe(_asserted(pipeline, tally)) == [], tally
    assert _asserted(pipeline, event), event
