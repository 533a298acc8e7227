"""A fourth probe set for who attacked whom where, written for this test (not taken from any data set) around how
document-level news names the harmed: a part of a group counted with "of" ("two of the officers", "some of the
protesters", "most of those killed", "three of them"), the harmed in a later sentence of the report ("... Four
guards were among the dead"), a noun of harm with its "of" phrase ("the assassination of the mayor", "the
kidnapping of two engineers"), the harmed of a participle ("the six soldiers killed in the ambush", "mourned the
three guards shot at the gate"), a command or plea and whom it is addressed to ("ordered the police to ...",
"urged residents to ..."), and the held of an arrest. Real and invented names, many countries and decades, wire,
local and headline styles, active and passive.

Scored as in the first set (tests/test_attack_roles_probe.py): a role is right when a content word of the
best-matching asserted event is among the probe's words (a blank list is not scored).
`python tests/test_attack_roles_probe4.py` prints the rates and every miss."""

from __future__ import annotations

import pytest

from test_attack_roles_probe import ROLES, published_in_its_year, rates, role_results

# (text, attacker words, target words, place words)
PROBES = [
    # -- a part of a group counted with "of"
    ("Two of the officers were killed in the attack on the post in Kano.",
     "", "two officers", "kano"),
    ("Some of the protesters were beaten by police in Minsk.",
     "police", "protesters some", "minsk"),
    ("Five of the miners were shot dead by the guards at the Marikana shaft.",
     "guards", "miners five", "marikana"),
    ("Three of the hostages were executed by the kidnappers outside Jolo in 2001.",
     "kidnappers", "hostages three", "jolo"),
    ("Several of the villagers were hacked to death by militiamen near Bunia.",
     "militiamen", "villagers several", "bunia"),
    ("Most of the passengers were wounded when the bomb went off on the bus in Quetta.",
     "", "passengers most", "quetta"),
    ("Four of the students were abducted by gunmen from their dormitory in Kankara.",
     "gunmen", "students four", "kankara"),
    ("Many of the worshippers were injured when a grenade exploded in the church in Garissa.",
     "", "worshippers many", "garissa"),
    ("One of the guards was stabbed by an inmate at the prison in Vilnius.",
     "inmate", "guards one", "vilnius"),
    ("Dozens of the marchers were arrested by riot police in Caracas on Saturday.",
     "police", "marchers dozens", "caracas"),
    ("All seven of the crew were killed when the helicopter was shot down near Tikrit.",
     "", "crew seven", "tikrit"),
    ("Nine of the wounded soldiers died later in hospital in Goma.",
     "", "soldiers nine", "goma"),
    ("Two of the journalists were detained by soldiers at a checkpoint outside Hebron.",
     "soldiers", "journalists two", "hebron"),
    ("A dozen of the farmers were kidnapped by bandits on their way to market in Zamfara.",
     "bandits", "farmers dozen", "zamfara"),
    ("Half of the recruits were killed when insurgents shelled the training camp in Dhamar.",
     "insurgents", "recruits half camp", "dhamar"),
    ("Eleven of the pilgrims were shot by unknown gunmen on the road near Anantnag in 2017.",
     "gunmen", "pilgrims eleven", "anantnag"),
    ("Some of the traders were robbed and beaten by soldiers in the market of Bria.",
     "soldiers", "traders some", "bria"),
    ("Three of the policemen were injured when stone-throwers attacked their vehicle in Sopore.",
     "throwers stone", "policemen three vehicle", "sopore"),
    ("Two of the Valdorian peacekeepers were wounded by sniper fire in the town of Osterholm.",
     "sniper", "peacekeepers two", "osterholm"),
    ("Six of the rebels were killed by troops in fighting near the village of Manta.",
     "troops", "rebels six", "manta"),
    # -- the counted harmed in a later sentence of the report
    ("Gunmen stormed a police post in Kaduna overnight. Two of the officers on duty were killed.",
     "gunmen", "officers post", "kaduna"),
    ("Riot police charged the crowd outside parliament in Tbilisi. Some of the demonstrators were beaten with batons.",
     "police", "demonstrators crowd", "tbilisi"),
    ("A car bomb exploded outside a hotel in Kismayo. Nine of the dead were hotel guests.",
     "", "guests dead hotel", "kismayo"),
    ("Militants ambushed an army convoy near Tillaberi. Twelve of the soldiers were killed and four are missing.",
     "militants", "soldiers convoy", "tillaberi"),
    ("A suicide bomber struck a funeral in Jalalabad in 2018. Most of those killed were mourners.",
     "bomber", "mourners", "jalalabad"),
    ("Bandits attacked a bus on the highway to Maiduguri. Three of the passengers were abducted.",
     "bandits", "passengers bus", "maiduguri"),
    ("Police raided a squat in Athens before dawn. Fifteen of the occupants were detained.",
     "police", "occupants", "athens"),
    ("Pirates boarded a tanker off the coast of Lagos. Two of the crew members were taken hostage.",
     "pirates", "crew members tanker", "lagos"),
    ("A roadside bomb hit a patrol outside Kidal. Three of the peacekeepers died of their wounds.",
     "", "peacekeepers patrol", "kidal"),
    ("Troops opened fire on a wedding party in the village of Tora. Eight of the guests were killed.",
     "troops", "guests party wedding", "tora"),
    # -- a part of a group told before: "N of them" names the harmed by the count (the party is the antecedent)
    ("Militants stormed a hotel in Beledweyne on Friday. Nine of them were later killed by soldiers.",
     "soldiers", "nine", "beledweyne"),
    ("The rebels of the Kivu Front attacked Rutshuru in 2008. Troops captured four of them.",
     "troops", "four", "rutshuru"),
    ("Smugglers crossed the border near Zahedan at night. Guards shot two of them dead.",
     "guards", "two", "zahedan"),
    ("Hundreds of migrants stormed the fence at Melilla. Police beat several of them with batons.",
     "police", "several", "melilla"),
    # -- the head noun kept when the party is named after it ("a commander of X", "men suspected of links to X")
    ("A drone strike killed a commander of the Haqqani network in Miranshah.",
     "", "commander", "miranshah"),
    ("Police arrested 30 people suspected of links to the Islamic State in Konya.",
     "police", "people", "konya"),
    ("Troops killed five men suspected of belonging to Boko Haram near Gwoza in 2015.",
     "troops", "men", "gwoza"),
    ("Soldiers shot dead a spokesman of the Ogaden National Liberation Front near Degehabur.",
     "soldiers", "spokesman", "degehabur"),
    ("Unknown gunmen killed a leader of the ruling party in the town of Kericho.",
     "gunmen", "leader", "kericho"),
    ("Security forces detained two activists of the April 6 Youth Movement in Alexandria.",
     "forces security", "activists", "alexandria"),
    ("An air strike killed the deputy leader of the Tarvani Resistance Front in the hills above Morsk.",
     "", "deputy leader", "morsk"),
    ("Police in Lahore arrested a suspect linked to Lashkar-e-Jhangvi over the bombing.",
     "police", "suspect", "lahore"),
    # -- a noun of harm with its "of" phrase
    ("The assassination of the mayor of Ciudad Altamirano shocked the state of Guerrero in 2018.",
     "", "mayor", "altamirano guerrero"),
    ("Police are investigating the murder of a Kenyan journalist in the town of Eldoret.",
     "", "journalist", "eldoret"),
    ("The kidnapping of two Chinese engineers near Peshawar was blamed on the Pakistani Taliban.",
     "taliban", "engineers", "peshawar"),
    ("The killing of three aid workers by gunmen in Darfur drew condemnation from the United Nations.",
     "gunmen", "workers aid", "darfur"),
    ("The abduction of the bishop of Aleppo by an armed gang in 2013 was never solved.",
     "gang", "bishop", "aleppo"),
    ("The beheading of a French teacher outside his school near Paris shocked the country.",
     "", "teacher", "paris"),
    ("The execution of five prisoners by the rebels in Bangui was denounced by rights groups.",
     "rebels", "prisoners", "bangui"),
    ("The stabbing of an imam outside a mosque in Dunedin was caught on camera.",
     "", "imam", "dunedin"),
    ("The shooting of two constables in Ballymena was claimed by the New IRA.",
     "ira", "constables", "ballymena"),
    ("The lynching of a trader by a mob in Kisumu was filmed by passers-by.",
     "mob", "trader", "kisumu"),
    ("The arrest of the opposition leader in Kampala sparked riots.",
     "", "leader opposition", "kampala"),
    ("The detention of four activists in Harare was condemned by Amnesty International.",
     "", "activists", "harare"),
    # -- the harmed of a participle
    ("The president mourned the six soldiers killed in the ambush near Diffa.",
     "", "soldiers", "diffa"),
    ("Relatives buried the three guards shot at the gate of the mine in Obuasi.",
     "", "guards", "obuasi"),
    ("Hundreds attended the funeral of the two teenagers killed by police in Nairobi.",
     "police", "teenagers", "nairobi"),
    ("The army said the four militants killed in the raid in Tral were members of Jaish.",
     "", "militants", "tral"),
    ("The governor visited the twenty villagers wounded in the attack on Kagoro in 2011.",
     "", "villagers", "kagoro"),
    ("The ministry named the two pilots killed when their jet was shot down over Hama.",
     "", "pilots", "hama"),
    ("The families of the nine miners abducted near Segou appealed for their release.",
     "", "miners", "segou"),
    ("A memorial was held for the seven firefighters killed in the blast in Beirut.",
     "", "firefighters", "beirut"),
    ("The Red Cross evacuated the twelve civilians injured in the shelling of Avdiivka.",
     "", "civilians", "avdiivka"),
    ("The bodies of the five fishermen killed by pirates off Sibu were recovered.",
     "pirates", "fishermen", "sibu"),
    # -- a command or plea and whom it is addressed to
    ("The interior minister instructed all police chiefs to step up patrols around schools in Lyon.",
     "minister", "police chiefs", ""),
    ("The governor ordered the army to clear the barricades in Cochabamba.",
     "governor", "army", "cochabamba"),
    ("Police urged residents of Solna to stay indoors after the explosion.",
     "police", "residents", "solna"),
    ("The mayor asked the protesters to leave the square in Yerevan.",
     "mayor", "protesters", "yerevan"),
    ("The general told his troops to hold the bridge at Remagen in 1945.",
     "general", "troops", "remagen"),
    ("The UN called on both sides to halt the fighting in Tigray.",
     "un", "sides", "tigray"),
    ("Health officials advised travellers to avoid the province of Ituri.",
     "officials", "travellers", ""),
    ("The junta commanded the rebels to surrender their weapons in Bamako.",
     "junta", "rebels", "bamako"),
    ("Prime Minister Halvorsen told the Varnian army to withdraw from the border town of Kessel.",
     "halvorsen", "army varnian", "kessel"),
    ("The bishop appealed to the gangs to end the violence in Port-au-Prince.",
     "bishop", "gangs", "port prince"),
    # -- the held of an arrest
    ("Police arrested two brothers in Manchester over the concert bombing.",
     "police", "brothers", "manchester"),
    ("Three suspects were detained by the security forces in Batna on Sunday.",
     "forces security", "suspects", "batna"),
    ("Soldiers seized the editor of an opposition newspaper at his home in Conakry.",
     "soldiers", "editor", "conakry"),
    ("Turkish police detained 40 people suspected of links to the Islamic State in Izmir.",
     "police", "people", "izmir"),
    ("The secret police picked up a student leader in Rangoon in 1988.",
     "police", "leader student", "rangoon"),
    ("Border guards arrested five migrants near the village of Tarnova.",
     "guards border", "migrants", "tarnova"),
    ("Authorities in Dhaka arrested a man suspected of planning the cafe attack.",
     "authorities", "man", "dhaka"),
    ("Two teachers were taken into custody in Tehran for joining the strike.",
     "", "teachers", "tehran"),
    # -- active and passive attacks, mixed styles (the harmed named in the clause)
    ("Al-Shabaab fighters killed four soldiers in an attack on a base in Bulo Burde.",
     "shabaab fighters", "soldiers base", "bulo burde"),
    ("A drone strike killed three members of the Haqqani network in North Waziristan.",
     "", "members haqqani", "waziristan"),
    ("Gunmen kill 12 worshippers at mosque in Zamfara",
     "gunmen", "worshippers mosque", "zamfara"),
    ("Five policemen killed in ambush near Kandahar",
     "", "policemen", "kandahar"),
    ("Unidentified assailants shot dead a Catholic priest in the parish of Ticuantepe in 1991.",
     "assailants", "priest", "ticuantepe"),
    ("A suicide bomber killed nine recruits at an army training centre in Mogadishu.",
     "bomber", "recruits centre", "mogadishu"),
    ("A mob burned alive two men accused of theft in the town of Ozubulu.",
     "mob", "men", "ozubulu"),
    ("Twenty insurgents were killed in air strikes on their hideouts in Badghis.",
     "", "insurgents", "badghis"),
    ("The Sorvan Defence Force shelled the village of Dralja, wounding two women.",
     "sorvan defence force", "women village", "dralja"),
    ("Masked men abducted a businessman from his car in the town of Cucuta.",
     "men masked", "businessman", "cucuta"),
    ("A sniper wounded two aid workers near the front line at Marinka.",
     "sniper", "workers aid", "marinka"),
    ("Jihadists killed a village chief and his son near Djibo in 2019.",
     "jihadists", "chief son", "djibo"),
    ("Police fired tear gas at students marching in Santiago.",
     "police", "students", "santiago"),
    ("A bomb planted under a car killed a prosecutor in Cairo.",
     "", "prosecutor", "cairo"),
    ("Protesters attacked a police station in Sidi Bouzid, injuring three officers.",
     "protesters", "officers station police", "sidi bouzid"),
    ("Six civilians were killed by a landmine on a road outside Kharkiv.",
     "", "civilians", "kharkiv"),
]

# measured on the 98 probes (main: 0.826, 0.633, 0.802; after the partitive, harm-noun, "N of them" and head-kept
# rules: 0.826, 0.806, 0.802), less a little slack for parser ties
FLOORS = {"attacker": 0.80, "target": 0.78, "place": 0.78}


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


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    found = probe_results(Pipeline(workers=1))
    for text, hits in found:
        missed = [r for r, ok in hits.items() if not ok]
        if missed:
            print("MISS", missed, text)
    print({r: round(v, 3) for r, v in rates(found).items()}, len(found))
