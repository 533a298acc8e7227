"""A second probe set for who attacked whom, written for this test (not taken from any data set) around the
families the first set (tests/test_attack_roles_probe.py) leaves thin: the harmed named by a role or a count ("three
soldiers", "a police officer and his son", "worshippers", "the convoy of the governor"), the target of a noun of
attack ("an attack on X", "the bombing of X", "X came under attack"), headline verbs read as nouns ("Al-Shabaab
attacks AU base"), passives without "by" ("X were ambushed"), the attacker named in the next sentence ("Police blamed
the Y"), suicide bombers, kidnappers and their captives, and two parties joined by "and" after "of" or "from".
Real and invented names, many countries, wire, local and headline styles.

Scored as in the first set: a role is right when a content word of the best-matching asserted event is among the
probe's words (a blank list is not scored). `python tests/test_attack_roles_probe2.py` prints the rates and every
miss."""

from __future__ import annotations

import pytest

from test_attack_roles_probe import ROLES, rates, role_results

# (text, attacker words, target words, place words)
PROBES = [
    # -- the harmed named by a role, a relation or a count
    ("Three soldiers were killed when militants attacked an army post near Gao.",
     "militants", "soldiers post army", "gao"),
    ("Gunmen shot dead a police officer and his son at their home in Ciudad Juarez.",
     "gunmen", "officer police son", "ciudad juarez"),
    ("Unknown attackers killed four worshippers during evening prayers in the village of Kpendjal.",
     "attackers", "worshippers", "kpendjal"),
    ("Militants ambushed the convoy of the governor of Kunar province, wounding two of his guards.",
     "militants", "convoy governor guards", "kunar"),
    ("A teacher and two of his pupils were shot dead by suspected separatists near Bamenda.",
     "separatists", "teacher pupils", "bamenda"),
    ("Bandits killed a village head and his wife in Tsafe, Zamfara state, on Sunday night.",
     "bandits", "head wife village", "tsafe zamfara"),
    ("Assailants on motorcycles shot two nurses outside a clinic in Thiaroye.",
     "assailants", "nurses clinic", "thiaroye"),
    ("Six pilgrims died when gunmen opened fire on their bus near the shrine of Varnet.",
     "gunmen", "pilgrims bus", "varnet"),
    ("The rebels executed eleven farmers they accused of spying for the army near Beni.",
     "rebels", "farmers", "beni"),
    ("Two election officials and a driver were killed by a roadside bomb in Helmand's Nad Ali district.",
     "", "officials driver election", "nad ali helmand"),
    ("Gunmen killed the mayor of Tovarsk and three of his bodyguards in an ambush on Friday.",
     "gunmen", "mayor bodyguards", "tovarsk"),
    ("Jihadists killed 14 villagers in an attack on Solhan in Burkina Faso's Yagha province.",
     "jihadists", "villagers solhan", "solhan yagha"),
    ("Herders killed a pastor and five members of his congregation in the village of Ruvak.",
     "herders", "pastor members congregation", "ruvak"),
    ("Militiamen beat a local journalist and his cameraman in the town of Kaloko.",
     "militiamen", "journalist cameraman", "kaloko"),
    ("An off-duty policeman was stabbed to death by a gang in the Nairobi suburb of Kayole.",
     "gang", "policeman", "kayole nairobi"),
    # -- the target of a noun of attack
    ("The attack on the Westgate shopping mall in Nairobi killed 67 people.",
     "", "mall westgate people", "nairobi"),
    ("The bombing of the Corvena railway station left nine people dead.",
     "", "station railway corvena people", "corvena"),
    ("An army base in the town of Dakhla came under attack late on Tuesday.",
     "", "base army", "dakhla"),
    ("Al-Shabaab said its fighters carried out the assault on the Ethiopian base at Halgan.",
     "shabaab fighters", "base ethiopian", "halgan"),
    ("The shooting at a synagogue in Pittsburgh left eleven worshippers dead.",
     "", "synagogue worshippers", "pittsburgh"),
    ("The raid on the village of Koro by armed men lasted several hours.",
     "armed men", "village koro", "koro"),
    ("A police patrol came under fire from militants in the Kurram tribal district.",
     "militants", "patrol police", "kurram"),
    ("The massacre of 30 villagers in Mbulu was blamed on the Dorvani militia.",
     "dorvani militia", "villagers", "mbulu"),
    ("The ambush on the supply convoy near Tessit killed five soldiers.",
     "", "convoy soldiers", "tessit"),
    ("The Karsan Liberation Front claimed the rocket attack on the air base at Vetra.",
     "karsan liberation front", "base air", "vetra"),
    ("The firebombing of a refugee hostel in the town of Solingen killed a family of five.",
     "", "hostel refugee family", "solingen"),
    ("A checkpoint manned by border guards came under heavy fire near the town of Zarand.",
     "", "checkpoint guards", "zarand"),
    ("The storming of the parliament building in Tirana by protesters left dozens injured.",
     "protesters", "parliament building", "tirana"),
    ("Investigators said the assault on the embassy compound in Benghazi was planned by Ansar al-Sharia.",
     "ansar sharia", "embassy compound", "benghazi"),
    ("The suicide bombing of a wedding hall in Kabul killed 63 guests.",
     "", "wedding hall guests", "kabul"),
    # -- headline verbs read as nouns
    ("Al-Shabaab attacks AU base in Somalia", "shabaab", "base au", "somalia"),
    ("Militants attack police station in Dagestan", "militants", "station police", "dagestan"),
    ("Gunmen kidnap two engineers in southern Nigeria", "gunmen", "engineers", "nigeria"),
    ("Rebels ambush army convoy in eastern Congo", "rebels", "convoy army", "congo"),
    ("Taliban storm prison in Ghazni, free hundreds of inmates", "taliban", "prison", "ghazni"),
    ("Bandits raid village in Katsina, kill 12", "bandits", "village 12", "katsina"),
    ("Jihadists attack military camp in northern Burkina Faso", "jihadists", "camp military", "burkina faso"),
    ("Houthis target Saudi oil facility with drones", "houthis", "facility oil saudi", ""),
    ("Boko Haram fighters attack Nigerian town of Dikwa", "boko haram fighters", "town dikwa", "dikwa"),
    ("Suicide bomber targets police academy in Kabul", "bomber", "academy police", "kabul"),
    ("Gunmen attack bus carrying Christians in Egypt", "gunmen", "bus christians", "egypt"),
    ("Rebels torch homes in Ituri village", "rebels", "homes", "ituri"),
    # -- passives without "by"
    ("Four border guards were ambushed and killed near the Tajik town of Ishkashim.",
     "", "guards border", "ishkashim"),
    ("Two tourists were kidnapped while hiking in the mountains near Zhob.",
     "", "tourists", "zhob"),
    ("A convoy of aid trucks was attacked on the road between Gedaref and Kassala.",
     "", "convoy trucks aid", "gedaref kassala"),
    ("Dozens of houses were burned in the village of Rankar overnight.",
     "", "houses", "rankar"),
    ("A prominent cleric was assassinated outside his mosque in Mosul on Thursday.",
     "", "cleric", "mosul"),
    ("Several soldiers were wounded when their patrol was ambushed in the Menaka region.",
     "", "soldiers patrol", "menaka"),
    ("The offices of the ruling party were set on fire in the city of Lubumbashi.",
     "", "offices party", "lubumbashi"),
    ("A police post in the village of Tirak was overrun overnight.",
     "", "post police", "tirak"),
    ("Five aid workers were abducted in the Upper Nile region of South Sudan on Monday.",
     "", "aid workers", "upper nile"),
    ("Worshippers were attacked as they left a church in the town of Ekwulobia.",
     "", "worshippers", "ekwulobia"),
    # -- the attacker named in the next sentence
    ("A bomb exploded near a police station in Quetta, killing three officers. Police blamed the Balochistan "
     "Liberation Army.", "balochistan liberation army", "station police officers", "quetta"),
    ("Gunmen killed nine miners at a gold mine in the Tillaberi region. Officials blamed the Islamic State in the "
     "Greater Sahara.", "gunmen islamic state", "miners mine", "tillaberi"),
    ("An explosion tore through a market in the town of Kolofata, killing 11 people. Authorities blamed Boko "
     "Haram.", "boko haram", "market people", "kolofata"),
    ("Four soldiers were killed when their truck hit a mine near Sevare. The army said jihadists had planted the "
     "device.", "jihadists", "soldiers truck", "sevare"),
    ("Attackers set fire to a school in the village of Bodri overnight. The governor blamed the Marvan Brigades.",
     "attackers marvan brigades", "school", "bodri"),
    ("A police convoy was ambushed near the town of Kesra. The Teloran People's Army said it carried out the "
     "attack.", "teloran people army", "convoy police", "kesra"),
    # -- suicide bombers
    ("A suicide bomber killed 12 soldiers at a checkpoint outside Mogadishu.",
     "bomber", "soldiers checkpoint", "mogadishu"),
    ("A female suicide bomber detonated her explosives at a bus station in Maroua, killing seven.",
     "bomber", "station", "maroua"),
    ("Two suicide bombers struck a Shiite mosque in the Pakistani city of Peshawar during Friday prayers.",
     "bombers", "mosque shiite", "peshawar"),
    ("A suicide car bomber attacked a convoy of French troops near Gossi.",
     "bomber", "convoy troops french", "gossi"),
    ("The suicide bomber, a teenage boy, blew himself up among mourners in Jalalabad.",
     "bomber", "mourners", "jalalabad"),
    ("Police said a suicide bomber targeted the offices of the election commission in Kandahar.",
     "bomber", "offices commission", "kandahar"),
    # -- kidnappers and their captives
    ("Kidnappers seized two engineers working on a road project near Warri.",
     "kidnappers", "engineers", "warri"),
    ("Armed men abducted a Catholic priest from his parish in the town of Kontagora.",
     "armed men", "priest", "kontagora"),
    ("Pirates kidnapped six crew members of a cargo ship off the coast of Benin.",
     "pirates", "crew members", "benin"),
    ("Gunmen seized 20 passengers from a bus travelling between Zaria and Kano.",
     "gunmen", "passengers", "zaria kano"),
    ("The Dastani Front abducted three foreign aid workers in the town of Rekhal.",
     "dastani front", "aid workers", "rekhal"),
    ("Bandits kidnapped a district judge and his driver on the road to Sokoto.",
     "bandits", "judge driver", "sokoto"),
    ("Suspected ELN guerrillas kidnapped two oil workers in the Colombian province of Arauca.",
     "eln guerrillas", "workers oil", "arauca"),
    ("Kidnappers abducted the daughter of a wealthy businessman in the city of Port Harcourt.",
     "kidnappers", "daughter businessman", "port harcourt"),
    # -- two parties joined by "and" after "of" or "from"
    ("The fighting left dozens of soldiers and civilians dead in the town of Marib.",
     "", "soldiers civilians", "marib"),
    ("Gunmen killed members of the police and the army in an attack near Tillia.",
     "gunmen", "police army members", "tillia"),
    ("Militants fired on a group of teachers and students from the Vandor college near Kesh.",
     "militants", "teachers students", "kesh"),
    ("Fighters from the Hasran Brigade and the Tuvel Front attacked government positions in Orsa.",
     "hasran tuvel", "positions government", "orsa"),
    ("Attackers killed a number of police officers and civilians in the town of Kadugli.",
     "attackers", "officers police civilians", "kadugli"),
    ("Members of the Red Hand and the Black Cobra gangs attacked a police station in Cap-Haitien.",
     "red hand black cobra gangs", "station police", "cap haitien"),
    # -- more wire and local styles
    ("Separatists in Ambazonia shot dead a gendarme at a checkpoint on the outskirts of Buea.",
     "separatists", "gendarme checkpoint", "buea"),
    ("A man armed with a knife attacked passengers on a train near Wurzburg, injuring five.",
     "man", "passengers train", "wurzburg"),
    ("Insurgents fired mortars at the presidential palace in Mogadishu on Sunday.",
     "insurgents", "palace presidential", "mogadishu"),
    ("Government troops shelled a hospital in the rebel-held town of Saraqeb.",
     "government troops", "hospital", "saraqeb"),
    ("Militants in the Lake Chad region killed 18 fishermen near Baga Sola.",
     "militants", "fishermen", "baga sola"),
    ("Police said two men attacked a security guard outside a bank in Mombasa.",
     "men", "guard security bank", "mombasa"),
    ("A mob lynched two men accused of witchcraft in the village of Kibuye.",
     "mob", "men", "kibuye"),
    ("Soldiers killed five suspected militants in a raid on a hideout in the Sambisa forest.",
     "soldiers", "militants hideout", "sambisa"),
    ("A drone attack hit a convoy carrying the commander of the Korvan militia near Sirte.",
     "", "convoy commander korvan", "sirte"),
    ("A bomb hidden in a motorcycle exploded at the entrance to a bank in Kandahar, wounding nine.",
     "", "bank", "kandahar"),
    ("The Marsa Front, a separatist group, ambushed a police patrol near Kufra.",
     "marsa front", "patrol police", "kufra"),
    ("Rebels of the Tabor Brigade and the Union of Forces for Justice shelled the town of Birao.",
     "tabor brigade union forces justice rebels", "town birao", "birao"),
]

