"""A sixth PLOVER probe set, written for this project after test_plover_types_probe2.py: sentences whose main act is
told inside a frame, where the extractor gave no asserted record or the frame's record. Families: demands told as
what another party must or should do ("the rebels said the government must release the prisoners" is a REQUEST by
the rebels: CAMEO 10; a known gap, as "say" is no trigger: one that common would let nearly every article past the
relevance gate); attempts on a life told as such ("gunmen tried to assassinate the governor" is an ASSAULT:
CAMEO 186 takes in attempted assassinations); commitments and readiness declared ("said it is committed to the
talks" is an AGREE: CAMEO 03, intent to cooperate); and every other category in a reported-speech frame ("X said",
"officials said", "a court was told"), which must not outrank the act it reports.

Wire, local paper and headline styles of several decades, real and invented names, active and passive.
`python tests/test_plover_types_probe3.py` prints the figures and every miss.
"""

from __future__ import annotations

import pytest

from test_plover_types_probe import measure as measure_probes

# (sentence, PLOVER category of its main act)
PROBES: list[tuple[str, str]] = [
    # -- REQUEST: what another party must or should do, declared -----------------------------------------------
    ("The opposition said the president must resign before any talks can begin.", "REQUEST"),
    ("The union declared that the government must raise wages by March.", "REQUEST"),
    ("Guerrilla leaders announced that the army must leave the highlands before they disarm.", "REQUEST"),
    ("Washington said Belgrade must allow the inspectors into Kosovo, a State Department spokesman said.", "REQUEST"),
    ("The Arab League said Israel should withdraw from all occupied land.", "REQUEST"),
    ("Moscow insisted that NATO must halt its expansion eastward.", "REQUEST"),
    ("Kenyan bishops said the government should hold a referendum on the new constitution.", "REQUEST"),
    ("The Vardenian rebels stated that Colonel Osk must step down before any ceasefire.", "REQUEST"),
    ("Bonn said East Germany has to open its border crossings to West Berliners.", "REQUEST"),
    ("Nigeria urged Cameroon to pull its troops out of Bakassi.", "REQUEST"),
    ("The Pope appealed for an end to the fighting in Lebanon.", "REQUEST"),
    # -- ASSAULT: attempts on a life, and acts told in a frame --------------------------------------------------
    ("Gunmen tried to assassinate the governor of Kandahar on Monday, police said.", "ASSAULT"),
    ("A militant group said it had attempted to assassinate the interior minister.", "ASSAULT"),
    ("Rebels tried to kill President Sassou in an ambush on his motorcade, state radio said.", "ASSAULT"),
    ("The Basque separatists attempted to assassinate a judge in Bilbao in 1995.", "ASSAULT"),
    ("Army troops shelled rebel villages in Darfur, refugees told reporters.", "ASSAULT"),
    ("Police beat the detained activists with batons, a court in Harare was told.", "ASSAULT"),
    ("Suspected Islamists shot dead a French tourist in Algiers on Tuesday.", "ASSAULT"),
    ("Two policemen were killed when their patrol was ambushed near Tikrit.", "ASSAULT"),
    # -- AGREE: commitments declared, deals --------------------------------------------------------------------
    ("The Kenyan president said his government is committed to holding free elections.", "AGREE"),
    ("Damascus said it was committed to the peace process with Israel.", "AGREE"),
    ("The rebel leader declared that his movement remains committed to the ceasefire.", "AGREE"),
    ("Pretoria and Maputo signed a non-aggression pact in 1984.", "AGREE"),
    ("The warring factions agreed to a truce after talks in Addis Ababa.", "AGREE"),
    ("Ecuador and Peru sign border peace treaty", "AGREE"),
    # -- CONSULT ------------------------------------------------------------------------------------------------
    ("Chinese and Indian diplomats returned to Beijing on Monday for talks on the border dispute.", "CONSULT"),
    ("The Angolan foreign minister flew to Havana for consultations with Cuban leaders.", "CONSULT"),
    ("The Egyptian president received the Israeli prime minister in Sharm el-Sheikh.", "CONSULT"),
    ("Envoys of the two Koreas met at Panmunjom on Thursday, a spokesman said.", "CONSULT"),
    ("Malian mediators held talks with the Tuareg rebels in Algiers.", "CONSULT"),
    ("Irish PM meets Ulster leaders in Dublin", "CONSULT"),
    # -- ACCUSE -------------------------------------------------------------------------------------------------
    ("Uganda accused Sudan of arming the Lord's Resistance Army.", "ACCUSE"),
    ("The human rights group condemned the execution of two students in Tehran.", "ACCUSE"),
    ("Zimbabwe denounced British interference in its land reform.", "ACCUSE"),
    ("Amnesty International criticised Indonesia for the killings in East Timor.", "ACCUSE"),
    ("Lagos blamed Niamey for the border incident, the foreign ministry said.", "ACCUSE"),
    ("Ottrin says Belgravia is behind the bombing of its embassy", "ACCUSE"),
    # -- REJECT -------------------------------------------------------------------------------------------------
    ("The junta rejected calls for a transition to civilian rule.", "REJECT"),
    ("Baghdad refused to allow the weapons inspectors into the presidential sites.", "REJECT"),
    ("The Tamil rebels turned down the government's offer of talks, a spokesman said.", "REJECT"),
    ("Turkey denied the Kurdish party's request to hold a rally in Diyarbakir.", "REJECT"),
    ("The Sudanese president dismissed the court's arrest warrant as worthless.", "REJECT"),
    # -- THREATEN -----------------------------------------------------------------------------------------------
    ("The rebels threatened to attack the capital if the president did not resign.", "THREATEN"),
    ("Pyongyang warned it would take countermeasures if the exercises went ahead.", "THREATEN"),
    ("Ankara threatened Damascus with military action over its support for the PKK.", "THREATEN"),
    ("The militia warned foreign journalists to leave the city or face the consequences.", "THREATEN"),
    ("Belgrade threatens to cut power to Montenegro", "THREATEN"),
    # -- SUPPORT ------------------------------------------------------------------------------------------------
    ("The United Nations welcomed the peace accord signed in Lome.", "SUPPORT"),
    ("France praised Senegal for the smooth conduct of the elections.", "SUPPORT"),
    ("The Organisation of African Unity backed Ethiopia's position on the border.", "SUPPORT"),
    ("Morocco voiced support for the Saudi peace plan.", "SUPPORT"),
    ("Jamaica recognised the People's Republic of China in 1972.", "SUPPORT"),
    # -- AID ----------------------------------------------------------------------------------------------------
    ("Norway donated 20 million dollars to the Palestinian Authority.", "AID"),
    ("The Red Cross flew medical supplies to Goma on Friday.", "AID"),
    ("Libya supplied weapons to the rebels in Chad, diplomats said.", "AID"),
    ("Costa Rica granted political asylum to a Nicaraguan opposition leader.", "AID"),
    ("Egyptian engineers helped Sudan rebuild the bridge at Atbara.", "AID"),
    # -- COOPERATE ----------------------------------------------------------------------------------------------
    ("Syria extradited two Turkish Kurds to Ankara last week.", "COOPERATE"),
    ("Chadian and Nigerien troops launched a joint operation against Boko Haram.", "COOPERATE"),
    ("The police forces of Brazil and Paraguay shared information on the smuggling ring.", "COOPERATE"),
    ("Vietnam and Cambodia held joint naval patrols in the Gulf of Thailand.", "COOPERATE"),
    ("Pakistan handed over an al-Qaeda suspect to the United States.", "COOPERATE"),
    # -- CONCEDE ------------------------------------------------------------------------------------------------
    ("The military government released 300 political prisoners on Saturday.", "RETREAT"),
    ("Seoul lifted martial law in Kwangju after two weeks.", "CONCEDE"),
    ("The court dropped the charges against the 12 activists.", "CONCEDE"),
    ("The Prime Minister apologised to Aboriginal Australians for past wrongs.", "CONCEDE"),
    ("The government dropped its plan to raise bread prices after the riots.", "CONCEDE"),
    ("Kidnappers freed a German engineer in the Niger delta on Sunday.", "CONCEDE"),
    # -- RETREAT ------------------------------------------------------------------------------------------------
    ("Israeli troops withdrew from southern Lebanon in May 2000.", "RETREAT"),
    ("Hundreds of Maoist fighters laid down their weapons in Chitwan.", "RETREAT"),
    ("The rebels pulled back from the front line around Kisangani.", "RETREAT"),
    ("Government forces abandoned the town of Rumbek, a rebel spokesman said.", "RETREAT"),
    ("Two hundred militiamen surrendered to Ugandan troops near Kasese.", "RETREAT"),
    # -- SANCTION -----------------------------------------------------------------------------------------------
    ("Britain broke off diplomatic relations with Libya in 1984.", "SANCTION"),
    ("The United States imposed sanctions on Burmese military leaders.", "SANCTION"),
    ("Argentina recalled its ambassador from London over the incident.", "SANCTION"),
    ("The World Bank suspended aid to Malawi over governance concerns.", "SANCTION"),
    ("Ottrin expelled two Belgravian diplomats for spying.", "SANCTION"),
    # -- MOBILIZE -----------------------------------------------------------------------------------------------
    ("Greece put its armed forces on alert after the Turkish landing in Cyprus.", "MOBILIZE"),
    ("India moved troops and tanks to the Pakistani border in December 2001.", "MOBILIZE"),
    ("Nicaragua mobilised 10,000 reservists amid tension with Honduras.", "MOBILIZE"),
    ("Russia deployed additional warships to the Black Sea.", "MOBILIZE"),
    ("Ethiopia massed troops on the Eritrean border, diplomats said.", "MOBILIZE"),
    # -- PROTEST ------------------------------------------------------------------------------------------------
    ("Thousands of students demonstrated in Seoul against the military government.", "PROTEST"),
    ("Dockworkers in Mombasa went on strike over unpaid wages.", "PROTEST"),
    ("Farmers blocked highways in Normandy to protest against milk prices.", "PROTEST"),
    ("Hundreds of women marched through Monrovia demanding peace.", "PROTEST"),
    ("Opposition supporters rallied in Dhaka, police said.", "PROTEST"),
    # -- COERCE -------------------------------------------------------------------------------------------------
    ("Police arrested the opposition leader in Kampala on Thursday.", "COERCE"),
    ("The government banned the newspaper after it criticised the king.", "COERCE"),
    ("Authorities imposed a curfew on the town of Batna after the unrest.", "COERCE"),
    ("Israel demolished the family home of the bomber in Hebron.", "COERCE"),
    ("Security forces detained dozens of opposition activists in Baku, a rights group said.", "COERCE"),
]


