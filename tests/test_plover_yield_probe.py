"""PLOVER splits CAMEO's YIELD (08) in two: CONCEDE is the yielding said or decreed (demands met, restrictions on
freedoms, a ban or a state of emergency eased, an apology, a resignation, power handed on: CAMEO 081-083), RETREAT
the material step (people released, property or remains given back, economic sanctions or a blockade eased:
CAMEO 0841, 0842, 085, 0872). Sentences written for this test; `python tests/test_plover_yield_probe.py` prints
the misses."""

import pytest

RELEASES = [
    # people set free (0841)
    ("Cuba freed 53 political prisoners under a deal with the Vatican.", "RETREAT"),
    ("The Houthis released 14 Saudi detainees on humanitarian grounds.", "RETREAT"),
    ("Gunmen released the kidnapped priest unharmed after five days.", "RETREAT"),
    ("Morocco freed 120 Algerian migrants held since the spring.", "RETREAT"),
    ("Belarus released a jailed opposition blogger on Tuesday.", "RETREAT"),
    ("The junta in Bamako set free two French journalists.", "RETREAT"),
    ("The Sudanese authorities released 300 protesters detained last month.", "RETREAT"),
    ("Kenya released the Somali fishermen seized off Lamu.", "RETREAT"),
    ("Fifty prisoners of war were released by Azerbaijan on Sunday.", "RETREAT"),
    ("Colombia's ELN handed over three captive soldiers to a Red Cross mission.", "RETREAT"),
    ("The release of 40 Eritrean detainees by Ethiopia was welcomed by the UN.", "RETREAT"),
    # property or remains given back (0842)
    ("Iran returned the seized British oil tanker to its owners.", "RETREAT"),
    ("North Korea handed back the bodies of two South Korean fishermen.", "RETREAT"),
    ("Russia handed back the remains of 48 Ukrainian soldiers on Friday.", "RETREAT"),
    ("The coast guard of Sri Lanka returned the impounded Indian trawlers.", "RETREAT"),
    # economic sanctions and blockades eased (085, 0872)
    ("Washington lifted sanctions on Venezuela's state oil company.", "RETREAT"),
    ("The European Union eased its embargo on Syrian oil exports.", "RETREAT"),
    ("Israel eased the blockade of the Gaza Strip on Thursday.", "RETREAT"),
    ("Saudi Arabia and its allies lifted the blockade of Qatar.", "RETREAT"),
    ("Japan lifted economic sanctions on Myanmar after the vote.", "RETREAT"),
    # others let in (086) and a truce one side declares (0871)
    ("Iraq allowed UN weapons inspectors to return to the sites.", "RETREAT"),
    ("The junta allowed aid convoys to reach the besieged town of Loikaw.", "RETREAT"),
    ("Damascus granted humanitarian access to the Rukban camp on Friday.", "RETREAT"),
    ("The ELN declared a unilateral ceasefire over the Christmas holidays.", "RETREAT"),
    ("Hamas announced a ceasefire after Egyptian mediation.", "RETREAT"),
]

CONCESSIONS = [  # and agreements: a truce agreed is no one side's step
    ("The government lifted the curfew in Srinagar on Monday.", "CONCEDE"),
    ("Ethiopia lifted the state of emergency imposed in November.", "CONCEDE"),
    ("The president met the demands of the striking doctors.", "CONCEDE"),
    ("The military council handed over power to a civilian cabinet.", "CONCEDE"),
    ("Prosecutors dropped the charges against the opposition leader.", "CONCEDE"),
    ("The prime minister of Peru resigned after the protests.", "CONCEDE"),
    ("Japan's emperor apologised to the Philippines for the occupation.", "CONCEDE"),
    ("The junta lifted the ban on political parties.", "CONCEDE"),
    ("Tunisia's president reversed his decision to dissolve the council.", "CONCEDE"),
    ("The two sides agreed to a ceasefire in Geneva.", "AGREE"),
    ("Kyiv and Moscow signed a truce brokered by Turkey.", "AGREE"),
    ("The regime bowed to pressure and restored internet access in the region.", "CONCEDE"),
]

CASES = RELEASES + CONCESSIONS


def categories(pipeline, text):
    return {e.plover.event for e in pipeline.extract(text) if e.modality == "asserted"}


def top_category(pipeline, text):
    events = [e for e in pipeline.extract(text) if e.modality == "asserted"]
    return max(events, key=lambda e: e.confidence).plover.event if events else None


def share_right(pipeline, cases):
    return sum(top_category(pipeline, text) == want for text, want in cases) / len(cases)


def test_releases_and_returns_are_retreats(pipeline):
    assert share_right(pipeline, RELEASES) >= 0.85


def test_yielding_in_words_stays_a_concession(pipeline):
    assert share_right(pipeline, CONCESSIONS) >= 0.8


@pytest.mark.parametrize("text", [
    "The factory released toxic fumes into the river.",
    "The ministry released the names of the new ambassadors.",
    "The striker returned to training on Monday.",
])
def test_no_release_where_nothing_is_set_free(pipeline, text):
    assert "RETREAT" not in categories(pipeline, text)


if __name__ == "__main__":
    from eventwire import Pipeline

    nlp = Pipeline()
    for text, want in CASES:
        got = top_category(nlp, text)
        if got != want:
            print(f"{want:8} got {got}: {text}")
