"""Attacks told without the words the rules first learned, written for these tests (issue 12, missed attacks): a
train derailed or a railway blown up by armed men; a vehicle driven into people; a man who stabs strangers in a
public place; executions and punishments meted out by armed groups (hanged, crucified, flogged, hands cut off); a
bomb that went off early and killed its own makers. Beside them, the accidents, the domestic crimes, the court
sentences and the figures of speech that must give no event (a train crash, a driver who lost control, a plan
derailed, a crucifix in a museum). The rate is over the most confident asserted ACLED event of each text (the
contrasts: no asserted ACLED event at all); `python tests/test_attack_recall_probe.py` prints the misses."""

from __future__ import annotations

import pytest

from probes import ABDUCT, ATTACK, CLASH, IED, SUICIDE, acled_records, top_sub_type

FLOOR = 0.92  # measured 0.934 (main e857bfc: 0.746)

# a train or its line attacked by armed men
SABOTAGE = [
    "Militants derailed a passenger train near Quetta, killing 20 people.",
    "Insurgents blew up the railway line as a freight train passed near Jacobabad, killing the driver.",
    "Maoist rebels derailed an express train in Jharkhand, killing 14 passengers.",
    "Separatist fighters blew up a section of track near Sibi, derailing a passenger train and wounding 30.",
    "Gunmen derailed a train carrying soldiers in Tillaberi region, killing six of them.",
    "Rebels of the Eastern Front blew up a rail bridge as a cargo train crossed it near Port Lemane.",
    "Insurgents detonated explosives under the tracks as the Jaffar Express passed, killing three passengers.",
    "A bomb planted on the railway line derailed a commuter train outside Kandy, killing five people.",
    "Suspected jihadists sabotaged the railway near Kaduna, derailing a train and kidnapping dozens of passengers.",
    "Armed men blew up the line between Dire Dawa and Djibouti as a freight train approached, the army said.",
    "Guerrillas derailed a military supply train in Cauca province with explosives, killing two soldiers.",
    "An explosion on the tracks derailed a passenger train near Mardan; police blamed militants for the blast.",
    "Militants of the Northern Brigade blew up the railway track near Ostrava as a troop train passed.",
    "Rebels attacked a train in Bolan Pass, blowing up the line and opening fire on passengers.",
    "Maoist insurgents removed fish plates and derailed the Howrah express, killing 12, police said.",
    "Insurgents removed a section of rail near Sukkur and the night train left the tracks, killing nine.",
    "Dhanbad train crash: Maoists derail a goods train, killing the guard.",
    "Three people died in a train accident near Gaya that police blamed on Naxalites.",
]

# a vehicle driven into people
RAMMING = [
    "A man drove a van into shoppers in Lyon, killing five.",
    "An attacker rammed his car into a crowd of worshippers outside a mosque in Karachi, injuring 12.",
    "A truck ploughed into pedestrians on a seafront promenade in Valona, killing 16 people.",
    "A man drove his pickup into a crowd of festivalgoers in Tarvik, killing three.",
    "Police said the driver deliberately drove into pedestrians on Queen Street in Auckland, injuring nine.",
    "A lorry was driven into a crowd at a Christmas market in Dresden, killing four people.",
    "A 32-year-old man rammed his SUV into cyclists on a riverside path in Ghent, killing two.",
    "An assailant ploughed a minivan into a group of students outside a school in Ankara, wounding eight.",
    "A car rammed into soldiers at a checkpoint near Hebron, injuring three of them.",
    "A man drove a rented truck into commuters waiting at a tram stop in Milan, killing six.",
    "A driver ploughed his car into mourners at a funeral procession in Ramallah, injuring 11.",
    "A man plowed a truck into a parade in Fairmont, killing four spectators.",
    "A van drove into a crowd of fans outside the stadium in Porto, injuring 20, in what police called a deliberate act.",
    "An attacker drove a car into worshippers leaving a church in Lahore, killing two.",
    "A man rammed a bus into a queue of people at a bus stop in Jerusalem, killing one.",
]