# measured on the set when the roles code last changed (0.824, 0.778, 0.663; before the attack frames: 0.794,
# 0.733, 0.663), less a little slack for parser ties
FLOORS = {"attacker": 0.81, "target": 0.76, "place": 0.65}


def probe_results(pipeline) -> list[tuple[str, dict[str, bool]]]:
    return role_results(pipeline, PROBES)


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
    return " ".join(f"{a.name} {a.text or ''}" for a in actors if a is not None)


def test_people_seized_by_kidnappers_are_abducted(pipeline):
    ev = _asserted(pipeline, "Kidnappers seized four teachers from a school near Ilorin on Monday.")
    assert any(e.sub_event_type == "Abduction/forced disappearance" and "teachers" in _words([e.actor2])
               and "Kidnappers" in _words([e.actor1]) for e in ev)


def test_people_seized_by_police_are_no_abduction(pipeline):
    ev = _asserted(pipeline, "Police seized twelve workers at a factory in Ibadan.")
    assert not any(e.sub_event_type == "Abduction/forced disappearance" for e in ev)


def test_a_site_under_attack_is_hit_by_the_party_it_came_under_attack_from(pipeline):
    ev = _asserted(pipeline, "A military outpost near Tal Tamr came under attack from Islamic State fighters.")
    assert any("Islamic State" in _words([e.actor1]) and "outpost" in _words([e.actor2]) for e in ev)
    assert not any("outpost" in _words([e.actor1]) for e in ev)


