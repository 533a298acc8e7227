"""A fourth probe set for the perpetrators of attacks (issue 12), written for this project after
test_perpetrator_probe3.py: the forms that set left open. A claim made by a named speaker for a group ("Qari Yousuf,
a spokesman for the Taliban, claimed", "X, claiming to speak for the Taliban", "X, who speaks for IS"): the group
claims through him and is the perpetrator, not the man; a group named before an unhyphenated participle of
affiliation under a verb of belief ("gunmen believed to be Taliban linked killed four"), which the parser hangs
anywhere; a clash "between A and B" that killed people ("fighting between the army and al-Shabaab killed seven
people"): B is the other side of the battle, the dead only its toll.

A perpetrator probe passes when an asserted violent event has the group as actor1 or an associated actor1, a
between_sides probe when one has it as actor2 or an associated actor2.
`python tests/test_perpetrator_probe4.py` prints the rates and every miss.
"""

from __future__ import annotations

import pytest

VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")

# -- a named speaker claims for the group: the group did it ---------------------------------------------------------

SPOKEN_FOR = [
    ("A bomb killed four policemen in Uruzgan. The attack was claimed by Qari Yousuf, claiming to speak for the "
     "Taliban.", "Taliban"),
    ("A bomb killed four policemen in Uruzgan. The attack was claimed by Qari Yousuf, a spokesman for the Taliban.",
     "Taliban"),
    ("A bomb killed four policemen in Uruzgan. Qari Yousuf, a spokesman for the Taliban, claimed responsibility.",
     "Taliban"),
    ("A bomb killed four policemen in Uruzgan. Qari Yousuf, who speaks for the Taliban, claimed responsibility.",
     "Taliban"),
    ("Gunmen killed six soldiers near Gao. Abu Walid, speaking for the Islamic State in the Greater Sahara, claimed "
     "the ambush.", "Islamic State"),
    ("A suicide bomber killed two guards in Kunar. Zabihullah Mujahid, the Taliban spokesman, claimed "
     "responsibility.", "Taliban"),
    ("A car bomb killed nine soldiers near Mogadishu. Sheikh Ali Dhere, a spokesman for al-Shabaab, said the group "
     "claimed the attack.", "Shabaab"),
    ("Rebels ambushed an army convoy near Tame, killing three soldiers. Carlos Marin, a spokeswoman for the ELN, "
     "claimed responsibility.", "National Liberation Army"),
    ("A rocket hit a settlement near Sderot. Abu Obeida, who speaks for Hamas, claimed the attack.", "Hamas"),
    ("Two policemen were shot dead in Diyarbakir. Zagros Hiwa, a spokesman of the PKK, claimed responsibility for "
     "the killing.", "Kurdistan Workers"),
    ("A grenade wounded five traders in Kasese. Jamil Mukulu, claiming to speak for the Allied Democratic Forces, "
     "claimed the attack.", "Allied Democratic Forces"),
    ("A bomb derailed a train near Varsa. Tomas Orell, a spokesman for the Koros People's Army, claimed the "
     "bombing.", "Koros People's Army"),
    # the group before "spokesman": not the state a bare "spokesman" is a title of
    ("A bomb killed four policemen in Uruzgan. Taliban spokesman Qari Yousuf claimed responsibility.", "Taliban"),
    ("A car bomb killed nine soldiers near Mogadishu. Al-Shabaab spokesman Abdiasis Abu Musab claimed the attack.",
     "Shabaab"),
    ("Gunmen shot dead three soldiers in Kulgam. Hizbul Mujahideen spokesman Saleem Hashmi claimed the killings.",
     "Hizbul"),
]

# -- "believed to be X linked": the group before an unhyphenated participle of affiliation ---------------------------

BELIEVED_LINKED = [
    ("Militants believed to be Taliban linked killed four policemen in Ghazni.", "Taliban"),
    ("Gunmen believed to be IS affiliated killed two students in Bosaso.", "Islamic State"),
    ("Gunmen believed to be al-Shabaab linked shot and killed a chief in Mandera.", "Shabaab"),
    ("Attackers thought to be Boko Haram affiliated burned a church in Chibok and killed three people.", "Boko Haram"),
    ("Fighters suspected to be PKK linked ambushed a patrol near Hakkari, killing two soldiers.", "Kurdistan Workers"),
    ("Gunmen thought to be ADF linked killed nine farmers near Beni.", "Allied Democratic Forces"),
    ("Militants believed to be JNIM affiliated attacked a gendarmerie post near Dori.", "Nusrat"),
    ("Gunmen believed to be Hurras al-Din linked shot dead a commander in Idlib.", "Hurras"),
]