# a man with a knife hurting strangers in a public place
STABBING = [
    "A man stabbed three people at a train station in Hamburg.",
    "A knifeman stabbed four people outside a synagogue in Marseille, shouting religious slogans.",
    "An attacker with a knife stabbed five shoppers at a supermarket in Tampere before police shot him.",
    "A man armed with a machete wounded six people at a bus station in Kisumu.",
    "An assailant stabbed two tourists near the Eiffel Tower in Paris, police said.",
    "A man went on a stabbing rampage in a shopping mall in Auckland, wounding six people.",
    "A teenager stabbed four worshippers during prayers at a mosque in Perth.",
    "An attacker stabbed three police officers outside a station in Lille before he was shot.",
    "A knife attack at a festival in Solingen killed three people and wounded eight.",
    "A man stabbed seven passengers on a train near Würzburg, shouting slogans of the Islamic State.",
    "A man killed two people in a knife attack in the old town of Dijon.",
    "An attacker armed with a knife stabbed a priest during mass in Saint-Ouen.",
    "A man stabbed six people at a kindergarten in Changyuan, killing two children.",
    "Two people were stabbed to death by an attacker at a metro station in Vorlan.",
    "A man stabbed passers-by on a busy street in Villach, killing a teenager and wounding five.",
]

# executions and punishments by armed groups
PUNISHMENT = [
    "Militants publicly hanged two men in the square of Darnah.",
    "Islamic State fighters crucified a man accused of spying in Manbij.",
    "Al-Shabaab fighters amputated the hands of two alleged thieves in public in Jilib.",
    "Taliban fighters flogged a woman in public in Herat.",
    "Jihadists hanged a village chief from a tree in front of residents in Gao region.",
    "The militants crucified the bodies of three men they had shot in the main square of al-Bab.",
    "Boko Haram insurgents flogged 20 villagers in Gwoza for breaking their rules.",
    "Rebels of the Kivu Front publicly hanged a man they accused of working for the army.",
    "An Islamist court of al-Shabaab had a man's hand amputated in front of a crowd in Baidoa.",
    "Gunmen of the Sahel Brigade flogged three traders in the market of Douentza.",
    "Islamic State militants hanged two men from electricity poles in Mosul.",
    "Taliban fighters publicly flogged a man and a woman in Takhar province.",
    "The jihadists amputated the right hand and left foot of a young man accused of robbery in Gao.",
    "Militants crucified a teenager in Raqqa after accusing him of blasphemy.",
    "Islamist rebels hanged a woman in public in Idlib, residents said.",
]

# a bomb that went off early, killing its own makers or carriers (a bomber killed by it reads as a suicide bomb:
# tests/test_subtype_probe.py)
PREMATURE = [
    "The bomb exploded prematurely, killing the bomber, in Mosul.",
    "Two militants were killed when the explosive device they were planting went off prematurely near Bannu.",
    "A roadside bomb exploded prematurely as insurgents were planting it in Helmand, killing three of them.",
    "Three militants died when the bomb they were assembling went off in a house in Peshawar.",
    "An explosive device went off prematurely in the hands of a rebel near Tumaco, killing him.",
    "Four Taliban fighters were killed when their own bomb exploded in Kunduz, officials said.",
    "A bomb the attackers were carrying on a motorbike exploded prematurely in Quetta, killing both of them.",
    "Two insurgents blew themselves up by accident while making bombs in a hideout in Maiduguri.",
    "The bomb went off early, killing the two men who were placing it near the barracks in Ghazni.",
    "A militant was killed when the IED he was planting on the road exploded in Dera Ismail Khan.",
    "Five fighters of the Eastern Front died when explosives they were transporting blew up near Sorong.",
    "A would-be bomber was killed when his device exploded prematurely near a police post in Kismayo.",
    "Three men were killed when the bomb they were making exploded at a house in Ambon.",
    "The explosives detonated prematurely as militants laid them under a bridge near Khost, killing two.",
    "A landmine that insurgents were burying exploded near Uruzgan, killing four of them.",
]

# (a train of soldiers attacked is a clash, passengers carried off an abduction: an attack recorded all the same)
FAMILIES = {"sabotage": (SABOTAGE, {ATTACK, IED, CLASH, ABDUCT}), "ramming": (RAMMING, {ATTACK}), "stabbing": (STABBING, {ATTACK}),
            "punishment": (PUNISHMENT, {ATTACK}), "premature": (PREMATURE, {IED, SUICIDE})}

