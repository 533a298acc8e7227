"""A fourth PLOVER probe set, written for this project: which category the most confident record of a sentence
carries. The evaluation reads a PLOVER sentence twice: any asserted record of the right category (`type`), and the
single most confident record (`top1`). So besides finding the category, the main act of the sentence must outrank a
reported or a subordinate one: "X said it would retaliate after Y shelled Z" is a THREATEN, the shelling only its
occasion; "X expelled the envoy after he criticised Y" is a SANCTION.

Seven or more sentences per category, in the wire styles of several decades (1980s agency copy to today's
headlines), real and invented names, active and passive. Families: statements (ACCUSE, REJECT, THREATEN), meetings
and visits (CONSULT) against deals (AGREE), aid against joint work (AID, COOPERATE), demands (REQUEST), expulsions of
envoys (SANCTION) against expulsions of people and arrests (COERCE), troop movements (MOBILIZE) and withdrawals
(RETREAT). `python tests/test_plover_types_probe.py` prints the figures and every miss.
"""

from __future__ import annotations

import pytest

# (sentence, PLOVER category of its main act)
PROBES: list[tuple[str, str]] = [
    # -- AGREE ----------------------------------------------------------------------------------------------
    ("Botswana and Namibia signed an accord on shared river basins on Tuesday.", "AGREE"),
    ("The two Koreas agreed to reopen a military hotline, officials in Seoul said.", "AGREE"),
    ("Kuwait and Iraq reached a deal on the return of missing persons after talks in Geneva.", "AGREE"),
    ("Rebels of the Northern Front accepted a ceasefire brokered by Kenya.", "AGREE"),
    ("Greece pledged to cooperate with Albania in fighting arms smuggling.", "AGREE"),
    ("Morocco and Mauritania signed a fisheries agreement in Nouakchott.", "AGREE"),
    ("Lithuania and Latvia concluded a border treaty after years of talks.", "AGREE"),
    ("The Sandinista government agreed to hold talks with the Contra rebels, a spokesman said.", "AGREE"),
    # -- CONSULT --------------------------------------------------------------------------------------------
    ("The Zambian president arrived in Lusaka from talks with Angolan leaders.", "CONSULT"),
    ("Finnish Prime Minister Vella paid an official visit to Estonia on Monday.", "CONSULT"),
    ("The Mexican foreign minister held talks with his Guatemalan counterpart on migration.", "CONSULT"),
    ("Soviet and American negotiators met in Vienna on Thursday to discuss troop cuts.", "CONSULT"),
    ("The Indian prime minister telephoned the Sri Lankan president to discuss the fishermen issue.", "CONSULT"),
    ("A Chinese trade delegation visited Uganda last week.", "CONSULT"),
    ("Saudi King hosts Yemeni president for talks in Riyadh", "CONSULT"),
    ("The Bolivian envoy met officials of the Chilean foreign ministry in Santiago.", "CONSULT"),
    # -- SUPPORT --------------------------------------------------------------------------------------------
    ("The Dutch government praised Ghana for the peaceful handover of power.", "SUPPORT"),
    ("Brazil voiced support for Argentina's claim to the Falkland Islands.", "SUPPORT"),
    ("The European Union welcomed the release of political prisoners in Belarus.", "SUPPORT"),
    ("Kenya's president endorsed the Ugandan candidate for the African Union post.", "SUPPORT"),
    ("Norway recognised the new government of Libya on Friday.", "SUPPORT"),
    ("India restored diplomatic ties with Fiji after a ten-year break.", "SUPPORT"),
    ("Cuban leader hails Nicaragua's revolution on its anniversary", "SUPPORT"),
    # -- CONCEDE --------------------------------------------------------------------------------------------
    ("Syria freed three Lebanese fishermen on Wednesday.", "RETREAT"),
    ("The junta lifted the curfew in the capital after a week of calm.", "CONCEDE"),
    ("Japan eased restrictions on imports of Korean beef.", "CONCEDE"),
    ("The Kazakh government lifted the ban on opposition rallies.", "CONCEDE"),
    ("Kenya's cabinet scrapped the contested tax on bread.", "CONCEDE"),
    ("The Nepalese government accepted the Maoists' demand for a new constitution.", "CONCEDE"),
    ("Teachers called off their strike after the government raised their pay.", "CONCEDE"),
    ("Russia handed back the seized Ukrainian ships to Kyiv.", "RETREAT"),
    ("The Tunisian president pardoned 200 prisoners on the eve of the holiday.", "CONCEDE"),
    # -- COOPERATE ------------------------------------------------------------------------------------------
    ("Colombian and Ecuadorean troops carried out joint patrols along the border.", "COOPERATE"),
    ("Spain extradited a Moroccan suspect to Rabat on Tuesday.", "COOPERATE"),
    ("French and Malian police are sharing intelligence on the kidnappers.", "COOPERATE"),
    ("Thailand and Laos held joint military exercises near Vientiane.", "COOPERATE"),
    ("Kenyan police worked with Tanzanian officers to dismantle a poaching ring.", "COOPERATE"),
    ("Greek and Turkish rescuers cooperated in the search for survivors.", "COOPERATE"),
    ("Portugal handed over a wanted Angolan banker to the authorities in Luanda.", "COOPERATE"),
    # -- AID ------------------------------------------------------------------------------------------------
    ("Japan sent 500 tonnes of rice to flood-hit Bangladesh.", "AID"),
    ("The United States delivered arms to the Afghan resistance last year, a congressional report said.", "AID"),
    ("Sweden granted asylum to a Belarusian opposition leader.", "AID"),
    ("Germany gave Jordan 40 million euros to help it host Syrian refugees.", "AID"),
    ("Cuba dispatched a team of doctors to earthquake-stricken Haiti.", "AID"),
    ("The World Food Programme airlifted food to famine areas of southern Sudan.", "AID"),
    ("Ghana deployed 300 peacekeepers to Liberia on Sunday.", "AID"),
    # -- RETREAT --------------------------------------------------------------------------------------------
    ("Vietnamese troops withdrew from western Cambodia, Hanoi radio said.", "RETREAT"),
    ("Rebels pulled out of the town of Bor after two days of fighting.", "RETREAT"),
    ("About 400 guerrillas surrendered to the army in the south, officials said.", "RETREAT"),
    ("The last Soviet soldiers left Afghanistan on Wednesday.", "RETREAT"),
    ("Militiamen handed over their weapons to the peacekeepers in Bunia.", "RETREAT"),
    ("Ethiopian forces withdrew from the disputed town of Badme.", "RETREAT"),
    ("Armed groups in the Central African Republic began disarming under the peace deal.", "RETREAT"),
    # -- REQUEST --------------------------------------------------------------------------------------------
    ("Pakistan urged India to resume the stalled dialogue.", "REQUEST"),
    ("The Nigerian president appealed to Britain for help in recovering stolen funds.", "REQUEST"),
    ("Israel demanded that Lebanon disarm the militias in the south.", "REQUEST"),
    ("The Philippines asked Japan for patrol boats to guard its waters.", "REQUEST"),
    ("Opposition leaders called on the president to resign.", "REQUEST"),
    ("Iraq requested an emergency session of the Arab League.", "REQUEST"),
    ("Romania called for the release of its nationals held in Iraq.", "REQUEST"),
    # -- ACCUSE ---------------------------------------------------------------------------------------------
    ("Iran accused Iraq of using chemical weapons near Basra.", "ACCUSE"),
    ("Honduras criticised Nicaragua over the border incident.", "ACCUSE"),
    ("The Chinese foreign ministry condemned the visit of the Dalai Lama to Mongolia.", "ACCUSE"),
    ("Armenia blamed Azerbaijan for the collapse of the talks.", "ACCUSE"),
    ("Lebanon lodged a complaint with the UN Security Council over Israeli overflights.", "ACCUSE"),
    ("Sudan denounced the American air strike on the pharmaceutical plant.", "ACCUSE"),
    ("Zimbabwe says Britain is behind the sanctions campaign", "ACCUSE"),
    # -- REJECT ---------------------------------------------------------------------------------------------
    ("Serbia rejected the Kosovo independence plan on Monday.", "REJECT"),
    ("The Taliban refused to hand over the suspects to the United States.", "REJECT"),
    ("Eritrea turned down an Ethiopian offer of talks.", "REJECT"),
    ("Hamas rejected the Egyptian truce proposal, a spokesman said in Gaza.", "REJECT"),
    ("The North Korean government refused to allow inspectors into the reactor site.", "REJECT"),
    ("Morocco rejected Algeria's call for a referendum in Western Sahara.", "REJECT"),
    ("The rebels refused to lay down their arms.", "REJECT"),
    # -- THREATEN -------------------------------------------------------------------------------------------
    ("Turkey threatened to cut off water to Syria.", "THREATEN"),
    ("Russia warned Georgia against joining NATO.", "THREATEN"),
    ("Chad said it would retaliate after Sudanese militias attacked its border towns.", "THREATEN"),
    ("The rebels vowed to attack oil installations in the delta.", "THREATEN"),
    ("China warned it would take strong measures if Japan sent ships to the islands.", "THREATEN"),
    ("India threatened Pakistan with trade sanctions over the attacks.", "THREATEN"),
    ("The guerrillas gave the government an ultimatum to release their leaders within 48 hours.", "THREATEN"),
    # -- PROTEST --------------------------------------------------------------------------------------------
    ("Thousands of students marched in Dhaka to protest the fuel price rises.", "PROTEST"),
    ("Dock workers in Gdansk went on strike on Thursday.", "PROTEST"),
    ("Villagers blocked the road to the mine to demand compensation.", "PROTEST"),
    ("Hundreds demonstrated outside the Israeli embassy in Amman.", "PROTEST"),
    ("Prisoners at the jail in Lima began a hunger strike.", "PROTEST"),
    ("Taxi drivers rallied in Nairobi against the new fees.", "PROTEST"),
    ("Farmers staged a sit-in outside parliament in Seoul.", "PROTEST"),
    # -- SANCTION -------------------------------------------------------------------------------------------
    ("Peru expelled the Venezuelan ambassador on Wednesday.", "SANCTION"),
    ("The United States imposed sanctions on Iranian oil companies.", "SANCTION"),
    ("Egypt recalled its ambassador from Israel after the raid.", "SANCTION"),
    ("Ghana broke off diplomatic relations with Israel in 1973.", "SANCTION"),
    ("The European Union suspended aid to Niger after the coup.", "SANCTION"),
    ("Australia imposed an arms embargo on Fiji.", "SANCTION"),
    ("Britain expelled 23 Russian diplomats over the poisoning.", "SANCTION"),
    ("Turkey froze the assets of two Syrian businessmen.", "SANCTION"),
    # -- MOBILIZE -------------------------------------------------------------------------------------------
    ("India moved troops to the Chinese border after the clash.", "MOBILIZE"),
    ("Iraq massed troops along the Kuwaiti border, diplomats said.", "MOBILIZE"),
    ("The Greek army was put on high alert on Tuesday.", "MOBILIZE"),
    ("North Korea test-fired two short-range missiles into the sea.", "MOBILIZE"),
    ("Russia deployed extra warships to the Baltic Sea.", "MOBILIZE"),
    ("The Thai army sent reinforcements to the southern provinces.", "MOBILIZE"),
    ("Nigeria called up reservists as tension rose with Cameroon.", "MOBILIZE"),
    # -- COERCE ---------------------------------------------------------------------------------------------
    ("Police in Harare arrested 40 opposition supporters on Saturday.", "COERCE"),
    ("Chinese authorities detained two Canadian citizens in Beijing.", "COERCE"),
    ("The government imposed a curfew on the capital after the riots.", "COERCE"),
    ("Malaysia deported 300 Indonesian migrants on Friday.", "COERCE"),
    ("The military government banned all political parties.", "COERCE"),
    ("Soldiers seized the offices of the independent newspaper in Lome.", "COERCE"),
    ("Kuwait expelled thousands of Palestinian workers after the war.", "COERCE"),
    ("Israeli troops demolished the homes of two militants in Nablus.", "COERCE"),
    # -- ASSAULT --------------------------------------------------------------------------------------------
    ("Government troops shelled rebel positions near Jaffna, the military said.", "ASSAULT"),
    ("Gunmen killed five villagers in an attack in northern Burkina Faso.", "ASSAULT"),
    ("Turkish jets bombed Kurdish guerrilla bases in northern Iraq.", "ASSAULT"),
    ("A car bomb exploded outside a police station in Kirkuk, killing three.", "ASSAULT"),
    ("Rebels ambushed an army convoy near Goma.", "ASSAULT"),
    ("Police beat up journalists covering the protest, witnesses said.", "ASSAULT"),
    ("Guerrillas kidnapped two Italian engineers in the Niger delta.", "ASSAULT"),
]


