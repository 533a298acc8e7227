"""A third probe set for who attacked whom where, written for this test (not taken from any data set) around the
families the first two sets (tests/test_attack_roles_probe.py, _probe2.py) leave thin: things hit (buildings,
vehicles, pipelines, bridges, power lines), the harmed joined by "and" ("killing a soldier and two civilians"),
the harmed inside "including" or an apposition ("five people, including a child,"), the harmed told of as "the
dead" or "the victims", the target of a noun of attack inside a prepositional phrase ("killed in an attack on a
market"), a body part after the harmed ("shot him in the head"), the place as the site's own town ("stormed a
hotel in X"), the place given as "near", "outside" or "on the outskirts of", and a dateline against a place in the
text. Real and invented names, many countries and decades, wire, local and headline styles, active and passive.

Scored as in the first set: a role is right when a content word of the best-matching asserted event is among the
probe's words (a blank list is not scored). `python tests/test_attack_roles_probe3.py` prints the rates and every
miss."""

from __future__ import annotations

import pytest

from test_attack_roles_probe import ROLES, published_in_its_year, rates, role_results

# (text, attacker words, target words, place words)
PROBES = [
    # -- things hit: buildings, vehicles, infrastructure
    ("Gunmen torched a primary school in the village of Malamfashi overnight.",
     "gunmen", "school", "malamfashi"),
    ("A roadside bomb hit a bus carrying pilgrims near the town of Kerbenet, killing eleven.",
     "", "bus pilgrims", "kerbenet"),
    ("The pipeline was blown up near Kirkuk on Saturday, halting exports to Turkey.",
     "", "pipeline", "kirkuk"),
    ("Saboteurs blew up a railway bridge outside the town of Lozova in 1992.",
     "saboteurs", "bridge railway", "lozova"),
    ("Rebels set fire to a health centre in the Ituri town of Bunia.",
     "rebels", "centre health", "bunia"),
    ("Insurgents destroyed two mobile phone towers in the Pech valley on Tuesday night.",
     "insurgents", "towers tower phone", "pech"),
    ("A bomb planted on the tracks derailed a freight train near Sibi.",
     "", "train freight", "sibi"),
    ("Militants attacked an electricity pylon outside Quetta, cutting power to much of the province.",
     "militants", "pylon electricity", "quetta"),
    ("Arsonists burned down a mosque in the Swedish city of Eslov early on Sunday.",
     "arsonists", "mosque", "eslov"),
    ("An explosive device damaged a gas pipeline in the Sinai town of El Arish.",
     "", "pipeline gas", "arish"),
    ("Unknown attackers set ablaze three trucks carrying food aid on the road to Kaga Bandoro.",
     "attackers", "trucks food aid", "kaga bandoro"),
    ("Guerrillas dynamited an oil pipeline in Arauca department in 1998, spilling crude into a river.",
     "guerrillas", "pipeline oil", "arauca"),
    ("A car bomb wrecked the offices of a local newspaper in the Basque town of Hernani.",
     "", "offices newspaper", "hernani"),
    ("The Marsan Liberation Army blew up a water treatment plant near Tarvel.",
     "marsan liberation army", "plant water", "tarvel"),
    ("Rioters torched a police van in the Paris suburb of Clichy-sous-Bois.",
     "rioters", "van police", "clichy"),
    ("A landmine destroyed an armoured vehicle on a road outside Kidal, wounding four peacekeepers.",
     "", "vehicle peacekeepers", "kidal"),
    ("Gunmen opened fire on a minibus taking workers to a factory near Maungdaw.",
     "gunmen", "minibus workers", "maungdaw"),
    ("Two polling stations were set on fire in the Kasai town of Tshikapa.",
     "", "stations polling", "tshikapa"),
    ("Militants torch girls' school in Pakistan's Swat valley", "militants", "school girls", "swat"),
    ("Rebels blow up gas pipeline in Yemen's Marib province", "rebels", "pipeline gas", "marib"),
    # -- the harmed joined by "and"
    ("Insurgents attacked a checkpoint in Dirkal, killing a soldier and two civilians.",
     "insurgents", "soldier civilians checkpoint", "dirkal"),
    ("The blast wounded three policemen and a child in the town of Lashkar Gah.",
     "", "policemen child", "lashkar gah"),
    ("Gunmen killed a nurse and her husband at their home in Tumaco.",
     "gunmen", "nurse husband", "tumaco"),
    ("Militiamen abducted a priest and two seminarians in the town of Kajuru.",
     "militiamen", "priest seminarians", "kajuru"),
    ("A grenade attack on a bar in Bujumbura killed a waiter and three customers.",
     "", "waiter customers bar", "bujumbura"),
    ("Soldiers and a local guide were killed when rebels ambushed their patrol near Mweso.",
     "rebels", "soldiers guide patrol", "mweso"),
    ("Bandits shot dead a farmer, his wife and their two sons in Gusau.",
     "bandits", "farmer wife sons", "gusau"),
    ("The militants beheaded a village chief and his deputy in the district of Mocimboa da Praia.",
     "militants", "chief deputy", "mocimboa"),
    # -- the harmed inside "including" or an apposition
    ("Gunmen killed five people, including a child, in the village of Dogon Dawa.",
     "gunmen", "people child", "dogon dawa"),
    ("A suicide bomber killed 14 people, among them three police officers, at a market in Gwoza.",
     "bomber", "people officers police", "gwoza"),
    ("Militants killed the victims, two farmers and a herder, near the town of Djibo.",
     "militants", "farmers herder", "djibo"),
    ("The attack killed nine people, most of them women, in the village of Tahoua.",
     "", "people women", "tahoua"),
    ("Rebels killed Joseph Mbala, a district official, in an ambush near Kamituga.",
     "rebels", "mbala official", "kamituga"),
    ("A bomb killed Dara Sokha, the local police chief, outside his home in Battambang in 1997.",
     "", "sokha chief police", "battambang"),
    ("Gunmen shot dead Vikram Rana, a journalist with a Hindi daily, in the town of Sitapur.",
     "gunmen", "rana journalist", "sitapur"),
    ("Six soldiers, including a captain, were killed when jihadists stormed their base in Boni.",
     "jihadists", "soldiers captain base", "boni"),
    ("Unknown attackers killed three aid workers, all Kenyan nationals, near the town of Mandera.",
     "attackers", "workers aid", "mandera"),
    # -- the harmed told of as "the dead" or "the victims"
    ("A car bomb exploded in a crowded street in Hillah. The dead included four children.",
     "", "children", "hillah"),
    ("Gunmen opened fire at a wedding in the village of Mardin. The victims were all members of one family.",
     "gunmen", "members family wedding", "mardin"),
    ("A bomb went off at a bus stop in Jerusalem on Sunday. Among the dead were two students.",
     "", "students stop bus", "jerusalem"),
    ("Militants attacked the village of Koryenga overnight. Most of the victims were women and children.",
     "militants", "women children village koryenga", "koryenga"),
    ("An explosion ripped through a mosque in Zahedan during Friday prayers. The dead were mostly worshippers.",
     "", "worshippers mosque", "zahedan"),
    # -- the target of a noun of attack inside a prepositional phrase
    ("Twelve people were killed in an attack on a market in the town of Tillaberi.",
     "", "people market", "tillaberi"),
    ("Four guards died in a raid on a gold mine near Kalsaka on Thursday.",
     "", "guards mine", "kalsaka"),
    ("Eight people were wounded in a grenade attack on a church in Kisumu.",
     "", "people church", "kisumu"),
    ("Police said two men were arrested after an arson attack on a refugee shelter in Bautzen.",
     "", "shelter refugee", "bautzen"),
    ("A customs officer was killed during an assault on a border post near Ras Jdir.",
     "", "officer customs post", "ras jdir"),
    ("Dozens of students were killed in a raid on a college dormitory in the town of Gujba in 2013.",
     "", "students dormitory college", "gujba"),
    ("Three firefighters were injured in an attack on their station in the Dublin suburb of Coolock.",
     "", "firefighters station", "coolock"),
    ("Five pilgrims died in an ambush on their convoy near the shrine town of Samarra.",
     "", "pilgrims convoy", "samarra"),
    ("The group claimed responsibility for a rocket attack on an army barracks in Dera Bugti.",
     "", "barracks army", "dera bugti"),
    ("Nine worshippers were killed in a shooting at a church in Charleston in 2015.",
     "", "worshippers church", "charleston"),
    # -- a body part after the harmed
    ("A gunman shot the mayor in the head as he left the town hall in Zitacuaro.",
     "gunman", "mayor", "zitacuaro"),
    ("Attackers stabbed a police officer in the neck outside a station in the city of Trappes.",
     "attackers", "officer police", "trappes"),
    ("Soldiers shot a teenage boy in the leg during a raid on the camp of Balata.",
     "soldiers", "boy", "balata"),
    ("Assailants shot him in the chest outside his shop in the Karachi district of Lyari.",
     "assailants", "", "lyari karachi"),
    ("The lawyer was shot twice in the back by a man on a motorcycle in Cebu City.",
     "man", "lawyer", "cebu"),
    ("A sniper shot a fisherman in the arm near the port of Hodeidah.",
     "sniper", "fisherman", "hodeidah"),
    # -- the place as the site's own town
    ("Gunmen stormed a hotel in Ouagadougou, taking dozens of guests hostage.",
     "gunmen", "hotel guests", "ouagadougou"),
    ("Militants bombed a bank in Zaranj, killing two guards.",
     "militants", "bank guards", "zaranj"),
    ("Fighters of the Korvan Front overran an army outpost in Telsa in 1985.",
     "korvan front fighters", "outpost army", "telsa"),
    ("A suicide bomber struck a police academy in Dera Ismail Khan.",
     "bomber", "academy police", "dera ismail khan"),
    ("Attackers raided a prison in Kirinda and freed more than 200 inmates.",
     "attackers", "prison", "kirinda"),
    ("Paramilitaries attacked a bakery in Sarajevo's old town, killing a baker.",
     "paramilitaries", "bakery baker", "sarajevo"),
    ("Insurgents ambushed a fuel convoy in Ghazni province's Andar district.",
     "insurgents", "convoy fuel", "andar ghazni"),
    ("A gang of youths attacked a synagogue in the Ukrainian town of Uman.",
     "gang youths", "synagogue", "uman"),
    ("Armed men looted a pharmacy in the Haitian town of Mirebalais.",
     "armed men", "pharmacy", "mirebalais"),
    # -- the place given as "near", "outside" or "on the outskirts of"
    ("A bomb exploded near a bus station on the outskirts of Kampala.",
     "", "station bus", "kampala"),
    ("Gunmen killed three traders on a road near the town of Gajiram.",
     "gunmen", "traders", "gajiram"),
    ("Soldiers fired on protesters outside the governor's office in Bamenda.",
     "soldiers", "protesters", "bamenda"),
    ("Two farmers were shot dead in a field on the outskirts of Jos.",
     "", "farmers", "jos"),
    ("A rocket struck a camp for displaced people outside the town of Goma.",
     "", "camp people displaced", "goma"),
    ("Rebels attacked a convoy of trucks near the Chadian border town of Tine.",
     "rebels", "convoy trucks", "tine"),
    ("An IED struck a military truck outside Kandahar city, killing two soldiers.",
     "", "truck military soldiers", "kandahar"),
    ("Unidentified men threw a grenade at a nightclub on the outskirts of Mombasa.",
     "men", "nightclub", "mombasa"),
    ("Militants attacked a police checkpoint just outside Ramadi.",
     "militants", "checkpoint police", "ramadi"),
    # -- a dateline against a place in the text
    ("MOGADISHU (Reuters) - A car bomb exploded near a hotel in the Somali capital on Saturday, killing six people.",
     "", "hotel people", "mogadishu"),
    ("PESHAWAR, Pakistan (AP) - Gunmen killed two polio workers in the Bannu district on Tuesday, police said.",
     "gunmen", "workers polio", "bannu"),
    ("LAGOS, Nigeria - Bandits kidnapped 15 schoolchildren from a school in Kebbi state, officials said.",
     "bandits", "schoolchildren school", "kebbi"),
    ("KABUL, Afghanistan - A suicide bomber attacked a wedding hall in the capital on Friday night.",
     "bomber", "hall wedding", "kabul"),
    ("BOGOTA, Feb 3 (Reuters) - Guerrillas attacked a police station in the town of Toribio, wounding four officers.",
     "guerrillas", "station police officers", "toribio"),
    ("NAIROBI - Al-Shabaab militants ambushed a bus near Lamu on Monday, killing three passengers.",
     "shabaab militants", "bus passengers", "lamu"),
    ("BAMAKO, Mali (AFP) - Jihadists attacked an army camp in central Mali, killing 14 soldiers.",
     "jihadists", "camp army soldiers", "mali"),
    ("KHARTOUM - Paramilitary fighters stormed a hospital in El Fasher on Sunday, the health ministry said.",
     "fighters", "hospital", "fasher"),
    # -- the spot told by a verb joined to the act
    ("The device was left outside a busy bakery in Karachi and went off shortly after dawn.",
     "", "bakery", "karachi"),
    ("Two gunmen walked into a barber shop in the Sonora town of Caborca and opened fire.",
     "gunmen", "shop barber", "caborca"),
    ("A grenade was hurled into a crowded bar in Garissa and exploded, wounding 12.",
     "", "bar", "garissa"),
    ("The attackers drove up to a church in Ouahigouya and started shooting.",
     "attackers", "church", "ouahigouya"),
    # -- a hidden explosive set off by the harmed themselves
    ("A farmer stepped on a landmine while tending his goats near the Somali town of Beledweyne.",
     "", "farmer", "beledweyne"),
    ("Three policemen were wounded when their pickup struck a roadside bomb on the outskirts of Peshawar.",
     "", "policemen pickup", "peshawar"),
    ("A minibus carrying wedding guests hit a landmine in Ukraine's Kharkiv region, killing nine.",
     "", "minibus guests", "kharkiv"),
    ("A French armoured vehicle ran over an explosive device near Menaka in 2019.",
     "", "vehicle french", "menaka"),
    ("Two girls collecting firewood triggered a booby trap outside the village of Kunchha.",
     "", "girls", "kunchha"),
    # -- passives and headlines of things hit
    ("A school was torched by suspected separatists in the Cameroonian town of Kumbo.",
     "separatists", "school", "kumbo"),
    ("Three mosques were damaged by arsonists in the Sri Lankan town of Digana.",
     "arsonists", "mosques", "digana"),
    ("The offices of an opposition party were ransacked by a mob in the city of Blantyre.",
     "mob", "offices party opposition", "blantyre"),
    ("An aid convoy was shelled near the town of Velnik, killing a driver.",
     "", "convoy aid driver", "velnik"),
    ("Bus carrying tourists hit by roadside bomb near Giza pyramids", "", "bus tourists", "giza"),
    ("Church set ablaze in Minya village, homes of Christians looted", "", "church homes christians", "minya"),
    ("Gunmen kill two soldiers, civilian in attack on Cairo checkpoint", "gunmen", "soldiers civilian checkpoint",
     "cairo"),
    ("Suspected rebels burn down health clinic in Mozambique's Cabo Delgado", "rebels", "clinic health",
     "cabo delgado"),
    # -- the people a site is for, sites named by two words, and hidden devices "triggered" by those hit
    ("Militia fighters attacked a camp for internally displaced persons near Bunia in Congo's Ituri province.",
     "militia fighters", "camp displaced persons", "bunia ituri"),
    ("Raiders torched a shelter for homeless families in the Kenyan town of Mandera in 2014.",
     "raiders", "shelter families", "mandera"),
    ("Gunmen opened fire on a home for elderly women in the Yemeni port of Aden, killing sixteen.",
     "gunmen", "home women", "aden"),
    ("Suspected jihadists set fire to a community centre in the Burkinabe town of Djibo.",
     "jihadists", "centre community", "djibo"),
    ("A car bomb went off outside a shopping center in the Somali town of Baidoa in 1999.",
     "", "center shopping", "baidoa"),
    ("Arsonists destroyed a trading centre in the Ugandan district of Kasese overnight.",
     "arsonists", "centre trading", "kasese"),
    ("A herdsman triggered a landmine near the Colombian town of Tame, losing a leg.",
     "", "herdsman", "tame"),
    ("Four children were killed in Cambodia when one of them triggered an old mine near Pailin.",
     "", "children", "pailin"),
    ("A mortar round landed in a schoolyard in the Syrian town of Douma. The dead were mostly pupils.",
     "", "pupils schoolyard", "douma"),
    ("A bomb hidden in a cart exploded in the Afghan city of Jalalabad. Among the victims was a local judge.",
     "", "judge", "jalalabad"),
    ("Gunmen raided a farm in Zimbabwe's Matabeleland in 1987. The victims included two missionaries.",
     "gunmen", "missionaries farm", "matabeleland"),
    # -- things blown up on purpose: by a named group, in the passive, "dynamited"
    ("The Baloch Liberation Army blew up a gas processing plant near Sui in 2006.",
     "baloch liberation army", "plant gas", "sui"),
    ("Two electricity pylons were blown up overnight on the outskirts of Ayacucho, Peru.",
     "", "pylons electricity", "ayacucho"),
    ("ELN guerrillas dynamited a stretch of the Cano Limon pipeline in Colombia's Norte de Santander.",
     "eln guerrillas", "pipeline stretch", "norte santander"),
    ("A railway bridge was blown up in the Indian state of Jharkhand, derailing a goods train.",
     "", "bridge railway", "jharkhand"),
    # -- a country's bare name the small model reads as something else
    ("Jihadists killed seven gendarmes in an ambush in Niger on Tuesday.", "jihadists", "gendarmes", "niger"),
    ("Bandits killed 14 villagers in Niger, the defence ministry said.", "bandits", "villagers", "niger"),
]

