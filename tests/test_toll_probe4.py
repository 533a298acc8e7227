"""A fourth probe set of tolls (issue 12): sentences and short reports written for these tests, none taken from any
evaluation data, with the toll ACLED would give the article's main event. Families the first three sets
(tests/test_toll_probe.py, tests/test_toll_probe2.py, tests/test_toll_probe3.py) do not cover:

  breakdown      a whole ("five people", "nine victims") set off by a comma, a dash or a colon and then broken down
                 by a list that adds up to it ("killed five people, two soldiers and three villagers" is five, not
                 ten); a plain list of kinds still adds up ("five soldiers, two policemen and three villagers")
  number_words   written-out numbers with a scale and tens ("one hundred and twenty", "two thousand and fifty"),
                 "half a dozen"
  attacker_named a toll told after the attack in a sentence that names its attacker ("In addition to the
                 assailant, two soldiers were killed", "Apart from the assailants, ..."): a report of the attack's
                 dead, which the attack told before takes, not a new attack without a toll
  kill_phrases   killing told by a phrasal verb or a way of killing ("a family of four was wiped out", "finished
                 off three wounded soldiers", "strangled two herders"); the verbs that also destroy things count
                 only people ("wiped out three army posts" kills no one)

Each family has a floor on its rate; `python tests/test_toll_probe4.py` prints the rates and every miss."""

from __future__ import annotations

import pytest

from probes import family_rates, print_family_misses, toll_results

