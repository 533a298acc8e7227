"""An eighth CASE 2021-style probe set (issue 16), written for this project: short texts with one label each, read as
the CASE 2021 shared task reads them (the most confident asserted event with an ACLED type decides the label; none
-> no event). It is written on the battle and strategic-development labels the held-out figures show weak: an
armed clash (both sides fire) against an attack (one side unarmed or caught unaware); air strikes and shelling told
without those words (warplanes pounded, jets bombed, rockets fired from across the border, artillery hit); ground
taken, retaken or handed over against things, people, power or votes seized; an armed group or a state force that
changes (a merger, a split, a new name or leader, recruits, troops deployed or withdrawn, a curfew, weapons handed
in or destroyed, a base or a road closed); agreements (ceasefires, peace deals, prisoner exchanges, local truces);
ACLED's "other" developments; and controls with no ACLED event. Real and invented names from many countries, wire,
local-paper and headline styles. `python tests/test_case_labels_probe7.py` prints the rate per label and every miss.
"""

from __future__ import annotations

from collections import Counter

import pytest

from probes import (
    AGREEMENT,
    AIR,
    ATTACK,
    CHANGE,
    CLASH,
    DISRUPTED,
    LOOTING,
    OTHER,
    OVERTAKE,
    REGAIN,
    SHELL,
    TRANSFER,
    top_sub_type,
)