# measured on the 118 probes (main: 0.889, 0.632, 0.712; after the branch's sites, dateline, tripped-device,
# unplaced-town, sheltered-people, "the dead"-next, country-as-date and blown-up rules: 0.958, 0.880, 0.771), less a
# little slack for parser ties
FLOORS = {"attacker": 0.93, "target": 0.85, "place": 0.74}


def probe_results(pipeline) -> list[tuple[str, dict[str, bool]]]:
    return role_results(pipeline, PROBES, published_in_its_year)


@pytest.fixture(scope="module")
def results(pipeline):
    return probe_results(pipeline)


def test_the_probe_set_is_large_and_varied():
    assert len(PROBES) >= 80
    assert len({t for t, *_ in PROBES}) == len(PROBES)


@pytest.mark.parametrize("role", ROLES)
def test_role_rate_holds(results, role):
    assert rates(results)[role] >= FLOORS[role], [(t, h) for t, h in results if not h.get(role, True)]


def _asserted(pipeline, text):
    return [e for e in pipeline.extract(text, published="2023-05-10") if e.modality == "asserted"]


def _words(actors) -> str:
    return " ".join(a.text or "" for a in actors if a is not None)


def test_infrastructure_blown_up_is_what_was_hit(pipeline):
    ev = _asserted(pipeline, "Insurgents blew up a power pylon near the Afghan city of Kunduz.")
    assert any("pylon" in _words([e.actor2]) and e.actor2.sector == "CVL" for e in ev)