def measure(pipeline):
    return measure_probes(pipeline, PROBES)


@pytest.fixture(scope="module")
def figures(pipeline):
    return measure(pipeline)[0]


def test_the_probe_set_covers_every_category_five_times():
    from collections import Counter

    counts = Counter(category for _, category in PROBES)
    assert len(PROBES) >= 80 and len(counts) == 16 and min(counts.values()) >= 5


def test_plover_categories_of_the_probe_set(figures):
    # 0.772 before the fixes of this set (commitments, aid flown, joint drills), 0.815 after; demands told with "said
    # ... must" stay a known gap: "say" as a trigger would let nearly every article past the relevance gate
    assert figures["type"] >= 0.80


def test_most_confident_record_of_the_probe_set(figures):
    assert figures["top1"] >= 0.80  # 0.772 before, 0.815 after (the demands told with "said ... must" left out)


# the everyday senses of the new triggers: no demand, no commitment
@pytest.mark.parametrize("text", [
    "Police said the gunmen must have fled across the border.",  # a guess, not a demand
    "The rebels said they must defend their villages.",  # what the speaker's own must do
    "He was committed to prison for life.",
    "The crimes were committed to intimidate voters.",
    "Two more battalions were committed to the offensive.",
    "The ministry remains committed to rebuilding the flooded provinces.",  # a commitment that goes on: no new step
])
def test_guesses_own_duties_and_committed_men_or_crimes_are_no_demand_or_commitment(pipeline, text):
    events = [e for e in pipeline.extract(text) if e.modality == "asserted"]
    assert not any(e.plover and e.plover.event in ("REQUEST", "AGREE") for e in events), text


@pytest.mark.parametrize("text", [
    "The wounded were flown to hospital in Nairobi.",  # a transport, no aid
    "Pakistan rushed troops to the border.",  # a deployment
    "Iran held military exercises near the Strait of Hormuz.",  # one force's exercises
    "Police patrols were stepped up in the capital.",
])
def test_people_flown_and_one_force_exercising_are_no_aid_or_cooperation(pipeline, text):
    events = [e for e in pipeline.extract(text) if e.modality == "asserted"]
    assert not any(e.plover and e.plover.event in ("AID", "COOPERATE") for e in events), text


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    result, missed = measure(Pipeline(workers=1))
    for category, text, asserted in missed:
        print(f"{category:9} {text}\n          -> {asserted}")
    print({k: round(v, 3) for k, v in result.items()}, len(PROBES))
