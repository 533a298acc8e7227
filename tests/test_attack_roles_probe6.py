"""A sixth probe set for who attacked whom where, written for this test (not taken from any data set) around the
harmed of an attack told in a sentence after it: a listing of the dead or the victims ("Among the dead were two
students", "The victims included a judge", "Most of the dead were recruits", "Those killed included four children",
"The imam was among the dead", "One of the victims was a councillor": who they were, not the first sentence's toll
again), and the wounded who died later ("Two of the wounded later died in hospital", "A driver died of his wounds");
the people a harm verb names beside the site hit ("a bomb exploded at the stadium, killing four fans"); and the
attacker named later by a relative clause of the deed ("Police arrested Musa Danjuma, who had planted the device").
Real and invented names, many countries and decades, wire, local and encyclopaedic styles.

Scored as in the first set (tests/test_attack_roles_probe.py): a role is right when a content word of the
best-matching asserted event is among the probe's words (a blank list is not scored); the first sentence's event is
scored too, so each probe's target words are those of the later sentence only.
`python tests/test_attack_roles_probe6.py` prints the rates and every miss."""

from __future__ import annotations

import pytest

from test_attack_roles_probe import ROLES, published_in_its_year, role_results

# (text, attacker or holder words, target or held words, place words)
PROBES = [
    # -- the dead or the victims listed after the attack
    ("A car bomb exploded outside a police station in Diyarbakir on Monday, killing nine policemen. Among the dead "
     "were two civilians and a child.", "", "civilians child", ""),
    ("Gunmen stormed a hotel in Mogadishu, killing 15 guests. The victims included a former minister and two "
     "journalists.", "", "minister journalists", ""),
    ("A suicide bomber attacked a checkpoint near Kandahar on Tuesday, killing six soldiers. Most of the dead were "
     "young recruits.", "", "recruits", ""),
    ("Militants attacked a bus carrying pilgrims in Reasi, killing nine passengers. Among those killed were a "
     "two-year-old boy and his mother.", "", "boy mother", ""),
    ("An explosion at a mosque in Quetta killed 20 worshippers. The imam of the mosque, Maulana Abdul Haq, was among "
     "the dead.", "", "imam haq", ""),
    ("A bomb hidden in a bicycle exploded in a market in Jalalabad, killing four people. One of the victims was a "
     "local councillor, Amin Shah.", "", "councillor shah", ""),
    ("The Zorvani Liberation Front shelled the town of Kestra on Monday, killing eleven people. The dead included "
     "three nurses from the town's clinic.", "", "nurses", ""),
    ("A grenade was thrown into a crowded bar in Bujumbura in 2014, killing five. Among the victims were two "
     "off-duty soldiers.", "", "soldiers", ""),
    ("Masked men opened fire on a minibus outside Tegucigalpa, killing seven. Those killed included the driver and "
     "his son.", "", "driver son", ""),
    ("On 12 May 1998 a bomb went off on a train near Chennai, killing 18 passengers. Among the dead was a retired "
     "judge, V. Krishnan.", "", "judge krishnan", ""),
    ("A roadside bomb struck a UN convoy near Kidal, killing four peacekeepers. The victims were all Chadian "
     "nationals.", "", "nationals chadian", ""),
    ("Armed bandits raided the village of Kurmin Masara overnight, killing 22 people. Most of the victims were women "
     "and children.", "", "women children", ""),
    ("An air strike hit a wedding party in the province of Hajjah, killing at least 20 people. Among the dead were "
     "the bride and several of her relatives.", "", "bride", ""),
    ("Two suicide bombers struck a market in Maiduguri in 2015, killing 30 people. Many of the dead were traders "
     "from neighbouring Chad.", "", "traders", ""),
    ("A gunman killed six worshippers at a church in Charleston. One of those killed was the church's pastor, "
     "Clementa Pinckney.", "", "pastor pinckney", ""),
    ("Rebels ambushed an army patrol near Beni, killing eight. Among the dead was Colonel Jean-Pierre Mamba, the "
     "commander of the battalion.", "", "mamba colonel", ""),
    ("A bomb exploded on a bus in the Valdorian capital Osterholm on Friday. The victims included four schoolgirls "
     "on their way home.", "", "schoolgirls", ""),
    ("A car bomb ripped through a shopping street in Hillah in 2005, killing 27 people. The dead included a "
     "policeman and two shopkeepers.", "", "policeman shopkeepers", ""),
    # -- the wounded who died later
    ("A bomb tore through a crowded market in Baghdad, killing 30 shoppers. Two of the wounded later died in "
     "hospital.", "", "wounded two", ""),
    ("Gunmen attacked a police post in Kaduna overnight. A constable, Musa Bello, died of his wounds on Tuesday.",
     "", "constable bello", ""),
    ("A grenade exploded at a rally in Dhaka, wounding dozens. A student died from his injuries the next day.",
     "", "student", ""),
    ("Soldiers fired on protesters in Khartoum on Thursday. One of the injured died in hospital on Saturday.",
     "", "injured one", ""),
    ("A suicide bomber struck a funeral in Jalalabad. A teenager, Farid Ahmadi, later succumbed to his injuries.",
     "", "teenager ahmadi", ""),
    ("An IED hit a police truck near Dantewada in 2010. Three of the injured officers died on the way to hospital.",
     "", "officers", ""),
    # -- the site hit and the people its harm verb names: both are the harmed ("a bomb exploded at the stadium,
    # killing four fans": the stadium, and the fans, whom no catalogue lists)
    ("A bomb exploded at a bus station in Kaduna, killing seven travellers.", "", "travellers", "kaduna"),
    ("Gunmen attacked a church in the village of Tarsi, killing four parishioners.", "gunmen", "parishioners",
     "tarsi"),
    ("A bomb exploded at a football stadium in Jos, killing four fans.", "", "fans", "jos"),
    ("A bomb went off at a railway station in Quetta, killing 26 recruits.", "", "recruits", "quetta"),
    ("Two bombs exploded near the finish line of the race in Boston, killing three spectators.", "", "spectators",
     "boston"),
    ("A parcel bomb exploded at a post office in Lagos, injuring three clerks.", "", "clerks", "lagos"),
    ("A car bomb went off outside a bank in Kirkuk, wounding six customers.", "", "customers", "kirkuk"),
    ("Militants set off a bomb at a cattle market near Tillaberi, killing nine herders.", "militants", "herders",
     "tillaberi"),
    ("A grenade exploded in a bar in the Valdorian port of Osterholm, wounding five sailors.", "", "sailors",
     "osterholm"),
    ("Attackers bombed a ferry terminal in Zamboanga, killing six porters.", "attackers", "porters", "zamboanga"),
    # -- the attacker named in a later sentence by a relative clause of the deed ("Police arrested X, who had
    # planted the device", "The man who planted the bomb, X, was arrested")
    ("A bomb exploded on a bus in the city of Jos, killing nine passengers. Police later arrested Musa Danjuma, who "
     "had planted the device.", "danjuma musa", "passengers", "jos"),
    ("Three people were killed when a bomb exploded in a cafe in Istanbul. The man who planted the bomb, Cemil "
     "Aksoy, was arrested two days later.", "aksoy cemil man", "people", "istanbul"),
    ("A parcel bomb killed a judge in Thessaloniki in 2009. Police detained Nikos Petrakis, who had sent the bomb.",
     "petrakis nikos", "judge", "thessaloniki"),
    ("An explosive device went off at a bus stop in Kampala, wounding four people. Officers arrested Joseph Okello, "
     "who had placed the device under a bench.", "okello joseph", "people", "kampala"),
    ("A grenade blast killed two shoppers at a market in Mandera. Detectives arrested Hassan Abdi, who threw the "
     "grenade.", "abdi hassan", "shoppers", "mandera"),
    ("A car bomb exploded outside a courthouse in Osterholm, killing a guard. The Valdorian police arrested Erik "
     "Lund, who had planted the bomb the night before.", "lund erik", "guard", "osterholm"),
    ("A roadside bomb killed five soldiers near Tal Afar. The army captured Ali Saleh, who had laid the mine.",
     "saleh ali", "soldiers", "tal afar"),
    ("A bomb ripped through a nightclub in Bali, killing 202 people. Amrozi, who had bought the explosives, was "
     "sentenced to death.", "amrozi", "people", "bali"),
    ("A bomb killed seven worshippers at a church in Zaria. The man who detonated the bomb, Sani Garba, died in the "
     "blast.", "garba sani man", "worshippers", "zaria"),
    ("Gunmen killed a mayor in Michoacan. Prosecutors charged Raul Mendez, who carried out the killing.",
     "mendez raul", "mayor", "michoacan"),
    ("A mortar round struck a school in Kandahar. Police arrested Abdul Wali, who had fired the mortar.",
     "wali abdul", "school", "kandahar"),
    ("A bomb went off in a crowded train in Madrid, killing 14 commuters. Police arrested Jamal Zougam, who had "
     "planted the bomb.", "zougam jamal", "commuters", "madrid"),
]