def measure(pipeline, probes=None):
    """(share of sentences with an asserted record of the category, share whose most confident record has it), and
    the misses, scored as the evaluation scores PLOVER sentences."""
    probes = PROBES if probes is None else probes
    found = top = 0
    misses = []
    for text, category in probes:
        events = [e for e in pipeline.extract(text) if e.modality == "asserted"]
        kinds = [e.plover.event if e.plover else None for e in events]
        best = max(events, key=lambda e: e.confidence) if events else None
        best_kind = best.plover.event if best is not None and best.plover else None
        found += category in kinds
        top += best_kind == category
        if best_kind != category:
            misses.append((category, text, [(k, e.trigger, round(e.confidence, 2)) for k, e in zip(kinds, events)]))
    return {"type": found / len(probes), "top1": top / len(probes)}, misses


@pytest.fixture(scope="module")
def figures(pipeline):
    return measure(pipeline)[0]


def test_the_probe_set_covers_every_category_seven_times():
    from collections import Counter

    counts = Counter(category for _, category in PROBES)
    assert len(PROBES) >= 100 and len(counts) == 16 and min(counts.values()) >= 7


def test_plover_categories_of_the_probe_set(figures):
    assert figures["type"] >= 0.89  # 0.845 before the fixes of this set, 0.897 with them