def test_a_verbless_headline_names_who_attacked_what(pipeline):
    ev = _asserted(pipeline, "Boko Haram attacks army base in Borno")
    assert any("Boko Haram" in _words([e.actor1]) and "base" in _words([e.actor2]) for e in ev)


def test_a_headline_on_the_suspect_of_attacks_names_no_attack_on_him(pipeline):
    ev = _asserted(pipeline, "Brussels attacks suspect extradited to France")
    assert not any("suspect" in _words([e.actor2]) and e.event_type != "Strategic developments" for e in ev)


def test_every_named_group_joined_after_from_attacks(pipeline):
    ev = _asserted(pipeline, "Fighters from Ahrar al-Sham and Hayat Tahrir al-Sham attacked regime positions near Latakia.")
    assert any("Ahrar" in _words([e.actor1, *e.assoc_actor1]) and "Tahrir" in _words([e.actor1, *e.assoc_actor1])
               for e in ev)


def test_an_unknown_front_by_its_name_is_a_party(pipeline):
    ev = _asserted(pipeline, "The Vessan Popular Front attacked a police station in the town of Kirov.")
    assert any("Vessan" in _words([e.actor1]) for e in ev)


def test_a_blast_among_people_hits_them(pipeline):
    ev = _asserted(pipeline, "A suicide bomber blew himself up among worshippers leaving a mosque in Maiduguri.")
    assert any("worshippers" in _words([e.actor2]) for e in ev)


def test_the_site_whose_entrance_a_bomb_hit_is_the_target(pipeline):
    ev = _asserted(pipeline, "A bomb exploded at the entrance to a hotel in Mogadishu.")
    assert any("hotel" in _words([e.actor2]) for e in ev)


def test_verbs_joined_by_and_share_their_object(pipeline):
    ev = _asserted(pipeline, "Gunmen shot and killed a bus driver near the town of Funtua.")
    assert any("driver" in _words([e.actor2]) for e in ev)


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    found = probe_results(Pipeline(workers=1))
    for text, hits in found:
        missed = [r for r, ok in hits.items() if not ok]
        if missed:
            print("MISS", missed, text)
    print({r: round(v, 3) for r, v in rates(found).items()})