# -- a clash "between A and B" that killed people: B is the other side, not the dead (who are the toll) ----------------

BETWEEN_SIDES = [
    ("Heavy fighting between the Somali army and al-Shabaab killed seven people in Afgoye.", "Shabaab"),
    ("Clashes between regime forces and rebels kill 12 people in Daraa", "Rebel"),
    ("Clashes between the Taliban and Afghan forces killed 15 people in Kunduz.", "Afghanistan"),
    ("Fighting between the army and the ADF killed nine people near Beni on Sunday.", "Allied Democratic Forces"),
    ("A gun battle between police and Abu Sayyaf gunmen killed four people on Jolo.", "Abu Sayyaf"),
    ("Clashes between the Houthis and government forces killed 23 people in Marib.", "Yemen"),
    ("Overnight fighting between the Malian army and JNIM fighters killed 11 people near Boni.", "Nusrat"),
    ("A firefight between soldiers and the Eastern Hills Front killed three people outside Dabru.",
     "Eastern Hills Front"),
]

PERPETRATOR_FAMILIES = {"spoken_for": SPOKEN_FOR, "believed_linked": BELIEVED_LINKED}
TARGET_FAMILIES = {"between_sides": BETWEEN_SIDES}


def violent_events(pipeline, text, published="2019-05-14"):
    """The asserted events of the violence family as the scorers read it: an ACLED violent type, or an assault with
    PLOVER codes only."""
    return [e for e in pipeline.extract(text, published=published) if e.modality == "asserted" and (
        e.event_type in VIOLENT or (e.event_type is None and e.plover is not None and e.plover.event == "ASSAULT"))]


def party_names(events, side):
    if side == 1:
        return [a.name for e in events for a in [e.actor1, *(e.assoc_actor1 or [])] if a is not None]
    return [a.name for e in events for a in [e.actor2, *(e.assoc_actor2 or [])] if a is not None]


def measure(pipeline):
    """The rate of each family and the misses (family, sentence, expected, what was found): the group as a
    perpetrator (actor1 or an associated actor1), or for a target family as actor2 or an associated actor2."""
    rates, misses = {}, []
    for family, probes, side in [*((f, p, 1) for f, p in PERPETRATOR_FAMILIES.items()),
                                 *((f, p, 2) for f, p in TARGET_FAMILIES.items())]:
        hits = 0
        for text, group in probes:
            found = party_names(violent_events(pipeline, text), side)
            if any(g.lower() in name.lower() for g in group.split("|") for name in found):
                hits += 1
            else:
                misses.append((family, text, group, found))
        rates[family] = hits / len(probes)
    return rates, misses


# the rate each family is held at: as measured when the set was written, less about one probe. Before -> after the
# rules it came with: spoken_for 0.467 -> 0.867, believed_linked 0.875 -> 1.000, between_sides 0.250 -> 0.875.
# Known misses: a claim the parser reads with the speaker as a separate clause, an invented group named only after
# "spokesman for", a clash noun whose "between" the parser hangs elsewhere.
FLOORS = {"spoken_for": 0.8, "believed_linked": 0.875, "between_sides": 0.75}


@pytest.fixture(scope="module")
def rates(pipeline):
    return measure(pipeline)[0]


@pytest.mark.parametrize("family", [*PERPETRATOR_FAMILIES, *TARGET_FAMILIES])
def test_each_family_of_perpetrators_holds_its_floor(rates, family):
    assert rates[family] >= FLOORS[family], rates


def test_the_probe_set_is_large_and_varied():
    assert sum(len(p) for p in [*PERPETRATOR_FAMILIES.values(), *TARGET_FAMILIES.values()]) >= 30


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    figures, missed = measure(Pipeline(workers=1))
    for fam, rate in figures.items():
        print(f"{fam:16s} {rate:.3f}")
    for fam, text, group, found in missed:
        print(f"MISS [{fam}] {group!r}: {text}\n     {found}")