# (text, the CASE label's ACLED sub-type; None: no ACLED event)
PROBES: list[tuple[str, str | None]] = [
    # -- an armed clash: both sides are armed and fire --------------------------------------------------------------
    ("Troops and fighters of the Lord's Resistance Army exchanged fire for three hours near Obo on Tuesday.", CLASH),
    ("Gunmen ambushed a military convoy near Dori on Sunday; the soldiers returned fire, killing four assailants.",
     CLASH),
    ("Fighting broke out between the Ngara militia and the Vumba self-defence group in Kalehe territory on 4 June.",
     CLASH),
    ("Police engaged suspected bandits in a gun battle in the Maru area of Zamfara, killing six of them.", CLASH),
    ("Two soldiers and nine militants died in a firefight in Kurram district on Sunday, the army said.", CLASH),
    ("Rival factions of the Tuareg movement battled each other with heavy machine guns outside Anefis.", CLASH),
    ("Security forces repelled an attack on a checkpoint near Ras Kamboni after a two-hour exchange of fire.", CLASH),
    ("An army unit fought off Boko Haram insurgents who tried to overrun its base in Monguno on Friday night.", CLASH),
    ("Heavy fighting raged between government forces and Houthi rebels on the outskirts of Marib on Monday.", CLASH),
    ("Militants attacked a police post in Lakki Marwat; the policemen fought back and the attackers fled.", CLASH),
    ("FARC dissidents and ELN guerrillas clashed in a rural area of Tame, Arauca, leaving seven dead.", CLASH),
    ("Soldiers killed three gunmen in a shootout near the border town of Chaman, the military said.", CLASH),
    ("Kenyan troops battled al-Shabaab fighters in the Boni forest of Lamu county on Friday.", CLASH),
    ("Armed herders and a local vigilante group traded gunfire in Bassa on Monday night, killing four.", CLASH),
    ("Insurgents opened fire on a navy patrol boat off Basilan island and the marines returned fire.", CLASH),
    ("UVIRA, Dec 3 - Mai-Mai Yakutumba fighters and the Congolese army fought for a road near Fizi on Thursday.",
     CLASH),
    ("Three soldiers were wounded when militants ambushed their patrol in the Kurram valley; the firing went on "
     "for an hour.", CLASH),
    ("Zorvanian rebels and government troops fought a pitched battle near the village of Ostrakan on Saturday.",
     CLASH),
    ("Gunfight in Anantnag: two militants, one soldier killed", CLASH),
    ("Members of the Ambazonia Defence Forces clashed with soldiers in Bamenda, leaving two fighters dead.", CLASH),
    # -- an attack: the people hit are unarmed or caught unaware, nobody fires back -------------------------------------
    ("Gunmen stormed a church in Owo during Sunday mass and shot dead 22 worshippers.", ATTACK),
    ("Unknown assailants killed a village chief and his two sons in their home in Kasai on Thursday night.", ATTACK),
    ("Militiamen armed with machetes killed 14 displaced people in a camp near Djugu on Tuesday.", ATTACK),
    ("Suspected herders attacked farmers working in their fields in Guma, Benue state, killing five.", ATTACK),
    ("Gunmen on motorcycles opened fire on a market in Tillaberi region, killing 18 traders.", ATTACK),
    ("Soldiers shot dead three unarmed fishermen on the shore of Lake Chad, residents said.", ATTACK),
    ("A local journalist was shot dead by two gunmen outside his home in Culiacan on Wednesday.", ATTACK),
    ("Armed men pulled passengers off a bus near Mandera and executed 28 of them.", ATTACK),
    ("Gunmen killed a teacher and two pupils in a raid on a village school in Borno.", ATTACK),
    ("A health worker was hacked to death by militia members in Beni territory.", ATTACK),
    ("ADF rebels killed 30 villagers in overnight raids in Irumu territory, local officials said.", ATTACK),
    ("Janjaweed fighters shot villagers as they fled their burning homes in West Darfur.", ATTACK),
    ("Two aid workers were shot dead in an ambush on their marked vehicle near Kaga Bandoro.", ATTACK),
    ("Masked gunmen ambushed a bus carrying pilgrims in Reasi, killing nine passengers.", ATTACK),
    ("Attackers set fire to a hut in Bokkos with a family of six asleep inside.", ATTACK),
    ("Militants beheaded two farmers in a village near Palma, Cabo Delgado province.", ATTACK),
    ("Paramilitary fighters opened fire on displaced families queuing for food in El Geneina, killing eleven.",
     ATTACK),
    ("Gunmen killed 16 miners at a gold site near Djibo as they slept.", ATTACK),
    ("Security forces killed a street vendor in Harare after he refused to pay a bribe, witnesses said.", ATTACK),
    # -- soldiers or police caught off duty, unarmed or at home: attacked, not fought ------------------------------------
    ("Gunmen shot dead an off-duty soldier outside his home in Bamenda on Sunday.", ATTACK),
    ("Suspected militants killed two unarmed policemen at a tea stall in Pulwama.", ATTACK),
    ("A police officer was shot dead in his sleep by attackers in Kaduna state.", ATTACK),
    ("Militants killed a soldier on leave in his home village near Kandahar.", ATTACK),
    ("Two plainclothes gendarmes were gunned down by unknown assailants in a bar in Ouagadougou.", ATTACK),
    ("Gunmen attacked a police post in Kwara overnight; the officers returned fire and killed two of them.", CLASH),
    # -- air strikes told by the aircraft or the bombing, not the words 'air strike' -------------------------------------
    ("Warplanes pounded rebel positions around Kafr Nabl on Wednesday.", AIR),
    ("Coalition jets bombed a wedding hall in Hajjah province, killing 20 guests.", AIR),
    ("Russian jets struck a market in Maarat al-Numan, killing 15 people.", AIR),
    ("Helicopter gunships fired on a convoy of trucks near Agadez on Monday.", AIR),
    ("A US drone fired two missiles at a car in North Waziristan, killing three suspected militants.", AIR),
    ("Military aircraft bombed a village in South Kordofan, destroying a school and a clinic.", AIR),
    ("Fighter jets hit Taliban hideouts in Helmand overnight, the defence ministry said.", AIR),
    ("Turkish aircraft struck PKK targets in the Qandil mountains on Sunday.", AIR),
    ("An unmanned aerial vehicle targeted a house in Marib, killing a tribal leader.", AIR),
    ("Ethiopian warplanes bombed Mekelle for a second day on Tuesday.", AIR),
    ("Regime helicopters dropped barrel bombs on Daraya, killing eight civilians.", AIR),
    ("The air force raided militant positions in north Sinai, killing 12 fighters.", AIR),
    ("Bombs dropped by a military plane killed seven herders near Yola.", AIR),
    ("A Reaper drone killed an al-Shabaab commander near Jilib on Friday.", AIR),
    ("Government planes bombarded the rebel-held town of Kauda in the Nuba mountains.", AIR),
    # -- shelling and missiles told by the weapon or its fire, not the word 'shelling' -----------------------------------
    ("Rockets fired from across the border struck homes in Kilis on Sunday.", SHELL),
    ("Artillery hit the outskirts of Donetsk overnight, damaging a school.", SHELL),
    ("Mortar rounds landed near the presidential palace in Mogadishu on Tuesday.", SHELL),
    ("Grad rockets rained down on Kramatorsk, killing two people.", SHELL),
    ("Indian troops fired mortars at Pakistani posts along the Line of Control.", SHELL),
    ("Houthi rebels launched a ballistic missile at the Saudi city of Jizan.", SHELL),
    ("Katyusha rockets hit a military base near Baghdad airport late on Monday.", SHELL),
    ("Militants fired rockets into the airport compound in Kandahar on Saturday.", SHELL),
    ("Howitzers pounded villages along the front line in Tavush province.", SHELL),
    ("Government artillery bombarded the rebel-held town of Rutshuru.", SHELL),
    ("Projectiles fired from Gaza hit a kindergarten in Sderot.", SHELL),
    ("A missile fired from a warship struck a radar station near Odesa.", SHELL),
    ("Heavy guns opened up on the besieged district of Kobani at dawn.", SHELL),
    ("Rockets slammed into a residential area of Tripoli's Abu Salim district, killing three.", SHELL),
    ("Two rockets landed in an empty field near the US embassy in Baghdad late on Sunday.", SHELL),
    ("Shells fell on a bread queue in the centre of Gorlivka, killing four people.", SHELL),
    # -- ground taken by a non-state group -------------------------------------------------------------------------------
    ("Jihadists seized control of the district headquarters in Boni after heavy fighting with the army.", OVERTAKE),
    ("M23 rebels took the town of Bunagana following clashes with the army.", OVERTAKE),
    ("Taliban fighters overran the district centre of Jani Khel on Tuesday.", OVERTAKE),
    ("Houthi forces captured a strategic mountain overlooking the port of Hodeidah.", OVERTAKE),
    ("Al-Shabaab fighters captured the town of Bulo Burde after government troops withdrew under fire.", OVERTAKE),
    ("Insurgents in Cabo Delgado took control of the port town of Mocimboa da Praia.", OVERTAKE),
    # -- things, people, power or votes seized: no ground taken ---------------------------------------------------------
    ("Militants seized two trucks carrying food aid near Gao and drove them away.", LOOTING),
    ("Customs officers seized a shipment of rifles at the port of Mombasa.", DISRUPTED),
    ("The ruling coalition seized control of the senate in Tuesday's vote.", None),
    ("Anti-narcotics police seized 500 kilograms of heroin at the port of Karachi.", None),
    ("The opposition took control of Kampala city council after local elections.", None),
    ("Investors took control of the bank after a hostile bid.", None),
    ("Villagers captured a leopard that had strayed into Nainital town.", None),
    # -- ground retaken by the state -----------------------------------------------------------------------------------
    ("The Iraqi army recaptured the town of Rutba from Islamic State fighters.", REGAIN),
    ("Government troops took back Mocimboa da Praia from insurgents on Sunday.", REGAIN),
    ("Soldiers drove Boko Haram fighters out of Gwoza and restored government control.", REGAIN),
    ("Afghan forces retook the city of Kunduz after a three-day battle with the Taliban.", REGAIN),
    ("The army said it had cleared militants out of Marawi and regained full control of the city.", REGAIN),
    ("Loyalist forces wrested the village of Kinsabba from rebels.", REGAIN),
    # -- ground handed over or abandoned, without fighting --------------------------------------------------------------
    ("Government troops withdrew from Kafia Kingi and SPLA-IO fighters took over the town without a shot fired.",
     TRANSFER),
    ("French forces handed over the Gossi base to the Malian army on Tuesday.", TRANSFER),
    ("Russian troops pulled out of Kherson city and Ukrainian forces entered unopposed.", TRANSFER),
    ("Al-Shabaab fighters abandoned the town of Tiyeglow, and Ethiopian troops moved in.", TRANSFER),
    ("The army pulled out of Bentiu on Monday and SPLA-IO fighters moved in without resistance.", TRANSFER),
    ("The Taliban took Mazar-i-Sharif without a fight after local commanders surrendered the city.", TRANSFER),
    ("The militia handed control of the oil terminal at Ras Lanuf to the national guard.", TRANSFER),
    ("UN peacekeepers handed their camp in Ber over to local authorities.", TRANSFER),
    ("Rebels entered Goma unopposed after the army retreated.", TRANSFER),
    # -- an armed group or a state force changes: merged, split, renamed, led, recruits, deployed, withdrawn ------------
    ("Two rebel factions in Darfur merged into a single movement called the Sudan Liberation Alliance.", CHANGE),
    ("The Karen National Liberation Army appointed a new commander-in-chief on Monday.", CHANGE),
    ("The Nigerian army deployed 2,000 troops to Zamfara state to curb banditry.", CHANGE),
    ("France completed the withdrawal of its troops from the Menaka base on Monday.", CHANGE),
    ("The Ansaroul Islam group split into two rival factions after the death of its leader.", CHANGE),
    ("Militia leaders in Ituri began recruiting young men in villages around Bunia.", CHANGE),
    ("Authorities imposed a dusk-to-dawn curfew in Jos after Sunday's violence.", CHANGE),
    ("The Free Syrian Army rebranded itself as the Syrian National Army.", CHANGE),
    ("About 300 members of the ADF handed in their weapons to the army in Beni.", CHANGE),
    ("Former combatants handed over 500 rifles at a disarmament ceremony in Bangui.", CHANGE),
    ("Police publicly burned 3,000 illicit firearms at a ceremony in Nairobi.", CHANGE),
    ("The army closed the main road between Kidal and Gao to civilian traffic.", CHANGE),
    ("The army shut down its base in Tessalit and moved the troops to Gao.", CHANGE),
    ("The Arakan Army launched a recruitment drive in villages of Rakhine state.", CHANGE),
    ("Hundreds of recruits began training at a militia camp near Bossangoa.", CHANGE),
    ("The National Liberation Front of Tripura elected a new leader after the death of its founder.", CHANGE),
    ("Ukraine sent additional troops to the border with Belarus.", CHANGE),
    ("Russia withdrew its peacekeepers from Karabakh on Wednesday.", CHANGE),
    ("Kenyan police officers were deployed to Port-au-Prince as part of the multinational mission.", CHANGE),
    ("Maoist rebels renamed their armed wing the People's Liberation Guerrilla Army.", CHANGE),
    ("Fifty fighters of the Mai-Mai Mazembe defected to the army in Lubero.", CHANGE),
    ("The Zelinovan Patriotic Front announced a new strategy of targeting foreign mining companies.", CHANGE),
    ("ISWAP named a new governor for its Lake Chad province, the group said in a video.", CHANGE),
    ("Police in Karachi banned pillion riding for a week over security concerns.", CHANGE),
    ("Soldiers were sent to guard polling stations across Kinshasa ahead of the vote.", CHANGE),
    # -- agreements: ceasefires, peace deals, prisoner exchanges, local truces -------------------------------------------
    ("The government and the ELN agreed a bilateral ceasefire in Havana on Friday.", AGREEMENT),
    ("Warring clans in Galmudug signed a local truce brokered by elders.", AGREEMENT),
    ("Russia and Ukraine exchanged 200 prisoners of war on Saturday.", AGREEMENT),
    ("Armenia and Azerbaijan agreed a humanitarian truce to collect the bodies of the dead.", AGREEMENT),
    ("The Moro Islamic Liberation Front and Manila signed a comprehensive peace deal.", AGREEMENT),
    ("Herders and farmers in Plateau state signed a peace accord ending months of violence.", AGREEMENT),
    ("The army and the Tuareg rebels agreed a cessation of hostilities in northern Mali.", AGREEMENT),
    ("Hamas and Israel agreed an Egyptian-brokered truce late on Thursday.", AGREEMENT),
    ("Two rival militias in Tripoli reached a deal to pull their fighters out of the airport area.", AGREEMENT),
    ("The Houthis freed 50 captives in exchange for 40 of their fighters held by the coalition.", AGREEMENT),
    ("Rebel commanders and the governor of Ituri signed a non-aggression pact in Bunia.", AGREEMENT),
    ("The warring parties in South Sudan signed a power-sharing agreement in Addis Ababa.", AGREEMENT),
    ("Dozens of detainees were swapped between the government and the rebels in Taiz.", AGREEMENT),
    ("Nuer and Dinka community leaders reached a peace agreement in Bor on Sunday.", AGREEMENT),
    ("The rebels released 12 soldiers in return for 30 of their fighters held in Juba.", AGREEMENT),
    ("Security forces and the Kurdish militants observed a truce over the Eid holiday.", AGREEMENT),
    # -- other strategic developments: a coup with no fighting, a mass grave found ----------------------------------------
    ("A mass grave holding 40 bodies was discovered near the village of Bambasi.", OTHER),
    ("Investigators found a mass grave on the outskirts of Izium on Friday.", OTHER),
    ("The military took over the presidential palace in Libreville and suspended the constitution.", OTHER),
    ("Officers of the presidential guard removed the president in Niamey and set up a transitional council.",
     OTHER),
    ("Exhumation teams uncovered a mass grave with at least 25 bodies near Sabratha on Wednesday.", OTHER),
    ("Soldiers seized the state broadcaster in Bissau, suspended the constitution and closed the borders.", OTHER),
    # -- no ACLED event: talks, calls, plans, refusals ---------------------------------------------------------------------
    ("The UN demanded an inquiry into reports of mass graves in Tigray.", None),
    ("Talks on a ceasefire in Sudan resumed in Jeddah on Monday.", None),
    ("Church leaders in Bamako appealed for a truce between the army and the rebels.", None),
    ("Police closed several roads in central London for the marathon on Sunday.", None),
    ("The UN called for a humanitarian truce in Gaza.", None),
    ("The rebels rejected the government's ceasefire proposal as a trick.", None),
    ("Troops will be deployed to the border next month, the defence minister said.", None),
    ("The army plans to recruit 10,000 soldiers next year.", None),
    ("The ministry said the curfew in Dhaka would be lifted next week.", None),
    ("Flooding forced the closure of the main road between Beira and Chimoio.", None),
    ("The football club appointed a new head coach on Monday.", None),
    ("The two companies agreed a merger worth 4 billion dollars.", None),
    ("Unions and employers signed a wage agreement in Johannesburg.", None),
]


