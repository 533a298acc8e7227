"""A fifth probe set for who did what to whom, written for this test (not taken from any data set) around the
demands and orders of document-level news: a party instructing, ordering, directing, commanding or advising another
to do something ("the interior minister instructed all prefects to reinforce security", "the army ordered
residents to leave", "the court directed police to register a case"), beside the requests the extractor already
read ("urged", "told", "asked", "called on"), and the traps of an order with no one told to act ("ordered an
inquiry", "directed the film", "ordered troops to the border", a deployment). Real and invented names, many
countries and decades, wire, local and headline styles.

Scored as in the first set (tests/test_attack_roles_probe.py): a role is right when a content word of the
best-matching asserted event is among the probe's words (a blank list is not scored).
`python tests/test_attack_roles_probe5.py` prints the rates and every miss."""

from __future__ import annotations

import re

import pytest

from test_attack_roles_probe import ROLES, rates, role_results

# (text, who demands, who is told to act, place words)
PROBES = [
    # -- instructed, ordered, directed, commanded, advised to do something
    ("The interior minister instructed all regional governors to tighten security at railway stations in Lyon.",
     "minister interior", "governors", "lyon"),
    ("President Mahama ordered the army to restore order in Bawku after the clashes.",
     "mahama president", "army", "bawku"),
    ("Israel ordered residents of northern Gaza to move south ahead of the ground assault.",
     "israel", "residents", "gaza"),
    ("The junta instructed foreign journalists to leave Niamey within 48 hours.",
     "junta", "journalists", "niamey"),
    ("The chief minister directed police to arrest those responsible for the riot in Nuh.",
     "minister chief", "police", "nuh"),
    ("Authorities ordered shopkeepers in Srinagar to close their shutters for three days.",
     "authorities", "shopkeepers", "srinagar"),
    ("The Home Office instructed border officials at Dover to search every lorry.",
     "home office", "officials border", "dover"),
    ("General Burhan ordered his troops to fire on the protesters in Khartoum.",
     "burhan general", "troops", "khartoum"),
    ("The regional governor advised tourists to avoid the old city of Hebron.",
     "governor", "tourists", "hebron"),
    ("The high court directed the state government to pay compensation to the families of the victims in Imphal.",
     "court high", "government state", "imphal"),
    ("The Taliban commander commanded the villagers to hand over their weapons in Kunduz.",
     "commander taliban", "villagers", "kunduz"),
    ("Police in Accra have instructed motorists to avoid the roads around the parliament building.",
     "police", "motorists", "accra"),
    ("The rebel leader ordered the hostages to kneel before the cameras in Jolo in 2000.",
     "leader rebel", "hostages", "jolo"),
    ("The Russian defence ministry ordered civilians to leave the town of Kupiansk.",
     "ministry defence russian", "civilians", "kupiansk"),
    ("The mayor of Beirut instructed rescue teams to keep searching the rubble near the port.",
     "mayor", "teams rescue", "beirut"),
    ("Governor Zulum directed the security forces to reopen the road between Maiduguri and Damboa.",
     "zulum governor", "forces security", "maiduguri damboa"),
    ("The Valdorian prime minister instructed the coastguard to turn back the migrant boats near Osterholm.",
     "minister prime valdorian", "coastguard", "osterholm"),
    ("The sheriff ordered deputies to clear the square in front of the courthouse in Selma in 1965.",
     "sheriff", "deputies", "selma"),
    ("The prosecutor general instructed investigators in Kyiv to question the commander of the unit.",
     "prosecutor general", "investigators", "kyiv"),
    ("The colonel ordered the crew to abandon the burning ship off Sevastopol.",
     "colonel", "crew", "sevastopol"),
    # -- requests the extractor already read, kept beside them
    ("The governor urged residents of Maiduguri to stay indoors.",
     "governor", "residents", "maiduguri"),
    ("The mayor of Kherson told residents to leave the city immediately.",
     "mayor", "residents", "kherson"),
    ("Police asked witnesses in Leeds to come forward with information about the stabbing.",
     "police", "witnesses", "leeds"),
    ("The UN envoy called on both sides in Tripoli to observe the ceasefire.",
     "envoy un", "sides", "tripoli"),
    ("Prime Minister Modi appealed to citizens in Manipur to remain calm.",
     "modi minister", "citizens", "manipur"),
]

# orders with no one told to act: no demand (a deployment, an inquiry, a film)
NOT_DEMANDS = [
    "The defence minister ordered an inquiry into the crash of the helicopter near Kandahar.",
    "The president ordered more troops to the border with Venezuela.",
    "She directed the documentary about the siege of Sarajevo.",
    "The court ordered the release of the opposition leader in Harare.",
]

# measured on the 25 probes (main: 0.28, 0.20, 0.32; after the instruct/order/direct/command/advise demands: 1.00,
# 0.92, 0.92), less a little slack for parser ties
FLOORS = {"attacker": 0.92, "target": 0.84, "place": 0.84}


def published(text: str) -> str:
    """A report of its time: a probe set in a past year was written that year (else a recent date)."""
    year = re.search(r"\b(19[4-9]\d|20[01]\d)\b", text)
    return f"{year.group(1)}-12-31" if year else "2023-05-10"


def probe_results(pipeline) -> list[tuple[str, dict[str, bool]]]:
    return role_results(pipeline, PROBES, published)


@pytest.fixture(scope="module")
def results(pipeline):
    return probe_results(pipeline)


def test_the_probe_set_is_large_and_varied():
    assert len(PROBES) >= 25
    assert len({t for t, *_ in PROBES}) == len(PROBES)


@pytest.mark.parametrize("role", ROLES)
def test_role_rate_holds(results, role):
    assert rates(results)[role] >= FLOORS[role], [(t, h) for t, h in results if not h.get(role, True)]


def demands_in(pipeline, text: str) -> list:
    return [e for e in pipeline.extract(text, published="2023-05-10")
            if e.modality == "asserted" and e.plover is not None and e.plover.event == "REQUEST"]


@pytest.mark.parametrize("text", NOT_DEMANDS)
def test_an_order_with_no_one_told_to_act_is_no_demand(pipeline, text):
    assert not demands_in(pipeline, text)


def test_an_order_of_troops_to_a_place_stays_a_deployment(pipeline):
    events = pipeline.extract("The president ordered more troops to the border with Venezuela.", published="2023-05-10")
    assert any(e.plover is not None and e.plover.event == "MOBILIZE" for e in events)


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    found = probe_results(Pipeline(workers=1))
    for text, hits in found:
        missed = [r for r, ok in hits.items() if not ok]
        if missed:
            print("MISS", missed, text)
    print({r: round(v, 3) for r, v in rates(found).items()}, len(found))