# the same words after no violence, or in a story of another kind: no event
NOT_LISTINGS = [
    "The president hosted a state dinner in Accra on Friday. Among the guests were two former ministers.",
    "Floods swept through the valley near Peshawar on Monday. Among the dead were four children.",
    "The singer died of cancer in Lisbon on Tuesday.",
]

# measured on the 46 probes (main: 0.27, 0.37, 0.91 attacker/target/place; after the listings, the later deaths, the
# people beside the site and the doer of a relative clause: 0.87, 0.96, 0.91), less a little slack for parser ties
FLOORS = {"attacker": 0.84, "target": 0.93, "place": 0.85}


def rates(results) -> dict[str, float]:
    """The rate of each role the probes score (most probes here score the harmed only)."""
    out = {}
    for role in ROLES:
        scored = [h[role] for _, h in results if role in h]
        if scored:
            out[role] = sum(scored) / len(scored)
    return out


def probe_results(pipeline) -> list[tuple[str, dict[str, bool]]]:
    return role_results(pipeline, PROBES, published_in_its_year)


@pytest.fixture(scope="module")
def results(pipeline):
    return probe_results(pipeline)


def test_the_probe_set_is_large_and_varied():
    assert len(PROBES) >= 20
    assert len({t for t, *_ in PROBES}) == len(PROBES)