def test_the_site_acted_on_beats_a_town_read_as_a_name(pipeline):
    ev = _asserted(pipeline, "Gunmen burned a clinic in the village of Tunkara overnight.")
    assert any("clinic" in _words([e.actor2]) for e in ev)
    assert not any("Tunkara" in _words([e.actor2]) for e in ev)


def test_a_bomb_noun_hits_the_site_its_verb_went_through(pipeline):
    ev = _asserted(pipeline, "A bomb tore through a crowded bakery in Baghdad on Thursday.")
    assert any("bakery" in _words([e.actor2]) for e in ev)


def test_the_subject_after_a_dateline_acts(pipeline):
    ev = _asserted(pipeline, "QUETTA, Pakistan - A suicide bomber attacked a police training college on Monday.")
    assert any("bomber" in _words([e.actor1]) for e in ev)
    assert not any("QUETTA" in _words([e.actor1]) for e in ev)


def test_who_set_off_a_hidden_device_was_hit(pipeline):
    ev = _asserted(pipeline, "A goatherd stepped on a landmine near the Yemeni port of Mocha.")
    assert any("goatherd" in _words([e.actor2]) for e in ev)
    assert not any("goatherd" in _words([e.actor1]) for e in ev)


def test_the_people_of_a_village_attacked_are_hit(pipeline):
    ev = _asserted(pipeline, "Armed bandits attacked the hamlet of Gidan Bako at dawn.")
    assert any("hamlet" in _words([e.actor2]) and e.actor2.sector == "CVL" for e in ev)