# (family, toll of the main event, text)
PROBES = [
    # -- a whole broken down by the list after it
    ("breakdown", 5, "Gunmen killed five people, two soldiers and three villagers, in an attack on Kaya."),
    ("breakdown", 7, "The bomb killed seven people, four policemen and three civilians, at a checkpoint in Kirkuk."),
    ("breakdown", 9, "Nine people, five soldiers and four civilians, were killed in the ambush near Gao."),
    ("breakdown", 6, "Militants shot dead six people, three men and three women, in the village of Tarkint."),
    ("breakdown", 8, "An attack on the market in Bangui killed eight people, five traders and three customers."),
    ("breakdown", 12, "Twelve people, eight pilgrims and four guards, died when the bomb exploded in Karbala."),
    ("breakdown", 4, "The air strike on Saada killed four people, a farmer, his wife and two of their children."),
    ("breakdown", 10, "Rebels killed ten people - six soldiers and four civilians - near the town of Kidal."),
    ("breakdown", 3, "Three victims, two students and a teacher, were stabbed to death at the school in Kazan."),
    ("breakdown", 11, "The car bomb in Mogadishu killed eleven people: seven soldiers and four passers-by."),
    ("breakdown", 6, "Six people, four of them police officers, were killed in the grenade attack in Srinagar."),
    ("breakdown", 14, "Bandits killed 14 people, nine men and five women, in raids on villages in Zamfara."),
    ("breakdown", 2, "A sniper shot dead two people, a nurse and an ambulance driver, in Kharkiv."),
    ("breakdown", 20, "Twenty people, 12 soldiers and 8 militiamen, died in the fighting around Marib."),
    ("breakdown", 5, "The landmine killed five people, three children and two adults, near Kandahar."),
    ("breakdown", 10, "Militants killed five soldiers, two policemen and three villagers in an attack near Dori."),
    ("breakdown", 8, "The shelling killed four children, three women and an old man in the town of Avdiivka."),
    ("breakdown", 6, "Gunmen killed three teachers, two pupils and a guard at a school in Ekiti."),
    # -- written-out numbers
    ("number_words", 120, "One hundred and twenty people were killed in the bombing of the church in Colombo."),
    ("number_words", 250, "Two hundred and fifty people were killed when militants attacked the town of Bama."),
    ("number_words", 150, "A hundred and fifty people died in the attack on the market in Baga."),
    ("number_words", 6, "Half a dozen soldiers were killed in an ambush near Diffa."),
    ("number_words", 6, "Militants killed half a dozen policemen at a checkpoint in Zabul."),
    ("number_words", 330, "The massacre in the village of Yelwata left three hundred and thirty people dead."),
    ("number_words", 2050, "Two thousand and fifty civilians were killed in the siege of the city, the UN said."),
    ("number_words", 160, "The attack on the camp killed one hundred and sixty refugees."),
    ("number_words", 6, "Half a dozen worshippers were shot dead at a mosque in Zaria."),
    ("number_words", 140, "One hundred and forty passengers died when the plane was bombed over Lockerbie."),
    ("number_words", 145, "One hundred and forty-five people were killed in the school siege."),
    ("number_words", 105, "One hundred and five villagers were killed by the militia in Ituri."),
    ("number_words", 36, "Three dozen people were killed in the attack on the hotel."),
    ("number_words", 12, "A dozen people were killed when a bomb tore through a cafe in Baghdad."),
    ("number_words", 2, "A couple of soldiers were killed in the ambush near Kumbo."),
    ("number_words", 1100, "Eleven hundred people were killed in the massacre at the town, survivors said."),
    ("number_words", 6, "The gunmen killed half a dozen villagers and stole their cattle near Makurdi."),
    ("number_words", 140, "One hundred and forty were killed in the attack, including ninety children."),
    ("number_words", 250, "Two hundred and fifty were killed when the militia attacked Yumbi."),
    # -- the attacker named in the toll sentence after the attack
    ("attacker_named", 2, "A suicide bomber crashed a car into a checkpoint in Mosul. In addition to the assailant, two "
                          "soldiers were killed."),
    ("attacker_named", 4, "Gunmen stormed a bank in Ikom. Apart from the assailants, four guards died in the raid."),
    ("attacker_named", 2, "A suicide bomber crashed an explosives-laden vehicle into a bus in Quetta. The bus was "
                          "carrying pilgrims home. In addition to the assailant, at least two people were killed in "
                          "the blast."),
    ("attacker_named", 3, "A man drove a truck into a crowd in Nice. Besides the assailant, three people died."),
    ("attacker_named", 5, "Militants attacked a police post in Kech. Five policemen were killed in addition to the "
                          "assailants."),
    ("attacker_named", 3, "A gunman opened fire in a synagogue in Halle. Aside from the assailant, three worshippers "
                          "were killed."),
    ("attacker_named", 8, "A suicide bomber blew himself up at a funeral in Nangarhar. Seven mourners and the "
                          "assailant were killed."),
    ("attacker_named", 3, "Gunmen attacked a church in Ondo. Two worshippers and an assailant died in the attack."),
    ("attacker_named", 4, "A car bomb exploded outside the governor's office in Aden. In addition to the assailant, "
                          "four guards were killed."),
    ("attacker_named", 6, "Armed men raided a village near Djibo. Apart from the assailants, six villagers were "
                          "killed, officials said."),
    ("attacker_named", 2, "A knifeman attacked passers-by in Mulhouse. Besides the assailant, two pedestrians died of "
                          "their wounds."),
    ("attacker_named", 9, "A suicide bomber struck a rally in Bajaur. Nine people were killed in addition to the "
                          "assailant."),
    ("attacker_named", 2, "Insurgents ambushed a convoy near Kunduz. In addition to three assailants, two soldiers "
                          "were killed."),
    ("attacker_named", 3, "A gunman attacked a police station in Dagestan. Two officers and the assailant died."),
    ("attacker_named", 8, "Militants attacked a checkpoint in El Arish. Apart from the assailants, eight soldiers "
                          "were killed in the fighting."),
    ("attacker_named", 1, "A man threw a grenade into a bar in Goma. Besides the assailant, one customer died."),
    ("attacker_named", 3, "A suicide bomber rammed a truck into a bus in Kirkuk. In addition to the assailant, three "
                          "people were killed and 12 injured in the blast."),
    ("attacker_named", 5, "Gunmen attacked a market in Mopti. Apart from the assailants, five traders were killed "
                          "and nine wounded."),
    # -- killing told by a phrasal verb or a way of killing; the verbs that also destroy things count only people
    ("kill_phrases", 4, "A family of four was wiped out when a missile hit their home in Gaza."),
    ("kill_phrases", 3, "Militants finished off three wounded soldiers after the ambush near Kidal."),
    ("kill_phrases", 3, "Militants strangled three hostages in the hideout near Mosul."),
    ("kill_phrases", 0, "Militants wiped out three army posts in the offensive near Palmyra."),
    ("kill_phrases", 0, "Rebels attacked the convoy and finished off three trucks with rockets."),
    ("kill_phrases", 6, "The air strike on the house in Rafah wiped out a family of six."),
    ("kill_phrases", 2, "Bandits raided the farm near Gusau and strangled two herders."),
    ("kill_phrases", 5, "The attackers stormed the clinic in Beni and finished off five patients in their beds."),
    ("kill_phrases", 12, "The shelling of Marinka wiped out twelve members of one family."),
    ("kill_phrases", 0, "The drone strikes wiped out two ammunition depots near Kherson."),
    ("kill_phrases", 1, "Gunmen attacked the house and strangled the village chief in Tillaberi."),
    ("kill_phrases", 4, "Jihadists ambushed the patrol near Menaka and finished off four injured soldiers."),
    ("kill_phrases", 0, "Insurgents shelled the base and wiped out five armoured vehicles."),
    ("kill_phrases", 3, "Soldiers raided the camp and strangled three detainees, a rights group said."),
    ("kill_phrases", 7, "A bomb hit the wedding in Kunduz and wiped out seven members of the groom's family."),
    ("kill_phrases", 2, "Militiamen attacked the church in Ituri and strangled two nuns."),
    ("kill_phrases", 0, "Rebels shelled the town of Goma and wiped out three fuel tanks."),
]

FAMILIES = ("breakdown", "number_words", "attacker_named", "kill_phrases")
# each family's floor, set a little below the rate measured on the branch that added the set
FLOORS = {"breakdown": 0.85, "number_words": 0.85, "attacker_named": 0.85, "kill_phrases": 0.85}


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