# texts that must give no asserted ACLED event: accidents, domestic crime, courts, figures of speech
CONTRASTS = [
    "A train derailed near Cuttack, killing 28 passengers.",
    "A passenger train collided with a freight train near Balasore, killing 280 people.",
    "The driver lost control and the bus plunged into a ravine, killing 12.",
    "The driver lost control of his car and drove into pedestrians on the High Street in Luton, injuring four.",
    "An elderly driver mistakenly drove into a crowd at a farmers' market, injuring nine.",
    "The company's merger plan was derailed by regulators.",
    "Talks on the budget were derailed by a row over pensions.",
    "Heavy rain derailed a freight train in Montana.",
    "A landslide derailed a passenger train near Ella, killing two.",
    "The train was derailed by a faulty signal near Lyon, injuring 30.",
    "A freight train derailed and caught fire in Ohio, forcing residents to evacuate.",
    "The court sentenced the man to be hanged for murder.",
    "A court in Lahore sentenced two men to death by hanging for a 2019 murder.",
    "The museum displays a 14th-century crucifix from a church in Siena.",
    "Pilgrims walked behind a large crucifix in the Good Friday procession.",
    "The hangman's noose is on show at the prison museum in Dublin.",
    "The jockey was fined for having flogged his horse too hard in the final furlong.",
    "Surgeons amputated his leg after the car crash.",
    "Doctors had to amputate her foot because of diabetes.",
    "A man stabbed his wife to death at their home in Leeds after a quarrel.",
    "Two brothers were stabbed in a fight over a parking space in Bristol.",
    "A teenager was stabbed in a fight between rival gangs in south London.",
    "A woman stabbed her husband during an argument at their flat.",
    "The tanker rammed the pier in Rotterdam.",
    "Storm waves rammed the boats against the harbour wall.",
    "Sales ploughed ahead despite the downturn.",
    "The farmer ploughed his fields before the rains.",
    "The snowplough drove into a ditch near Oslo.",
    "A car drove into a shop window in Bath after its driver had a seizure.",
    "A drunk driver crashed into a bus stop in Krakow, killing two people.",
    "The lorry crashed into a crowd of pedestrians after its brakes failed, killing six.",
    "Fireworks exploded at a warehouse in Tultepec, killing 24 people.",
    "A gas cylinder exploded prematurely during repairs at a restaurant, injuring three workers.",
    "The old wartime shell exploded while farmers were ploughing a field.",
    "The rocket launch was called off after the engine shut down prematurely.",
    "The company executed its plan to hang new banners across the city.",
    "Fans hung flags and banners in the square before the match.",
    "He was hanged in 1946 after the Nuremberg trials, the documentary recalls.",
    "A film about a crucified slave won the festival's top prize.",
    "Prices ploughed higher on the stock market in Frankfurt.",
    "The government's reform was derailed by protests from farmers.",
    "The bus driver drove into the depot after his shift.",
    "The prime minister drove into the capital in a motorcade.",
    "A man stabbed a neighbour during a dispute over a fence in Graz.",
]


def outcomes_of(pipeline) -> list[tuple]:
    """(family, text, records, hit) of every probe text."""
    rows = []
    for name, (texts, wanted) in FAMILIES.items():
        for text in texts:
            sub = top_sub_type(pipeline, text)
            rows.append((name, text, acled_records(pipeline, text), sub in wanted))
    for text in CONTRASTS:
        found = acled_records(pipeline, text)
        rows.append(("contrast", text, found, not found))
    return rows


@pytest.fixture(scope="module")
def outcomes(pipeline):
    return outcomes_of(pipeline)


def test_attack_recall_rate(outcomes):
    rate = sum(hit for *_, hit in outcomes) / len(outcomes)
    assert rate >= FLOOR, f"attack recall probe rate {rate:.3f} < {FLOOR}"


def test_contrasts_give_no_event(outcomes):
    """The contrasts are few false records at most: accidents, courts and domestic crime stay out."""
    misses = [text for name, text, _, hit in outcomes if name == "contrast" and not hit]
    assert len(misses) <= 2, misses


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    rows = outcomes_of(Pipeline(workers=1))
    for name in [*FAMILIES, "contrast"]:
        mine = [r for r in rows if r[0] == name]
        print(f"{name}: {sum(r[3] for r in mine)}/{len(mine)}")
    print(f"rate {sum(r[3] for r in rows) / len(rows):.3f}")
    for name, text, found, hit in rows:
        if not hit:
            print(f"MISS {name}: {text} -> {found}")