def test_a_town_no_gazetteer_knows_keeps_its_words(pipeline):
    ev = _asserted(pipeline, "Rebels killed four miners in an ambush near Kavumbi, in eastern Congo.")
    assert any(e.location is not None and "Kavumbi" in (e.location.text or "") for e in ev)


def test_the_people_a_site_is_for_were_hit(pipeline):
    ev = _asserted(pipeline, "Bandits attacked a camp for displaced families near the Nigerian town of Zurmi.")
    assert any("camp for displaced families" in _words([e.actor2]) for e in ev)


def test_the_dead_told_next_were_hit(pipeline):
    ev = _asserted(pipeline, "A bomb exploded in Lahore, Pakistan, on Monday. The dead included three students.")
    assert any("students" in _words([e.actor2]) for e in ev)


def test_a_bare_country_name_read_as_a_date_is_the_place(pipeline):
    ev = _asserted(pipeline, "Gunmen killed 12 people in Niger.")
    assert any(e.location is not None and e.location.country == "NER" for e in ev)


def test_a_site_blown_up_in_the_passive_is_an_attack(pipeline):
    ev = _asserted(pipeline, "A gas pipeline was blown up near Quetta, Pakistan, on Sunday.")
    assert any("pipeline" in _words([e.actor2]) for e in ev)


