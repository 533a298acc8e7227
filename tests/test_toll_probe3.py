"""A third probe set of tolls (issue 12): sentences and short reports written for these tests, none taken from any
evaluation data, with the toll ACLED would give the article's main event. Families the first two sets
(tests/test_toll_probe.py, tests/test_toll_probe2.py) do not cover:

  attempts      a killing tried, planned or failed ("during an attempt to assassinate the minister", "tried to kill
                the judge") kills no one; the dead the sentence does count stand
  apposition    a name the tagger reads as a place or a group, told a person by its apposition ("Vail, a former
                councillor, was killed"), and a title with the man's name in apposition before "and N others"
                ("Deputy Chief of Staff Ana Ruiz and three others": the name is the titled one, not one more)
  dead_object   "shooting dead a person", the object hung on "dead" by the parse
  ages          ages in words are no count ("killed twenty-five-years-old X"), and an age makes a name a person's
  asides        a bracketed aside between the count and its death word ("38 people (mostly tourists) were killed")
  parts         "four aid workers were among the dead": a part of the dead told before, never the event's toll

Each family has a floor on its rate; `python tests/test_toll_probe3.py` prints the rates and every miss."""

from __future__ import annotations

import pytest

from probes import family_rates, print_family_misses, toll_results

# (family, toll of the main event, text)
PROBES = [
    # -- attempts: the killing tried is no death
    ("attempts", 4, "A female suicide bomber killed four policemen during an attempt to assassinate party leader "
                    "Douglas Devananda."),
    ("attempts", 0, "Gunmen opened fire on the convoy of the governor of Kandahar in an attempt to kill him."),
    ("attempts", 2, "Two bodyguards were killed when militants tried to assassinate the mayor of Kismayo."),
    ("attempts", 0, "A man armed with a knife stabbed a guard outside the embassy in Paris in an attempt to kill the "
                    "ambassador."),
    ("attempts", 0, "Police foiled a plot to murder the prime minister of Armenia, officials said on Friday."),
    ("attempts", 3, "A car bomb aimed at the justice minister killed three passers-by in a failed bid to assassinate "
                    "him in Mogadishu."),
    ("attempts", 0, "The rebels attacked the army post near Beni but failed to kill any soldiers."),
    ("attempts", 1, "A sniper shot dead a soldier in Hebron in what the army called an attempt to kill "
                    "the patrol commander."),
    ("attempts", 0, "An assailant threw a grenade at the car of the judge in Tegucigalpa in a bid to kill him."),
    ("attempts", 0, "Separatists ambushed the motorcade of the minister of mines in an effort to kill him near "
                    "Bamenda."),
    ("attempts", 5, "Five civilians died when the Taliban attacked the district chief's house in an attempt to "
                    "kill him."),
    ("attempts", 0, "A suicide bomber rammed a car into the gate of the prison in Bannu, seeking to kill the guards."),
    ("attempts", 2, "Gunmen shot dead two guards at the gate of the court in Peshawar in a bid to kill the judge."),
    ("attempts", 1, "An unknown gunman killed the driver of a senator in Zamboanga in an attempt to assassinate "
                    "the senator."),
    ("attempts", 0, "Jihadists fired rockets at the residence of the governor of Tillaberi in an attempt to kill "
                    "him."),
    # -- apposition: the name told a person; the title's own name
    ("apposition", 1, "Assailants opened fire on Edmund Turk Vail in Dancalan village. Vail, a former councilor, was "
                      "killed and one of his companions was injured in the attack."),
    ("apposition", 4, "Sri Lankan Army Deputy Chief of Staff Parami Kulatunga and three others are killed by a "
                      "suicide bomber."),
    ("apposition", 3, "Deputy Police Commissioner Amir Lodhi and two others were killed by a roadside bomb in "
                      "Quetta."),
    ("apposition", 5, "The chief of staff of the governor, Musa Bello, and four others were shot dead in Kaduna."),
    ("apposition", 1, "Gunmen shot dead Kumasi, a local councillor, outside his shop in Tamale."),
    ("apposition", 1, "Obregon, a retired teacher, was killed by unknown gunmen in Cauca."),
    ("apposition", 3, "Provincial Council Chairman Haji Rahim and two guards were killed in an ambush in Helmand."),
    ("apposition", 1, "Militants shot dead Pulwama, a police constable, near his house in Tral."),
    ("apposition", 4, "Former Interior Minister Ahmed Sule and three of his aides were killed by a car bomb in "
                      "Mogadishu."),
    ("apposition", 1, "Kano, a village chief, was killed by bandits on the road to Gusau."),
    ("apposition", 2, "District Commissioner Peter Otieno and his driver were killed when gunmen attacked their "
                      "car near Mandera."),
    ("apposition", 6, "Major General Ivan Petrov and five other officers were killed in a bombing in Damascus."),
    ("apposition", 1, "Guerrero, a local journalist, was shot dead in Acapulco on Tuesday."),
    ("apposition", 1, "Dominica, a health worker, was killed by militiamen in Ituri."),
    ("apposition", 3, "Senator Maria Lopez and two bodyguards were killed in an ambush near Cucuta."),
    # -- the object hung on "dead"
    ("dead_object", 1, "Eight militants attacked the village in the Macomia district shooting dead a person and "
                       "wounding another one."),
    ("dead_object", 2, "Gunmen stormed the market shooting dead two traders and injuring five others."),
    ("dead_object", 1, "Bandits raided the town of Zurmi shooting dead a farmer and abducting his wife."),
    ("dead_object", 3, "The rebels attacked a checkpoint in the Rutshuru territory shooting dead three soldiers."),
    ("dead_object", 1, "Armed men attacked a bus near Mopti in the Bandiagara district shooting dead the driver."),
    ("dead_object", 4, "Militants raided a police post near Pattani, shooting dead four officers."),
    ("dead_object", 1, "Unknown gunmen shot dead a constable in Pulwama."),
    ("dead_object", 2, "Assailants on a motorbike shot dead two policemen at a checkpoint in Quetta."),
    ("dead_object", 1, "Herders raided the village of Agatu shooting dead a youth."),
    ("dead_object", 5, "Gunmen entered the church in Ondo shooting dead five worshippers."),
    ("dead_object", 1, "Suspected separatists ambushed the convoy in the Ndop area shooting dead a gendarme."),
    ("dead_object", 2, "The attackers opened fire in the village of Kara shooting dead a man and his son."),
    ("dead_object", 3, "Jihadists attacked the village of Solhan shooting dead three volunteers."),
    ("dead_object", 1, "A gunman burst into the office in the Sanaag region shooting dead a clerk."),
    ("dead_object", 6, "Militants ambushed a truck in Kidal shooting dead six passengers."),
    # -- ages are no counts; an age makes a name a person's
    ("ages", 1, "Khaled Koutineh rammed his car into people waiting at a bus stop in Jerusalem, killed "
                "twenty-five-years-old Shalom Sherki and injured another twenty-years-old Shira Klein."),
    ("ages", 1, "A gunman killed twenty-two-year-old Amos Tal at a petrol station in Beersheba."),
    ("ages", 1, "Militants shot dead thirty-year-old Bashir Noor in Baidoa."),
    ("ages", 1, "The attackers killed a forty-five-year-old farmer near Makurdi."),
    ("ages", 2, "A bomb killed a six-year-old girl and her mother in Gao."),
    ("ages", 1, "Unknown assailants stabbed to death nineteen-year-old Yael Cohen in Haifa."),
    ("ages", 1, "A stray mortar killed 12-year-old Omar Saleh in Taiz."),
    ("ages", 1, "Police said gunmen killed sixty-year-old Pedro Alvarez outside his farm in Tumaco."),
    ("ages", 1, "Gunmen killed a seventy-year-old priest in Enugu."),
    ("ages", 1, "A settler shot dead eighteen-year-old Ahmad Qasem near Nablus."),
    ("ages", 2, "Gunmen killed two-year-old Sara Mendez and her father in Culiacan."),
    ("ages", 1, "A suicide bomber killed a fifty-five-year-old shopkeeper in Kirkuk."),
    ("ages", 1, "Bandits murdered twenty-eight-year-old Musa Garba near Katsina."),
    ("ages", 1, "A roadside bomb killed forty-year-old Hamid Karimi in Herat."),
    ("ages", 1, "The militia executed thirty-five-year-old Samuel Deng in Bor."),
    # -- bracketed asides between the count and the death word
    ("asides", 38, "In the Tunisian town of Sousse, 38 people (mostly Western tourists, with the majority being "
                   "British) were killed by armed gunmen."),
    ("asides", 12, "12 people (including three children) were killed when gunmen attacked a village in Plateau."),
    ("asides", 7, "Seven soldiers (two of them officers) were killed in the ambush near Inates."),
    ("asides", 5, "Five civilians (all from one family) died when a shell hit their house in Donetsk."),
    ("asides", 20, "At least 20 worshippers (most of them women) were killed in the bombing of the mosque in "
                   "Kano."),
    ("asides", 9, "Nine policemen (among them a district commander) were killed in an attack in Kech."),
    ("asides", 3, "Three aid workers (two Kenyans and a Somali) were killed by gunmen near Dadaab."),
    ("asides", 15, "In Maiduguri, 15 people (traders and customers) were killed when a bomb exploded at the "
                   "market."),
    ("asides", 4, "Four miners (all foreigners) were killed in an attack on a gold site near Kombissiri."),
    ("asides", 6, "Six pilgrims (four Iranians and two Iraqis) were killed in a bombing in Karbala."),
    ("asides", 11, "Eleven passengers (mostly students) died when gunmen set the bus on fire near Mopti."),
    ("asides", 25, "25 soldiers (according to the army) were killed when militants overran the base at Boulkessi."),
    ("asides", 8, "Eight villagers (five men and three women) were massacred by militiamen near Djugu."),
    ("asides", 2, "Two journalists (a reporter and a cameraman) were killed in shelling on Mariupol."),
    ("asides", 30, "In the town of Kumba, 30 people (most of them pupils) were killed by gunmen."),
    # -- a part of the dead is no toll of the event
    ("parts", 7, "Militants detonated a bomb in a United Nations bus in Garoowe. Two Kenyans, one Ugandan, one "
                 "Afghan and three Somalis were killed and four Somalis were wounded. Four UNICEF workers were "
                 "among the dead."),
    ("parts", 11, "Gunmen stormed a hotel in Bamako. Eleven people were killed and six wounded. Two French "
                  "nationals were among the dead."),
    ("parts", 9, "A suicide bomber struck a funeral in Nangarhar. Nine mourners were killed and 20 injured. A "
                 "tribal elder was among the dead."),
    ("parts", 6, "A car bomb exploded outside a police station in Diyarbakir. Six people were killed and 30 "
                 "wounded. Three policemen were among the dead."),
    ("parts", 14, "Militants attacked a bus near Mandera. Fourteen passengers were killed. Five teachers were "
                  "among the dead."),
    ("parts", 8, "A bomb went off at a market in Peshawar. Eight people were killed and 40 wounded. Two children "
                 "were among the dead."),
    ("parts", 5, "Gunmen attacked a church in Ouagadougou. Five worshippers were killed. The pastor was among "
                 "the dead."),
    ("parts", 10, "A truck bomb hit a checkpoint in Mogadishu. Ten people were killed and 17 wounded. Four "
                  "soldiers were among the dead."),
    ("parts", 12, "Jihadists attacked a village near Djibo. Twelve villagers were killed. Three women were among "
                  "the dead."),
    ("parts", 16, "A bomb exploded in a mosque in Quetta. Sixteen worshippers were killed. Two police officers "
                  "were among the dead."),
    ("parts", 4, "A rocket hit a house in Ashkelon. Four people were killed. A baby was among the dead."),
    ("parts", 20, "A bomb ripped through a bus station in Kaduna. Twenty people were killed. Six students were "
                  "among the dead."),
    ("parts", 3, "Gunmen opened fire on a minibus near Bamenda. Three passengers were killed. A nurse was among "
                 "the dead."),
    ("parts", 13, "A suicide attack hit a wedding in Kunduz. Thirteen guests were killed. The groom was among the "
                  "dead."),
    ("parts", 7, "A mortar shell hit a school in Taiz. Seven pupils were killed. Two sisters were among the dead."),
    # -- the dead and the wounded denied through the reports of them: nobody died
    ("denied", 0, "A car bomb exploded near the parliament in Mogadishu; no reports of injuries or deaths have been "
                  "reported so far."),
    ("denied", 0, "A grenade exploded outside a bar in Goma, but there were no reports of deaths or injuries."),
    ("denied", 0, "A bomb went off near a bank in Athens with no immediate reports of casualties or injuries."),
    ("denied", 0, "Rockets hit the airport in Erbil. There were no reports of deaths or injuries."),
    ("denied", 0, "Militants fired mortars at a base near Kandahar, with no reports of fatalities or injuries."),
    ("denied", 0, "An explosive device went off near the courthouse in Patras; police had no reports of deaths or "
                  "injuries."),
    ("denied", 0, "A car bomb exploded near a police station in Diyarbakir and there were no initial reports of "
                  "deaths or injuries."),
    ("denied", 0, "Gunmen fired on a patrol near Arauca; the army gave no figures of deaths or injuries."),
    ("denied", 0, "A drone struck a fuel depot near Belgorod, with no word of casualties or injuries."),
    ("denied", 0, "Shells landed near the market in Kherson; officials had no reports of dead or wounded."),
    ("denied", 0, "A homemade bomb exploded at the gate of the tax office in Thessaloniki. There were no reports of "
                  "casualties or injuries."),
    ("denied", 0, "Insurgents attacked a power station in Sinjar; no reports of deaths or injuries were received."),
    ("denied", 0, "A mortar round hit the compound of the embassy in Kabul, with no reports of deaths or injuries "
                  "among the staff."),
    ("denied", 0, "Militants set fire to a school in Borno overnight, with no reports of deaths or injuries."),
    ("denied", 0, "A rocket struck a house in Sderot; there were no immediate reports of fatalities or injuries."),
    # a report of the dead and the wounded that denies nothing still tells that some died
    ("denied", 1, "Shelling on the market in Taiz caused deaths and injuries, residents said."),
    ("denied", 1, "Officials received reports of deaths and injuries after the air strike on the village of "
                  "Hass."),
]

FAMILIES = ("attempts", "apposition", "dead_object", "ages", "asides", "parts", "denied")
# each family's floor, set a little below the rate measured on the branch that added the set
FLOORS = {"attempts": 0.85, "apposition": 0.80, "dead_object": 0.85, "ages": 0.85, "asides": 0.85, "parts": 0.85,
          "denied": 0.85}


@pytest.fixture(scope="module")
def results(pipeline):
    return toll_results(pipeline, PROBES)


def test_each_family_has_fifteen_probes_or_more():
    assert all(sum(fam == f for fam, *_ in PROBES) >= 15 for f in FAMILIES)
    assert {fam for fam, *_ in PROBES} == set(FAMILIES)


@pytest.mark.parametrize("family", FAMILIES)
def test_family_rate_holds(results, family):
    misses = [(want, got, text) for fam, want, got, text in results if fam == family and got != want]
    assert family_rates(results, FAMILIES)[family] >= FLOORS[family], misses


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    print_family_misses(toll_results(Pipeline(workers=1), PROBES), FAMILIES)