def test_most_confident_record_of_the_probe_set(figures):
    assert figures["top1"] >= 0.89  # 0.836 before, 0.897 after


# families fixed beyond the probe set (sentences written after the fixes, so they are tests, not a measure), coded by
# the CAMEO code PLOVER's crosswalk files them under
FAMILIES = [
    # 154: forces moved up or called up
    ("Azerbaijan moved troops and tanks towards the Armenian border.", "MOBILIZE"),
    ("Serbia called up reservists after the shooting in the north.", "MOBILIZE"),
    # 074 / 073: peacekeepers deployed, doctors or rescuers dispatched abroad
    ("Bangladesh deployed 800 peacekeepers to South Sudan.", "AID"),
    ("Turkey dispatched rescuers and medics to quake-hit Albania.", "AID"),
    # 071: money or a loan given
    ("Kuwait gave 300 million dollars to Egypt to support its economy.", "AID"),
    # 0873: arms given up
    ("Hundreds of fighters handed in their weapons at a camp near Bouar.", "RETREAT"),
    # 05: relations restored
    ("Qatar and Bahrain restored diplomatic ties after a four-year rift.", "SUPPORT"),
    # 139: an ultimatum is a threat, not a plain demand
    ("The junta gave the rebels a 24-hour ultimatum to leave the capital.", "THREATEN"),
    # 084: things handed back; the act that took them, a participle on the object, is the matter, not the news
    ("Egypt handed back the seized fishing boats to Sudan.", "RETREAT"),
    ("Canada condemned the detained activist's trial in Riyadh.", "ACCUSE"),
    # 138: a party's own announced strike, "said it would attack"
    ("The militia said it would attack any convoy entering its territory.", "THREATEN"),
]


@pytest.mark.parametrize("text,category", FAMILIES)
def test_families_fixed_beyond_the_probe_set(pipeline, text, category):
    events = [e for e in pipeline.extract(text) if e.modality == "asserted"]
    assert events and max(events, key=lambda e: e.confidence).plover.event == category, text


@pytest.mark.parametrize("text", [
    "The army will attack the rebel stronghold next week.",  # a plan reported of others is no threat
    "The minister gave a speech to parliament on Tuesday.",
    "The army deployed troops in the capital.",  # own troops: a deployment, no aid
])
def test_plans_speeches_and_own_troops_are_no_threat_or_aid(pipeline, text):
    events = [e for e in pipeline.extract(text) if e.modality == "asserted"]
    assert not any(e.plover and e.plover.event in ("THREATEN", "AID") for e in events)


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    result, missed = measure(Pipeline(workers=1))
    for category, text, asserted in missed:
        print(f"{category:9} {text}\n          -> {asserted}")
    print({k: round(v, 3) for k, v in result.items()})