@pytest.mark.parametrize("role", sorted(FLOORS))
def test_role_rate_holds(results, role):
    assert rates(results)[role] >= FLOORS[role], [(t, h) for t, h in results if not h.get(role, True)]


@pytest.mark.parametrize("text", NOT_LISTINGS)
def test_no_violence_told_before_lists_no_harmed(pipeline, text):
    events = pipeline.extract(text, published="2023-05-10")
    assert not any(e.modality == "asserted" and e.event_type in ("Violence against civilians", "Battles",
                                                                  "Explosions/Remote violence") for e in events)


def test_a_relative_clause_of_no_deed_names_no_attacker(pipeline):
    text = ("A bomb exploded at a market in Kano, killing 12 traders. Police thanked Ahmed Bello, who had reported "
            "the bomb.")
    events = [e for e in pipeline.extract(text, published="2023-05-10") if e.modality == "asserted"]
    assert not any(e.actor1 is not None and "Bello" in (e.actor1.name or "") for e in events)


def test_the_listed_dead_are_the_same_event(pipeline):
    events = [e for e in pipeline.extract(PROBES[0][0], published="2023-05-10") if e.modality == "asserted"]
    first = next(e for e in events if "Diyarbakir" not in e.evidence.text or "Among" not in e.evidence.text)
    listed = [e for e in events if e.evidence.text.startswith("Among")]
    assert listed and listed[0].same_as in (first.event_id, first.same_as)


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    found = probe_results(Pipeline(workers=1))
    for text, hits in found:
        missed = [r for r, ok in hits.items() if not ok]
        if missed:
            print("MISS", missed, text)
    print({r: round(v, 3) for r, v in rates(found).items()}, len(found))