def test_what_blows_up_by_itself_is_no_attack(pipeline):
    assert not _asserted(pipeline, "A gas tank blew up at a restaurant in Lyon, France.")


def test_an_armed_group_blowing_up_a_plant_is_no_accident(pipeline):
    ev = _asserted(pipeline, "The Ogaden National Liberation Army blew up an oil plant in Ethiopia.")
    assert any(e.actor1 is not None and "plant" in _words([e.actor2]) for e in ev)


def test_dynamited_is_an_explosion(pipeline):
    ev = _asserted(pipeline, "Rebels dynamited a road bridge in the Peruvian region of Junin.")
    assert any(e.event_type == "Explosions/Remote violence" and "bridge" in _words([e.actor2]) for e in ev)


def test_a_site_named_by_two_words_is_civilian(pipeline):
    ev = _asserted(pipeline, "Insurgents burned a health center in the Afghan province of Logar.")
    assert any("health center" in _words([e.actor2]) for e in ev)


def test_who_triggered_a_mine_was_hit(pipeline):
    ev = _asserted(pipeline, "A shepherd boy triggered a landmine in the hills outside Herat, Afghanistan.")
    assert any("boy" in _words([e.actor2]) for e in ev)
    assert not any("boy" in _words([e.actor1]) for e in ev)


def test_a_mine_triggered_from_afar_keeps_its_bomber(pipeline):
    ev = _asserted(pipeline, "Taliban fighters remotely triggered a mine under a police truck in Helmand, Afghanistan.")
    assert any("Taliban" in _words([e.actor1]) for e in ev)


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    found = probe_results(Pipeline(workers=1))
    for text, hits in found:
        missed = [r for r, ok in hits.items() if not ok]
        if missed:
            print("MISS", missed, text)
    print({r: round(v, 3) for r, v in rates(found).items()})