def measure(pipeline):
    """The share of probes labelled right, the rate per label, and the misses."""
    misses = [(label, text, got) for text, label in PROBES if (got := top_sub_type(pipeline, text)) != label]
    totals = Counter(label for _, label in PROBES)
    missed = Counter(label for label, _, _ in misses)
    rates = {label: 1 - missed[label] / count for label, count in totals.items()}
    return 1 - len(misses) / len(PROBES), rates, misses


@pytest.fixture(scope="module")
def accuracy(pipeline):
    return measure(pipeline)[0]


def test_the_probe_set_covers_the_families():
    assert len(PROBES) >= 150
    labels = {label for _, label in PROBES}
    assert {CLASH, ATTACK, AIR, SHELL, OVERTAKE, REGAIN, TRANSFER, CHANGE, AGREEMENT, OTHER, None} <= labels


# measured on the 164 texts: 0.738 on main (3fac3f3) before this set's branch, 0.927 after (rates per label before ->
# after: change to group/activity 0.48 -> 0.80, non-violent transfer 0.56 -> 0.89, other 0.00 -> 0.83, attack 0.75 ->
# 0.96, agreement 0.88 -> 1.00, no event 0.83 -> 1.00; the misses left: a camp handed "over" after its place, a
# rebranding, a training camp, a new strategy or a ban announced, troops sent that the typing model vetoes, a hut set
# on fire with a family inside, trucks seized with food aid); the floor leaves slack for parser ties
def test_case_labels_probe7(accuracy):
    assert accuracy >= 0.90


if __name__ == "__main__":
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from eventwire.extraction.pipeline import Pipeline

    accuracy_, rates_, misses_ = measure(Pipeline(workers=1))
    print(f"accuracy {accuracy_:.3f} ({len(PROBES)} probes)")
    for label_, rate_ in sorted(rates_.items(), key=lambda item: item[1]):
        print(f"  {label_}: {rate_:.2f}")
    for miss in misses_:
        print(miss)
